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
#include <memory>
#include <optional>
#include <string_view>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "tiger [FILE.svg]: an SVG document in a few draw calls");
    // Fills are antialiased by multisampling (SvgScene.hpp): 4 samples unless --samples
    // says otherwise (--samples 0 turns it off).
    const bool samples_given = std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::string_view(a) == "--samples" || std::string_view(a).starts_with("--samples=");
    });
    if (!samples_given) options.samples = 4;
    const std::filesystem::path file = options.args.empty() ? std::filesystem::path(GLUMPP_DATA_DIR) / "tiger.svg"
                                                            : std::filesystem::path(options.args[0]);
    const auto load = [&](double scale) -> std::optional<svg::Document> {
        try {
            return svg::Document::load(file, {.scale = scale});
        } catch (const Error& e) {
            std::fprintf(stderr, "tiger: %s\n", e.what());
            return std::nullopt;
        }
    };
    // Read once at the document's own size, to know it; read again below when the window
    // shows it larger or much smaller.
    std::optional<svg::Document> document = load(1.0);
    if (!document) return 1;
    if (!options.quiet) {
        for (const auto& w : document->warnings()) std::fprintf(stderr, "tiger: %s: warning: %s\n", file.c_str(), w.c_str());
    }
    const auto bounds = document->bounds();
    const bool sized = document->width() > 0 && document->height() > 0;
    if (!bounds && !sized) {
        std::fprintf(stderr, "tiger: %s: nothing to draw (no filled or stroked shape, no size)\n", file.c_str());
        return 1;
    }
    // The document's viewport, or the shapes' bounds when it gives no size; the window is
    // 800 pixels on its longest side at most.
    const graphics::Rect world = sized ? graphics::Rect{0, 0, document->width(), document->height()}
                                       : graphics::Rect{bounds->min.x, bounds->min.y, std::max(bounds->max.x - bounds->min.x, 1.0),
                                                        std::max(bounds->max.y - bounds->min.y, 1.0)};
    const double fit = std::min(1.0, 800.0 / std::max(world.width, world.height));
    app::Window window(options, std::max(1, int(std::lround(world.width * fit))), std::max(1, int(std::lround(world.height * fit))),
                       "tiger");
    window.set_clear_color({1, 1, 1, 1});

    graphics::PanZoom view(world);
    view.attach(window);
    // Curves are flattened to a quarter of a pixel at the scale they are drawn at, and
    // again when the view zooms in past 1.5 times that scale (or out past a quarter of
    // it): a 16-pixel icon shown at 256 pixels is flattened for 256, not for 16. Between
    // re-flattenings panning and zooming upload nothing.
    double flattened_at = 1.0;
    std::unique_ptr<graphics::SvgScene> scene;
    const auto build = [&](double scale) {
        if (scale != flattened_at) {
            if (auto again = load(scale)) document = std::move(again);
            flattened_at = scale;
        }
        scene = std::make_unique<graphics::SvgScene>(*document);
        scene->set_transform(view);
    };
    const auto needs_flattening = [&](double scale) { return scale > 1.5 * flattened_at || scale < 0.25 * flattened_at; };
    window.activate();
    build(needs_flattening(view.pixels_per_unit()) ? view.pixels_per_unit() : 1.0);
    if (!options.quiet) {
        for (const auto& w : scene->warnings()) std::fprintf(stderr, "tiger: %s: warning: %s\n", file.c_str(), w.c_str());
    }
    window.on_draw([&](double) {
        if (needs_flattening(view.pixels_per_unit())) build(view.pixels_per_unit());
        window.clear();
        scene->draw();
    });
    return app::run(window, options);
}
