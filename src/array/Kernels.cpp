#include "Kernels.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace glumpp::detail {

namespace {

// --- element access (memcpy: records are often packed, so no alignment is assumed) -----

template <class T>
inline T load(const std::byte* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class T>
inline void store(std::byte* p, T v) noexcept {
    std::memcpy(p, &v, sizeof v);
}

// --- conversions: NumPy's unsafe casting, made total ------------------------------------

template <class I, class F>
inline I float_to_int(F x) noexcept {
    if (std::isnan(x)) return 0;
    constexpr int bits = std::numeric_limits<I>::digits; // value bits, without the sign
    const F upper = std::ldexp(F(1), bits);              // first value that does not fit
    if (x >= upper) return std::numeric_limits<I>::max();
    if constexpr (std::is_signed_v<I>) {
        if (x <= -upper) return std::numeric_limits<I>::min();
    } else {
        if (x <= F(0)) return 0;
    }
    return static_cast<I>(x); // truncates toward zero, in range
}

template <class D, class S>
inline D cast(S s) noexcept {
    if constexpr (std::is_same_v<D, bool>) {
        return s != S(0);
    } else if constexpr (std::is_floating_point_v<S> && std::is_integral_v<D>) {
        return float_to_int<D>(s);
    } else if constexpr (std::is_same_v<D, float> && std::is_same_v<S, double>) {
        if (!(std::fabs(s) <= static_cast<double>(std::numeric_limits<float>::max())) && !std::isnan(s)) {
            return std::copysign(std::numeric_limits<float>::infinity(), static_cast<float>(s > 0 ? 1 : -1));
        }
        return static_cast<float>(s);
    } else {
        return static_cast<D>(s); // integer to integer wraps (defined since C++20)
    }
}

// --- scalar identities -------------------------------------------------------------------

// Natively handled scalars, in the order of with_type below; -1 for float16, void and
// non-native byte order (those go through Number).
int native_id(const DType& d) noexcept {
    if (!d.is_native()) return -1;
    const std::size_t n = d.itemsize();
    switch (d.scalar_kind()) {
    case ScalarKind::Bool: return 0;
    case ScalarKind::Int: return n == 1 ? 1 : n == 2 ? 2 : n == 4 ? 3 : 4;
    case ScalarKind::UInt: return n == 1 ? 5 : n == 2 ? 6 : n == 4 ? 7 : 8;
    case ScalarKind::Float: return n == 4 ? 9 : n == 8 ? 10 : -1;
    case ScalarKind::Void: return -1;
    }
    return -1;
}

template <class F>
void with_type(int id, F&& f) {
    switch (id) {
    case 0: f(bool{}); break;
    case 1: f(std::int8_t{}); break;
    case 2: f(std::int16_t{}); break;
    case 3: f(std::int32_t{}); break;
    case 4: f(std::int64_t{}); break;
    case 5: f(std::uint8_t{}); break;
    case 6: f(std::uint16_t{}); break;
    case 7: f(std::uint32_t{}); break;
    case 8: f(std::uint64_t{}); break;
    case 9: f(float{}); break;
    case 10: f(double{}); break;
    default: break;
    }
}

void byteswap_into(std::byte* out, const std::byte* in, std::size_t n) noexcept {
    for (std::size_t k = 0; k < n; ++k) out[k] = in[n - 1 - k];
}

bool swapped(const DType& d) noexcept {
    return d.byte_order() != ByteOrder::NotApplicable && d.byte_order() != native_byte_order();
}

template <class T>
T number_as(const Number& v) noexcept {
    switch (v.kind) {
    case Number::Kind::Float: return cast<T>(v.f);
    case Number::Kind::Int: return cast<T>(v.i);
    case Number::Kind::UInt: return cast<T>(v.u);
    }
    return T{};
}

// --- grid iteration --------------------------------------------------------------------

void simplify(Grid& g) {
    std::size_t out = 0;
    for (std::size_t k = 0; k < g.shape.size(); ++k) {
        if (g.shape[k] == 1) continue;
        if (out > 0) {
            const std::size_t prev = out - 1;
            // Axis prev steps over exactly one run of axis k for both operands: merge.
            if (g.dst_strides[prev] == g.dst_strides[k] * static_cast<std::ptrdiff_t>(g.shape[k]) &&
                g.src_strides[prev] == g.src_strides[k] * static_cast<std::ptrdiff_t>(g.shape[k])) {
                g.shape[prev] *= g.shape[k];
                g.dst_strides[prev] = g.dst_strides[k];
                g.src_strides[prev] = g.src_strides[k];
                continue;
            }
        }
        g.shape[out] = g.shape[k];
        g.dst_strides[out] = g.dst_strides[k];
        g.src_strides[out] = g.src_strides[k];
        ++out;
    }
    g.shape.resize(out);
    g.dst_strides.resize(out);
    g.src_strides.resize(out);
}

// Folds contiguous innermost axes into the element (byte-exact operations only).
std::size_t fold_block(Grid& g, std::size_t size, bool with_src) {
    while (!g.shape.empty()) {
        const std::size_t k = g.shape.size() - 1;
        const auto s = static_cast<std::ptrdiff_t>(size);
        if (g.dst_strides[k] != s || (with_src && g.src_strides[k] != s)) break;
        size *= g.shape[k];
        g.shape.pop_back();
        g.dst_strides.pop_back();
        g.src_strides.pop_back();
    }
    return size;
}

template <class Fn>
void for_each_row(const Grid& g, std::byte* dst, const std::byte* src, Fn&& fn) {
    const std::size_t nd = g.shape.size();
    if (nd == 0) {
        fn(dst, src, 1, 0, 0);
        return;
    }
    const std::size_t last = nd - 1;
    std::ptrdiff_t od = 0, os = 0;
    std::size_t idx[64] = {};
    for (;;) {
        fn(dst + od, src + os, g.shape[last], g.dst_strides[last], g.src_strides[last]);
        std::size_t k = last;
        for (;;) {
            if (k == 0) return;
            --k;
            if (++idx[k] < g.shape[k]) {
                od += g.dst_strides[k];
                os += g.src_strides[k];
                break;
            }
            od -= static_cast<std::ptrdiff_t>(g.shape[k] - 1) * g.dst_strides[k];
            os -= static_cast<std::ptrdiff_t>(g.shape[k] - 1) * g.src_strides[k];
            idx[k] = 0;
        }
    }
}

template <std::size_t N>
void copy_fixed(std::byte* d, std::ptrdiff_t ds, const std::byte* s, std::ptrdiff_t ss, std::size_t n) {
    if (ss == 0) { // a fill: the value in registers, not reloaded after every store (d may alias s)
        std::array<std::byte, N> v;
        std::memcpy(v.data(), s, N);
        for (std::size_t k = 0; k < n; ++k) std::memcpy(d + static_cast<std::ptrdiff_t>(k) * ds, v.data(), N);
        return;
    }
    for (std::size_t k = 0; k < n; ++k) {
        std::memcpy(d + static_cast<std::ptrdiff_t>(k) * ds, s + static_cast<std::ptrdiff_t>(k) * ss, N);
    }
}

// Copies n elements of `size` bytes; a fixed size lets the compiler emit plain moves.
void copy_row(std::byte* d, std::ptrdiff_t ds, const std::byte* s, std::ptrdiff_t ss, std::size_t n, std::size_t size) {
    if (ds == static_cast<std::ptrdiff_t>(size) && ss == static_cast<std::ptrdiff_t>(size)) {
        std::memmove(d, s, n * size);
        return;
    }
    switch (size) {
    case 1: return copy_fixed<1>(d, ds, s, ss, n);
    case 2: return copy_fixed<2>(d, ds, s, ss, n);
    case 4: return copy_fixed<4>(d, ds, s, ss, n);
    case 8: return copy_fixed<8>(d, ds, s, ss, n);
    case 12: return copy_fixed<12>(d, ds, s, ss, n);
    case 16: return copy_fixed<16>(d, ds, s, ss, n);
    case 24: return copy_fixed<24>(d, ds, s, ss, n);
    case 32: return copy_fixed<32>(d, ds, s, ss, n);
    default:
        for (std::size_t k = 0; k < n; ++k) {
            std::memcpy(d + static_cast<std::ptrdiff_t>(k) * ds, s + static_cast<std::ptrdiff_t>(k) * ss, size);
        }
    }
}

template <class D, class S>
void convert_row(std::byte* d, std::ptrdiff_t ds, const std::byte* s, std::ptrdiff_t ss, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) {
        store<D>(d + static_cast<std::ptrdiff_t>(k) * ds, cast<D>(load<S>(s + static_cast<std::ptrdiff_t>(k) * ss)));
    }
}

using RowFn = void (*)(std::byte*, std::ptrdiff_t, const std::byte*, std::ptrdiff_t, std::size_t);

RowFn converter(int dst_id, int src_id) {
    RowFn fn = nullptr;
    with_type(dst_id, [&](auto d) {
        with_type(src_id, [&](auto s) { fn = &convert_row<decltype(d), decltype(s)>; });
    });
    return fn;
}

template <class T>
T apply(ArithOp op, T a, T b) noexcept {
    if constexpr (std::is_same_v<T, bool>) {
        return a; // refused by the caller (no arithmetic on bool)
    } else if constexpr (std::is_integral_v<T>) {
        using U = std::make_unsigned_t<T>;
        const U x = static_cast<U>(a), y = static_cast<U>(b);
        switch (op) {
        case ArithOp::Add: return static_cast<T>(static_cast<U>(x + y));
        case ArithOp::Sub: return static_cast<T>(static_cast<U>(x - y));
        case ArithOp::Mul: return static_cast<T>(static_cast<U>(static_cast<std::uint64_t>(x) * y));
        case ArithOp::Div: return a; // refused by the caller (true division gives floats)
        }
        return a;
    } else {
        switch (op) {
        case ArithOp::Add: return a + b;
        case ArithOp::Sub: return a - b;
        case ArithOp::Mul: return a * b;
        case ArithOp::Div: return a / b;
        }
        return a;
    }
}

template <class T>
void arith_scalar_row(std::byte* d, std::ptrdiff_t ds, std::size_t n, ArithOp op, T v) {
    auto loop = [&](auto f) {
        for (std::size_t k = 0; k < n; ++k) {
            std::byte* p = d + static_cast<std::ptrdiff_t>(k) * ds;
            store<T>(p, f(load<T>(p)));
        }
    };
    switch (op) {
    case ArithOp::Add: loop([v](T x) { return apply(ArithOp::Add, x, v); }); break;
    case ArithOp::Sub: loop([v](T x) { return apply(ArithOp::Sub, x, v); }); break;
    case ArithOp::Mul: loop([v](T x) { return apply(ArithOp::Mul, x, v); }); break;
    case ArithOp::Div: loop([v](T x) { return apply(ArithOp::Div, x, v); }); break;
    }
}

template <class T>
void arith_row(std::byte* d, std::ptrdiff_t ds, const std::byte* s, std::ptrdiff_t ss, std::size_t n, ArithOp op) {
    for (std::size_t k = 0; k < n; ++k) {
        std::byte* p = d + static_cast<std::ptrdiff_t>(k) * ds;
        store<T>(p, apply(op, load<T>(p), load<T>(s + static_cast<std::ptrdiff_t>(k) * ss)));
    }
}

Number compute(ArithOp op, const Number& a, const Number& b) {
    if (a.kind == Number::Kind::Float || b.kind == Number::Kind::Float) {
        auto as_double = [](const Number& x) {
            return x.kind == Number::Kind::Float ? x.f : x.kind == Number::Kind::Int ? static_cast<double>(x.i)
                                                                                     : static_cast<double>(x.u);
        };
        return Number::of(apply(op, as_double(a), as_double(b)));
    }
    auto bits = [](const Number& x) { return x.kind == Number::Kind::Int ? static_cast<std::uint64_t>(x.i) : x.u; };
    return Number::of(apply(op, bits(a), bits(b)));
}

} // namespace

