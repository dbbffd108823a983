#pragma once
// GradientPathCollection: strokes painted by SVG gradients, evaluated per fragment, one
// draw call for all (SvgScene's strokes with stroke="url(#g)").
//
//   graphics::GradientPathCollection strokes;
//   strokes.append(polylines, {.width = 12, .join = StrokeJoin::Round}, gradient, /*order*/ 1);
//   strokes.draw();
//
// An item is a PathCollection item (the same segments, the same shaders: Stroke.cpp's,
// compiled with STROKE_GRADIENT defined; PathCollection.hpp explains the method) whose
// color comes from a gradient (GradientCollection.hpp): its record is the stroke's three
// texels (the style's color is ignored; texel 0 holds the gradient's mean color, for
// Collection::color) plus the gradient's four (kind, spread and table row; the
// final-to-gradient map; the points), and its stops are a row of a gradient table, the
// same code as GradientCollection's (GradientPaint.hpp: one copy of the gradient GLSL).
// The vertex shader takes each quad corner back from pixels to world units through
// u_view's inverse and maps it to gradient coordinates (affine, so interpolating them is
// exact); the fragment shader evaluates the gradient and multiplies the stroke's
// coverage into its alpha. So the gradient is exact under u_view (a PanZoom, or none);
// under a transform chain (set_transform(Call)), which has no inverse here, the
// coordinates are wrong: SvgScene never sets one.
//
// Draw state: as PathCollection (blending, depth test GL_LEQUAL, no depth writes). The
// table is a second texture: one glTexSubImage2D of the rows appended since the last draw.
// Panning or zooming uploads nothing.
//
// Errors: what PathCollection::append refuses, and what GradientCollection::append
// refuses of the gradient (ValueError "GradientPathCollection::append: ..."); nothing is
// appended then.

#include <glumpp/graphics/Collection.hpp>
#include <glumpp/graphics/GradientCollection.hpp>
#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/svg/Shape.hpp>

#include <span>

namespace glumpp::graphics {

class GradientPathCollection : public Collection {
public:
    GradientPathCollection();

    /// Appends one item: the strokes of `polylines` in `style` (its color unused),
    /// painted by `gradient` (world units to gradient coordinates: gradient.to_gradient).
    std::size_t append(std::span<const Polyline> polylines, const StrokeStyle& style, const svg::Gradient& gradient);

    const gloo::Texture2D& table() const noexcept { return table_.texture(); }

    /// Syncs the table, then Collection::draw(): one glDrawArraysInstanced.
    void draw();

private:
    detail::GradientTable table_;
};

} // namespace glumpp::graphics
