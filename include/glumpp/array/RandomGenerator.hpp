#pragma once
// RandomGenerator: seeded random arrays in NumPy's `default_rng` vocabulary.
//
//   glumpp::RandomGenerator rng(42);
//   auto u = rng.uniform(-1, 1, {1000, 2});          // float64, [-1, 1)
//   auto n = rng.normal(0, 0.1, {1000}, DType::of<float>());
//   auto k = rng.integers(0, 6, {100});              // int64, [0, 6)
//
// (NumPy's `Generator`, named for what it is: glumpp has no `random` namespace, which a
// `using namespace glumpp;` would make clash with POSIX's ::random().)
//
// Not NumPy's stream: NumPy's PCG64 and ziggurat are not reproduced, so the same seed
// gives other numbers than NumPy (the same distributions). What is promised instead:
//  - the bit stream is xoshiro256** (Blackman and Vigna, 2018) with its 256-bit state
//    seeded by four outputs of SplitMix64 from the seed: integer arithmetic only, the
//    same on every platform and standard library (std:: distributions are not);
//  - uniform: float64 from the top 53 bits of one output, u = (x >> 11) * 2^-53 in
//    [0, 1), then low + (high - low) * u (NumPy's formula); float32 from the top 24 bits,
//    computed in float;
//  - normal: Marsaglia's polar method on pairs of uniforms in (-1, 1), loc + scale * z;
//    it goes through std::log and std::sqrt (glibc's log is correctly rounded in practice;
//    another libm may differ in the last bit). A call draws pairs and drops an odd spare:
//    the generator's state is the 256 bits and nothing else;
//  - integers: uniform over [low, high) without bias (an output is drawn again when it
//    falls in the short last block of 2^64 mod (high - low)).
// One RandomGenerator is one stream: calls consume it in order, so the same seed and the same
// calls give the same arrays. Not thread-safe: one generator per thread.
//
// Results are new arrays (entirely dirty) of `shape`; an empty shape gives a 0-d array
// holding one value (NumPy's size=()). float64 by default, float32 on request with the
// trailing DType (TypeError for others); integers: int64 by default, or int32, int16,
// int8, uint64, uint32, uint16, uint8, with low and high checked against it.

#include <glumpp/array/Array.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace glumpp {

class RandomGenerator {
public:
    /// The stream for `seed` (every seed, 0 included, gives a full-period state).
    explicit RandomGenerator(std::uint64_t seed);

    /// Uniform over [low, high). As in NumPy, low > high is allowed (values in (high, low]);
    /// ValueError when low or high is not finite.
    Array uniform(double low = 0.0, double high = 1.0, std::vector<std::size_t> shape = {},
                  const DType& dtype = DType::of<double>());
    /// Normal with mean `loc` and standard deviation `scale`; ValueError when scale < 0
    /// or either is not finite.
    Array normal(double loc = 0.0, double scale = 1.0, std::vector<std::size_t> shape = {},
                 const DType& dtype = DType::of<double>());
    /// Integers uniform over [low, high) (high exclusive); ValueError when low >= high or
    /// a bound does not fit the dtype.
    Array integers(std::int64_t low, std::int64_t high, std::vector<std::size_t> shape = {},
                   const DType& dtype = DType::of<std::int64_t>());

    /// The next 64 raw bits of the stream (what every method above consumes).
    std::uint64_t next_u64() noexcept;

private:
    double next_double() noexcept;     // [0, 1), 53 bits
    float next_float() noexcept;       // [0, 1), 24 bits
    std::uint64_t below(std::uint64_t range) noexcept; // [0, range), range > 0; 0 means 2^64

    std::array<std::uint64_t, 4> s_{};
};

} // namespace glumpp