// --- half precision (storage only) ---------------------------------------------------------

float half_to_float(std::uint16_t h) noexcept {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1Fu;
    std::uint32_t mant = h & 0x3FFu;
    std::uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else { // subnormal: normalise
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while ((mant & 0x400u) == 0);
            bits = sign | static_cast<std::uint32_t>(127 - 15 - e) << 23 | (mant & 0x3FFu) << 13;
        }
    } else if (exp == 0x1F) {
        bits = sign | 0x7F800000u | mant << 13; // inf / nan
    } else {
        bits = sign | (exp + 127 - 15) << 23 | mant << 13;
    }
    return std::bit_cast<float>(bits);
}

std::uint16_t float_to_half(float f) noexcept {
    const std::uint32_t x = std::bit_cast<std::uint32_t>(f);
    const std::uint16_t sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
    const std::uint32_t exp = (x >> 23) & 0xFFu;
    std::uint32_t mant = x & 0x7FFFFFu;
    if (exp == 0xFF) return static_cast<std::uint16_t>(sign | 0x7C00u | (mant ? 0x200u : 0u)); // inf / nan
    const int e = static_cast<int>(exp) - 127 + 15;
    if (e >= 0x1F) return static_cast<std::uint16_t>(sign | 0x7C00u); // overflow to inf
    if (e <= 0) {                                                     // subnormal or zero
        if (e < -10) return sign;
        mant |= 0x800000u;
        const int shift = 14 - e;
        std::uint32_t half = mant >> shift;
        const std::uint32_t rest = mant & ((1u << shift) - 1);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1u))) ++half; // round to nearest even
        return static_cast<std::uint16_t>(sign | half);
    }
    std::uint32_t half = static_cast<std::uint32_t>(e) << 10 | mant >> 13;
    const std::uint32_t rest = mant & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half; // may carry into the exponent: correct
    return static_cast<std::uint16_t>(sign | half);
}

