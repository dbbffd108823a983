// app-simple: glumpy's examples/app-simple.py, ported: a window that is cleared every
// frame (glumpy's default window: 512x512, black).
#include <glumpp/app.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-simple: the simplest window");
    app::Window window(options, 512, 512, "app-simple");

    window.on_draw([&](double) { window.clear(); });

    return app::run(window, options);
}
