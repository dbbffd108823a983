// The galaxy's CPU time per frame: simulate + track + upload, rasterizing excluded
// (glumpy 1.2.1 on the same machine: about 23 ms per frame outside rasterizing).
//
// The program-owned store holds one block per attribute; a frame writes every position
// and the H-II sizes through tracked typed views, and sync() uploads what was written.
#include "Galaxy.hpp"

#include <glumpp/gloo.hpp>

#include <benchmark/benchmark.h>

using namespace glumpp;

namespace {

const char* vertex = R"(#version 330 core
in vec2 a_position;
in float a_size;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = a_size; })";
const char* fragment = "#version 330 core\nout vec4 f;\nvoid main() { f = vec4(1.0); }\n";

void GalaxyFrame(benchmark::State& state) {
    static gloo::Context ctx = gloo::Context::headless();
    ctx.make_current();
    Galaxy galaxy;
    gloo::Program program(vertex, fragment, galaxy.size());
    Array position = program.attribute("a_position"), size = program.attribute("a_size");
    program.vertices().sync();
    const auto before = program.vertices().upload_stats();
    for (auto _ : state) {
        auto p = position.as<glm::vec2>();
        auto s = size.as<float>();
        galaxy.update(p, s);
        p.flush();
        s.flush();
        program.vertices().sync();
        glFinish();
    }
    const auto after = program.vertices().upload_stats();
    state.counters["bytes/frame"] = double(after.bytes_sent - before.bytes_sent) / double(state.iterations());
    state.counters["calls/frame"] = double(after.calls - before.calls) / double(state.iterations());
}

// The model alone, writing through tracked views of arrays no GPU object watches: what
// uploading adds.
void GalaxyModelOnly(benchmark::State& state) {
    Galaxy galaxy;
    Array pa = Array::zeros<float>({galaxy.size(), 2}), sa = Array::zeros<float>({galaxy.size()});
    for (auto _ : state) {
        auto pv = pa.as<glm::vec2>();
        auto sv = sa.as<float>();
        galaxy.update(pv, sv);
        benchmark::ClobberMemory();
    }
}

} // namespace

BENCHMARK(GalaxyFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(GalaxyModelOnly)->Unit(benchmark::kMillisecond);
