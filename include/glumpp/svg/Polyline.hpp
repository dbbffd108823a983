#pragma once
// A polyline: what curves become once flattened, and what fills and strokes consume.
//
// Polyline and FillRule belong to the svg layer, the lower of the two that use them: the
// reader produces them (svg::flatten, svg::Shape) and the tessellator consumes them, with
// no GL. The graphics layer's collections take them as they are and name them in
// glumpp::graphics too (`using svg::Polyline;` in PathCollection.hpp and
// PolygonCollection.hpp), so collection code reads `graphics::Polyline`: one type, two
// names, no conversion between an SVG shape and a collection item.

#include <glm/vec2.hpp>

#include <vector>

namespace glumpp::svg {

struct Polyline {
    /// Distinct consecutive points (no zero-length segment). A closed polyline does not
    /// repeat its first point at the end: the closing segment is implied by `closed`.
    std::vector<glm::dvec2> points;
    /// Stroked with a join at the first point instead of two caps. Fills treat every
    /// polyline as closed, whatever this says (SVG fills open sub-paths too).
    bool closed = false;

    friend bool operator==(const Polyline&, const Polyline&) = default;
};

/// Filling rules for overlapping and nested contours (SVG's fill-rule).
enum class FillRule {
    NonZero, ///< inside where the winding number is not zero (SVG's default)
    EvenOdd, ///< inside where a ray crosses an odd number of edges
};

} // namespace glumpp::svg
