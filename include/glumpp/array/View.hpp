#pragma once
// View<T>: a typed, strided, N-d view for hot loops, with tracked writes.
//
//   auto pos = V["position"].as<glm::vec2>();     // V: records with a (2,) float32 field
//   for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = {x(i), y(i)};
//
// Mutable access (`operator[]`, `operator()`, dereferencing an iterator of a non-const
// view) hands out a `T&` and marks that element as written. Marking is one byte store
// per access, in any order (the view keeps a flag per element and reports runs of flags
// to the storage when the view dies or when anyone asks for dirty ranges; see Storage.hpp).
//
// Rules that follow from "mark on access":
//  - read through a const view (`std::as_const(v)[i]`, `v.get(i)`, or `as<const T>()`):
//    reading through a mutable one marks the element as if written;
//  - write through the reference right away; a reference kept across a sync() writes
//    bytes the tracker has already reported.
//
// Bounds are checked on every access (IndexError names the index and extent); negative
// indices count from the end. `T` must be trivially copyable and its dtype (DType::of<T>)
// must equal the array's, in native byte order, at an address aligned for T.
//
// Below Array.hpp: a view is made by Array::as<T>() (defined in Array.hpp, which includes
// this header), so including Array.hpp is enough to use views; this header needs only the
// storage it marks.

#include <glumpp/array/Storage.hpp>

#include <concepts>
#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace glumpp {

class Array; // makes views (Array::as), see Array.hpp

namespace detail {
/// Cold path of every typed-view access: too few/many indices, or an index out of bounds.
[[noreturn]] void throw_view_index(const char* caller, std::size_t ndim, std::size_t given, const std::string& index,
                                   std::size_t axis, std::size_t extent);
struct NoCache {
    struct Marker {
        void note(std::size_t) const noexcept {}
    };
    Marker marker() const noexcept { return {}; }
    void flush() noexcept {}
};
} // namespace detail

template <class T>
class View {
    static_assert(std::is_trivially_copyable_v<std::remove_const_t<T>>, "View<T>: T must be trivially copyable");
    static constexpr bool writable = !std::is_const_v<T>;

public:
    using value_type = std::remove_const_t<T>;
    using reference = T&;

    View() = default;

    std::size_t ndim() const noexcept { return shape_.size(); }
    std::size_t size() const noexcept { return count_; }
    bool empty() const noexcept { return count_ == 0; }
    const std::vector<std::size_t>& shape() const noexcept { return shape_; }
    const std::vector<std::ptrdiff_t>& strides() const noexcept { return strides_; }

    /// Element i of a 1-d view (marks it when T is mutable).
    template <std::integral I>
    T& operator[](I i) {
        // Members first, then the bounds check (see WriteCache::Marker).
        std::byte* const origin = origin_;
        const std::ptrdiff_t stride = s0_;
        const auto mark = cache_.marker();
        const std::size_t k = index0(i);
        mark.note(k);
        return *address(origin, stride, k);
    }
    template <std::integral I>
    const value_type& operator[](I i) const {
        std::byte* const origin = origin_;
        const std::ptrdiff_t stride = s0_;
        return *address(origin, stride, index0(i));
    }
    /// The element at an N-d index (as many indices as axes).
    template <std::integral... I>
    T& operator()(I... i) {
        std::byte* const origin = origin_;
        const auto mark = cache_.marker();
        const auto [k, offset] = locate(i...);
        mark.note(k);
        return *reinterpret_cast<T*>(origin + offset);
    }
    template <std::integral... I>
    const value_type& operator()(I... i) const {
        return *reinterpret_cast<const value_type*>(origin_ + locate(i...).second);
    }
    /// Reads without marking.
    template <std::integral... I>
    value_type get(I... i) const {
        return (*this)(i...);
    }

    /// Every element = v (marks the whole view once, not element by element).
    void fill(const value_type& v)
        requires writable
    {
        cache_.note_all();
        for (std::size_t k = 0; k < count_; ++k) *reinterpret_cast<T*>(origin_ + offset_flat(k)) = v;
    }

