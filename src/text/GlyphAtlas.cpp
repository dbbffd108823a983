#include <glumpp/text/GlyphAtlas.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/text/DistanceField.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace glumpp::text {

namespace {

constexpr std::size_t largest = 8192;

// A size as the shortest text that reads back (std::to_string printed 1e-7 as "0.000000").
std::string num(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

Slice span(std::size_t start, std::size_t count) {
    return slice(static_cast<std::ptrdiff_t>(start), static_cast<std::ptrdiff_t>(start + count));
}

} // namespace

GlyphAtlas::GlyphAtlas(Font font, AtlasKind kind, double size, std::size_t width, std::size_t height)
    : font_(std::move(font)), kind_(kind), size_(size), packer_(width, height) {
    if (!(size > 0 && size <= 4096)) throw ValueError("GlyphAtlas: size " + num(size) + " is not in (0, 4096]");
    if (width < 1 || height < 1 || width > largest || height > largest) {
        throw ValueError("GlyphAtlas: " + std::to_string(width) + "x" + std::to_string(height) +
                         " is not within 1x1..8192x8192");
    }
    texture_ = gloo::Texture2D::zeros<std::uint8_t>({height, width});
}

void GlyphAtlas::grow_for(std::size_t w, std::size_t h, std::uint32_t glyph) {
    // Find the size first, so that a glyph too large changes nothing.
    std::size_t W = packer_.width(), H = packer_.height();
    SkylinePacker trial = packer_;
    while (!trial.insert(w, h)) {
        if (W >= largest && H >= largest) {
            throw ValueError("GlyphAtlas::glyph: glyph " + std::to_string(glyph) + " (" + std::to_string(w) + "x" +
                             std::to_string(h) + " texels with its border) does not fit in a " +
                             std::to_string(largest) + "x" + std::to_string(largest) + " atlas");
        }
        if (H < largest && (H <= 2 * W || W >= largest)) {
            H = std::min(largest, 2 * H);
        } else {
            W = std::min(largest, 2 * W);
        }
        trial.grow(W, H);
    }
    gloo::Texture2D bigger = gloo::Texture2D::zeros<std::uint8_t>({H, W});
    bigger.view({span(0, packer_.height()), span(0, packer_.width())}).assign(texture_);
    texture_ = std::move(bigger);
    packer_.grow(W, H);
    ++generation_;
}

std::size_t GlyphAtlas::KeyHash::operator()(const Key& k) const noexcept {
    std::size_t h = std::hash<const void*>()(k.font);
    h ^= std::hash<std::uint32_t>()(k.glyph) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= std::hash<double>()(k.size) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

bool GlyphAtlas::contains(const Font& font, std::uint32_t glyph, double size) const {
    return glyphs_.count(key(font, glyph, size)) > 0;
}

const AtlasGlyph& GlyphAtlas::glyph(const Font& font, std::uint32_t glyph, double size) {
    const Key k = key(font, glyph, size);
    if (const auto it = glyphs_.find(k); it != glyphs_.end()) return it->second;
    if (!(k.size > 0 && k.size <= 4096)) {
        throw ValueError("GlyphAtlas::glyph: size " + num(size) + " is not in (0, 4096]");
    }
    // Render first: render() throws IndexError for a glyph the font lacks.
    int w = 0, h = 0;
    std::vector<std::uint8_t> texels;
    AtlasGlyph g;
    if (kind_ == AtlasKind::DistanceField) {
        const GlyphField f = glyph_distance_field(font, glyph, size_);
        w = f.field.width;
        h = f.field.height;
        texels.resize(f.field.values.size());
        std::transform(f.field.values.begin(), f.field.values.end(), texels.begin(),
                       [](double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); });
        g.left = f.left;
        g.top = f.top;
        g.advance = f.advance;
    } else {
        GlyphBitmap b = font.render(glyph, k.size, Hinting::Hinted);
        w = b.width;
        h = b.height;
        texels = std::move(b.pixels);
        g.left = b.left;
        g.top = b.top;
        g.advance = font.glyph_advance(glyph, k.size);
    }
    if (w > 0 && h > 0) {
        const std::size_t bw = static_cast<std::size_t>(w) + 1, bh = static_cast<std::size_t>(h) + 1;
        std::optional<Rect> r = packer_.insert(bw, bh);
        if (!r) {
            grow_for(bw, bh, glyph);
            r = packer_.insert(bw, bh);
        }
        g.rect = {r->x, r->y, static_cast<std::size_t>(w), static_cast<std::size_t>(h)};
        const Array source = Array::from(texels, {static_cast<std::size_t>(h), static_cast<std::size_t>(w), 1});
        texture_.view({span(g.rect.y, g.rect.height), span(g.rect.x, g.rect.width)}).assign(source);
        texels_ += g.rect.width * g.rect.height;
    }
    if (std::none_of(fonts_.begin(), fonts_.end(), [&](const Font& f) { return f.id() == font.id(); })) fonts_.push_back(font);
    return glyphs_.emplace(k, g).first->second;
}

} // namespace glumpp::text
