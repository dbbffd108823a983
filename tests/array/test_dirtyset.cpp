// DirtySet against a byte-level oracle: exact while under the cap, covering always,
// merged smallest-gap-first past it.
#include <glumpp/array/DirtySet.hpp>

#include <gtest/gtest.h>

#include "../TestUtil.hpp"

#include <random>

using glumpp::ByteRange;
using glumpp::DirtySet;
using glumpp::Footprint;

namespace {

// Bounded bookkeeping forgets: once the exact set has exceeded the cap, merged gaps stay
// covered until the next clear. Before that, the set must be exact.
void check_cover(const DirtySet& set, const std::vector<bool>& written, bool& was_over_cap) {
    const auto& r = set.ranges();
    for (std::size_t k = 0; k + 1 < r.size(); ++k) ASSERT_LT(r[k].stop, r[k + 1].start) << "ranges must be disjoint, non-adjacent";
    std::vector<bool> covered(written.size(), false);
    for (const auto& x : r) {
        ASSERT_LT(x.start, x.stop);
        for (std::size_t b = x.start; b < x.stop; ++b) covered[b] = true;
    }
    for (std::size_t b = 0; b < written.size(); ++b) {
        ASSERT_TRUE(!written[b] || covered[b]) << "byte " << b << " written but not covered";
    }
    const auto exact = glumpp::test::runs_of(written);
    was_over_cap = was_over_cap || exact.size() > set.cap();
    if (!was_over_cap) {
        EXPECT_EQ(r, exact) << "under the cap the set must be exact";
    } else {
        EXPECT_LE(r.size(), set.cap());
    }
}

} // namespace

TEST(DirtySet, SingleRangesMergeAndStayExact) {
    DirtySet s;
    s.add({10, 20});
    s.add({30, 40});
    s.add({20, 30}); // adjacent on both sides: one range
    EXPECT_EQ(s.ranges(), (std::vector<ByteRange>{{10, 40}}));
    s.add({0, 5});
    s.add({12, 15}); // inside
    EXPECT_EQ(s.ranges(), (std::vector<ByteRange>{{0, 5}, {10, 40}}));
    EXPECT_EQ(s.hull(), (ByteRange{0, 40}));
    EXPECT_EQ(s.covered_bytes(), 35u);
}

TEST(DirtySet, MergesSmallestGapFirstPastTheCap) {
    DirtySet s(3);
    s.add({0, 1});
    s.add({10, 11});  // gap 9
    s.add({13, 14});  // gap 2
    s.add({100, 101}); // gap 86: over the cap, the 2-byte gap closes
    EXPECT_EQ(s.ranges(), (std::vector<ByteRange>{{0, 1}, {10, 14}, {100, 101}}));
    s.set_cap(2); // next smallest gap: 9
    EXPECT_EQ(s.ranges(), (std::vector<ByteRange>{{0, 14}, {100, 101}}));
}

TEST(DirtySet, MergeSmallestGapsHandlesTies) {
    std::vector<ByteRange> r{{0, 1}, {3, 4}, {6, 7}, {9, 10}, {30, 31}};
    glumpp::merge_smallest_gaps(r, 3); // three 2-byte gaps tie: the leftmost close first
    EXPECT_EQ(r, (std::vector<ByteRange>{{0, 7}, {9, 10}, {30, 31}}));
}

TEST(DirtySet, StridedFootprintIsExactUnderTheCap) {
    DirtySet s;
    s.add(Footprint::strided(8, 4, 10, 20)); // 10 floats, one per 20-byte record
    ASSERT_EQ(s.ranges().size(), 10u);
    EXPECT_EQ(s.ranges()[0], (ByteRange{8, 12}));
    EXPECT_EQ(s.ranges()[9], (ByteRange{188, 192}));
}

