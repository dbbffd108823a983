#include <glumpp/graphics/TriangleCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"
#include "StyledCollection.ipp"

#include <glumpp/Error.hpp>

#include <string>
#include <vector>

namespace glumpp::graphics {

namespace detail {

struct FillVertex {
    glm::vec2 position;
    std::uint32_t item;
};
/// Texel 0 color, texel 1 (order, -, -, -).
struct FillRecord {
    glm::vec4 color;
    float order;
    float padding[3];
};
GLUMPP_DTYPE(FillVertex, position, item);
GLUMPP_DTYPE(FillRecord, color, order);

DType fill_vertex_dtype() { return DType::of<FillVertex>(); }
DType fill_record_dtype() { return DType::of<FillRecord>(); }

std::vector<glm::vec2> triangle_corners(const svg::Triangulation& t) {
    std::vector<glm::vec2> out(t.indices.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
        const glm::dvec2& p = t.vertices[t.indices[k]];
        out[k] = {static_cast<float>(p.x), static_cast<float>(p.y)};
    }
    return out;
}

Array position_elements(std::span<const glm::vec2> positions) {
    std::vector<FillVertex> out(positions.size());
    for (std::size_t k = 0; k < positions.size(); ++k) out[k] = {positions[k], 0};
    return Array::from(std::span<const FillVertex>(out), {out.size()});
}

const char* const fill_vertex_shader = R"(
in vec2 a_position;
in uint a_item;
flat out vec4 v_color;
void main() {
    v_color = shared_texel(a_item, 0);
    gl_Position = to_clip(to_pixels(a_position), shared_texel(a_item, 1).x);
}
)";

const char* const fill_fragment_shader = R"(
flat in vec4 v_color;
out vec4 frag_color;
void main() { frag_color = v_color; }
)";

} // namespace detail

namespace {

Array record_of(const FillStyle& style, const char* caller) {
    detail::check_order(style.order, caller);
    const detail::FillRecord r{style.color, style.order, {}};
    return Array::from(std::span<const detail::FillRecord>(&r, 1)).view({0});
}

std::vector<glm::vec2> unrolled(std::span<const glm::vec2> vertices, std::span<const std::uint32_t> indices, const char* caller) {
    if (indices.size() % 3) {
        throw ValueError(std::string(caller) + ": " + std::to_string(indices.size()) +
                         " indices do not make whole triangles (a multiple of 3 is needed)");
    }
    std::vector<glm::vec2> out(indices.size());
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (indices[k] >= vertices.size()) {
            throw IndexError(std::string(caller) + ": index " + std::to_string(indices[k]) + " (position " + std::to_string(k) +
                             ") is out of range for " + std::to_string(vertices.size()) + " vertices");
        }
        out[k] = vertices[indices[k]];
    }
    return out;
}

} // namespace

template <>
struct detail::StyleCodec<FillStyle> {
    static Array record(const FillStyle& s, const char* caller) { return record_of(s, caller); }
    static FillStyle read(const Array& record) {
        const auto r = record.value<detail::FillRecord>();
        return {r.color, r.order};
    }
};
template class StyledCollection<FillStyle>;

TriangleCollection::TriangleCollection() : TriangleCollection("TriangleCollection") {}

TriangleCollection::TriangleCollection(const char* name)
    : StyledCollection({.local = detail::fill_vertex_dtype(),
                        .shared = detail::fill_record_dtype(),
                        .vertex = detail::fill_vertex_shader,
                        .fragment = detail::fill_fragment_shader,
                        .geometry = Geometry::Triangles},
                       name) {}

std::size_t TriangleCollection::append(std::span<const glm::vec2> vertices, std::span<const std::uint32_t> indices,
                                       const FillStyle& style) {
    const auto corners = unrolled(vertices, indices, "TriangleCollection::append");
    return append_unrolled(corners, style, "TriangleCollection::append");
}

void TriangleCollection::set(std::size_t i, std::span<const glm::vec2> vertices, std::span<const std::uint32_t> indices) {
    check_item(i, "TriangleCollection::set");
    set_unrolled(i, unrolled(vertices, indices, "TriangleCollection::set"));
}

std::size_t TriangleCollection::append_unrolled(std::span<const glm::vec2> corners, const FillStyle& style, const char* caller) {
    const Array record = record_of(style, caller);
    return push(detail::position_elements(corners), record);
}

void TriangleCollection::set_unrolled(std::size_t i, std::span<const glm::vec2> corners) { replace(i, detail::position_elements(corners)); }

} // namespace glumpp::graphics
