// Benchmarks of the array layer: what tracking costs next to the same loop without it.
//
// Every workload has a glumpp side ("ours") and a hand-written baseline ("raw") that does
// the same stores with the same values in the same loop shape, into a plain std::vector of
// the same struct. The glumpp side includes everything a user pays for: making the field
// view, the tracked writes, the report of the dirty ranges (Tracker::take(), what an
// uploader calls: it turns the typed view's flags into ranges in the DirtySet, copies the
// ranges out and clears them) and the view's death.
//
// Each workload is measured three ways:
//   <name>/raw/<n>, <name>/ours/<n>  the two sides alone (absolute times);
//   <name>/paired/<n>                raw and ours run back to back in every iteration
//                                    (order alternating), counter `ratio` = median over
//                                    iterations of ours/raw. On a shared VM whose speed
//                                    drifts by 10-20% over seconds, this adjacent-pair
//                                    ratio is the figure we quote.
// RatioReporter prints the table (medians of this one run of the binary) at the end.
//
//   ./build-bench/bench/bench_array --benchmark_repetitions=7 --benchmark_report_aggregates_only=true

#include "RatioReporter.hpp"

#include <glumpp/array.hpp>

#include <benchmark/benchmark.h>
#include <glm/glm.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
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

// The value both sides store for write number k: one int->float conversion and two float
// operations; cheap, and not a constant the compiler could hoist.
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

// Makes a pointer opaque to the optimiser (it cannot assume what the pointer is, so it
// cannot fold stores across iterations). Not benchmark::DoNotOptimize(p): with libbenchmark
// 1.7.1 (its "+m,r" asm constraint) and GCC 12 -O1 and up, that made the loops below read
// through a garbage pointer and crash (seen under ASan at -O1); a plain "+r" does the job.
template <class T>
inline void opaque(T*& p) {
#if defined(__GNUC__)
    asm volatile("" : "+r"(p) : : "memory");
#else
    opaque(p);
#endif
}

// The report an uploader takes after the writes; kept from being optimised away.
void take_report(Array& A) {
    auto ranges = A.tracker().take();
    benchmark::DoNotOptimize(ranges.data());
}

// --- workloads: the same stores on both sides ---------------------------------------------

// Single-element writes of the position field, in order, values computed from i. The
// glumpp side loops to `pos.size()`, as users write it (the view's bounds check then folds
// away); both sides make the same n stores.
struct SeqWrite {
    explicit SeqWrite(std::size_t count) : n(count), v(count), A(Array::zeros<Star>({count})) {}
    void raw() {
        Star* p = v.data();
        opaque(p);
        for (std::size_t i = 0; i < n; ++i) p[i].position = value_at(i, t);
        benchmark::ClobberMemory();
        t += 1;
    }
    void ours() {
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = value_at(i, t);
        take_report(A);
        benchmark::ClobberMemory();
        t += 1;
    }
    std::size_t n;
    std::vector<Star> v;
    Array A;
    float t = 0;
};

// The same loop in a function that takes the view by reference (as a user's update step
// would): the view's members then live in memory, not in registers.
[[gnu::noinline]] void write_positions(glumpp::View<glm::vec2>& pos, float t) {
    for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = value_at(i, t);
}
struct SeqWriteByRef : SeqWrite {
    using SeqWrite::SeqWrite;
    void ours() {
        auto pos = A["position"].as<glm::vec2>();
        write_positions(pos, t);
        take_report(A);
        benchmark::ClobberMemory();
        t += 1;
    }
};

// The same with values copied from a precomputed array (one load and one store per
// element on both sides; the raw loop has little left to vectorise).
struct CopyWrite {
    explicit CopyWrite(std::size_t count)
        : n(count), src(source_positions(count)), v(count), A(Array::zeros<Star>({count})) {}
    void raw() {
        Star* p = v.data();
        const glm::vec2* s = src.data();
        opaque(p);
        opaque(s);
        for (std::size_t i = 0; i < n; ++i) p[i].position = s[i];
        benchmark::ClobberMemory();
    }
    void ours() {
        const glm::vec2* s = src.data();
        opaque(s);
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = s[i];
        take_report(A);
        benchmark::ClobberMemory();
    }
    std::size_t n;
    std::vector<glm::vec2> src;
    std::vector<Star> v;
    Array A;
};

