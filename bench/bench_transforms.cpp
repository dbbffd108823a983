// The transforms layer on real GL (llvmpipe through EGL):
//  - trackball_drag_1e6_vertices: a Trackball dragged over a 1e6-vertex mesh, one drag and one
//    draw per frame; counters: vertex bytes uploaded per frame (must be 0: the camera is
//    uniforms), uniform bytes per frame, GLSL generations per frame (must be 0);
//  - relink: a hook reassigned, then a draw: GLSL generated, compiled and linked again
//    (counter generations per iteration: 1);
//  - uniform_frame: a frame that changes only a camera's angle: counter generations per
//    frame (must be 0), uniform calls per frame;
//  - cpu_twin: points per second through a 3-step chain's CPU twin
//    (translate(scale(rotate(position)))) with forward_all (batch twins), against a
//    hand-written glm loop doing the same maths in double; paired (both back to back in
//    every iteration) in the ratio table; and, as a diagnostic, forward() point by point
//    (each point looks its uniforms up by name in every snippet).
#include "RatioReporter.hpp"

#include <glumpp/gloo.hpp>
#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <chrono>
#include <random>

using namespace glumpp;
using namespace glumpp::transforms;

namespace {

gloo::Context& context() {
    static gloo::Context ctx = gloo::Context::headless();
    ctx.make_current();
    return ctx;
}

const char* vertex = R"(#version 330
in vec3 a_position;
void main() { gl_Position = <transform>; gl_PointSize = 1.0; })";
const char* fragment = "#version 330\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n";

// A 256 x 256 target: the vertex work is what is measured, not the fill.
struct Target {
    gloo::Texture2D color = gloo::Texture2D::gpu_only({256, 256, 4}, DType::of<std::uint8_t>());
    gloo::FrameBuffer fb{{color}};
};

void trackball_drag(benchmark::State& state) {
    auto& ctx = context();
    const std::size_t n = 1000000;
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(-1, 1);
    auto mesh = gloo::VertexBuffer::zeros({n}, DType::parse("[('a_position', '<f4', (3,))]"));
    auto pos = mesh["a_position"].as<glm::vec3>();
    for (std::size_t k = 0; k < n; ++k) pos[k] = {u(rng), u(rng), u(rng)};
    Trackball trackball;
    trackball.resize(256, 256);
    Program p(vertex, fragment);
    p["a_position"] = mesh["a_position"];
    p["transform"] = trackball(Position()("a_position"));
    Target target;
    auto on = target.fb.activated();
    p.draw(gloo::Primitive::Points); // the first frame uploads the mesh once
    glFinish();
    const std::size_t generations = p.generations();
    ctx.reset_frame_stats();
    double x = 100;
    for (auto _ : state) {
        trackball.drag(x, 120, 3, 2);
        x = x > 200 ? 100 : x + 3;
        p.draw(gloo::Primitive::Points);
        glFinish();
    }
    const auto& stats = ctx.frame_stats();
    const double frames = double(state.iterations());
    state.counters["vertex_bytes_per_frame"] = double(stats.uploads.bytes_sent) / frames;
    state.counters["uniform_bytes_per_frame"] = double(stats.uniform_bytes) / frames;
    state.counters["glsl_generations_per_frame"] = double(p.generations() - generations) / frames;
    state.counters["vertices"] = double(n);
}
BENCHMARK(trackball_drag)->Name("trackball_drag_1e6_vertices")->Unit(benchmark::kMillisecond)->UseRealTime();

void relink(benchmark::State& state) {
    context();
    Trackball trackball;
    Program p(vertex, fragment, 64);
    Target target;
    auto on = target.fb.activated();
    p["transform"] = trackball(Position()("a_position"));
    p.draw(gloo::Primitive::Points);
    glFinish();
    const std::size_t generations = p.generations();
    for (auto _ : state) {
        p["transform"] = trackball(Position()("a_position")); // a hook change, even to the same chain
        p.draw(gloo::Primitive::Points);
        glFinish();
    }
    state.counters["generations_per_iteration"] = double(p.generations() - generations) / double(state.iterations());
}
BENCHMARK(relink)->Name("relink_and_draw")->Unit(benchmark::kMillisecond)->UseRealTime();

void uniform_frame(benchmark::State& state) {
    auto& ctx = context();
    Trackball trackball;
    Program p(vertex, fragment, 64);
    Target target;
    auto on = target.fb.activated();
    p["transform"] = trackball(Position()("a_position"));
    p.draw(gloo::Primitive::Points);
    glFinish();
    const std::size_t generations = p.generations();
    ctx.reset_frame_stats();
    float theta = 0;
    for (auto _ : state) {
        trackball.set_theta(theta += 0.5f);
        p.draw(gloo::Primitive::Points);
        glFinish();
    }
    state.counters["generations_per_frame"] = double(p.generations() - generations) / double(state.iterations());
    state.counters["uniform_calls_per_frame"] = double(ctx.frame_stats().uniform_calls) / double(state.iterations());
}
BENCHMARK(uniform_frame)->Name("uniform_only_frame")->Unit(benchmark::kMicrosecond)->UseRealTime();

