#pragma once
// How the graphics layer writes numbers into error messages: as a user would type them
// back (shortest form, no trailing zeros).

#include <sstream>
#include <string>

namespace glumpp::graphics::detail {

inline std::string number(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

} // namespace glumpp::graphics::detail
