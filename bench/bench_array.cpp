// Benchmarks of the array layer: what tracking costs next to the same loop without it.
//
// Every "ours" benchmark pairs with a hand-written baseline that does the same stores with
// the same values in the same loop shape, into a plain std::vector of the same struct. The
// glumpp side includes everything a user pays for: making the field view, the tracked
// writes, and the report of the dirty ranges (Tracker::take(), what an uploader calls;
// it flushes the typed view's run into the DirtySet, copies the ranges out and clears).
//
// After the benchmark output, RatioReporter prints ours/baseline ratios from the medians
// of this one run of the binary, against the requirements (see BENCHMARKS.md).
//
//   ./build-bench/bench/bench_array --benchmark_repetitions=7 --benchmark_report_aggregates_only=true

#include "RatioReporter.hpp"

#include <glumpp/array.hpp>

#include <benchmark/benchmark.h>
#include <glm/glm.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace demo {
// The galaxy's star: 24-byte records, six float32 (glumpy's galaxy demo, 61,650 of them).
struct Star {
    glm::vec2 position;
    float size;
    float type;
    float temperature;
    float brightness;
};
GLUMPP_DTYPE(Star, position, size, type, temperature, brightness);
static_assert(sizeof(Star) == 24);
} // namespace demo

namespace {

using demo::Star;
using glumpp::Array;
using glumpp::ByteRange;
using glumpp::DirtySet;

constexpr std::size_t galaxy = 61650;
constexpr std::size_t million = 1000000;

// The value both sides store for write number k (cheap, not a constant, not vectorised
// away differently: one int->float conversion and two float ops).
inline glm::vec2 value_at(std::size_t k, float t) {
    const float x = static_cast<float>(static_cast<std::int32_t>(k));
    return {x + t, x * 0.5f - t};
}

std::vector<std::uint32_t> random_indices(std::size_t count, std::size_t n) {
    std::mt19937_64 rng(12345);
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(n - 1));
    std::vector<std::uint32_t> out(count);
    for (auto& i : out) i = pick(rng);
    return out;
}

std::vector<glm::vec2> source_positions(std::size_t n);

