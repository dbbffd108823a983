#pragma once
// The skeleton every GPU object shares (BufferObject, TextureObject): it is the tracker of
// its storage's writes, and its sync() always runs the same steps:
//   1. a context must be current (ContextError naming the caller otherwise);
//   2. the object must belong to it, once it exists (the kind says how it words that);
//   3. the tracker's dirty ranges are drained (take: read and cleared in one step);
//   4. the kind turns them into GL calls: create() on first use (or when it must be
//      re-made), update() otherwise; each fills in the UploadStats of what it sent;
//   5. those stats are added to the object's and to the context's frame figures.
// If step 4 throws, everything is marked dirty again, so that nothing written is lost: the
// next sync sends it all.
//
// The per-kind part is what a dirty set becomes (buffers: byte ranges through the upload
// planner; textures: texel boxes) and how the object is made, nothing else. It is a static
// interface (CRTP): a sync per buffer per draw must not pay a virtual call per step.
//
//   class BufferObject final : public GpuObject<BufferObject> {
//       friend GpuObject;
//       void require_own_context(const char* caller) const;
//       bool needs_creation() const;
//       void create(ContextState&, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);
//       void update(ContextState&, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);
//   };

#include "ContextState.hpp"

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/UploadLog.hpp>

#include <span>
#include <typeinfo>
#include <vector>

namespace glumpp::gloo::detail {

template <class Kind>
class GpuObject : public Tracker {
public:
    /// The object of this kind a view reports to, or nullptr for any other Array's view.
    /// Kinds are final: an exact type check is enough, and cheaper than dynamic_cast on a
    /// path every draw takes for every buffer and texture.
    static Kind* of(const Array& view) noexcept {
        Tracker* t = view.tracker_ptr().get();
        return t && typeid(*t) == typeid(Kind) ? static_cast<Kind*>(t) : nullptr;
    }

    /// Steps 1-5 above.
    void sync(const char* caller) {
        ContextState& ctx = require_current(caller);
        Kind& self = static_cast<Kind&>(*this);
        self.require_own_context(caller);
        take(dirty_);
        UploadStats done;
        try {
            if (self.needs_creation()) {
                self.create(ctx, dirty_, done, caller);
            } else {
                self.update(ctx, dirty_, done, caller);
            }
        } catch (...) {
            mark_all();
            throw;
        }
        stats_.add(done);
        ctx.stats.uploads.add(done);
    }

    /// What this object has sent so far.
    const UploadStats& stats() const noexcept { return stats_; }

protected:
    explicit GpuObject(std::shared_ptr<Storage> storage) : Tracker(std::move(storage)) {}

private:
    UploadStats stats_;
    std::vector<ByteRange> dirty_; // reused every sync: no allocation once warm
};

} // namespace glumpp::gloo::detail
