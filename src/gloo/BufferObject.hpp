#pragma once
// The GPU object behind a Buffer: the tracker of the storage's writes plus the GL buffer.
// Its sync is GpuObject's; what is particular to buffers is below.

#include "GpuBuffer.hpp"
#include "GpuObject.hpp"

#include <glumpp/gloo/Buffer.hpp>

namespace glumpp::gloo::detail {

class BufferObject final : public GpuObject<BufferObject> {
public:
    BufferObject(std::shared_ptr<Storage> storage, GLenum usage) : GpuObject(std::move(storage)), usage_(usage) {}

    const GpuBuffer& gpu() const noexcept { return gpu_; }
    GpuBuffer& gpu() noexcept { return gpu_; }

private:
    friend GpuObject;
    void require_own_context(const char* caller) const { gpu_.gl_name().require_owner_current(caller); }
    /// First use, or the storage grew into new memory: the GL buffer is (re)made.
    bool needs_creation() const noexcept { return !gpu_.exists() || gpu_.size() != storage()->size(); }
    /// glBufferData with the whole storage (one BufferData entry in the log).
    void create(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);
    /// The dirty ranges through plan_upload, then the context's strategy (GpuBuffer::upload).
    void update(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);

    GLenum usage_;
    GpuBuffer gpu_;
    UploadPlan plan_; // reused every sync
};

} // namespace glumpp::gloo::detail
