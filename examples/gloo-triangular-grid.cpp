// gloo-triangular-grid: glumpy's examples/gloo-triangular-grid.py, the wireframe of a
// triangulated square: black edges 2 pixels wide (glLineWidth, GL_LINE polygon mode, line
// smoothing) on white, in one indexed draw.
//
// The mesh is a stand-in. glumpy's script asks the `triangle` module (Shewchuk's Triangle,
// not packaged for Debian: non-free) for a quality mesh of [-1, 1]^2 with `qa0.01`: no
// triangle larger than 0.01 in area, no angle under 20 degrees. This port makes a mesh that
// meets the same two constraints without it: the square cut into 15 x 15 cells, each split
// along a diagonal that alternates like a chequerboard (every triangle 0.0089 in area, its
// angles 45, 45 and 90 degrees; 256 vertices, 450 triangles). glumpy's picture cannot be
// made here, so tests/examples/gloo_triangular_grid_oracle.py checks what must hold: every
// dark pixel lies on one of the mesh's edges (computed again with NumPy), and the edges
// are drawn along their whole length.
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
#include <glumpp/gloo/gl.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); })";

const char* fragment = R"(#version 330 core
out vec4 frag_color;
void main() { frag_color = vec4(0.0, 0.0, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-triangular-grid: the wireframe of a triangulated square");
    app::Window window(options, 512, 512, "gloo-triangular-grid");
    window.set_clear_color({1, 1, 1, 1});

    const std::size_t cells = 15, side = cells + 1;
    std::vector<float> vertices;
    for (std::size_t j = 0; j < side; ++j)
        for (std::size_t i = 0; i < side; ++i) {
            vertices.push_back(-1.0f + 2.0f * float(i) / float(cells));
            vertices.push_back(-1.0f + 2.0f * float(j) / float(cells));
        }
    std::vector<std::uint32_t> indices;
    for (std::size_t j = 0; j < cells; ++j)
        for (std::size_t i = 0; i < cells; ++i) {
            const auto a = std::uint32_t(j * side + i), b = a + 1, c = a + std::uint32_t(side), d = c + 1;
            if ((i + j) % 2 == 0) // the diagonal a-d
                indices.insert(indices.end(), {a, b, d, a, d, c});
            else // the diagonal b-c
                indices.insert(indices.end(), {a, b, c, b, d, c});
        }

    gloo::Program program(vertex, fragment, side * side);
    program["a_position"] = Array::from(vertices, {side * side, 2});
    auto triangles = gloo::IndexBuffer::from(indices);

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
