#pragma once
// GlyphCollection: many labels in one draw call, each addressable (glumpy's GlyphCollection,
// its 'sdf' and 'agg' modes).
//
//   text::Font sans = text::Font::open("Open Sans");
//   graphics::GlyphCollection labels;                        // distance fields, pixels, y up
//   std::size_t k = labels.append("Hello World !", sans, {.size = 64, .origin = {256, 256, 0}});
//   labels.set_text(k, "Bonjour !");   // that label's glyphs re-shaped and re-sent, nothing else
//   labels.set_color(k, {1, 0, 0, 1}); // one texel (16 bytes) at the next draw
//   labels.draw();                     // one glDrawArraysInstanced for every glyph of every label
//
// Text is UTF-8, shaped by HarfBuzz (Font::layout: kerning, ligatures, combining marks,
// right-to-left and mixed directions, reordered as Font.hpp says), '\n' starts a new line.
// Code points the font lacks are drawn as its .notdef glyph and reported once (by the
// Font, on std::cerr; Font::missing()).
//
// Coordinates. A label's origin goes through the program's transform (the vertex shader's
// `<transform(position)>` hook, position a vec3). The default transform is glumpy's
// OrthographicProjection(Position()) as its examples use it: window pixels, origin at the
// *bottom*-left corner, y up, z in [-1000, 1000]: transforms::OrthographicProjection over
// transforms::Position, resized to the GL viewport read at each draw (its projection
// uniform changes only when the viewport's size does). set_transform(call) puts any chain in its place (a
// PanZoom, a 3-D projection...): a chain taking vec3 or vec4 positions and returning clip
// coordinates. Glyph offsets from the origin are in pixels at the label's size, x right
// and y up, then rotated by the label's rotation (radians, counter-clockwise).
//  - Placement::Screen (default): the origin is transformed, then the rotated glyph
//    offsets are added in window pixels: the text keeps its pixel size whatever the
//    transform does (a billboard in 3-D, a label that does not scale with zoom).
//  - Placement::World: the offsets times world_scale (world units per pixel of text) are
//    added to the origin in the world's x-y plane before the transform, so the text
//    scales, rotates and tilts with it. With the default transform both give the same
//    picture; glumpy's GlyphCollection is World (origin + scale * offset, transformed).
//
// Anchors (glumpy's, per line for x): AnchorX Left/Center/Right puts the start, middle or
// end of each line's advance at the origin; AnchorY Baseline puts the first line's
// baseline there, Top its ascender, Bottom the last line's descender, and Middle the
// middle of those two (glumpy's 'center': dy = (text_height - ascender - descender) / 2
// with text_height = (lines - 1) * line height). glumpy's 'top' is -(ascender + descender)
// below, which is no edge of the text; ours is the ascender. Lines are line_height *
// line_spacing apart (the face's own line height: hhea/OS2, Font::metrics).
//
// Modes (one atlas per kind, text::GlyphAtlas, holding every font's glyphs):
//  - Mode::DistanceField (glumpy's 'sdf'): glyphs are distance fields at 48 px per em,
//    scaled to any size by the shader (glumpy's sdf-glyph.frag: smoothstep over fwidth,
//    4 extra samples below 30 px of glyph scale; glumpy's bicubic filter above 50 px is
//    not ported: bilinear is used at every size).
//  - Mode::Coverage (glumpy's 'agg'): hinted 8-bit coverage glyphs rendered at each
//    label's exact pixel size (each size its own glyphs), drawn texel for pixel: pens are
//    rounded to whole pixels as FreeType (and PIL) place glyphs, and with the default
//    transform and no rotation the transformed origin is rounded to a pixel corner so that
//    texels land on pixels. glumpy's agg mode adds LCD sub-pixel filtering; ours is
//    grayscale (what PIL draws too). Rotated or World-placed coverage text is resampled
//    bilinearly (blurred): use DistanceField for that.
//
// Storage, and what reaches the GPU:
//  - every glyph is one instance (a 4-vertex strip), a 36-byte record {quad: x0, y0, x1,
//    y1 pixels from the anchor; texcoord: the atlas texels' rectangle (in texels, so the
//    atlas growing moves nothing); label: the label's number}, in one graphics::VertexList
//    whose items are the labels. Each label holds a slot of glyph records rounded up to a
//    multiple of 8, at least 8 (the unused ones are empty quads, drawing nothing), so
//    set_text with no more glyphs than the slot writes that label's slot only; more
//    glyphs resize it (ItemList::set: the labels after it move, and are re-sent). Slots
//    never shrink. Spaces take no record (they have no texels);
//  - every label has a 48-byte record (origin, placement, color, rotation as cos/sin,
//    world_scale, size) in an RGBA32F texture 1024 texels wide, fetched by label number:
//    set_color, set_origin, set_rotation write one texel each (16 bytes);
//  - append writes past the end: the new glyph records and the new record only;
//  - erase moves the later labels down (their records and glyphs are re-sent, renumbered);
//  - a glyph the atlas lacks is rendered and sent as its own texels (GlyphAtlas).
// The glyph buffer and the label texture keep 4,096 exact dirty ranges (Tracker::set_cap;
// the default 64 merged 100 edited labels 100 apart into 3.2 MB sent for 86 KB written),
// so up to 4,096 labels edited anywhere between two draws send exactly their bytes.
// Measured (bench_text, 10,000 labels of 20 characters, 2 loaded vCPUs): 1,000 labels set
// to strings shown before, 0.67-1.33 ms of CPU per frame over three runs (the VM's load
// was 4-5), edits and upload (the driver's 1,000 glBufferSubData calls 0.15-0.6 ms of
// wall time), 864 KB sent; set to new strings (each shaped), 8-14 ms (HarfBuzz's shaping
// is about 3.5-5 us a string).
//
// What it caches: shaped strings. Shaping (HarfBuzz) and layout cost a few microseconds a
// label; a label set to a string it (or any label of the same font, size, mode, anchors
// and line spacing) showed before reuses that string's glyph records: a hash lookup and a
// copy. The cache keeps up to 16,384 strings and is emptied when full (cache_size()).
//
// GL: the constructor makes no GL call (the program links at the first draw). draw()
// syncs what changed (glBufferSubData, glTexSubImage2D), sets blending (straight alpha:
// SRC_ALPHA, ONE_MINUS_SRC_ALPHA) and restores it, reads GL_VIEWPORT, and makes one
// glDrawArraysInstanced. It belongs to the context current at its first draw.
//
// Errors: a label number out of range is an IndexError naming the function, the number
// and the count; bad UTF-8 and a size not in (0, 4096] are ValueErrors starting with the
// function ("GlyphCollection::append: Font::layout: ..."); a non-finite origin, color,
// rotation, world_scale or line_spacing <= 0 are ValueErrors naming the value. A throwing
// call changes nothing.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>
#include <glumpp/graphics/ItemList.hpp>
#include <glumpp/text/Font.hpp>
#include <glumpp/text/GlyphAtlas.hpp>
#include <glumpp/transforms/Program.hpp>
#include <glumpp/transforms/Projections.hpp>
#include <glumpp/transforms/Viewport.hpp>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace glumpp::graphics {