// The 3-step chain and its hand-written twin: the same float32 parameters, double maths.
struct Twin {
    std::vector<glm::dvec4> in, out;
    Rotate rotate{{0.3f, -0.5f, 1.0f}, 33.0f, {0.1f, 0.2f, 0.0f}};
    Scale scale{{1.5f, -0.5f, 2.0f}};
    Translate translate{{0.25f, 0.5f, -1.0f}};
    Call chain = translate(scale(rotate(Position())));
    glm::dmat4 m;
    glm::dvec3 origin, factors, offset;
    explicit Twin(std::size_t n) : in(n), out(n) {
        std::mt19937 rng(2);
        std::uniform_real_distribution<double> u(-1, 1);
        for (auto& p : in) p = {u(rng), u(rng), u(rng), 1.0};
        m = glm::rotate(glm::dmat4(1.0), glm::radians(33.0), glm::normalize(glm::dvec3(glm::vec3(0.3f, -0.5f, 1.0f))));
        m = glm::dmat4(glm::mat4(m)); // the float32 matrix the snippet keeps
        origin = glm::dvec3(glm::vec3(0.1f, 0.2f, 0.0f));
        factors = glm::dvec3(glm::vec3(1.5f, -0.5f, 2.0f));
        offset = glm::dvec3(glm::vec3(0.25f, 0.5f, -1.0f));
    }
    void ours() { // the batch twins: each snippet over all points, its uniforms read once
        std::copy(in.begin(), in.end(), out.begin());
        chain.forward_all(out);
        benchmark::DoNotOptimize(out.data());
    }
    void ours_per_point() {
        for (std::size_t k = 0; k < in.size(); ++k) out[k] = chain.forward(in[k]);
        benchmark::DoNotOptimize(out.data());
    }
    void raw() {
        for (std::size_t k = 0; k < in.size(); ++k) {
            const glm::dvec4 q = m * glm::dvec4(glm::dvec3(in[k]) - origin, 1.0);
            out[k] = glm::dvec4((glm::dvec3(q) + origin) * factors + offset, in[k].w);
        }
        benchmark::DoNotOptimize(out.data());
    }
};

constexpr std::size_t twin_points = 100000;

void cpu_twin_ours(benchmark::State& state) {
    Twin t(twin_points);
    for (auto _ : state) t.ours();
    state.SetItemsProcessed(state.iterations() * std::int64_t(twin_points));
}
BENCHMARK(cpu_twin_ours)->Name("cpu_twin/ours")->Unit(benchmark::kMillisecond);

void cpu_twin_per_point(benchmark::State& state) {
    Twin t(twin_points);
    for (auto _ : state) t.ours_per_point();
    state.SetItemsProcessed(state.iterations() * std::int64_t(twin_points));
}
BENCHMARK(cpu_twin_per_point)->Name("cpu_twin/per_point")->Unit(benchmark::kMillisecond);

void cpu_twin_raw(benchmark::State& state) {
    Twin t(twin_points);
    for (auto _ : state) t.raw();
    state.SetItemsProcessed(state.iterations() * std::int64_t(twin_points));
}
BENCHMARK(cpu_twin_raw)->Name("cpu_twin/raw")->Unit(benchmark::kMillisecond);

// Both back to back in every iteration (order alternating): `ratio` is the median of
// ours / raw; the two also agree on every point (checked once, outside the timing).
void cpu_twin_paired(benchmark::State& state) {
    using clock = std::chrono::steady_clock;
    Twin t(twin_points);
    t.ours();
    const auto a = t.out;
    t.raw();
    for (std::size_t k = 0; k < twin_points; ++k) {
        if (glm::length(a[k] - t.out[k]) > 1e-9) {
            state.SkipWithError("the CPU twin and the glm loop disagree");
            return;
        }
    }
    std::vector<double> ratios;
    bool raw_first = true;
    for (auto _ : state) {
        double ns[2] = {0, 0};
        for (int side = 0; side < 2; ++side) {
            const bool raw = (side == 0) == raw_first;
            const auto t0 = clock::now();
            raw ? t.raw() : t.ours();
            ns[raw ? 0 : 1] = std::chrono::duration<double, std::nano>(clock::now() - t0).count();
        }
        raw_first = !raw_first;
        ratios.push_back(ns[1] / ns[0]);
    }
    std::sort(ratios.begin(), ratios.end());
    state.counters["ratio"] = ratios.empty() ? 0.0 : ratios[ratios.size() / 2];
}
BENCHMARK(cpu_twin_paired)->Name("cpu_twin/paired")->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    std::vector<glumpp::bench::Comparison> rows = {
        {"CPU twin, translate(scale(rotate(position))), 1e5 points, vs a glm loop", "cpu_twin/ours", "cpu_twin/raw", "cpu_twin/paired",
         double(twin_points), 0, "measured"},
        {"diagnostic: the same, point by point (Call::forward per point)", "cpu_twin/per_point", "cpu_twin/raw", "", double(twin_points), 0,
         "-"}};
    glumpp::bench::RatioReporter reporter(rows, {"trackball_drag_1e6_vertices", "relink_and_draw", "uniform_only_frame"});
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
