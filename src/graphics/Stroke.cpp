#include "Stroke.hpp"
#include "Checks.hpp"
#include "Format.hpp"
#include "StyledCollection.ipp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace glumpp::graphics::detail {

DType stroke_segment_dtype() { return DType::of<StrokeSegment>(); }
DType stroke_record_dtype() { return DType::of<StrokeRecord>(); }

Array stroke_record(const StrokeStyle& style, const char* caller) {
    if (!(style.width >= 0.0f && std::isfinite(style.width))) {
        throw ValueError(std::string(caller) + ": width " + number(style.width) + " is not a finite number >= 0");
    }
    if (!(style.miter_limit >= 1.0f && std::isfinite(style.miter_limit))) {
        throw ValueError(std::string(caller) + ": miter limit " + number(style.miter_limit) + " is not a finite number >= 1");
    }
    check_order(style.order, caller);
    const StrokeRecord r{style.color,
                         style.order,
                         style.width,
                         static_cast<float>(style.join),
                         static_cast<float>(style.cap),
                         style.miter_limit,
                         style.edge == StrokeEdge::Agg ? 1.0f : 0.0f,
                         {}};
    return Array::from(std::span<const StrokeRecord>(&r, 1)).view({0});
}

Array stroke_segments(std::span<const Polyline> polylines) {
    std::vector<StrokeSegment> out;
    for (const Polyline& line : polylines) add_stroke_segments(line.points, line.closed, out);
    return Array::from(std::span<const StrokeSegment>(out), {out.size()});
}

StrokeStyle stroke_style(const Array& record) {
    const auto r = record.value<StrokeRecord>();
    return {r.color, r.width, static_cast<StrokeJoin>(static_cast<int>(r.join)), static_cast<StrokeCap>(static_cast<int>(r.cap)),
            r.miter_limit, r.order, r.edge > 0.5f ? StrokeEdge::Agg : StrokeEdge::Ramp};
}

// Pixels throughout: positions are mapped by u_view in the vertex shader, y down.
const char* const stroke_vertex_shader = R"(
in vec3 a_prev;
in vec3 a_p0;
in vec3 a_p1;
in vec3 a_next;
in uint a_item;
flat out vec2 v_prev;
flat out vec2 v_p0;
flat out vec2 v_p1;
flat out vec2 v_next;
flat out vec4 v_color;
flat out float v_half;   // half the width, pixels (Agg: at least half a pixel)
flat out int v_join;
flat out int v_cap;
flat out float v_miter;
flat out float v_edge;   // 1: glumpy's agg edge (StrokeEdge::Agg)
out vec2 v_pos;
#ifdef STROKE_GRADIENT
// GradientPathCollection: the gradient's record texels 3-6 (GradientPaint.hpp).
flat out vec3 v_paint;
flat out vec4 v_points;
flat out float v_radius;
out vec2 v_gradient;
#endif
void main() {
    vec4 color = shared_texel(a_item, 0);
    vec4 style = shared_texel(a_item, 1);   // order, width, join, cap
    vec4 style2 = shared_texel(a_item, 2);  // miter limit, edge
    v_miter = style2.x;
    v_edge = style2.y;
    v_join = int(style.z);
    v_cap = int(style.w);
    float width = style.y * abs(u_view.x);
    // Ramp: the outline as it is, however thin (the fragment computes its exact coverage).
    // Agg (glumpy's look): thinner than a pixel is one pixel wide and fainter, as glumpy
    // draws it.
    bool agg = v_edge > 0.5;
    float faint = agg ? min(width, 1.0) : 1.0;
#ifdef STROKE_GRADIENT
    v_color = vec4(1.0, 1.0, 1.0, faint);   // the gradient's alpha is the fragment's
#else
    v_color = vec4(color.rgb, color.a * faint);
#endif
    v_half = 0.5 * (agg ? max(width, 1.0) : width);
    v_prev = to_pixels(a_prev);
    v_next = to_pixels(a_next);
    g_outside = 0.0; // only the segment's own ends decide whether it is clipped away
    v_p0 = to_pixels(a_p0);
    v_p1 = to_pixels(a_p1);
    // The neighbours are the end points themselves at caps (exact copies on the CPU).
    bool cap0 = a_prev == a_p0, cap1 = a_next == a_p1;
    vec2 d = v_p1 - v_p0;
    float len = length(d);
    vec2 t = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-t.y, t.x);
    // How far the quad reaches past each end: a cap needs half the width, a join up to
    // the miter tip (width / 2 * miter limit covers it), plus the antialiasing ramp.
    float reach = (v_edge > 0.5 ? 1.5 : 1.0) * u_antialias; // the agg edge's tail is longer
    float cap_reach = v_half + reach;
    float join_reach = v_half * max(v_miter, 1.0) + reach;
    float along = gl_VertexID < 2 ? -(cap0 ? cap_reach : join_reach) : len + (cap1 ? cap_reach : join_reach);
    float across = ((gl_VertexID & 1) == 0 ? -1.0 : 1.0) * (v_half + reach);
    v_pos = v_p0 + t * along + n * across;
    gl_Position = to_clip(v_pos, style.x);
