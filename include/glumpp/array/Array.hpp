#pragma once
// Array: a NumPy-style view of typed bytes that knows which of its bytes were written.
//
// An Array is a *view*: a shared Storage, a DType, a shape, signed byte strides and a byte
// offset into the storage, plus the Tracker whose pending writes it reports. Copying an
// Array copies the view, never the data (like a NumPy view or a shared_ptr); `copy()`
// copies data. Every view of a storage reports positions in bytes from the start of
// that storage ("base storage"), whatever the view.
//
//   auto V = Array::zeros({3, 3}, DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
//   V.clear_pending();
//   V["position"].view({0, 0}).assign({0.0, 0.0});
//   V.pending_data();   // [0, 8)
//   V["position"].view({1, 1}).fill(0);
//   V.pending_data();   // [0, 88)        glumpy's single hull
//   V.dirty_ranges();   // [0, 8) [80, 88) what really changed: 16 bytes, not 88
//
// Every write path is tracked: fill, assign (broadcasting, converting), compound
// operators, typed views (View<T>), raw write scopes and .npy loads into an array. There
// is no public way to get a mutable pointer without marking: that is what keeps the GPU's
// copy right.
//
// Indexing follows Python: a[1, 2:5, ::-1] is `a.view({1, slice(2, 5), slice({}, {}, -1)})`,
// missing trailing indices mean "all", negative integers count from the end.
// `a["position"]` is a field view; a sub-array field adds its shape as trailing axes, so
// `V["position"]` above has shape (3, 3, 2) and dtype float32.
//
// Conversions follow NumPy's assignment ("unsafe") casting, with two decisions of ours:
// float to integer truncates toward zero and saturates at the integer's range (NaN gives
// 0) instead of being undefined, and compound operators refuse to store a float result
// into an integer array (NumPy's same_kind rule: `i4_array += 0.5` is a TypeError,
// `i4_array /= 2` too, as true division gives floats).
//
// Includes View.hpp (typed views, made by `as<T>()`) and DTypeOf.hpp (`DType::of<T>()`),
// both below it: including this header is enough for either.

#include <glumpp/Error.hpp>
#include <glumpp/array/ByteRange.hpp>
#include <glumpp/array/DType.hpp>
#include <glumpp/array/DTypeOf.hpp>
#include <glumpp/array/Index.hpp>
#include <glumpp/array/Storage.hpp>
#include <glumpp/array/View.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace glumpp {

class WriteScope;

namespace detail {
/// "(3, 2)", "(4,)", "()": a shape the way NumPy prints it, for messages.
std::string shape_str(const std::vector<std::size_t>& shape);
/// Array::from's error for a nested list whose row `row` ("1" or "(1, 0)") has `length`
/// entries where the first row ("0" or "(0, 0)") has `expected`.
[[noreturn]] void throw_ragged(const std::string& row, std::size_t length, const std::string& first,
                               std::size_t expected);

/// A number on its way into or between dtypes; keeps whether it was an integer, which
/// decides NumPy's casting rules.
struct Number {
    enum class Kind : std::uint8_t { Float, Int, UInt } kind = Kind::Float;
    double f = 0;
    std::int64_t i = 0;
    std::uint64_t u = 0;

    template <class N>
        requires std::is_arithmetic_v<N>
    static Number of(N v) {
        if constexpr (std::is_floating_point_v<N>) return {Kind::Float, static_cast<double>(v), 0, 0};
        else if constexpr (std::is_signed_v<N>) return {Kind::Int, 0, static_cast<std::int64_t>(v), 0};
        else return {Kind::UInt, 0, 0, static_cast<std::uint64_t>(v)};
    }
};

enum class ArithOp : std::uint8_t { Add, Sub, Mul, Div };
} // namespace detail

class Array {
public:
    /// A null handle: no storage. Every operation but assignment to it throws ValueError.
    Array() = default;

