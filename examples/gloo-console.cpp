// gloo-console: glumpy's examples/gloo-console.py, ported: a 32-row, 80-column text console
// (glumpy's app.Console) filled, 30 times a second, with the program's version, the
// window's size, the backend, the frame rate and the window's configuration.
//
// Where it differs: glumpy's console draws its own 6x8 bitmap font (a .npy array of bits,
// point sprites scaled 2x: 12x20-pixel cells); ours is a GlyphCollection of 32 labels, one
// per row, in a monospace face (fontconfig's "monospace", DejaVu Sans Mono here) at 20 px
// per em, whose 0.6 em advance makes the same 12-pixel columns, coverage glyphs drawn
// texel for pixel. Rows are 20 px apart, as glumpy's. The configuration lines are the
// window's requested configuration (app::WindowConfig) and GL's version string, in
// glumpy's order and format. Rewriting a row with the text it has sends nothing
// (GlyphCollection::set_text), so after the first frame only the FPS row is uploaded.
#include <glumpp/app.hpp>
#include <glumpp/gloo/gl.hpp>
#include <glumpp/graphics.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace glumpp;

namespace {

// glumpy's app.Console: write() fills the next row (cropped to the columns), clear() empties all.
class Console {
public:
    Console(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), font_(text::Font::open("monospace")) {}
    static constexpr int cwidth = 12, cheight = 20; // pixels, glumpy's 6x10 cells at scale 2
    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    void clear() {
        pending_.assign(rows_, std::string());
        row_ = 0;
    }
    void write(std::string line = {}) {
        // Cropped to the columns, counted in code points (UTF-8 lead bytes), as glumpy's text[:cols].
        std::size_t count = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 && count++ == cols_) {
                line.resize(i);
                break;
            }
        }
        if (row_ == rows_) { // scroll
            pending_.erase(pending_.begin());
            pending_.emplace_back();
            row_ = rows_ - 1;
        }
        pending_[row_++] = std::move(line);
    }
    void draw(int window_height) {
        if (labels_.size() != rows_ || height_ != window_height) {
            labels_.clear();
            for (std::size_t r = 0; r < rows_; ++r) {
                labels_.append(pending_.empty() ? "" : pending_[r], font_,
                               {.size = 20,
                                .origin = {0, float(window_height - cheight / 2 - cheight * int(r)), 0},
                                .anchor_x = graphics::AnchorX::Left,
                                .anchor_y = graphics::AnchorY::Middle});
            }
            height_ = window_height;
        }
        for (std::size_t r = 0; r < rows_ && r < pending_.size(); ++r) labels_.set_text(r, pending_[r]);
        labels_.draw();
    }

private:
    std::size_t rows_, cols_, row_ = 0;
    text::Font font_;
    std::vector<std::string> pending_;
    graphics::GlyphCollection labels_{graphics::GlyphCollection::Mode::Coverage};
    int height_ = -1;
};

std::string format(const char* f, auto... values) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, f, values...);
    return buffer;
}

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-console: a text console, rewritten 30 times a second");
    Console console(32, 80);
    app::WindowConfig config;
    app::Window window(options, int(console.cols()) * Console::cwidth, int(console.rows()) * Console::cheight, "gloo-console");
    window.set_clear_color({1, 1, 1, 1});

    std::size_t frames = 0;
    const auto start = std::chrono::steady_clock::now();
    auto fill = [&] {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double fps = seconds > 0 ? double(frames) / seconds : 0.0;
        const char* rule = "-------------------------------------------------------";
        console.clear();
        console.write(rule);
        console.write(" Glumpp version " GLUMPP_VERSION_STRING);
        console.write(format(" Window size: %dx%d", window.width(), window.height()));
        console.write(format(" Console size: %zux%zu", console.rows(), console.cols()));
        console.write(std::string(" Backend: ") + (window.backend() == app::Backend::Glfw ? "GLFW" : "offscreen (EGL)"));
        console.write(format(" Actual FPS: %.2f frames/second", fps));
        console.write(rule);
        const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        const std::pair<const char*, std::string> lines[] = {
            {"Color buffer size:", "32 bit(s) (R:8, G:8, B:8, A:8)"},
            {"Depth buffer size:", format("%d bit(s)", config.depth_bits)},
            {"Stencil buffer size:", format("%d bit(s)", config.stencil_bits)},
            {"Double buffered:", "1"},
            {"Stereo mode:", "0"},
            {"sRGB mode:", "0"},
            {"Anti-aliasing samples:", format("%d", options.samples)},
            {"GL API:", "GL"},
            {"GL Version:", version ? version : "?"},
            {"GL Profile:", "core"},
        };
        for (const auto& [key, value] : lines) console.write(format(" %-23s%s", key, value.c_str()));
        console.write(rule);
    };
    fill();
    app::clock().schedule_interval([&](double) { fill(); }, 1 / 30.0);
    window.on_draw([&](double) {
        ++frames;
        window.clear();
        console.draw(window.height());
    });
    return app::run(window, options);
}
