// <image> (src/svg/Image.cpp): placement, preserveAspectRatio, data: URIs and files, and the
// warnings for what cannot be drawn. The pictures are tiny PNGs and a JPEG written by PIL
// (their pixels are named where they are used); the oversized one is a PNG header that
// claims its size, built here.
#include <glumpp/svg/Document.hpp>

#include <gtest/gtest.h>
#include <stb_image_write.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace glumpp::svg;
using V = glm::dvec2;

namespace {

// 2x1 RGBA: (255, 0, 0, 255), (0, 0, 255, 128).
const std::string png_2x1 =
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8Dwn4HhfwMAD3oDfgvLLrEAAAAASUVORK5CYII=";
// 4x2 RGB, every pixel (0, 255, 0), quality 100.
const std::string jpeg_4x2 =
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/"
    "2wBDAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAARCAACAAQDASIAAhEBAxEB/"
    "8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2Jy"
    "ggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLD"
    "xMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3"
    "AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6"
    "goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD6wooo"
    "r/lfP+Kc/9k=";

std::string base64(const std::string& bytes) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[v & 63] : '=';
    }
    return out;
}

std::string unbase64(const std::string& text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int n = 0;
    for (const char c : text) {
        if (c == '=') break;
        bits = (bits << 6) | static_cast<unsigned>(alphabet.find(c));
        if ((n += 6) >= 8) out += char((bits >> (n -= 8)) & 0xFF);
    }
    return out;
}

/// A PNG signature and IHDR chunk claiming width x height RGBA pixels (no image data).
std::string png_header(std::uint32_t width, std::uint32_t height) {
    const auto be = [](std::uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    return std::string("\x89PNG\r\n\x1a\n", 8) + be(13) + "IHDR" + be(width) + be(height) + std::string("\x08\x06\x00\x00\x00", 5) +
           be(0);
}

Document svg(const std::string& body, const LoadOptions& options = {}) {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                           "width=\"100\" height=\"100\">" + body + "</svg>",
                           options);
}

std::string data_png(const std::string& b64 = png_2x1) { return "data:image/png;base64," + b64; }

void expect_near(V a, V b) {
    EXPECT_NEAR(a.x, b.x, 1e-9);
    EXPECT_NEAR(a.y, b.y, 1e-9);
}

} // namespace

TEST(Image, DataUriPngDecodedWithItsPixels) {
    const Document d = svg("<image id=\"i\" x=\"10\" y=\"20\" width=\"40\" height=\"20\" href=\"" + data_png() + "\"/>");
    ASSERT_EQ(d.shapes().size(), 1u) << (d.warnings().empty() ? "" : d.warnings()[0]);
    const Shape& s = d.shapes()[0];
    EXPECT_EQ(s.element, "image");
    EXPECT_EQ(s.name(), "image#i (line 1)");
    EXPECT_FALSE(s.fill);
    EXPECT_FALSE(s.stroke);
    ASSERT_TRUE(s.image);
    EXPECT_EQ(s.image->width, 2);
    EXPECT_EQ(s.image->height, 1);
    EXPECT_EQ(*s.image->pixels, (std::vector<std::uint8_t>{255, 0, 0, 255, 0, 0, 255, 128}));
    EXPECT_TRUE(s.image->smooth);
    // The 2x1 picture fills the 40x20 box exactly (same aspect): 20 units a pixel.
    expect_near(s.image->to_final.apply({0, 0}), {10, 20});
    expect_near(s.image->to_final.apply({2, 1}), {50, 40});
    ASSERT_EQ(s.subpaths.size(), 1u);
    EXPECT_TRUE(s.subpaths[0].closed);
    EXPECT_EQ(s.subpaths[0].points, (std::vector<V>{{10, 20}, {50, 20}, {50, 40}, {10, 40}}));
    EXPECT_TRUE(d.warnings().empty());
}

TEST(Image, XlinkHrefJpegAndIntrinsicSize) {
    // No width or height: the picture's own 4x2 pixels, one unit each.
    const Document d = svg("<image x=\"1\" y=\"2\" xlink:href=\"data:image/jpeg;base64," + jpeg_4x2 + "\"/>");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Image& im = *d.shapes()[0].image;
    EXPECT_EQ(im.width, 4);
    EXPECT_EQ(im.height, 2);
    ASSERT_EQ(im.pixels->size(), 32u);
    for (std::size_t k = 0; k < 8; ++k) {
        EXPECT_NEAR((*im.pixels)[4 * k], 0, 3);
        EXPECT_NEAR((*im.pixels)[4 * k + 1], 255, 3);
        EXPECT_NEAR((*im.pixels)[4 * k + 2], 0, 3);
        EXPECT_EQ((*im.pixels)[4 * k + 3], 255);
    }
    expect_near(im.to_final.apply({4, 2}), {5, 4});
}

