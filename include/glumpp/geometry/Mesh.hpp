#pragma once
// The vertex types and the mesh value that glumpy.geometry's functions return.
//
// A mesh is two Arrays, as glumpy returns two NumPy arrays: `vertices`, a 1-D structured
// array whose fields have glumpy's names and dtypes, and `indices`, a 1-D uint32 array
// (three per triangle, or two per line for an outline). Neither is a GPU object: this
// layer makes no GL call. A program takes them as glumpy's does:
//
//   auto cube = glumpp::geometry::cube();
//   program.bind(cube.vertices);                          // position, texcoord, normal
//   auto I = glumpp::gloo::IndexBuffer::over(cube.indices);
//   program.draw(glumpp::gloo::Primitive::Triangles, I);
//
// The fields are packed float32 blocks in glumpy's order, so each vertex type's dtype is
// exactly NumPy's (`Vertex`: [('position', '<f4', (3,)), ('texcoord', '<f4', (2,)),
// ('normal', '<f4', (3,))], 32 bytes), and `mesh.vertices.as<Vertex>()` reads them as C++
// structs.
#include <glumpp/array/Array.hpp>
#include <glumpp/array/DTypeOf.hpp>

#include <glm/glm.hpp>

namespace glumpp::geometry {

/// glumpy's vtype for primitives.py and parametric.py.
struct Vertex {
    glm::vec3 position;
    glm::vec2 texcoord;
    glm::vec3 normal;
};
GLUMPP_DTYPE(Vertex, position, texcoord, normal);

/// glumpy's vtype for colorcube.py: Vertex and an RGBA colour.
struct ColorVertex {
    glm::vec3 position;
    glm::vec2 texcoord;
    glm::vec3 normal;
    glm::vec4 color;
};
GLUMPP_DTYPE(ColorVertex, position, texcoord, normal, color);

static_assert(sizeof(Vertex) == 32 && sizeof(ColorVertex) == 48, "vertex types must be packed like NumPy's");

/// Vertices (1-D, structured) and triangle indices (1-D uint32), glumpy's (vertices, indices).
struct Mesh {
    Array vertices;
    Array indices;
};

/// colorcube()'s three arrays: 24 ColorVertex, `filled` (36 triangle indices) and
/// `outline` (48 line indices, each face's four edges).
struct ColorCube {
    Array vertices;
    Array filled;
    Array outline;
};

} // namespace glumpp::geometry
