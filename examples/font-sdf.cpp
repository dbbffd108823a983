// font-sdf: glumpy's examples/font-sdf.py, ported: "The quick brown fox jumps over the lazy
// dog" in Open Sans at 6, 8, ..., 52 pixels per em, one label per size, all drawn from one
// distance-field atlas (fields at 48 px, scaled by the shader) in one draw call.
//
// As glumpy's: a 1200x800 white window, labels anchored left (and, by default, at their
// middle) at x = 2, each y = the previous one - 1.1 * size, starting from the top (y up,
// glumpy's OrthographicProjection(Position()): the collection's default transform).
// Labels are black, glumpy's default color.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "font-sdf: a distance-field text ladder, 6 to 52 px");
    app::Window window(options, 1200, 800, "font-sdf");
    window.set_clear_color({1, 1, 1, 1});

    const text::Font regular = text::Font::open("Open Sans");
    const char* text = "The quick brown fox jumps over the lazy dog";
    graphics::GlyphCollection labels(graphics::GlyphCollection::Mode::DistanceField);
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
