// Labels on real GL (Mesa llvmpipe through EGL): a GlyphCollection of 10,000 labels of
// about 20 characters ("label 01234: 567.89", DejaVu Sans, 12 px, distance fields).
//   text/build/10000         make the collection and send it (shape, lay out, first sync);
//                            counters: bytes sent, atlas bytes, glyph texels
//   text/frame/10000         one frame at 1000x1000: the one draw call for every glyph, glFinish
//   text/change/{cached,new}/N   per frame, the text of N labels of the 10,000 changed
//                            (1, 100, 1,000; spread evenly), then the upload (sync); `cached`:
//                            strings from a pool of 2,000 the collection showed before (a
//                            live value that comes back: the shaping cache serves them),
//                            `new`: strings never seen (every one shaped by HarfBuzz)
//   text/layout              Font::layout of one such string (the uncached cost's core)
//   text/new_glyph/{ours,whole}  one label set to a glyph the atlas lacks (Cyrillic, one
//                            each iteration) and synced: its texels only, or (baseline) the
//                            whole atlas re-sent as it would be without sub-rectangles
// Counters per iteration: bytes sent (`bytes`), bytes written (`dirty`), upload `calls`,
// `draw_calls`; for change/, the wall time of the edits (`edit_us`) and of the sync (`sync_us`).
#include <glumpp/gloo/gl.hpp>
#include <glumpp/graphics.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

constexpr std::size_t labels_count = 10000;

gloo::Context& context() {
    static gloo::Context ctx = gloo::Context::headless();
    ctx.make_current();
    return ctx;
}

const text::Font& font() {
    static const text::Font f = text::Font::open("DejaVu Sans");
    return f;
}

std::string label_text(std::size_t k, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "label %05zu: %06.2f", k, value);
    return buffer;
}

GlyphCollection build() {
    GlyphCollection labels;
    for (std::size_t k = 0; k < labels_count; ++k) {
        labels.append(label_text(k, double(k % 1000) * 0.37), font(),
                      {.size = 12, .origin = {float(10 + 100 * (k % 100)), float(10 * (k / 100)), 0}, .anchor_x = AnchorX::Left});
    }
    return labels;
}

void text_build(benchmark::State& state) {
    gloo::Context& ctx = context();
    std::size_t bytes = 0, atlas = 0, texels = 0;
    for (auto _ : state) {
        ctx.reset_frame_stats();
        GlyphCollection labels = build();
        labels.sync();
        glFinish();
        bytes = ctx.frame_stats().uploads.bytes_sent;
        atlas = labels.atlas()->width() * labels.atlas()->height();
        texels = labels.atlas()->glyph_texels();
    }
    state.counters["bytes"] = double(bytes);
    state.counters["atlas_bytes"] = double(atlas);
    state.counters["glyph_texels"] = double(texels);
}
BENCHMARK(text_build)->Name("text/build/10000")->Unit(benchmark::kMillisecond)->Iterations(3);

void text_frame(benchmark::State& state) {
    gloo::Context& ctx = context();
    gloo::FrameBuffer target({gloo::RenderBuffer::color(1000, 1000)});
    auto on = target.activated();
    GlyphCollection labels = build();
    labels.draw();
    glFinish();
    for (auto _ : state) {
        ctx.reset_frame_stats();
        glClear(GL_COLOR_BUFFER_BIT);
        labels.draw();
        glFinish();
    }
    state.counters["draw_calls"] = double(ctx.frame_stats().draw_calls);
    state.counters["glyphs"] = double(labels.glyph_slots());
}
BENCHMARK(text_frame)->Name("text/frame/10000")->Unit(benchmark::kMillisecond);

