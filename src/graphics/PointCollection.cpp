#include <glumpp/graphics/PointCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"
#include "StyledCollection.ipp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace glumpp::graphics {

namespace {

/// Texel 0 color, texel 1 (order, size, edge, -).
struct PointRecord {
    glm::vec4 color;
    float order, size, edge;
    float padding[1];
};
GLUMPP_DTYPE(PointRecord, color, order, size, edge);

// (position vec3, item uint32): one instance per dot; 2-D positions are stored with z = 0
// (glumpy's points are 3-D: a transform chain reads z).
struct PointVertex {
    glm::vec3 position;
    std::uint32_t item;
};
GLUMPP_DTYPE(PointVertex, position, item);

template <class V>
Array point_elements(std::span<const V> positions) {
    std::vector<PointVertex> v(positions.size());
    for (std::size_t k = 0; k < positions.size(); ++k) v[k] = {glm::vec3(glm::vec3(positions[k], 0.0f)), 0};
    return Array::from(std::span<const PointVertex>(v));
}
template <>
Array point_elements(std::span<const glm::vec3> positions) {
    std::vector<PointVertex> v(positions.size());
    for (std::size_t k = 0; k < positions.size(); ++k) v[k] = {positions[k], 0};
    return Array::from(std::span<const PointVertex>(v));
}

const char* const vertex_shader = R"(
in vec3 a_position;
in uint a_item;
flat out vec4 v_color;
flat out float v_radius;
flat out float v_edge;
out vec2 v_offset;   // from the centre, pixels
void main() {
    v_color = shared_texel(a_item, 0);
    vec4 style = shared_texel(a_item, 1);   // order, size
    v_radius = 0.5 * style.y;
    v_edge = style.z;
    // glumpy's agg edge reaches 2.5 antialias widths past the disc (its sprite: size + 5)
    float reach = v_radius + (v_edge > 0.5 ? 2.5 : 1.0) * u_antialias;
    v_offset = vec2((gl_VertexID & 1) == 0 ? -reach : reach, gl_VertexID < 2 ? -reach : reach);
    gl_Position = to_clip(to_pixels(a_position) + v_offset, style.x);
}
)";

const char* const fragment_shader = R"(
flat in vec4 v_color;
flat in float v_radius;
flat in float v_edge;
in vec2 v_offset;
out vec4 frag_color;
void main() {
    float d = length(v_offset) - v_radius;
    // Agg: glumpy's agg points (antialias/filled.glsl with linewidth 1): opaque inside,
    // exp(-((d - 0.5) / aa + 1)^2) outside.
    float e = (d - 0.5) / u_antialias + 1.0;
    float alpha = v_color.a * (v_edge > 0.5 ? (d < 0.0 ? 1.0 : exp(-e * e)) : coverage(d));
    if (alpha <= 0.0) discard;
    frag_color = vec4(v_color.rgb, alpha);
}
)";

Array record_of(const PointStyle& s, const char* caller) {
    if (!(s.size > 0.0f && std::isfinite(s.size))) {
        throw ValueError(std::string(caller) + ": size " + detail::number(s.size) + " is not positive and finite");
    }
    detail::check_order(s.order, caller);
    const PointRecord r{s.color, s.order, s.size, s.edge == PointEdge::Agg ? 1.0f : 0.0f, {}};
    return Array::from(std::span<const PointRecord>(&r, 1)).view({0});
}

} // namespace

template <>
struct detail::StyleCodec<PointStyle> {
    static Array record(const PointStyle& s, const char* caller) { return record_of(s, caller); }
    static PointStyle read(const Array& record) {
        const auto r = record.value<PointRecord>();
        return {r.color, r.size, r.order, r.edge > 0.5f ? PointEdge::Agg : PointEdge::Ramp};
    }
};
template class StyledCollection<PointStyle>;

PointCollection::PointCollection()
    : StyledCollection({.local = DType::of<PointVertex>(),
                        .shared = DType::of<PointRecord>(),
                        .vertex = vertex_shader,
                        .fragment = fragment_shader,
                        .geometry = Geometry::Quads},
                       "PointCollection") {}

std::size_t PointCollection::append(std::span<const glm::vec2> positions, const PointStyle& style) {
    const Array record = record_of(style, "PointCollection::append");
    return push(point_elements(positions), record);
}

std::size_t PointCollection::append(std::span<const glm::vec3> positions, const PointStyle& style) {
    const Array record = record_of(style, "PointCollection::append");
    return push(point_elements(positions), record);
}

void PointCollection::set(std::size_t i, std::span<const glm::vec2> positions) {
    check_item(i, "PointCollection::set");
    replace(i, point_elements(positions));
}

void PointCollection::set(std::size_t i, std::span<const glm::vec3> positions) {
    check_item(i, "PointCollection::set");
    replace(i, point_elements(positions));
}

} // namespace glumpp::graphics
