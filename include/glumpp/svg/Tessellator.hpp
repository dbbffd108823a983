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
//
// Crossings are bounded: GLU's time and memory grow with the number of points where edges
// cross (each becomes a vertex and splits the edges of its sweep; issue 15 measured 679 s
// and 8.3 GB for a file of 10,000 random self-intersecting cubic paths). Contours that
// cross more than max_crossings times are a ValueError ("Tessellator::fill: the contours
// cross ... more than 4096 times ..."), which SvgScene turns into a warning naming the
// shape, skipped. Real drawings are far below: the tiger's shapes cross themselves at most
// 4 times, 1,000 random 10-cubic paths at most 83 times each. Counting is a sweep along x
// that stops at the limit, or after 64 pair tests per edge plus 2e7 (beyond that the shape
// is tessellated as if it were under the limit: the bound is for the pathological case);
// it took 6 ms for the tiger and 0.13 s for those 290,000 points (GLU itself: 0.8 s).
//
// Contours are tessellated in groups: those whose bounding boxes meet (touching counts),
// transitively, form one GLU polygon, and groups that do not meet are separate polygons
// (the winding number at a point only counts contours whose box holds it, so the filled
// area is the same). GLU's sweep keeps its active edges in a sorted list searched
// linearly, so one polygon of many separate contours costs their count squared: a path of
// 20,000 separate squares (960,000 points) took 19 s and 600 MB as one polygon. Grouping
// is a sweep of the boxes along x, bounded as the crossing count is (64 tests per contour
// plus 2e7; past that every contour is one group). Triangles come group by group, groups
// in the order of their first contour.

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

/// The limit of crossings Tessellator::fill accepts (see the file comment). Real
/// drawings cross themselves rarely (see the file comment).
inline constexpr std::size_t max_crossings = 4096;

/// Points where two edges of `contours` cross (closing edges included; edges that only
/// touch, and neighbours sharing their point, do not count), counted up to limit + 1.
std::size_t count_crossings(std::span<const Polyline> contours, std::size_t limit = max_crossings);

/// One-off convenience: a temporary Tessellator's fill.
Triangulation tessellate(std::span<const Polyline> contours, FillRule rule = FillRule::NonZero);

} // namespace glumpp::svg
