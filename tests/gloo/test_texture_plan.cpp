// The texture upload planner alone (no GL): dirty bytes -> texel boxes, by the cost model.
#include <glumpp/gloo/UploadPlan.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using glumpp::ByteRange;
using glumpp::gloo::plan_texture_upload;
using glumpp::gloo::TexelBox;
using glumpp::gloo::UploadCosts;
using Boxes = std::vector<TexelBox>;

namespace {

const UploadCosts llvmpipe{50, 0.03, 1.0}; // merge while the added bytes are under ~1667
const UploadCosts cheap_calls{0.5, 0.03, 1.0}; // merge only what adds under ~17 bytes

// A 256x256 RGBA8 texture: rows of 1024 bytes.
constexpr std::size_t W = 256, H = 256, T = 4;
ByteRange texel(std::size_t x, std::size_t y) { return {(y * W + x) * T, (y * W + x + 1) * T}; }

} // namespace

TEST(TexturePlan, OneTexelBelowTheFirstRowIsOneBoxAtItsRow) {
    const std::vector<ByteRange> dirty{texel(7, 3)};
    auto p = plan_texture_upload(dirty, W, H, 1, T, llvmpipe);
    EXPECT_EQ(p.boxes, (Boxes{{7, 3, 0, 1, 1, 1}}));
    EXPECT_EQ(p.dirty_bytes, 4u);
    EXPECT_EQ(p.sent_bytes, 4u);
    EXPECT_EQ(p.gap_bytes, 0u);
    EXPECT_FALSE(p.whole);
}

TEST(TexturePlan, OneChannelSendsItsWholeTexel) {
    const ByteRange green{texel(7, 3).start + 1, texel(7, 3).start + 2};
    auto p = plan_texture_upload(std::vector<ByteRange>{green}, W, H, 1, T, llvmpipe);
    EXPECT_EQ(p.boxes, (Boxes{{7, 3, 0, 1, 1, 1}}));
    EXPECT_EQ(p.dirty_bytes, 1u);
    EXPECT_EQ(p.sent_bytes, 4u);
    EXPECT_EQ(p.gap_bytes, 3u);
    // Two channels of two neighbouring texels, in separate ranges, round to one run.
    const std::vector<ByteRange> two{{texel(7, 3).start + 3, texel(7, 3).stop}, {texel(8, 3).start, texel(8, 3).start + 1}};
    EXPECT_EQ(plan_texture_upload(two, W, H, 1, T, cheap_calls).boxes, (Boxes{{7, 3, 0, 2, 1, 1}}));
}

TEST(TexturePlan, ABlockOfRowsIsOneRectangle) {
    std::vector<ByteRange> dirty; // T[2:5, 3:7]
    for (std::size_t y = 2; y < 5; ++y) dirty.push_back({(y * W + 3) * T, (y * W + 7) * T});
    for (const auto& costs : {llvmpipe, cheap_calls, UploadCosts{0, 1, 1.0}}) {
        auto p = plan_texture_upload(dirty, W, H, 1, T, costs);
        EXPECT_EQ(p.boxes, (Boxes{{3, 2, 0, 4, 3, 1}})); // stacked rows add no byte: always joined
        EXPECT_EQ(p.sent_bytes, 48u);
        EXPECT_EQ(p.gap_bytes, 0u);
    }
}

TEST(TexturePlan, FarTexelsStayApartNearOnesJoin) {
    const std::vector<ByteRange> far{texel(10, 10), texel(200, 200)};
    EXPECT_EQ(plan_texture_upload(far, W, H, 1, T, llvmpipe).boxes, (Boxes{{10, 10, 0, 1, 1, 1}, {200, 200, 0, 1, 1, 1}}));
    // (10, 10) and (12, 11): the 3x2 box adds 4 clean texels, 16 bytes, far cheaper than a call.
    const std::vector<ByteRange> near{texel(10, 10), texel(12, 11)};
    auto p = plan_texture_upload(near, W, H, 1, T, llvmpipe);
    EXPECT_EQ(p.boxes, (Boxes{{10, 10, 0, 3, 2, 1}}));
    EXPECT_EQ(p.gap_bytes, 16u);
    // With calls cheaper than 16 bytes they stay two.
    EXPECT_EQ(plan_texture_upload(near, W, H, 1, T, UploadCosts{0.1, 0.03, 1.0}).boxes,
              (Boxes{{10, 10, 0, 1, 1, 1}, {12, 11, 0, 1, 1, 1}}));
}

