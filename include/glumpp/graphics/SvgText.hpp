#pragma once
// SVG text as outlines: an svg::Shape holding an svg::Text (the reader's <text>, Shape.hpp)
// turned into ordinary filled and stroked shapes, which SvgScene then draws with the rest
// of the document: text costs no draw call of its own and keeps the document's paint order.
//
// Per span (Shape.hpp: svg::TextSpan): the font is fontconfig's best match for its
// font-family list, weight and style (text::Font::match, as Pango does for rsvg-convert);
// its characters are shaped by HarfBuzz (text::Font::layout: kerning, ligatures, mixed
// directions) in pieces that start at each character with a position (x, y, dx, dy), so
// that every listed position is honoured; each glyph's FreeType outline (unhinted, exact:
// text::Font::outline) is scaled by font-size, placed at its pen position, and flattened by
// svg::flatten through the shape's transform at the document's tolerance (svg::Text's).
// text-anchor moves each text chunk (the glyphs from one absolutely positioned character
// to the next, SVG 1.1 10.4) by its whole advance (end) or half of it (middle).
// One output Shape per painted span: element "text", the text's id, the span's line, its
// fill and stroke; spans with visibility hidden take their place and draw nothing.
//
// Not done: per-character font fallback (a code point the matched font lacks draws its
// .notdef box, with text::Font's warning on std::cerr), rotate, textLength, textPath,
// vertical writing modes, letter-spacing, text-decoration (the reader warns about each).
//
// What a TextOutliner caches: each font it matched (by family list, weight and style) and
// each glyph outline it took (by font and glyph), so a document's repeated glyphs are read
// from FreeType once. Not thread-safe (text::Font is not). No GL call.
//
// Limits, each a warning naming the text element: the outlines of all text an outliner
// makes hold at most max_points (svg::max_points unless told) points together (the span that would pass it, and
// every later one, are not drawn); a glyph placed beyond svg::max_coordinate, or a font
// size beyond it, skips its span. Bad UTF-8 in a span skips the span.

#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Shape.hpp>
#include <glumpp/text/Font.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace glumpp::graphics {

class TextOutliner {
public:
    /// `max_points`: the bound on the points of all outlines made (see above).
    explicit TextOutliner(std::size_t max_points = svg::max_points) : max_points_(max_points) {}

    /// The outline shapes of `shape`'s text (none when it holds no text), in paint order;
    /// problems appended to `warnings` ("text#t (line 3): ...").
    std::vector<svg::Shape> outline(const svg::Shape& shape, std::vector<std::string>& warnings);

    /// The font a span is drawn with (cached; see above). Throws IoError from fontconfig.
    text::Font font(const svg::TextFont& font);

private:
    const std::vector<text::OutlineCommand>& glyph(const text::Font& font, std::uint32_t glyph);
    std::map<std::tuple<std::vector<std::string>, int, bool>, text::Font> fonts_;
    std::map<std::pair<const void*, std::uint32_t>, std::vector<text::OutlineCommand>> glyphs_;
    std::size_t max_points_;
    std::size_t points_ = 0; ///< in every outline made so far
    bool points_full_ = false;
};

/// `shapes` with each text shape replaced by its outlines (one TextOutliner for all):
/// false, and `out` untouched, when no shape holds text (nothing to copy).
bool outline_texts(std::span<const svg::Shape> shapes, std::vector<svg::Shape>& out, std::vector<std::string>& warnings);

} // namespace glumpp::graphics
