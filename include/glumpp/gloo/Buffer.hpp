#pragma once
// VertexBuffer and IndexBuffer: arrays that live on the GPU too.
//
//   auto V = gloo::VertexBuffer::zeros({3, 3}, DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
//   V["position"].view({1, 1}).assign({0.5, 0.5});   // tracked like any Array write
//   program["a_position"] = V["position"];            // a field view: stride 20, offset 0
//   program.draw(gloo::Primitive::Points);            // uploads what changed, then draws
//
// A buffer *is* an Array (its storage's tracker is the GPU object), so every view of it
// (a field, a slice) still knows which GPU buffer it belongs to. Nothing touches the GPU
// until a draw uses the buffer or sync() is called; then the dirty ranges go through the
// upload planner (UploadPlan.hpp) and the context's fastest strategy, and are cleared.
// An array that is never drawn is never uploaded.
//
// The GL buffer mirrors the whole storage, so a view's byte offset in the storage is its
// offset in the GL buffer. The GL buffer is created in the context current at the first
// sync and belongs to it; to draw the same data in a second context, make a second buffer
// over the same array (`VertexBuffer::over(V)`): each uploads everything written since
// its own last upload. (Copying a VertexBuffer copies the handle: the same GPU buffer.)
//
// resize() and append() grow the first axis. Growth within the capacity uploads only the
// new elements; past it the storage doubles and everything is sent again. Views taken
// before a reallocation keep the old memory and are no longer uploaded.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/UploadLog.hpp>

#include <cstddef>
#include <memory>
#include <vector>

namespace glumpp::gloo {

namespace detail {
class BufferObject;
}

enum class BufferUsage { Static, Dynamic, Stream };

class Buffer : public Array {
public:
    /// Uploads the pending writes now, creating the GL buffer in the current context on first
    /// use. Draws call it for every buffer they read.
    void sync();
    /// The GPU's copy of the whole buffer as it is now (no implicit sync); empty before the
    /// first sync.
    std::vector<std::byte> read_back() const;
    /// The GL name (0 before the first sync).
    unsigned handle() const;
    /// What this buffer has sent so far.
    const UploadStats& upload_stats() const;

    /// Elements along the first axis the storage can hold without reallocating.
    std::size_t capacity() const;
    /// New first-axis length; new elements are zero.
    void resize(std::size_t n);
    /// Adds `items` (shape (k, ...) or broadcastable to it) at the end of the first axis.
    void append(const Array& items);

    /// The GPU buffer object a view belongs to, or nullptr for a plain Array's view.
    static detail::BufferObject* object_of(const Array& view) noexcept;

protected:
    Buffer() = default;
    explicit Buffer(Array view) : Array(std::move(view)) {}
    detail::BufferObject& object() const;
};

class VertexBuffer : public Buffer {
public:
    VertexBuffer() = default;
    /// A new zero buffer (entirely dirty).
    static VertexBuffer zeros(std::vector<std::size_t> shape, const DType& dtype, BufferUsage usage = BufferUsage::Dynamic);
    template <class T>
    static VertexBuffer zeros(std::vector<std::size_t> shape, BufferUsage usage = BufferUsage::Dynamic) {
        return zeros(std::move(shape), DType::of<T>(), usage);
    }
    /// A buffer holding a copy of `values`.
    template <class T>
    static VertexBuffer from(const std::vector<T>& values, std::vector<std::size_t> shape = {}) {
        return over(Array::from(values, std::move(shape)));
    }
    /// A new GPU buffer over `array`'s storage (no copy), viewing the same elements: writes
    /// through either are uploaded. Over another buffer's view it makes a second, independent
    /// GPU buffer (for another context).
    static VertexBuffer over(const Array& array, BufferUsage usage = BufferUsage::Dynamic);

private:
    explicit VertexBuffer(Array view) : Buffer(std::move(view)) {}
};

class IndexBuffer : public Buffer {
public:
    IndexBuffer() = default;
    /// `n` zero indices of uint8, uint16 or uint32.
    static IndexBuffer zeros(std::size_t n, const DType& dtype = DType::of<std::uint32_t>(),
                             BufferUsage usage = BufferUsage::Dynamic);
    template <class T>
    static IndexBuffer from(const std::vector<T>& indices) {
        return over(Array::from(indices));
    }
    /// A new GPU index buffer over `array`'s storage; TypeError unless it is a C-contiguous
    /// array of native uint8/16/32.
    static IndexBuffer over(const Array& array, BufferUsage usage = BufferUsage::Dynamic);

    /// GL_UNSIGNED_BYTE/SHORT/INT.
    unsigned gl_type() const;

private:
    explicit IndexBuffer(Array view) : Buffer(std::move(view)) {}
};

} // namespace glumpp::gloo
