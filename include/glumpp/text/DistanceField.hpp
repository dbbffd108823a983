#pragma once
// The exact Euclidean distance transform, and signed distance fields of glyphs.
//
// squared_distance() is Felzenszwalb and Huttenlocher's algorithm ("Distance Transforms of
// Sampled Functions", 2012): along each column, the lower envelope of the parabolas
// (y - q)^2 + f(q) rooted at every pixel, then the same along each row of the result. It
// is exact (squared distances between pixel centres, integers, no approximation like
// the 8SSEDT or glumpy's edtaa3 gradient-based estimate) and linear in the pixels.
//
// glyph_distance_field() follows glumpy's SDFFont.load_glyph: render the glyph large
// (unhinted, 256 px per em by default), pad it by 1/8 of its size on each side, compute
// the signed distance there, normalise it as glumpy's compute_sdf does, then zoom it down
// bilinearly to the atlas size with glumpy's zoom() sampling. The one difference: glumpy
// estimates sub-pixel edge positions from the antialiased coverage (edtaa3); we
// threshold the coverage at 1/2 and measure exactly from pixel centres, with half a pixel
// taken off so that the zero lies on the boundary between inside and outside pixels. At
// 256 px per em that half pixel of the large rendering is 1/10 of a pixel at 48 px.

#include <glumpp/text/Font.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace glumpp::text {

/// A float image, row 0 on top.
struct Field {
    int width = 0, height = 0;
    std::vector<double> values; ///< width * height
    double at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
};

/// The squared Euclidean distance from each pixel centre of a width x height image to the
/// nearest pixel whose `feature` byte is nonzero (0 on features); +infinity everywhere when
/// there is no feature. ValueError when feature.size() != width * height.
Field squared_distance(const std::vector<std::uint8_t>& feature, int width, int height);

/// The signed distance in pixels of a binary image (`inside` nonzero = inside): negative
/// inside, positive outside, +-0.5 on the pixels next to the boundary (distance to the
/// nearest pixel of the other kind, minus half a pixel). All inside or all outside: the
/// other kind is absent and the distances are -inf / +inf.
Field signed_distance(const std::vector<std::uint8_t>& inside, int width, int height);

/// A glyph's distance field, glumpy's way (see above).
struct GlyphField {
    Field field;         ///< in [0, 1]: 1 deep inside, 0.5 on the outline, 0 far outside
    double left = 0;     ///< pen to the field's left edge, pixels at `size`
    double top = 0;      ///< baseline to the field's top edge (up), pixels at `size`
    double advance = 0;  ///< the glyph's advance at `size`, unhinted
};
/// `size`: the atlas's pixels per em (glumpy: 48); `hires`: the large rendering's (glumpy:
/// 256); padding: the border added on each side, as a fraction of the glyph's rendered
/// width and height (glumpy: 0.125). ValueError for sizes not in (0, 4096], hires < size
/// or a padding outside [0, 1]. An empty glyph (a space) has a 0 x 0 field.
GlyphField glyph_distance_field(const Font& font, std::uint32_t glyph, double size = 48, double hires = 256,
                                double padding = 0.125);

} // namespace glumpp::text
