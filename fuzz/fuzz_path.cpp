// fuzz_path: SVG path data (glumpp::svg::PathData) on arbitrary text, then
// flattening.
//
// A text that is not path data must be a ParseError, and parse_prefix must report the
// same message and keep a prefix that is itself valid. Whatever parses must write back
// through to_string() and read back as the same commands (shortest round-trip numbers),
// every coordinate must be finite (the parser promises it), and flattening must neither
// crash nor leave a zero-length segment in a polyline of finite points.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Flatten.hpp>
#include <glumpp/svg/PathData.hpp>

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using glumpp::svg::PathCommand;
using glumpp::svg::PathData;

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_path: %s for input \"%.*s\"\n", what, static_cast<int>(text.size()), text.data());
    std::abort();
}

bool finite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

void check(const PathData& path, std::string_view text) {
    if (!path.commands.empty() && path.commands.front().kind != PathCommand::Kind::MoveTo)
        fail("a path that does not begin with a moveto", text);
    for (const PathCommand& c : path.commands) {
        if (!finite(c.to) || !finite(c.c1) || !finite(c.c2) || !finite(c.radii) || !std::isfinite(c.rotation))
            fail("a coordinate that is not finite", text);
        if (c.radii.x < 0 || c.radii.y < 0) fail("a negative arc radius", text);
    }
    const std::string written = path.to_string();
    PathData again;
    try {
        again = PathData::parse(written);
    } catch (const glumpp::ParseError& e) {
        std::fprintf(stderr, "fuzz_path: to_string() gave \"%s\": %s\n", written.c_str(), e.what());
        fail("to_string() that does not parse", text);
    }
    if (!(again == path)) fail("to_string() that reads back as other commands", text);

    const double tolerance = 0.25;
    const auto lines = glumpp::svg::flatten(path, {}, tolerance);
    for (const auto& line : lines) {
        if (line.points.size() < 2) fail("a polyline of fewer than two points", text);
        for (std::size_t i = 1; i < line.points.size(); ++i) {
            const glm::dvec2 a = line.points[i - 1], b = line.points[i];
            if (finite(a) && finite(b) && std::hypot(b.x - a.x, b.y - a.y) <= tolerance * 1e-3)
                fail("a zero-length segment", text);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string prefix_error;
    const PathData prefix = PathData::parse_prefix(text, prefix_error);
    PathData path;
    try {
        path = PathData::parse(text);
    } catch (const glumpp::ParseError& e) {
        if (prefix_error != e.what()) fail("parse and parse_prefix that disagree on the error", text);
        check(prefix, text);
        return 0;
    }
    if (!prefix_error.empty()) fail("parse_prefix that fails where parse succeeds", text);
    if (!(prefix == path)) fail("parse_prefix that differs from parse on valid text", text);
    check(path, text);
    return 0;
}