/// Anchors and placement of a label (see GlyphCollection.hpp's comment).
enum class AnchorX { Left, Center, Right };
enum class AnchorY { Top, Baseline, Middle, Bottom };
enum class Placement { Screen, World };

/// One label's appearance (glumpy's append() keywords; its defaults where it has them).
struct LabelStyle {
    double size = 24;                 ///< pixels per em
    glm::vec3 origin{0, 0, 0};        ///< through the transform
    glm::vec4 color{0, 0, 0, 1};      ///< RGBA, straight alpha
    AnchorX anchor_x = AnchorX::Center;
    AnchorY anchor_y = AnchorY::Middle;
    double rotation = 0;              ///< radians, counter-clockwise
    Placement placement = Placement::Screen;
    double world_scale = 1;           ///< World: world units per pixel of text
    double line_spacing = 1;          ///< times the face's line height
};

class GlyphCollection {
public:
    enum class Mode { DistanceField, Coverage };
    using Label = LabelStyle;

    /// Record sizes, for upload checks: one glyph, one label's record.
    static constexpr std::size_t glyph_bytes = 36;
    static constexpr std::size_t label_bytes = 48;
    /// Glyph slots are rounded up to a multiple of this.
    static constexpr std::size_t slot_rounding = 8;

    /// An empty collection. The atlas starts at 512 x 512 texels and grows (GlyphAtlas).
    explicit GlyphCollection(Mode mode = Mode::DistanceField);
    ~GlyphCollection();
    GlyphCollection(GlyphCollection&&) noexcept;
    GlyphCollection& operator=(GlyphCollection&&) noexcept;