    /// A new array of zeros, entirely dirty. A sub-array dtype adds its shape to `shape`.
    static Array zeros(std::vector<std::size_t> shape, const DType& dtype);
    template <class T>
    static Array zeros(std::vector<std::size_t> shape) {
        return zeros(std::move(shape), DType::of<T>());
    }
    /// A new array holding a copy of `values` (shape defaults to {values.size()}).
    template <class T>
    static Array from(std::span<const T> values, std::vector<std::size_t> shape = {});
    template <class T>
    static Array from(const std::vector<T>& values, std::vector<std::size_t> shape = {}) {
        return from(std::span<const T>(values), std::move(shape));
    }
    template <class T>
    static Array from(std::initializer_list<T> values, std::vector<std::size_t> shape = {}) {
        return from(std::span<const T>(values.begin(), values.size()), std::move(shape));
    }
    /// A new array from nested brace lists, shaped the way np.array shapes nested lists:
    /// `Array::from<float>({{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}})` is (4, 2) float32,
    /// three levels give three axes, `{{1}, {2}}` is (2, 1) (C++ prefers the deeper list
    /// when both fit). As in NumPy, an empty list ends the shape there: `{{}}` is (1, 0).
    /// A ragged list is a ShapeError naming the row and both lengths.
    template <class T>
    static Array from(std::initializer_list<std::initializer_list<T>> rows);
    template <class T>
    static Array from(std::initializer_list<std::initializer_list<std::initializer_list<T>>> planes);
    /// A view of `storage` reported through `tracker` (may be null for internal
    /// temporaries). Throws IndexError if any element would lie outside the storage.
    static Array over(std::shared_ptr<Storage> storage, std::shared_ptr<Tracker> tracker, const DType& dtype,
                      std::vector<std::size_t> shape, std::vector<std::ptrdiff_t> strides, std::size_t offset);

    explicit operator bool() const noexcept { return storage_ != nullptr; }

    // --- what the view is ------------------------------------------------------------
    const DType& dtype() const noexcept { return dtype_; }
    const std::vector<std::size_t>& shape() const noexcept { return shape_; }
    const std::vector<std::ptrdiff_t>& strides() const noexcept { return strides_; } ///< bytes
    std::size_t offset() const noexcept { return offset_; } ///< bytes from the start of the base storage
    std::size_t ndim() const noexcept { return shape_.size(); }
    std::size_t size() const noexcept; ///< number of elements
    std::size_t itemsize() const noexcept { return dtype_.itemsize(); }
    std::size_t nbytes() const noexcept { return size() * itemsize(); }
    bool is_contiguous() const noexcept; ///< C order, no gaps
    /// The bytes this view covers (glumpy's extents, but exact and direction-proof).
    Footprint footprint() const noexcept;

    // --- views (no copy, shared tracking) ---------------------------------------------
    Array view(std::initializer_list<Index> index) const;
    Array view(std::span<const Index> index) const;
    /// Field view; KeyError listing the fields if there is no such field.
    Array operator[](std::string_view field) const;
    /// Several fields at their original offsets (NumPy's a[['x', 'z']]).
    Array fields(const std::vector<std::string>& names) const;
    /// Same elements, new shape; ShapeError if sizes differ or no copy-free layout exists.
    Array reshape(std::vector<std::size_t> shape) const;
    /// Axes reversed, or permuted as given.
    Array transpose() const;
    Array transpose(const std::vector<std::size_t>& axes) const;
    /// A new C-contiguous array with the same values (own storage, entirely dirty).
    Array copy() const;

    // --- writes (all tracked) ----------------------------------------------------------
    /// Sets every scalar component of every element (record fields included) to `value`.
    template <class N>
        requires std::is_arithmetic_v<N>
    void fill(N value) {
        fill_number(detail::Number::of(value));
    }
    /// Copies `source` into this view, broadcasting it and converting its dtype.
    void assign(const Array& source);
    /// Copies a short list of numbers, e.g. `V["position"].view({i}).assign({x, y})`.
    void assign(std::initializer_list<double> values);
    /// Compound operators with a number or a broadcast array. A float operand into an
    /// integer array, and `/=` on an integer array, are TypeErrors (NumPy's same_kind).
    template <class N>
        requires std::is_arithmetic_v<N>
    Array& operator+=(N v) {
        return arith(detail::ArithOp::Add, detail::Number::of(v), "Array::operator+=");
    }
    template <class N>
        requires std::is_arithmetic_v<N>
    Array& operator-=(N v) {
        return arith(detail::ArithOp::Sub, detail::Number::of(v), "Array::operator-=");
    }
    template <class N>
        requires std::is_arithmetic_v<N>
    Array& operator*=(N v) {
        return arith(detail::ArithOp::Mul, detail::Number::of(v), "Array::operator*=");
    }
    template <class N>
        requires std::is_arithmetic_v<N>
    Array& operator/=(N v) {
        return arith(detail::ArithOp::Div, detail::Number::of(v), "Array::operator/=");
    }
    Array& operator+=(const Array& other) { return arith(detail::ArithOp::Add, other, "Array::operator+="); }
    Array& operator-=(const Array& other) { return arith(detail::ArithOp::Sub, other, "Array::operator-="); }
    Array& operator*=(const Array& other) { return arith(detail::ArithOp::Mul, other, "Array::operator*="); }
    Array& operator/=(const Array& other) { return arith(detail::ArithOp::Div, other, "Array::operator/="); }
    /// A typed strided view for hot loops (see View.hpp). `T`'s dtype must equal the
    /// array's (a glm::vec2 takes a trailing axis of 2 float32), in native byte order.
    template <class T>
    View<T> as();
    template <class T>
    View<const T> as() const;
    /// Raw pointer access for code that needs one; marks the whole view.
    WriteScope write();

