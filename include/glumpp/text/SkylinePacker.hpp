#pragma once
// A rectangle packer for atlases: the skyline, bottom-left.
//
// The packed area is described by its skyline: the top edge of what is packed, as
// segments (x, y, width) covering [0, width) from left to right. A rectangle goes where
// its top would be lowest (ties: the narrower leftover, then the leftmost), resting on
// the highest segment under it; the segments it covers are replaced by one at its top.
// Space below a raised segment is lost (the skyline's price for being O(segments) per
// insertion); for glyphs, which come in similar heights, the waste is small.
//
// Rows grow downward in memory (y = row index of the atlas texture). Nothing is ever
// removed: atlases only grow.

#include <cstddef>
#include <optional>
#include <vector>

namespace glumpp::text {

struct Rect {
    std::size_t x = 0, y = 0, width = 0, height = 0;
    friend bool operator==(const Rect&, const Rect&) = default;
};

class SkylinePacker {
public:
    /// An empty width x height area.
    SkylinePacker(std::size_t width, std::size_t height);

    /// Places a width x height rectangle, or returns nothing (and changes nothing) when it
    /// does not fit. A 0-wide or 0-high rectangle is placed at (0, 0) and takes no space.
    std::optional<Rect> insert(std::size_t width, std::size_t height);

    /// Enlarges the area to at least its current size (what is placed stays where it is):
    /// new columns start empty (a segment at y = 0), new rows extend every segment's
    /// room. ValueError for a smaller size ("SkylinePacker::grow: 64x64 is smaller than
    /// 128x64").
    void grow(std::size_t width, std::size_t height);

    std::size_t width() const { return width_; }
    std::size_t height() const { return height_; }
    /// The area of what was placed, in pixels (for the occupancy figures).
    std::size_t used_area() const { return used_; }

private:
    struct Segment {
        std::size_t x, y, width;
    };
    std::size_t width_, height_, used_ = 0;
    std::vector<Segment> skyline_;
};

} // namespace glumpp::text
