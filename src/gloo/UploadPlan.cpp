#include <glumpp/gloo/UploadPlan.hpp>

namespace glumpp::gloo {

UploadPlan plan_upload(std::span<const ByteRange> dirty, std::size_t size, const UploadCosts& costs) {
    UploadPlan plan;
    plan_upload(dirty, size, costs, plan);
    return plan;
}

void plan_upload(std::span<const ByteRange> dirty, std::size_t size, const UploadCosts& costs, UploadPlan& plan) {
    plan.calls.clear();
    plan.dirty_bytes = plan.sent_bytes = plan.gap_bytes = 0;
    plan.whole = false;
    for (const ByteRange& r : dirty) plan.dirty_bytes += r.size();
    if (dirty.empty() || size == 0) return;
    // Each gap is an independent choice in this cost model: close it iff one call is cheaper.
    for (const ByteRange& r : dirty) {
        if (!plan.calls.empty()) {
            const std::size_t gap = r.start - plan.calls.back().stop;
            if (static_cast<double>(gap) * costs.byte_ns < costs.call_ns) {
                plan.calls.back().stop = r.stop;
                plan.gap_bytes += gap;
                continue;
            }
        }
        plan.calls.push_back(r);
    }
    for (const ByteRange& r : plan.calls) plan.sent_bytes += r.size();
    const double planned = static_cast<double>(plan.calls.size()) * costs.call_ns + static_cast<double>(plan.sent_bytes) * costs.byte_ns;
    const double whole = costs.call_ns + static_cast<double>(size) * costs.byte_ns;
    const bool already_whole = plan.calls.size() == 1 && plan.calls.front() == ByteRange{0, size};
    if (!already_whole && (whole <= planned || static_cast<double>(plan.dirty_bytes) >= costs.whole_fraction * static_cast<double>(size))) {
        plan.calls.assign(1, ByteRange{0, size});
        plan.gap_bytes = size - plan.dirty_bytes;
        plan.sent_bytes = size;
    }
    plan.whole = plan.calls.size() == 1 && plan.calls.front() == ByteRange{0, size};
}

} // namespace glumpp::gloo
