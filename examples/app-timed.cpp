// app-timed: glumpy's examples/app-timed.py, ported: a cleared window, run at 60 frames per
// second for 5 seconds (app.run(framerate=60, duration=5.0)). --framerate, --duration and
// --frames given on the command line take precedence.
#include <glumpp/app.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-timed: 60 frames per second for 5 seconds");
    app::Window window(options, 512, 512, "app-timed");

    window.on_draw([&](double) { window.clear(); });

    if (!options.framerate) options.framerate = 60.0;
    if (!options.duration && !options.frames) options.duration = 5.0;
    return app::run(window, options);
}
