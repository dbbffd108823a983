// The streaming plot's CPU per frame, against what ImPlot does (issue 13), on real GL
// (Mesa llvmpipe through EGL):
//   stream/ours/L     one frame of plot::StreamSeries with L samples in the window: append
//                     10,000 new samples (copied from a pool, as a DAQ hands them over)
//                     and upload them (the ring's sync: their 40,000 B)
//   stream/implot/L   the baseline, written here as ImPlot draws a line: append the same
//                     10,000 samples to a CPU ring, then for every one of the L visible
//                     points transform it to pixels and tessellate each segment into a
//                     quad (4 ImDrawVert of 20 B: position, uv, colour; 6 32-bit indices,
//                     ImPlot's RenderLineStrip primitive), and upload both arrays whole
//                     with glBufferData(GL_STREAM_DRAW), as Dear ImGui's OpenGL 3 backend
//                     does each frame
//   demo/{ours,implot}  the same for plot-stream's 8 series of 1e6 samples
// Both sides stop before the draw call: on a GPU the draw's work is the GPU's, and on
// llvmpipe the GPU is this CPU (vertex shading of L points: the same for both, and not the
// application's cost). Counters: bytes uploaded per frame (`bytes`).
// The table at the end (RatioReporter, one run): ours / baseline at L = 1e4, 1e5, 1e6, 1e7
// (goal: <= 0.01 at 1e6) and ours at 1e7 / ours at 1e4 (goal: flat, <= 2). Ours sends
// 40,000 B at every length; what still grows (5.6 us at 1e5, 11.8 us at 1e7 on the VM of
// BENCHMARKS.md) is where those bytes land: a ring of 40 KB stays in cache, one of 40 MB
// (and the driver's copy of it) is written in main memory.

#include <glumpp/plot.hpp>

#include "RatioReporter.hpp"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using namespace glumpp;

namespace {

constexpr std::size_t fresh = 10'000; // new samples per series per frame

gloo::Context& context() {
    static gloo::Context ctx = gloo::Context::headless();
    ctx.make_current();
    return ctx;
}

// A pool of samples the frames copy from (a sine and a little noise).
const std::vector<float>& pool() {
    static const std::vector<float> p = [] {
        std::vector<float> v(1 << 20);
        std::uint64_t x = 88172645463325252ULL;
        for (std::size_t i = 0; i < v.size(); ++i) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            v[i] = static_cast<float>(0.3 * std::sin(0.001 * static_cast<double>(i)) +
                                      0.1 * (static_cast<double>(x >> 11) * 0x1.0p-53 - 0.5));
        }
        return v;
    }();
    return p;
}

// `n` samples per series from the pool, series-major.
const float* next_block(std::size_t series, std::size_t& cursor, std::vector<float>& block) {
    const auto& p = pool();
    block.resize(series * fresh);
    for (std::size_t s = 0; s < series; ++s) {
        if (cursor + fresh > p.size()) cursor = 0;
        std::memcpy(block.data() + s * fresh, p.data() + cursor, fresh * sizeof(float));
        cursor += fresh;
    }
    return block.data();
}

void ours(benchmark::State& state, std::size_t series) {
    const auto length = static_cast<std::size_t>(state.range(0));
    gloo::Context& ctx = context();
    plot::StreamSeries stream({.series = series, .capacity = length, .dx = 1.0 / 600000});
    std::vector<float> block;
    std::size_t cursor = 0;
    for (std::size_t filled = 0; filled < length; filled += fresh) stream.append({next_block(series, cursor, block), series * fresh}, fresh);
    stream.buffer().sync(); // the first upload, of the whole ring
    glFinish();
    std::size_t bytes = 0;
    for (auto _ : state) {
        ctx.reset_frame_stats();
        stream.append({next_block(series, cursor, block), series * fresh}, fresh);
        stream.buffer().sync();
        bytes = ctx.frame_stats().uploads.bytes_sent;
    }
    glFinish();
    state.counters["bytes"] = static_cast<double>(bytes);
}