    // --- reads -----------------------------------------------------------------------
    /// One element converted to T (T may be a vector type covering trailing axes).
    template <class T>
    T value(std::initializer_list<Index> index = {}) const;
    /// Every element converted to T, in C order.
    template <class T>
    std::vector<T> to_vector() const;
    /// Read-only bytes of the first element.
    const std::byte* data() const;
    /// Read-only bytes of the whole base storage.
    const std::byte* base_data() const;
    std::size_t base_nbytes() const;

    // --- dirty tracking ----------------------------------------------------------------
    /// glumpy's value: the smallest single range covering every byte written since the
    /// last clear, or nothing.
    std::optional<ByteRange> pending_data() const;
    /// Sorted, disjoint ranges covering every written byte; exact up to the tracker's cap.
    std::vector<ByteRange> dirty_ranges() const;
    void clear_pending();
    /// The consumer this view reports to (a GPU object's, for gloo arrays).
    Tracker& tracker() const;
    const std::shared_ptr<Tracker>& tracker_ptr() const noexcept { return tracker_; }
    const std::shared_ptr<Storage>& storage() const noexcept { return storage_; }

    /// The same view reported through another tracker (used by gloo objects).
    Array with_tracker(std::shared_ptr<Tracker> tracker) const;

private:
    friend class WriteScope;
    template <class T>
    friend class View;

    void require(const char* caller) const;
    void fill_number(const detail::Number& value);
    Array& arith(detail::ArithOp op, const detail::Number& value, const char* caller);
    Array& arith(detail::ArithOp op, const Array& other, const char* caller);
    /// Records a write of this whole view (leaf by leaf when the dtype has gaps).
    void mark_written() const;
    std::byte* mutable_data(const char* caller);
    /// A temporary view over caller-owned bytes, with no tracker.
    static Array borrow(void* data, const DType& dtype, std::vector<std::size_t> shape);
    /// The typed-view checks for a C++ dtype; returns the leading (outer) axes.
    std::size_t typed_axes(const DType& cxx, std::size_t alignment, bool writing, const char* caller) const;
    template <class T>
    static T value_from(const Array& element);

    std::shared_ptr<Storage> storage_;
    std::shared_ptr<Tracker> tracker_;
    DType dtype_;
    std::vector<std::size_t> shape_;
    std::vector<std::ptrdiff_t> strides_;
    std::size_t offset_ = 0;
};

/// Raw mutable access to a view's bytes. Marks the view's footprint when it starts and
/// again when it ends (so writes made after a sync in between are still uploaded).
class WriteScope {
public:
    explicit WriteScope(Array& array);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

    /// The first element.
    std::byte* data() const noexcept { return data_; }
    template <class T>
    T* data_as() const noexcept {
        return reinterpret_cast<T*>(data_);
    }
    const std::vector<std::size_t>& shape() const noexcept { return array_.shape(); }
    const std::vector<std::ptrdiff_t>& strides() const noexcept { return array_.strides(); }

private:
    Array array_;
    std::byte* data_;
};

// --- template definitions ------------------------------------------------------------

template <class T>
Array Array::from(std::span<const T> values, std::vector<std::size_t> shape) {
    static_assert(std::is_trivially_copyable_v<T>, "Array::from: T must be trivially copyable");
    if (shape.empty()) shape = {values.size()};
    Array out = zeros(std::move(shape), DType::of<T>());
    if (out.nbytes() != values.size() * sizeof(T)) {
        throw ShapeError("Array::from: " + std::to_string(values.size()) + " values do not fill shape " +
                         detail::shape_str(out.shape()));
    }
    if (!values.empty()) std::memcpy(out.storage_->data(), values.data(), out.nbytes());
    return out;
}

