#include <glumpp/graphics/MarkerCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"
#include "StyledCollection.ipp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <sstream>

namespace glumpp::graphics {

namespace {

/// Texel 0 fill color, texel 1 (order, size, edge width, shape), texel 2 edge color,
/// texel 3 (angle, -, -, -).
struct MarkerRecord {
    glm::vec4 color;
    float order, size, edge_width, shape;
    glm::vec4 edge_color;
    float angle;
    float padding[3];
};
GLUMPP_DTYPE(MarkerRecord, color, order, size, edge_width, shape, edge_color, angle);

const char* const vertex_shader = R"(
in vec2 a_position;
in uint a_item;
flat out vec4 v_color;
flat out vec4 v_edge_color;
flat out float v_radius;
flat out float v_edge;
flat out int v_shape;
out vec2 v_local;   // the pixel in the marker's own frame (turned back by the angle)
void main() {
    v_color = shared_texel(a_item, 0);
    vec4 style = shared_texel(a_item, 1);   // order, size, edge width, shape
    v_edge_color = shared_texel(a_item, 2);
    float angle = shared_texel(a_item, 3).x;
    v_radius = 0.5 * style.y;
    v_edge = style.z;
    v_shape = int(style.w);
    // Every shape fits the circle; the square's corners reach sqrt(2) of the radius.
    float reach = 1.4142136 * v_radius + 0.5 * v_edge + u_antialias;
    vec2 offset = vec2((gl_VertexID & 1) == 0 ? -reach : reach, gl_VertexID < 2 ? -reach : reach);
    float c = cos(angle), s = sin(angle);
    v_local = vec2(c * offset.x + s * offset.y, -s * offset.x + c * offset.y);
    gl_Position = to_clip(to_pixels(a_position) + offset, style.x);
}
)";

const char* const fragment_shader = R"(
flat in vec4 v_color;
flat in vec4 v_edge_color;
flat in float v_radius;
flat in float v_edge;
flat in int v_shape;
in vec2 v_local;
out vec4 frag_color;

float box(vec2 p, vec2 half_size) {
    vec2 d = abs(p) - half_size;
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

// Signed distances in pixels (y down): exact for disc, square, diamond and cross, and
// exact inside and near the edges for the triangle (the largest of its three half-plane
// distances).
float marker(vec2 p, float r) {
    if (v_shape == 1) return box(p, vec2(r));
    if (v_shape == 2) return (abs(p.x) + abs(p.y) - r) * 0.70710678;
    if (v_shape == 3) {
        float d = max(p.y, max(dot(p, vec2(0.8660254, -0.5)), dot(p, vec2(-0.8660254, -0.5))));
        return d - 0.5 * r;
    }
    if (v_shape == 4) return min(box(p, vec2(r, 0.25 * r)), box(p, vec2(0.25 * r, r)));
    return length(p) - r;
}

void main() {
    float sd = marker(v_local, v_radius);
    float outer = coverage(sd - 0.5 * v_edge);
    float inner = v_edge > 0.0 ? coverage(sd + 0.5 * v_edge) : 1.0;   // share of fill
    vec4 color = mix(v_edge_color, v_color, inner);
    float alpha = color.a * outer;
    if (alpha <= 0.0) discard;
    frag_color = vec4(color.rgb, alpha);
}
)";

Array record_of(const MarkerStyle& s, const char* caller) {
    std::ostringstream text;
    if (!(s.size > 0.0f && std::isfinite(s.size))) {
        text << caller << ": size " << s.size << " is not positive and finite";
    } else if (!(s.edge_width >= 0.0f && std::isfinite(s.edge_width))) {
        text << caller << ": edge width " << s.edge_width << " is not a finite number >= 0";
    } else if (!std::isfinite(s.angle)) {
        text << caller << ": angle " << s.angle << " is not finite";
    } else if (static_cast<unsigned>(s.shape) > static_cast<unsigned>(Marker::Cross)) {
        text << caller << ": marker shape " << static_cast<unsigned>(s.shape) << " is not one of Marker's values";
    }
    if (!text.str().empty()) throw ValueError(text.str());
    detail::check_order(s.order, caller);
    const MarkerRecord r{s.color, s.order, s.size, s.edge_width, static_cast<float>(s.shape), s.edge_color, s.angle, {}};
    return Array::from(std::span<const MarkerRecord>(&r, 1)).view({0});
}

} // namespace

template <>
struct detail::StyleCodec<MarkerStyle> {
    static Array record(const MarkerStyle& s, const char* caller) { return record_of(s, caller); }
    static MarkerStyle read(const Array& record) {
        const auto r = record.value<MarkerRecord>();
        return {static_cast<Marker>(static_cast<int>(r.shape)), r.size, r.color, r.edge_color, r.edge_width, r.angle, r.order};
    }
};
template class StyledCollection<MarkerStyle>;

MarkerCollection::MarkerCollection()
    : StyledCollection({.local = detail::fill_vertex_dtype(),
                        .shared = DType::of<MarkerRecord>(),
                        .vertex = vertex_shader,
                        .fragment = fragment_shader,
                        .geometry = Geometry::Quads},
                       "MarkerCollection") {}

std::size_t MarkerCollection::append(std::span<const glm::vec2> positions, const MarkerStyle& style) {
    const Array record = record_of(style, "MarkerCollection::append");
    return push(detail::position_elements(positions), record);
}

void MarkerCollection::set(std::size_t i, std::span<const glm::vec2> positions) {
    check_item(i, "MarkerCollection::set");
    replace(i, detail::position_elements(positions));
}

} // namespace glumpp::graphics
