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

#include <cstdint>
#include <span>

namespace glumpp::graphics {

/// How a dot's edge fades, with a = the antialias width and d the distance from the disc:
enum class PointEdge : std::uint8_t {
    Ramp, ///< coverage clamp(0.5 - d / a, 0, 1): the other collections' 1-pixel ramp
    /// glumpy's agg points (PointCollection("agg"): antialias/filled.glsl with linewidth 1):
    /// opaque inside the disc, exp(-((d - 0.5) / a + 1)^2) outside, reaching 2.5 a past
    /// it (its sprite is size + 5 pixels). About 1.7x the ink of Ramp at size 3.
    Agg,
};

struct PointStyle {
    glm::vec4 color{0.0f, 0.0f, 0.0f, 1.0f}; ///< straight RGBA
    float size = 4.0f;                       ///< diameter in pixels, > 0
    float order = 0.0f;                      ///< see Collection.hpp
    PointEdge edge = PointEdge::Ramp;        ///< shared field "edge" (0 Ramp, 1 Agg)
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
