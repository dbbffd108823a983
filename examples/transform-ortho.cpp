// transform-ortho: glumpy's examples/transform-ortho.py. A red 100 x 100 pixel quad in the
// top right corner, placed in window pixels through an OrthographicProjection (x in
// [0, width], y in [0, height], y up); each resize rebuilds the projection and moves the
// quad's four vertices (32 B, uploaded at the next draw), as glumpy's on_resize does.
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330
in vec2 position;
void main() { gl_Position = <transform>; })";

const char* fragment = R"(#version 330
out vec4 frag_color;
void main() { frag_color = vec4(1.0, 0.0, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-ortho: a quad placed in window pixels");
    app::Window window(options, 800, 800, "transform-ortho");
    transforms::Program quad(vertex, fragment, 4);
    window.on_draw([&](double) {
        window.clear();
        quad.draw(gloo::Primitive::TriangleStrip);
    });
    window.on_resize([&](int w, int h) {
        const float x = float(w), y = float(h);
        quad["position"] = Array::from<float>({{x - 100, y - 100}, {x - 100, y}, {x, y - 100}, {x, y}});
    });
    transforms::OrthographicProjection projection;
    quad["transform"] = projection(transforms::Position()("position"));
    projection.attach(window);
    return app::run(window, options);
}
