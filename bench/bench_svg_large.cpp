// Large SVG documents (issue 15): Document::load's time and peak memory on generated
// files of about a million path commands, with rsvg-convert (librsvg + cairo, rendering
// to a 256x256 PNG) measured in the same run as the baseline.
//
//   bench_svg_large [benchmark flags]        the benchmarks below, then a ratio table
//   bench_svg_large --write DIR              writes the three documents to DIR (for
//                                            /usr/bin/time, perf, the tiger demo)
//   bench_svg_large --load FILE              loads FILE once and prints its counts (the
//                                            child whose peak memory is measured)
//   bench_svg_large --measure OUT CMD...     runs CMD, writes its CPU s, peak kB, status
//
// The documents (deterministic, 256x256 pixels, viewBox 0 0 1000 1000 but one_path's 4000):
//  - one_path:    one filled path of 1e6 commands (L C Q A, relative), as 20,000 closed
//                 square sub-paths of 50 commands (no self-intersection, so that
//                 tessellating it is a fair test), 8.6 MB of d: under libxml2's 10 MB;
//  - small_paths: 1e5 paths of 5 commands (M l c l z), each its own fill color;
//  - spread:      1e6 commands over 1e4 paths of 100, filled and stroked.
// Times: load/ours/NAME is Document::load in this process (CPU time); load/paired/NAME
// spawns `bench_svg_large --load FILE` and rsvg-convert back to back in each repetition,
// and its `ratio` counter is ours / rsvg's CPU time (user + system from wait4: on a
// shared 2-core machine the wall clock mostly measures the other processes; process start
// and file read included on both sides; rsvg-convert also renders, to a 256x256 PNG).
// Peak memory: each child's ru_maxrss, measured by a fork()ing `--measure` helper so that
// it is the child's own (see measure()): counters ours_MB, rsvg_MB and MB_ratio.
#include "RatioReporter.hpp"

#include <glumpp/svg/Document.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

/// A fixed linear congruential generator: the same documents on every machine.
class Random {
public:
    double uniform() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state_ >> 11) * (1.0 / 9007199254740992.0);
    }
    double in(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t state_ = 0x2545F4914F6CDD1DULL;
};

void number(std::string& out, double v) {
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.2f", v);
    out.append(buffer, static_cast<std::size_t>(n));
}
void point(std::string& out, double x, double y) {
    number(out, x);
    out += ',';
    number(out, y);
}
std::string color(Random& r) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", int(r.in(0, 255)), int(r.in(0, 255)), int(r.in(0, 255)));
    return buffer;
}

/// One closed sub-path of `commands` commands (M, then L C Q A in turn, then Z) around
/// (cx, cy): points at increasing angles on a jittered circle of radius `radius`, so the
/// outline never crosses itself; control points stay inside their wedge.
void blob(std::string& out, Random& r, double cx, double cy, double radius, int commands) {
    constexpr double pi = 3.14159265358979323846;
    const int steps = commands - 1; // M, then steps drawing commands, the last being Z
    const auto at = [&](double angle, double scale) {
        return std::pair{cx + scale * radius * std::cos(angle), cy + scale * radius * std::sin(angle)};
    };
    auto [x0, y0] = at(0.0, 1.0);
    out += 'M';
    point(out, x0, y0);
    for (int i = 1; i < steps; ++i) {
        const double a1 = 2.0 * pi * i / steps, a0 = 2.0 * pi * (i - 1) / steps;
        auto [x, y] = at(a1, r.in(0.8, 1.0));
        switch (i % 4) {
        case 0: out += 'L'; break;
        case 1: {
            auto [ax, ay] = at(a0 + (a1 - a0) / 3, r.in(0.85, 1.05));
            auto [bx, by] = at(a0 + 2 * (a1 - a0) / 3, r.in(0.85, 1.05));
            out += 'C';
            point(out, ax, ay);
            out += ' ';
            point(out, bx, by);
            out += ' ';
            break;
        }
        case 2: {
            auto [ax, ay] = at(0.5 * (a0 + a1), r.in(0.9, 1.05));
            out += 'Q';
            point(out, ax, ay);
            out += ' ';
            break;
        }
        case 3:
            out += 'A';
            number(out, radius * 0.3);
            out += ' ';
            number(out, radius * 0.2);
            out += " 0 0 1 ";
            break;
        }
        point(out, x, y);
    }
    out += 'Z';
}

std::string header() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 1000 1000\">\n";
}

