#pragma once
// glumpy's coloured cube for the camera ports (transform-trackball, transform-trackballPan,
// transform-pvm): glumpy.geometry.colorcube()'s vertices and index lists, and the examples'
// shared GLSL and draw (a filled cube, then its black outline). Kept here until the geometry
// layer's colorcube lands; the ports then take it from there.
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace cams {

struct Vertex {
    glm::vec3 position;
    glm::vec2 texcoord;
    glm::vec3 normal;
    glm::vec4 color;
};
GLUMPP_DTYPE(Vertex, position, texcoord, normal, color); // found by ADL: in the struct's namespace

struct ColorCube {
    glumpp::gloo::VertexBuffer vertices;
    glumpp::gloo::IndexBuffer filled, outline; // 36 triangle indices, 48 line indices (uint32)
};

/// glumpy.geometry.colorcube(size): 24 vertices (4 per face), each corner coloured by its
/// position (glumpy's table), faces in glumpy's order.
inline ColorCube colorcube(float size = 2.0f) {
    const float h = size / 2;
    const glm::vec3 p[8] = {{1, 1, 1}, {-1, 1, 1}, {-1, -1, 1}, {1, -1, 1}, {1, -1, -1}, {1, 1, -1}, {-1, 1, -1}, {-1, -1, -1}};
    const glm::vec3 n[6] = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {-1, 0, 1}, {0, -1, 0}, {0, 0, -1}}; // glumpy's (sic: -1, 0, 1)
    const glm::vec4 c[8] = {{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 1, 0, 1}, {1, 1, 0, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 0, 1}};
    const glm::vec2 t[4] = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    const int faces[24] = {0, 1, 2, 3, 0, 3, 4, 5, 0, 5, 6, 1, 1, 6, 7, 2, 7, 4, 3, 2, 4, 7, 6, 5};
    const int faces_t[24] = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 0, 1, 2, 3};
    auto V = glumpp::gloo::VertexBuffer::zeros<Vertex>({24});
    auto v = V.as<Vertex>();
    for (int k = 0; k < 24; ++k) v[k] = {p[faces[k]] * h, t[faces_t[k]], n[k / 4], c[faces[k]]};
    std::vector<std::uint32_t> filled, outline;
    for (std::uint32_t f = 0; f < 6; ++f) {
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) filled.push_back(4 * f + i);
        for (std::uint32_t i : {0u, 1u, 1u, 2u, 2u, 3u, 3u, 0u}) outline.push_back(4 * f + i);
    }
    return {V, glumpp::gloo::IndexBuffer::from(filled), glumpp::gloo::IndexBuffer::from(outline)};
}

// The three examples' shaders (glumpy's, in GLSL 3.30: in/out, an output for gl_FragColor).
inline const char* vertex = R"(#version 330
uniform vec4 u_color;
in vec3 position;
in vec4 color;
out vec4 v_color;
void main() {
    v_color = u_color * color;
    gl_Position = <transform>;
})";

inline const char* fragment = R"(#version 330
in vec4 v_color;
out vec4 frag_color;
void main() { frag_color = v_color; })";

/// The examples' program over the cube's vertices.
inline glumpp::transforms::Program program(const ColorCube& cube) {
    glumpp::transforms::Program p(vertex, fragment);
    p["position"] = cube.vertices["position"];
    p["color"] = cube.vertices["color"];
    return p;
}

/// glumpy's setup after the program: depth test, polygon offset (1, 1), smooth lines,
/// straight-alpha blending.
inline void setup_gl() {
    glEnable(GL_DEPTH_TEST);
    glPolygonOffset(1, 1);
    glEnable(GL_LINE_SMOOTH);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
}

/// glumpy's on_draw body: the filled cube (offset behind its outline), then the outline in
/// black, blended, without writing depth.
inline void draw(glumpp::app::Window& window, glumpp::transforms::Program& p, const ColorCube& cube) {
    window.clear();
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_POLYGON_OFFSET_FILL);
    p["u_color"] = glm::vec4(1, 1, 1, 1);
    p.draw(glumpp::gloo::Primitive::Triangles, cube.filled);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glEnable(GL_BLEND);
    glDepthMask(GL_FALSE);
    p["u_color"] = glm::vec4(0, 0, 0, 1);
    p.draw(glumpp::gloo::Primitive::Lines, cube.outline);
    glDepthMask(GL_TRUE);
}

/// The ports' optional argument `drag`: a scripted pointer that presses `button` at the
/// window's centre on the first frame and moves 8 pixels right and 4 down before each frame
/// is drawn (registered before the drawing handler, as a polled event comes), so that the
/// camera moves every frame without a user (--stats then shows what a moving camera sends).
/// Returns 2 for any other argument (the caller exits with it), else 0.
inline int script_drag(glumpp::app::Window& window, const glumpp::app::Options& options, glumpp::app::MouseButton button, const char* name) {
    bool drag = false;
    for (const auto& a : options.args) {
        if (a != "drag") {
            std::fprintf(stderr, "%s: unknown argument '%s' (drag, or nothing)\n", name, a.c_str());
            return 2;
        }
        drag = true;
    }
    if (!drag) return 0;
    window.on_draw([&window, button, frame = 0](double) mutable {
        const double x = window.width() / 2.0 + 8 * frame, y = window.height() / 2.0 + 4 * frame;
        if (frame++ == 0) window.dispatch_mouse_press(x, y, button);
        else window.dispatch_mouse_motion(x, y);
    });
    return 0;
}

} // namespace cams
