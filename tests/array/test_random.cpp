// RandomGenerator: its bit stream against an independent Python implementation of
// SplitMix64 + xoshiro256**, and its distributions against statistical oracles (moments
// within bounds, Kolmogorov-Smirnov against the exact CDF, chi-square over integers).
// Seeds are fixed, so every run checks the same numbers; the bounds are those a correct
// generator passes with probability > 99.9%.
#include "../TestUtil.hpp"
#include "NumPy.hpp"

#include <glumpp/array.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <set>
#include <string>
#include <vector>

using glumpp::Array;
using glumpp::DType;
using glumpp::RandomGenerator;
using glumpp::test::message_of;
namespace fs = std::filesystem;

namespace {

// Kolmogorov-Smirnov statistic of `v` against `cdf`.
template <class Cdf>
double ks_statistic(std::vector<double> v, Cdf cdf) {
    std::sort(v.begin(), v.end());
    const double n = static_cast<double>(v.size());
    double d = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
        const double f = cdf(v[k]);
        d = std::max({d, f - static_cast<double>(k) / n, static_cast<double>(k + 1) / n - f});
    }
    return d;
}
// The KS statistic's critical value at alpha = 0.001 for large n.
double ks_critical(std::size_t n) { return 1.949 / std::sqrt(static_cast<double>(n)); }

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }
double variance(const std::vector<double>& v) {
    const double m = mean(v);
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / double(v.size() - 1);
}

} // namespace

TEST(Random, BitStreamIsSplitMix64SeededXoshiro256StarStar) {
    REQUIRE_NUMPY(); // (only Python is needed; the helper checks both)
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const fs::path dir = fs::path(GLUMPP_TEST_TMP) / "random" / info->name();
    fs::create_directories(dir);
    // Written from the published definitions, in Python integers (no shared code).
    const std::string script = R"PY(
import sys
M = (1 << 64) - 1
def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
for seed in [0, 1, 42, 2**64 - 1]:
    st, s = seed, []
    for _ in range(4):
        st, z = splitmix(st); s.append(z)
    out = []
    for _ in range(1000):
        out.append(rotl((s[1] * 5) & M, 7) * 9 & M)
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
    print(' '.join('%x' % x for x in out))
)PY";
    const auto run = glumpp::test::run_python(dir, script, "");
    ASSERT_EQ(run.status, 0) << run.output;
    std::string ours;
    for (std::uint64_t seed : {0ull, 1ull, 42ull, ~0ull}) {
        RandomGenerator rng(seed);
        char buffer[24];
        for (int k = 0; k < 1000; ++k) {
            std::snprintf(buffer, sizeof buffer, "%llx", static_cast<unsigned long long>(rng.next_u64()));
            ours += (k ? " " : "") + std::string(buffer);
        }
        ours += "\n";
    }
    EXPECT_EQ(run.output, ours);
}

TEST(Random, SameSeedSameStreamOtherSeedOtherStream) {
    RandomGenerator a(123), b(123), c(124);
    const auto ua = a.uniform(0, 1, {100}).to_vector<double>();
    const auto na = a.normal(0, 1, {7}).to_vector<double>();
    const auto ia = a.integers(0, 1000, {50}).to_vector<std::int64_t>();
    EXPECT_EQ(ua, b.uniform(0, 1, {100}).to_vector<double>());
    EXPECT_EQ(na, b.normal(0, 1, {7}).to_vector<double>());
    EXPECT_EQ(ia, b.integers(0, 1000, {50}).to_vector<std::int64_t>());
    EXPECT_NE(ua, c.uniform(0, 1, {100}).to_vector<double>());
    // Consecutive calls continue the stream rather than restart it.
    EXPECT_NE(ua, a.uniform(0, 1, {100}).to_vector<double>());
}

TEST(Random, UniformHasItsMomentsAndDistribution) {
    RandomGenerator rng(1);
    const std::size_t n = 200000;
    for (const bool f32 : {false, true}) {
        const double low = -3, high = 5;
        const Array a = rng.uniform(low, high, {n / 100, 100}, f32 ? DType::of<float>() : DType::of<double>());
        EXPECT_EQ(a.dtype(), f32 ? DType::of<float>() : DType::of<double>());
        EXPECT_EQ(a.shape(), (std::vector<std::size_t>{n / 100, 100}));
        const auto v = a.reshape({n}).to_vector<double>();
        EXPECT_GE(*std::min_element(v.begin(), v.end()), low);
        EXPECT_LT(*std::max_element(v.begin(), v.end()), high);
        // Mean (high + low) / 2 within 5 standard errors; variance (high - low)^2 / 12 within 2%.
        EXPECT_NEAR(mean(v), 1.0, 5 * 8 / std::sqrt(12.0 * n)) << f32;
        EXPECT_NEAR(variance(v), 64.0 / 12, 0.02 * 64 / 12) << f32;
        EXPECT_LT(ks_statistic(v, [&](double x) { return (x - low) / (high - low); }), ks_critical(n)) << f32;
    }
    // A 0-d array by default, as NumPy's size=().
    EXPECT_EQ(rng.uniform().ndim(), 0u);
}

