#include <glumpp/graphics/SegmentCollection.hpp>

#include "Stroke.hpp"

#include <glumpp/Error.hpp>

#include <string>
#include <vector>

namespace glumpp::graphics {

namespace {

glm::vec3 lift(const glm::vec2& p) { return {p, 0.0f}; }
glm::vec3 lift(const glm::vec3& p) { return p; }

// Each segment is its own open path: its neighbours are its end points (two caps).
template <class V>
Array segments_of(std::span<const V> ends, const char* caller) {
    if (ends.size() % 2) {
        throw ValueError(std::string(caller) + ": " + std::to_string(ends.size()) +
                         " end points do not pair into segments (an even number is needed)");
    }
    std::vector<detail::StrokeSegment> out(ends.size() / 2);
    for (std::size_t k = 0; k < out.size(); ++k) {
        const glm::vec3 a = lift(ends[2 * k]), b = lift(ends[2 * k + 1]);
        out[k] = {a, a, b, b, 0};
    }
    return Array::from(std::span<const detail::StrokeSegment>(out), {out.size()});
}

} // namespace

SegmentCollection::SegmentCollection()
    : StyledCollection({.local = detail::stroke_segment_dtype(),
                        .shared = detail::stroke_record_dtype(),
                        .vertex = detail::stroke_vertex_shader,
                        .fragment = detail::stroke_fragment_shader,
                        .geometry = Geometry::Quads,
                        .state = State::Stroke},
                       "SegmentCollection") {}

std::size_t SegmentCollection::append(std::span<const glm::vec2> endpoints, const StrokeStyle& style) {
    const Array record = detail::stroke_record(style, "SegmentCollection::append");
    return push(segments_of(endpoints, "SegmentCollection::append"), record);
}

void SegmentCollection::set(std::size_t i, std::span<const glm::vec2> endpoints) {
    check_item(i, "SegmentCollection::set");
    replace(i, segments_of(endpoints, "SegmentCollection::set"));
}

std::size_t SegmentCollection::append(std::span<const glm::vec3> endpoints, const StrokeStyle& style) {
    const Array record = detail::stroke_record(style, "SegmentCollection::append");
    return push(segments_of(endpoints, "SegmentCollection::append"), record);
}

void SegmentCollection::set(std::size_t i, std::span<const glm::vec3> endpoints) {
    check_item(i, "SegmentCollection::set");
    replace(i, segments_of(endpoints, "SegmentCollection::set"));
}

} // namespace glumpp::graphics
