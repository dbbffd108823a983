// StreamSeries on real GL (llvmpipe): what an append uploads (UploadLog: the new samples'
// bytes, whatever the capacity), what the ring draws (every lit pixel on the polyline of
// the newest samples, computed here on the CPU), gaps at NaN and inf, and bad input.
#include <glumpp/plot/StreamSeries.hpp>

#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>

using namespace glumpp;
using plot::StreamSeries;

namespace {

class Stream : public test::GLTest {};

std::vector<gloo::UploadCall> sub_data(const gloo::Context& ctx) {
    std::vector<gloo::UploadCall> out;
    for (const auto& c : ctx.upload_log().calls())
        if (c.kind == gloo::UploadCall::Kind::BufferSubData) out.push_back(c);
    return out;
}

std::vector<float> block(std::size_t series, std::size_t n, std::uint64_t first) {
    std::vector<float> v(series * n);
    for (std::size_t s = 0; s < series; ++s)
        for (std::size_t i = 0; i < n; ++i) v[s * n + i] = static_cast<float>(s) + 0.001f * static_cast<float>(first + i);
    return v;
}

// Distance from p to the segment ab.
double segment_distance(double px, double py, double ax, double ay, double bx, double by) {
    const double vx = bx - ax, vy = by - ay;
    const double len2 = vx * vx + vy * vy;
    const double t = len2 > 0 ? std::clamp(((px - ax) * vx + (py - ay) * vy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(px - (ax + t * vx), py - (ay + t * vy));
}

} // namespace

TEST_F(Stream, AnAppendUploadsOnlyItsSamplesWhateverTheCapacity) {
    test::RawTarget target(64, 64);
    for (std::size_t capacity : {1000u, 100000u}) {
        StreamSeries stream({.series = 3, .capacity = capacity});
        stream.append(block(3, 10, 0), 10);
        stream.draw(0, 1, -1, 4); // the first draw sends the whole ring once
        std::uint64_t total = 10;
        for (int frame = 0; frame < 5; ++frame) {
            ctx.upload_log().clear();
            ctx.reset_frame_stats();
            stream.append(block(3, 37, total), 37);
            stream.draw(0, 1, -1, 4);
            const auto calls = sub_data(ctx);
            ASSERT_EQ(calls.size(), 3u) << "capacity " << capacity;
            for (std::size_t s = 0; s < 3; ++s) {
                EXPECT_EQ(calls[s].offset, (s * (capacity + 1) + total) * 4);
                EXPECT_EQ(calls[s].size, 37u * 4);
            }
            EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 3u * 37 * 4);
            EXPECT_EQ(ctx.upload_log().calls().size(), 3u); // nothing else (no whole send)
            total += 37;
        }
        // The GPU holds what was appended.
        const auto bytes = stream.buffer().read_back();
        float y;
        std::memcpy(&y, bytes.data() + ((2 * (capacity + 1)) + 100) * 4, 4);
        EXPECT_FLOAT_EQ(y, 2.0f + 0.1f);
    }
}

// A write across the ring's end: two pieces per series, the first carrying the copy of
// slot 0 after the ring (4 bytes more), and nothing but those bytes (the planner may send
// pieces that touch in one call: series 0's copy is followed by series 1's slot 0).
TEST_F(Stream, AWrappedAppendSendsTwoPiecesAndTheSeamCopy) {
    test::RawTarget target(64, 64);
    const std::size_t capacity = 10000, stride = capacity + 1;
    StreamSeries stream({.series = 2, .capacity = capacity});
    stream.append(block(2, capacity - 10, 0), capacity - 10);
    stream.draw(0, 1, -1, 4);
    ctx.upload_log().clear();
    stream.append(block(2, 25, capacity - 10), 25); // slots 9990..9999, then 0..14
    stream.draw(0, 1, -1, 4);
    std::vector<bool> sent(2 * stride * 4), expected(2 * stride * 4);
    for (const auto& c : sub_data(ctx))
        for (std::size_t i = c.offset; i < c.offset + c.size; ++i) sent[i] = true;
    for (std::size_t s = 0; s < 2; ++s) {
        for (std::size_t slot = 0; slot < 15; ++slot)
            for (int b = 0; b < 4; ++b) expected[(s * stride + slot) * 4 + b] = true;
        for (std::size_t slot = capacity - 10; slot <= capacity; ++slot) // the copy of slot 0 too
            for (int b = 0; b < 4; ++b) expected[(s * stride + slot) * 4 + b] = true;
    }
    EXPECT_EQ(test::runs_of(sent), test::runs_of(expected));
    EXPECT_EQ(ctx.upload_log().calls().size(), sub_data(ctx).size());
    // The copy holds slot 0's sample.
    const auto bytes = stream.buffer().read_back();
    float first, copy;
    std::memcpy(&first, bytes.data() + (stride + 0) * 4, 4);
    std::memcpy(&copy, bytes.data() + (stride + capacity) * 4, 4);
    EXPECT_EQ(first, copy);
    EXPECT_FLOAT_EQ(first, 1.0f + 0.001f * static_cast<float>(capacity));
    EXPECT_EQ(stream.size(), capacity);
    EXPECT_EQ(stream.total(), capacity + 15);
    // n larger than the capacity: only the newest capacity samples are written.
    ctx.upload_log().clear();
    stream.append(block(2, 2 * capacity + 5, capacity + 15), 2 * capacity + 5);
    stream.draw(0, 1, -1, 4);
    std::size_t total_sent = 0;
    for (const auto& c : sub_data(ctx)) total_sent += c.size;
    EXPECT_LE(total_sent, 2u * stride * 4);
    EXPECT_EQ(stream.total(), 3 * capacity + 20);
}
// The picture: after a wrap, every lit pixel lies within a pixel of the polyline through
// the newest `capacity` samples (oldest at the left edge, newest at the right), and each of
// them is drawn. Unrolling the ring wrongly (a segment from the newest back to the
// oldest, or samples out of order) puts pixels far from it.
TEST_F(Stream, TheRingIsDrawnOldestToNewest) {
    const int W = 200, H = 100;
    test::RawTarget target(W, H);
    const std::size_t capacity = 50;
    StreamSeries stream({.series = 1, .capacity = capacity, .x0 = 10, .dx = 0.5});
    stream.set_color(0, {1, 1, 1, 1});
    auto value = [](std::uint64_t g) { return static_cast<float>(std::sin(0.25 * static_cast<double>(g))); };
    std::uint64_t total = 0;
    for (std::size_t n : {30u, 45u}) {
        std::vector<float> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = value(total + i);
        stream.append(v, n);
        total += n;
    }
    const double x0 = stream.oldest_x(), x1 = stream.newest_x(), y0 = -1.2, y1 = 1.2;
    EXPECT_DOUBLE_EQ(x1, 10 + 74 * 0.5);
    EXPECT_DOUBLE_EQ(x0, 10 + 25 * 0.5);
    glClear(GL_COLOR_BUFFER_BIT);
    stream.draw(x0, x1, y0, y1);
    // The expected polyline in window pixels (pixel centres at k + 0.5).
    std::vector<std::array<double, 2>> points;
    for (std::uint64_t g = total - capacity; g < total; ++g) {
        const double x = 10 + static_cast<double>(g) * 0.5;
        points.push_back({(x - x0) / (x1 - x0) * W, (value(g) - y0) / (y1 - y0) * H});
    }
    int lit = 0;
    double worst = 0;
    for (int py = 0; py < H; ++py)
        for (int px = 0; px < W; ++px) {
            if (target.pixel(px, py)[0] == 0) continue;
            ++lit;
            double d = 1e9;
            for (std::size_t k = 0; k + 1 < points.size(); ++k)
                d = std::min(d, segment_distance(px + 0.5, py + 0.5, points[k][0], points[k][1], points[k + 1][0], points[k + 1][1]));
            worst = std::max(worst, d);
        }
    EXPECT_LE(worst, 1.0);
    EXPECT_GT(lit, W * 9 / 10);
    // A continuous line across the width: no column without a pixel (the seam between
    // the ring's end and slot 0 is joined by the copy of slot 0).
    for (int px = 1; px + 1 < W; ++px) {
        bool any = false;
        for (int py = 0; py < H && !any; ++py) any = target.pixel(px, py)[0] > 0;
        EXPECT_TRUE(any) << "column " << px;
    }
    // Each sample's pixel (or one beside it) is drawn.
    for (const auto& p : points) {
        const int px = std::min(W - 1, static_cast<int>(p[0])), py = std::min(H - 1, static_cast<int>(p[1]));
        bool near = false;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (px + dx >= 0 && px + dx < W && py + dy >= 0 && py + dy < H) near |= target.pixel(px + dx, py + dy)[0] > 0;
        EXPECT_TRUE(near) << p[0] << ", " << p[1];
    }
}

// NaN and inf samples are gaps: nothing between the samples around them, the line on both
// sides.
TEST_F(Stream, NanAndInfSamplesAreGaps) {
    const int W = 100, H = 50;
    test::RawTarget target(W, H);
    StreamSeries stream({.series = 1, .capacity = 101});
    stream.set_color(0, {1, 1, 1, 1});
    std::vector<float> v(101, 0.0f);
    v[30] = NAN;
    v[60] = INFINITY;
    v[61] = -INFINITY;
    stream.append(v, 101);
    glClear(GL_COLOR_BUFFER_BIT);
    stream.draw(0, 100, -1, 1); // one pixel per sample; y = 0 on row 25
    auto column_lit = [&](int x) {
        for (int y = 0; y < H; ++y)
            if (target.pixel(x, y)[0] > 0) return true;
        return false;
    };
    for (int x = 0; x < W; ++x) {
        const bool gap = (x >= 29 && x <= 30) || (x >= 59 && x <= 61);
        if (gap) {
            EXPECT_FALSE(column_lit(x)) << "column " << x;
        } else if (x != 28 && x != 31 && x != 58 && x != 62) {
            EXPECT_TRUE(column_lit(x)) << "column " << x;
        }
    }
}

TEST_F(Stream, BadInputIsRefusedAndChangesNothing) {
    EXPECT_EQ(test::message_of<ValueError>([] { StreamSeries({.series = 0, .capacity = 10}); }),
              "StreamSeries: 0 series (1 to 64 are drawn by one program)");
    EXPECT_EQ(test::message_of<ValueError>([] { StreamSeries({.series = 1, .capacity = 0}); }),
              "StreamSeries: a capacity of 0 samples for 1 series (1 to 2147483646: GL's vertex ids are ints)");
    // 64 series of 1e8 samples: more slots than GL's int vertex ids count, a clear error
    // before anything is allocated. (8 x 1e8 fits in ints, not in max_bytes.)
    EXPECT_EQ(test::message_of<ValueError>([] { StreamSeries({.series = 64, .capacity = 100000000}); }),
              "StreamSeries: a capacity of 100000000 samples for 64 series (1 to 33554430: GL's vertex ids are ints)");
    // The store's limit is a fixed 1 GiB, whatever the machine has free: 8 series of
    // 33,554,431 samples are exactly 2^30 bytes; one sample more is refused, before any
    // allocation (this test would take 1 GiB if it were not).
    EXPECT_EQ(StreamSeries::max_bytes, 1073741824u);
    EXPECT_EQ(4u * 8u * (33554431u + 1u), StreamSeries::max_bytes);
    EXPECT_EQ(test::message_of<ValueError>([] { StreamSeries({.series = 8, .capacity = 33554432}); }),
              "StreamSeries: 8 series of 33554432 samples need 1073741856 bytes, more than the 1073741824 (1 GiB) one "
              "StreamSeries holds");
    EXPECT_EQ(test::message_of<ValueError>([] { StreamSeries({.series = 1, .capacity = 268435456}); }),
              "StreamSeries: 1 series of 268435456 samples need 1073741828 bytes, more than the 1073741824 (1 GiB) one "
              "StreamSeries holds");
    StreamSeries stream({.series = 2, .capacity = 10});
    const std::vector<float> v(5);
    EXPECT_EQ(test::message_of<ShapeError>([&] { stream.append(v, 3); }),
              "StreamSeries::append: 5 samples for 2 series of 3");
    EXPECT_EQ(stream.total(), 0u);
    EXPECT_EQ(test::message_of<IndexError>([&] { stream.set_color(2, {}); }),
              "StreamSeries::set_color: series 2 of 2");
    EXPECT_EQ(test::message_of<ValueError>([&] { stream.draw(1, 1, 0, 1); }).rfind("StreamSeries::draw: the view", 0), 0u);
    // An empty stream draws nothing and sends nothing.
    test::RawTarget target(8, 8);
    ctx.upload_log().clear();
    stream.draw(0, 1, 0, 1);
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    EXPECT_EQ(target.count_nonblack(), 0);
}
