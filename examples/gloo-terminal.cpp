// gloo-terminal: glumpy's examples/gloo-terminal.py, ported: a 24-row, 80-column terminal
// showing the end of Markus Kuhn's UTF-8-demo.txt (glumpy's examples/UTF-8-demo.txt, a
// public sample file): glumpy writes every line of it and the terminal scrolls, so what is
// seen are its last 24 lines, embedded here (Greek, Cyrillic, mathematics, box drawing,
// block elements, braille above them).
//
// Where it differs: glumpy's terminal draws a 6x13 bitmap font from a texture (12x26-pixel
// cells at scale 2) and has no glyph for many of these code points; ours is a
// GlyphCollection of 24 labels in a monospace face (fontconfig's "monospace", DejaVu Sans
// Mono) at 20 px per em, whose 0.6 em advance gives the same 12-pixel columns, coverage
// glyphs drawn texel for pixel, rows 26 px apart as glumpy's. Its box-drawing glyphs are
// the font's (23 px tall: they do not join across 26-px rows, as glumpy's do not).
// 960x624 white window, black text, as glumpy's.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

#include <string>
#include <vector>

using namespace glumpp;

namespace {

const char* const demo_tail = R"utf8(
  (The first couple of paragraphs of "A Christmas Carol" by Dickens)

Compact font selection example text:

  ABCDEFGHIJKLMNOPQRSTUVWXYZ /0123456789
  abcdefghijklmnopqrstuvwxyz £©µÀÆÖÞßéöÿ
  –—‘“”„†•…‰™œŠŸž€ ΑΒΓΔΩαβγδω АБВГДабвгд
  ∀∂∈ℝ∧∪≡∞ ↑↗↨↻⇣ ┐┼╔╘░►☺♀ ﬁ�⑀₂ἠḂӥẄɐː⍎אԱა

Greetings in various languages:

  Hello world, Καλημέρα κόσμε, コンニチハ

Box drawing alignment tests:                                          █
                                                                      ▉
  ╔══╦══╗  ┌──┬──┐  ╭──┬──╮  ╭──┬──╮  ┏━━┳━━┓  ┎┒┏┑   ╷  ╻ ┏┯┓ ┌┰┐    ▊ ╱╲╱╲╳╳╳
  ║┌─╨─┐║  │╔═╧═╗│  │╒═╪═╕│  │╓─╁─╖│  ┃┌─╂─┐┃  ┗╃╄┙  ╶┼╴╺╋╸┠┼┨ ┝╋┥    ▋ ╲╱╲╱╳╳╳
  ║│╲ ╱│║  │║   ║│  ││ │ ││  │║ ┃ ║│  ┃│ ╿ │┃  ┍╅╆┓   ╵  ╹ ┗┷┛ └┸┘    ▌ ╱╲╱╲╳╳╳
  ╠╡ ╳ ╞╣  ├╢   ╟┤  ├┼─┼─┼┤  ├╫─╂─╫┤  ┣┿╾┼╼┿┫  ┕┛┖┚     ┌┄┄┐ ╎ ┏┅┅┓ ┋ ▍ ╲╱╲╱╳╳╳
  ║│╱ ╲│║  │║   ║│  ││ │ ││  │║ ┃ ║│  ┃│ ╽ │┃  ░░▒▒▓▓██ ┊  ┆ ╎ ╏  ┇ ┋ ▎
  ║└─╥─┘║  │╚═╤═╝│  │╘═╪═╛│  │╙─╀─╜│  ┃└─╂─┘┃  ░░▒▒▓▓██ ┊  ┆ ╎ ╏  ┇ ┋ ▏
  ╚══╩══╝  └──┴──┘  ╰──┴──╯  ╰──┴──╯  ┗━━┻━━┛  ▗▄▖▛▀▜   └╌╌┘ ╎ ┗╍╍┛ ┋  ▁▂▃▄▅▆▇█
                                               ▝▀▘▙▄▟)utf8";

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-terminal: the end of UTF-8-demo.txt in a 24x80 terminal");
    constexpr int rows = 24, cols = 80, cwidth = 12, cheight = 26;
    app::Window window(options, cols * cwidth, rows * cheight, "gloo-terminal");
    window.set_clear_color({1, 1, 1, 1});

    const text::Font mono = text::Font::open("monospace");
    std::vector<std::string> lines;
    for (std::string_view rest = demo_tail;;) {
        const std::size_t end = rest.find('\n');
        lines.emplace_back(rest.substr(0, end));
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    graphics::GlyphCollection terminal(graphics::GlyphCollection::Mode::Coverage);
    auto place = [&] {
        terminal.clear();
        for (int r = 0; r < rows && r < int(lines.size()); ++r) {
            terminal.append(lines[std::size_t(r)], mono,
                            {.size = 20,
                             .origin = {0, float(window.height() - cheight / 2 - cheight * r), 0},
                             .anchor_x = graphics::AnchorX::Left,
                             .anchor_y = graphics::AnchorY::Middle});
        }
    };
    place();
    window.on_resize([&](int, int) { place(); });
    window.on_draw([&](double) {
        window.clear();
        terminal.draw();
    });
    return app::run(window, options);
}