    /// Reports the marked elements to the storage now (done anyway by queries and on destruction).
    void flush() { cache_.flush(); }

private:
    using Cache = std::conditional_t<writable, detail::WriteCache, detail::NoCache>;

public:
    /// Row-major, random-access iteration (std::sort works on a view). A mutable iterator
    /// marks each element it dereferences, as operator[] does. The address is computed
    /// from the element number as in operator[], so a loop over a 1-d view vectorises
    /// like an indexed one; other ranks take an out-of-line path (GCC unswitches the loop
    /// on the rank).
    template <class Ref, class Ptr>
    class Iterator {
        static constexpr bool marks = !std::is_const_v<std::remove_reference_t<Ref>>;
        using Marker = std::conditional_t<marks, typename Cache::Marker, detail::NoCache::Marker>;

    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = View::value_type;
        using difference_type = std::ptrdiff_t;
        using reference = Ref;
        using pointer = Ptr;
        Iterator() = default;
        Iterator(const View* v, std::size_t k)
            : v_(v), origin_(v->origin_), stride_(static_cast<std::size_t>(v->s0_)), one_d_(v->one_d_ != 0), k_(k) {
            if constexpr (marks) mark_ = v->cache_.marker();
        }
        Ref operator*() const {
            mark_.note(k_);
            std::byte* p = one_d_ ? origin_ + static_cast<std::ptrdiff_t>(k_ * stride_) : v_->address_nd(k_);
            return *reinterpret_cast<Ptr>(p);
        }
        Ptr operator->() const { return &**this; }
        Ref operator[](difference_type n) const { return *(*this + n); }

        Iterator& operator++() {
            ++k_;
            return *this;
        }
        Iterator& operator--() {
            --k_;
            return *this;
        }
        Iterator operator++(int) {
            Iterator t = *this;
            ++k_;
            return t;
        }
        Iterator operator--(int) {
            Iterator t = *this;
            --k_;
            return t;
        }
        Iterator& operator+=(difference_type n) {
            k_ += static_cast<std::size_t>(n);
            return *this;
        }
        Iterator& operator-=(difference_type n) { return *this += -n; }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator& a, const Iterator& b) {
            return static_cast<difference_type>(a.k_ - b.k_);
        }
        friend bool operator==(const Iterator& a, const Iterator& b) { return a.k_ == b.k_; }
        friend auto operator<=>(const Iterator& a, const Iterator& b) { return a.k_ <=> b.k_; }

    private:
        const View* v_ = nullptr;
        std::byte* origin_ = nullptr;
        std::size_t stride_ = 0; // of a 1-d view, in unsigned arithmetic as in address()
        bool one_d_ = false;
        std::size_t k_ = 0;
        [[no_unique_address]] Marker mark_{};
    };
    using iterator = Iterator<T&, T*>;
    using const_iterator = Iterator<const value_type&, const value_type*>;
    static_assert(std::random_access_iterator<iterator> && std::random_access_iterator<const_iterator>);

    iterator begin() { return iterator(this, 0); }
    iterator end() { return iterator(this, count_); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, count_); }