// --- Number <-> bytes ------------------------------------------------------------------

Number load_number(const std::byte* in, const DType& scalar) {
    std::byte buf[8];
    const std::size_t n = scalar.itemsize();
    if (swapped(scalar)) {
        byteswap_into(buf, in, n);
    } else {
        std::memcpy(buf, in, n);
    }
    switch (scalar.scalar_kind()) {
    case ScalarKind::Bool: return Number::of(std::uint64_t(buf[0] != std::byte{0} ? 1 : 0));
    case ScalarKind::Int:
        switch (n) {
        case 1: return Number::of(std::int64_t(load<std::int8_t>(buf)));
        case 2: return Number::of(std::int64_t(load<std::int16_t>(buf)));
        case 4: return Number::of(std::int64_t(load<std::int32_t>(buf)));
        default: return Number::of(load<std::int64_t>(buf));
        }
    case ScalarKind::UInt:
        switch (n) {
        case 1: return Number::of(std::uint64_t(load<std::uint8_t>(buf)));
        case 2: return Number::of(std::uint64_t(load<std::uint16_t>(buf)));
        case 4: return Number::of(std::uint64_t(load<std::uint32_t>(buf)));
        default: return Number::of(load<std::uint64_t>(buf));
        }
    case ScalarKind::Float:
        switch (n) {
        case 2: return Number::of(double(half_to_float(load<std::uint16_t>(buf))));
        case 4: return Number::of(double(load<float>(buf)));
        default: return Number::of(load<double>(buf));
        }
    case ScalarKind::Void: break;
    }
    throw TypeError("Array: void bytes (" + scalar.descr() + ") have no numeric value");
}

