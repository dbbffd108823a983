// app-viewport: nested viewports (app::Viewport, glumpy's app.Viewport) in one window.
// glumpy has no app-viewport script (the issue's list names one; glumpy's only viewport
// example, snippet-viewport.py, needs its Viewport shader transform): this demo uses
// glumpy's layout rules. Its golden image is made by glumpy running a script of ours
// (tests/tools/glumpy_app_viewport.py): the extents are glumpy's own app.Viewport layout,
// but the drawing there (glViewport and glScissor per viewport, the order, the colours)
// is written by us after app::Viewport's design, since glumpy's Viewport makes no GL
// calls. The image checks the layout and the clipping against glumpy, not the drawing.
//
// The 512x512 window is split into a left and a right half; the right half holds its own
// size less 10 pixels, centred (snippet-viewport.py's child), and the left half a square
// in its top-right corner (aspect 1). Each viewport clears its own area and draws the
// quad of glumpy's tutorial, half-size, in it. The pointer's viewport prints when it is
// entered and left, and a click prints where it fell, in that viewport's pixels.
#include <glumpp/app.hpp>

#include <cstdio>
#include <string>

using namespace glumpp;

namespace {

const char* vertex = R"(#version 330 core
in vec2 position;
in vec4 color;
out vec4 v_color;
void main() { gl_Position = vec4(0.5 * position, 0.0, 1.0); v_color = color; })";
const char* fragment = R"(#version 330 core
in vec4 v_color;
out vec4 f;
void main() { f = v_color; })";

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-viewport: nested viewports, events to the one under the pointer");
    app::Window window(options, 512, 512, "app-viewport");
    gloo::Program quad(vertex, fragment, 4);
    quad["position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    quad["color"] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 1, 0, 1}};

    app::Viewport root;
    app::Viewport& left = root.add({0.5, 1.0}, {0, 0});
    app::Viewport& right = root.add({0.5, 1.0}, {0.5, 0});
    app::Viewport& inset = right.add({-10, -10}, {0.5, 0.5}, {0.5, 0.5});
    app::Viewport& corner = left.add({0.5, 0.5}, {-1, -1}, {-1, -1}, 1.0);
    auto show = [&](app::Viewport& v, const char* name, glm::vec4 background) {
        v.on_draw([&window, &quad, background](double) {
            window.set_clear_color(background);
            window.clear();
            quad.draw(gloo::Primitive::TriangleStrip);
        });
        v.on_enter([name] { std::printf("%s: enter\n", name); });
        v.on_leave([name] { std::printf("%s: leave\n", name); });
        v.on_mouse_press([name](double x, double y, app::MouseButton) { std::printf("%s: press at (%.0f, %.0f)\n", name, x, y); });
    };
    show(left, "left", {0.2f, 0.2f, 0.2f, 1});
    show(right, "right", {0.4f, 0.4f, 0.4f, 1});
    show(inset, "inset", {0.1f, 0.1f, 0.3f, 1});
    show(corner, "corner", {0.3f, 0.1f, 0.1f, 1});
    root.attach(window);
    if (!options.quiet) std::printf("%s", root.str().c_str());
    return app::run(window, options);
}
