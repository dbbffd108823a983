// app-two-windows: glumpy's examples/app-two-windows.py, ported: two windows, one cleared
// to black and one to white, driven by one run loop (each window has its own context).
// --screenshot saves the first window (glumpy's run_example does the same).
#include <glumpp/app.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-two-windows: two windows, one loop");
    app::Window window1(options, 512, 512, "app-two-windows 1");
    window1.set_clear_color({0, 0, 0, 1});
    app::Window window2(options, 512, 512, "app-two-windows 2");
    window2.set_clear_color({1, 1, 1, 1});

    window1.on_draw([&](double) { window1.clear(); });
    window2.on_draw([&](double) { window2.clear(); });

    return app::run({&window1, &window2}, options);
}
