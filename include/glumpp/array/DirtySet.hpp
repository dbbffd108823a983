#pragma once
// DirtySet: which bytes of a storage were written since the last clear.
//
// Kept as sorted, disjoint, non-adjacent byte ranges. While the exact set has at most
// `cap` ranges it is exact: no byte that was not written lies inside a range. Past the
// cap, ranges are merged closing the smallest gaps first, so the bookkeeping is at most
// `cap` ranges however many writes happen, and every written byte stays covered.
//
// Cost model: adding one range is O(log n) (plus a memmove); adding a strided footprint is
// O(min(pieces, cap) + n) whatever its element count, because covered stretches are
// skipped arithmetically and a footprint whose union with the set would exceed the cap
// is cut into evenly spaced chunks (`cap` of them when it is alone) before the
// smallest-gap merge.
//
// Not thread-safe on its own: Storage guards the sets it owns.

#include <glumpp/array/ByteRange.hpp>
#include <glumpp/array/Footprint.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace glumpp {

class DirtySet {
public:
    static constexpr std::size_t default_cap = 64;

    explicit DirtySet(std::size_t cap = default_cap);

    void add(ByteRange r);
    void add(const Footprint& f);
    /// Several footprints of one operation (the fields of a record with gaps): the cap
    /// applies to the result, not in between.
    void add(std::span<const Footprint> fs);
    void clear() noexcept { ranges_.clear(); }

    /// Sorted, disjoint, non-adjacent.
    const std::vector<ByteRange>& ranges() const noexcept { return ranges_; }
    /// glumpy's pending_data: the smallest single range covering every written byte.
    std::optional<ByteRange> hull() const noexcept;
    bool empty() const noexcept { return ranges_.empty(); }
    /// Bytes inside the ranges (written bytes plus any merged gaps).
    std::size_t covered_bytes() const noexcept;

    std::size_t cap() const noexcept { return cap_; }
    /// Changes the cap (at least 1); merges at once if the set is now over it.
    void set_cap(std::size_t cap);

private:
    std::size_t cap_;
    std::vector<ByteRange> ranges_;
    std::vector<ByteRange> scratch_; // reused by add(Footprint) so steady state does not allocate
};

/// Merges `ranges` (sorted, disjoint) down to at most `cap` ranges, closing the smallest
/// gaps first (ties: leftmost first). Exposed for the upload planner and for tests.
void merge_smallest_gaps(std::vector<ByteRange>& ranges, std::size_t cap);

} // namespace glumpp
