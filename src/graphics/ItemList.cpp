#include <glumpp/graphics/ItemList.hpp>

#include <glumpp/Error.hpp>

#include <cstring>
#include <numeric>
#include <string>

namespace glumpp::graphics {

namespace {

template <class B>
B empty_buffer(const DType& dtype) {
    if constexpr (std::is_same_v<B, gloo::IndexBuffer>) {
        return gloo::IndexBuffer::zeros(0, dtype);
    } else {
        return gloo::VertexBuffer::zeros({0}, dtype);
    }
}

Slice span_of(std::size_t start, std::size_t stop) {
    return slice(static_cast<std::ptrdiff_t>(start), static_cast<std::ptrdiff_t>(stop));
}

std::string out_of_range(const char* caller, std::size_t i, std::size_t size) {
    return std::string(caller) + ": item " + std::to_string(i) + " is out of range for a list of " + std::to_string(size) +
           " item" + (size == 1 ? "" : "s");
}

} // namespace

template <class B>
ItemList<B>::ItemList(const DType& dtype) : buffer_(empty_buffer<B>(dtype)) {}

template <class B>
ItemBounds ItemList<B>::bounds(std::size_t i) const {
    if (i >= size()) throw IndexError(out_of_range("ItemList::bounds", i, size()));
    return {offsets_[i], offsets_[i + 1]};
}

template <class B>
Array ItemList<B>::converted(const Array& elements, const char* caller) const {
    if (!elements) throw ValueError(std::string(caller) + ": the elements are a null handle");
    // One element of the list's dtype may come as a 0-d array; anything else has the
    // elements along its first axis.
    const std::size_t k = elements.ndim() == 0 ? 1 : elements.shape()[0];
    Array out = Array::zeros({k}, dtype());
    try {
        out.assign(elements);
    } catch (const Error& e) {
        // Name the list's operation; keep assign's explanation of the mismatch.
        const std::string what = e.what();
        const std::size_t colon = what.find(": ");
        const std::string text = std::string(caller) + ": " + (colon == std::string::npos ? what : what.substr(colon + 2));
        if (dynamic_cast<const ShapeError*>(&e)) throw ShapeError(text);
        if (dynamic_cast<const TypeError*>(&e)) throw TypeError(text);
        throw;
    }
    return out;
}

template <class B>
void ItemList<B>::move_tail(std::size_t from, std::size_t to) {
    const std::size_t n = count() - from;
    if (n == 0 || from == to) return;
    // One memmove inside the storage (the buffer is C-contiguous, and source and
    // destination overlap). The write scope marks exactly the destination, as an assign
    // would, without the snapshot copy an overlapping assign makes: erasing the first
    // item moves everything once, not twice.
    const std::byte* source = buffer_.view({span_of(from, from + n)}).data();
    Array target = buffer_.view({span_of(to, to + n)});
    WriteScope scope(target);
    std::memmove(scope.data(), source, target.nbytes());
}

template <class B>
void ItemList<B>::append(const Array& elements) {
    const Array items = converted(elements, "ItemList::append");
    const std::size_t old = count();
    buffer_.resize(old + items.shape()[0]);
    buffer_.view({span_of(old, old + items.shape()[0])}).assign(items);
    offsets_.push_back(old + items.shape()[0]);
}

template <class B>
void ItemList<B>::append(const Array& elements, std::span<const std::size_t> sizes) {
    const Array items = converted(elements, "ItemList::append");
    const std::size_t total = std::accumulate(sizes.begin(), sizes.end(), std::size_t{0});
    if (total != items.shape()[0]) {
        throw ValueError("ItemList::append: the item sizes add up to " + std::to_string(total) + " elements but " +
                         std::to_string(items.shape()[0]) + " were given");
    }
    const std::size_t old = count();
    buffer_.resize(old + total);
    buffer_.view({span_of(old, old + total)}).assign(items);
    // No exact reserve here: reserving just enough on every append made each append
    // reallocate and copy all the offsets (1e5 shapes: 40% of SvgScene's build in
    // memmove); push_back's geometric growth keeps appends amortised O(1).
    for (std::size_t k : sizes) offsets_.push_back(offsets_.back() + k);
}

template <class B>
void ItemList<B>::insert(std::size_t i, const Array& elements) {
    if (i > size()) throw IndexError(out_of_range("ItemList::insert", i, size()));
    const Array items = converted(elements, "ItemList::insert");
    const std::size_t k = items.shape()[0];
    const std::size_t at = offsets_[i], old = count();
    buffer_.resize(old + k);
    move_tail(at, at + k); // count() is still the old one: offsets_ change last
    buffer_.view({span_of(at, at + k)}).assign(items);
    offsets_.insert(offsets_.begin() + static_cast<std::ptrdiff_t>(i) + 1, at + k);
    for (std::size_t j = i + 2; j < offsets_.size(); ++j) offsets_[j] += k;
}

template <class B>
void ItemList<B>::erase(std::size_t i) {
    if (i >= size()) throw IndexError(out_of_range("ItemList::erase", i, size()));
    erase(i, i + 1);
}

template <class B>
void ItemList<B>::erase(std::size_t first, std::size_t last) {
    if (first > last || last > size()) {
        throw IndexError("ItemList::erase: items [" + std::to_string(first) + ", " + std::to_string(last) +
                         ") are not a range of a list of " + std::to_string(size()) + " item" + (size() == 1 ? "" : "s"));
    }
    if (first == last) return;
    const std::size_t start = offsets_[first], stop = offsets_[last], removed = stop - start;
    move_tail(stop, start);
    buffer_.resize(count() - removed);
    offsets_.erase(offsets_.begin() + static_cast<std::ptrdiff_t>(first) + 1, offsets_.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    for (std::size_t j = first + 1; j < offsets_.size(); ++j) offsets_[j] -= removed;
}

template <class B>
void ItemList<B>::clear() {
    buffer_.resize(0);
    offsets_.assign(1, 0);
}

template <class B>
void ItemList<B>::set(std::size_t i, const Array& elements) {
    if (i >= size()) throw IndexError(out_of_range("ItemList::set", i, size()));
    const Array items = converted(elements, "ItemList::set");
    const std::size_t start = offsets_[i], stop = offsets_[i + 1], old = count();
    const std::size_t k = items.shape()[0], m = stop - start;
    if (k > m) {
        buffer_.resize(old + (k - m));
        move_tail(stop, start + k);
    } else if (k < m) {
        move_tail(stop, start + k);
        buffer_.resize(old - (m - k));
    }
    buffer_.view({span_of(start, start + k)}).assign(items);
    for (std::size_t j = i + 1; j < offsets_.size(); ++j) offsets_[j] = offsets_[j] + k - m;
}

template <class B>
Array ItemList<B>::operator[](std::size_t i) const {
    if (i >= size()) throw IndexError(out_of_range("ItemList::operator[]", i, size()));
    return buffer_.view({span_of(offsets_[i], offsets_[i + 1])});
}

template <class B>
Array ItemList<B>::operator[](std::string_view field) const {
    return buffer_[field];
}

template class ItemList<gloo::VertexBuffer>;
template class ItemList<gloo::IndexBuffer>;

} // namespace glumpp::graphics