// Diagnostics: the floor of any per-element tracking. The raw loop plus one hand-written
// byte flag per write into a plain array, reported as glumpp does (memchr for the runs,
// memset to clear them), no glumpp code at all. Where the typed view costs what this
// costs, the rest is the price of a flag per element, not of the library.
void hand_report(bool* f, std::size_t n) {
    for (std::size_t i = 0; i < n;) {
        const void* a = std::memchr(f + i, 1, n - i);
        if (!a) break;
        i = static_cast<std::size_t>(static_cast<const bool*>(a) - f);
        const void* b = std::memchr(f + i, 0, n - i);
        const std::size_t j = b ? static_cast<std::size_t>(static_cast<const bool*>(b) - f) : n;
        std::memset(f + i, 0, j - i);
        benchmark::DoNotOptimize(j);
        i = j;
    }
}

// Its own records and flags, as the typed view has the array's.
struct HandFlags {
    explicit HandFlags(std::size_t count) : records(count), flags(new bool[count]()) {}
    std::vector<Star> records;
    std::unique_ptr<bool[]> flags;
};

struct SeqFlagFloor : SeqWrite, HandFlags {
    explicit SeqFlagFloor(std::size_t count) : SeqWrite(count), HandFlags(count) {}
    void ours() {
        Star* p = records.data();
        bool* f = flags.get();
        opaque(p);
        opaque(f);
        for (std::size_t i = 0; i < n; ++i) {
            f[i] = true;
            p[i].position = value_at(i, t);
        }
        hand_report(f, n);
        benchmark::ClobberMemory();
        t += 1;
    }
};

struct CopyFlagFloor : CopyWrite, HandFlags {
    explicit CopyFlagFloor(std::size_t count) : CopyWrite(count), HandFlags(count) {}
    void ours() {
        Star* p = records.data();
        const glm::vec2* s = src.data();
        bool* f = flags.get();
        opaque(p);
        opaque(s);
        opaque(f);
        for (std::size_t i = 0; i < n; ++i) {
            f[i] = true;
            p[i].position = s[i];
        }
        hand_report(f, n);
        benchmark::ClobberMemory();
    }
};

// Range-for over the typed view (the other idiom for whole-view writes): each dereference
// marks its element, as operator[] does. Raw side as SeqWrite.
struct RangeFor : SeqWrite {
    using SeqWrite::SeqWrite;
    void ours() {
        auto pos = A["position"].as<glm::vec2>();
        std::size_t i = 0;
        for (glm::vec2& p : pos) p = value_at(i++, t);
        take_report(A);
        benchmark::ClobberMemory();
        t += 1;
    }
};

// Single-element writes in random order (with repeats): the report finds many short runs
// of flags, each a range for the DirtySet to merge under its cap.
struct RandWrite {
    explicit RandWrite(std::size_t count)
        : n(count), idx(random_indices(count, count)), v(count), A(Array::zeros<Star>({count})) {}
    void raw() {
        Star* p = v.data();
        opaque(p);
        for (std::size_t k = 0; k < n; ++k) p[idx[k]].position = value_at(k, t);
        benchmark::ClobberMemory();
        t += 1;
    }
    void ours() {
        auto pos = A["position"].as<glm::vec2>();
        for (std::size_t k = 0; k < n; ++k) pos[idx[k]] = value_at(k, t);
        auto ranges = A.tracker().take();
        reported = ranges.size();
        benchmark::DoNotOptimize(ranges.data());
        benchmark::ClobberMemory();
        t += 1;
    }
    std::size_t n;
    std::vector<std::uint32_t> idx;
    std::vector<Star> v;
    Array A;
    float t = 0;
    std::size_t reported = 0;
};

// The type-erased path, glumpy's V["position"][i] = (x, y). Raw side as SeqWrite.
struct ErasedWrite : SeqWrite {
    using SeqWrite::SeqWrite;
    void ours() {
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec2 x = value_at(i, t);
            A["position"].view({static_cast<std::int64_t>(i)}).assign({x.x, x.y});
        }
        take_report(A);
        benchmark::ClobberMemory();
        t += 1;
    }
};

// Both sides of a fill: the same records, one field set to 1 everywhere.
struct Fill {
    explicit Fill(std::size_t count) : n(count), v(count), A(Array::zeros<Star>({count})) {}
    std::size_t n;
    std::vector<Star> v;
    Array A;
};

