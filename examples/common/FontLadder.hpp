#pragma once
// font-sdf and font-agg (glumpy's font-sdf.py and font-agg.py, the same script but for the
// font kind): "The quick brown fox jumps over the lazy dog" in Open Sans at 6, 8, ..., 52
// pixels per em, one label per size, one atlas, one draw call. As glumpy's: a 1200x800
// white window, black labels anchored left (and at their middle, the default) at x = 2,
// each y = the previous one - 1.1 * size from the window's top (y up: the collection's
// default transform, glumpy's OrthographicProjection(Position())). glumpy lays the ladder
// out once, from the window's height when the script runs, and never again: so here (a
// resize keeps the labels where they are in pixels from the bottom).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

namespace glumpp::examples {

inline int font_ladder(int argc, char** argv, const char* name, const char* help, graphics::GlyphCollection::Mode mode) {
    auto options = app::Options::parse(argc, argv, help);
    app::Window window(options, 1200, 800, name);
    window.set_clear_color({1, 1, 1, 1});

    const text::Font regular = text::Font::open("Open Sans");
    const char* text = "The quick brown fox jumps over the lazy dog";
    graphics::GlyphCollection labels(mode);
    double y = window.height();
    for (int i = 6; i < 54; i += 2) {
        y -= i * 1.1;
        labels.append(text, regular, {.size = double(i), .origin = {2, float(y), 0}, .anchor_x = graphics::AnchorX::Left});
    }
    window.on_draw([&](double) {
        window.clear();
        labels.draw();
    });
    return app::run(window, options);
}

} // namespace glumpp::examples
