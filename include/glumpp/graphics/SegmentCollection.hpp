#pragma once
// SegmentCollection: independent antialiased line segments, one draw call for all.
//
//   graphics::SegmentCollection grid;
//   std::vector<glm::vec2> ends = {{0, 10}, {100, 10}, {0, 20}, {100, 20}};   // two segments
//   grid.append(ends, {.color = {0.5, 0.5, 0.5, 1}, .width = 1});
//
// An item is a set of segments sharing a style (StrokeStyle; `join` and `miter_limit` do
// not apply: every segment has a cap at both ends). Drawn exactly like PathCollection's
// segments (same shaders), so caps and antialiasing look the same.

#include <glumpp/graphics/PathCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <span>

namespace glumpp::graphics {

class SegmentCollection : public StyledCollection<StrokeStyle> {
public:
    SegmentCollection();

    /// Appends one item of `endpoints.size() / 2` segments (endpoints[2k] -> [2k + 1]);
    /// ValueError for an odd number of endpoints, or a bad style (see PathCollection).
    std::size_t append(std::span<const glm::vec2> endpoints, const StrokeStyle& style = {});
    /// Replaces item `i`'s segments, keeping its style.
    void set(std::size_t i, std::span<const glm::vec2> endpoints);
    /// 3-D end points (glumpy's segments are 3-D): z is what a transform chain reads.
    std::size_t append(std::span<const glm::vec3> endpoints, const StrokeStyle& style = {});
    void set(std::size_t i, std::span<const glm::vec3> endpoints);

    // style(i), set_style(i, style): StyledCollection.hpp (set_style refuses what append
    // does; a stroke's record is three texels).
};

} // namespace glumpp::graphics
