#pragma once
// GradientCollection: filled polygons painted by SVG gradients, evaluated per fragment,
// one draw call for all (SvgScene's gradient fills).
//
//   graphics::GradientCollection fills;
//   svg::Gradient g;                    // or a Shape's fill->gradient from svg::Document
//   g.kind = svg::Gradient::Kind::Linear;
//   g.start = {0, 0}; g.end = {100, 0};
//   g.stops = {{0.0f, {1, 0, 0, 1}}, {1.0f, {0, 0, 1, 1}}};
//   fills.append(contours, FillRule::NonZero, g, /*order*/ 0);
//
// An item is what a PolygonCollection item is (contours triangulated together by GLU
// under a fill rule, stored unrolled, three vertices per triangle; see
// PolygonCollection.hpp) plus its gradient. The gradient's parameters (kind, spread, the
// final-to-gradient transform, start and end or center, focal point and radius) are the
// item's shared record (5 texels), and its stops are baked into one row of a gradient
// table: an RGBA32F texture `table_width` (256) texels wide, one row per item, the stops
// interpolated linearly in straight alpha at the texel centres t = k / 255. The vertex
// shader maps each corner to gradient coordinates (affine, so interpolating them is
// exact); the fragment shader computes t (the projection on start-end; for radial, where
// the ray from the focal point meets the circle), applies spreadMethod (pad, reflect,
// repeat), and interpolates the row's two nearest texels (texelFetch). So any number of
// gradients is one draw call and two textures, and panning or zooming uploads nothing.
// What the table approximates: stops closer than 1/255 in t (a hard edge) are blended
// over one texel, 1/255 of the gradient's length; everywhere else the table's linear
// interpolation between texel centres is the stops' own.
//
// Draw state: as TriangleCollection (blending, depth test GL_LEQUAL with depth writes;
// Collection.hpp). Edges are not antialiased here; a multisampled framebuffer smooths them.
// The table is a second texture: one glTexSubImage2D of the rows appended since the last
// draw (the texture grows by doubling its rows, re-sent whole then).
//
// Errors: ValueError("GradientCollection::append: ...") for a gradient with fewer than
// 2 stops, a zero-length linear gradient, a radius that is not positive, numbers that are
// not finite, or an order out of range; nothing is appended then.

#include <glumpp/graphics/Collection.hpp>
#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Shape.hpp>
#include <glumpp/svg/Tessellator.hpp>

#include <span>

namespace glumpp::graphics {

namespace detail {
/// The stops table GradientCollection and GradientPathCollection share (src/graphics/GradientPaint.hpp).
class GradientTable {
public:
    GradientTable();
    /// Bakes `g`'s stops into the next row (growing the texture by doubling its rows, re-sent
    /// whole then; else one row dirtied); returns the row.
    std::size_t add(const svg::Gradient& g);
    const gloo::Texture2D& texture() const noexcept { return texture_; }

private:
    gloo::Texture2D texture_;
    std::size_t rows_used_ = 0;
};
} // namespace detail

class GradientCollection : public Collection {
public:
    static constexpr std::size_t table_width = 256; ///< detail::gradient_table_width

    GradientCollection();

    /// Appends one item: the area inside `contours` under `rule`, painted by `gradient`
    /// (whose coordinates are the contours' world units, via gradient.to_gradient), at
    /// `order` (Collection.hpp). Returns the item's number.
    std::size_t append(std::span<const svg::Polyline> contours, svg::FillRule rule, const svg::Gradient& gradient,
                       float order = 0.0f);

    /// The gradient table (rows in item order while nothing is erased; the row of item
    /// i is its shared field "row").
    const gloo::Texture2D& table() const noexcept;

    /// Syncs the table, then Collection::draw(): one glDrawArrays(GL_TRIANGLES).
    void draw();

private:
    svg::Tessellator tessellator_;
    detail::GradientTable table_;
};

} // namespace glumpp::graphics
