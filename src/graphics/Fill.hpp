#pragma once
// The dtypes and shaders of TriangleCollection (and so of PolygonCollection), and the
// position elements points and markers share with it.
#include <glumpp/array/Array.hpp>
#include <glumpp/svg/Tessellator.hpp>

#include <glm/vec2.hpp>

#include <span>
#include <vector>

namespace glumpp::graphics::detail {

/// (position vec2, item uint32): TriangleCollection's vertices, and the per-instance
/// elements of points and markers.
DType fill_vertex_dtype();
/// `positions` as such elements (item 0: Collection::push numbers them).
Array position_elements(std::span<const glm::vec2> positions);
/// A triangulation's triangles as their corners, three a triangle (the fill collections'
/// vertices: indices unrolled, positions as float).
std::vector<glm::vec2> triangle_corners(const svg::Triangulation& t);
DType fill_record_dtype();
extern const char* const fill_vertex_shader;
extern const char* const fill_fragment_shader;

} // namespace glumpp::graphics::detail
