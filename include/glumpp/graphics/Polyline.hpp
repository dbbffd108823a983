#pragma once
// A polyline: what curves become once flattened, and what fills and strokes consume.

#include <glm/vec2.hpp>

#include <vector>

namespace glumpp::graphics {

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

} // namespace glumpp::graphics
