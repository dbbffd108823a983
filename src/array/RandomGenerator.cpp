#include <glumpp/array/RandomGenerator.hpp>

#include <glumpp/Error.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace glumpp {

namespace {

std::string num_str(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

// SplitMix64 (Steele, Lea and Flood): spreads a seed over the xoshiro state.
std::uint64_t splitmix64(std::uint64_t& state) noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::size_t count_of(const std::vector<std::size_t>& shape) {
    std::size_t n = 1;
    for (auto s : shape) n *= s;
    return n;
}

/// Which floating type a uniform or normal call produces.
bool wants_float32(const char* caller, const DType& dtype) {
    if (dtype == DType::of<float>()) return true;
    if (dtype == DType::of<double>()) return false;
    throw TypeError(std::string(caller) + ": dtype must be float64 or float32, got " + dtype.name());
}

} // namespace

RandomGenerator::RandomGenerator(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
}

std::uint64_t RandomGenerator::next_u64() noexcept {
    // xoshiro256**
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double RandomGenerator::next_double() noexcept { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
float RandomGenerator::next_float() noexcept { return static_cast<float>(next_u64() >> 40) * 0x1.0p-24f; }

std::uint64_t RandomGenerator::below(std::uint64_t range) noexcept {
    if (range == 0) return next_u64(); // the whole 2^64
    // Outputs below 2^64 mod range belong to a short, incomplete block: drawn again.
    const std::uint64_t threshold = (0 - range) % range;
    while (true) {
        const std::uint64_t x = next_u64();
        if (x >= threshold) return x % range;
    }
}

Array RandomGenerator::uniform(double low, double high, std::vector<std::size_t> shape, const DType& dtype) {
    if (!std::isfinite(low) || !std::isfinite(high) || !std::isfinite(high - low))
        throw ValueError("RandomGenerator::uniform: low and high must be finite with a finite range, got " +
                         num_str(low) + ", " + num_str(high));
    const bool f32 = wants_float32("RandomGenerator::uniform", dtype);
    const std::size_t n = count_of(shape);
    Array out = Array::zeros(std::move(shape), dtype);
    if (n == 0) return out;
    WriteScope scope(out);
    if (f32) {
        float* y = scope.data_as<float>();
        const auto lo = static_cast<float>(low), range = static_cast<float>(high - low);
        for (std::size_t k = 0; k < n; ++k) y[k] = lo + range * next_float();
    } else {
        double* y = scope.data_as<double>();
        const double range = high - low;
        for (std::size_t k = 0; k < n; ++k) y[k] = low + range * next_double();
    }
    return out;
}

Array RandomGenerator::normal(double loc, double scale, std::vector<std::size_t> shape, const DType& dtype) {
    if (!(scale >= 0)) throw ValueError("RandomGenerator::normal: scale must be non-negative, got " + num_str(scale));
    if (!std::isfinite(loc) || !std::isfinite(scale))
        throw ValueError("RandomGenerator::normal: loc and scale must be finite, got " + num_str(loc) + ", " +
                         num_str(scale));
    const bool f32 = wants_float32("RandomGenerator::normal", dtype);
    const std::size_t n = count_of(shape);
    Array out = Array::zeros(std::move(shape), dtype);
    if (n == 0) return out;
    WriteScope scope(out);
    std::byte* const data = scope.data();
    auto put = [&](std::size_t k, double z) {
        const double v = loc + scale * z;
        if (f32) reinterpret_cast<float*>(data)[k] = static_cast<float>(v);
        else reinterpret_cast<double*>(data)[k] = v;
    };
    for (std::size_t k = 0; k < n; k += 2) {
        // Marsaglia's polar method: a point uniform in the unit disc (0 excluded) gives
        // two independent standard normals.
        double u, v, s;
        do {
            u = 2 * next_double() - 1;
            v = 2 * next_double() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        const double f = std::sqrt(-2 * std::log(s) / s);
        put(k, u * f);
        if (k + 1 < n) put(k + 1, v * f);
    }
    return out;
}

namespace {
template <class I>
bool fits(std::int64_t low, std::int64_t high) {
    // high is exclusive: it may be one past the type's maximum.
    using L = long double;
    return L(low) >= L(std::numeric_limits<I>::min()) && L(high) <= L(std::numeric_limits<I>::max()) + 1;
}
} // namespace

Array RandomGenerator::integers(std::int64_t low, std::int64_t high, std::vector<std::size_t> shape,
                                const DType& dtype) {
    if (low >= high)
        throw ValueError("RandomGenerator::integers: low >= high (" + std::to_string(low) + " >= " +
                         std::to_string(high) + ")");
    bool ok = false;
    std::size_t size = 0;
    auto check = [&]<class I>(I*) {
        if (dtype == DType::of<I>()) {
            ok = true;
            size = sizeof(I);
            if (!fits<I>(low, high))
                throw ValueError("RandomGenerator::integers: [" + std::to_string(low) + ", " + std::to_string(high) +
                                 ") does not fit in " + dtype.name());
        }
    };
    check(static_cast<std::int64_t*>(nullptr));
    check(static_cast<std::int32_t*>(nullptr));
    check(static_cast<std::int16_t*>(nullptr));
    check(static_cast<std::int8_t*>(nullptr));
    check(static_cast<std::uint64_t*>(nullptr));
    check(static_cast<std::uint32_t*>(nullptr));
    check(static_cast<std::uint16_t*>(nullptr));
    check(static_cast<std::uint8_t*>(nullptr));
    if (!ok)
        throw TypeError("RandomGenerator::integers: dtype must be a native integer type (int8-64, uint8-64), got " +
                        dtype.name());
    const std::size_t n = count_of(shape);
    Array out = Array::zeros(std::move(shape), dtype);
    if (n == 0) return out;
    // high - low in unsigned arithmetic: exact for every int64 pair (2^64 wraps to 0).
    const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    WriteScope scope(out);
    std::byte* const data = scope.data();
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint64_t v = static_cast<std::uint64_t>(low) + below(range); // wraps back into [low, high)
        // The low `size` bytes of the two's-complement value are the value in the type.
        switch (size) {
        case 8: reinterpret_cast<std::uint64_t*>(data)[k] = v; break;
        case 4: reinterpret_cast<std::uint32_t*>(data)[k] = static_cast<std::uint32_t>(v); break;
        case 2: reinterpret_cast<std::uint16_t*>(data)[k] = static_cast<std::uint16_t>(v); break;
        default: reinterpret_cast<std::uint8_t*>(data)[k] = static_cast<std::uint8_t>(v); break;
        }
    }
    return out;
}

} // namespace glumpp
