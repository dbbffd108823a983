#pragma once
// The GL side of a buffer: its name, size and the strategy that writes ranges into it.
// Used by buffers (Buffer.cpp) and by the calibration, so that what is measured is what
// runs.

#include "ContextState.hpp"

#include <glumpp/array/ByteRange.hpp>

#include <cstddef>
#include <span>

namespace glumpp::gloo::detail {

class GpuBuffer {
public:
    GpuBuffer() = default;
    ~GpuBuffer();
    GpuBuffer(const GpuBuffer&) = delete;
    GpuBuffer& operator=(const GpuBuffer&) = delete;

    bool exists() const noexcept { return static_cast<bool>(name_); }
    GLuint name() const noexcept { return name_.get(); }
    std::size_t size() const noexcept { return size_; }
    UploadStrategy strategy() const noexcept { return strategy_; }
    const GLName& gl_name() const noexcept { return name_; }

    /// (Re)creates the buffer with `size` bytes from `data`, in the current context.
    void allocate(ContextState& ctx, std::size_t size, const std::byte* data, UploadStrategy strategy, GLenum usage);
    /// Sends bytes [r.start, r.stop) of `base` (the CPU copy, same offsets) for every range.
    /// Logs each call in the context's UploadLog.
    void upload(ContextState& ctx, const std::byte* base, std::span<const ByteRange> ranges);
    /// A draw that reads this buffer was issued: a persistent mapping must wait for it
    /// before the next write.
    void used_by_draw() noexcept { used_since_fence_ = true; }
    void read(std::byte* out, std::size_t offset, std::size_t size) const;

private:
    void release_mapping() noexcept;

    GLName name_;
    std::size_t size_ = 0;
    UploadStrategy strategy_ = UploadStrategy::SubData;
    std::byte* mapping_ = nullptr; // persistent
    GLsync fence_ = nullptr;
    bool used_since_fence_ = false;
};

} // namespace glumpp::gloo::detail