template <class T>
Array Array::from(std::initializer_list<std::initializer_list<T>> rows) {
    static_assert(std::is_trivially_copyable_v<T>, "Array::from: T must be trivially copyable");
    std::vector<std::size_t> shape{rows.size()};
    if (rows.size() != 0) shape.push_back(rows.begin()->size());
    std::size_t r = 0;
    for (const auto& row : rows) {
        if (row.size() != shape[1]) detail::throw_ragged(std::to_string(r), row.size(), "0", shape[1]);
        ++r;
    }
    Array out = zeros(std::move(shape), DType::of<T>());
    std::byte* to = out.storage_->data();
    for (const auto& row : rows) {
        if (row.size() != 0) std::memcpy(to, row.begin(), row.size() * sizeof(T));
        to += row.size() * sizeof(T);
    }
    return out;
}

template <class T>
Array Array::from(std::initializer_list<std::initializer_list<std::initializer_list<T>>> planes) {
    static_assert(std::is_trivially_copyable_v<T>, "Array::from: T must be trivially copyable");
    // The shape from the first entry of each level, stopping at an empty one (NumPy's rule).
    std::vector<std::size_t> shape{planes.size()};
    if (planes.size() != 0) {
        shape.push_back(planes.begin()->size());
        if (planes.begin()->size() != 0) shape.push_back(planes.begin()->begin()->size());
    }
    const std::size_t rows = shape.size() > 1 ? shape[1] : 0, cols = shape.size() > 2 ? shape[2] : 0;
    std::size_t p = 0;
    for (const auto& plane : planes) {
        if (plane.size() != rows) detail::throw_ragged(std::to_string(p), plane.size(), "0", rows);
        std::size_t r = 0;
        for (const auto& row : plane) {
            if (row.size() != cols)
                detail::throw_ragged("(" + std::to_string(p) + ", " + std::to_string(r) + ")", row.size(), "(0, 0)",
                                     cols);
            ++r;
        }
        ++p;
    }
    Array out = zeros(std::move(shape), DType::of<T>());
    std::byte* to = out.storage_->data();
    for (const auto& plane : planes)
        for (const auto& row : plane) {
            if (row.size() != 0) std::memcpy(to, row.begin(), row.size() * sizeof(T));
            to += row.size() * sizeof(T);
        }
    return out;
}

template <class T>
T Array::value_from(const Array& element) {
    T result{};
    Array target = borrow(&result, DType::of<T>(), {});
    target.assign(element);
    return result;
}

template <class T>
T Array::value(std::initializer_list<Index> index) const {
    require("Array::value");
    return value_from<T>(index.size() ? view(index) : *this);
}

template <class T>
std::vector<T> Array::to_vector() const {
    require("Array::to_vector");
    const DType t = DType::of<T>();
    const std::size_t inner = t.is_subarray() ? t.subshape().size() : 0;
    if (inner > ndim()) throw ShapeError("Array::to_vector: the array has fewer axes than the C++ type needs");
    std::vector<std::size_t> outer(shape_.begin(), shape_.end() - static_cast<std::ptrdiff_t>(inner));
    std::size_t n = 1;
    for (auto s : outer) n *= s;
    std::vector<T> out(n);
    Array target = borrow(out.data(), t, outer);
    target.assign(*this);
    return out;
}

// --- Array::as ------------------------------------------------------------------------

template <class T>
View<T> Array::as() {
    const std::size_t outer = typed_axes(DType::of<T>(), alignof(T), true, "Array::as");
    return View<T>(storage_, storage_->data() + offset_, offset_,
                   std::vector<std::size_t>(shape_.begin(), shape_.begin() + static_cast<std::ptrdiff_t>(outer)),
                   std::vector<std::ptrdiff_t>(strides_.begin(), strides_.begin() + static_cast<std::ptrdiff_t>(outer)));
}

template <class T>
View<const T> Array::as() const {
    const std::size_t outer = typed_axes(DType::of<T>(), alignof(T), false, "Array::as");
    return View<const T>(storage_, storage_->data() + offset_, offset_,
                         std::vector<std::size_t>(shape_.begin(), shape_.begin() + static_cast<std::ptrdiff_t>(outer)),
                         std::vector<std::ptrdiff_t>(strides_.begin(), strides_.begin() + static_cast<std::ptrdiff_t>(outer)));
}

} // namespace glumpp
