#include <glumpp/graphics/PathCollection.hpp>

#include "Stroke.hpp"

#include <glumpp/Error.hpp>

#include <vector>

namespace glumpp::graphics {

namespace {

using detail::StrokeSegment;

glm::vec2 point(const glm::dvec2& p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }

// Every segment of every polyline, each with its neighbours (prev == p0 / next == p1 at
// the caps of open polylines).
Array segments_of(std::span<const Polyline> polylines) {
    std::vector<StrokeSegment> out;
    for (const Polyline& line : polylines) {
        const std::size_t n = line.points.size();
        if (n < 2) continue;
        const bool closed = line.closed && n > 2;
        const std::size_t count = closed ? n : n - 1;
        for (std::size_t k = 0; k < count; ++k) {
            const glm::vec2 p0 = point(line.points[k]), p1 = point(line.points[(k + 1) % n]);
            const glm::vec2 prev = (k == 0 && !closed) ? p0 : point(line.points[(k + n - 1) % n]);
            const glm::vec2 next = (k + 1 == count && !closed) ? p1 : point(line.points[(k + 2) % n]);
            out.push_back({prev, p0, p1, next, 0});
        }
    }
    return Array::from(std::span<const StrokeSegment>(out), {out.size()});
}

} // namespace

PathCollection::PathCollection()
    : StyledCollection({.local = detail::stroke_segment_dtype(),
                        .shared = detail::stroke_record_dtype(),
                        .vertex = detail::stroke_vertex_shader,
                        .fragment = detail::stroke_fragment_shader,
                        .geometry = Geometry::Quads,
                        .state = State::Stroke},
                       "PathCollection") {}

std::size_t PathCollection::append(std::span<const Polyline> polylines, const StrokeStyle& style) {
    return push(segments_of(polylines), detail::stroke_record(style, "PathCollection::append"));
}

void PathCollection::set(std::size_t i, std::span<const Polyline> polylines) {
    check_item(i, "PathCollection::set");
    replace(i, segments_of(polylines));
}

} // namespace glumpp::graphics
