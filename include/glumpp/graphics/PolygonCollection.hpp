#pragma once
// PolygonCollection: filled polygons with holes, one draw call for all.
//
//   graphics::PolygonCollection shapes;
//   Polyline outer{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, true};
//   Polyline hole{{{25, 25}, {75, 25}, {75, 75}, {25, 75}}, true};
//   std::vector<Polyline> ring = {outer, hole};
//   shapes.append(ring, FillRule::EvenOdd, {.color = {1, 0.5, 0, 1}});
//
// An item is a set of contours filled together under SVG's fill rule (non-zero or
// even-odd): contours may nest (holes), overlap or self-intersect. They are
// triangulated on the CPU by GLU's tessellator (svg/Tessellator.hpp) and stored as a
// TriangleCollection's item, so everything said there holds (unrolled triangles, no
// antialiased edges). Every contour is closed, whatever its flag says (SVG fills open
// sub-paths too); contours of fewer than 3 points add nothing.
//
// glumpy triangulated each sub-path alone with Shewchuk's Triangle, so holes and fill
// rules were not handled.

#include <glumpp/graphics/TriangleCollection.hpp>
#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Tessellator.hpp>

#include <span>

namespace glumpp::graphics {

/// Contours and fill rules are the svg layer's vocabulary (svg/Polyline.hpp), which the
/// tessellator consumes as they are. Declared here too, so that code written against the
/// collections says `Polyline` and `FillRule::EvenOdd` under `using namespace
/// glumpp::graphics`; they are the same types as svg::Polyline and svg::FillRule
/// (PathCollection.hpp declares Polyline the same way, which C++ allows twice).
using svg::FillRule;
using svg::Polyline;

class PolygonCollection : public TriangleCollection {
public:
    PolygonCollection() : TriangleCollection("PolygonCollection") {}

    /// Appends one item: the area inside `contours` under `rule`. ValueError for points
    /// the tessellator refuses (not finite) or an order out of range.
    std::size_t append(std::span<const Polyline> contours, FillRule rule = FillRule::NonZero, const FillStyle& style = {});
    std::size_t append(const Polyline& contour, const FillStyle& style = {}) {
        return append(std::span<const Polyline>(&contour, 1), FillRule::NonZero, style);
    }
    /// Replaces item `i`'s contours, keeping its style.
    void set(std::size_t i, std::span<const Polyline> contours, FillRule rule = FillRule::NonZero);

private:
    svg::Tessellator tessellator_;
};

} // namespace glumpp::graphics
