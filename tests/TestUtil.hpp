#pragma once
// Small helpers shared by the test executables.

#include <glumpp/array/ByteRange.hpp>

#include <exception>
#include <string>
#include <vector>

namespace glumpp::test {

/// The message of the exception of type E that f throws, "no exception", or
/// "wrong exception type: <message>" (so that a test comparing messages says what came).
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("wrong exception type: ") + e.what();
    }
    return "no exception";
}

/// The runs of true bytes, as ranges: the exact dirty set of a byte-level oracle.
inline std::vector<ByteRange> runs_of(const std::vector<bool>& bytes) {
    std::vector<ByteRange> out;
    for (std::size_t i = 0; i < bytes.size();) {
        if (!bytes[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < bytes.size() && bytes[j]) ++j;
        out.push_back({i, j});
        i = j;
    }
    return out;
}

} // namespace glumpp::test
