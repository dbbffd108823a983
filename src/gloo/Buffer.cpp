#include "BufferObject.hpp"

#include <cstring>

namespace glumpp::gloo {

namespace detail {

void BufferObject::create(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char*) {
    const Storage& s = *storage();
    for (const ByteRange& r : dirty) done.bytes_dirty += r.size();
    gpu_.allocate(ctx, s.size(), s.data(), ctx.strategy, usage_);
    done.calls = 1;
    done.bytes_sent = s.size();
    done.gap_bytes = s.size() - std::min(s.size(), done.bytes_dirty);
    done.whole_sends = 1;
}

void BufferObject::update(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char*) {
    if (dirty.empty()) return;
    const Storage& s = *storage();
    for (const ByteRange& r : dirty) done.bytes_dirty += r.size();
    plan_upload(dirty, s.size(), ctx.costs, plan_);
    gpu_.upload(ctx, s.data(), plan_.calls);
    done.calls = plan_.calls.size();
    done.bytes_sent = plan_.sent_bytes;
    done.gap_bytes = plan_.gap_bytes;
    done.whole_sends = plan_.whole ? 1 : 0;
}

} // namespace detail

namespace {

GLenum gl_usage(BufferUsage u) {
    switch (u) {
    case BufferUsage::Static: return GL_STATIC_DRAW;
    case BufferUsage::Dynamic: return GL_DYNAMIC_DRAW;
    case BufferUsage::Stream: return GL_STREAM_DRAW;
    }
    return GL_DYNAMIC_DRAW;
}

Array on_gpu(const Array& array, BufferUsage usage, const char* caller) {
    if (!array) throw ValueError(std::string(caller) + ": the array is a null handle");
    return array.with_tracker(std::make_shared<detail::BufferObject>(array.storage(), gl_usage(usage)));
}

std::size_t row_bytes(const Array& a) {
    std::size_t n = a.itemsize();
    for (std::size_t k = 1; k < a.ndim(); ++k) n *= a.shape()[k];
    return n;
}

} // namespace

detail::BufferObject* Buffer::object_of(const Array& view) noexcept { return detail::BufferObject::of(view); }

detail::BufferObject& Buffer::object() const {
    auto* o = object_of(*this);
    if (!o) throw ValueError("Buffer: the buffer is a null handle (default-constructed)");
    return *o;
}

void Buffer::sync() { object().sync("Buffer::sync"); }

std::vector<std::byte> Buffer::read_back() const {
    const auto& gpu = object().gpu();
    if (!gpu.exists()) return {};
    detail::require_current("Buffer::read_back");
    gpu.gl_name().require_owner_current("Buffer::read_back");
    std::vector<std::byte> out(gpu.size());
    gpu.read(out.data(), 0, out.size());
    return out;
}

unsigned Buffer::handle() const { return object().gpu().name(); }

const UploadStats& Buffer::upload_stats() const { return object().stats(); }

std::size_t Buffer::capacity() const {
    if (ndim() == 0) return 1;
    const std::size_t row = row_bytes(*this);
    return row ? (base_nbytes() - offset()) / row : 0;
}

void Buffer::resize(std::size_t n) {
    detail::BufferObject& obj = object();
    if (ndim() == 0 || !is_contiguous()) {
        throw ShapeError("Buffer::resize: only a C-contiguous buffer of at least one axis can grow (this view has shape " +
                         glumpp::detail::shape_str(shape()) + ")");
    }
    std::vector<std::size_t> grown = shape();
    const std::size_t old = grown[0];
    grown[0] = n;
    std::shared_ptr<Storage> storage = this->storage();
    const std::size_t row = row_bytes(*this);
    if (n > capacity()) {
        const std::size_t rows = std::max(n, 2 * capacity());
        auto bigger = Storage::allocate(offset() + rows * row);
        std::memcpy(bigger->data(), storage->data(), offset() + old * row);
        obj.rebind(bigger); // everything is dirty in the new memory; the GL buffer is re-made
        storage = std::move(bigger);
    }
    std::vector<std::ptrdiff_t> strides = this->strides();
    if (!strides.empty()) strides[0] = static_cast<std::ptrdiff_t>(row);
    Array::operator=(Array::over(storage, tracker_ptr(), dtype(), grown, strides, offset()));
    if (n > old) view({slice(static_cast<std::ptrdiff_t>(old))}).fill(0); // NumPy's resize gives zeros
}

void Buffer::append(const Array& items) {
    if (!items) throw ValueError("Buffer::append: the items are a null handle");
    const std::size_t k = items.ndim() == ndim() && ndim() > 0 ? items.shape()[0] : 1;
    const std::size_t old = ndim() ? shape()[0] : 0;
    // Check that the items fit before growing anything (bad input loses nothing).
    std::vector<std::size_t> target = shape();
    if (target.empty()) throw ShapeError("Buffer::append: a 0-d buffer has no axis to append to");
    target[0] = k;
    Array::zeros(target, dtype()).assign(items); // throws ShapeError/TypeError with nothing changed
    resize(old + k);
    view({slice(static_cast<std::ptrdiff_t>(old))}).assign(items);
}

VertexBuffer VertexBuffer::over(const Array& array, BufferUsage usage) {
    return VertexBuffer(on_gpu(array, usage, "VertexBuffer::over"));
}

VertexBuffer VertexBuffer::zeros(std::vector<std::size_t> shape, const DType& dtype, BufferUsage usage) {
    return over(Array::zeros(std::move(shape), dtype), usage);
}

namespace {
Array checked_indices(const Array& array) {
    if (!array) throw ValueError("IndexBuffer::over: the array is a null handle");
    const DType& d = array.dtype();
    if (!d.is_scalar() || d.scalar_kind() != ScalarKind::UInt || d.itemsize() > 4 || !d.is_native()) {
        throw TypeError("IndexBuffer::over: indices must be native uint8, uint16 or uint32, not " + d.name());
    }
    if (!array.is_contiguous()) throw ShapeError("IndexBuffer::over: indices must be C-contiguous");
    return array;
}
} // namespace

IndexBuffer IndexBuffer::over(const Array& array, BufferUsage usage) {
    return IndexBuffer(on_gpu(checked_indices(array), usage, "IndexBuffer::over"));
}

IndexBuffer IndexBuffer::zeros(std::size_t n, const DType& dtype, BufferUsage usage) {
    return over(Array::zeros({n}, dtype), usage);
}

unsigned IndexBuffer::gl_type() const {
    switch (itemsize()) {
    case 1: return GL_UNSIGNED_BYTE;
    case 2: return GL_UNSIGNED_SHORT;
    default: return GL_UNSIGNED_INT;
    }
}

} // namespace glumpp::gloo
