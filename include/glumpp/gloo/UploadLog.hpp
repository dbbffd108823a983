#pragma once
// What was sent to the GPU: statistics for people, a call log for tests.
//
// Every upload glumpp makes goes through one function per object kind, which updates the
// object's UploadStats, the context's FrameStats, and, when enabled, appends an
// UploadCall to the context's UploadLog. Tests assert exact calls ("the seed's example
// sends 16 bytes in two calls"); `--stats` in the demos prints the frame figures
// (FrameStats, which also counts uniform uploads and draw calls).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace glumpp::gloo {

/// Totals for one object, or for a frame.
struct UploadStats {
    std::size_t calls = 0;        ///< upload calls (glBufferSubData, glTexSubImage*, flushes...)
    std::size_t bytes_sent = 0;   ///< bytes those calls sent
    std::size_t bytes_dirty = 0;  ///< bytes that had been written (what had to be sent)
    std::size_t gap_bytes = 0;    ///< clean bytes sent because one call was cheaper than two
    std::size_t whole_sends = 0;  ///< times the whole object was sent
    void add(const UploadStats& o) {
        calls += o.calls;
        bytes_sent += o.bytes_sent;
        bytes_dirty += o.bytes_dirty;
        gap_bytes += o.gap_bytes;
        whole_sends += o.whole_sends;
    }
};

/// Per-frame figures of a context (reset with Context::reset_frame_stats(); the app's run
/// loop does so before every frame), what `--stats` prints:
///   uploads: 2 calls, 494800 B sent (494800 B dirty, 0 B gaps); uniforms: 1 call, 4 B; 1 draw call
///  - uploads: buffer and texture upload calls (the UploadLog's entries), the bytes they
///    sent, of which `dirty` had been written by the user and `gaps` were clean bytes
///    between two dirty ranges that the planner merged into one call, or around them when
///    a whole object was re-specified (sent = dirty + gaps). Dirty is exact while an
///    object has at most 64 dirty ranges (DirtySet's cap); past that the tracker merges
///    the closest ones and their gaps count as dirty;
///  - uniforms: glUniform* calls a Program made (only changed values are sent, sampler
///    unit numbers included) and their bytes; not in the UploadLog;
///  - draw calls: glDraw* calls made through a Program.
struct FrameStats {
    UploadStats uploads;
    std::size_t uniform_calls = 0;
    std::size_t uniform_bytes = 0;
    std::size_t draw_calls = 0;
    std::string str() const;
};

struct UploadCall {
    enum class Kind : std::uint8_t {
        BufferData,      ///< whole buffer (re)specified with data
        BufferSubData,   ///< glBufferSubData
        MapRange,        ///< glMapBufferRange + copy + flush, one entry per flushed range
        Persistent,      ///< copy into a persistent mapping + flush
        TexImage,        ///< whole texture (re)specified with data
        TexSubImage,     ///< glTexSubImage1D/2D/3D
    };
    Kind kind = Kind::BufferSubData;
    unsigned target = 0;       ///< GL target (for cube faces: the face target)
    unsigned object = 0;       ///< GL name
    std::size_t offset = 0;    ///< buffers: byte offset
    std::size_t size = 0;      ///< bytes sent
    std::size_t x = 0, y = 0, z = 0, width = 0, height = 0, depth = 0; ///< textures: texels
    friend bool operator==(const UploadCall&, const UploadCall&) = default;
};

/// The recording layer: off by default (costs nothing then).
class UploadLog {
public:
    void enable(bool on = true) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    void record(const UploadCall& c) {
        if (enabled_) calls_.push_back(c);
    }
    const std::vector<UploadCall>& calls() const { return calls_; }
    void clear() { calls_.clear(); }

private:
    bool enabled_ = false;
    std::vector<UploadCall> calls_;
};

} // namespace glumpp::gloo
