#pragma once
// Footprint: the bytes an N-d strided view covers, in a canonical form the dirty
// tracker can merge without visiting every element.
//
// A view (offset, itemsize, shape, signed strides) is normalised to
//   start + sum_k i_k * axes[k].stride + [0, block),   0 <= i_k < axes[k].count
// with axes sorted by increasing stride, counts >= 2, contiguous axes folded into
// `block`, and no axis interleaving with the ones below it (each stride is at least
// the extent of everything inside it). Under that invariant the elements come in
// increasing address order when the index is counted like a mixed-radix number, which
// is what lets DirtySet skip over covered stretches in O(axes) instead of O(elements).
// Negative strides are flipped (the byte set does not depend on direction), which is
// exactly where glumpy's extents go wrong (start > stop for V[::-1]).

#include <glumpp/array/ByteRange.hpp>

#include <array>
#include <cstddef>
#include <span>

namespace glumpp {

/// The most dimensions an array may have (NumPy 1.x's limit).
inline constexpr std::size_t max_ndim = 32;

struct Footprint {
    struct Axis {
        std::size_t count = 0;
        std::size_t stride = 0;
    };

    Footprint() = default; // not an aggregate: `{a, b}` means a ByteRange, never a Footprint

    std::size_t start = 0;
    std::size_t block = 0; ///< 0 means "no bytes at all"
    std::size_t naxes = 0;
    std::array<Axis, max_ndim> axes{};

    /// The footprint of a view. Axes of extent 1 vanish; an extent of 0 gives an empty footprint.
    static Footprint of_view(std::size_t offset, std::size_t itemsize, std::span<const std::size_t> shape,
                             std::span<const std::ptrdiff_t> strides);
    /// A plain contiguous range.
    static Footprint of_range(ByteRange r);
    /// `count` blocks of `block` bytes, `stride` apart (stride >= block), from `start`.
    static Footprint strided(std::size_t start, std::size_t block, std::size_t count, std::size_t stride);

    bool empty() const noexcept { return block == 0; }
    /// Number of blocks.
    std::size_t elements() const noexcept;
    /// Start of the block with the given mixed-radix linear number (0 <= i < elements()).
    std::size_t block_start(std::size_t linear) const noexcept;
    /// Smallest range holding every byte.
    ByteRange hull() const noexcept;
};

} // namespace glumpp