void text_change(benchmark::State& state, bool cached) {
    gloo::Context& ctx = context();
    const auto n = std::size_t(state.range(0));
    GlyphCollection labels = build();
    labels.sync();
    const std::size_t step = labels_count / n;
    std::vector<std::string> pool;
    for (std::size_t k = 0; k < 2000; ++k) pool.push_back(label_text(k % 1000, double(k) * 0.5));
    if (cached) { // the collection has shown each of them once
        for (std::size_t k = 0; k < pool.size(); ++k) labels.set_text(k % labels_count, pool[k]);
        labels.sync();
    }
    std::size_t frame = 0, bytes = 0, dirty = 0, calls = 0;
    double edit_s = 0, sync_s = 0;
    for (auto _ : state) {
        ctx.reset_frame_stats();
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t k = (j * step + frame) % labels_count;
            if (cached) {
                labels.set_text(k, pool[(j * 7 + frame * 13) % 1999]); // 1999: a label revisited gets another string
            } else {
                labels.set_text(k, label_text(k, 1000.0 + double(frame) + double(j) * 1e-2));
            }
        }
        const auto t1 = std::chrono::steady_clock::now();
        labels.sync();
        sync_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        edit_s += std::chrono::duration<double>(t1 - t0).count();
        ++frame;
        calls += ctx.frame_stats().uploads.calls;
        bytes += ctx.frame_stats().uploads.bytes_sent;
        dirty += ctx.frame_stats().uploads.bytes_dirty;
    }
    glFinish();
    state.counters["bytes"] = benchmark::Counter(double(bytes), benchmark::Counter::kAvgIterations);
    state.counters["dirty"] = benchmark::Counter(double(dirty), benchmark::Counter::kAvgIterations);
    state.counters["calls"] = benchmark::Counter(double(calls), benchmark::Counter::kAvgIterations);
    // Wall time of the edits (shaping or the cache, writes) and of the upload, per frame.
    state.counters["edit_us"] = benchmark::Counter(edit_s * 1e6, benchmark::Counter::kAvgIterations);
    state.counters["sync_us"] = benchmark::Counter(sync_s * 1e6, benchmark::Counter::kAvgIterations);
}
BENCHMARK_CAPTURE(text_change, cached, true)->Name("text/change/cached")->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(text_change, new, false)->Name("text/change/new")->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

void text_layout(benchmark::State& state) {
    std::size_t k = 0;
    for (auto _ : state) benchmark::DoNotOptimize(font().layout(label_text(k++ % 10000, 12.5), 12));
}
BENCHMARK(text_layout)->Name("text/layout")->Unit(benchmark::kMicrosecond);

void text_new_glyph(benchmark::State& state, bool whole) {
    gloo::Context& ctx = context();
    GlyphCollection labels;
    labels.append("x", font(), {.size = 12});
    labels.sync();
    char32_t c = 0x410; // Cyrillic capitals and lower case, 64 glyphs DejaVu has
    std::size_t bytes = 0, texels = 0;
    for (auto _ : state) {
        ctx.reset_frame_stats();
        const char utf8[3] = {char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F)), 0};
        labels.set_text(0, utf8);
        if (whole) { // without sub-rectangles: every texel written again, sent in full
            gloo::Texture2D atlas = labels.atlas()->texture();
            Array all = atlas.view({});
            WriteScope w(all);
        }
        labels.sync();
        bytes += ctx.frame_stats().uploads.bytes_sent;
        const text::AtlasGlyph& g = const_cast<text::GlyphAtlas*>(labels.atlas())->glyph(font(), font().glyph_index(c), 12);
        texels += g.rect.width * g.rect.height;
        c = c == 0x44F ? 0x410 : c + 1;
    }
    glFinish();
    state.counters["bytes"] = benchmark::Counter(double(bytes), benchmark::Counter::kAvgIterations);
    state.counters["glyph_texels"] = benchmark::Counter(double(texels), benchmark::Counter::kAvgIterations);
    state.counters["atlas_bytes"] = double(labels.atlas()->width() * labels.atlas()->height());
}
BENCHMARK_CAPTURE(text_new_glyph, ours, false)->Name("text/new_glyph/ours")->Unit(benchmark::kMicrosecond)->Iterations(64);
BENCHMARK_CAPTURE(text_new_glyph, whole, true)->Name("text/new_glyph/whole")->Unit(benchmark::kMicrosecond)->Iterations(64);

} // namespace

BENCHMARK_MAIN();
