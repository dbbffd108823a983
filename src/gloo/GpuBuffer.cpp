#include "GpuBuffer.hpp"

#include <cstring>

namespace glumpp::gloo::detail {

// Uploads and read-backs bind to the copy targets: they exist in every 3.3 context and
// leave the array/element bindings (VAO state) alone.
constexpr GLenum write_target = GL_COPY_WRITE_BUFFER;
constexpr GLenum read_target = GL_COPY_READ_BUFFER;

GpuBuffer::~GpuBuffer() { release_mapping(); }

void GpuBuffer::release_mapping() noexcept {
    if (!mapping_ && !fence_) return;
    auto owner = name_.owner();
    if (owner) {
        try {
            CurrentGuard guard(*owner);
            if (fence_) glDeleteSync(fence_);
            if (mapping_) {
                glBindBuffer(write_target, name_.get());
                glUnmapBuffer(write_target);
            }
        } catch (...) {
        }
    }
    mapping_ = nullptr;
    fence_ = nullptr;
}

void GpuBuffer::allocate(ContextState& ctx, std::size_t size, const std::byte* data, UploadStrategy strategy,
                         GLenum usage) {
    release_mapping();
    name_.reset();
    GLuint n = 0;
    glGenBuffers(1, &n);
    name_ = GLName(GLName::Kind::Buffer, n, ctx);
    size_ = size;
    strategy_ = strategy == UploadStrategy::Persistent && !ctx.buffer_storage ? UploadStrategy::SubData : strategy;
    glBindBuffer(write_target, n);
    const auto bytes = static_cast<GLsizeiptr>(std::max<std::size_t>(size, 1));
    if (strategy_ == UploadStrategy::Persistent) {
        const GLbitfield flags = GL_MAP_WRITE_BIT | GL_MAP_PERSISTENT_BIT;
        glBufferStorage(write_target, bytes, data, flags | GL_DYNAMIC_STORAGE_BIT);
        mapping_ = static_cast<std::byte*>(glMapBufferRange(write_target, 0, bytes, flags | GL_MAP_FLUSH_EXPLICIT_BIT));
        if (!mapping_) strategy_ = UploadStrategy::SubData; // storage stays; SubData works on it
    } else {
        glBufferData(write_target, bytes, data, usage);
    }
    check_gl("VertexBuffer: allocating the GL buffer");
    ctx.log.record({UploadCall::Kind::BufferData, write_target, n, 0, data ? size : 0});
}

void GpuBuffer::upload(ContextState& ctx, const std::byte* base, std::span<const ByteRange> ranges) {
    if (ranges.empty()) return;
    glBindBuffer(write_target, name_.get());
    // One range goes through glBufferSubData even where mapping was calibrated as the
    // faster strategy: a map, a flush and an unmap are three calls where one does
    // (measured on llvmpipe: the seed's 88 bytes 1.21x slower mapped, a 96-byte ring
    // append 1.17x; mapping wins when one mapping serves many ranges).
    const UploadStrategy strategy =
        strategy_ == UploadStrategy::MapRange && ranges.size() == 1 ? UploadStrategy::SubData : strategy_;
    const UploadCall::Kind kind = strategy == UploadStrategy::SubData    ? UploadCall::Kind::BufferSubData
                                  : strategy == UploadStrategy::MapRange ? UploadCall::Kind::MapRange
                                                                         : UploadCall::Kind::Persistent;
    switch (strategy) {
    case UploadStrategy::SubData:
        for (const ByteRange& r : ranges) {
            glBufferSubData(write_target, static_cast<GLintptr>(r.start), static_cast<GLsizeiptr>(r.size()), base + r.start);
        }
        break;
    case UploadStrategy::MapRange: {
        // One mapping over all ranges; only the flushed ranges reach the GPU, the rest of the
        // mapping keeps its contents (no INVALIDATE: the gaps hold live data).
        const std::size_t lo = ranges.front().start, hi = ranges.back().stop;
        auto* p = static_cast<std::byte*>(glMapBufferRange(write_target, static_cast<GLintptr>(lo),
                                                           static_cast<GLsizeiptr>(hi - lo),
                                                           GL_MAP_WRITE_BIT | GL_MAP_FLUSH_EXPLICIT_BIT));
        if (!p) throw GLError("VertexBuffer::sync: glMapBufferRange failed");
        for (const ByteRange& r : ranges) {
            std::memcpy(p + (r.start - lo), base + r.start, r.size());
            glFlushMappedBufferRange(write_target, static_cast<GLintptr>(r.start - lo), static_cast<GLsizeiptr>(r.size()));
        }
        glUnmapBuffer(write_target);
        break;
    }
    case UploadStrategy::Persistent:
        // Draws issued since the last write may still read the old bytes: wait for them.
        if (used_since_fence_) {
            if (fence_) glDeleteSync(fence_);
            fence_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
            used_since_fence_ = false;
        }
        if (fence_) {
            glClientWaitSync(fence_, GL_SYNC_FLUSH_COMMANDS_BIT, GLuint64(10) * 1000 * 1000 * 1000);
            glDeleteSync(fence_);
            fence_ = nullptr;
        }
        for (const ByteRange& r : ranges) {
            std::memcpy(mapping_ + r.start, base + r.start, r.size());
            glFlushMappedBufferRange(write_target, static_cast<GLintptr>(r.start), static_cast<GLsizeiptr>(r.size()));
        }
        break;
    }
    if (ctx.log.enabled()) {
        for (const ByteRange& r : ranges) ctx.log.record({kind, write_target, name_.get(), r.start, r.size()});
    }
    // No glGetError here: it costs as much as a small upload, every frame. Debug contexts
    // (GLUMPP_GL_DEBUG=1) report errors through KHR_debug instead.
}

void GpuBuffer::read(std::byte* out, std::size_t offset, std::size_t size) const {
    if (size == 0) return;
    glBindBuffer(read_target, name_.get());
    glGetBufferSubData(read_target, static_cast<GLintptr>(offset), static_cast<GLsizeiptr>(size), out);
    check_gl("VertexBuffer::read_back");
}

} // namespace glumpp::gloo::detail