struct FillPosition : Fill {
    using Fill::Fill;
    void raw() {
        Star* p = v.data();
        opaque(p);
        for (std::size_t i = 0; i < n; ++i) p[i].position = glm::vec2(1.0f, 1.0f);
        benchmark::ClobberMemory();
    }
    void ours() {
        A["position"].fill(1.0);
        take_report(A);
        benchmark::ClobberMemory();
    }
};

struct FillSize : Fill {
    using Fill::Fill;
    void raw() {
        Star* p = v.data();
        opaque(p);
        for (std::size_t i = 0; i < n; ++i) p[i].size = 1.0f;
        benchmark::ClobberMemory();
    }
    void ours() {
        A["size"].fill(1.0);
        take_report(A);
        benchmark::ClobberMemory();
    }
};

// The raw side is CopyWrite's loop; ours is one type-erased assign of the whole field.
struct AssignPosition : CopyWrite {
    explicit AssignPosition(std::size_t count) : CopyWrite(count), src_array(Array::from(src)) {}
    void ours() {
        A["position"].assign(src_array); // (n, 2) float32, contiguous
        take_report(A);
        benchmark::ClobberMemory();
    }
    Array src_array;
};

struct AssignSize {
    explicit AssignSize(std::size_t count)
        : n(count), src(source_sizes(count)), src_array(Array::from(src)), v(count), A(Array::zeros<Star>({count})) {}
    void raw() {
        Star* p = v.data();
        const float* s = src.data();
        opaque(p);
        opaque(s);
        for (std::size_t i = 0; i < n; ++i) p[i].size = s[i];
        benchmark::ClobberMemory();
    }
    void ours() {
        A["size"].assign(src_array); // (n,) float32, contiguous
        take_report(A);
        benchmark::ClobberMemory();
    }
    std::size_t n;
    std::vector<float> src;
    Array src_array;
    std::vector<Star> v;
    Array A;
};

// --- how each workload is run -----------------------------------------------------------

void per_element(benchmark::State& state, std::size_t n) {
    state.counters["per_elem"] = benchmark::Counter(
        static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

template <class W>
void run_raw(benchmark::State& state, std::size_t n) {
    W w(n);
    for (auto _ : state) w.raw();
    per_element(state, n);
}

template <class W>
void run_ours(benchmark::State& state, std::size_t n) {
    W w(n);
    for (auto _ : state) w.ours();
    per_element(state, n);
    if constexpr (requires { w.reported; }) {
        // Bounded bookkeeping: after n random writes the report is at most `cap` ranges.
        state.counters["ranges"] = static_cast<double>(w.reported);
        state.counters["cap"] = static_cast<double>(w.A.tracker().cap());
    }
}

// Raw and ours back to back in every iteration (order alternating); counter `ratio` is the
// median of ours/raw over the iterations.
template <class W>
void run_paired(benchmark::State& state, std::size_t n) {
    using clock = std::chrono::steady_clock;
    W w(n);
    std::vector<double> ratios, raw_ns, ours_ns;
    bool raw_first = true;
    for (auto _ : state) {
        double a = 0, b = 0;
        for (int side = 0; side < 2; ++side) {
            const bool raw = (side == 0) == raw_first;
            // Once untimed, then timed: each side is measured with its own data in cache,
            // as in the separate benchmarks, not just after the other side evicted it.
            raw ? w.raw() : w.ours();
            const auto t0 = clock::now();
            raw ? w.raw() : w.ours();
            const double ns = std::chrono::duration<double, std::nano>(clock::now() - t0).count();
            (raw ? a : b) = ns;
        }
        raw_first = !raw_first;
        ratios.push_back(b / a);
        raw_ns.push_back(a / static_cast<double>(n));
        ours_ns.push_back(b / static_cast<double>(n));
    }
    auto median = [](std::vector<double>& v) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        const std::size_t m = v.size();
        return m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
    };
    state.counters["ratio"] = median(ratios);
    state.counters["raw_ns"] = median(raw_ns);
    state.counters["ours_ns"] = median(ours_ns);
}

// Diagnostic: the raw in-order loop with auto-vectorisation turned off, to tell what SIMD
// gives the raw loop from what tracking costs (both loops are vectorised by GCC).
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
        opaque(p);
        GLUMPP_BENCH_NOVEC_LOOP
        for (std::size_t i = 0; i < n; ++i) p[i].position = value_at(i, t);
        benchmark::ClobberMemory();
        t += 1;
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
    benchmark::RegisterBenchmark(name(what, n).c_str(), [fn, n](benchmark::State& s) {
        fn(s, n);
    })->Unit(benchmark::kMicrosecond);
}

