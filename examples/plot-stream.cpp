// plot-stream: 8 series of 1,000,000 samples scrolling in a rolling window, 10,000 new
// samples per series per frame, with an axes frame, ticks and tick labels that follow.
// Not a glumpy port (glumpy has no streaming plot); its picture is checked by what must
// hold (tests/examples/plot_stream_check.py) and its uploads by a --stats budget.
//
//   plot-stream [LENGTH [NEW]]     LENGTH samples per series (1e6), NEW per frame (1e4)
//
// Each frame appends NEW samples to each series (plot::StreamSeries: a GPU ring; the draw
// uploads only those bytes) and moves the view to the newest LENGTH samples: the x axis
// is time in seconds at 600,000 samples per second (NEW at 60 frames per second), so the
// window shows LENGTH / 600,000 s. The axes (plot::AxesFrame: frame and tick quads, and
// tick labels in a coverage graphics::GlyphCollection) re-send their quads only when a
// tick enters or leaves, and of the labels only the entering ones' glyphs and the moved
// ones' origins. So --stats shows, after the first frame, 4 x 8 x NEW bytes (320,000) per
// frame, 32 B more on frames whose samples reach the ring's slot 0, and the axes' quads
// and changed labels on frames where their ticks changed (at most 5 KB here); 3 draw
// calls.
//
// Signals: series s is a sine of period 9,000 x (s + 1) samples and amplitude 0.3 plus
// a deterministic noise of amplitude 0.06 (a xorshift generator per series), in lane s
// (y from s to s + 1). Every 100,000th sample of series 7 is NaN: a gap.
#include <glumpp/app.hpp>
#include <glumpp/plot.hpp>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "plot-stream: 8 series of 1e6 samples in a rolling window");
    const std::size_t length = options.args.size() > 0 ? std::stoul(options.args[0]) : 1'000'000;
    const std::size_t fresh = options.args.size() > 1 ? std::stoul(options.args[1]) : 10'000;
    const std::size_t series = 8;
    const double rate = 600'000.0;
    app::Window window(options, 1024, 640, "plot-stream");
    window.set_clear_color({1, 1, 1, 1});

    plot::StreamSeries stream({.series = series, .capacity = length, .x0 = 0, .dx = 1 / rate});
    for (std::size_t s = 0; s < series; ++s) stream.set_lane(s, 1, static_cast<double>(s) + 0.5);
    plot::AxesFrame axes({.font = text::Font::open("DejaVu Sans"), .font_px = 12});

    std::vector<std::uint64_t> noise(series);
    for (std::size_t s = 0; s < series; ++s) noise[s] = 0x9E3779B97F4A7C15ULL * (s + 1);
    std::uint64_t produced = 0;
    std::vector<float> block;
    auto produce = [&](std::size_t n) {
        block.resize(series * n);
        for (std::size_t s = 0; s < series; ++s) {
            const double w = 2 * std::numbers::pi / (9000.0 * static_cast<double>(s + 1));
            std::uint64_t x = noise[s];
            float* out = block.data() + s * n;
            for (std::size_t i = 0; i < n; ++i) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                const double u = static_cast<double>(x >> 11) * 0x1.0p-53 - 0.5;
                const std::uint64_t g = produced + i;
                out[i] = (s == 7 && g % 100'000 == 0) ? NAN : static_cast<float>(0.3 * std::sin(w * static_cast<double>(g)) + 0.12 * u);
            }
            noise[s] = x;
        }
        produced += n;
        stream.append(block, n);
    };
    produce(length); // the window starts full: the first frame sends the whole ring

    window.on_draw([&](double) {
        window.clear();
        const double W = window.width(), H = window.height();
        axes.set_rect(60, 40, W - 80, H - 60);
        const double t1 = stream.newest_x(), t0 = t1 - static_cast<double>(length - 1) / rate;
        axes.set_view(t0, t1, 0, static_cast<double>(series));
        glEnable(GL_SCISSOR_TEST); // the lines stay inside the frame
        glScissor(60, 40, static_cast<GLsizei>(W - 80), static_cast<GLsizei>(H - 60));
        glViewport(60, 40, static_cast<GLsizei>(W - 80), static_cast<GLsizei>(H - 60));
        stream.draw(t0, t1, 0, static_cast<double>(series));
        glViewport(0, 0, static_cast<GLsizei>(W), static_cast<GLsizei>(H));
        glDisable(GL_SCISSOR_TEST);
        axes.draw();
        produce(fresh); // drawn and uploaded at the next frame
    });
    return app::run(window, options);
}