TEST(Image, PreserveAspectRatioMeetSliceNone) {
    // A 2x1 picture in a 40x40 viewport at (0, 0).
    const auto placed = [](const std::string& par) {
        const Document d =
            svg("<image width=\"40\" height=\"40\" preserveAspectRatio=\"" + par + "\" href=\"" + data_png() + "\"/>");
        EXPECT_EQ(d.shapes().size(), 1u);
        return d.shapes()[0];
    };
    const Shape meet = placed("xMidYMid meet"); // 20 units a pixel, centred vertically
    expect_near(meet.image->to_final.apply({0, 0}), {0, 10});
    expect_near(meet.image->to_final.apply({2, 1}), {40, 30});
    EXPECT_EQ(meet.subpaths[0].points, (std::vector<V>{{0, 10}, {40, 10}, {40, 30}, {0, 30}}));
    const Shape slice = placed("xMinYMax slice"); // 40 units a pixel, cut to the viewport
    expect_near(slice.image->to_final.apply({0, 0}), {0, 0});
    expect_near(slice.image->to_final.apply({2, 1}), {80, 40});
    EXPECT_EQ(slice.subpaths[0].points, (std::vector<V>{{0, 0}, {40, 0}, {40, 40}, {0, 40}}));
    const Shape none = placed("none"); // stretched
    expect_near(none.image->to_final.apply({2, 1}), {40, 40});
}

TEST(Image, TransformOpacityAndRendering) {
    const Document d = svg("<g opacity=\"0.5\" transform=\"translate(5 5) scale(2)\"><image width=\"2\" height=\"1\" opacity=\"0.5\" "
                           "image-rendering=\"pixelated\" href=\"" + data_png() + "\"/></g>");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Image& im = *d.shapes()[0].image;
    // The image's own opacity; the group's is composited (Group.hpp), not multiplied in.
    EXPECT_FLOAT_EQ(im.alpha, 0.5f);
    ASSERT_EQ(d.groups().size(), 1u);
    EXPECT_EQ(d.shapes()[0].group, 0);
    EXPECT_FLOAT_EQ(d.groups()[0].opacity, 0.5f);
    EXPECT_FALSE(im.smooth);
    expect_near(im.to_final.apply({2, 1}), {9, 7});
    EXPECT_EQ(d.shapes()[0].subpaths[0].points, (std::vector<V>{{5, 5}, {9, 5}, {9, 7}, {5, 7}}));
}

TEST(Image, ZeroSizeDrawsNothingSilently) {
    const Document d = svg("<image width=\"0\" height=\"10\" href=\"" + data_png() + "\"/>");
    EXPECT_TRUE(d.shapes().empty());
    EXPECT_TRUE(d.warnings().empty());
}

TEST(Image, BadDataWarnsAndSkips) {
    const auto warning = [](const std::string& href) {
        const Document d = svg("<rect width=\"1\" height=\"1\"/>\n<image width=\"10\" height=\"10\" href=\"" + href + "\"/>");
        EXPECT_EQ(d.shapes().size(), 1u); // the rect; the image skipped
        return d.warnings().empty() ? std::string() : d.warnings()[0];
    };
    EXPECT_EQ(warning(""), "image (line 2): no href; skipped");
    EXPECT_EQ(warning("data:image/png;base64,@@@@"), "image (line 2): href: the data: URI is not valid base64; skipped");
    EXPECT_EQ(warning("data:image/png,abc"),
              "image (line 2): href: only base64 data: URIs are supported, not \"data:image/png,\"; skipped");
    EXPECT_EQ(warning("data:image/gif;base64," + base64("GIF89a....")),
              "image (line 2): href: the data is neither PNG nor JPEG; skipped");
    // A PNG cut short after its header: stb_image refuses it, nothing crashes.
    EXPECT_EQ(warning("data:image/png;base64," + base64(png_header(2, 1) + std::string("\0\0\0\x05IDATx", 9))).substr(0, 39),
              "image (line 2): href: corrupt PNG data ");
    EXPECT_EQ(warning("http://example.com/a.png"),
              "image (line 2): href \"http://example.com/a.png\": only data: URIs and relative file names are supported; skipped");
}

