#pragma once
// What PathCollection and SegmentCollection share: one instanced quad per segment, and a
// fragment shader that antialiases the stroke's outline from signed distances, with
// joins and caps (see PathCollection.hpp for the method).
#include <glumpp/graphics/PathCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <string>

namespace glumpp::graphics::detail {

/// One segment p0 -> p1 with its neighbours. prev == p0 means "no segment before: a cap
/// at p0"; next == p1, a cap at p1. Points are 3-D (glumpy's paths and segments are; 2-D
/// ones have z = 0): a transform chain reads z, the u_view path ignores it.
struct StrokeSegment {
    glm::vec3 prev, p0, p1, next;
    std::uint32_t item;
};

/// The shared record: texel 0 color, texel 1 (order, width, join, cap), texel 2 (miter
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

extern const char* const stroke_vertex_shader;
extern const char* const stroke_fragment_shader;

} // namespace glumpp::graphics::detail
