// transform-rotate: glumpy's examples/transform-rotate.py. A red square turned about
// (0.5, 0.5) by Rotate, starting at 10 degrees and one degree more after each frame is
// drawn (glumpy's on_draw): the angle is a uniform, the four vertices are sent once.
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330
in vec2 position;
void main() { gl_Position = vec4(<transform(position)>, 0.0, 1.0); })";

const char* fragment = R"(#version 330
out vec4 frag_color;
void main() { frag_color = vec4(1.0, 0.0, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-rotate: a square turning about a point");
    app::Window window(options, 800, 800, "transform-rotate");
    transforms::Program quad(vertex, fragment, 4);
    quad["position"] = Array::from<float>({{-.5f, -.5f}, {-.5f, +.5f}, {+.5f, -.5f}, {+.5f, +.5f}});
    transforms::Rotate rotate({0, 0, 1}, 10, {0.5f, 0.5f, 0.0f});
    quad["transform"] = rotate;
    window.on_draw([&](double) {
        window.clear();
        quad.draw(gloo::Primitive::TriangleStrip);
        rotate.set(rotate.axis(), rotate.angle() + 1, rotate.origin());
    });
    return app::run(window, options);
}