#ifdef STROKE_GRADIENT
    // The corner back in world units (u_view's inverse), then in gradient coordinates.
    vec4 g1 = shared_texel(a_item, 3), m = shared_texel(a_item, 4), o = shared_texel(a_item, 5);
    v_paint = g1.xyz;
    v_points = shared_texel(a_item, 6);
    v_radius = o.z;
    vec2 w = (v_pos - u_view.zw) / u_view.xy;
    v_gradient = vec2(m.x * w.x + m.z * w.y + o.x, m.y * w.x + m.w * w.y + o.y);
#endif
}
)";

const char* const stroke_fragment_shader = R"(
flat in vec2 v_prev;
flat in vec2 v_p0;
flat in vec2 v_p1;
flat in vec2 v_next;
flat in vec4 v_color;
flat in float v_half;
flat in int v_join;
flat in int v_cap;
flat in float v_miter;
flat in float v_edge;
in vec2 v_pos;
out vec4 frag_color;
#ifdef STROKE_GRADIENT
flat in vec3 v_paint;
flat in vec4 v_points;
flat in float v_radius;
in vec2 v_gradient;
#endif

const int MITER = 0, ROUND = 1, BEVEL = 2;   // StrokeJoin
const int BUTT = 0, SQUARE = 2;              // StrokeCap (ROUND = 1 too)

// Signed distance to the outline near one end of the segment, or a large number when
// the pixel belongs to the neighbouring segment (its side of the join's bisector).
// q: the pixel relative to the end point; s: unit direction from the end point into this
// segment; a: unit direction from the end point into the neighbour (unused at a cap).
// `keep_tie` decides which of the two segments owns pixel centres exactly on the
// bisector: the start of a segment does, the end of the previous one does not.
// A butt or square cap returns the body's distance and puts the signed distance past the
// cap's cut line in `cut` (the outline is max(body, cut) there); elsewhere cut is -1e9.
float end_distance(vec2 q, vec2 s, vec2 a, bool cap, bool keep_tie, out bool outside, out float cut) {
    outside = false;
    cut = -1e9;
    float u = dot(q, s);
    float body = abs(dot(q, vec2(-s.y, s.x))) - v_half;
    if (cap) {
        if (v_cap == BUTT) cut = -u;
        if (v_cap == SQUARE) cut = -u - v_half;
        if (u >= 0.0 || v_cap == BUTT || v_cap == SQUARE) return body;
        return length(q) - v_half;
    }
    vec2 split = s - a;   // the bisector of s and a is the line dot(q, s - a) = 0
    float side = dot(q, split);
    if (dot(split, split) < 1e-8) {   // the path turns back on itself: cut square
        side = u;
    }
    if (side < 0.0 || (side == 0.0 && !keep_tie)) {
        outside = true;
        return 1e9;
    }
    if (u >= 0.0) return body;
    // Past the end point on this segment's side of the bisector: the outer corner.
    float cos_angle = clamp(dot(s, a), -1.0, 1.0);
    float sin_half = sqrt(0.5 * (1.0 - cos_angle));   // sin(angle between s and a / 2)
    int join = v_join;
    if (join == MITER && v_miter * sin_half < 1.0) join = BEVEL;   // SVG: miter length / width > limit
    if (join == ROUND) return length(q) - v_half;
    if (join == MITER) return body;
    vec2 w = s + a;   // the outer corner lies along -(s + a)
    float wl = length(w);
    if (wl < 1e-6) return max(body, -u);
    return max(body, dot(q, -w / wl) - v_half * sin_half);
}

