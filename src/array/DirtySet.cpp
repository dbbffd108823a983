#include <glumpp/array/DirtySet.hpp>

#include <algorithm>
#include <array>

namespace glumpp {

namespace {

// Visits the blocks of a footprint in increasing address order, and can jump over every
// block that starts at or before a given address in O(axes) (greedy mixed-radix digits,
// valid because no axis interleaves with the ones inside it).
class BlockWalker {
public:
    explicit BlockWalker(const Footprint& f) : f_(f), address_(f.start), done_(f.empty()) {}

    bool done() const { return done_; }
    std::size_t address() const { return address_; }

    void next() {
        for (std::size_t k = 0; k < f_.naxes; ++k) {
            if (++digit_[k] < f_.axes[k].count) {
                address_ += f_.axes[k].stride;
                return;
            }
            address_ -= (f_.axes[k].count - 1) * f_.axes[k].stride;
            digit_[k] = 0;
        }
        done_ = true;
    }

    // Moves to the last block starting at or before x (x >= address()), returns its start.
    std::size_t seek_last_at_or_before(std::size_t x) {
        std::size_t rest = x - f_.start;
        std::size_t address = f_.start;
        for (std::size_t k = f_.naxes; k-- > 0;) {
            const std::size_t d = std::min(f_.axes[k].count - 1, rest / f_.axes[k].stride);
            digit_[k] = d;
            rest -= d * f_.axes[k].stride;
            address += d * f_.axes[k].stride;
        }
        address_ = address;
        return address;
    }

private:
    const Footprint& f_;
    std::array<std::size_t, max_ndim> digit_{};
    std::size_t address_;
    bool done_;
};

// The exact union of `set` and the blocks of `f`, into `out`. Gives up (returns false) as
// soon as it would need more than `budget` ranges.
bool exact_union(const std::vector<ByteRange>& set, const Footprint& f, std::size_t budget,
                 std::vector<ByteRange>& out) {
    out.clear();
    BlockWalker w(f);
    std::size_t i = 0;
    const std::size_t m = set.size();
    while (i < m || !w.done()) {
        std::size_t start, stop;
        if (!w.done() && (i == m || w.address() < set[i].start)) {
            start = w.address();
            stop = start + f.block;
            w.next();
        } else {
            start = set[i].start;
            stop = set[i].stop;
            ++i;
        }
        for (bool grew = true; grew;) {
            grew = false;
            while (i < m && set[i].start <= stop) {
                stop = std::max(stop, set[i].stop);
                ++i;
                grew = true;
            }
            if (!w.done() && w.address() <= stop) {
                stop = std::max(stop, w.seek_last_at_or_before(stop) + f.block);
                w.next();
                grew = true;
            }
        }
        if (out.size() == budget) return false;
        out.push_back({start, stop});
    }
    return true;
}

// Cuts `f` into at most `chunks` runs of consecutive blocks (each run replaced by its hull)
// and unites them with `set` into `out` (sorted, disjoint, non-adjacent).
void chunked_union(const std::vector<ByteRange>& set, const Footprint& f, std::size_t chunks,
                   std::vector<ByteRange>& out) {
    out.clear();
    const std::size_t n = f.elements();
    chunks = std::min(chunks, n);
    std::size_t i = 0;
    auto push = [&out](ByteRange r) {
        if (!out.empty() && r.start <= out.back().stop) {
            out.back().stop = std::max(out.back().stop, r.stop);
        } else {
            out.push_back(r);
        }
    };
    // Chunk c holds blocks [c*n/chunks, (c+1)*n/chunks), stepped without dividing:
    // n = q*chunks + r, and the remainder carries one extra block whenever it wraps.
    const std::size_t q = n / chunks, r = n % chunks;
    std::size_t first = 0, carry = 0;
    for (std::size_t c = 0; c < chunks; ++c) {
        std::size_t next = first + q;
        if ((carry += r) >= chunks) {
            carry -= chunks;
            ++next;
        }
        const ByteRange chunk{f.block_start(first), f.block_start(next - 1) + f.block};
        while (i < set.size() && set[i].start < chunk.start) push(set[i++]);
        push(chunk);
        first = next;
    }
    while (i < set.size()) push(set[i++]);
}

} // namespace

void merge_smallest_gaps(std::vector<ByteRange>& ranges, std::size_t cap) {
    if (cap == 0) cap = 1;
    if (ranges.size() <= cap) return;
    const std::size_t n = ranges.size();
    const std::size_t merges = n - cap;
    if (merges == 1) {
        std::size_t best = 0;
        for (std::size_t k = 1; k + 1 < n; ++k) {
            if (ranges[k + 1].start - ranges[k].stop < ranges[best + 1].start - ranges[best].stop) best = k;
        }
        ranges[best].stop = ranges[best + 1].stop;
        ranges.erase(ranges.begin() + static_cast<std::ptrdiff_t>(best) + 1);
        return;
    }
    std::vector<std::size_t> gaps(n - 1);
    for (std::size_t k = 0; k + 1 < n; ++k) gaps[k] = ranges[k + 1].start - ranges[k].stop;
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(merges) - 1, gaps.end());
    const std::size_t threshold = gaps[merges - 1];
    std::size_t below = 0;
    for (std::size_t k = 0; k + 1 < n; ++k) below += (ranges[k + 1].start - ranges[k].stop) < threshold;
    std::size_t equal_to_close = merges - below;
    std::size_t out = 0;
    for (std::size_t k = 1; k < n; ++k) {
        const std::size_t gap = ranges[k].start - ranges[out].stop;
        const bool close = gap < threshold || (gap == threshold && equal_to_close > 0);
        if (close) {
            if (gap == threshold) --equal_to_close;
            ranges[out].stop = ranges[k].stop;
        } else {
            ranges[++out] = ranges[k];
        }
    }
    ranges.resize(out + 1);
}

