#include <glumpp/graphics/PathCollection.hpp>

#include "Stroke.hpp"

#include <glumpp/Error.hpp>

#include <vector>

namespace glumpp::graphics {

namespace {

using detail::StrokeSegment;

Array segments_of(std::span<const Polyline> polylines) { return detail::stroke_segments(polylines); }

Array segments_of(std::span<const glm::vec3> points, bool closed) {
    std::vector<StrokeSegment> out;
    detail::add_stroke_segments(points, closed, out);
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
