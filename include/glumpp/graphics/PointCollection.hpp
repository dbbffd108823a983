#pragma once
// PointCollection: antialiased round dots of a fixed size in pixels, one draw call for all.
//
//   graphics::PointCollection stars;
//   std::vector<glm::vec2> where = {{10, 10}, {50, 20}, {90, 70}};
//   stars.append(where, {.color = {1, 1, 1, 1}, .size = 3});   // one item, three dots
//
// An item is a set of points sharing a PointStyle (shared fields "color", "order",
// "size"). Each point is one instance of a quad (not GL_POINTS: point sprites are
// clipped away whole when their centre leaves the viewport, and their size is capped by
// the driver); the fragment shader antialiases the disc's edge from its distance.
// Sizes are diameters in pixels: dots keep their size when zoomed, as glumpy's.
// Each dot's element is (position vec3, item uint32), 16 bytes: 3-D positions as glumpy's
// points, for transform chains (Collection::set_transform(Call)).

#include <glumpp/graphics/StyledCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <span>

namespace glumpp::graphics {

struct PointStyle {
    glm::vec4 color{0.0f, 0.0f, 0.0f, 1.0f}; ///< straight RGBA
    float size = 4.0f;                       ///< diameter in pixels, > 0
    float order = 0.0f;                      ///< see Collection.hpp
};

class PointCollection : public StyledCollection<PointStyle> {
public:
    PointCollection();

    /// Appends one item of `positions`; ValueError for a size that is not positive and
    /// finite, or an order out of range. Returns the item's number.
    std::size_t append(std::span<const glm::vec2> positions, const PointStyle& style = {});
    /// 3-D positions (glumpy's): z is what a transform chain reads (set_transform(Call));
    /// without one it is ignored. 2-D positions are stored with z = 0.
    std::size_t append(std::span<const glm::vec3> positions, const PointStyle& style = {});
    /// Replaces item `i`'s positions, keeping its style (in place for the same count).
    void set(std::size_t i, std::span<const glm::vec2> positions);
    void set(std::size_t i, std::span<const glm::vec3> positions);
    // style(i), set_style(i, style): StyledCollection.hpp (set_style refuses what append does).
};

} // namespace glumpp::graphics
