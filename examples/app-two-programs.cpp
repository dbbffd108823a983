// app-two-programs: two programs drawn in one window (glumpy's app-two-programs.py).
//
// A blue point at (0.5, 0.5) and a red one at (-0.5, -0.5), 30 pixels wide: the size
// comes from gl_PointSize, which the window's default state (GL_PROGRAM_POINT_SIZE, as
// glumpy sets it) lets the vertex shader choose. The sources are glumpy's, in GLSL 3.30
// core (in/out for attribute/varying, an output variable for gl_FragColor).
#include <glumpp/app.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_position;
void main() {
    gl_Position = vec4(a_position, 0.0, 1.0);
    gl_PointSize = 30.0;
})";

const char* fragment1 = R"(#version 330 core
out vec4 frag_color;
void main() { frag_color = vec4(0.0, 0.0, 1.0, 1.0); })";

const char* fragment2 = R"(#version 330 core
out vec4 frag_color;
void main() { frag_color = vec4(1.0, 0.0, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-two-programs: two programs, one window");
    app::Window window(options, 512, 512, "app-two-programs"); // glumpy's default window size
    gloo::Program program1(vertex, fragment1, 1); // blue on the right
    program1["a_position"] = Array::from<float>({0.5f, 0.5f}, {1, 2});
    gloo::Program program2(vertex, fragment2, 1); // red on the left
    program2["a_position"] = Array::from<float>({-0.5f, -0.5f}, {1, 2});
    window.on_draw([&](double) {
        window.clear();
        program1.draw(gloo::Primitive::Points);
        program2.draw(gloo::Primitive::Points);
    });
    return app::run(window, options);
}