// ImPlot's side: a CPU ring per series (ScrollingBuffer), and each frame every visible
// point through the transform and the line renderer into ImDrawList-like arrays.
struct DrawVert {
    float x, y, u, v;
    std::uint32_t color;
};

void implot(benchmark::State& state, std::size_t series) {
    const auto length = static_cast<std::size_t>(state.range(0));
    context();
    std::vector<std::vector<float>> rings(series, std::vector<float>(length));
    std::size_t head = 0; // the slot of the oldest sample
    std::vector<float> block;
    std::size_t cursor = 0;
    auto append = [&](const float* samples) {
        for (std::size_t s = 0; s < series; ++s) {
            std::size_t slot = head;
            for (std::size_t i = 0; i < fresh; ++i) {
                rings[s][slot] = samples[s * fresh + i];
                if (++slot == length) slot = 0;
            }
        }
        head = (head + fresh) % length;
    };
    for (std::size_t filled = 0; filled < length; filled += fresh) append(next_block(series, cursor, block));
    const std::size_t segments = series * (length - 1);
    std::vector<DrawVert> vertices(4 * segments);
    std::vector<std::uint32_t> indices(6 * segments);
    GLuint buffers[2];
    glGenBuffers(2, buffers);
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    const float plot_x0 = 60, plot_w = 944, plot_y0 = 20, plot_h = 580, half_weight = 0.5f;
    for (auto _ : state) {
        append(next_block(series, cursor, block));
        // Transform and tessellate every visible point (ImPlot: GetterXY -> Transformer ->
        // RendererLineStrip::Render, one quad per segment).
        std::size_t v = 0, k = 0;
        const float sx = plot_w / static_cast<float>(length - 1);
        for (std::size_t s = 0; s < series; ++s) {
            const float sy = plot_h / static_cast<float>(series), y0 = plot_y0 + sy * (static_cast<float>(s) + 0.5f);
            const std::uint32_t color = 0xFF000000u | static_cast<std::uint32_t>(s * 0x1F3F5F);
            const auto& ring = rings[s];
            std::size_t slot = head;
            float px = plot_x0, py = y0 - sy * ring[slot];
            for (std::size_t i = 1; i < length; ++i) {
                if (++slot == length) slot = 0;
                const float qx = plot_x0 + sx * static_cast<float>(i), qy = y0 - sy * ring[slot];
                float dx = qx - px, dy = qy - py;
                const float d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    const float inv = 1.0f / std::sqrt(d2);
                    dx *= inv, dy *= inv;
                }
                dx *= half_weight, dy *= half_weight;
                const auto base = static_cast<std::uint32_t>(v);
                vertices[v++] = {px + dy, py - dx, 0, 0, color};
                vertices[v++] = {qx + dy, qy - dx, 0, 0, color};
                vertices[v++] = {qx - dy, qy + dx, 0, 0, color};
                vertices[v++] = {px - dy, py + dx, 0, 0, color};
                const std::uint32_t quad[] = {base, base + 1, base + 2, base, base + 2, base + 3};
                std::memcpy(&indices[k], quad, sizeof quad);
                k += 6;
                px = qx, py = qy;
            }
        }
        glBindBuffer(GL_ARRAY_BUFFER, buffers[0]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v * sizeof(DrawVert)), vertices.data(), GL_STREAM_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[1]);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(k * sizeof(std::uint32_t)), indices.data(),
                     GL_STREAM_DRAW);
        benchmark::DoNotOptimize(vertices.data());
    }
    glFinish();
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
    glDeleteBuffers(2, buffers);
    state.counters["bytes"] = static_cast<double>(vertices.size() * sizeof(DrawVert) + indices.size() * 4);
}

std::string name(const std::string& base, std::size_t length) { return base + "/" + std::to_string(length); }

