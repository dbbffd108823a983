// hello-world: glumpy's examples/hello-world.py, ported: "Hello World !" in white Open Sans
// at 64 px (coverage glyphs, glumpy's 'agg' mode), centred both ways on (256, 256) of a
// 512x512 black window (glumpy's default window).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "hello-world: one label");
    app::Window window(options, 512, 512, "hello-world");

    const text::Font font = text::Font::open("Open Sans");
    graphics::GlyphCollection label(graphics::GlyphCollection::Mode::Coverage);
    label.append("Hello World !", font,
                 {.size = 64, .origin = {256, 256, 0}, .color = {1, 1, 1, 1},
                  .anchor_x = graphics::AnchorX::Center, .anchor_y = graphics::AnchorY::Middle});
    window.on_draw([&](double) {
        window.clear();
        label.draw();
    });
    return app::run(window, options);
}
