#pragma once
// Fonts: a face read by FreeType, found by fontconfig, shaped by HarfBuzz.
//
//   text::Font font = text::Font::open("DejaVu Sans");          // or a file path
//   text::Layout line = font.layout("Wafer ffi", 24);           // 24 pixels per em
//   line.advance;      // pen advance of the whole string, pixels
//   line.ink;          // bounding box of the inked pixels, y down, baseline at 0
//   text::Coverage img = font.rasterize("Wafer", 24, 200, 40, 2, 30);   // baseline at (2, 30)
//
// Sizes are pixels per em (FreeType's char size at 72 dpi, 26.6 fixed point, so fractional
// sizes are honoured). Coordinates are pixels, x to the right and y *down* (image rows),
// the pen starting at (0, 0) on the baseline; ascender is then negative y. glumpy's fonts
// measure y up; we follow the image convention of the rasters we return and of PIL.
//
// Shaping is HarfBuzz's (kerning, ligatures, combining marks, right-to-left and the other
// complex scripts, with script and language guessed from the text), which glumpy (kerning
// only, one glyph per code point) gets wrong. Mixed directions (Latin, a Hebrew word, digits)
// are split into runs by a reduced Unicode bidi algorithm (UAX #9 without explicit
// embeddings: strong types from each code point's script, digits left to right inside
// right-to-left text, neutrals between two runs of one direction taking it; Font.cpp's
// direction_runs says which rules), each run shaped in its direction and the runs
// reordered, as PIL does through fribidi (tests compare). Glyphs are returned in visual
// order (left to right on screen); a glyph's cluster is a byte offset in the whole string.
//
// What a Font caches: the FreeType face and HarfBuzz font (opened once; copies of a Font
// share them, so a Font is a cheap handle, not thread-safe: use one per thread), each
// glyph's outline box in font units (loaded at its first layout, then scaled: a layout
// loads no glyph twice), and the set of code points already reported missing. It makes
// no GL call.
//
// Missing code points: the font's glyph 0 (.notdef, usually an empty box) is drawn in
// their place, as every text system does, and the first time a Font meets a code point
// it lacks it writes one warning line to std::cerr ("Font::layout: DejaVu Sans has no
// glyph for U+E000; drawing .notdef"), never again for that code point; missing() lists
// them. Not an exception: one rare character should not stop a label from being drawn.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::text {

/// A box in pixels, x right, y down; empty (x0 >= x1) when nothing is inked.
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return !(x0 < x1 && y0 < y1); }
    double width() const { return empty() ? 0 : x1 - x0; }
    double height() const { return empty() ? 0 : y1 - y0; }
};

/// The face's metrics at a size, in pixels: its design values (FT_FaceRec's ascender,
/// descender and height, from hhea or OS/2) scaled exactly, not rounded as FreeType's
/// hinted FT_Size_Metrics are. ascender > 0 above the baseline, descender < 0 below, as
/// FreeType and glumpy give them; line_height is the baseline-to-baseline distance.
struct FontMetrics {
    double pixel_size = 0;
    double ascender = 0;
    double descender = 0;
    double line_height = 0;
};

/// One shaped glyph: its glyph index in the face, the byte offset in the UTF-8 string of
/// the cluster it belongs to, and its pen position (x, y: y down, on the baseline) and
/// advance in pixels, HarfBuzz's offsets included.
struct PositionedGlyph {
    std::uint32_t glyph = 0;
    std::uint32_t cluster = 0;
    double x = 0, y = 0;
    double x_advance = 0, y_advance = 0;
};

/// A shaped string: its glyphs, the pen advance of the whole string and the ink box of
/// the glyph outlines (each unhinted outline's exact extents, FT_Outline_Get_BBox, at the
/// glyphs' positions).
struct Layout {
    std::vector<PositionedGlyph> glyphs;
    double advance = 0;
    Box ink;
};

/// A glyph rendered to an 8-bit coverage bitmap (FreeType's FT_RENDER_MODE_NORMAL):
/// row 0 on top; its top-left pixel is at (left, -top) from the pen, y down.
struct GlyphBitmap {
    int width = 0, height = 0;
    int left = 0, top = 0;
    std::vector<std::uint8_t> pixels; ///< width * height, rows top to bottom
};

/// One command of a glyph's outline (FreeType's FT_Outline_Decompose), in ems (1 is the
/// font size), x right and y down from the pen on the baseline, as layouts measure.
struct OutlineCommand {
    enum class Kind : std::uint8_t { MoveTo, LineTo, QuadTo, CubicTo, Close };
    Kind kind = Kind::MoveTo;
    double x = 0, y = 0;                   ///< the end point (Close: the contour's start)
    double c1x = 0, c1y = 0, c2x = 0, c2y = 0; ///< control points: QuadTo c1, CubicTo c1 and c2
};

