#pragma once
// What PathCollection and SegmentCollection share: one instanced quad per segment, and a
// fragment shader that antialiases the stroke's outline from signed distances, with
// joins and caps (see PathCollection.hpp for the method).
#include <glumpp/graphics/PathCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace glumpp::graphics::detail {

/// One segment p0 -> p1 with its neighbours. prev == p0 means "no segment before: a cap
/// at p0"; next == p1, a cap at p1. Points are 3-D (glumpy's paths and segments are; 2-D
/// ones have z = 0): a transform chain reads z, the u_view path ignores it.
struct StrokeSegment {
    glm::vec3 prev, p0, p1, next;
    std::uint32_t item;
};

/// The shared record (GradientPathCollection's adds the gradient's four texels,
/// GradientPaint.hpp, and defines STROKE_GRADIENT in both shaders): texel 0 color, texel 1 (order, width, join, cap), texel 2 (miter
/// limit). Enumerations travel as floats (the texture is RGBA32F).
struct StrokeRecord {
    glm::vec4 color;
    float order, width, join, cap;
    float miter_limit, edge; // edge: 0 StrokeEdge::Ramp, 1 Agg
    float padding[2];
};

GLUMPP_DTYPE(StrokeSegment, prev, p0, p1, next, item);
GLUMPP_DTYPE(StrokeRecord, color, order, width, join, cap, miter_limit, edge);

DType stroke_segment_dtype();
DType stroke_record_dtype();
/// Validates `style` (ValueError naming `caller`) and packs it.
Array stroke_record(const StrokeStyle& style, const char* caller);
StrokeStyle stroke_style(const Array& record);

inline glm::vec3 stroke_point(const glm::dvec2& p) { return {static_cast<float>(p.x), static_cast<float>(p.y), 0.0f}; }
inline glm::vec3 stroke_point(const glm::vec3& p) { return p; }

/// The segments of one polyline, each with its neighbours (prev == p0 / next == p1 at the
/// caps of an open polyline), appended to `out`.
template <class Points>
void add_stroke_segments(const Points& points, bool closed_flag, std::vector<StrokeSegment>& out) {
    const std::size_t n = points.size();
    if (n < 2) return;
    const bool closed = closed_flag && n > 2;
    const std::size_t count = closed ? n : n - 1;
    for (std::size_t k = 0; k < count; ++k) {
        const glm::vec3 p0 = stroke_point(points[k]), p1 = stroke_point(points[(k + 1) % n]);
        const glm::vec3 prev = (k == 0 && !closed) ? p0 : stroke_point(points[(k + n - 1) % n]);
        const glm::vec3 next = (k + 1 == count && !closed) ? p1 : stroke_point(points[(k + 2) % n]);
        out.push_back({prev, p0, p1, next, 0});
    }
}
/// Every polyline's segments, as elements.
Array stroke_segments(std::span<const Polyline> polylines);

extern const char* const stroke_vertex_shader;
extern const char* const stroke_fragment_shader;

} // namespace glumpp::graphics::detail
