#pragma once
// Curves to polylines, with an error bound in final (device) units.
//
// Every curve is approximated by a polyline whose distance from the true curve is at
// most `tolerance` in the coordinates the transform maps to, in both directions (every
// point of the curve is that close to the polyline and every point of the polyline that
// close to the curve). The transform is applied first, so the number of segments
// follows the scale at which the curve will be seen, including non-uniform scales.
// Points are spaced uniformly in the curve's parameter; the counts come from bounds,
// not from measuring, so flattening is one pass with no recursion:
//
//  - Bézier curves (quadratic, cubic), after transforming the control points (Bézier
//    curves are affine-invariant, so the transformed curve is exact): linear
//    interpolation of a C2 curve over a parameter interval of length h is within
//    h^2/8 * max|B''| of it. B'' is 2(P0 - 2P1 + P2) for a quadratic, and for a cubic it
//    interpolates linearly between 6(P0 - 2P1 + P2) and 6(P1 - 2P2 + P3), so its largest
//    norm is at an end. With n equal steps (h = 1/n) the bound gives
//        quadratic: n = ceil(sqrt(|P0 - 2P1 + P2| / (4 tol)))
//        cubic:     n = ceil(sqrt(3 max(|P0 - 2P1 + P2|, |P1 - 2P2 + P3|) / (4 tol)))
//    (Wang's formula, specialised to degrees 2 and 3).
//  - Elliptical arcs, through the centre parameterization of SVG 1.1 appendix F.6.5
//    (radii scaled up when too small, F.6.6): the arc is the image of a unit-circle arc
//    under L = T * R(phi) * diag(rx, ry) (T: the transform's linear part). A chord of the
//    unit circle spanning an angle d stays within 1 - cos(d/2) = 2 sin^2(d/4) of its arc,
//    and L stretches that by at most its largest singular value s, so
//        d = 4 asin(sqrt(tol / (2 s))),  n = ceil(|sweep| / d).
//
// Consecutive points closer than tolerance/1000 are merged (curves are flattened against
// 0.999 * tolerance, so the total stays within the tolerance); this removes the
// near-zero segments that relative coordinates leave before a 'z', which would give
// stroke joins no direction.
// No curve gets more than `max_segments_per_curve` segments, whatever its size: the
// bound holds for curves up to about a million units across at the default tolerance.

#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/PathData.hpp>
#include <glumpp/svg/Transform.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace glumpp::svg {

/// The default tolerance: a quarter of a device pixel, below what antialiasing shows.
inline constexpr double default_tolerance = 0.25;
inline constexpr std::size_t max_segments_per_curve = 4096;

/// An elliptical arc by its centre (SVG 1.1 F.6.5), in the path's own coordinates.
struct ArcCenter {
    glm::dvec2 center{0.0, 0.0};
    glm::dvec2 radii{0.0, 0.0}; ///< after the out-of-range correction
    double rotation = 0.0;      ///< x-axis rotation, radians
    double start_angle = 0.0;   ///< radians
    double sweep_angle = 0.0;   ///< radians, in (-2 pi, 2 pi): positive turns from +x towards +y

    /// The point at angle `theta` on the ellipse.
    glm::dvec2 point(double theta) const;
};

/// The centre form of `arc` (an ArcTo) starting at `from`. Nothing when SVG says the arc
/// is not an arc: end points equal (the arc is omitted) or a radius zero (a straight
/// line); a radius so small against the chord that the correction overflows counts as
/// zero.
std::optional<ArcCenter> arc_center(glm::dvec2 from, const PathCommand& arc);

/// Segment counts for the bounds above, in at least 1 and at most max_segments_per_curve;
/// points are already transformed, tolerance in the same units.
std::size_t quad_segments(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, double tolerance);
std::size_t cubic_segments(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, glm::dvec2 p3, double tolerance);
/// `to_final` maps the arc's coordinates to those the tolerance is measured in.
std::size_t arc_segments(const ArcCenter& arc, const Transform& to_final, double tolerance);

/// One polyline per sub-path, in `to_final`'s coordinates. Sub-paths that end up with
/// fewer than two distinct points (a lone moveto, "M 1 1 Z") are dropped. Throws
/// ValueError("flatten: ...") when the tolerance is not a positive finite number, or
/// when the polylines would need more than `max_points` points (counted before close
/// points are merged, and checked before each command's points are computed, so that
/// the bound is on memory: 16 bytes a point).
std::vector<Polyline> flatten(const PathData& path, const Transform& to_final = {},
                              double tolerance = default_tolerance, std::size_t max_points = SIZE_MAX);

/// The points of the sub-paths of zero length ("M 1 1 Z", "M 1 1 L 1 1", a curve whose
/// control points all sit on its start): what flatten() drops, and what round and square
/// caps paint as a dot (SVG 2: "any zero length subpath shall ... be stroked if
/// stroke-linecap is round or square"). A lone moveto is not a sub-path to stroke.
std::vector<glm::dvec2> zero_length_subpaths(const PathData& path);

/// stroke-dasharray: the dashes of `polylines` under `pattern` (lengths, alternately on
/// and off, in the polylines' units; at least one positive, none negative or not finite)
/// shifted by `offset` (stroke-dashoffset: positive starts further into the pattern).
/// The pattern restarts at every polyline, as SVG says for sub-paths; a closed one is
/// walked back to its start. Dashes are open polylines (each gets its own caps). Dashes
/// of zero length are left out, unless `dot` is positive: then each is a polyline of two
/// points `dot` apart, centred on it along the path's direction there, which round and
/// square caps paint as a dot (SVG 2: a zero-length dash is capped), the square
/// one turned with the path. ValueError("dash: ...") for a bad pattern, or when the
/// dashes would need more than `max_points` points.
std::vector<Polyline> dash(std::span<const Polyline> polylines, std::span<const double> pattern, double offset,
                           std::size_t max_points = SIZE_MAX, double dot = 0.0);

} // namespace glumpp::svg
