#pragma once
// ItemList: variable-length items stored end to end in one GPU buffer (glumpy's ArrayList).
//
//   graphics::VertexList paths(DType::parse("[('position', '<f4', (2,)), ('item_index', '<u4')]"));
//   paths.append(records_of_path_a);          // item 0: elements [0, 5)
//   paths.append(records_of_path_b);          // item 1: elements [5, 12)
//   paths[1]["position"].view({0}).assign({3, 4});   // edit an item in place: 8 bytes dirty
//   paths.erase(0);                           // item 1 moves down to [0, 7)
//   program["position"] = paths["position"];  // every element of every item
//
// The elements live in one gloo::VertexBuffer (VertexList) or gloo::IndexBuffer
// (IndexList): one draw call reads all of them. Each item is a run [start, stop) of
// elements, kept in order; an item can be empty.
//
// What reaches the GPU is what changed, because every operation below is an ordinary
// tracked write into the buffer (see Buffer.hpp):
//  - append writes the new elements past the end. Within the capacity that is the only
//    dirty span, so the next sync sends just those bytes. Past the capacity the storage
//    doubles (Buffer::resize), so a list of n elements reallocates O(log n) times and
//    each reallocation sends everything once.
//  - erase moves the elements after the erased items down with one memmove in a tracked
//    write scope: the dirty span is exactly the moved elements (nothing before the
//    erased item, and not the stale bytes left past the new end, which no draw reads).
//    glumpy deleted and re-created every buffer on any structural change.
//  - insert grows by the new item, moves the tail up once and writes the item: the dirty
//    span starts at the inserted item.
//  - set() with the same number of elements writes in place; with another number it moves
//    the tail once, like insert or erase.
// The capacity never shrinks (erasing keeps the GPU buffer's size, so appending again
// needs no reallocation).
//
// Views (`list[i]`, `list["field"]`, `buffer()`) are views of the current storage: take
// them again after a structural change (append, insert, erase, set with a new size), which
// may reallocate or move the elements they showed.
//
// Errors: an item number out of range is an IndexError naming it and the list's size;
// elements that cannot be converted to the list's dtype are a ShapeError or TypeError from
// Array::assign, raised before anything changes.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Buffer.hpp>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace glumpp::graphics {

/// The elements of one item: [start, stop).
struct ItemBounds {
    std::size_t start = 0, stop = 0;
    std::size_t size() const noexcept { return stop - start; }
    friend bool operator==(const ItemBounds&, const ItemBounds&) = default;
};

/// `B` is gloo::VertexBuffer or gloo::IndexBuffer (explicitly instantiated for both).
template <class B>
class ItemList {
public:
    /// An empty list of elements of `dtype` (an IndexList takes uint8, uint16 or uint32
    /// only: TypeError otherwise).
    explicit ItemList(const DType& dtype);

    /// Number of items.
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    bool empty() const noexcept { return size() == 0; }
    /// Number of elements in all items.
    std::size_t count() const noexcept { return offsets_.back(); }
    /// Elements the storage holds before the next reallocation.
    std::size_t capacity() const { return buffer_.capacity(); }
    const DType& dtype() const noexcept { return buffer_.dtype(); }

    /// Where item `i` lies; IndexError when i >= size().
    ItemBounds bounds(std::size_t i) const;

    /// Appends one item made of `elements` (shape (k,) of the list's dtype, or anything
    /// Array::assign converts to it).
    void append(const Array& elements);
    /// Appends several items at once: `elements` holds them end to end, `sizes` says how
    /// many elements each has (ValueError if the sizes do not add up to the elements).
    void append(const Array& elements, std::span<const std::size_t> sizes);
    /// Inserts one item before item `i` (i == size() appends); IndexError when i > size().
    void insert(std::size_t i, const Array& elements);
    /// Removes item `i`, or items [first, last); IndexError when out of range.
    void erase(std::size_t i);
    void erase(std::size_t first, std::size_t last);
    /// Removes every item (no upload: nothing is left to draw).
    void clear();
    /// Replaces item `i`'s elements (see the file comment for what is uploaded).
    void set(std::size_t i, const Array& elements);

    /// Item `i`'s elements: a tracked view of the buffer.
    Array operator[](std::size_t i) const;
    /// Field `name` of every element (KeyError if the dtype has no such field).
    Array operator[](std::string_view field) const;

    /// The buffer holding every element (its first axis is count()).
    B& buffer() noexcept { return buffer_; }
    const B& buffer() const noexcept { return buffer_; }

private:
    /// Copies `elements` into a new contiguous array of the list's dtype: the only step
    /// that can fail, done before anything changes.
    Array converted(const Array& elements, const char* caller) const;
    /// Moves elements [from, count()) so that they start at `to` (one memmove).
    void move_tail(std::size_t from, std::size_t to);

    B buffer_;
    std::vector<std::size_t> offsets_{0}; ///< item i is [offsets_[i], offsets_[i + 1])
};

using VertexList = ItemList<gloo::VertexBuffer>;
using IndexList = ItemList<gloo::IndexBuffer>;

extern template class ItemList<gloo::VertexBuffer>;
extern template class ItemList<gloo::IndexBuffer>;

} // namespace glumpp::graphics
