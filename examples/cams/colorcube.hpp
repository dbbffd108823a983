#pragma once
// What the camera ports (transform-trackball, transform-trackballPan, transform-pvm) share:
// glumpy's coloured cube (geometry::colorcube) on the GPU, the examples' GLSL and draw (a
// filled cube, then its black outline), and a scripted drag.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>
#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace cams {

struct ColorCube {
    glumpp::gloo::VertexBuffer vertices;
    glumpp::gloo::IndexBuffer filled, outline; // 36 triangle indices, 48 line indices (uint32)
};

/// glumpy.geometry.colorcube(size) (geometry::colorcube: the same bytes) on the GPU.
inline ColorCube colorcube(double size = 2.0) {
    const auto cc = glumpp::geometry::colorcube(size);
    return {glumpp::gloo::VertexBuffer::over(cc.vertices), glumpp::gloo::IndexBuffer::over(cc.filled),
            glumpp::gloo::IndexBuffer::over(cc.outline)};
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

} // namespace cams
