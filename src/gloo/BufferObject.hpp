#pragma once
// The GPU object behind a Buffer: the tracker of the storage's writes plus the GL buffer.

#include "GpuBuffer.hpp"

#include <glumpp/gloo/Buffer.hpp>

namespace glumpp::gloo::detail {

class BufferObject final : public Tracker {
public:
    BufferObject(std::shared_ptr<Storage> storage, GLenum usage) : Tracker(std::move(storage)), usage_(usage) {}

    /// Creates the GL buffer in the current context if needed and uploads what is dirty.
    void sync(const char* caller);
    const GpuBuffer& gpu() const noexcept { return gpu_; }
    GpuBuffer& gpu() noexcept { return gpu_; }
    const UploadStats& stats() const noexcept { return stats_; }

private:
    GLenum usage_;
    GpuBuffer gpu_;
    UploadStats stats_;
    std::vector<ByteRange> dirty_; // reused every sync
    UploadPlan plan_;
};

} // namespace glumpp::gloo::detail
