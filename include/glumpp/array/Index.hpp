#pragma once
// Index and Slice: what goes between the brackets of `a.view({1, slice(2, 5), all})`.
//
// Python rules throughout: negative integers count from the end, slices clip to the axis,
// a negative step walks backwards, a zero step is an error. Any integer type converts
// implicitly (a std::size_t loop counter as well as a negative int) so that user loops
// never need casts; bool is excluded on purpose (it would silently mean 0 or 1).

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace glumpp {

/// A Python slice `start:stop:step`. Missing bounds mean "from the start" / "to the end"
/// in the direction of the step.
struct Slice {
    std::optional<std::ptrdiff_t> start;
    std::optional<std::ptrdiff_t> stop;
    std::ptrdiff_t step = 1;
};

/// `slice(2, 5)`, `slice({}, {}, -1)` (reversed), `slice(-3)` (the last three on).
constexpr Slice slice(std::optional<std::ptrdiff_t> start, std::optional<std::ptrdiff_t> stop = {},
                      std::ptrdiff_t step = 1) {
    return Slice{start, stop, step};
}

/// `:`, every element of an axis.
inline constexpr Slice all{};

/// `...`, as many `all` as needed to fill the indices up to the array's dimensions.
struct Ellipsis {};
inline constexpr Ellipsis ellipsis{};

/// One entry of a view index: an integer (removes the axis), a Slice (keeps it) or
/// the Ellipsis. Built implicitly from any of them.
class Index {
public:
    enum class Kind : std::uint8_t { Integer, Slice, Ellipsis };

    template <std::integral I>
        requires(!std::same_as<std::remove_cv_t<I>, bool>)
    constexpr Index(I i) noexcept : kind_(Kind::Integer) {
        if constexpr (std::is_signed_v<I>) {
            negative_ = i < 0;
            magnitude_ = negative_ ? std::uint64_t(0) - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
        } else {
            magnitude_ = static_cast<std::uint64_t>(i);
        }
    }
    constexpr Index(Slice s) noexcept : kind_(Kind::Slice), slice_(s) {}
    constexpr Index(Ellipsis) noexcept : kind_(Kind::Ellipsis) {}

    constexpr Kind kind() const noexcept { return kind_; }
    constexpr const Slice& as_slice() const noexcept { return slice_; }
    /// The integer as written, split in sign and magnitude so that no value of any
    /// integer type is lost before the bounds check can report it.
    constexpr bool negative() const noexcept { return negative_; }
    constexpr std::uint64_t magnitude() const noexcept { return magnitude_; }

    /// Resolves an integer index against an axis of `extent`; nullopt when out of bounds.
    constexpr std::optional<std::size_t> resolve(std::size_t extent) const noexcept {
        if (negative_) {
            if (magnitude_ > extent) return std::nullopt;
            return extent - static_cast<std::size_t>(magnitude_);
        }
        if (magnitude_ >= extent) return std::nullopt;
        return static_cast<std::size_t>(magnitude_);
    }

    /// "5", "-1", "2:5", "::-1", "...": how the index is written in Python.
    std::string str() const;

private:
    Kind kind_;
    bool negative_ = false;
    std::uint64_t magnitude_ = 0;
    Slice slice_{};
};

/// The elements a slice selects on an axis of `extent`: first index, step and count.
struct SliceRange {
    std::ptrdiff_t first = 0;
    std::ptrdiff_t step = 1;
    std::size_t count = 0;
};

/// Python's slice.indices() + length. Throws ValueError (naming `caller`) for a zero step.
SliceRange resolve_slice(const Slice& s, std::size_t extent, const char* caller);

} // namespace glumpp