void store_number(std::byte* out, const DType& scalar, const Number& v) {
    std::byte buf[8];
    const std::size_t n = scalar.itemsize();
    switch (scalar.scalar_kind()) {
    case ScalarKind::Bool: store(buf, number_as<bool>(v)); break;
    case ScalarKind::Int:
        switch (n) {
        case 1: store(buf, number_as<std::int8_t>(v)); break;
        case 2: store(buf, number_as<std::int16_t>(v)); break;
        case 4: store(buf, number_as<std::int32_t>(v)); break;
        default: store(buf, number_as<std::int64_t>(v)); break;
        }
        break;
    case ScalarKind::UInt:
        switch (n) {
        case 1: store(buf, number_as<std::uint8_t>(v)); break;
        case 2: store(buf, number_as<std::uint16_t>(v)); break;
        case 4: store(buf, number_as<std::uint32_t>(v)); break;
        default: store(buf, number_as<std::uint64_t>(v)); break;
        }
        break;
    case ScalarKind::Float:
        switch (n) {
        case 2: store(buf, float_to_half(number_as<float>(v))); break;
        case 4: store(buf, number_as<float>(v)); break;
        default: store(buf, number_as<double>(v)); break;
        }
        break;
    case ScalarKind::Void: throw TypeError("Array: cannot store a number into void bytes (" + scalar.descr() + ")");
    }
    if (swapped(scalar)) {
        byteswap_into(out, buf, n);
    } else {
        std::memcpy(out, buf, n);
    }
}

// --- grid operations -----------------------------------------------------------------------