/// An 8-bit image, row 0 on top: what rasterize() draws into.
struct Coverage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

/// How glyphs are rendered: Hinted (FreeType's default hinting, crisp at small sizes: the
/// coverage mode, glumpy's "agg" fonts) or Unhinted (the outline's true shape: what
/// distance fields are computed from, as glumpy does with FT_LOAD_NO_HINTING).
enum class Hinting { Hinted, Unhinted };

class Font {
public:
    /// A font by fontconfig family name ("DejaVu Sans", "monospace", "Open Sans:bold") or by
    /// the path of a font file (anything containing a '/' or naming an existing file).
    /// For names, fontconfig's best match must have the asked family (fontconfig always
    /// substitutes something; "monospace" and the other generic aliases are accepted as
    /// they are). Throws IoError "Font::open: no font for the family 'X' (fontconfig's best
    /// match is 'Y')", IoError "Font::open: cannot read 'PATH'" for a missing file, and
    /// ParseError "Font::open: 'PATH' is not a font (FreeType error N)" for another file,
    /// ValueError for an empty string (say "sans-serif" for fontconfig's default).
    static Font open(const std::string& family_or_path);

    /// The file FreeType read, and the face's family name (FreeType's family_name).
    const std::string& path() const;
    const std::string& family() const;

    FontMetrics metrics(double pixel_size) const;

    /// The face's glyph for a code point, 0 (.notdef) if the font has none (no warning).
    std::uint32_t glyph_index(char32_t code_point) const;

    /// Shapes `utf8` at `pixel_size` (HarfBuzz, positions rounded as HarfBuzz gives them in
    /// 26.6, i.e. 1/64 pixel). ValueError for a pixel size not in (0, 4096] and for bytes
    /// that are not UTF-8 (naming the byte offset). Warns once per missing code point.
    /// Unhinted: the outlines' true advances (fractional pixels), what labels scaled freely
    /// need, and what PIL's layout (HarfBuzz through libraqm) gives too.
    Layout layout(std::string_view utf8, double pixel_size) const;

    /// A glyph's unhinted horizontal advance in pixels (FT_Get_Advance, FT_LOAD_NO_HINTING).
    double glyph_advance(std::uint32_t glyph, double pixel_size) const;

    /// The coverage bitmap of one glyph at a size.
    GlyphBitmap render(std::uint32_t glyph, double pixel_size, Hinting hinting = Hinting::Hinted) const;

    /// Draws `utf8` into a new width x height image, the pen starting at pixel (x, y) on the
    /// baseline, y counted down from the top row: laid out as layout() does (unhinted
    /// advances, as PIL's HarfBuzz layout does too), each glyph rendered with `hinting` at
    /// its pen position rounded to whole pixels, coverages added and clamped to 255. No GL.
    /// ValueError for a width or height not in 1..16384.
    Coverage rasterize(std::string_view utf8, double pixel_size, int width, int height, int x, int y,
                       Hinting hinting = Hinting::Hinted) const;

    /// fontconfig's best match for `families` in order of preference (generic names such
    /// as "serif" included), a CSS weight (100 to 900) and italic, whatever family it has:
    /// what Pango does, and so rsvg-convert, for an SVG font-family list. An empty list is
    /// fontconfig's default. IoError when fontconfig has no font at all.
    static Font match(const std::vector<std::string>& families, int weight = 400, bool italic = false);

    /// A glyph's unhinted outline in ems (FT_LOAD_NO_SCALE, so exact: the font's own
    /// units divided by units_per_EM), each contour ended by a Close; empty for a glyph
    /// with no outline (a space). Loads the glyph each call (callers cache); IndexError
    /// for a glyph not in the face.
    std::vector<OutlineCommand> outline(std::uint32_t glyph) const;

    /// The code points reported missing so far (each warned about once).
    std::set<char32_t> missing() const;

    /// The identity of the opened face: copies of a Font share it, two Font::open calls
    /// (even of one file) do not. What caches of glyphs (GlyphAtlas) key fonts by.
    const void* id() const noexcept { return face_.get(); }

    struct Face; ///< the FreeType face and HarfBuzz font (in Font.cpp)
private:
    Layout layout_with(std::string_view utf8, double pixel_size, const char* caller) const;
    /// Face `index` of the font file `path` (open's and match's common end).
    static Font open_face(const std::string& path, int index);
    explicit Font(std::shared_ptr<Face> face) : face_(std::move(face)) {}
    std::shared_ptr<Face> face_;
};

} // namespace glumpp::text
