#include "Image.hpp"
// <image>: x, y, width, height (the picture's own size when absent, as SVG 2 says),
// preserveAspectRatio, href or xlink:href, image-rendering. Pictures are decoded by
// Debian's stb_image (libstb), PNG and JPEG only (their signatures are checked first, so
// that no other stb decoder sees the input), sized before decoding so that a limit is
// reached without allocating.

#include "Scanner.hpp"

#include <glumpp/svg/Document.hpp>

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>

namespace glumpp::svg::detail {

namespace {

int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62; // '-' and '_': the URL-safe alphabet
    if (c == '/' || c == '_') return 63;
    return -1;
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// The encoded bytes an href names, or nothing with a message.
std::optional<std::vector<unsigned char>> href_bytes(std::string_view href, const std::optional<std::filesystem::path>& base,
                                                     std::vector<std::string>& problems) {
    href = trim(href);
    if (href.size() >= 5 && lower(href.substr(0, 5)) == "data:") {
        const std::size_t comma = href.find(',');
        if (comma == std::string_view::npos) {
            problems.push_back("href: a data: URI without a comma; skipped");
            return std::nullopt;
        }
        const std::string header = lower(href.substr(5, comma - 5));
        if (header.size() < 7 || header.substr(header.size() - 7) != ";base64") {
            problems.push_back("href: only base64 data: URIs are supported, not " + quote(href.substr(0, comma + 1)) + "; skipped");
            return std::nullopt;
        }
        std::vector<unsigned char> out;
        if (!decode_base64(href.substr(comma + 1), out)) {
            problems.push_back(out.size() >= max_image_bytes
                                   ? "href: the data: URI holds more than " + std::to_string(max_image_bytes) + " bytes; skipped"
                                   : std::string("href: the data: URI is not valid base64; skipped"));
            return std::nullopt;
        }
        return out;
    }
    const std::size_t colon = href.find(':'), slash = href.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash) && colon > 1) {
        problems.push_back("href " + quote(href) + ": only data: URIs and relative file names are supported; skipped");
        return std::nullopt;
    }
    if (!base) {
        problems.push_back("href " + quote(href) + ": the document was parsed without a base directory, so files are not read; skipped");
        return std::nullopt;
    }
    std::error_code error;
    const std::filesystem::path root = std::filesystem::weakly_canonical(*base, error);
    const std::filesystem::path file = std::filesystem::weakly_canonical(root / std::filesystem::path(std::string(href)), error);
    const auto [end, _] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (error || end != root.end()) {
        problems.push_back("href " + quote(href) + ": outside the document's directory; skipped");
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problems.push_back("href " + quote(href) + ": cannot open the file; skipped");
        return std::nullopt;
    }
    std::vector<unsigned char> out;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        out.insert(out.end(), buffer, buffer + in.gcount());
        if (out.size() > max_image_bytes) {
            problems.push_back("href " + quote(href) + ": the file holds more than " + std::to_string(max_image_bytes) + " bytes; skipped");
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

bool decode_base64(std::string_view text, std::vector<unsigned char>& out) {
    out.clear();
    unsigned bits = 0;
    int count = 0, padding = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_space(c)) continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        const int v = base64_value(c);
        if (v < 0 || padding > 0) return false; // data after the padding is not base64
        bits = (bits << 6) | static_cast<unsigned>(v);
        if (++count == 4) {
            out.push_back(static_cast<unsigned char>(bits >> 16));
            out.push_back(static_cast<unsigned char>(bits >> 8));
            out.push_back(static_cast<unsigned char>(bits));
            bits = 0;
            count = 0;
            if (out.size() >= max_image_bytes) return false;
        }
    }
    if (count == 1 || padding > 2) return false;
    if (count == 2) out.push_back(static_cast<unsigned char>(bits >> 4));
    if (count == 3) {
        out.push_back(static_cast<unsigned char>(bits >> 10));
        out.push_back(static_cast<unsigned char>(bits >> 2));
    }
    return true;
}

