#include <glumpp/graphics/PolygonCollection.hpp>

#include "Fill.hpp"

#include <vector>

namespace glumpp::graphics {

std::size_t PolygonCollection::append(std::span<const Polyline> contours, FillRule rule, const FillStyle& style) {
    return append_unrolled(detail::triangle_corners(tessellator_.fill(contours, rule)), style, "PolygonCollection::append");
}

void PolygonCollection::set(std::size_t i, std::span<const Polyline> contours, FillRule rule) {
    check_item(i, "PolygonCollection::set");
    set_unrolled(i, detail::triangle_corners(tessellator_.fill(contours, rule)));
}

} // namespace glumpp::graphics
