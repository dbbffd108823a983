#include <glumpp/array/Construct.hpp>

#include <glumpp/Error.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace glumpp {

namespace {

using detail::shape_str;

std::string num_str(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

std::string list_str(const std::vector<long long>& v) {
    std::string s = "(";
    for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + std::to_string(v[k]);
    return s + (v.size() == 1 ? ",)" : ")");
}

/// `axis` resolved against `ndim` axes (negative from the end), or IndexError.
std::size_t resolve_axis(const char* caller, long long axis, std::size_t ndim) {
    const auto n = static_cast<long long>(ndim);
    if (axis < -n || axis >= n)
        throw IndexError(std::string(caller) + ": axis " + std::to_string(axis) +
                         " is out of bounds for array of dimension " + std::to_string(ndim));
    return static_cast<std::size_t>(axis < 0 ? axis + n : axis);
}

std::size_t product(const std::vector<std::size_t>& v, std::size_t from, std::size_t to) {
    std::size_t p = 1;
    for (std::size_t k = from; k < to; ++k) p *= v[k];
    return p;
}

/// numpy's `dtype.type.fill` for arange: y[0] = first, y[1] = second, then
/// y[k] = y[0] + k * (y[1] - y[0]) in C's arithmetic for that type.
template <class C>
Array arange_fill(C first, C second, std::size_t length) {
    Array out = Array::zeros<C>({length});
    if (length == 0) return out;
    WriteScope scope(out);
    C* y = scope.data_as<C>();
    y[0] = first;
    if (length > 1) y[1] = second;
    if constexpr (std::is_floating_point_v<C>) {
        const C delta = second - first;
        for (std::size_t k = 2; k < length; ++k) y[k] = first + static_cast<C>(static_cast<std::int64_t>(k)) * delta;
    } else {
        // Integer arithmetic in 64 bits, wrapping (unsigned) where C would wrap.
        const auto delta = static_cast<std::uint64_t>(static_cast<C>(second - first));
        for (std::size_t k = 2; k < length; ++k)
            y[k] = static_cast<C>(static_cast<std::uint64_t>(static_cast<std::int64_t>(first)) + k * delta);
    }
    return out;
}

template <class I>
I to_integer(const char* caller, double v) {
    const double t = std::trunc(v);
    if (!(t >= static_cast<double>(std::numeric_limits<I>::min()) &&
          t < -static_cast<double>(std::numeric_limits<I>::min())))
        throw ValueError(std::string(caller) + ": " + num_str(v) + " does not fit in " + DType::of<I>().name());
    return static_cast<I>(t);
}

} // namespace

Array linspace(double start, double stop, long long num, bool endpoint, const DType& dtype) {
    if (num < 0) throw ValueError("linspace: num must be non-negative, got " + std::to_string(num));
    if (!dtype.is_scalar() || dtype.scalar_kind() == ScalarKind::Void)
        throw TypeError("linspace: dtype must be a number type, got " + dtype.name());
    const auto n = static_cast<std::size_t>(num);
    const long long div = endpoint ? num - 1 : num;
    const double delta = stop - start;
    std::vector<double> y(n);
    for (std::size_t k = 0; k < n; ++k) y[k] = static_cast<double>(k);
    if (div > 0) {
        const double step = delta / static_cast<double>(div);
        if (step == 0) {
            for (auto& v : y) v = v / static_cast<double>(div) * delta;
        } else {
            for (auto& v : y) v *= step;
        }
    } else {
        for (auto& v : y) v *= delta;
    }
    for (auto& v : y) v += start;
    if (endpoint && num > 1) y.back() = stop;
    if (dtype.scalar_kind() == ScalarKind::Int || dtype.scalar_kind() == ScalarKind::UInt)
        for (auto& v : y) v = std::floor(v);
    Array f = Array::from<double>(y, {n});
    if (dtype == DType::of<double>()) return f;
    Array out = Array::zeros({n}, dtype);
    out.assign(f);
    return out;
}

Array arange(double start, double stop, double step, const DType& dtype) {
    if (step == 0) throw ValueError("arange: step must not be zero");
    if (!std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step))
        throw ValueError("arange: start, stop and step must be finite, got " + num_str(start) + ", " + num_str(stop) +
                         ", " + num_str(step));
    const double length = std::ceil((stop - start) / step);
    if (!(length < 4.0e18)) throw ValueError("arange: " + num_str(length) + " values exceed the maximum size");
    const std::size_t n = length > 0 ? static_cast<std::size_t>(length) : 0;
    const double next = start + step;
    if (dtype == DType::of<double>()) return arange_fill<double>(start, next, n);
    if (dtype == DType::of<float>())
        return arange_fill<float>(static_cast<float>(start), static_cast<float>(next), n);
    if (dtype == DType::of<std::int64_t>()) {
        const auto first = to_integer<std::int64_t>("arange", start); // (start named first when both are bad)
        return arange_fill<std::int64_t>(first, n > 1 ? to_integer<std::int64_t>("arange", next) : 0, n);
    }
    if (dtype == DType::of<std::int32_t>()) {
        const auto first = to_integer<std::int32_t>("arange", start);
        return arange_fill<std::int32_t>(first, n > 1 ? to_integer<std::int32_t>("arange", next) : 0, n);
    }
    throw TypeError("arange: dtype must be float32, float64, int32 or int64 (native order), got " + dtype.name());
}

