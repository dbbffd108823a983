#pragma once
// A glyph atlas: glyphs of one kind, packed in a memory-aware texture.
//
//   text::Font font = text::Font::open("DejaVu Sans");
//   text::GlyphAtlas atlas(font, text::AtlasKind::DistanceField, 48);
//   const text::AtlasGlyph& g = atlas.glyph(font.glyph_index(U'A'));   // rendered, packed
//   program["atlas"] = atlas.texture();      // the next draw uploads what is new
//
// The texels are a gloo::Texture2D of shape (height, width), uint8, one channel
// (GL_R8, sampled as a normalized float in the red channel). Adding a glyph renders it
// (FreeType; for DistanceField also glumpp's exact EDT, see DistanceField.hpp), places it
// with the SkylinePacker, and writes its texels through a view of the texture: a tracked
// write like any other, so the next sync (a draw) sends only that glyph's sub-rectangle
// with glTexSubImage2D, never the whole atlas. The upload is the texture's own business:
// the atlas makes no GL call, needs no context to add glyphs, and is synced by draws.
// Caveat: a texture's dirty set keeps at most 64 byte ranges (DirtySet's cap; one per
// row of a glyph), so many glyphs added between two draws may be sent as their bounding
// rows rather than each exact rectangle; the planner then chooses the cheaper plan.
//
// Growing: when a glyph does not fit, the atlas doubles its height (or its width, when
// it is already more than twice as high as wide), up to 8192 x 8192. A GL texture cannot be
// resized in place with its contents, so growing makes a *new* Texture2D, copies the old
// texels into it, and that texture's first sync sends it whole (one glTexImage2D): the
// one re-send, as rare as doublings are. texture() then returns the new texture and
// generation() increases: a program holding the old one must be given the new one, and
// texture coordinates (rect / size) must be recomputed from the glyphs' rects, which do
// not move.
//
// Each glyph is packed with one texel of empty border to its right and below (the
// rectangles start at x, y >= 0, so the atlas's own edge borders the first row and column):
// linear filtering never reads a neighbour's texels.
//
// Several fonts and sizes in one atlas: glyph(font, glyph, size) adds another font's glyph
// (a glyph collection keeps one atlas per kind for all its labels, so that labels of any
// font are drawn by one call). Coverage glyphs are rendered at the size asked (each size
// its own texels: hinting differs by size); distance fields always at the atlas's size
// (they scale), so there `size` is ignored. The constructor's font and size are the
// defaults that glyph(index) uses.
//
// What it caches: each glyph's AtlasGlyph (placement and metrics), by (font, glyph index,
// rendered size); fonts are told apart by Font::id(), so open a font once and share it.

#include <glumpp/gloo/Texture.hpp>
#include <glumpp/text/Font.hpp>
#include <glumpp/text/SkylinePacker.hpp>

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace glumpp::text {

/// DistanceField: glumpy's SDF glyphs (texel 255 deep inside, 128 on the outline), scaled
/// freely by shaders. Coverage: hinted 8-bit FreeType bitmaps at exactly the atlas size
/// (glumpy's "agg" fonts), crisp at small sizes, drawn 1:1.
enum class AtlasKind { DistanceField, Coverage };

/// Where a glyph lies in the atlas and how to place it. rect: its texels (x, y: column
/// and row of the top-left texel). left, top: pen to the rect's top-left corner in pixels
/// at the atlas size (top upwards, as FreeType's bitmap_top); advance: unhinted, pixels.
struct AtlasGlyph {
    Rect rect;
    double left = 0, top = 0, advance = 0;
};

class GlyphAtlas {
public:
    /// An empty atlas of `width` x `height` texels for `font`'s glyphs at `size` pixels per em
    /// (for DistanceField, the resolution of the fields; glumpy uses 48). ValueError for a
    /// size not in (0, 4096] or a width or height not in 1..8192.
    GlyphAtlas(Font font, AtlasKind kind, double size, std::size_t width = 256, std::size_t height = 256);

    /// The glyph's placement, adding it first if the atlas does not hold it yet (render,
    /// pack, write its texels: see above). IndexError for a glyph index the font lacks;
    /// ValueError when it does not fit in an 8192 x 8192 atlas (the atlas is unchanged).
    const AtlasGlyph& glyph(std::uint32_t glyph) { return this->glyph(font_, glyph, size_); }
    /// Another font's glyph, or one at another size (Coverage; ignored for DistanceField),
    /// added if needed. ValueError for a size not in (0, 4096], then as above.
    const AtlasGlyph& glyph(const Font& font, std::uint32_t glyph, double size);
    bool contains(std::uint32_t glyph) const { return contains(font_, glyph, size_); }
    bool contains(const Font& font, std::uint32_t glyph, double size) const;
    std::size_t count() const { return glyphs_.size(); }
    /// Texels the held glyphs cover (their rectangles, borders excluded), against
    /// width() * height(), the texture's bytes (one byte a texel).
    std::size_t glyph_texels() const { return texels_; }

    /// The texels, as a handle (copies share the texture and its tracking): the texture
    /// of this generation; after the atlas grows, a new one.
    gloo::Texture2D texture() const { return texture_; }
    std::size_t width() const { return packer_.width(); }
    std::size_t height() const { return packer_.height(); }
    /// 0 at first; +1 each time the atlas grew (texture() became a new texture).
    std::size_t generation() const { return generation_; }

    const Font& font() const { return font_; }
    AtlasKind kind() const { return kind_; }
    double size() const { return size_; }

private:
    struct Key {
        const void* font;
        std::uint32_t glyph;
        double size;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept;
    };
    Key key(const Font& font, std::uint32_t glyph, double size) const {
        return {font.id(), glyph, kind_ == AtlasKind::DistanceField ? size_ : size};
    }
    void grow_for(std::size_t w, std::size_t h, std::uint32_t glyph);
    Font font_;
    AtlasKind kind_;
    double size_;
    SkylinePacker packer_;
    gloo::Texture2D texture_;
    std::size_t generation_ = 0;
    std::size_t texels_ = 0;
    std::vector<Font> fonts_; // the fonts glyphs came from, kept open while their ids are keys
    std::unordered_map<Key, AtlasGlyph, KeyHash> glyphs_;
};

} // namespace glumpp::text