TEST(DirtySet, HugeStridedFootprintCostsTheCapNotTheElements) {
    DirtySet s;
    s.add(Footprint::strided(0, 8, 1'000'000, 24));
    EXPECT_EQ(s.ranges().size(), s.cap());
    EXPECT_EQ(s.hull(), (ByteRange{0, 999'999 * 24 + 8}));
    // Every gap is 16 bytes: the fewest covered bytes close exactly n - cap of them.
    EXPECT_EQ(s.covered_bytes(), 1'000'000 * 8 + (1'000'000 - s.cap()) * 16);
}

TEST(DirtySet, LargeFootprintsAgainstByteOracle) {
    // Footprints of hundreds of blocks against small caps: the chunked path, alone (where
    // a 1-d footprint must also close the fewest gap bytes) and on top of earlier writes.
    std::mt19937_64 rng(99);
    for (int round = 0; round < 400; ++round) {
        const std::size_t size = 20'000;
        DirtySet s(1 + rng() % 16);
        std::vector<bool> written(size, false);
        bool over = false;
        const int ops = 1 + static_cast<int>(rng() % 3);
        for (int op = 0; op < ops; ++op) {
            const std::size_t block = 1 + rng() % 8;
            const bool two_d = rng() % 3 == 0;
            const std::size_t count = 2 + rng() % 500;
            const std::size_t stride = block + 1 + rng() % 30;
            std::vector<std::size_t> shape{count};
            std::vector<std::ptrdiff_t> strides{static_cast<std::ptrdiff_t>(stride)};
            std::size_t extent = (count - 1) * stride + block;
            if (two_d) {
                shape.push_back(2 + rng() % 4);
                strides.push_back(static_cast<std::ptrdiff_t>(extent + rng() % 8)); // may touch: joined rows
                extent = (shape[1] - 1) * static_cast<std::size_t>(strides[1]) + extent;
            }
            if (extent > size) continue;
            const std::size_t offset = rng() % (size - extent + 1);
            for (std::size_t j = 0; j < (two_d ? shape[1] : 1); ++j) {
                for (std::size_t i = 0; i < count; ++i) {
                    const std::size_t at = offset + i * stride + (two_d ? j * static_cast<std::size_t>(strides[1]) : 0);
                    for (std::size_t b = 0; b < block; ++b) written[at + b] = true;
                }
            }
            const bool alone = s.empty() && !two_d;
            s.add(Footprint::of_view(offset, block, shape, strides));
            check_cover(s, written, over);
            if (HasFatalFailure() || HasFailure()) return;
            if (alone && count > s.cap()) {
                EXPECT_EQ(s.ranges().size(), s.cap());
                EXPECT_EQ(s.covered_bytes(), count * block + (count - s.cap()) * (stride - block));
            }
        }
    }
}

TEST(DirtySet, StridedWriteInsideAnEarlierRangeStaysOneRange) {
    // Records 0..99 fully written, then a field of records 0..149: the exact union is
    // [0, 2400) plus 50 separate fields, 51 ranges, under the cap: must stay exact.
    DirtySet s;
    s.add({0, 100 * 24});
    s.add(Footprint::strided(4, 8, 150, 24));
    ASSERT_EQ(s.ranges().size(), 51u);
    EXPECT_EQ(s.ranges()[0], (ByteRange{0, 2400}));
    EXPECT_EQ(s.ranges()[1], (ByteRange{2404, 2412}));
}

TEST(DirtySet, RandomFootprintsAgainstByteOracle) {
    std::mt19937_64 rng(1234);
    for (int round = 0; round < 300; ++round) {
        const std::size_t size = 64 + rng() % 4000;
        DirtySet s(1 + rng() % 80);
        std::vector<bool> written(size, false);
        bool over = false;
        const int ops = 1 + static_cast<int>(rng() % 30);
        for (int op = 0; op < ops; ++op) {
            // A random 1-3 axis footprint inside `size` bytes.
            const std::size_t block = 1 + rng() % 16;
            std::vector<std::size_t> shape;
            std::vector<std::ptrdiff_t> strides;
            std::size_t extent = block;
            const std::size_t naxes = rng() % 4;
            for (std::size_t a = 0; a < naxes && extent < size / 2; ++a) {
                const std::size_t count = 1 + rng() % 12;
                const std::size_t stride = extent + rng() % 40;
                shape.push_back(count);
                strides.push_back(static_cast<std::ptrdiff_t>(stride) * ((rng() & 1) ? 1 : -1));
                extent = stride * (count - 1) + extent;
            }
            if (extent > size) continue;
            std::size_t low = rng() % (size - extent + 1);
            // Offset of the first element: flip negative axes.
            std::size_t offset = low;
            for (std::size_t a = 0; a < shape.size(); ++a) {
                if (strides[a] < 0) offset += (shape[a] - 1) * static_cast<std::size_t>(-strides[a]);
            }
            // Oracle: enumerate every element.
            std::vector<std::size_t> idx(shape.size(), 0);
            for (;;) {
                std::ptrdiff_t at = static_cast<std::ptrdiff_t>(offset);
                for (std::size_t a = 0; a < shape.size(); ++a) at += static_cast<std::ptrdiff_t>(idx[a]) * strides[a];
                for (std::size_t b = 0; b < block; ++b) written[static_cast<std::size_t>(at) + b] = true;
                std::size_t a = 0;
                while (a < shape.size() && ++idx[a] == shape[a]) idx[a++] = 0;
                if (a == shape.size()) break;
            }
            s.add(Footprint::of_view(offset, block, shape, strides));
            check_cover(s, written, over);
            if (HasFatalFailure() || HasFailure()) return;
        }
    }
}