Array detail::arange_int64(std::int64_t start, std::int64_t stop, std::int64_t step) {
    if (step == 0) throw ValueError("arange: step must not be zero");
    std::int64_t span = 0, next = 0;
    if (__builtin_sub_overflow(stop, start, &span) || __builtin_add_overflow(start, step, &next))
        throw ValueError("arange: " + std::to_string(start) + ", " + std::to_string(stop) + ", " +
                         std::to_string(step) + " overflow int64");
    // ceil(span / step), exactly (Python's true division then ceil agrees at any size an
    // array can have).
    std::int64_t length = span / step;
    if (span % step != 0 && ((span < 0) == (step < 0))) ++length;
    const std::size_t n = length > 0 ? static_cast<std::size_t>(length) : 0;
    return arange_fill<std::int64_t>(start, next, n);
}

std::pair<Array, Array> meshgrid(const Array& x, const Array& y, std::string_view indexing) {
    const bool xy = indexing == "xy";
    if (!xy && indexing != "ij")
        throw ValueError("meshgrid: indexing must be 'xy' or 'ij', got '" + std::string(indexing) + "'");
    const std::size_t nx = x.size(), ny = y.size();
    const Array fx = x.copy().reshape({nx}), fy = y.copy().reshape({ny});
    const std::vector<std::size_t> shape = xy ? std::vector<std::size_t>{ny, nx} : std::vector<std::size_t>{nx, ny};
    Array X = Array::zeros(shape, x.dtype()), Y = Array::zeros(shape, y.dtype());
    // Broadcasting does the rest: a row vector spreads over rows, a column over columns.
    X.assign(xy ? fx : fx.reshape({nx, 1}));
    Y.assign(xy ? fy.reshape({ny, 1}) : fy);
    return {X, Y};
}

namespace {
Array repeat_along(const Array& a, long long repeats, std::size_t axis, const char* caller) {
    if (repeats < 0)
        throw ValueError(std::string(caller) + ": repeats must be non-negative, got " + std::to_string(repeats));
    const Array src = a.copy(); // C-contiguous
    const auto& shape = src.shape();
    const auto r = static_cast<std::size_t>(repeats);
    std::vector<std::size_t> out_shape = shape;
    out_shape[axis] *= r;
    Array out = Array::zeros(out_shape, src.dtype());
    if (out.nbytes() == 0) return out;
    const std::size_t outer = product(shape, 0, axis), n = shape[axis];
    const std::size_t block = product(shape, axis + 1, shape.size()) * src.itemsize();
    const std::byte* from = src.data();
    WriteScope scope(out);
    std::byte* to = scope.data();
    for (std::size_t o = 0; o < outer; ++o)
        for (std::size_t k = 0; k < n; ++k, from += block)
            for (std::size_t j = 0; j < r; ++j, to += block) std::memcpy(to, from, block);
    return out;
}
} // namespace

Array repeat(const Array& a, long long repeats) {
    return repeat_along(a.copy().reshape({a.size()}), repeats, 0, "repeat");
}

Array repeat(const Array& a, long long repeats, long long axis) {
    return repeat_along(a, repeats, resolve_axis("repeat", axis, a.ndim()), "repeat");
}