// RatioReporter's table, then the same medians as speed-ups (baseline / ours), which at
// these ratios read better than "0.00x".
class SpeedupReporter : public glumpp::bench::RatioReporter {
public:
    using RatioReporter::RatioReporter;
    void ReportRuns(const std::vector<Run>& reports) override {
        RatioReporter::ReportRuns(reports);
        for (const Run& r : reports) {
            if (r.error_occurred) continue;
            const double t = r.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(r.time_unit);
            if (r.run_type != Run::RT_Aggregate) cpu_[r.run_name.function_name].push_back(t);
            else if (r.aggregate_name == "median") medians_[r.run_name.function_name] = t;
        }
    }
    void Finalize() override {
        RatioReporter::Finalize();
        std::printf("\nCPU per frame (median, this run) and the baseline's multiple of ours\n\n");
        std::printf("| samples in the window | ours | ImPlot-like baseline | baseline / ours |\n| --- | ---: | ---: | ---: |\n");
        for (const std::string& n : {std::string("1e4"), std::string("1e5"), std::string("1e6"), std::string("1e7"), std::string("8 x 1e6")}) {
            const std::string L = n == "1e4" ? "10000" : n == "1e5" ? "100000" : n == "1e6" ? "1000000" : "10000000";
            const bool demo = n == "8 x 1e6";
            const double a = median(demo ? "demo/ours/1000000" : "stream/ours/" + L);
            const double b = median(demo ? "demo/implot/1000000" : "stream/implot/" + L);
            if (a > 0 && b > 0) std::printf("| %s | %.1f us | %.2f ms | %.0fx |\n", n.c_str(), a * 1e6, b * 1e3, b / a);
        }
        std::fflush(stdout);
    }

private:
    double median(const std::string& name) {
        if (auto m = medians_.find(name); m != medians_.end()) return m->second; // --benchmark_repetitions
        auto it = cpu_.find(name);
        if (it == cpu_.end() || it->second.empty()) return -1;
        auto v = it->second;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }
    std::map<std::string, std::vector<double>> cpu_;
    std::map<std::string, double> medians_;
};

} // namespace

int main(int argc, char** argv) {
    std::vector<glumpp::bench::Comparison> rows;
    const std::size_t lengths[] = {10'000, 100'000, 1'000'000, 10'000'000};
    const char* labels[] = {"1e4", "1e5", "1e6", "1e7"};
    for (int i = 0; i < 4; ++i) {
        const std::size_t L = lengths[i];
        benchmark::RegisterBenchmark(name("stream/ours", L).c_str(), [](benchmark::State& s) { ours(s, 1); })
            ->Arg(static_cast<std::int64_t>(L))
            ->Name(name("stream/ours", L))
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(name("stream/implot", L).c_str(), [](benchmark::State& s) { implot(s, 1); })
            ->Arg(static_cast<std::int64_t>(L))
            ->Name(name("stream/implot", L))
            ->Unit(benchmark::kMillisecond);
        rows.push_back({std::string("one series of ") + labels[i] + " samples, 10,000 new a frame", name("stream/ours", L),
                        name("stream/implot", L), "", 1, L == 1'000'000 ? 0.01 : 0.0,
                        L == 1'000'000 ? "<= 0.01 (100x less)" : "-"});
    }
    rows.push_back({"ours at 1e7 samples / ours at 1e4 (flat in length)", name("stream/ours", 10'000'000),
                    name("stream/ours", 10'000), "", 1, 2.0, "<= 2"});
    benchmark::RegisterBenchmark("demo/ours", [](benchmark::State& s) { ours(s, 8); })
        ->Arg(1'000'000)
        ->Name("demo/ours/1000000")
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("demo/implot", [](benchmark::State& s) { implot(s, 8); })
        ->Arg(1'000'000)
        ->Name("demo/implot/1000000")
        ->Unit(benchmark::kMillisecond);
    rows.push_back({"plot-stream: 8 series of 1e6 samples, 10,000 new each a frame", "demo/ours/1000000",
                    "demo/implot/1000000", "", 1, 0.01, "<= 0.01"});

    SpeedupReporter reporter(rows, {name("stream/ours", 1'000'000), name("stream/implot", 1'000'000),
                                                 "demo/ours/1000000", "demo/implot/1000000"});
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
