#pragma once
// The loops behind every bulk read and write of an Array.
//
// Arrays are type-erased; these functions work on "grids": a shape and, per operand, a
// base pointer and byte strides, whose elements are scalars of one dtype (a record is
// handled leaf by leaf by the caller, so bytes between fields are never touched).
// Contiguous axes are merged, and byte-exact operations (fills, same-dtype copies) fold
// contiguous inner axes into one block, so a field of a million records costs one
// fixed-size store per record, as in a hand-written loop.

#include <glumpp/array/Array.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace glumpp::detail {

struct Grid {
    std::vector<std::size_t> shape;
    std::vector<std::ptrdiff_t> dst_strides;
    std::vector<std::ptrdiff_t> src_strides; // same length as shape; 0 = broadcast
};

/// Writes `value` (converted to `scalar`) into every element of the grid.
void fill_grid(std::byte* dst, Grid grid, const DType& scalar, const Number& value);
/// Writes the `pattern` bytes (one element's worth) into every element.
void fill_pattern(std::byte* dst, Grid grid, const std::byte* pattern, std::size_t size);
/// dst[...] = convert(src[...]) element by element.
void convert_grid(std::byte* dst, const DType& dst_scalar, const std::byte* src, const DType& src_scalar, Grid grid);
/// dst[...] = dst[...] op value.
void arith_scalar_grid(std::byte* dst, const DType& scalar, Grid grid, ArithOp op, const Number& value);
/// dst[...] = dst[...] op src[...].
void arith_grid(std::byte* dst, const DType& dst_scalar, const std::byte* src, const DType& src_scalar, Grid grid,
                ArithOp op);

/// One scalar converted into `scalar`'s bytes at `out` (itemsize bytes).
void store_number(std::byte* out, const DType& scalar, const Number& value);
/// One scalar read from `in`.
Number load_number(const std::byte* in, const DType& scalar);

/// IEEE half <-> float.
float half_to_float(std::uint16_t h) noexcept;
std::uint16_t float_to_half(float f) noexcept;

} // namespace glumpp::detail
