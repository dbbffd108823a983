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
// The `paired` rows run two strategies back to back in every iteration and report the
// median ratio: the figures BENCHMARKS.md quotes.
//
//   ./build-bench/bench/bench_upload --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <glumpp/gloo.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace glumpp;

namespace {

enum class Strategy { Ours, Hull, Each };

// GLUMPP_BENCH_STRATEGY=subdata|maprange|persistent overrides the calibrated strategy.
gloo::Context& context() {
    static gloo::Context ctx = [] {
        gloo::Context c = gloo::Context::headless();
        if (const char* s = std::getenv("GLUMPP_BENCH_STRATEGY")) {
            const std::string v = s;
            if (v == "subdata") c.set_upload_strategy(gloo::UploadStrategy::SubData);
            if (v == "maprange") c.set_upload_strategy(gloo::UploadStrategy::MapRange);
            if (v == "persistent") c.set_upload_strategy(gloo::UploadStrategy::Persistent);
        }
        return c;
    }();
    return ctx;
}

// Writes of one frame, as byte ranges of the buffer (what "one call per write" sends).
using Writes = std::vector<ByteRange>;

// A workload: a buffer and the writes of one frame (which also records their byte
// ranges, for "one call per write").
struct Workload {
    gloo::VertexBuffer V;
    std::function<void(Writes&)> write;
};

// The upload of one frame's writes with strategy `s`; returns {calls, bytes}.
std::pair<std::size_t, std::size_t> upload(gloo::VertexBuffer& V, Strategy s, const Writes& writes) {
    switch (s) {
    case Strategy::Ours: V.sync(); return {0, 0}; // counted by V.upload_stats()
    case Strategy::Hull: {
        const auto hull = V.pending_data();
        V.clear_pending();
        if (!hull) return {0, 0};
        glBindBuffer(GL_COPY_WRITE_BUFFER, V.handle());
        glBufferSubData(GL_COPY_WRITE_BUFFER, GLintptr(hull->start), GLsizeiptr(hull->size()), V.base_data() + hull->start);
        return {1, hull->size()};
    }
    case Strategy::Each: {
        V.clear_pending();
        glBindBuffer(GL_COPY_WRITE_BUFFER, V.handle());
        std::size_t bytes = 0;
        for (const ByteRange& r : writes) {
            glBufferSubData(GL_COPY_WRITE_BUFFER, GLintptr(r.start), GLsizeiptr(r.size()), V.base_data() + r.start);
            bytes += r.size();
        }
        return {writes.size(), bytes};
    }
    }
    return {0, 0};
}

// Frames of one strategy: the writes, then the upload and its completion (glFinish).
void frames(benchmark::State& state, Workload (*make)(), Strategy s) {
    context().make_current();
    Workload w = make();
    w.V.sync();
    std::size_t calls = 0, bytes = 0;
    const gloo::UploadStats before = w.V.upload_stats();
    Writes writes;
    for (auto _ : state) {
        writes.clear();
        w.write(writes);
        const auto [c, b] = upload(w.V, s, writes);
        calls += c;
        bytes += b;
        glFinish();
    }
    if (s == Strategy::Ours) {
        calls = w.V.upload_stats().calls - before.calls;
        bytes = w.V.upload_stats().bytes_sent - before.bytes_sent;
    }
    state.counters["calls/frame"] = benchmark::Counter(double(calls) / double(state.iterations()));
    state.counters["bytes/frame"] = benchmark::Counter(double(bytes) / double(state.iterations()));
}

// Ours and glumpy's hull back to back in every iteration, on two identical workloads, in
// alternating order; counter `ours/hull` = the median over iterations of the ratio of the
// two upload times (writes excluded). Adjacent pairs cancel the drift of a shared machine,
// which is larger than the differences measured here.
void paired(benchmark::State& state, Workload (*make)()) {
    using clock = std::chrono::steady_clock;
    context().make_current();
    Workload ours = make(), hull = make();
    ours.V.sync();
    hull.V.sync();
    Writes writes;
    std::vector<double> ratios;
    bool ours_first = true;
    auto timed = [&](Workload& w, Strategy s) {
        writes.clear();
        w.write(writes);
        const auto t0 = clock::now();
        upload(w.V, s, writes);
        glFinish();
        return std::chrono::duration<double>(clock::now() - t0).count();
    };
    for (auto _ : state) {
        double a, b;
        if (ours_first) {
            a = timed(ours, Strategy::Ours);
            b = timed(hull, Strategy::Hull);
        } else {
            b = timed(hull, Strategy::Hull);
            a = timed(ours, Strategy::Ours);
        }
        ours_first = !ours_first;
        ratios.push_back(a / b);
    }
    std::nth_element(ratios.begin(), ratios.begin() + std::ptrdiff_t(ratios.size() / 2), ratios.end());
    state.counters["ours/hull"] = ratios.empty() ? 0.0 : ratios[ratios.size() / 2];
}

const char* seed_dtype = "[('position', '<f4', (2,)), ('color', '<f4', (3,))]";

Workload seed() {
    Workload w{gloo::VertexBuffer::zeros({3, 3}, DType::parse(seed_dtype)), {}};
    w.write = [V = w.V, t = 0.0f](Writes& out) mutable {
        t += 1;
        V["position"].view({0, 0}).assign({t, t});
        V["position"].view({1, 1}).assign({t, t});
        out = {{0, 8}, {80, 88}};
    };
    return w;
}

Workload random_writes() {
    const std::size_t n = 1 << 20, k = 100;
    Workload w{gloo::VertexBuffer::zeros<float>({n}), {}};
    w.write = [V = w.V, rng = std::mt19937(1)](Writes& out) mutable {
        auto v = V.as<float>();
        for (std::size_t j = 0; j < k; ++j) {
            const std::size_t i = rng() % n;
            v[i] = float(j);
            out.push_back({4 * i, 4 * i + 4});
        }
    };
    return w;
}

struct Record {
    float position[2];
    float velocity[2];
    float size, life;
};
GLUMPP_DTYPE(Record, position, velocity, size, life);

Workload field() {
    const std::size_t n = 100000;
    Workload w{gloo::VertexBuffer::zeros<Record>({n}), {}};
    w.write = [V = w.V, t = 0.0f](Writes& out) mutable {
        t += 1;
        V["position"].fill(t);
        for (std::size_t i = 0; i < n; ++i) out.push_back({i * 24, i * 24 + 8});
    };
    return w;
}

Workload ring() {
    const std::size_t n = 100000, per_frame = 4;
    Workload w{gloo::VertexBuffer::zeros<Record>({n}), {}};
    w.write = [V = w.V, next = std::size_t(0)](Writes& out) mutable {
        auto r = V.as<Record>();
        for (std::size_t j = 0; j < per_frame; ++j) {
            r[next] = Record{{1, 2}, {3, 4}, 5, float(j)};
            out.push_back({next * 24, next * 24 + 24});
            next = (next + 1) % n;
        }
    };
    return w;
}

Workload signal() {
    const std::size_t signals = 64, samples = 1000;
    Workload w{gloo::VertexBuffer::zeros<float>({signals, samples}), {}};
    w.write = [V = w.V, column = std::size_t(0)](Writes& out) mutable {
        auto c = V.view({all, column}).as<float>();
        for (std::size_t i = 0; i < signals; ++i) {
            c[i] = float(i);
            const std::size_t at = (i * samples + column) * 4;
            out.push_back({at, at + 4});
        }
        column = (column + 1) % samples;
    };
    return w;
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

// Both back to back in every iteration; counter `ours/memcpy` = median over iterations of
// our bandwidth over memcpy's (the requirement: at least 0.9).
void BandwidthPaired(benchmark::State& state) {
    using clock = std::chrono::steady_clock;
    const std::size_t bytes = std::size_t(state.range(0)) << 20;
    auto V = gloo::VertexBuffer::zeros<std::uint8_t>({bytes});
    std::vector<std::byte> a(bytes, std::byte{1}), b(bytes);
    context().make_current();
    V.sync();
    std::vector<double> ratios;
    for (auto _ : state) {
        V.tracker().mark_all();
        auto t0 = clock::now();
        V.sync();
        glFinish();
        const double ours = std::chrono::duration<double>(clock::now() - t0).count();
        t0 = clock::now();
        std::memcpy(b.data(), a.data(), bytes);
        benchmark::DoNotOptimize(b.data());
        benchmark::ClobberMemory();
        const double copy = std::chrono::duration<double>(clock::now() - t0).count();
        ratios.push_back(copy / ours);
    }
    std::nth_element(ratios.begin(), ratios.begin() + std::ptrdiff_t(ratios.size() / 2), ratios.end());
    state.counters["ours/memcpy"] = ratios.empty() ? 0.0 : ratios[ratios.size() / 2];
}

} // namespace

#define WORKLOAD(name, make)                                                                 \
    BENCHMARK_CAPTURE(frames, name##_ours, make, Strategy::Ours)->Unit(benchmark::kMicrosecond);        \
    BENCHMARK_CAPTURE(frames, name##_glumpy_hull, make, Strategy::Hull)->Unit(benchmark::kMicrosecond); \
    BENCHMARK_CAPTURE(frames, name##_one_call_per_write, make, Strategy::Each)->Unit(benchmark::kMicrosecond); \
    BENCHMARK_CAPTURE(paired, name##_ours_vs_hull, make)->Unit(benchmark::kMicrosecond)

WORKLOAD(Seed, seed);
WORKLOAD(RandomWrites, random_writes);
WORKLOAD(Field, field);
WORKLOAD(Ring, ring);
WORKLOAD(Signal, signal);
BENCHMARK(LargeUploadOnly)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
BENCHMARK(Memcpy)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
BENCHMARK(BandwidthPaired)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
