// app-event-loop: glumpy's examples/app-event-loop.py, ported: the event loop run by hand,
// for programs that own their loop.
//
//   clock = app.__init__(backend=backend)          ->  app::EventLoop loop(window, options)
//   count = len(backend.windows())                 ->  loop.windows()
//   while count: count = backend.process(clock.tick())
#include <glumpp/app.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-event-loop: the event loop run by hand");
    app::Window window(options, 512, 512, "app-event-loop");

    window.on_draw([&](double) { window.clear(); });

    try {
        app::EventLoop loop(window, options);
        std::size_t count = loop.windows();
        while (count) count = loop.process(loop.clock().tick());
    } catch (...) {
        return app::report_exception(window.title()); // the program's loop, the program's errors
    }
    return 0;
}