DirtySet::DirtySet(std::size_t cap) : cap_(std::max<std::size_t>(cap, 1)) {}

std::optional<ByteRange> DirtySet::hull() const noexcept {
    if (ranges_.empty()) return std::nullopt;
    return ByteRange{ranges_.front().start, ranges_.back().stop};
}

std::size_t DirtySet::covered_bytes() const noexcept {
    std::size_t total = 0;
    for (const auto& r : ranges_) total += r.size();
    return total;
}

void DirtySet::set_cap(std::size_t cap) {
    cap_ = std::max<std::size_t>(cap, 1);
    merge_smallest_gaps(ranges_, cap_);
}

void DirtySet::add(ByteRange r) {
    if (r.empty()) return;
    // First range that touches or follows r (adjacent ranges are joined).
    auto first = std::lower_bound(ranges_.begin(), ranges_.end(), r.start,
                                  [](const ByteRange& x, std::size_t s) { return x.stop < s; });
    if (first != ranges_.end() && first->contains(r)) return; // rewrite of dirty bytes: the common case
    auto last = first;
    while (last != ranges_.end() && last->start <= r.stop) {
        r.start = std::min(r.start, last->start);
        r.stop = std::max(r.stop, last->stop);
        ++last;
    }
    if (first == last) {
        ranges_.insert(first, r);
    } else {
        *first = r;
        ranges_.erase(first + 1, last);
    }
    merge_smallest_gaps(ranges_, cap_);
}

void DirtySet::add(std::span<const Footprint> fs) {
    const std::size_t cap = cap_;
    cap_ = cap * (fs.size() + 1);
    for (const Footprint& f : fs) add(f);
    cap_ = cap;
    merge_smallest_gaps(ranges_, cap_);
}

void DirtySet::add(const Footprint& f) {
    if (f.empty()) return;
    if (f.naxes == 0) {
        add(ByteRange{f.start, f.start + f.block});
        return;
    }
    // Exact when the union has few pieces (then merged smallest-gap-first down to the cap).
    // Otherwise the footprint is cut into chunks first; more chunks are taken while the
    // union would fall below the cap, so a full set always holds exactly `cap` ranges.
    const std::size_t budget = 4 * cap_;
    // A 1-d footprint has gaps between its blocks (contiguous axes are folded into the
    // block), so alone it is `count` pieces: over budget, the exact walk would only fail.
    const bool hopeless = ranges_.empty() && f.naxes == 1 && f.axes[0].count > budget;
    if (hopeless || !exact_union(ranges_, f, budget, scratch_)) {
        const std::size_t n = f.elements();
        // Alone, a hopeless footprint's `cap` chunks are `cap` disjoint ranges: no merge
        // left to do. Otherwise twice as many, as some may join ranges of the set.
        for (std::size_t chunks = hopeless ? cap_ : 2 * cap_;; chunks *= 4) {
            chunked_union(ranges_, f, chunks, scratch_);
            if (scratch_.size() >= cap_ || chunks >= n) break;
        }
    }
    merge_smallest_gaps(scratch_, cap_);
    ranges_.swap(scratch_);
}

} // namespace glumpp