private:
    friend class Array;

    View(std::shared_ptr<Storage> storage, std::byte* origin, std::size_t origin_offset, std::vector<std::size_t> shape,
         std::vector<std::ptrdiff_t> strides)
        : storage_(std::move(storage)), origin_(origin), shape_(std::move(shape)), strides_(std::move(strides)) {
        count_ = 1;
        for (auto s : shape_) count_ *= s;
        if (shape_.size() == 1) {
            one_d_ = 1;
            s0_ = strides_[0];
        }
        if constexpr (writable) {
            cache_ = detail::WriteCache(storage_.get(), origin_offset, sizeof(T), shape_, strides_);
        }
        (void)origin_offset;
    }

    template <std::integral I>
    std::size_t index0(I i) const {
        std::size_t k;
        if constexpr (std::is_signed_v<I>) {
            const auto n = static_cast<long long>(count_);
            long long j = static_cast<long long>(i);
            if (j < 0) j += n;
            if (j < 0 || j >= n || !one_d_) [[unlikely]]
                detail::throw_view_index("View::operator[]", ndim(), 1, std::to_string(i), 0, one_d_ ? count_ : 0);
            k = static_cast<std::size_t>(j);
        } else {
            // Against count_ (not the first extent): a loop `i < view.size()` then proves
            // every check true, and the compiler drops it (and may vectorise the loop).
            if (static_cast<unsigned long long>(i) >= count_ || !one_d_) [[unlikely]]
                detail::throw_view_index("View::operator[]", ndim(), 1, std::to_string(i), 0, one_d_ ? count_ : 0);
            k = static_cast<std::size_t>(i);
        }
        return k;
    }

    // The product is taken in unsigned arithmetic (it wraps, as the signed one may not):
    // GCC then sees the address as an affine function of k and vectorises a loop of
    // accesses, strided stores included; with a signed product it gives up. The offset
    // converted back is the true (possibly negative) one.
    static T* address(std::byte* origin, std::ptrdiff_t stride, std::size_t k) {
        return reinterpret_cast<T*>(origin + static_cast<std::ptrdiff_t>(k * static_cast<std::size_t>(stride)));
    }

    // Row-major element number and byte offset of an N-d index, bounds-checked.
    template <std::integral... I>
    std::pair<std::size_t, std::ptrdiff_t> locate(I... i) const {
        // (a default-constructed view has no axes and no element either)
        if (sizeof...(I) != shape_.size() || (sizeof...(I) == 0 && count_ == 0)) [[unlikely]]
            detail::throw_view_index("View::operator()", ndim(), sizeof...(I), "", 0, 0);
        std::size_t k = 0, axis = 0;
        std::ptrdiff_t offset = 0;
        auto step = [&](auto index) {
            const std::size_t j = checked(axis, index);
            k = k * shape_[axis] + j;
            offset += static_cast<std::ptrdiff_t>(j) * strides_[axis];
            ++axis;
        };
        (step(i), ...);
        (void)step; // a 0-d view takes no index
        return {k, offset};
    }

    template <std::integral I>
    std::size_t checked(std::size_t axis, I i) const {
        const std::size_t n = shape_[axis];
        if constexpr (std::is_signed_v<I>) {
            const long long j = i < 0 ? static_cast<long long>(i) + static_cast<long long>(n) : static_cast<long long>(i);
            if (j < 0 || static_cast<unsigned long long>(j) >= n) [[unlikely]]
                detail::throw_view_index("View::operator()", ndim(), ndim(), std::to_string(i), axis, n);
            return static_cast<std::size_t>(j);
        } else {
            if (static_cast<unsigned long long>(i) >= n) [[unlikely]]
                detail::throw_view_index("View::operator()", ndim(), ndim(), std::to_string(i), axis, n);
            return static_cast<std::size_t>(i);
        }
    }

    // Out of line: a loop over a view keeps a small body, which GCC unswitches on the rank.
    [[gnu::noinline]] std::byte* address_nd(std::size_t k) const { return origin_ + offset_flat(k); }
    std::ptrdiff_t offset_flat(std::size_t k) const {
        if (shape_.size() == 1) return static_cast<std::ptrdiff_t>(k) * s0_;
        std::ptrdiff_t off = 0;
        for (std::size_t axis = shape_.size(); axis-- > 0;) {
            off += static_cast<std::ptrdiff_t>(k % shape_[axis]) * strides_[axis];
            k /= shape_[axis];
        }
        return off;
    }

    std::shared_ptr<Storage> storage_; // declared first: outlives the cache that reports to it
    std::byte* origin_ = nullptr;      // element with all indices 0
    std::ptrdiff_t s0_ = 0;            // stride when 1-d
    std::size_t count_ = 0;
    // operator[] is for 1-d views only. Not a bool: the element flags are bool stores,
    // which could alias a bool and make the compiler reload it after every write.
    std::size_t one_d_ = 0;
    std::vector<std::size_t> shape_;
    std::vector<std::ptrdiff_t> strides_;
    [[no_unique_address]] Cache cache_;
};

} // namespace glumpp
