#pragma once
// Fill triangulation of polygons with holes, by GLU's tessellator (SGI libtess, from
// Debian's libglu1-mesa). No GL context is needed: the tessellator is pure geometry. Part
// of glumpp::svg, the library that links no GL layer (see <glumpp/svg.hpp>).
//
// Input: contours (every polyline is taken as closed, whatever its flag says), which may
// self-intersect, overlap or nest; the fill rule decides what is inside, as SVG's
// fill-rule does. Output: triangles only (GLU is asked for an edge-flag callback, which
// makes it emit GL_TRIANGLES instead of fans and strips), indexing a vertex array that
// starts with every input point in input order, contour after contour, followed by the
// intersection points the tessellator had to create. Per-point data a caller keeps
// alongside the input therefore indexes the same way.
//
// Degenerate input is not an error: contours with fewer than three points are ignored,
// and contours with no area give no triangles. Points must be finite and within GLU's
// coordinate range (|x|, |y| <= 1e150): ValueError naming the contour and point if not.
// An error GLU reports (it has none left for valid input but running out of memory)
// becomes ValueError("Tessellator::fill: GLU: ...").

#include <glumpp/svg/Polyline.hpp>

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>
#include <vector>

struct GLUtesselator; // GLU's opaque handle; <GL/glu.h> stays out of this header.

namespace glumpp::svg {

struct Triangulation {
    std::vector<glm::dvec2> vertices;
    std::vector<std::uint32_t> indices; ///< three per triangle

    std::size_t triangle_count() const { return indices.size() / 3; }
    /// Sum of the triangles' unsigned areas: the filled area, since they do not overlap.
    double area() const;
};

/// Owns one GLU tessellator object, reused across calls (not thread-safe: one per thread).
class Tessellator {
public:
    Tessellator();
    ~Tessellator();
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;
    Tessellator(Tessellator&& other) noexcept;
    Tessellator& operator=(Tessellator&& other) noexcept;

    Triangulation fill(std::span<const Polyline> contours, FillRule rule = FillRule::NonZero);
    Triangulation fill(std::span<const std::vector<glm::dvec2>> contours, FillRule rule = FillRule::NonZero);

private:
    GLUtesselator* tess_ = nullptr;
};

/// One-off convenience: a temporary Tessellator's fill.
Triangulation tessellate(std::span<const Polyline> contours, FillRule rule = FillRule::NonZero);

} // namespace glumpp::svg
