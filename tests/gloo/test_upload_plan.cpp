// The upload planner alone: which calls send which dirty ranges.
#include <glumpp/gloo/UploadPlan.hpp>

#include <gtest/gtest.h>

using glumpp::ByteRange;
using glumpp::gloo::plan_upload;
using glumpp::gloo::UploadCosts;

TEST(UploadPlan, SeedExampleTwoCallsOrOneByCost) {
    const std::vector<ByteRange> dirty{{0, 8}, {80, 88}};
    // llvmpipe: a call costs as much as ~1600 bytes, the 72-byte gap is cheaper: one call.
    auto one = plan_upload(dirty, 180, UploadCosts{50, 0.03, 1.0});
    EXPECT_EQ(one.calls, (std::vector<ByteRange>{{0, 88}}));
    EXPECT_EQ(one.sent_bytes, 88u);
    EXPECT_EQ(one.gap_bytes, 72u);
    EXPECT_EQ(one.dirty_bytes, 16u);
    // Calls nearly free, bytes dear: two calls of 8 bytes.
    auto two = plan_upload(dirty, 180, UploadCosts{0.5, 0.03, 1.0});
    EXPECT_EQ(two.calls, (std::vector<ByteRange>{{0, 8}, {80, 88}}));
    EXPECT_EQ(two.sent_bytes, 16u);
    EXPECT_EQ(two.gap_bytes, 0u);
}

TEST(UploadPlan, MergesExactlyTheGapsCheaperThanACall) {
    // break-even gap = 50 / 0.05 = 1000 bytes
    const UploadCosts c{50, 0.05, 1.0};
    const std::vector<ByteRange> dirty{{0, 10}, {1009, 1019}, {2020, 2030}, {100000, 100010}};
    auto p = plan_upload(dirty, 1 << 20, c);
    EXPECT_EQ(p.calls, (std::vector<ByteRange>{{0, 1019}, {2020, 2030}, {100000, 100010}}));
    EXPECT_FALSE(p.whole);
}

TEST(UploadPlan, WholeWhenCheaperOrAboveTheFraction) {
    const std::vector<ByteRange> dirty{{0, 10}, {5000, 5010}, {9990, 10000}};
    auto p = plan_upload(dirty, 10000, UploadCosts{1000, 0.01, 1.0}); // calls are very dear
    EXPECT_TRUE(p.whole);
    EXPECT_EQ(p.calls, (std::vector<ByteRange>{{0, 10000}}));
    EXPECT_EQ(p.gap_bytes, 10000u - 30u);
    auto q = plan_upload(std::vector<ByteRange>{{0, 600}}, 1000, UploadCosts{0.1, 1.0, 0.5}); // 60% dirty, threshold 50%
    EXPECT_TRUE(q.whole);
    auto r = plan_upload(std::vector<ByteRange>{{0, 400}}, 1000, UploadCosts{0.1, 1.0, 0.5});
    EXPECT_FALSE(r.whole);
    EXPECT_TRUE(plan_upload({}, 1000, UploadCosts{}).calls.empty());
}
