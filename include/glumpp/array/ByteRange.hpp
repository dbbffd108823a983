#pragma once
// ByteRange: half-open [start, stop) byte interval, counted from the start of a base
// storage. glumpy's pending_data is also (start, stop) though its docstring says
// (offset, nbytes); here the names say what the numbers are.

#include <cstddef>
#include <ostream>

namespace glumpp {

struct ByteRange {
    std::size_t start = 0;
    std::size_t stop = 0;

    constexpr std::size_t size() const noexcept { return stop - start; }
    constexpr bool empty() const noexcept { return stop <= start; }
    constexpr bool contains(const ByteRange& r) const noexcept { return start <= r.start && r.stop <= stop; }
    friend constexpr bool operator==(const ByteRange&, const ByteRange&) = default;
};

inline std::ostream& operator<<(std::ostream& os, const ByteRange& r) {
    return os << '[' << r.start << ", " << r.stop << ')';
}

} // namespace glumpp
