// tiger: an SVG document drawn with collections, two draw calls per frame for the tiger
// (glumpy's tiger.py). Drag to pan, scroll to zoom about the pointer, space to reset.
//
//   tiger [FILE.svg] [options]      (default: the Ghostscript tiger of the data folder)
//
// The tiger's filled shapes are one PolygonCollection (one draw call), its stroked shapes
// one PathCollection (the other); a document with translucent fills over strokes takes a
// few more (SvgScene.hpp). `--stats` shows the calls, and that nothing is uploaded after
// the first frame while the view only moves (the transform is a uniform).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "tiger [FILE.svg]: an SVG document in two draw calls");
    const std::filesystem::path file = options.args.empty() ? std::filesystem::path(GLUMPP_DATA_DIR) / "tiger.svg"
                                                            : std::filesystem::path(options.args[0]);
    svg::Document document;
    try {
        // Curves are flattened to a quarter of a pixel at the document's own size: the
        // window shows it at that size or smaller.
        document = svg::Document::load(file);
    } catch (const Error& e) {
        std::fprintf(stderr, "tiger: %s\n", e.what());
        return 1;
    }
    if (!options.quiet) {
        for (const auto& w : document.warnings()) std::fprintf(stderr, "tiger: %s: warning: %s\n", file.c_str(), w.c_str());
    }
    const auto bounds = document.bounds();
    if (!bounds) {
        std::fprintf(stderr, "tiger: %s: nothing to draw (no filled or stroked shape)\n", file.c_str());
        return 1;
    }
    // The document's viewport, or the shapes' bounds when it gives no size; the window is
    // 800 pixels on its longest side at most.
    const graphics::Rect world = document.width() > 0 && document.height() > 0
                                     ? graphics::Rect{0, 0, document.width(), document.height()}
                                     : graphics::Rect{bounds->min.x, bounds->min.y, std::max(bounds->max.x - bounds->min.x, 1.0),
                                                      std::max(bounds->max.y - bounds->min.y, 1.0)};
    const double fit = std::min(1.0, 800.0 / std::max(world.width, world.height));
    app::Window window(options, std::max(1, int(std::lround(world.width * fit))), std::max(1, int(std::lround(world.height * fit))),
                       "tiger");
    window.set_clear_color({1, 1, 1, 1});

    graphics::SvgScene scene(document);
    if (!options.quiet) {
        for (const auto& w : scene.warnings()) std::fprintf(stderr, "tiger: %s: warning: %s\n", file.c_str(), w.c_str());
    }
    graphics::PanZoom view(world);
    view.attach(window);
    scene.set_transform(view);
    window.on_draw([&](double) {
        window.clear();
        scene.draw();
    });
    return app::run(window, options);
}
