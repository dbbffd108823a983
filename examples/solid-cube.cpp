// solid-cube: glumpy's examples/tutorial/solid-cube.py, the tutorial's first cube: red,
// unlit, turning half a degree about Z and Y each frame.
//
// glumpy's data: its own 8 vertices (a_position only) and 36 indices, as the script
// writes them (common/TutorialCube.hpp; not geometry::colorcube(), which the script imports
// but does not use); its 1024x1024 window cleared to (0.30, 0.30, 0.35); depth test. phi, theta start at
// 40, 30 but the model starts as the identity and is set after each draw, as glumpy's
// on_draw does: frame N shows theta = 30 + 0.5 (N - 1), phi = 40 + 0.5 (N - 1), N >= 2.
// glumpy.glm's matrices in GLM: see common/TutorialCube.hpp.
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>

#include "common/TutorialCube.hpp"

using namespace glumpp;
namespace tutorial = examples::tutorial;

const char* vertex = R"(#version 330 core
uniform mat4   u_model;         // Model matrix
uniform mat4   u_view;          // View matrix
uniform mat4   u_projection;    // Projection matrix
in vec3 a_position;             // Vertex position
void main()
{
    gl_Position = u_projection * u_view * u_model * vec4(a_position,1.0);
})";

const char* fragment = R"(#version 330 core
out vec4 frag_color;
void main()
{
    frag_color = vec4(1.0, 0.0, 0.0, 1.0);
})";

struct Vertex {
    glm::vec3 a_position;
};
GLUMPP_DTYPE(Vertex, a_position);

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "solid-cube: glumpy's tutorial red cube");
    app::Window window(options, 1024, 1024, "solid-cube");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    std::vector<Vertex> vertices;
    for (const glm::vec3 corner : tutorial::corners) vertices.push_back({corner});
    const auto V = gloo::VertexBuffer::from(vertices);
    const auto I = tutorial::faces();

    gloo::Program cube(vertex, fragment);
    cube.bind(V);
    cube["u_model"] = glm::mat4(1.0f);
    cube["u_view"] = tutorial::view();
    tutorial::Spin spin;

    window.on_init([] { glEnable(GL_DEPTH_TEST); });
    window.on_resize([&](int width, int height) { cube["u_projection"] = tutorial::projection(width, height); });
    window.on_draw([&](double) {
        window.clear();
        cube.draw(gloo::Primitive::Triangles, I); // filled cube
        cube["u_model"] = spin.step();            // rotate cube
    });
    return app::run(window, options);
}