void fill_pattern(std::byte* dst, Grid grid, const std::byte* pattern, std::size_t size) {
    grid.src_strides.assign(grid.shape.size(), 0);
    simplify(grid);
    const std::size_t block = fold_block(grid, size, false);
    std::vector<std::byte> repeated(block);
    for (std::size_t k = 0; k < block; k += size) std::memcpy(repeated.data() + k, pattern, size);
    for_each_row(grid, dst, repeated.data(), [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t) {
        copy_row(d, ds, s, 0, n, block);
    });
}

void fill_grid(std::byte* dst, Grid grid, const DType& scalar, const Number& value) {
    std::byte item[8];
    store_number(item, scalar, value);
    fill_pattern(dst, std::move(grid), item, scalar.itemsize());
}

void convert_grid(std::byte* dst, const DType& dst_scalar, const std::byte* src, const DType& src_scalar, Grid grid) {
    simplify(grid);
    if (dst_scalar == src_scalar || (dst_scalar.is_scalar() && src_scalar.is_scalar() &&
                                     dst_scalar.scalar_kind() == ScalarKind::Void &&
                                     src_scalar.scalar_kind() == ScalarKind::Void &&
                                     dst_scalar.itemsize() == src_scalar.itemsize())) {
        const std::size_t block = fold_block(grid, dst_scalar.itemsize(), true);
        for_each_row(grid, dst, src, [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t ss) {
            copy_row(d, ds, s, ss, n, block);
        });
        return;
    }
    if (dst_scalar.scalar_kind() == ScalarKind::Void || src_scalar.scalar_kind() == ScalarKind::Void) {
        throw TypeError("Array::assign: cannot convert " + src_scalar.name() + " to " + dst_scalar.name() +
                        " (void bytes only copy into void bytes of the same size)");
    }
    if (RowFn fn = converter(native_id(dst_scalar), native_id(src_scalar))) {
        for_each_row(grid, dst, src, [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t ss) {
            fn(d, ds, s, ss, n);
        });
        return;
    }
    for_each_row(grid, dst, src, [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t ss) {
        for (std::size_t k = 0; k < n; ++k) {
            store_number(d + static_cast<std::ptrdiff_t>(k) * ds, dst_scalar,
                         load_number(s + static_cast<std::ptrdiff_t>(k) * ss, src_scalar));
        }
    });
}

void arith_scalar_grid(std::byte* dst, const DType& scalar, Grid grid, ArithOp op, const Number& value) {
    grid.src_strides.assign(grid.shape.size(), 0);
    simplify(grid);
    const int id = native_id(scalar);
    if (id > 0) { // not bool (refused by the caller anyway)
        with_type(id, [&](auto t) {
            using T = decltype(t);
            const T v = number_as<T>(value);
            for_each_row(grid, dst, nullptr, [&](std::byte* d, const std::byte*, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t) {
                arith_scalar_row<T>(d, ds, n, op, v);
            });
        });
        return;
    }
    for_each_row(grid, dst, nullptr, [&](std::byte* d, const std::byte*, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t) {
        for (std::size_t k = 0; k < n; ++k) {
            std::byte* p = d + static_cast<std::ptrdiff_t>(k) * ds;
            store_number(p, scalar, compute(op, load_number(p, scalar), value));
        }
    });
}

void arith_grid(std::byte* dst, const DType& dst_scalar, const std::byte* src, const DType& src_scalar, Grid grid,
                ArithOp op) {
    simplify(grid);
    const int id = native_id(dst_scalar);
    if (id > 0 && dst_scalar == src_scalar) {
        with_type(id, [&](auto t) {
            using T = decltype(t);
            for_each_row(grid, dst, src, [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t ss) {
                arith_row<T>(d, ds, s, ss, n, op);
            });
        });
        return;
    }
    for_each_row(grid, dst, src, [&](std::byte* d, const std::byte* s, std::size_t n, std::ptrdiff_t ds, std::ptrdiff_t ss) {
        for (std::size_t k = 0; k < n; ++k) {
            std::byte* p = d + static_cast<std::ptrdiff_t>(k) * ds;
            store_number(p, dst_scalar,
                         compute(op, load_number(p, dst_scalar), load_number(s + static_cast<std::ptrdiff_t>(k) * ss, src_scalar)));
        }
    });
}

} // namespace glumpp::detail
