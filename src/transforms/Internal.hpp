#pragma once
// Private to src/transforms: what several transforms' .cpp files share.

#include <glumpp/transforms/Snippet.hpp>

#include <glm/glm.hpp>

#include <charconv>
#include <string>

namespace glumpp::transforms::detail {

// A double as error messages print it: the shortest text that reads back as the same
// double (std::to_chars), so 1e-7 prints "1e-07" and not std::to_string's "0.000000",
// and nan/inf print as "nan"/"inf".
inline std::string num(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}
// A float as the shortest text that reads back as that float: 1e-7f prints "1e-07", not
// the "1.0000000116860974e-07" of the double it widens to.
inline std::string num(float v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// A snippet's mat4 uniform NAME as the double matrix its CPU twin multiplies with; the
// numbers are column-major, as GL reads them.
inline glm::dmat4 mat4_of(const Snippet& s, const char* name) {
    const auto& n = s.numbers(name);
    glm::dmat4 m;
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) m[c][r] = n.at(static_cast<std::size_t>(4 * c + r));
    return m;
}

} // namespace glumpp::transforms::detail
