#pragma once
// The upload planner: which GL calls send a set of dirty byte ranges.
//
// Cost model: one call costs `call_ns`, one byte `byte_ns`. Two ranges separated by a
// gap of g bytes are sent as one call iff g * byte_ns < call_ns (one bigger upload is
// cheaper than two); the whole object is sent instead when that is cheaper still, or
// when the dirty bytes reach `whole_fraction` of it. The costs are measured per context
// (Context calibrates them) and can be overridden. Pure arithmetic, no GL: tested alone.
//
// On Mesa llvmpipe a call costs about 50 ns and a byte 0.02-0.08 ns, so gaps under about
// 1-2 KB are merged; on a discrete GPU calls cost more and the merge distance grows.

#include <glumpp/array/ByteRange.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace glumpp::gloo {

struct UploadCosts {
    double call_ns = 50.0;       ///< fixed cost of one upload call
    double byte_ns = 0.03;       ///< cost of one byte
    double whole_fraction = 1.0; ///< send everything once this fraction is dirty (1 = cost model only)
};

struct UploadPlan {
    std::vector<ByteRange> calls; ///< one GL upload each, sorted
    std::size_t dirty_bytes = 0;  ///< bytes in the dirty ranges
    std::size_t sent_bytes = 0;   ///< bytes the calls send
    std::size_t gap_bytes = 0;    ///< clean bytes sent because merging was cheaper
    bool whole = false;           ///< the plan re-sends the whole object
};

/// Plans the upload of `dirty` (sorted, disjoint) into an object of `size` bytes.
UploadPlan plan_upload(std::span<const ByteRange> dirty, std::size_t size, const UploadCosts& costs);
/// The same into `plan`, reusing its memory (uploads run every frame).
void plan_upload(std::span<const ByteRange> dirty, std::size_t size, const UploadCosts& costs, UploadPlan& plan);

/// A sub-rectangle (2-D), sub-box (3-D) or face rectangle (cube) of texels: what one
/// glTexSubImage call sends. 1-D boxes have height 1, 2-D boxes depth 1.
struct TexelBox {
    std::size_t x = 0, y = 0, z = 0;
    std::size_t width = 0, height = 0, depth = 0;
    friend bool operator==(const TexelBox&, const TexelBox&) = default;
};

struct TexturePlan {
    std::vector<TexelBox> boxes;  ///< one glTexSubImage call each, in memory order (z, y, x)
    std::size_t dirty_bytes = 0;  ///< bytes in the dirty ranges
    std::size_t sent_bytes = 0;   ///< bytes the boxes send (a texel covered twice counts twice)
    std::size_t gap_bytes = 0;    ///< sent_bytes - dirty_bytes: clean bytes sent to save calls,
                                  ///< and the rest of texels only partly written
    bool whole = false;           ///< the plan re-sends the whole texture (one box)
};

/// Plans the upload of dirty byte ranges of a C-contiguous texture of
/// depth x height x width texels of `texel_size` bytes (rows in C order are GL rows,
/// slices GL layers). `dirty`: sorted, disjoint, relative to the first texel, inside
/// the texture.
///
///  - A range covering part of a texel (one channel of an RGBA texel) sends that texel:
///    GL uploads whole texels only (glumpy rounds such a range to nothing and loses it).
///  - Each range becomes at most five exact boxes (the rest of its first row, the rest of
///    its first slice, whole slices, whole rows, the start of its last row).
///  - Two boxes become their bounding box when the clean texels that adds cost less than a
///    call (`extra_bytes * byte_ns < call_ns`, the buffer rule in 3-D): rows written at the
///    same columns stack into one rectangle, near texels join, far ones stay apart.
///  - The whole texture is sent instead when that is cheaper, or when the dirty bytes
///    reach `whole_fraction` of it.
///
/// Cube maps are planned face by face (a GL call never spans faces): depth 1 per face.
TexturePlan plan_texture_upload(std::span<const ByteRange> dirty, std::size_t width, std::size_t height,
                                std::size_t depth, std::size_t texel_size, const UploadCosts& costs);
/// The same into `plan`, reusing its memory (uploads run every frame).
void plan_texture_upload(std::span<const ByteRange> dirty, std::size_t width, std::size_t height, std::size_t depth,
                         std::size_t texel_size, const UploadCosts& costs, TexturePlan& plan);

} // namespace glumpp::gloo
