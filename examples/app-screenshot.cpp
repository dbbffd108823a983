// app-screenshot: glumpy's examples/app-screenshot.py, ported: a red window whose first
// frame is read back (glReadPixels, RGB) and saved as screenshot.png in the working
// directory; the run is one frame (app.run(framecount=1)).
#include <glumpp/app.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-screenshot: saves its first frame as screenshot.png");
    app::Window window(options, 512, 512, "app-screenshot");
    window.set_clear_color({1, 0, 0, 1});

    window.on_draw([&](double) {
        window.clear();
        // glReadPixels(0, 0, width, height, GL_RGB, ...): read_pixels gives RGBA with row 0
        // at the top, as a PNG wants it; keep the RGB channels, as glumpy does.
        Array rgba = window.read_pixels();
        app::save_png(rgba.view({all, all, slice(0, 3)}).copy(), "screenshot.png");
    });

    if (!options.frames) options.frames = 1;
    return app::run(window, options);
}
