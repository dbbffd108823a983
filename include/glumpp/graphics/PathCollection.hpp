#pragma once
// PathCollection: antialiased strokes of polylines, open or closed, one draw call for all.
//
//   graphics::PathCollection paths;
//   paths.append(Polyline{{{10, 10}, {200, 10}, {200, 80}}, false},
//                {.color = {0, 0, 0, 1}, .width = 8, .join = StrokeJoin::Round, .cap = StrokeCap::Square});
//   paths.draw();
//
// An item is one or more polylines (an SVG shape's sub-paths) sharing a style: color,
// width, join, cap, miter limit and order, stored once per item (Collection.hpp). A
// closed polyline gets a join at every point; an open one gets a cap at each end.
//
// How it is drawn (Rougier's "antialiased 2D lines" idea, written anew here): every
// segment is one instance of a 4-vertex quad that covers the segment, its half of the
// joins and its caps, in pixels. Each segment element carries its neighbours (prev, p0,
// p1, next: 36 bytes), so the fragment shader knows the joins without reading other
// elements. There it computes, for the pixel centre, the signed distance to the
// stroke's outline:
//  - the body: |distance to the segment's line| - width / 2;
//  - an open end: butt cuts at the end point, square extends by width / 2, round is the
//    distance to the end point minus width / 2;
//  - a join: the two segments meeting at a point split the plane along the bisector of
//    their directions; each draws only its side (a hard split with no seam and no
//    double blending: a pixel centre lies on exactly one side). On the outer side of the
//    turn, past the point, miter extends both bodies (their edges meet at the miter
//    tip), bevel cuts them with the line through the two outer corners, round is the
//    distance to the point. A miter longer than miter_limit * width becomes a bevel, as
//    SVG says.
// Coverage (StrokeEdge::Ramp) is the pixel's area inside the stroke's body, a strip
// between two parallel edges: cover(d) - cover(d + width), cover() the area of the pixel
// square (antialias pixels wide) inside a straight edge at the segment's angle: linear
// over one pixel along the axes (0.5 - d / antialias, clamped), quadratic at the
// corners over 1.41 pixels at 45 degrees, as cairo's exact coverage. So lines thinner
// than a pixel keep their width: a 0.26-pixel line inside a pixel row inks that row at
// 0.26, and summed across any line the coverage is its width (tests/graphics/
// test_thin_strokes.cpp). Butt and square caps cut the strip across by the same formula
// along the segment (exact for axis-aligned strokes); round caps and joins use it on
// their own distance, near but not exact within a pixel of the corner. StrokeEdge::Agg
// draws thinner lines one pixel wide, their alpha scaled by their width, as glumpy does.
//
// Widths are in world units (SVG's stroke-width): they grow with the zoom. Without a
// transform, world units are pixels.
//
// Limits (as in glumpy's agg paths): a join is exact when both segments are longer than
// the part of the join they have to draw (width / 2 / tan(angle / 2) along each);
// shorter segments under a very wide stroke leave the inner corner of the join
// approximate. Strokes do not write depth (their fringes would hide the next segment),
// so translucent strokes overlapping *other* segments of the same item blend twice.

#include <glumpp/graphics/StyledCollection.hpp>
#include <glumpp/svg/Polyline.hpp>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <span>

namespace glumpp::graphics {

/// A polyline is the svg layer's (svg/Polyline.hpp): the SVG reader flattens curves into
/// polylines and the tessellator fills them, and the collections take them as they are,
/// with no conversion. The name is declared here too, so that code written against the
/// collections says `Polyline` under `using namespace glumpp::graphics`, without having
/// to know which layer defines it; graphics::Polyline and svg::Polyline are one type.
using svg::Polyline;

/// How two segments of a polyline meet (SVG's stroke-linejoin values). The stroke
/// renderer's own vocabulary: the SVG reader has its own (svg::LineJoin), which SvgScene
/// maps to this one. The numbers travel to the fragment shader as they are (Stroke.cpp).
enum class StrokeJoin : std::uint8_t { Miter = 0, Round = 1, Bevel = 2 };
/// How an open polyline ends (SVG's stroke-linecap values); numbers as for StrokeJoin.
enum class StrokeCap : std::uint8_t { Butt = 0, Round = 1, Square = 2 };

/// How a stroke's edge fades, with a = the antialias width and d the signed distance
/// from the stroke's outline (negative inside):
enum class StrokeEdge : std::uint8_t {
    /// exact area coverage of the pixel by the stroke's body (see above): clamp(0.5 - d / a,
    /// 0, 1) for axis-aligned strokes at least a pixel wide, wider (|cos| + |sin| a) and
    /// quadratic at its ends for diagonal ones; a thinner stroke spreads its width.
    Ramp,
    /// glumpy's agg strokes (antialias/stroke.glsl, its paths' and segments'): opaque up to
    /// a inside the outline, exp(-((d + a) / a)^2) from there, reaching 1.5 a past the
    /// outline. About 0.85x the ink of Ramp for a 1-pixel line, 0.89x for 2 pixels.
    Agg,
};

/// The per-item style of strokes; shared fields "color", "order", "width", "join", "cap",
/// "miter_limit", "edge" (float32).
struct StrokeStyle {
    glm::vec4 color{0.0f, 0.0f, 0.0f, 1.0f}; ///< straight RGBA
    float width = 1.0f;                      ///< world units, >= 0
    StrokeJoin join = StrokeJoin::Miter;
    StrokeCap cap = StrokeCap::Butt;
    float miter_limit = 4.0f;                ///< SVG's stroke-miterlimit, >= 1
    float order = 0.0f;                      ///< see Collection.hpp
    StrokeEdge edge = StrokeEdge::Ramp;      ///< shared field "edge" (0 Ramp, 1 Agg)
};

class PathCollection : public StyledCollection<StrokeStyle> {
public:
    PathCollection();

    /// Appends one item: the strokes of `polylines` (each with its own closed flag).
    /// Polylines with fewer than two points draw nothing; a closed one of two points is
    /// stroked as open. ValueError for a negative or non-finite width, a miter limit
    /// below 1 or an order out of range. Returns the item's number.
    std::size_t append(std::span<const Polyline> polylines, const StrokeStyle& style = {});
    std::size_t append(const Polyline& polyline, const StrokeStyle& style = {}) {
        return append(std::span<const Polyline>(&polyline, 1), style);
    }
    /// Replaces item `i`'s polylines, keeping its style (in place when the segment count
    /// is the same).
    void set(std::size_t i, std::span<const Polyline> polylines);
    /// One 3-D polyline (glumpy's paths are 3-D): z is what a transform chain reads
    /// (Collection::set_transform(Call)); without one it is ignored. Each segment's
    /// element is 52 bytes (four vec3 and the item), 2-D polylines included (z = 0).
    std::size_t append(std::span<const glm::vec3> points, bool closed, const StrokeStyle& style = {});
    void set(std::size_t i, std::span<const glm::vec3> points, bool closed);

    // style(i), set_style(i, style): StyledCollection.hpp (set_style refuses what append
    // does; a stroke's record is three texels).
};

} // namespace glumpp::graphics
