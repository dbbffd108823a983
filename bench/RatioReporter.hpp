#pragma once
// RatioReporter: the console output of Google Benchmark, followed by a table of
// "ours / baseline" ratios computed from ONE run of the binary.
//
// Ratios taken from two different runs on a noisy 2-vCPU VM are meaningless (the
// machine's speed drifts by more than the differences we care about); ratios taken in
// one run are what BENCHMARKS.md quotes. Two are printed per row:
//   - "ratio of medians": median CPU time of the ours benchmark / median of the baseline
//     benchmark (CPU time: the benchmarks are single-threaded, and on a shared VM the
//     wall clock also counts time other processes held the core);
//   - "paired": the median of the `ratio` counter of a benchmark that runs both sides
//     back to back in every iteration (see bench_array.cpp). Adjacent pairs cancel the
//     slow drift of a shared machine, so when present this decides PASS/FAIL.
//
//   std::vector<Comparison> c = {{"tracked write", "write/ours/61650", "write/raw/61650",
//                                 "write/paired/61650", 61650, 1.3, "<= 1.3x"}};
//   RatioReporter reporter(c, {"dirtyset_random_add/1000000"});
//   benchmark::RunSpecifiedBenchmarks(&reporter);
//
// Names are registered benchmark names (`run_name.function_name`: no aggregate suffix).
// With --benchmark_repetitions=N (N > 1) the "median" aggregates are used; without, the
// median of the runs seen (one run: its value).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace glumpp::bench {

struct Comparison {
    std::string label;    ///< what the row measures, for humans
    std::string ours;     ///< benchmark name of the glumpp side
    std::string baseline; ///< benchmark name of the hand-written side
    std::string paired;   ///< benchmark with a `ratio` counter (ours/baseline back to back); may be empty
    double elements = 1;  ///< elements per iteration (for ns per element)
    double limit = 0;     ///< pass iff ratio <= limit; 0 = informational row
    std::string requirement;
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
    RatioReporter(std::vector<Comparison> comparisons, std::vector<std::string> counter_rows)
        : benchmark::ConsoleReporter(OO_Tabular), comparisons_(std::move(comparisons)),
          counter_rows_(std::move(counter_rows)) {}

    void ReportRuns(const std::vector<Run>& reports) override {
        benchmark::ConsoleReporter::ReportRuns(reports);
        for (const Run& r : reports) {
            if (r.error_occurred) continue;
            const std::string name = r.run_name.function_name; // the registered name
            if (r.run_type == Run::RT_Aggregate) {
                if (r.aggregate_name == "median") {
                    medians_[name] = to_ns(r.GetAdjustedCPUTime(), r.time_unit);
                    median_counters_[name] = r.counters;
                }
            } else {
                samples_[name].push_back(to_ns(r.GetAdjustedCPUTime(), r.time_unit));
                for (const auto& [key, counter] : r.counters) counter_samples_[name][key].push_back(counter.value);
                last_counters_[name] = r.counters;
            }
        }
    }

    void Finalize() override {
        benchmark::ConsoleReporter::Finalize();
        std::FILE* out = stdout;
        std::fflush(out);
        std::fprintf(out,
                     "\nRatios from this run (ratio = ours / baseline; ns/elem and \"of medians\" from median CPU\n"
                     "times; \"paired\" = median of back-to-back pairs, decides the result when present)\n\n");
        std::fprintf(
            out, "| workload | ours ns/elem | baseline ns/elem | ratio of medians | paired | requirement | result |\n");
        std::fprintf(out, "| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (const Comparison& c : comparisons_) {
            const double a = time_of(c.ours), b = time_of(c.baseline);
            const double paired = c.paired.empty() ? -1 : counter_of(c.paired, "ratio");
            const double ratio = a > 0 && b > 0 ? a / b : -1;
            const double decisive = paired > 0 ? paired : ratio;
            const char* result = decisive < 0  ? "not run"
                                 : c.limit > 0 ? (decisive <= c.limit ? "PASS" : "FAIL")
                                               : "info";
            std::fprintf(out, "| %s | %s | %s | %s | %s | %s | %s |\n", c.label.c_str(), fmt(a / c.elements).c_str(),
                         fmt(b / c.elements).c_str(), fmt_ratio(ratio).c_str(), fmt_ratio(paired).c_str(),
                         c.requirement.c_str(), result);
        }
        bool header = false;
        for (const std::string& name : counter_rows_) {
            const benchmark::UserCounters* counters = nullptr;
            if (auto it = median_counters_.find(name); it != median_counters_.end())
                counters = &it->second;
            else if (auto jt = last_counters_.find(name); jt != last_counters_.end())
                counters = &jt->second;
            if (!counters) continue;
            if (!header) {
                std::fprintf(out, "\nCounters (median over repetitions)\n\n");
                header = true;
            }
            std::fprintf(out, "%s:", name.c_str());
            for (const auto& [key, counter] : *counters) {
                if (counter.flags & benchmark::Counter::kInvert)
                    std::fprintf(out, " %s=%.3gns", key.c_str(), counter.value * 1e9);
                else
                    std::fprintf(out, " %s=%.6g", key.c_str(), counter.value);
            }
            std::fprintf(out, "\n");
        }
        std::fflush(out);
    }

private:
    static double to_ns(double t, benchmark::TimeUnit unit) { return t * 1e9 / benchmark::GetTimeUnitMultiplier(unit); }

    static double median(std::vector<double> v) {
        if (v.empty()) return -1;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    double time_of(const std::string& name) const {
        if (auto it = medians_.find(name); it != medians_.end()) return it->second;
        auto jt = samples_.find(name);
        return jt == samples_.end() ? -1 : median(jt->second);
    }

    double counter_of(const std::string& name, const std::string& key) const {
        if (auto it = median_counters_.find(name); it != median_counters_.end()) {
            if (auto c = it->second.find(key); c != it->second.end()) return c->second.value;
        }
        auto jt = counter_samples_.find(name);
        if (jt == counter_samples_.end()) return -1;
        auto c = jt->second.find(key);
        return c == jt->second.end() ? -1 : median(c->second);
    }

    static std::string fmt(double ns) {
        if (ns < 0) return "-";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3g", ns);
        return buf;
    }

    static std::string fmt_ratio(double r) {
        if (r < 0) return "-";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2fx", r);
        return buf;
    }

    std::vector<Comparison> comparisons_;
    std::vector<std::string> counter_rows_;
    std::map<std::string, double> medians_;
    std::map<std::string, std::vector<double>> samples_;
    std::map<std::string, benchmark::UserCounters> median_counters_;
    std::map<std::string, benchmark::UserCounters> last_counters_;
    std::map<std::string, std::map<std::string, std::vector<double>>> counter_samples_;
};

} // namespace glumpp::bench
