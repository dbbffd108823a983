// Measures what an upload costs in this context: a fixed cost per call and a cost per
// byte, for each strategy, and keeps the fastest. About 20 ms; done once per renderer
// per process and cached in $XDG_CACHE_HOME/glumpp (or ~/.cache/glumpp).
// GLUMPP_CALIBRATE=off uses llvmpipe's typical figures; =force measures again.

#include "ContextState.hpp"
#include "GpuBuffer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <unistd.h>

namespace glumpp::gloo::detail {

namespace {

struct Result {
    UploadCosts costs;
    UploadStrategy strategy;
};

std::filesystem::path cache_file() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path dir = xdg && *xdg ? std::filesystem::path(xdg) : home ? std::filesystem::path(home) / ".cache" : "";
    return dir.empty() ? dir : dir / "glumpp" / "upload-costs-v1.txt";
}

std::map<std::string, Result> read_cache() {
    std::map<std::string, Result> out;
    std::ifstream in(cache_file());
    std::string line;
    while (std::getline(in, line)) {
        // key \t call_ns \t byte_ns \t strategy
        std::istringstream fields(line);
        std::string key, call, byte, strategy;
        if (!std::getline(fields, key, '\t') || !std::getline(fields, call, '\t') || !std::getline(fields, byte, '\t') ||
            !std::getline(fields, strategy)) {
            continue;
        }
        try {
            Result r;
            r.costs.call_ns = std::stod(call);
            r.costs.byte_ns = std::stod(byte);
            const int s = std::stoi(strategy);
            if (s < 0 || s > 2 || !(r.costs.call_ns > 0) || !(r.costs.byte_ns > 0)) continue;
            r.strategy = static_cast<UploadStrategy>(s);
            out[key] = r;
        } catch (...) {
            // a damaged line: measure again
        }
    }
    return out;
}

void write_cache(const std::map<std::string, Result>& all) {
    const auto path = cache_file();
    if (path.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp);
        for (const auto& [key, r] : all) {
            out << key << '\t' << r.costs.call_ns << '\t' << r.costs.byte_ns << '\t' << static_cast<int>(r.strategy) << '\n';
        }
        if (!out) return;
    }
    std::filesystem::rename(tmp, path, ec); // atomic: concurrent test processes never see half a file
}

double seconds_of(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    glFinish();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

UploadCosts measure(ContextState& s, UploadStrategy strategy) {
    constexpr std::size_t size = std::size_t(4) << 20, small = 16, calls = 1000, big = std::size_t(1) << 20;
    std::vector<std::byte> data(size, std::byte{1});
    GpuBuffer buffer;
    buffer.allocate(s, size, data.data(), strategy, GL_DYNAMIC_DRAW);
    std::vector<ByteRange> scattered, whole;
    for (std::size_t k = 0; k < calls; ++k) scattered.push_back({k * 4096, k * 4096 + small});
    for (std::size_t k = 0; k < size / big; ++k) whole.push_back({k * big, (k + 1) * big});
    std::vector<double> t_small, t_big;
    for (int rep = 0; rep < 5; ++rep) {
        t_small.push_back(seconds_of([&] {
            buffer.used_by_draw(); // as after a frame: the persistent strategy pays its fence
            buffer.upload(s, data.data(), scattered);
        }));
        t_big.push_back(seconds_of([&] {
            buffer.used_by_draw();
            buffer.upload(s, data.data(), whole);
        }));
    }
    UploadCosts c;
    c.byte_ns = std::max(1e-4, median(t_big) * 1e9 / double(size));
    c.call_ns = std::max(1.0, (median(t_small) * 1e9 - double(calls * small) * c.byte_ns) / double(calls));
    return c;
}

Result measure_all(ContextState& s) {
    const bool was_logging = s.log.enabled();
    s.log.enable(false);
    Result best{};
    double best_score = 0;
    std::vector<UploadStrategy> candidates = {UploadStrategy::SubData, UploadStrategy::MapRange};
    if (s.buffer_storage) candidates.push_back(UploadStrategy::Persistent);
    for (UploadStrategy st : candidates) {
        const UploadCosts c = measure(s, st);
        // A typical frame: a few dozen scattered edits and one large streamed block.
        const double score = 65 * c.call_ns + double((64 << 10) + (1 << 20)) * c.byte_ns;
        if (st == candidates.front() || score < best_score) {
            best = {c, st};
            best_score = score;
        }
    }
    s.log.enable(was_logging);
    return best;
}

} // namespace

void calibrate(ContextState& s) {
    const char* mode = std::getenv("GLUMPP_CALIBRATE");
    const std::string how = mode ? mode : "";
    if (how == "off") {
        s.costs = UploadCosts{};
        s.strategy = UploadStrategy::SubData;
        return;
    }
    static std::mutex mutex;
    static std::map<std::string, Result> known;
    static bool loaded = false;
    const std::string key = s.renderer + " | " + s.version;
    std::lock_guard lock(mutex);
    if (!loaded && how != "force") {
        known = read_cache();
        loaded = true;
    }
    auto it = known.find(key);
    if (it == known.end() || how == "force") {
        known[key] = measure_all(s);
        auto on_disk = read_cache();
        on_disk[key] = known[key];
        write_cache(on_disk);
        it = known.find(key);
    }
    s.costs = it->second.costs;
    s.strategy = it->second.strategy;
}

} // namespace glumpp::gloo::detail
