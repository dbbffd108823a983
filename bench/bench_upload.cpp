// Upload strategies on real GL (Mesa llvmpipe through EGL), measured in one run:
//   ours    - the planner: calibrated per-call/per-byte costs decide which gaps to merge
//   hull    - glumpy: one call covering the smallest range that holds every write
//   each    - one call per write
// for the workloads of the gloo issue: the seed example, k random single writes, one
// field of all records, a ring buffer, a scrolling signal. Each iteration makes the same
// writes to the CPU array, then uploads them with the strategy and waits (glFinish), so
// the figures are write + upload + completion.
//
// Also: a large upload through our path against memcpy of the same bytes (bandwidth).

#include <glumpp/gloo.hpp>

#include <benchmark/benchmark.h>

#include <cstring>
#include <random>

using namespace glumpp;

namespace {

enum class Strategy { Ours, Hull, Each };

gloo::Context& context() {
    static gloo::Context ctx = gloo::Context::headless();
    return ctx;
}

// Writes of one frame, as byte ranges of the buffer (what "one call per write" sends).
using Writes = std::vector<ByteRange>;

// One frame: apply `write` (which records its byte ranges), then upload.
template <class Write>
void frame(benchmark::State& state, gloo::VertexBuffer& V, Strategy s, Write write) {
    context().make_current();
    V.sync();
    const GLuint name = V.handle();
    std::size_t calls = 0, bytes = 0;
    const gloo::UploadStats before = V.upload_stats();
    for (auto _ : state) {
        Writes writes;
        write(writes);
        switch (s) {
        case Strategy::Ours: V.sync(); break;
        case Strategy::Hull: {
            const auto hull = V.pending_data();
            V.clear_pending();
            if (hull) {
                glBindBuffer(GL_COPY_WRITE_BUFFER, name);
                glBufferSubData(GL_COPY_WRITE_BUFFER, GLintptr(hull->start), GLsizeiptr(hull->size()), V.base_data() + hull->start);
                ++calls;
                bytes += hull->size();
            }
            break;
        }
        case Strategy::Each: {
            V.clear_pending();
            glBindBuffer(GL_COPY_WRITE_BUFFER, name);
            for (const ByteRange& r : writes) {
                glBufferSubData(GL_COPY_WRITE_BUFFER, GLintptr(r.start), GLsizeiptr(r.size()), V.base_data() + r.start);
                bytes += r.size();
            }
            calls += writes.size();
            break;
        }
        }
        glFinish();
    }
    if (s == Strategy::Ours) {
        calls = V.upload_stats().calls - before.calls;
        bytes = V.upload_stats().bytes_sent - before.bytes_sent;
    }
    state.counters["calls/frame"] = benchmark::Counter(double(calls) / double(state.iterations()));
    state.counters["bytes/frame"] = benchmark::Counter(double(bytes) / double(state.iterations()));
}

const char* seed_dtype = "[('position', '<f4', (2,)), ('color', '<f4', (3,))]";

void Seed(benchmark::State& state, Strategy s) {
    auto V = gloo::VertexBuffer::zeros({3, 3}, DType::parse(seed_dtype));
    float t = 0;
    frame(state, V, s, [&](Writes& w) {
        t += 1;
        V["position"].view({0, 0}).assign({t, t});
        V["position"].view({1, 1}).assign({t, t});
        w = {{0, 8}, {80, 88}};
    });
}

void RandomWrites(benchmark::State& state, Strategy s) {
    const std::size_t n = 1 << 20, k = 100;
    auto V = gloo::VertexBuffer::zeros<float>({n});
    std::mt19937 rng(1);
    frame(state, V, s, [&](Writes& w) {
        auto v = V.as<float>();
        for (std::size_t j = 0; j < k; ++j) {
            const std::size_t i = rng() % n;
            v[i] = float(j);
            w.push_back({4 * i, 4 * i + 4});
        }
    });
}

struct Record {
    float position[2];
    float velocity[2];
    float size, life;
};
GLUMPP_DTYPE(Record, position, velocity, size, life);

void Field(benchmark::State& state, Strategy s) {
    const std::size_t n = 100000;
    auto V = gloo::VertexBuffer::zeros<Record>({n});
    float t = 0;
    frame(state, V, s, [&](Writes& w) {
        t += 1;
        V["position"].fill(t);
        for (std::size_t i = 0; i < n; ++i) w.push_back({i * 24, i * 24 + 8});
    });
}

void Ring(benchmark::State& state, Strategy s) {
    const std::size_t n = 100000, per_frame = 4;
    auto V = gloo::VertexBuffer::zeros<Record>({n});
    std::size_t next = 0;
    frame(state, V, s, [&](Writes& w) {
        auto r = V.as<Record>();
        for (std::size_t j = 0; j < per_frame; ++j) {
            r[next] = Record{{1, 2}, {3, 4}, 5, float(j)};
            w.push_back({next * 24, next * 24 + 24});
            next = (next + 1) % n;
        }
    });
}

void Signal(benchmark::State& state, Strategy s) {
    const std::size_t signals = 64, samples = 1000;
    auto V = gloo::VertexBuffer::zeros<float>({signals, samples});
    std::size_t column = 0;
    frame(state, V, s, [&](Writes& w) {
        auto c = V.view({all, column}).as<float>();
        for (std::size_t i = 0; i < signals; ++i) {
            c[i] = float(i);
            const std::size_t at = (i * samples + column) * 4;
            w.push_back({at, at + 4});
        }
        column = (column + 1) % samples;
    });
}

// --- bandwidth: a large upload through our path vs memcpy of the same bytes ----------

void LargeUploadOnly(benchmark::State& state) {
    const std::size_t bytes = std::size_t(state.range(0)) << 20;
    auto V = gloo::VertexBuffer::zeros<std::uint8_t>({bytes});
    context().make_current();
    V.sync();
    for (auto _ : state) {
        state.PauseTiming();
        V.tracker().mark_all();
        state.ResumeTiming();
        V.sync();
        glFinish();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}

void Memcpy(benchmark::State& state) {
    const std::size_t bytes = std::size_t(state.range(0)) << 20;
    std::vector<std::byte> a(bytes, std::byte{1}), b(bytes);
    for (auto _ : state) {
        std::memcpy(b.data(), a.data(), bytes);
        benchmark::DoNotOptimize(b.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}

} // namespace

#define WORKLOAD(name)                                                                   \
    BENCHMARK_CAPTURE(name, ours, Strategy::Ours)->Unit(benchmark::kMicrosecond);        \
    BENCHMARK_CAPTURE(name, glumpy_hull, Strategy::Hull)->Unit(benchmark::kMicrosecond); \
    BENCHMARK_CAPTURE(name, one_call_per_write, Strategy::Each)->Unit(benchmark::kMicrosecond)

WORKLOAD(Seed);
WORKLOAD(RandomWrites);
WORKLOAD(Field);
WORKLOAD(Ring);
WORKLOAD(Signal);
BENCHMARK(LargeUploadOnly)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
BENCHMARK(Memcpy)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
