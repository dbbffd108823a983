#pragma once
// NumPy's array constructors, with NumPy's names, argument order and results:
//
//   auto t = linspace(0, 1, 5);                  // float64 [0, 0.25, 0.5, 0.75, 1]
//   auto i = arange(10);                         // int64 [0, 1, ..., 9]
//   auto x = arange(0.0, 1.0, 0.1);              // float64, 10 values
//   auto [X, Y] = meshgrid(linspace(-1, 1, 4), linspace(-1, 1, 3));   // both (3, 4)
//   auto r = repeat(a, 2, 0);  auto g = tile(a, {2, 2});
//   auto c = concatenate({a, b}, 1);  auto s = stack({a, b});
//
// dtypes: as NumPy chooses them when none is given (float64 for linspace; arange: int64
// when every argument is an integer, float64 otherwise), and a trailing `const DType&`
// argument asks for another one, as NumPy's `dtype=`: `linspace(0, 1, 5, true,
// DType::of<float>())`. As in NumPy, linspace computes in float64 and converts the result
// (an integer dtype takes the floor first), while arange computes in the requested type
// itself (a float32 arange accumulates float32 rounding, exactly as NumPy's).
//
// linspace and arange reproduce NumPy's values bit for bit (tests compare their bytes
// with /usr/bin/python3's NumPy over random arguments):
//   linspace: div = endpoint ? num - 1 : num; step = (stop - start) / div;
//             y[k] = k * step + start (k / div * delta when step is 0); y[-1] = stop.
//   arange:   length = ceil((stop - start) / step); y[0] = start, y[1] = start + step,
//             then y[k] = y[0] + k * (y[1] - y[0]) in the result's type.
//
// The others copy, never view: meshgrid, repeat, tile, concatenate and stack return new
// C-contiguous arrays (entirely dirty, like any new array). They keep the dtype of their
// input; concatenate and stack require equal dtypes (TypeError naming both) instead of
// NumPy's type promotion. Axes count from the end when negative; an axis out of range is
// an IndexError (NumPy's AxisError is an IndexError too). Every error message starts with
// the function's name and names the bad values.

#include <glumpp/array/Array.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace glumpp {

/// `num` evenly spaced values over [start, stop] (or [start, stop) without endpoint).
/// ValueError when num < 0. Any scalar dtype but float16 and void.
Array linspace(double start, double stop, long long num = 50, bool endpoint = true,
               const DType& dtype = DType::of<double>());

/// [start, stop) by step, computed in `dtype`: float32, float64, int32 or int64 (TypeError
/// for others). ValueError when step is 0, or start, stop or step is not finite.
Array arange(double start, double stop, double step, const DType& dtype);

namespace detail {
template <class N>
concept RangeNumber = std::is_arithmetic_v<N> && !std::is_same_v<N, bool>;
/// arange over int64 arguments, exact (no trip through double for the values).
Array arange_int64(std::int64_t start, std::int64_t stop, std::int64_t step);
} // namespace detail

/// [start, stop) by step; int64 when all three are integers, float64 otherwise.
template <detail::RangeNumber A, detail::RangeNumber B, detail::RangeNumber C = int>
Array arange(A start, B stop, C step = 1) {
    if constexpr (std::is_integral_v<A> && std::is_integral_v<B> && std::is_integral_v<C>)
        return detail::arange_int64(static_cast<std::int64_t>(start), static_cast<std::int64_t>(stop),
                                    static_cast<std::int64_t>(step));
    else
        return arange(static_cast<double>(start), static_cast<double>(stop), static_cast<double>(step),
                      DType::of<double>());
}
/// [0, stop) by 1.
template <detail::RangeNumber B>
Array arange(B stop) {
    return arange(B(0), stop, 1);
}

/// Coordinate matrices from two coordinate vectors (flattened first, as NumPy does).
/// indexing "xy" (Cartesian): both (len(y), len(x)), X[i, j] = x[j], Y[i, j] = y[i];
/// "ij" (matrix): both (len(x), len(y)), X[i, j] = x[i], Y[i, j] = y[j].
/// ValueError for any other indexing.
std::pair<Array, Array> meshgrid(const Array& x, const Array& y, std::string_view indexing = "xy");

/// Each element repeated `repeats` times along `axis` (consecutively, like np.repeat).
/// Without an axis, the flattened array's elements: a 1-d result.
Array repeat(const Array& a, long long repeats);
Array repeat(const Array& a, long long repeats, long long axis);

/// `a` tiled reps[k] times along each axis (np.tile): with fewer reps than axes the
/// leading axes are repeated once, with more the array gains leading axes of 1.
Array tile(const Array& a, const std::vector<long long>& reps);
inline Array tile(const Array& a, long long reps) { return tile(a, std::vector<long long>{reps}); }

/// Joins arrays along an existing axis: equal ndim (at least 1), equal dtype, equal
/// extents but along `axis`. ValueError for an empty list.
Array concatenate(const std::vector<Array>& arrays, long long axis = 0);

/// Joins arrays of one shape along a new axis (-ndim-1 <= axis <= ndim).
Array stack(const std::vector<Array>& arrays, long long axis = 0);

} // namespace glumpp