void per_element(benchmark::State& state, std::size_t n) {
    state.counters["per_elem"] =
        benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

// --- single-element writes, in order -----------------------------------------------------

void write_seq_raw(benchmark::State& state, std::size_t n) {
    std::vector<Star> v(n);
    float t = 0;
    for (auto _ : state) {
        Star* p = v.data();
        benchmark::DoNotOptimize(p);
        for (std::size_t i = 0; i < n; ++i) p[i].position = value_at(i, t);
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

void write_seq_view(benchmark::State& state, std::size_t n) {
    Array A = Array::zeros<Star>({n});
    float t = 0;
    for (auto _ : state) {
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t i = 0; i < n; ++i) pos[i] = value_at(i, t);
        auto ranges = A.tracker().take(); // flush the run, report, clear
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

// Diagnostic: the raw loop with auto-vectorisation turned off. The tracked loop cannot be
// vectorised (a bounds check and a run check per element, with calls on their cold
// paths), the raw one can; this splits "lost SIMD" from "bookkeeping".
#if defined(__clang__)
#define GLUMPP_BENCH_NOVEC_FN
#define GLUMPP_BENCH_NOVEC_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#elif defined(__GNUC__)
#define GLUMPP_BENCH_NOVEC_FN __attribute__((optimize("no-tree-vectorize")))
#define GLUMPP_BENCH_NOVEC_LOOP
#else
#define GLUMPP_BENCH_NOVEC_FN
#define GLUMPP_BENCH_NOVEC_LOOP
#endif

GLUMPP_BENCH_NOVEC_FN void write_seq_raw_novec(benchmark::State& state, std::size_t n) {
    std::vector<Star> v(n);
    float t = 0;
    for (auto _ : state) {
        Star* p = v.data();
        benchmark::DoNotOptimize(p);
        GLUMPP_BENCH_NOVEC_LOOP
        for (std::size_t i = 0; i < n; ++i) p[i].position = value_at(i, t);
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

// The same writes with values copied from a precomputed array (one load and one store per
// element on both sides; the raw loop has little left to vectorise).
void write_copy_raw(benchmark::State& state, std::size_t n) {
    const auto src = source_positions(n);
    std::vector<Star> v(n);
    for (auto _ : state) {
        Star* p = v.data();
        const glm::vec2* s = src.data();
        benchmark::DoNotOptimize(p);
        benchmark::DoNotOptimize(s);
        for (std::size_t i = 0; i < n; ++i) p[i].position = s[i];
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void write_copy_view(benchmark::State& state, std::size_t n) {
    const auto src = source_positions(n);
    Array A = Array::zeros<Star>({n});
    for (auto _ : state) {
        const glm::vec2* s = src.data();
        benchmark::DoNotOptimize(s);
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t i = 0; i < n; ++i) pos[i] = s[i];
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

// Range-for over the typed view: begin() marks the whole view once, then the loop is
// an untracked strided walk (informational: the other idiom for whole-view writes).
void write_seq_view_range_for(benchmark::State& state, std::size_t n) {
    Array A = Array::zeros<Star>({n});
    float t = 0;
    for (auto _ : state) {
        auto pos = A["position"].as<glm::vec2>();
        std::size_t i = 0;
        for (glm::vec2& p : pos) p = value_at(i++, t);
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

// --- single-element writes, random order -------------------------------------------------

void write_rand_raw(benchmark::State& state, std::size_t n) {
    const auto idx = random_indices(n, n);
    std::vector<Star> v(n);
    float t = 0;
    for (auto _ : state) {
        Star* p = v.data();
        benchmark::DoNotOptimize(p);
        for (std::size_t k = 0; k < n; ++k) p[idx[k]].position = value_at(k, t);
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

void write_rand_view(benchmark::State& state, std::size_t n) {
    const auto idx = random_indices(n, n);
    Array A = Array::zeros<Star>({n});
    float t = 0;
    std::size_t reported = 0;
    for (auto _ : state) {
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t k = 0; k < n; ++k) pos[idx[k]] = value_at(k, t);
        auto ranges = A.tracker().take();
        reported = ranges.size();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
    // Bounded bookkeeping: after n random writes the report is at most `cap` ranges.
    state.counters["ranges"] = static_cast<double>(reported);
    state.counters["cap"] = static_cast<double>(A.tracker().cap());
}

// --- the type-erased path (glumpy's V["position"][i] = (x, y)) ---------------------------

void write_erased(benchmark::State& state, std::size_t n) {
    Array A = Array::zeros<Star>({n});
    float t = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec2 v = value_at(i, t);
            A["position"].view({static_cast<std::int64_t>(i)}).assign({v.x, v.y});
        }
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
        t += 1;
    }
    per_element(state, n);
}

// --- whole-field fill and assign over 1e6 records ----------------------------------------

void fill_position_raw(benchmark::State& state, std::size_t n) {
    std::vector<Star> v(n);
    for (auto _ : state) {
        Star* p = v.data();
        benchmark::DoNotOptimize(p);
        for (std::size_t i = 0; i < n; ++i) p[i].position = glm::vec2(1.0f, 1.0f);
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void fill_position_ours(benchmark::State& state, std::size_t n) {
    Array A = Array::zeros<Star>({n});
    for (auto _ : state) {
        A["position"].fill(1.0);
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void fill_size_raw(benchmark::State& state, std::size_t n) {
    std::vector<Star> v(n);
    for (auto _ : state) {
        Star* p = v.data();
        benchmark::DoNotOptimize(p);
        for (std::size_t i = 0; i < n; ++i) p[i].size = 1.0f;
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void fill_size_ours(benchmark::State& state, std::size_t n) {
    Array A = Array::zeros<Star>({n});
    for (auto _ : state) {
        A["size"].fill(1.0);
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

std::vector<glm::vec2> source_positions(std::size_t n) {
    std::vector<glm::vec2> s(n);
    for (std::size_t i = 0; i < n; ++i) s[i] = value_at(i, 0.25f);
    return s;
}

std::vector<float> source_sizes(std::size_t n) {
    std::vector<float> s(n);
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<float>(i % 97) * 0.5f;
    return s;
}

void assign_position_raw(benchmark::State& state, std::size_t n) {
    const auto src = source_positions(n);
    std::vector<Star> v(n);
    for (auto _ : state) {
        Star* p = v.data();
        const glm::vec2* s = src.data();
        benchmark::DoNotOptimize(p);
        benchmark::DoNotOptimize(s);
        for (std::size_t i = 0; i < n; ++i) p[i].position = s[i];
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void assign_position_ours(benchmark::State& state, std::size_t n) {
    const Array src = Array::from(source_positions(n)); // (n, 2) float32, contiguous
    Array A = Array::zeros<Star>({n});
    for (auto _ : state) {
        A["position"].assign(src);
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void assign_size_raw(benchmark::State& state, std::size_t n) {
    const auto src = source_sizes(n);
    std::vector<Star> v(n);
    for (auto _ : state) {
        Star* p = v.data();
        const float* s = src.data();
        benchmark::DoNotOptimize(p);
        benchmark::DoNotOptimize(s);
        for (std::size_t i = 0; i < n; ++i) p[i].size = s[i];
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

void assign_size_ours(benchmark::State& state, std::size_t n) {
    const Array src = Array::from(source_sizes(n)); // (n,) float32, contiguous
    Array A = Array::zeros<Star>({n});
    for (auto _ : state) {
        A["size"].assign(src);
        auto ranges = A.tracker().take();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
    }
    per_element(state, n);
}

// --- bounded bookkeeping: the DirtySet alone under 1e6 random writes ----------------------

void dirtyset_random_add(benchmark::State& state, std::size_t n) {
    const auto idx = random_indices(n, n);
    std::vector<ByteRange> writes(n);
    for (std::size_t k = 0; k < n; ++k) writes[k] = {idx[k] * sizeof(Star), idx[k] * sizeof(Star) + 8};
    DirtySet set; // default cap
    for (auto _ : state) {
        set.clear();
        for (const ByteRange& r : writes) set.add(r);
        benchmark::DoNotOptimize(set.ranges().data());
    }
    per_element(state, n);
    // Untimed check of the bound along the way, not only at the end.
    DirtySet check;
    std::size_t most = 0;
    for (const ByteRange& r : writes) {
        check.add(r);
        most = std::max(most, check.ranges().size());
    }
    state.counters["ranges"] = static_cast<double>(set.ranges().size());
    state.counters["max_ranges"] = static_cast<double>(most);
    state.counters["cap"] = static_cast<double>(set.cap());
    state.counters["vector_bytes"] = static_cast<double>(check.ranges().capacity() * sizeof(ByteRange));
    state.counters["covered_fraction"] =
        static_cast<double>(set.covered_bytes()) / static_cast<double>(n * sizeof(Star));
}

std::string name(const std::string& what, std::size_t n) { return what + "/" + std::to_string(n); }

template <class Fn>
void add(const std::string& what, std::size_t n, Fn fn) {
    benchmark::RegisterBenchmark(name(what, n).c_str(), [fn, n](benchmark::State& s) { fn(s, n); })
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
}

} // namespace

int main(int argc, char** argv) {
    using glumpp::bench::Comparison;
    for (std::size_t n : {galaxy, million}) {
        add("write_seq/raw", n, write_seq_raw);
        add("write_seq/view", n, write_seq_view);
        add("write_seq/raw_novec", n, write_seq_raw_novec);
        add("write_seq/view_range_for", n, write_seq_view_range_for);
        add("write_copy/raw", n, write_copy_raw);
        add("write_copy/view", n, write_copy_view);
    }
    for (std::size_t n : {galaxy, million}) {
        add("write_rand/raw", n, write_rand_raw);
        add("write_rand/view", n, write_rand_view);
    }
    add("write_erased", galaxy, write_erased);
    add("fill_position/raw", million, fill_position_raw);
    add("fill_position/ours", million, fill_position_ours);
    add("assign_position/raw", million, assign_position_raw);
    add("assign_position/ours", million, assign_position_ours);
    add("fill_size/raw", million, fill_size_raw);
    add("fill_size/ours", million, fill_size_ours);
    add("assign_size/raw", million, assign_size_raw);
    add("assign_size/ours", million, assign_size_ours);
    add("dirtyset_random_add", million, dirtyset_random_add);

    const double g = galaxy, m = million;
    std::vector<Comparison> rows = {
        {"typed-view write, in order, 61,650 records (+ view, + take())", name("write_seq/view", galaxy),
         name("write_seq/raw", galaxy), g, 1.3, "<= 1.3x"},
        {"typed-view write, in order, 1e6 records (+ view, + take())", name("write_seq/view", million),
         name("write_seq/raw", million), m, 1.3, "<= 1.3x"},
        {"typed-view write, copied values, 61,650 records", name("write_copy/view", galaxy),
         name("write_copy/raw", galaxy), g, 1.3, "<= 1.3x"},
        {"typed-view write, copied values, 1e6 records", name("write_copy/view", million),
         name("write_copy/raw", million), m, 1.3, "<= 1.3x"},
        {"range-for over typed view (marks all once), 61,650", name("write_seq/view_range_for", galaxy),
         name("write_seq/raw", galaxy), g, 0, "-"},
        {"range-for over typed view (marks all once), 1e6", name("write_seq/view_range_for", million),
         name("write_seq/raw", million), m, 0, "-"},
        {"diagnostic: typed-view write vs raw not vectorised, 61,650", name("write_seq/view", galaxy),
         name("write_seq/raw_novec", galaxy), g, 0, "-"},
        {"diagnostic: typed-view write vs raw not vectorised, 1e6", name("write_seq/view", million),
         name("write_seq/raw_novec", million), m, 0, "-"},
        {"typed-view write, random order, 61,650 writes", name("write_rand/view", galaxy),
         name("write_rand/raw", galaxy), g, 0, "report per write"},
        {"typed-view write, random order, 1e6 writes", name("write_rand/view", million),
         name("write_rand/raw", million), m, 0, "report per write"},
        {"type-erased A[\"position\"].view({i}).assign({x, y})", name("write_erased", galaxy),
         name("write_seq/raw", galaxy), g, 0, "glumpy: 15-23 us/write"},
        {"A[\"position\"].fill(1.0), 1e6 records", name("fill_position/ours", million),
         name("fill_position/raw", million), m, 1.1, "<= 1.1x"},
        {"A[\"position\"].assign(src (1e6,2) f4), 1e6 records", name("assign_position/ours", million),
         name("assign_position/raw", million), m, 1.1, "<= 1.1x"},
        {"A[\"size\"].fill(1.0), 1e6 records", name("fill_size/ours", million), name("fill_size/raw", million), m,
         1.1, "<= 1.1x"},
        {"A[\"size\"].assign(src (1e6,) f4), 1e6 records", name("assign_size/ours", million),
         name("assign_size/raw", million), m, 1.1, "<= 1.1x"},
    };
    glumpp::bench::RatioReporter reporter(
        rows, {name("write_rand/view", galaxy), name("write_rand/view", million), name("dirtyset_random_add", million)});

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
