#include <glumpp/graphics/PolygonCollection.hpp>

#include <vector>

namespace glumpp::graphics {

namespace {

std::vector<glm::vec2> corners_of(const svg::Triangulation& t) {
    std::vector<glm::vec2> out(t.indices.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
        const glm::dvec2& p = t.vertices[t.indices[k]];
        out[k] = {static_cast<float>(p.x), static_cast<float>(p.y)};
    }
    return out;
}

} // namespace

std::size_t PolygonCollection::append(std::span<const Polyline> contours, FillRule rule, const FillStyle& style) {
    return append_unrolled(corners_of(tessellator_.fill(contours, rule)), style, "PolygonCollection::append");
}

void PolygonCollection::set(std::size_t i, std::span<const Polyline> contours, FillRule rule) {
    check_item(i, "PolygonCollection::set");
    set_unrolled(i, corners_of(tessellator_.fill(contours, rule)));
}

} // namespace glumpp::graphics