/// One closed sub-path of 50 commands walking round a 24-unit square from (x, y): 12
/// steps of 2 units a side, each an L, C, Q or A (relative, small integers, so that a
/// million commands fit in libxml2's 10 MB limit on one attribute, which rsvg-convert
/// enforces), bulging outwards only, so the outline never crosses itself.
void square_blob(std::string& out, int x, int y) {
    out += 'M' + std::to_string(x) + ' ' + std::to_string(y);
    static const int dirs[4][2] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    const auto pair = [&out](int a, int b) {
        if (a >= 0) out += ' ';
        out += std::to_string(a);
        if (b >= 0) out += ' ';
        out += std::to_string(b);
    };
    for (int side = 0; side < 4; ++side) {
        const int dx = dirs[side][0], dy = dirs[side][1];
        // Outwards (the walk is clockwise in SVG's y-down frame): left of the direction.
        const int ox = dy, oy = -dx;
        for (int step = 0; step < 12; ++step) {
            switch ((side * 12 + step) % 6) {
            case 0: case 2: case 4: out += 'l'; pair(2 * dx, 2 * dy); break;
            case 1: out += 'c'; pair(dx / 2 + ox, dy / 2 + oy); pair(dx + dx / 2 + ox, dy + dy / 2 + oy); pair(2 * dx, 2 * dy); break;
            case 3: out += 'q'; pair(dx + ox, dy + oy); pair(2 * dx, 2 * dy); break;
            case 5: out += "a1 1 0 0 0"; pair(2 * dx, 2 * dy); break;
            }
        }
    }
    out += 'z';
}

std::string one_path() {
    std::string out =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 4000 4000\">\n"
        "<path fill=\"#3060c0\" d=\"";
    constexpr int blobs = 20'000, columns = 142, cell = 28;
    for (int b = 0; b < blobs; ++b) {
        square_blob(out, cell * (b % columns) + 2, cell * (b / columns) + 2);
        if (b % 16 == 15) out += '\n';
    }
    out += "\"/>\n</svg>\n";
    return out;
}

std::string small_paths() {
    Random r;
    std::string out = header();
    for (int i = 0; i < 100'000; ++i) {
        out += "<path fill=\"" + color(r) + "\" d=\"M";
        point(out, r.in(0, 990), r.in(0, 990));
        out += "l";
        point(out, r.in(1, 10), 0);
        out += "c";
        point(out, 2, 2);
        out += ' ';
        point(out, 2, 6);
        out += ' ';
        point(out, r.in(-5, 0), r.in(5, 10));
        out += "l";
        point(out, r.in(-8, -2), 0);
        out += "z\"/>\n";
    }
    out += "</svg>\n";
    return out;
}

std::string spread() {
    Random r;
    std::string out = header();
    for (int i = 0; i < 10'000; ++i) {
        out += "<path fill=\"" + color(r) + "\" stroke=\"" + color(r) + "\" stroke-width=\"1.5\" d=\"";
        blob(out, r, (i % 100 + 0.5) * 10.0, (i / 100 + 0.5) * 10.0, 4.5, 100);
        out += "\"/>\n";
    }
    out += "</svg>\n";
    return out;
}

struct Named {
    const char* name;
    std::string (*make)();
};
const Named documents[] = {{"one_path", one_path}, {"small_paths", small_paths}, {"spread", spread}};

fs::path directory() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("glumpp_svg_large_" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

void write(const fs::path& dir) {
    fs::create_directories(dir);
    for (const Named& d : documents) {
        std::ofstream(dir / (std::string(d.name) + ".svg"), std::ios::binary) << d.make();
    }
}

fs::path file(const char* name) { return directory() / (std::string(name) + ".svg"); }

struct Child {
    double seconds = 0.0; ///< CPU time (user + system): a shared machine's load stays out of it
    double wall = 0.0;
    double max_rss_mb = 0.0;
    bool ok = false;
};

std::string self;

double seconds_of(const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); }

/// `--measure OUT cmd...`: runs cmd in a fork()ed child and writes its CPU seconds, peak
/// RSS (kB) and exit status to OUT. The fork is what makes the peak the command's own:
/// posix_spawn's vfork child shares this process's memory map until exec, and Linux
/// carries that map's high-water mark into the child's ru_maxrss, so spawning the command
/// straight from the benchmark (125 MB after its in-process loads) reported that for both
/// sides. This small process's own few MB remain in the floor, the same for both.
int measure(int argc, char** argv) {
    const pid_t pid = ::fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) ::dup2(null, STDOUT_FILENO);
        ::execvp(argv[3], argv + 3);
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid) return 1;
    std::ofstream out(argv[2]);
    out << seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime) << ' ' << usage.ru_maxrss << ' '
        << (WIFEXITED(status) ? WEXITSTATUS(status) : 128) << '\n';
    (void)argc;
    return out ? 0 : 1;
}

