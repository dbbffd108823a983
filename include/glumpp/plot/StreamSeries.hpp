#pragma once
// StreamSeries: live lines that cost only their new samples. Several series (channels of
// one stream, sharing one clock) are kept in a ring buffer on the GPU; appending writes
// the new samples into the ring, and the next draw uploads those bytes and nothing else,
// whatever the length of the window.
//
//   plot::StreamSeries stream({.series = 8, .capacity = 1'000'000, .dx = 1e-3});
//   stream.set_color(0, {0.2, 0.4, 1, 1});
//   stream.set_lane(0, 0.1, 0.9);                 // y' = 0.1 * y + 0.9 (stacked lanes)
//   stream.append(samples, 10'000);               // 8 x 10,000 floats, series-major
//   double t1 = stream.newest_x(), t0 = t1 - 1000.0;  // a rolling window of 1000 s
//   stream.draw(t0, t1, 0, 8);                    // into the current viewport
//
// Storage: one VertexBuffer of float32 y values, series s at elements
// [s * (capacity + 1), (s + 1) * (capacity + 1)): `capacity` ring slots and one slot more,
// a copy of slot 0, so that the strip running up to the ring's end joins the one starting
// at slot 0 without a missing segment. x is not stored: sample g (counted from the first
// appended, x = x0 + g * dx) sits in slot g % capacity, and the vertex shader finds each
// vertex's age from gl_VertexID and two int uniforms (the oldest slot and the count), so
// scrolling changes uniforms, never vertices.
//
// Uploads: append(samples, n) writes n floats per series (its last `capacity` when n is
// larger) through a tracked write of the ring's slots, plus slot `capacity` when slot 0 is
// written; the next draw sends those ranges (one glBufferSubData per series and per piece
// of a wrapped write, the planner merging nothing across the series' megabytes). So bytes
// per frame = 4 x series x new samples (+4 per series on a frame that writes slot 0), as
// UploadLog shows. Uniforms are sent when they change: in a rolling window that follows
// the newest sample only u_head (4 B) does; u_count (4 B) while the ring fills, u_x (8 B)
// when the view moves otherwise.
//
// Draw: one glMultiDrawArrays(GL_LINE_STRIP) for all series: per series one strip, or two
// when the ring has wrapped (oldest slot to the copy of slot 0, then slot 0 to the newest).
// Lines are 1 pixel wide (GL's lines; no antialiasing: a million samples over a thousand
// pixels are a dense band, which GL_LINE_STRIP rasterizes fastest). draw() sets no blend,
// depth or scissor state; it draws into the current viewport with x in [x_min, x_max] and
// y' in [y_min, y_max] mapped to it.
//
// Gaps: a NaN or an infinite sample is not drawn, nor are the segments to and from it: the
// vertex is marked invalid and the fragment shader discards every fragment whose
// noperspective validity, interpolated along the segment, is below 0.999 (a segment to an
// invalid sample keeps at most 0.1% of its length at its valid end: nothing on segments
// shorter than 500 pixels).
//
// Errors: series of 0 or more than 64, a capacity of 0 or one whose series x (capacity + 1)
// slots exceed INT_MAX (GL's vertex ids are ints: 8 series of 1e8 fit, 64 do not), a dx
// that is not finite and positive: ValueError
// "StreamSeries: ...". A store over max_bytes (1 GiB: 4 x series x (capacity + 1)
// bytes; 8 series of 33,554,431 samples fit): ValueError naming the bytes, before
// anything is allocated. A fixed limit, not the machine's free memory, so that what is
// accepted does not depend on the OS or the load; 1 GiB because the ring lives twice
// (glumpp's CPU copy and the driver's: llvmpipe's is host memory) and a GPU of 2 GiB
// still holds it. A CPU copy that cannot be allocated (std::bad_alloc) becomes a
// ValueError too; a GL that cannot allocate the ring (GL_OUT_OF_MEMORY after glBufferData,
// at the first draw) is a GLError "StreamSeries::draw: the GL could not allocate the ring
// of ... (N GB): ..." (Error.hpp has no memory error; GLError is what gloo reports GL
// errors as). append with samples.size() != series x n: ShapeError. A throwing call
// changes nothing.

#include <glumpp/gloo/Buffer.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/plot/Colormap.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace glumpp::plot {

class StreamSeries {
public:
    struct Spec {
        std::size_t series = 1;
        std::size_t capacity = 0; ///< samples kept per series: the rolling window
        double x0 = 0;            ///< x of the first sample appended
        double dx = 1;            ///< x between two samples
    };
    /// The largest ring accepted, 4 x series x (capacity + 1) bytes (see Errors above).
    static constexpr std::uint64_t max_bytes = std::uint64_t{1} << 30;

    /// Compiles the program (a GL context must be current) and allocates the ring (zeros;
    /// uploaded whole at the first draw, once).
    explicit StreamSeries(Spec spec);
    StreamSeries(StreamSeries&&) noexcept;
    StreamSeries& operator=(StreamSeries&&) noexcept;
    ~StreamSeries();

    /// n new samples per series, series-major (series s's n samples at s * n). No GL call.
    void append(std::span<const float> samples, std::size_t n);

    std::size_t series() const;
    std::size_t capacity() const;
    /// Samples held per series: min(total(), capacity()).
    std::size_t size() const;
    /// Samples appended per series since construction.
    std::uint64_t total() const;
    /// x of the newest sample (x0 + (total - 1) * dx; x0 - dx before any).
    double newest_x() const;
    /// x of the oldest sample held.
    double oldest_x() const;

    /// Colour of a series (default: matplotlib's tab10 cycle). IndexError for s >= series.
    void set_color(std::size_t s, Rgba color);
    /// y' = scale * y + offset for series s (default 1, 0). IndexError as set_color.
    void set_lane(std::size_t s, double scale, double offset);

    /// Draws every series in the current viewport (see above). No-op before any append.
    void draw(double x_min, double x_max, double y_min, double y_max);

    /// The ring's vertex buffer (what the tests read the UploadLog of).
    gloo::VertexBuffer& buffer();
    gloo::Program& program();

private:
    struct State;
    std::unique_ptr<State> s_;
};

} // namespace glumpp::plot
