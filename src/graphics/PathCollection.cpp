#include <glumpp/graphics/PathCollection.hpp>

#include "Stroke.hpp"

#include <glumpp/Error.hpp>

#include <vector>

namespace glumpp::graphics {

namespace {

using detail::StrokeSegment;

glm::vec3 point(const glm::dvec2& p) { return {static_cast<float>(p.x), static_cast<float>(p.y), 0.0f}; }
glm::vec3 point(const glm::vec3& p) { return p; }

// The segments of one polyline, each with its neighbours (prev == p0 / next == p1 at the
// caps of an open polyline), appended to `out`.
template <class Points>
void add_segments(const Points& points, bool closed_flag, std::vector<StrokeSegment>& out) {
    const std::size_t n = points.size();
    if (n < 2) return;
    const bool closed = closed_flag && n > 2;
    const std::size_t count = closed ? n : n - 1;
    for (std::size_t k = 0; k < count; ++k) {
        const glm::vec3 p0 = point(points[k]), p1 = point(points[(k + 1) % n]);
        const glm::vec3 prev = (k == 0 && !closed) ? p0 : point(points[(k + n - 1) % n]);
        const glm::vec3 next = (k + 1 == count && !closed) ? p1 : point(points[(k + 2) % n]);
        out.push_back({prev, p0, p1, next, 0});
    }
}

Array segments_of(std::span<const Polyline> polylines) {
    std::vector<StrokeSegment> out;
    for (const Polyline& line : polylines) add_segments(line.points, line.closed, out);
    return Array::from(std::span<const StrokeSegment>(out), {out.size()});
}

Array segments_of(std::span<const glm::vec3> points, bool closed) {
    std::vector<StrokeSegment> out;
    add_segments(points, closed, out);
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

std::size_t PathCollection::append(std::span<const glm::vec3> points, bool closed, const StrokeStyle& style) {
    return push(segments_of(points, closed), detail::stroke_record(style, "PathCollection::append"));
}

void PathCollection::set(std::size_t i, std::span<const glm::vec3> points, bool closed) {
    check_item(i, "PathCollection::set");
    replace(i, segments_of(points, closed));
}

} // namespace glumpp::graphics
