#pragma once
// TriangleCollection: filled triangles, one draw call for all.
//
//   graphics::TriangleCollection mesh;
//   std::vector<glm::vec2> corners = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
//   std::vector<std::uint32_t> indices = {0, 1, 2, 0, 2, 3};
//   mesh.append(corners, indices, {.color = {0.2, 0.4, 0.8, 1}});
//
// An item is a set of triangles sharing a FillStyle (color, order: shared fields "color"
// and "order"). Triangles are stored unrolled, three vertices each (position, item),
// and drawn with one glDrawArrays(GL_TRIANGLES). Why no index buffer: indices point into
// the vertex array, so erasing an item would shift the vertices after it and every later
// index would have to be rewritten (glumpy re-based them all); unrolled, erasing is one
// move of the tail. It costs 12 bytes per corner instead of 4 per index, and needs no
// indexed draw's validation pass over every index.
//
// Edges are not antialiased: the fill is exact to the pixel centres, as GL rasterizes.
// Smooth edges come from a window with multisampling (--samples) or, as glumpy's tiger
// does, a one-pixel stroke of the outline in a PathCollection.

#include <glumpp/graphics/StyledCollection.hpp>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <span>

namespace glumpp::graphics {

struct FillStyle {
    glm::vec4 color{0.0f, 0.0f, 0.0f, 1.0f}; ///< straight RGBA
    float order = 0.0f;                      ///< see Collection.hpp
};

class TriangleCollection : public StyledCollection<FillStyle> {
public:
    TriangleCollection();

    /// Appends one item: the triangles (indices[3k], [3k + 1], [3k + 2]) of `vertices`.
    /// ValueError when the index count is not a multiple of 3 or the order is out of
    /// range; IndexError naming an index past the vertices. Returns the item's number.
    std::size_t append(std::span<const glm::vec2> vertices, std::span<const std::uint32_t> indices,
                       const FillStyle& style = {});
    /// Replaces item `i`'s triangles, keeping its style.
    void set(std::size_t i, std::span<const glm::vec2> vertices, std::span<const std::uint32_t> indices);

    // style(i), set_style(i, style): StyledCollection.hpp (set_style refuses what append does).

protected:
    /// For PolygonCollection: its name in messages.
    explicit TriangleCollection(const char* name);
    /// For PolygonCollection: `corners` already unrolled, three per triangle.
    std::size_t append_unrolled(std::span<const glm::vec2> corners, const FillStyle& style, const char* caller);
    void set_unrolled(std::size_t i, std::span<const glm::vec2> corners);
};

} // namespace glumpp::graphics
