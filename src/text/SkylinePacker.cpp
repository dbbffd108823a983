#include <glumpp/text/SkylinePacker.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <limits>
#include <string>

namespace glumpp::text {

SkylinePacker::SkylinePacker(std::size_t width, std::size_t height) : width_(width), height_(height) {
    if (width > 0) skyline_.push_back({0, 0, width});
}

std::optional<Rect> SkylinePacker::insert(std::size_t w, std::size_t h) {
    if (w == 0 || h == 0) return Rect{0, 0, w, h};
    if (w > width_ || h > height_) return std::nullopt;
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::size_t best = none, best_top = none, best_waste = none, best_y = 0;
    for (std::size_t i = 0; i < skyline_.size(); ++i) {
        const std::size_t x = skyline_[i].x;
        if (x + w > width_) break;
        // The rectangle rests on the highest segment among those it spans.
        std::size_t y = 0, covered = 0, j = i;
        while (covered < w) {
            y = std::max(y, skyline_[j].y);
            covered += skyline_[j].width;
            ++j;
        }
        if (y + h > height_) continue;
        const std::size_t waste = covered - w;
        if (y + h < best_top || (y + h == best_top && waste < best_waste)) {
            best = i;
            best_top = y + h;
            best_waste = waste;
            best_y = y;
        }
    }
    if (best == none) return std::nullopt;
    const Rect r{skyline_[best].x, best_y, w, h};
    // Replace the segments under [x, x + w) by one at the rectangle's top.
    std::size_t j = best, end = r.x + w;
    while (j < skyline_.size() && skyline_[j].x + skyline_[j].width <= end) ++j;
    std::vector<Segment> next(skyline_.begin(), skyline_.begin() + static_cast<std::ptrdiff_t>(best));
    next.push_back({r.x, best_y + h, w});
    if (j < skyline_.size()) {
        Segment rest = skyline_[j];
        if (rest.x < end) {
            rest.width -= end - rest.x;
            rest.x = end;
        }
        next.push_back(rest);
        next.insert(next.end(), skyline_.begin() + static_cast<std::ptrdiff_t>(j) + 1, skyline_.end());
    }
    // Merge neighbours at the same height.
    skyline_.clear();
    for (const Segment& s : next) {
        if (!skyline_.empty() && skyline_.back().y == s.y) {
            skyline_.back().width += s.width;
        } else {
            skyline_.push_back(s);
        }
    }
    used_ += w * h;
    return r;
}

void SkylinePacker::grow(std::size_t width, std::size_t height) {
    if (width < width_ || height < height_) {
        throw ValueError("SkylinePacker::grow: " + std::to_string(width) + "x" + std::to_string(height) +
                         " is smaller than " + std::to_string(width_) + "x" + std::to_string(height_));
    }
    if (width > width_) {
        if (!skyline_.empty() && skyline_.back().y == 0) {
            skyline_.back().width += width - width_;
        } else {
            skyline_.push_back({width_, 0, width - width_});
        }
    }
    width_ = width;
    height_ = height;
}

} // namespace glumpp::text
