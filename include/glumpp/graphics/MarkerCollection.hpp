#pragma once
// MarkerCollection: antialiased marker shapes (signed distance functions), one draw call
// for all, with a fill color and an edge.
//
//   graphics::MarkerCollection marks;
//   std::vector<glm::vec2> where = {{40, 40}, {80, 40}};
//   marks.append(where, {.shape = Marker::Triangle, .size = 16, .color = {1, 0, 0, 1},
//                        .edge_color = {0, 0, 0, 1}, .edge_width = 1.5});
//
// Shapes (each fits a circle of diameter `size`, before the edge):
//   Disc      the circle itself
//   Square    side `size`, axis-aligned
//   Diamond   the square turned by 45 degrees, corners on the circle
//   Triangle  equilateral, apex up, corners on the circle
//   Cross     a plus sign whose arms are size / 4 thick
// `angle` turns the shape (radians, positive from +x towards +y, that is clockwise on
// screen, as SVG's rotate). The edge is centred on the shape's outline; with
// edge_width 0 the shape is its fill alone.
//
// An item is a set of positions sharing a MarkerStyle (shared fields "color", "order",
// "size", "edge_width", "shape", "edge_color", "angle"). Drawn as PointCollection's dots
// are (one quad instance per marker); sizes are in pixels.

#include <glumpp/graphics/StyledCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <span>

namespace glumpp::graphics {

enum class Marker : std::uint8_t { Disc, Square, Diamond, Triangle, Cross };

struct MarkerStyle {
    Marker shape = Marker::Disc;
    float size = 10.0f;                           ///< pixels, > 0
    glm::vec4 color{1.0f, 1.0f, 1.0f, 1.0f};      ///< fill, straight RGBA
    glm::vec4 edge_color{0.0f, 0.0f, 0.0f, 1.0f}; ///< edge, straight RGBA
    float edge_width = 1.0f;                      ///< pixels, >= 0
    float angle = 0.0f;                           ///< radians
    float order = 0.0f;                           ///< see Collection.hpp
};

class MarkerCollection : public StyledCollection<MarkerStyle> {
public:
    MarkerCollection();

    /// Appends one item of markers at `positions`; ValueError for a size that is not
    /// positive and finite, a negative or non-finite edge width or angle, or an order out
    /// of range. Returns the item's number.
    std::size_t append(std::span<const glm::vec2> positions, const MarkerStyle& style = {});
    void set(std::size_t i, std::span<const glm::vec2> positions);
    // style(i), set_style(i, style): StyledCollection.hpp (set_style refuses what append does).
};

} // namespace glumpp::graphics