Array tile(const Array& a, const std::vector<long long>& reps) {
    for (long long r : reps)
        if (r < 0) throw ValueError("tile: reps must be non-negative, got " + list_str(reps));
    const std::size_t d = std::max(a.ndim(), reps.size());
    std::vector<std::size_t> in_shape(d - a.ndim(), 1), times(d - reps.size(), 1);
    in_shape.insert(in_shape.end(), a.shape().begin(), a.shape().end());
    for (long long r : reps) times.push_back(static_cast<std::size_t>(r));
    const Array src = a.copy().reshape(in_shape);
    std::vector<std::size_t> out_shape(d);
    for (std::size_t k = 0; k < d; ++k) out_shape[k] = in_shape[k] * times[k];
    Array out = Array::zeros(out_shape, a.dtype());
    if (out.size() == 0) return out;
    // One broadcast-free assign per tile, odometer order.
    std::vector<std::size_t> t(d, 0);
    std::vector<Index> index(d, all);
    while (true) {
        for (std::size_t k = 0; k < d; ++k)
            index[k] = slice(static_cast<std::ptrdiff_t>(t[k] * in_shape[k]),
                             static_cast<std::ptrdiff_t>((t[k] + 1) * in_shape[k]));
        out.view(index).assign(src);
        std::size_t k = d;
        while (k > 0 && ++t[k - 1] == times[k - 1]) t[--k] = 0;
        if (k == 0) break;
    }
    return out;
}

Array concatenate(const std::vector<Array>& arrays, long long axis) {
    if (arrays.empty()) throw ValueError("concatenate: need at least one array to concatenate");
    const Array& first = arrays[0];
    if (first.ndim() == 0) throw ValueError("concatenate: zero-dimensional arrays cannot be concatenated");
    const std::size_t nd = first.ndim(), ax = resolve_axis("concatenate", axis, nd);
    std::vector<std::size_t> shape = first.shape();
    shape[ax] = 0;
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        const Array& a = arrays[i];
        if (a.ndim() != nd)
            throw ShapeError("concatenate: all the input arrays must have the same number of dimensions, but the "
                             "array at index 0 has shape " + shape_str(first.shape()) + " and the array at index " +
                             std::to_string(i) + " has shape " + shape_str(a.shape()));
        for (std::size_t k = 0; k < nd; ++k)
            if (k != ax && a.shape()[k] != first.shape()[k])
                throw ShapeError("concatenate: all the input array dimensions except for the concatenation axis "
                                 "must match exactly, but along dimension " + std::to_string(k) +
                                 ", the array at index 0 has shape " + shape_str(first.shape()) +
                                 " and the array at index " + std::to_string(i) + " has shape " + shape_str(a.shape()));
        if (!(a.dtype() == first.dtype()))
            throw TypeError("concatenate: the array at index " + std::to_string(i) + " has dtype " + a.dtype().name() +
                            ", the array at index 0 " + first.dtype().name() + " (no dtype promotion)");
        shape[ax] += a.shape()[ax];
    }
    Array out = Array::zeros(shape, first.dtype());
    std::vector<Index> index(nd, all);
    std::size_t at = 0;
    for (const Array& a : arrays) {
        const std::size_t n = a.shape()[ax];
        index[ax] = slice(static_cast<std::ptrdiff_t>(at), static_cast<std::ptrdiff_t>(at + n));
        if (n != 0) out.view(index).assign(a);
        at += n;
    }
    return out;
}

Array stack(const std::vector<Array>& arrays, long long axis) {
    if (arrays.empty()) throw ValueError("stack: need at least one array to stack");
    const Array& first = arrays[0];
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        const Array& a = arrays[i];
        if (a.shape() != first.shape())
            throw ShapeError("stack: all input arrays must have the same shape, but the array at index 0 has shape " +
                             shape_str(first.shape()) + " and the array at index " + std::to_string(i) +
                             " has shape " + shape_str(a.shape()));
        if (!(a.dtype() == first.dtype()))
            throw TypeError("stack: the array at index " + std::to_string(i) + " has dtype " + a.dtype().name() +
                            ", the array at index 0 " + first.dtype().name() + " (no dtype promotion)");
    }
    const std::size_t nd = first.ndim() + 1, ax = resolve_axis("stack", axis, nd);
    std::vector<std::size_t> shape = first.shape();
    shape.insert(shape.begin() + static_cast<std::ptrdiff_t>(ax), arrays.size());
    Array out = Array::zeros(shape, first.dtype());
    std::vector<Index> index(nd, all);
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        index[ax] = i;
        out.view(index).assign(arrays[i]);
    }
    return out;
}

} // namespace glumpp
