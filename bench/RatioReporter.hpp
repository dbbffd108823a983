#pragma once
// RatioReporter: the console output of Google Benchmark, followed by a table of
// "ours / baseline" ratios computed from the medians of ONE run of the binary.
//
// Ratios taken from two different runs on a noisy 2-vCPU VM are meaningless (the
// machine's speed drifts by more than the differences we care about); ratios of medians
// taken side by side in one run are what BENCHMARKS.md quotes.
//
//   std::vector<Comparison> c = {{"tracked write", "write/view/61650", "write/raw/61650", 61650, 1.3, "<= 1.3x"}};
//   RatioReporter reporter(c, {"dirtyset/random_add/1000000"});
//   benchmark::RunSpecifiedBenchmarks(&reporter);
//
// Names are registered benchmark names (`run_name.function_name`: no /real_time, no
// aggregate suffix). With
// --benchmark_repetitions=N (N > 1) the "median" aggregate is used; without, the median
// of the runs seen (one run: its time).

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
                    medians_[name] = to_ns(r.GetAdjustedRealTime(), r.time_unit);
                    median_counters_[name] = r.counters;
                }
            } else {
                samples_[name].push_back(to_ns(r.GetAdjustedRealTime(), r.time_unit));
                if (!median_counters_.count(name)) last_counters_[name] = r.counters;
            }
        }
    }

    void Finalize() override {
        benchmark::ConsoleReporter::Finalize();
        std::FILE* out = stdout;
        std::fflush(out);
        std::fprintf(out, "\nRatios from medians of this run (real time; ratio = ours / baseline)\n\n");
        std::fprintf(out, "| workload | ours ns/elem | baseline ns/elem | ratio | requirement | result |\n");
        std::fprintf(out, "| --- | ---: | ---: | ---: | --- | --- |\n");
        for (const Comparison& c : comparisons_) {
            const double a = time_of(c.ours), b = time_of(c.baseline);
            if (a < 0 || b < 0) {
                std::fprintf(out, "| %s | %s | %s | - | %s | not run |\n", c.label.c_str(), fmt(a, c.elements).c_str(),
                             fmt(b, c.elements).c_str(), c.requirement.c_str());
                continue;
            }
            const double ratio = a / b;
            const char* result = c.limit > 0 ? (ratio <= c.limit ? "PASS" : "FAIL") : "info";
            std::fprintf(out, "| %s | %s | %s | %.2fx | %s | %s |\n", c.label.c_str(), fmt(a, c.elements).c_str(),
                         fmt(b, c.elements).c_str(), ratio, c.requirement.c_str(), result);
        }
        bool header = false;
        for (const std::string& name : counter_rows_) {
            const benchmark::UserCounters* counters = nullptr;
            if (auto it = median_counters_.find(name); it != median_counters_.end()) counters = &it->second;
            else if (auto jt = last_counters_.find(name); jt != last_counters_.end()) counters = &jt->second;
            if (!counters) continue;
            if (!header) {
                std::fprintf(out, "\nCounters (median run)\n\n");
                header = true;
            }
            std::fprintf(out, "%s:", name.c_str());
            for (const auto& [key, counter] : *counters) {
                const bool per_elem = (counter.flags & benchmark::Counter::kInvert) != 0;
                if (per_elem) std::fprintf(out, " %s=%.3gns", key.c_str(), counter.value * 1e9);
                else std::fprintf(out, " %s=%.6g", key.c_str(), counter.value);
            }
            std::fprintf(out, "\n");
        }
        std::fflush(out);
    }

private:
    static double to_ns(double t, benchmark::TimeUnit unit) { return t * 1e9 / benchmark::GetTimeUnitMultiplier(unit); }

    double time_of(const std::string& name) const {
        if (auto it = medians_.find(name); it != medians_.end()) return it->second;
        auto jt = samples_.find(name);
        if (jt == samples_.end() || jt->second.empty()) return -1;
        std::vector<double> v = jt->second;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static std::string fmt(double ns, double elements) {
        if (ns < 0) return "-";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3g", ns / elements);
        return buf;
    }

    std::vector<Comparison> comparisons_;
    std::vector<std::string> counter_rows_;
    std::map<std::string, double> medians_;
    std::map<std::string, std::vector<double>> samples_;
    std::map<std::string, benchmark::UserCounters> median_counters_;
    std::map<std::string, benchmark::UserCounters> last_counters_;
};

} // namespace glumpp::bench
