// font-agg: glumpy's examples/font-agg.py, ported: font-sdf's ladder ("The quick brown fox
// jumps over the lazy dog" in Open Sans at 6, 8, ..., 52 px) drawn from coverage glyphs
// (glumpy's 'agg' fonts): each size rendered by FreeType, hinted, at exactly that size,
// and drawn texel for pixel. All sizes share one atlas and one draw call.
//
// As glumpy's: a 1200x800 white window, black labels anchored left and at their middle,
// x = 2, each y = the previous one - 1.1 * size from the top (y up). glumpy's agg mode
// filters LCD sub-pixels (coloured fringes); ours is grayscale coverage, what PIL draws.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "font-agg: a coverage text ladder, 6 to 52 px");
    app::Window window(options, 1200, 800, "font-agg");
    window.set_clear_color({1, 1, 1, 1});

    const text::Font regular = text::Font::open("Open Sans");
    const char* text = "The quick brown fox jumps over the lazy dog";
    graphics::GlyphCollection labels(graphics::GlyphCollection::Mode::Coverage);
    auto place = [&] {
        labels.clear();
        double y = window.height();
        for (int i = 6; i < 54; i += 2) {
            y -= i * 1.1;
            labels.append(text, regular, {.size = double(i), .origin = {2, float(y), 0}, .anchor_x = graphics::AnchorX::Left});
        }
    };
    place();
    window.on_resize([&](int, int) { place(); });
    window.on_draw([&](double) {
        window.clear();
        labels.draw();
    });
    return app::run(window, options);
}