std::optional<Shape> image_shape(pugi::xml_node node, const Transform& ctm, const Viewport& viewport, float alpha,
                                 const std::optional<std::filesystem::path>& base, std::size_t& pixels_used,
                                 std::vector<std::string>& problems) {
    // Geometry first: a bad attribute skips the element whatever its picture.
    const double x = length_attribute(node, "x", Axis::X, viewport, 0.0, true);
    const double y = length_attribute(node, "y", Axis::Y, viewport, 0.0, true);
    // Negative: absent (the picture's own size, known once it is decoded).
    const double w = length_attribute(node, "width", Axis::X, viewport, -1.0, false);
    const double h = length_attribute(node, "height", Axis::Y, viewport, -1.0, false);
    const AspectRatio ar = aspect_ratio_attribute(node);
    if (w == 0.0 || h == 0.0) return std::nullopt; // SVG: disables rendering, silently
    pugi::xml_attribute href = node.attribute("href");
    if (!href) href = node.attribute("xlink:href");
    if (!href || trim(href.value()).empty()) {
        problems.push_back("no href; skipped");
        return std::nullopt;
    }
    const auto bytes = href_bytes(href.value(), base, problems);
    if (!bytes) return std::nullopt;
    static constexpr unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    const bool png = bytes->size() >= 8 && std::equal(png_signature, png_signature + 8, bytes->begin());
    const bool jpeg = bytes->size() >= 3 && (*bytes)[0] == 0xFF && (*bytes)[1] == 0xD8 && (*bytes)[2] == 0xFF;
    if (!png && !jpeg) {
        problems.push_back("href: the data is neither PNG nor JPEG; skipped");
        return std::nullopt;
    }
    const int size = static_cast<int>(bytes->size());
    int iw = 0, ih = 0, channels = 0;
    if (!stbi_info_from_memory(bytes->data(), size, &iw, &ih, &channels) || iw < 1 || ih < 1) {
        problems.push_back(std::string("href: corrupt ") + (png ? "PNG" : "JPEG") + " data (" + stbi_failure_reason() + "); skipped");
        return std::nullopt;
    }
    const std::size_t pixels = std::size_t(iw) * std::size_t(ih);
    if (pixels > max_image_pixels) {
        problems.push_back("href: a " + std::to_string(iw) + "x" + std::to_string(ih) + " image is more than " +
                           std::to_string(max_image_pixels) + " pixels; skipped");
        return std::nullopt;
    }
    if (pixels_used + pixels > max_total_image_pixels) {
        problems.push_back("the document's images would hold more than " + std::to_string(max_total_image_pixels) +
                           " pixels; skipped");
        return std::nullopt;
    }
    int dw = 0, dh = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> decoded(stbi_load_from_memory(bytes->data(), size, &dw, &dh, &channels, 4),
                                                            stbi_image_free);
    if (!decoded || dw != iw || dh != ih) {
        problems.push_back(std::string("href: corrupt ") + (png ? "PNG" : "JPEG") + " data (" + stbi_failure_reason() + "); skipped");
        return std::nullopt;
    }
    pixels_used += pixels;
    Image image;
    image.width = iw;
    image.height = ih;
    image.pixels = std::make_shared<const std::vector<std::uint8_t>>(decoded.get(), decoded.get() + 4 * pixels);
    image.alpha = alpha;
    const std::string_view rendering = trim(node.attribute("image-rendering").value());
    image.smooth = !(rendering == "optimizeSpeed" || rendering == "pixelated" || rendering == "crisp-edges");
    // The viewport (x, y, width, height) shows the picture's box (0, 0, iw, ih) as a
    // viewBox; what is drawn is the picture's placed box cut to the viewport (slice).
    const double vw = w < 0.0 ? double(iw) : w, vh = h < 0.0 ? double(ih) : h;
    const Transform place = viewbox_transform(ViewBox{0.0, 0.0, double(iw), double(ih)}, x, y, vw, vh, ar);
    const glm::dvec2 a = place.apply({0.0, 0.0}), b = place.apply({double(iw), double(ih)});
    const double x0 = std::max(x, std::min(a.x, b.x)), x1 = std::min(x + vw, std::max(a.x, b.x));
    const double y0 = std::max(y, std::min(a.y, b.y)), y1 = std::min(y + vh, std::max(a.y, b.y));
    if (!(x1 > x0 && y1 > y0)) return std::nullopt;
    image.to_final = ctm * place;
    Shape s;
    s.element = "image";
    s.subpaths.push_back(Polyline{{ctm.apply({x0, y0}), ctm.apply({x1, y0}), ctm.apply({x1, y1}), ctm.apply({x0, y1})}, true});
    s.transform = ctm;
    s.image = std::move(image);
    return s;
}

} // namespace glumpp::svg::detail