/// Runs argv to completion through `--measure`; its CPU and wall time and its own peak
/// resident set.
Child spawn(const std::vector<std::string>& args) {
    const std::string result = (directory() / "measure.txt").string();
    std::vector<std::string> full = {self, "--measure", result};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (const std::string& a : full) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Child out;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return out;
    int status = 0;
    ::waitpid(pid, &status, 0);
    out.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::ifstream in(result);
    double kb = 0.0;
    int code = -1;
    in >> out.seconds >> kb >> code;
    out.max_rss_mb = kb / 1024.0; // ru_maxrss is in kB on Linux
    out.ok = in && WIFEXITED(status) && WEXITSTATUS(status) == 0 && code == 0;
    return out;
}

bool have_rsvg() {
    static const bool have = spawn({"rsvg-convert", "--version"}).ok;
    return have;
}
std::vector<std::string> rsvg_args(const char* name) {
    // A real file: rsvg-convert refuses /dev/null ("not a regular file").
    return {"rsvg-convert", "-w", "256", "-h", "256", "-o", (directory() / "out.png").string(), file(name).string()};
}

void load_ours(benchmark::State& state, const char* name) {
    const fs::path f = file(name);
    std::size_t shapes = 0;
    for (auto _ : state) {
        const auto doc = glumpp::svg::Document::load(f);
        shapes = doc.shapes().size();
        benchmark::DoNotOptimize(shapes);
    }
    state.counters["shapes"] = static_cast<double>(shapes);
}

/// Both back to back, each as a spawned process (so each has its own peak memory).
void load_paired(benchmark::State& state, const char* name) {
    if (!have_rsvg()) {
        state.SkipWithError("rsvg-convert is not installed");
        return;
    }
    double ratio = 0.0, ours_mb = 0.0, rsvg_mb = 0.0, ours_s = 0.0, rsvg_s = 0.0;
    for (auto _ : state) {
        const Child ours = spawn({self, "--load", file(name).string()});
        const Child rsvg = spawn(rsvg_args(name));
        if (!ours.ok || !rsvg.ok) {
            state.SkipWithError("a child failed");
            return;
        }
        state.SetIterationTime(ours.seconds + rsvg.seconds);
        ratio = ours.seconds / rsvg.seconds;
        ours_mb = ours.max_rss_mb;
        rsvg_mb = rsvg.max_rss_mb;
        ours_s = ours.seconds;
        rsvg_s = rsvg.seconds;
    }
    state.counters["ratio"] = ratio;
    state.counters["ours_s"] = ours_s;
    state.counters["rsvg_s"] = rsvg_s;
    state.counters["ours_MB"] = ours_mb;
    state.counters["rsvg_MB"] = rsvg_mb;
    state.counters["MB_ratio"] = ours_mb / rsvg_mb;
}

int load_once(const char* path) {
    try {
        const auto doc = glumpp::svg::Document::load(path);
        std::size_t points = 0;
        for (const auto& s : doc.shapes())
            for (const auto& p : s.subpaths) points += p.points.size();
        std::printf("%zu shapes, %zu points, %zu warnings\n", doc.shapes().size(), points, doc.warnings().size());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_svg_large: %s\n", e.what());
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string_view(argv[1]) == "--write") {
        write(argv[2]);
        return 0;
    }
    if (argc == 3 && std::string_view(argv[1]) == "--load") return load_once(argv[2]);
    if (argc >= 4 && std::string_view(argv[1]) == "--measure") return measure(argc, argv);
    self = fs::canonical("/proc/self/exe").string();
    write(directory());
    std::vector<glumpp::bench::Comparison> comparisons;
    std::vector<std::string> rows;
    for (const Named& d : documents) {
        const std::string n = d.name;
        benchmark::RegisterBenchmark(("load/ours/" + n).c_str(), load_ours, d.name)->Unit(benchmark::kMillisecond)->Iterations(3);
        benchmark::RegisterBenchmark(("load/paired/" + n).c_str(), load_paired, d.name)
            ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)->Repetitions(5);
        // No "ratio of medians": rsvg-convert's time is another process's wall time, not
        // comparable with this process's CPU time; the paired ratio decides.
        comparisons.push_back({"Document::load " + n + " vs rsvg-convert (time)", "", "", "load/paired/" + n, 1, 2.0, "<= 2x"});
        rows.push_back("load/paired/" + n);
    }
    benchmark::Initialize(&argc, argv);
    glumpp::bench::RatioReporter reporter(comparisons, rows);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    std::error_code ec;
    fs::remove_all(directory(), ec);
    return 0;
}