// Registers raw, ours and paired for one workload, and its row in the ratio table.
template <class W>
void workload(std::vector<glumpp::bench::Comparison>& rows, const std::string& what, std::size_t n,
              const std::string& label, double limit, const std::string& requirement, bool with_raw = true) {
    if (with_raw) add(what + "/raw", n, run_raw<W>);
    add(what + "/ours", n, run_ours<W>);
    add(what + "/paired", n, run_paired<W>);
    rows.push_back({label, name(what + "/ours", n), name(what + "/raw", n), name(what + "/paired", n),
                    static_cast<double>(n), limit, requirement});
}

} // namespace

int main(int argc, char** argv) {
    std::vector<glumpp::bench::Comparison> rows;
    // In order at three sizes: 1.5 MB (the galaxy, in cache), 24 MB (just past the last-level
    // cache: on the 2-core VM of BENCHMARKS.md a raw loop slows from 12 MB on) and 96 MB
    // (main memory).
    for (std::size_t n : {galaxy, million, 4 * million}) {
        const std::string records = n == galaxy ? "61,650" : n == million ? "1e6" : "4e6";
        workload<SeqWrite>(rows, "write_seq", n, "typed-view write, in order, " + records + " records", 1.3, "<= 1.3x");
        workload<SeqWriteByRef>(rows, "write_seq_byref", n,
                                "typed-view write, in order, view by reference, " + records + " records", 1.3,
                                "<= 1.3x", false);
        rows.back().baseline = name("write_seq/raw", n);
        workload<SeqFlagFloor>(rows, "write_seq_flag_floor", n,
                               "diagnostic: raw loop + hand-written byte flag per write, " + records, 0, "-", false);
        rows.back().baseline = name("write_seq/raw", n);
        if (n == 4 * million) continue;
        workload<CopyWrite>(rows, "write_copy", n, "typed-view write of copied values, " + records + " records", 1.3,
                            "<= 1.3x");
        workload<CopyFlagFloor>(rows, "write_copy_flag_floor", n,
                                "diagnostic: raw copy loop + hand-written byte flag per write, " + records, 0, "-", false);
        rows.back().baseline = name("write_copy/raw", n);
    }
    for (std::size_t n : {galaxy, million}) {
        const std::string records = n == galaxy ? "61,650" : "1e6";
        workload<RangeFor>(rows, "write_range_for", n, "range-for over the typed view, " + records, 1.3, "<= 1.3x",
                           false);
        rows.back().baseline = name("write_seq/raw", n);
        add("write_seq/raw_novec", n, write_seq_raw_novec);
        rows.push_back({"diagnostic: typed-view write vs raw loop not vectorised, " + records,
                        name("write_seq/ours", n), name("write_seq/raw_novec", n), "", static_cast<double>(n), 0, "-"});
    }
    for (std::size_t n : {galaxy, million}) {
        const std::string records = n == galaxy ? "61,650 writes" : "1e6 writes";
        workload<RandWrite>(rows, "write_rand", n, "typed-view write, random order, " + records, 0, "ns per write");
    }
    workload<ErasedWrite>(rows, "write_erased", galaxy, "type-erased A[\"position\"].view({i}).assign({x, y})", 0,
                          "glumpy: 15-23 us/write", false);
    rows.back().baseline = name("write_seq/raw", galaxy);
    workload<FillPosition>(rows, "fill_position", million, "A[\"position\"].fill(1.0), 1e6 records", 1.1, "<= 1.1x");
    workload<AssignPosition>(rows, "assign_position", million, "A[\"position\"].assign(src (1e6,2) f4), 1e6 records",
                             1.1, "<= 1.1x");
    workload<FillSize>(rows, "fill_size", million, "A[\"size\"].fill(1.0), 1e6 records", 1.1, "<= 1.1x");
    workload<AssignSize>(rows, "assign_size", million, "A[\"size\"].assign(src (1e6,) f4), 1e6 records", 1.1,
                         "<= 1.1x");
    add("dirtyset_random_add", million, dirtyset_random_add);

    glumpp::bench::RatioReporter reporter(rows, {name("write_rand/ours", galaxy), name("write_rand/ours", million),
                                                 name("dirtyset_random_add", million)});

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
