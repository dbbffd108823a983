// snippet-viewport: glumpy's examples/snippet-viewport.py, ported: a red quad over the
// whole clip square, drawn through glumpy's Viewport transform into a child viewport
// 10 pixels smaller than the window, centred (app::Viewport(size (-10, -10), position
// (0.5, 0.5), anchor (0.5, 0.5)) under a root the window's size): an 800x800 black window
// with a 5-pixel black border around the red.
//
// As glumpy's script, the viewports are laid out by hand at each resize (not attached to
// the window: the drawing is the window's own on_draw), and the transforms::Viewport
// snippet gets the root's extents as its window and the child's as its extents. Its
// `<viewport.transform>;` maps gl_Position into the child, its `<viewport.clipping>;`
// discards fragments outside it (nothing here: the quad fills the child exactly).
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 position;
void main() {
    gl_Position = vec4(position, 0, 1);
    <viewport.transform>;
})";

const char* fragment = R"(#version 330 core
out vec4 frag_color;
void main() {
    <viewport.clipping>;
    frag_color = vec4(1, 0, 0, 1);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "snippet-viewport: a quad drawn into a child viewport");
    app::Window window(options, 800, 800, "snippet-viewport");

    transforms::Program program(vertex, fragment, 4);
    program["position"] = Array::from<float>({{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}});

    app::Viewport root;
    app::Viewport& child = root.add({-10, -10}, {0.5, 0.5}, {0.5, 0.5});
    transforms::Viewport viewport;
    program["viewport"] = viewport;
    auto resize = [&](int width, int height) { // glumpy's on_resize
        root.dispatch_resize(width, height);
        viewport.resize(width, height); // global: the root's extents, (0, 0, width, height)
        const app::Viewport::Rect e = child.extents();
        viewport.set_extents(glm::dvec4(e.x, e.y, e.width, e.height));
    };
    resize(window.width(), window.height());
    window.on_resize(resize);
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
