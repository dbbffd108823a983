// The texture upload planner (see UploadPlan.hpp): dirty bytes -> texel boxes.
#include <glumpp/gloo/UploadPlan.hpp>

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace glumpp::gloo {

namespace {

// Half-open texel box [x0, x1) x [y0, y1) x [z0, z1).
struct Box {
    std::size_t x0, y0, z0, x1, y1, z1;
    std::size_t volume() const { return (x1 - x0) * (y1 - y0) * (z1 - z0); }
};

Box bounding(const Box& a, const Box& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::min(a.z0, b.z0),
            std::max(a.x1, b.x1), std::max(a.y1, b.y1), std::max(a.z1, b.z1)};
}

// The buffer rule in 3-D: one call for the bounding box iff the texels it adds cost less
// than the call it saves. Overlapping boxes (a negative or zero addition) always join:
// that saves a call and sends no byte twice.
bool worth_merging(const Box& a, const Box& b, std::size_t texel_size, const UploadCosts& costs) {
    const auto extra = static_cast<std::int64_t>(bounding(a, b).volume()) - static_cast<std::int64_t>(a.volume()) -
                       static_cast<std::int64_t>(b.volume());
    return extra <= 0 || static_cast<double>(extra) * static_cast<double>(texel_size) * costs.byte_ns < costs.call_ns;
}

// Adds `box`, first joining it with every planned box the cost model says to; a grown
// box may now be worth joining with others, so the search restarts until nothing joins.
// Quadratic in the number of boxes, which the tracker's range cap keeps small.
void add(std::vector<Box>& boxes, Box box, std::size_t texel_size, const UploadCosts& costs) {
    for (bool joined = true; joined;) {
        joined = false;
        for (std::size_t k = boxes.size(); k-- > 0;) { // newest first: neighbours are usually recent
            if (worth_merging(boxes[k], box, texel_size, costs)) {
                box = bounding(boxes[k], box);
                boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(k));
                joined = true;
                break;
            }
        }
    }
    boxes.push_back(box);
}

} // namespace

TexturePlan plan_texture_upload(std::span<const ByteRange> dirty, std::size_t width, std::size_t height,
                                std::size_t depth, std::size_t texel_size, const UploadCosts& costs) {
    TexturePlan plan;
    plan_texture_upload(dirty, width, height, depth, texel_size, costs, plan);
    return plan;
}

void plan_texture_upload(std::span<const ByteRange> dirty, std::size_t width, std::size_t height, std::size_t depth,
                         std::size_t texel_size, const UploadCosts& costs, TexturePlan& plan) {
    plan.boxes.clear();
    plan.dirty_bytes = plan.sent_bytes = plan.gap_bytes = 0;
    plan.whole = false;
    const std::size_t row = width, slice = width * height, texels = slice * depth;
    const std::size_t size = texels * texel_size;
    for (const ByteRange& r : dirty) plan.dirty_bytes += std::min(r.stop, size) - std::min(r.start, size);
    if (plan.dirty_bytes == 0 || size == 0) return;

    thread_local std::vector<Box> boxes; // reused: planning runs every frame
    boxes.clear();
    for (std::size_t k = 0; k < dirty.size();) {
        // Whole texels: a partly written texel is sent entirely. Ranges that round to
        // touching texel runs are one run.
        std::size_t a = std::min(dirty[k].start, size) / texel_size;
        std::size_t b = (std::min(dirty[k].stop, size) + texel_size - 1) / texel_size;
        for (++k; k < dirty.size() && std::min(dirty[k].start, size) / texel_size <= b; ++k) {
            b = std::max(b, (std::min(dirty[k].stop, size) + texel_size - 1) / texel_size);
        }
        while (a < b) { // the run [a, b) as at most five exact boxes
            const std::size_t z = a / slice, y = a % slice / row, x = a % row;
            if (x != 0 || b - a < row) { // part of one row
                const std::size_t x1 = std::min(row, x + (b - a));
                add(boxes, {x, y, z, x1, y + 1, z + 1}, texel_size, costs);
                a += x1 - x;
            } else if (y != 0 || b - a < slice) { // whole rows of one slice
                const std::size_t rows = std::min(height - y, (b - a) / row);
                add(boxes, {0, y, z, row, y + rows, z + 1}, texel_size, costs);
                a += rows * row;
            } else { // whole slices
                const std::size_t slices = (b - a) / slice;
                add(boxes, {0, 0, z, row, height, z + slices}, texel_size, costs);
                a += slices * slice;
            }
        }
    }

    std::size_t sent = 0;
    for (const Box& box : boxes) sent += box.volume();
    const double planned = static_cast<double>(boxes.size()) * costs.call_ns +
                           static_cast<double>(sent * texel_size) * costs.byte_ns;
    const double whole = costs.call_ns + static_cast<double>(size) * costs.byte_ns;
    const bool already_whole = boxes.size() == 1 && boxes.front().volume() == texels;
    if (already_whole || whole <= planned ||
        static_cast<double>(plan.dirty_bytes) >= costs.whole_fraction * static_cast<double>(size)) {
        plan.boxes.push_back({0, 0, 0, width, height, depth});
        plan.whole = true;
        plan.sent_bytes = size;
    } else {
        // In memory order: the GL walks the source rows in the same direction.
        std::sort(boxes.begin(), boxes.end(),
                  [](const Box& p, const Box& q) { return std::tie(p.z0, p.y0, p.x0) < std::tie(q.z0, q.y0, q.x0); });
        for (const Box& box : boxes) {
            plan.boxes.push_back({box.x0, box.y0, box.z0, box.x1 - box.x0, box.y1 - box.y0, box.z1 - box.z0});
        }
        plan.sent_bytes = sent * texel_size;
    }
    plan.gap_bytes = plan.sent_bytes - plan.dirty_bytes;
}

} // namespace glumpp::gloo
