// gloo-cube: glumpy's examples/gloo-cube.py, a coloured cube and its black outline,
// turning half a degree about Z and Y each frame.
//
// glumpy's data and state: geometry::colorcube() (glumpy's colorcube(), the same bytes),
// a 1024x1024 window cleared to (0.30, 0.30, 0.35), depth test, polygon offset (1, 1) for
// the faces so that the outline (blended, smoothed, 0.75 px, no depth writes) lies on top.
// The model is set after each draw, as glumpy's on_draw does: frame 1 shows the
// untransformed cube, frame N the rotation by 0.5 * (N - 1) degrees.
//
// glumpy.glm's matrices in GLM: see common/TutorialCube.hpp. The shaders are glumpy's in GLSL
// 3.30 core (in/out, an output for gl_FragColor).
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>

#include "common/TutorialCube.hpp"

using namespace glumpp;
namespace tutorial = examples::tutorial;

const char* vertex = R"(#version 330 core
uniform vec4 ucolor;
uniform mat4 model;
uniform mat4 view;
uniform mat4 projection;
in vec3 position;
in vec4 color;
out vec4 v_color;
void main()
{
    v_color = ucolor * color;
    gl_Position = projection * view * model * vec4(position,1.0);
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;
out vec4 frag_color;
void main()
{
    frag_color = v_color;
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-cube: glumpy's coloured, outlined, rotating cube");
    app::Window window(options, 1024, 1024, "gloo-cube");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    const auto cc = geometry::colorcube();
    const auto faces = gloo::IndexBuffer::over(cc.filled);
    const auto outline = gloo::IndexBuffer::over(cc.outline);
    gloo::Program cube(vertex, fragment);
    cube.bind(cc.vertices);
    cube["model"] = glm::mat4(1.0f);
    cube["view"] = tutorial::view();
    tutorial::Spin spin{0, 0};

    window.on_init([] {
        glEnable(GL_DEPTH_TEST);
        glPolygonOffset(1, 1);
        glEnable(GL_LINE_SMOOTH);
        glLineWidth(0.75f);
    });
    window.on_resize([&](int width, int height) { cube["projection"] = tutorial::projection(width, height); });
    window.on_draw([&](double) {
        window.clear();
        tutorial::draw_outlined(cube, faces, outline, "ucolor"); // filled cube, then its outline
        cube["model"] = spin.step();                             // make cube rotate
    });
    return app::run(window, options);
}