// The fraction of a pixel inside a straight edge whose signed distance from the pixel's
// centre is `sd` (negative inside), the edge running along a segment of direction t:
// the pixel square seen across the edge spreads over |t.x| + |t.y| (times the antialias
// width), its projection's density a trapezoid of the two widths `wide` >= `narrow`, so
// the coverage is quadratic in the two corners' reach and linear between. Along the
// axes (narrow = 0) it is clamp(0.5 - sd / a), the collections' coverage().
float cover(float sd, float wide, float narrow) {
    float x = -sd;
    float hi = 0.5 * (wide + narrow), lo = 0.5 * (wide - narrow);
    if (x <= -hi) return 0.0;
    if (x >= hi) return 1.0;
    if (x < -lo) return (x + hi) * (x + hi) / (2.0 * wide * narrow);
    if (x > lo) return 1.0 - (hi - x) * (hi - x) / (2.0 * wide * narrow);
    return (x + 0.5 * wide) / wide;
}

void main() {
    // normalize() everywhere: the neighbour computes the same directions from the same
    // points, so the two sides of a bisector split pixels exactly.
    vec2 d = v_p1 - v_p0;
    vec2 t = dot(d, d) > 0.0 ? normalize(d) : vec2(1.0, 0.0);
    bool cap0 = v_prev == v_p0, cap1 = v_next == v_p1;
    vec2 a0 = cap0 ? -t : normalize(v_prev - v_p0);
    vec2 a1 = cap1 ? t : normalize(v_next - v_p1);
    bool out0, out1;
    float cut0, cut1;
    float sd0 = end_distance(v_pos - v_p0, t, a0, cap0, true, out0, cut0);
    float sd1 = end_distance(v_pos - v_p1, -t, a1, cap1, false, out1, cut1);
    if (out0 || out1) discard;
    float sd = max(sd0, sd1);
    // Agg: glumpy's stroke(): border = |distance| - (width / 2 - a) = sd + a.
    float e = (max(sd, max(cut0, cut1)) + u_antialias) / u_antialias;
    // Ramp: the pixel's exact area coverage by the stroke's body, the strip between two
    // parallel edges: cover(sd) - cover(sd + width) (cover() above). A wide stroke is
    // cover(sd); one thinner than a pixel spreads its width over the pixels it crosses, so
    // the coverage across the line sums to its width, as cairo's does. Butt and square
    // caps cut that strip across, the pixel's share along it cover(cut0) + cover(cut1) - 1
    // (the same strip formula, exact for axis-aligned strokes); round caps and joins
    // take the strip formula on their own distance (near enough at a pixel's scale).
    vec2 at = abs(t) * u_antialias;
    float wide = max(at.x, at.y), narrow = min(at.x, at.y);
    float across = cover(sd, wide, narrow) - cover(sd + 2.0 * v_half, wide, narrow);
    float along = max(cover(cut0, wide, narrow) + cover(cut1, wide, narrow) - 1.0, 0.0);
    float alpha = v_color.a * (v_edge > 0.5 ? (e < 0.0 ? 1.0 : exp(-e * e)) : across * along);
    if (alpha <= 0.0) discard;
#ifdef STROKE_GRADIENT
    vec4 paint = gradient_color(v_gradient, v_paint, v_points, v_radius);
    frag_color = vec4(paint.rgb, paint.a * alpha);
#else
    frag_color = vec4(v_color.rgb, alpha);
#endif
}
)";

} // namespace glumpp::graphics::detail

namespace glumpp::graphics {

template <>
struct detail::StyleCodec<StrokeStyle> {
    static Array record(const StrokeStyle& s, const char* caller) { return stroke_record(s, caller); }
    static StrokeStyle read(const Array& record) { return stroke_style(record); }
};
template class StyledCollection<StrokeStyle>;

} // namespace glumpp::graphics