TEST(TexturePlan, WholeRowsAreOneBox) {
    const std::vector<ByteRange> dirty{{5 * W * T, 9 * W * T}};
    auto p = plan_texture_upload(dirty, W, H, 1, T, cheap_calls);
    EXPECT_EQ(p.boxes, (Boxes{{0, 5, 0, W, 4, 1}}));
    EXPECT_EQ(p.gap_bytes, 0u);
}

TEST(TexturePlan, ARangeAcrossRowsIsCutThenJoinedByCost) {
    // From (250, 2) to (4, 4) inclusive: the end of row 2, all of row 3, the start of row 4.
    const std::vector<ByteRange> dirty{{(2 * W + 250) * T, (4 * W + 5) * T}};
    EXPECT_EQ(plan_texture_upload(dirty, W, H, 1, T, cheap_calls).boxes,
              (Boxes{{250, 2, 0, 6, 1, 1}, {0, 3, 0, W, 1, 1}, {0, 4, 0, 5, 1, 1}}));
    // On llvmpipe each join adds about 1 KB of clean texels (30 ns), less than the call it
    // saves (50 ns): rows 2 to 4 in one rectangle.
    auto p = plan_texture_upload(dirty, W, H, 1, T, llvmpipe);
    EXPECT_EQ(p.boxes, (Boxes{{0, 2, 0, W, 3, 1}}));
    EXPECT_EQ(p.dirty_bytes, (6 + 256 + 5) * T);
    EXPECT_EQ(p.gap_bytes, (3 * W - 267) * T);
}

TEST(TexturePlan, SlabsAndSubBoxesIn3D) {
    // 8 slices of 16 rows of 32 one-byte texels.
    const std::vector<ByteRange> slab{{2 * 512, 4 * 512}};
    EXPECT_EQ(plan_texture_upload(slab, 32, 16, 8, 1, cheap_calls).boxes, (Boxes{{0, 0, 2, 32, 16, 2}}));
    std::vector<ByteRange> block; // V[1:3, 4:6, 10:20]
    for (std::size_t z = 1; z < 3; ++z) {
        for (std::size_t y = 4; y < 6; ++y) block.push_back({z * 512 + y * 32 + 10, z * 512 + y * 32 + 20});
    }
    for (const auto& costs : {llvmpipe, UploadCosts{0, 1, 1.0}}) {
        auto p = plan_texture_upload(block, 32, 16, 8, 1, costs);
        EXPECT_EQ(p.boxes, (Boxes{{10, 4, 1, 10, 2, 2}}));
        EXPECT_EQ(p.gap_bytes, 0u);
    }
    // A range from the middle of slice 1 to the middle of slice 4: five exact pieces.
    const std::vector<ByteRange> across{{512 + 5 * 32 + 7, 4 * 512 + 3 * 32 + 9}};
    EXPECT_EQ(plan_texture_upload(across, 32, 16, 8, 1, UploadCosts{0, 1, 1.0}).boxes,
              (Boxes{{7, 5, 1, 25, 1, 1}, {0, 6, 1, 32, 10, 1}, {0, 0, 2, 32, 16, 2}, {0, 0, 4, 32, 3, 1}, {0, 3, 4, 9, 1, 1}}));
}

TEST(TexturePlan, OneDimensionIsTheBufferRule) {
    // 1000 RGBA32F texels (16 bytes): two texels 979 texels apart stay two calls.
    const std::vector<ByteRange> dirty{{10 * 16, 11 * 16}, {990 * 16, 991 * 16}};
    EXPECT_EQ(plan_texture_upload(dirty, 1000, 1, 1, 16, llvmpipe).boxes,
              (Boxes{{10, 0, 0, 1, 1, 1}, {990, 0, 0, 1, 1, 1}}));
    const std::vector<ByteRange> close{{10 * 16, 11 * 16}, {20 * 16, 21 * 16}};
    EXPECT_EQ(plan_texture_upload(close, 1000, 1, 1, 16, llvmpipe).boxes, (Boxes{{10, 0, 0, 11, 1, 1}}));
}