    /// Appends a label; returns its number (labels are numbered in order, 0 first).
    std::size_t append(std::string_view utf8, const text::Font& font, const Label& label = {});
    /// Removes label i, or labels [first, last): later labels move down by as many.
    void erase(std::size_t i);
    void erase(std::size_t first, std::size_t last);
    void clear();

    std::size_t size() const noexcept { return labels_.size(); }
    bool empty() const noexcept { return labels_.empty(); }

    /// Re-shapes label i's text (same font and appearance): see above for what is sent.
    /// The text it already has writes nothing (a console rewriting every line each
    /// frame sends only the lines that changed); the label keeps its shaped run, so this
    /// is one cache lookup (the text once more after the cache was emptied).
    void set_text(std::size_t i, std::string_view utf8);
    void set_color(std::size_t i, const glm::vec4& rgba);
    void set_origin(std::size_t i, const glm::vec3& origin);
    void set_rotation(std::size_t i, double radians);
    std::string_view text(std::size_t i) const;
    const Label& label(std::size_t i) const;

    /// The program's transform: `<transform(position)>` filled with `call` (a chain on
    /// vec3/vec4 positions giving clip coordinates). reset_transform() restores the default
    /// (window pixels, y up: see above). The program relinks at the next draw.
    void set_transform(const transforms::Call& call);
    void reset_transform();
    /// A Viewport after the transform (glumpy's `GlyphCollection(viewport=...)`, as
    /// Collection::set_viewport): the transform's clip square (the default one's window
    /// pixels too) is drawn into the viewport's rectangle, and with its clipping on nothing
    /// outside it is drawn (glScissor, set and restored by draw()). Its window is taken from
    /// GL_VIEWPORT at each draw (Viewport::resize: uniforms only). Screen-placed glyphs keep
    /// their size in window pixels (offsets are added after it). Relinks at the next draw.
    void set_viewport(const transforms::Viewport& viewport);
    void reset_viewport();

    /// One draw call for every glyph (none when there is none).
    void draw();
    /// Uploads what changed (glyph records, label records, new atlas texels: the same
    /// glBufferSubData / glTexSubImage2D calls a draw would make) without drawing.
    void sync();

    Mode mode() const noexcept { return mode_; }
    /// Glyph instances drawn (every label's slot, empty slots included).
    std::size_t glyph_slots() const noexcept { return glyphs_.count(); }
    /// Strings in the shaping cache.
    std::size_t cache_size() const noexcept { return cache_.size(); }

    /// The storage, for tests and benchmarks.
    /// The atlas: made at the first label (its font the atlas's default), null before.
    const text::GlyphAtlas* atlas() const noexcept { return atlas_.get(); }
    const VertexList& glyphs() const noexcept { return glyphs_; }
    const gloo::Texture2D& label_texture() const noexcept { return texture_; }
    transforms::Program& program() noexcept { return *program_; }

    struct Run; ///< a shaped string's glyph records (in GlyphCollection.cpp)
private:
    struct Entry {
        std::shared_ptr<const Run> run; ///< its shaped text (the text is the run's key's tail)
        text::Font font;
        Label label;
    };
    std::shared_ptr<const Run> shaped(std::string_view utf8, const text::Font& font, const Label& label,
                                      const char* caller);
    Array slot_of(const Run& run, std::size_t slot, std::size_t index) const;
    void write_record(std::size_t i);
    void grow_records(std::size_t labels);
    void check(std::size_t i, const char* caller) const;

    Mode mode_;
    std::unique_ptr<text::GlyphAtlas> atlas_;
    VertexList glyphs_;
    Array records_;            ///< (capacity,) label records over the texture's storage
    gloo::Texture2D texture_;  ///< (rows, 1024, 4) float32
    std::unique_ptr<transforms::Program> program_;
    void rehook(); ///< fills <transform> with the chain (or the default), then the viewport
    transforms::OrthographicProjection pixels_;  ///< the default transform's projection
    std::optional<transforms::Call> chain_;      ///< set_transform's chain; none: the default
    std::optional<transforms::Viewport> viewport_;
    int pixels_size_[2] = {0, 0};                 ///< the viewport it was last resized to
    std::vector<Entry> labels_;
    std::unordered_map<std::string, std::shared_ptr<const Run>> cache_;
    std::string key_; ///< the cache key being looked up (reused: no allocation per lookup)
    std::size_t atlas_generation_ = ~std::size_t{0};
    bool attributes_stale_ = true;
};

} // namespace glumpp::graphics
