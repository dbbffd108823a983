// A demo whose on_draw fails at its fourth frame with a real glumpp error (an index out of
// bounds), for the ctest app_error_exit: the process must report it as glumpy would
// ("error-demo: glumpp::IndexError: Array::view: ..."), close its window (on_close
// prints a line) and exit non-zero, instead of ending in std::terminate.
#include <glumpp/app.hpp>

#include <cstdio>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "error-demo: fails at its fourth frame");
    app::Window window(options, 32, 24, "error-demo");
    Array three = Array::zeros<float>({3});
    std::size_t frame = 0;
    window.on_draw([&](double) {
        window.clear();
        three.view({frame++}); // frames 0, 1, 2 pass; the fourth indexes past the end
    });
    window.on_close([] { std::printf("error-demo: on_close ran\n"); });
    return app::run(window, options);
}