TEST(TexturePlan, WholeWhenCheaperOrAboveTheFraction) {
    // A 4x4 RGBA8 texture (64 bytes): two calls cost more than sending all of it.
    const std::vector<ByteRange> corners{{0, 4}, {60, 64}};
    auto p = plan_texture_upload(corners, 4, 4, 1, 4, llvmpipe);
    EXPECT_TRUE(p.whole);
    EXPECT_EQ(p.boxes, (Boxes{{0, 0, 0, 4, 4, 1}}));
    EXPECT_EQ(p.sent_bytes, 64u);
    EXPECT_EQ(p.gap_bytes, 56u);
    // Above whole_fraction of the bytes: everything, even when calls are free.
    const std::vector<ByteRange> most{{0, 40}};
    EXPECT_TRUE(plan_texture_upload(most, 4, 4, 1, 4, UploadCosts{0, 1, 0.5}).whole);
    EXPECT_FALSE(plan_texture_upload(most, 4, 4, 1, 4, UploadCosts{0, 1, 0.75}).whole);
    // A plan that happens to cover everything is whole.
    EXPECT_TRUE(plan_texture_upload(std::vector<ByteRange>{{0, 64}}, 4, 4, 1, 4, cheap_calls).whole);
    EXPECT_TRUE(plan_texture_upload({}, 4, 4, 1, 4, llvmpipe).boxes.empty());
}

TEST(TexturePlan, ReusesThePlanItIsGiven) {
    glumpp::gloo::TexturePlan plan;
    plan_texture_upload(std::vector<ByteRange>{texel(1, 1), texel(100, 100)}, W, H, 1, T, llvmpipe, plan);
    EXPECT_EQ(plan.boxes.size(), 2u);
    plan_texture_upload(std::vector<ByteRange>{texel(5, 6)}, W, H, 1, T, llvmpipe, plan);
    EXPECT_EQ(plan.boxes, (Boxes{{5, 6, 0, 1, 1, 1}}));
    EXPECT_EQ(plan.dirty_bytes, 4u);
}

// Random grids and ranges: the boxes stay inside the texture and cover every written
// texel; with free calls they send exactly the written texels, each once.
TEST(TexturePlan, PropertyBoxesCoverExactlyWhatTheCostModelAllows) {
    std::mt19937 rng(1234);
    auto pick = [&](std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng); };
    for (int trial = 0; trial < 3000; ++trial) {
        const std::size_t w = pick(1, 40), h = pick(1, 12), d = pick(1, 5), t = pick(1, 16);
        const std::size_t size = w * h * d * t;
        std::set<std::size_t> cuts;
        const std::size_t n = pick(0, 10);
        while (cuts.size() < 2 * n && cuts.size() < size) cuts.insert(pick(0, size));
        std::vector<ByteRange> dirty;
        for (auto it = cuts.begin(); it != cuts.end() && std::next(it) != cuts.end(); std::advance(it, 2)) {
            dirty.push_back({*it, *std::next(it)});
        }
        const bool free_calls = trial % 2 == 0;
        const UploadCosts costs = free_calls ? UploadCosts{0, 1, 1.0} : UploadCosts{double(pick(0, 200)), 0.03 * double(pick(1, 30)), 1.0};
        auto p = plan_texture_upload(dirty, w, h, d, t, costs);
        std::vector<int> covered(w * h * d, 0);
        std::size_t sent = 0;
        for (const TexelBox& b : p.boxes) {
            ASSERT_GT(b.width * b.height * b.depth, 0u);
            ASSERT_LE(b.x + b.width, w);
            ASSERT_LE(b.y + b.height, h);
            ASSERT_LE(b.z + b.depth, d);
            for (std::size_t z = b.z; z < b.z + b.depth; ++z)
                for (std::size_t y = b.y; y < b.y + b.height; ++y)
                    for (std::size_t x = b.x; x < b.x + b.width; ++x) ++covered[(z * h + y) * w + x];
            sent += b.width * b.height * b.depth * t;
        }
        std::size_t dirty_bytes = 0, dirty_texels = 0;
        std::vector<bool> written(w * h * d, false);
        for (const ByteRange& r : dirty) {
            dirty_bytes += r.size();
            for (std::size_t byte = r.start; byte < r.stop; ++byte) written[byte / t] = true;
        }
        for (std::size_t k = 0; k < written.size(); ++k) {
            if (written[k]) {
                ++dirty_texels;
                ASSERT_GE(covered[k], 1) << "texel " << k << " written but not sent (trial " << trial << ")";
            }
        }
        EXPECT_EQ(p.sent_bytes, sent);
        EXPECT_EQ(p.dirty_bytes, dirty_bytes);
        EXPECT_EQ(p.gap_bytes, sent - dirty_bytes);
        if (p.whole) {
            EXPECT_EQ(p.boxes, (Boxes{{0, 0, 0, w, h, d}}));
        }
        if (free_calls && !p.whole) {
            EXPECT_EQ(sent, dirty_texels * t) << "trial " << trial;
            EXPECT_TRUE(std::all_of(covered.begin(), covered.end(), [](int c) { return c <= 1; }));
        }
    }
}