TEST(Random, NormalHasItsMomentsAndDistribution) {
    RandomGenerator rng(2);
    const std::size_t n = 200001; // odd: the last pair's spare is dropped
    for (const bool f32 : {false, true}) {
        const double loc = 10, scale = 2.5;
        const auto v = rng.normal(loc, scale, {n}, f32 ? DType::of<float>() : DType::of<double>()).to_vector<double>();
        EXPECT_NEAR(mean(v), loc, 5 * scale / std::sqrt(double(n))) << f32;
        EXPECT_NEAR(variance(v), scale * scale, 0.02 * scale * scale) << f32;
        EXPECT_LT(ks_statistic(v, [&](double x) { return 0.5 * std::erfc(-(x - loc) / (scale * std::sqrt(2.0))); }),
                  ks_critical(n))
            << f32;
    }
    // scale 0 gives loc exactly.
    const auto z = rng.normal(3, 0, {5}).to_vector<double>();
    EXPECT_EQ(z, std::vector<double>(5, 3.0));
}

TEST(Random, IntegersCoverTheHalfOpenRangeUniformly) {
    RandomGenerator rng(3);
    const std::int64_t low = -3, high = 7;
    const std::size_t n = 100000, bins = static_cast<std::size_t>(high - low);
    const auto v = rng.integers(low, high, {n}).to_vector<std::int64_t>();
    std::vector<double> count(bins, 0);
    for (auto x : v) {
        ASSERT_GE(x, low);
        ASSERT_LT(x, high);
        count[static_cast<std::size_t>(x - low)] += 1;
    }
    double chi2 = 0;
    const double expected = double(n) / double(bins);
    for (double c : count) chi2 += (c - expected) * (c - expected) / expected;
    EXPECT_LT(chi2, 27.88); // chi-square, 9 degrees of freedom, p = 0.001
    EXPECT_GT(chi2, 1.15);  // ... and not suspiciously flat (p = 0.999 on the other side)

    // Narrow types and the whole range of a type.
    const Array b = rng.integers(0, 256, {4096}, DType::of<std::uint8_t>());
    EXPECT_EQ(b.dtype(), DType::of<std::uint8_t>());
    const auto bv = b.to_vector<int>();
    EXPECT_EQ(std::set<int>(bv.begin(), bv.end()).size(), 256u);
    const auto big = rng.integers(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
                                  {1000}).to_vector<std::int64_t>();
    EXPECT_GT(std::count_if(big.begin(), big.end(), [](auto x) { return x < 0; }), 400);
    EXPECT_GT(std::count_if(big.begin(), big.end(), [](auto x) { return x > 0; }), 400);
    const auto one = rng.integers(5, 6, {10}, DType::of<std::int32_t>()).to_vector<int>();
    EXPECT_EQ(one, std::vector<int>(10, 5));
}

TEST(Random, BadArgumentsAreTypedErrors) {
    RandomGenerator rng(0);
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { rng.integers(5, 5); }),
              "RandomGenerator::integers: low >= high (5 >= 5)");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { rng.integers(-1, 10, {}, DType::of<std::uint8_t>()); }),
              "RandomGenerator::integers: [-1, 10) does not fit in uint8");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { rng.integers(0, 129, {}, DType::of<std::int8_t>()); }),
              "RandomGenerator::integers: [0, 129) does not fit in int8");
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { rng.integers(0, 2, {}, DType::of<float>()); }),
              "RandomGenerator::integers: dtype must be a native integer type (int8-64, uint8-64), got float32");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { rng.normal(0, -1); }),
              "RandomGenerator::normal: scale must be non-negative, got -1");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { rng.uniform(0, INFINITY); }),
              "RandomGenerator::uniform: low and high must be finite with a finite range, got 0, inf");
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { rng.uniform(0, 1, {2}, DType::of<int>()); }),
              "RandomGenerator::uniform: dtype must be float64 or float32, got int32");
    // A throwing call consumes nothing: the stream goes on as if it had not been made.
    RandomGenerator fresh(0);
    EXPECT_EQ(rng.next_u64(), fresh.next_u64());
}
