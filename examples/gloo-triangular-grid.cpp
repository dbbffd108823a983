// gloo-triangular-grid: glumpy's examples/gloo-triangular-grid.py, the wireframe of a
// triangulated square: black edges 2 pixels wide (glLineWidth, GL_LINE polygon mode, line
// smoothing) on white, in one indexed draw.
//
// The mesh: glumpy's script asks the `triangle` module (Shewchuk's Triangle, not packaged
// for Debian: non-free) for a quality mesh of [-1, 1]^2 with `qa0.01`: no triangle larger
// than 0.01 in area, no angle under 20 degrees. This port asks geometry::refine_square for
// the same (Ruppert's Delaunay refinement, written in glumpp): a Delaunay mesh meeting both
// constraints, 289 vertices and 512 triangles, whose vertices are not Triangle's (its
// insertion order and off-centres differ). glumpy's picture cannot be made here, so
// tests/examples/gloo_triangular_grid_oracle.py checks the mesh (`gloo-triangular-grid
// MESH.npy` also saves the triangles' corners) and that GL draws it: every dark pixel lies
// on one of its edges, and the edges are drawn along their whole length.
//
// GL state, as glumpy's on_draw sets it every frame: glPolygonMode(GL_FRONT_AND_BACK,
// GL_LINE), glEnable(GL_LINE_SMOOTH) and glLineWidth(2). A forward-compatible context
// (GLFW windows are: Window.hpp) has no wide lines and refuses a width above 1 with
// GL_INVALID_VALUE, which gloo would then report at its next call: there the width stays
// 1 (GL_CONTEXT_FLAGS says which, once); the offscreen EGL context draws 2, as glumpy's
// compatibility context does. The state is left set, as glumpy leaves it.
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/array/Npy.hpp>
#include <glumpp/geometry.hpp>
#include <glumpp/gloo/gl.hpp>

#include <cstdio>
#include <string>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); })";

const char* fragment = R"(#version 330 core
out vec4 frag_color;
void main() { frag_color = vec4(0.0, 0.0, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-triangular-grid: the wireframe of a triangulated square");
    std::string mesh_path; // `gloo-triangular-grid MESH.npy`: also save the triangles' corners there (the oracle's)
    for (const auto& a : options.args) {
        if (!a.ends_with(".npy")) {
            std::fprintf(stderr, "gloo-triangular-grid: unknown argument '%s' (a .npy path, or nothing)\n", a.c_str());
            return 2;
        }
        mesh_path = a;
    }
    app::Window window(options, 512, 512, "gloo-triangular-grid");
    window.set_clear_color({1, 1, 1, 1});

    // glumpy: triangle.triangulate({'vertices': [-1, 1]^2}, 'qa0.01').
    const auto mesh = geometry::refine_square(1.0, 0.01, 20.0);
    gloo::Program program(vertex, fragment, mesh.vertices.shape()[0]);
    const auto xy = mesh.vertices.to_vector<double>();
    const auto indices = mesh.triangles.to_vector<std::uint32_t>();
    program["a_position"] = Array::from(std::vector<float>(xy.begin(), xy.end()), {xy.size() / 2, 2}); // glumpy's float64, as float32
    auto triangles = gloo::IndexBuffer::from(indices);
    if (!mesh_path.empty()) { // the triangles' corners, (p, 3, 2) float64
        std::vector<double> corners;
        for (auto i : indices) corners.insert(corners.end(), {xy[2 * i], xy[2 * i + 1]});
        save_npy(Array::from(corners, {indices.size() / 3, 3, 2}), mesh_path);
    }
    GLint flags = 0;
    glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
    const float line_width = (flags & GL_CONTEXT_FLAG_FORWARD_COMPATIBLE_BIT) ? 1.0f : 2.0f;
    window.on_draw([&](double) {
        window.clear();
        glLineWidth(line_width);
        glPolygonMode(GL_FRONT_AND_BACK, GL_LINE);
        glEnable(GL_LINE_SMOOTH);
        program.draw(gloo::Primitive::Triangles, triangles);
    });
    return app::run(window, options);
}
