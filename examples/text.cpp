// text: draws one UTF-8 string, black on white, to check a font (and our glyphs against
// FreeType's own rasterizer: tests/examples/text_oracle.py compares with PIL).
//
//   text "UTF-8 STRING" [--font FILE|FAMILY] [--pixel-size N] [--at X,Y] [--mode coverage|sdf]
//        [--size WxH --screenshot OUT.png ...]
//
// The string's baseline starts at pixel (X, Y) counted from the top-left corner of the
// window, at N pixels per em (default: DejaVu Sans, 24 px, X = 10 and Y = 10 + the
// ascender). One GlyphCollection label, anchored left on its baseline: in coverage mode
// (the default: hinted FreeType bitmaps drawn texel for pixel, what PIL draws) or with
// distance fields (glumpy's 'sdf'). Without --size the window fits the string with 10 px
// of margin. '\n' in the string (a real line break) starts a new line.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/text.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    // Our options first; the rest is every demo's (app::Options).
    std::string font_name = "DejaVu Sans", mode = "coverage";
    double pixel_size = 24;
    bool at_given = false;
    int at_x = 10, at_y = 0;
    std::vector<const char*> rest{argv[0]};
    for (int k = 1; k < argc; ++k) {
        const std::string a = argv[k];
        auto value = [&](const char* name) -> std::string {
            if (k + 1 >= argc) {
                std::fprintf(stderr, "text: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++k];
        };
        if (a == "--font") {
            font_name = value("--font");
        } else if (a == "--pixel-size") {
            const std::string v = value("--pixel-size");
            char* end = nullptr;
            pixel_size = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end || !(pixel_size > 0 && pixel_size <= 4096)) {
                std::fprintf(stderr, "text: --pixel-size '%s' is not a number in (0, 4096]\n", v.c_str());
                return 2;
            }
        } else if (a == "--at") {
            const std::string v = value("--at");
            if (std::sscanf(v.c_str(), "%d,%d", &at_x, &at_y) != 2) {
                std::fprintf(stderr, "text: --at '%s' is not X,Y (whole pixels)\n", v.c_str());
                return 2;
            }
            at_given = true;
        } else if (a == "--mode") {
            mode = value("--mode");
            if (mode != "coverage" && mode != "sdf") {
                std::fprintf(stderr, "text: --mode '%s' is not coverage or sdf\n", mode.c_str());
                return 2;
            }
        } else {
            rest.push_back(argv[k]);
        }
    }
    auto options = app::Options::parse(static_cast<int>(rest.size()), rest.data(),
                                       "text \"UTF-8 STRING\" [--font FILE|FAMILY] [--pixel-size N] [--at X,Y] "
                                       "[--mode coverage|sdf]: the string in black on white");
    if (options.args.size() != 1) {
        std::fprintf(stderr, "text: give one string (%zu given)\n", options.args.size());
        return 2;
    }
    const std::string& utf8 = options.args[0];
    text::Font font = text::Font::open(font_name);
    const text::FontMetrics m = font.metrics(pixel_size);
    if (!at_given) at_y = 10 + static_cast<int>(std::ceil(m.ascender));
    // The default window: the widest line and every line, with a 10 px margin.
    double widest = 0;
    std::size_t lines = 0;
    for (std::size_t start = 0;; ++lines) {
        const std::size_t end = utf8.find('\n', start);
        widest = std::max(widest, font.layout(utf8.substr(start, end == std::string::npos ? end : end - start), pixel_size).advance);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    const int width = at_x + static_cast<int>(std::ceil(widest)) + 10;
    const int height = at_y + static_cast<int>(std::ceil(-m.descender + static_cast<double>(lines) * m.line_height)) + 10;

    app::Window window(options, width, height, "text");
    window.set_clear_color({1, 1, 1, 1});
    graphics::GlyphCollection labels(mode == "sdf" ? graphics::GlyphCollection::Mode::DistanceField
                                                   : graphics::GlyphCollection::Mode::Coverage);
    // The default transform counts y up from the bottom (glumpy's): row Y from the top is
    // height - Y from the bottom.
    auto place = [&] {
        labels.clear();
        labels.append(utf8, font,
                      {.size = pixel_size,
                       .origin = {float(at_x), float(window.height() - at_y), 0},
                       .color = {0, 0, 0, 1},
                       .anchor_x = graphics::AnchorX::Left,
                       .anchor_y = graphics::AnchorY::Baseline});
    };
    place();
    window.on_resize([&](int, int) { place(); });
    window.on_draw([&](double) {
        window.clear();
        labels.draw();
    });
    return app::run(window, options);
}