TEST(Image, EveryPrefixOfAPngIsAWarningOrAnImage) {
    const std::string png = unbase64(png_2x1);
    for (std::size_t k = 0; k <= png.size(); ++k) {
        const Document d = svg("<image href=\"data:image/png;base64," + base64(png.substr(0, k)) + "\"/>");
        EXPECT_EQ(d.shapes().size() + d.warnings().size(), 1u) << k;
        if (k < 40) {
            EXPECT_TRUE(d.shapes().empty()) << k; // the header and pixels are not all there
        }
    }
    // Flipped bytes past the signature: the same.
    for (std::size_t k = 8; k < png.size(); ++k) {
        std::string bad = png;
        bad[k] = static_cast<char>(bad[k] ^ 0x5A);
        const Document d = svg("<image href=\"data:image/png;base64," + base64(bad) + "\"/>");
        EXPECT_EQ(d.shapes().size() + d.warnings().size(), 1u) << k;
    }
}

TEST(Image, OversizedPictureWarnsBeforeDecoding) {
    const Document d = svg("<image href=\"data:image/png;base64," + base64(png_header(5000, 4000)) + "\"/>");
    EXPECT_TRUE(d.shapes().empty());
    ASSERT_EQ(d.warnings().size(), 1u);
    EXPECT_EQ(d.warnings()[0], "image (line 1): href: a 5000x4000 image is more than " + std::to_string(max_image_pixels) +
                                   " pixels; skipped");
}

TEST(Image, FilesOnlyBelowTheBaseDirectory) {
    const auto dir = std::filesystem::temp_directory_path() / "glumpp-test-image";
    std::filesystem::create_directories(dir / "sub");
    const std::string png = unbase64(png_2x1);
    std::ofstream(dir / "sub" / "a.png", std::ios::binary) << png;
    std::ofstream(dir / "outside.png", std::ios::binary) << png;
    const std::string body = "<image href=\"a.png\"/><image href=\"../outside.png\"/><image href=\"missing.png\"/>";
    const Document with_base = svg(body, LoadOptions{.base_directory = dir / "sub"});
    ASSERT_EQ(with_base.shapes().size(), 1u);
    EXPECT_EQ(*with_base.shapes()[0].image->pixels, (std::vector<std::uint8_t>{255, 0, 0, 255, 0, 0, 255, 128}));
    EXPECT_EQ(with_base.warnings(), (std::vector<std::string>{
                                         "image (line 1): href \"../outside.png\": outside the document's directory; skipped",
                                         "image (line 1): href \"missing.png\": cannot open the file; skipped",
                                     }));
    const Document without = svg("<image href=\"a.png\"/>");
    EXPECT_TRUE(without.shapes().empty());
    ASSERT_EQ(without.warnings().size(), 1u);
    EXPECT_EQ(without.warnings()[0], "image (line 1): href \"a.png\": the document was parsed without a base directory, so "
                                     "files are not read; skipped");
    // load() reads next to the file.
    std::ofstream(dir / "sub" / "doc.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"a.png\"/></svg>";
    const Document loaded = Document::load(dir / "sub" / "doc.svg");
    ASSERT_EQ(loaded.shapes().size(), 1u);
    EXPECT_EQ(loaded.shapes()[0].image->width, 2);
    std::filesystem::remove_all(dir);
}

TEST(Image, TotalPixelsAreBounded) {
    // Four pictures of max_image_pixels each reach max_total_image_pixels; a fifth (of any
    // size) is past it. One 4096x4096 PNG file, referenced five times.
    static_assert(max_total_image_pixels == 4 * max_image_pixels);
    const auto dir = std::filesystem::temp_directory_path() / "glumpp-test-image-total";
    std::filesystem::create_directories(dir);
    const int side = 4096;
    ASSERT_EQ(std::size_t(side) * side, max_image_pixels);
    {
        const std::vector<unsigned char> black(std::size_t(side) * side * 4, 0);
        ASSERT_TRUE(stbi_write_png((dir / "big.png").c_str(), side, side, 4, black.data(), side * 4));
    }
    std::string body;
    for (int k = 0; k < 5; ++k) body += "<image width=\"10\" height=\"10\" href=\"big.png\"/>\n";
    const Document d = svg(body, LoadOptions{.base_directory = dir});
    EXPECT_EQ(d.shapes().size(), 4u);
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{"image (line 5): the document's images would hold more than " +
                                                      std::to_string(max_total_image_pixels) + " pixels; skipped"}));
    std::filesystem::remove_all(dir);
}
