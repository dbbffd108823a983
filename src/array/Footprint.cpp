#include <glumpp/array/Footprint.hpp>

#include <algorithm>

namespace glumpp {

Footprint Footprint::of_range(ByteRange r) {
    Footprint f;
    f.start = r.start;
    f.block = r.empty() ? 0 : r.size();
    return f;
}

Footprint Footprint::strided(std::size_t start, std::size_t block, std::size_t count, std::size_t stride) {
    const std::size_t shape[1] = {count};
    const std::ptrdiff_t strides[1] = {static_cast<std::ptrdiff_t>(stride)};
    return of_view(start, block, shape, strides);
}

Footprint Footprint::of_view(std::size_t offset, std::size_t itemsize, std::span<const std::size_t> shape,
                             std::span<const std::ptrdiff_t> strides) {
    Footprint f;
    if (itemsize == 0) return f;
    std::array<Axis, max_ndim> raw{};
    std::size_t n = 0;
    std::size_t start = offset;
    for (std::size_t k = 0; k < shape.size(); ++k) {
        if (shape[k] == 0) return f; // no element at all
        if (shape[k] == 1) continue;
        const std::ptrdiff_t s = strides[k];
        std::size_t magnitude = static_cast<std::size_t>(s < 0 ? -s : s);
        if (s < 0) start -= (shape[k] - 1) * magnitude; // lowest element comes last
        raw[n++] = Axis{shape[k], magnitude};
    }
    std::stable_sort(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(n),
                     [](const Axis& a, const Axis& b) { return a.stride < b.stride; });

    f.start = start;
    f.block = itemsize;
    std::size_t hull = itemsize; // extent of everything folded or kept so far
    for (std::size_t k = 0; k < n; ++k) {
        const Axis a = raw[k];
        if (f.naxes == 0 && a.stride <= f.block) {
            // Contiguous (stride == block) or overlapping: the axis becomes part of the block.
            f.block += (a.count - 1) * a.stride;
            hull = f.block;
            continue;
        }
        if (a.stride < hull) {
            // Interleaves with the axes inside it: cover them with their hull (conservative,
            // never happens for views made by slicing a non-overlapping base).
            f.naxes = 0;
            f.block = hull + (a.count - 1) * a.stride;
            hull = f.block;
            continue;
        }
        f.axes[f.naxes++] = a;
        hull += (a.count - 1) * a.stride;
    }
    return f;
}

std::size_t Footprint::elements() const noexcept {
    if (empty()) return 0;
    std::size_t n = 1;
    for (std::size_t k = 0; k < naxes; ++k) n *= axes[k].count;
    return n;
}

std::size_t Footprint::block_start(std::size_t linear) const noexcept {
    if (naxes == 0) return start;
    // The outermost digit is what is left (linear < elements()): one division fewer, and
    // none at all for the common 1-d footprint (a field of a record array).
    std::size_t address = start;
    const std::size_t outer = naxes - 1;
    for (std::size_t k = 0; k < outer; ++k) {
        address += (linear % axes[k].count) * axes[k].stride;
        linear /= axes[k].count;
    }
    return address + linear * axes[outer].stride;
}

ByteRange Footprint::hull() const noexcept {
    if (empty()) return {};
    std::size_t extent = block;
    for (std::size_t k = 0; k < naxes; ++k) extent += (axes[k].count - 1) * axes[k].stride;
    return {start, start + extent};
}

} // namespace glumpp
