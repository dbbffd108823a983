// quad: the smallest glumpp program (glumpy's tutorial quad-simple).
#include <glumpp/app.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_position;
in vec4 a_color;
out vec4 v_color;
void main() {
    gl_Position = vec4(a_position, 0.0, 1.0);
    v_color = a_color;
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;
out vec4 frag_color;
void main() { frag_color = v_color; })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "quad: four colored vertices");
    app::Window window(options, 512, 512, "quad");
    gloo::Program quad(vertex, fragment, 4);
    quad["a_position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    quad["a_color"] = {{1, 1, 0, 1}, {1, 0, 0, 1}, {0, 0, 1, 1}, {0, 1, 0, 1}};
    window.on_draw([&](double) {
        window.clear();
        quad.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
