#include <glumpp/plot/StreamSeries.hpp>

#include <glumpp/Error.hpp>

#include <glm/glm.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::plot {

namespace {

// matplotlib's default colour cycle (tab10), the colours of its first ten lines.
const Rgba tab10[] = {
    {0.121569, 0.466667, 0.705882, 1}, {1.0, 0.498039, 0.054902, 1},    {0.172549, 0.627451, 0.172549, 1},
    {0.839216, 0.152941, 0.156863, 1}, {0.580392, 0.403922, 0.741176, 1}, {0.549020, 0.337255, 0.294118, 1},
    {0.890196, 0.466667, 0.760784, 1}, {0.498039, 0.498039, 0.498039, 1}, {0.737255, 0.741176, 0.133333, 1},
    {0.090196, 0.745098, 0.811765, 1},
};

const char* vertex_body = R"(
in float y;
uniform int u_head;      // the oldest sample's slot
uniform int u_count;     // samples held
uniform vec2 u_x;        // x_ndc = u_x.x * (age - (u_count - 1)) + u_x.y
uniform vec2 u_y;        // y_ndc = u_y.x * y' + u_y.y
uniform vec2 u_lane[SERIES];  // y' = u_lane.x * y + u_lane.y
uniform vec4 u_color[SERIES];
out vec4 v_color;
noperspective out float v_valid;
void main() {
    int s = gl_VertexID / STRIDE;
    int slot = gl_VertexID - s * STRIDE;     // CAPACITY: the copy of slot 0, whose age
    int age = slot - u_head;                 // comes out right (CAPACITY - head) as is
    if (age < 0) age += CAPACITY;
    bool valid = !(isnan(y) || isinf(y));
    float yy = valid ? u_lane[s].x * y + u_lane[s].y : 0.0;
    v_valid = valid ? 1.0 : 0.0;
    v_color = u_color[s];
    gl_Position = vec4(u_x.x * float(age - (u_count - 1)) + u_x.y, u_y.x * yy + u_y.y, 0.0, 1.0);
}
)";

const char* fragment_source = R"(#version 330 core
in vec4 v_color;
noperspective in float v_valid;
out vec4 frag_color;
void main() {
    if (v_valid < 0.999) discard;   // a segment to or from a NaN / inf sample
    frag_color = v_color;
}
)";

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
}

std::string gb(double bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f GB", bytes / 1e9);
    return b;
}

} // namespace

struct StreamSeries::State {
    Spec spec;
    std::size_t stride = 0;  ///< capacity + 1 slots per series
    std::uint64_t total = 0; ///< samples appended per series
    gloo::VertexBuffer ring;
    gloo::Program program;
    std::vector<float> lanes, colors;
    State(Spec s, gloo::VertexBuffer r, gloo::Program p) : spec(s), stride(s.capacity + 1), ring(std::move(r)), program(std::move(p)) {}
};

StreamSeries::StreamSeries(Spec spec) {
    if (spec.series == 0 || spec.series > 64)
        throw ValueError("StreamSeries: " + std::to_string(spec.series) + " series (1 to 64 are drawn by one program)");
    const std::size_t max_slots = static_cast<std::size_t>(std::numeric_limits<int>::max());
    if (spec.capacity == 0 || spec.capacity + 1 > max_slots / spec.series)
        throw ValueError("StreamSeries: a capacity of " + std::to_string(spec.capacity) + " samples for " +
                         std::to_string(spec.series) + " series (1 to " + std::to_string(max_slots / spec.series - 1) +
                         ": GL's vertex ids are ints)");
    if (!std::isfinite(spec.dx) || !(spec.dx > 0) || !std::isfinite(spec.x0))
        throw ValueError("StreamSeries: dx (" + num(spec.dx) + ") must be finite and > 0, x0 (" + num(spec.x0) +
                         ") finite");
    const double bytes = 4.0 * static_cast<double>(spec.series) * static_cast<double>(spec.capacity + 1);
    if (bytes > static_cast<double>(StreamSeries::max_bytes))
        throw ValueError("StreamSeries: " + std::to_string(spec.series) + " series of " + std::to_string(spec.capacity) +
                         " samples need " + std::to_string(static_cast<std::uint64_t>(bytes)) + " bytes, more than the " +
                         std::to_string(StreamSeries::max_bytes) + " (1 GiB) one StreamSeries holds");
    gloo::VertexBuffer ring;
    try {
        ring = gloo::VertexBuffer::zeros({spec.series * (spec.capacity + 1)}, DType::of<float>());
    } catch (const std::bad_alloc&) {
        throw ValueError("StreamSeries: " + std::to_string(spec.series) + " series of " + std::to_string(spec.capacity) +
                         " samples need " + gb(bytes) + " for their CPU copy, which could not be allocated");
    }
    const std::string vertex = "#version 330 core\n#define SERIES " + std::to_string(spec.series) + "\n#define STRIDE " +
                               std::to_string(spec.capacity + 1) + "\n#define CAPACITY " +
                               std::to_string(spec.capacity) + "\n" + vertex_body;
    gloo::Program program(vertex, fragment_source);
    program["y"] = ring;
    s_ = std::make_unique<State>(spec, std::move(ring), std::move(program));
    s_->lanes.resize(2 * spec.series);
    s_->colors.resize(4 * spec.series);
    for (std::size_t s = 0; s < spec.series; ++s) {
        s_->lanes[2 * s] = 1;
        const Rgba c = tab10[s % 10];
        s_->colors[4 * s] = static_cast<float>(c.r);
        s_->colors[4 * s + 1] = static_cast<float>(c.g);
        s_->colors[4 * s + 2] = static_cast<float>(c.b);
        s_->colors[4 * s + 3] = static_cast<float>(c.a);
    }
}

StreamSeries::StreamSeries(StreamSeries&&) noexcept = default;
StreamSeries& StreamSeries::operator=(StreamSeries&&) noexcept = default;
StreamSeries::~StreamSeries() = default;

std::size_t StreamSeries::series() const { return s_->spec.series; }
std::size_t StreamSeries::capacity() const { return s_->spec.capacity; }
std::size_t StreamSeries::size() const {
    return static_cast<std::size_t>(std::min<std::uint64_t>(s_->total, s_->spec.capacity));
}
std::uint64_t StreamSeries::total() const { return s_->total; }
double StreamSeries::newest_x() const { return s_->spec.x0 + (static_cast<double>(s_->total) - 1) * s_->spec.dx; }
double StreamSeries::oldest_x() const {
    return s_->spec.x0 + static_cast<double>(s_->total - size()) * s_->spec.dx;
}

void StreamSeries::append(std::span<const float> samples, std::size_t n) {
    const std::size_t series = s_->spec.series, capacity = s_->spec.capacity;
    if (n > std::numeric_limits<std::size_t>::max() / series || samples.size() != series * n)
        throw ShapeError("StreamSeries::append: " + std::to_string(samples.size()) + " samples for " +
                         std::to_string(series) + " series of " + std::to_string(n));
    if (n == 0) return;
    // Only the newest `capacity` of them can be held.
    const std::size_t skip = n > capacity ? n - capacity : 0;
    const std::size_t kept = n - skip;
    const std::uint64_t first = s_->total + skip; // sample number of the first kept
    for (std::size_t s = 0; s < series; ++s) {
        const float* src = samples.data() + s * n + skip;
        const std::size_t base = s * s_->stride;
        std::size_t slot = static_cast<std::size_t>(first % capacity), done = 0;
        while (done < kept) {
            const std::size_t run = std::min(kept - done, capacity - slot);
            // Slot 0 written: its copy after the ring's end goes in the same write when
            // the run ends there, or in a write of its own.
            Array target = s_->ring.view({slice(static_cast<std::ptrdiff_t>(base + slot),
                                                static_cast<std::ptrdiff_t>(base + slot + run))});
            std::memcpy(target.write().data(), src + done, run * sizeof(float));
            if (slot == 0) s_->ring.view({static_cast<std::ptrdiff_t>(base + capacity)}).assign({static_cast<double>(src[done])});
            done += run;
            slot = 0;
        }
    }
    s_->total += n;
}

void StreamSeries::set_color(std::size_t s, Rgba c) {
    if (s >= s_->spec.series)
        throw IndexError("StreamSeries::set_color: series " + std::to_string(s) + " of " + std::to_string(s_->spec.series));
    const float v[] = {static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b), static_cast<float>(c.a)};
    std::memcpy(&s_->colors[4 * s], v, sizeof v);
}

void StreamSeries::set_lane(std::size_t s, double scale, double offset) {
    if (s >= s_->spec.series)
        throw IndexError("StreamSeries::set_lane: series " + std::to_string(s) + " of " + std::to_string(s_->spec.series));
    s_->lanes[2 * s] = static_cast<float>(scale);
    s_->lanes[2 * s + 1] = static_cast<float>(offset);
}

void StreamSeries::draw(double x_min, double x_max, double y_min, double y_max) {
    if (!(x_max != x_min) || !(y_max != y_min) || !std::isfinite(x_max - x_min) || !std::isfinite(y_max - y_min))
        throw ValueError("StreamSeries::draw: the view x [" + num(x_min) + ", " + num(x_max) + "], y [" + num(y_min) + ", " +
                         num(y_max) + "] has no width or is not finite");
    if (s_->total == 0) return;
    const std::size_t capacity = s_->spec.capacity, count = size();
    const std::size_t head = s_->total > capacity ? static_cast<std::size_t>(s_->total % capacity) : 0;
    auto& p = s_->program;
    const double w = x_max - x_min, h = y_max - y_min;
    // The newest sample's x relative to the view, in double here so that a clock of
    // 1e9 s keeps its samples apart; the GPU gets only the small numbers.
    p["u_x"] = glm::vec2(static_cast<float>(2 * s_->spec.dx / w), static_cast<float>(2 * (newest_x() - x_min) / w - 1));
    p["u_y"] = glm::vec2(static_cast<float>(2 / h), static_cast<float>(-2 * y_min / h - 1));
    p["u_head"] = static_cast<int>(head);
    p["u_count"] = static_cast<int>(count);
    p["u_lane"] = Array::from(s_->lanes, {s_->spec.series, 2});
    p["u_color"] = Array::from(s_->colors, {s_->spec.series, 4});
    std::vector<int> firsts, counts;
    for (std::size_t s = 0; s < s_->spec.series; ++s) {
        const int base = static_cast<int>(s * s_->stride);
        if (head == 0) {
            firsts.push_back(base);
            counts.push_back(static_cast<int>(count));
        } else {
            // Oldest slot to the copy of slot 0 (which joins the next strip), then slot 0
            // to the newest.
            firsts.push_back(base + static_cast<int>(head));
            counts.push_back(static_cast<int>(capacity + 1 - head));
            firsts.push_back(base);
            counts.push_back(static_cast<int>(head));
        }
    }
    try {
        p.multi_draw(gloo::Primitive::LineStrip, firsts, counts);
    } catch (const GLError& e) {
        // The ring's GL buffer is allocated (glBufferData) at the first draw; a GL that
        // cannot hold it says GL_OUT_OF_MEMORY there (gloo's check after glBufferData).
        if (std::string_view(e.what()).find("GL_OUT_OF_MEMORY") == std::string_view::npos) throw;
        throw GLError("StreamSeries::draw: the GL could not allocate the ring of " + std::to_string(s_->spec.series) +
                      " series of " + std::to_string(capacity) + " samples (" +
                      gb(4.0 * static_cast<double>(s_->spec.series * s_->stride)) + "): " + e.what());
    }
}

gloo::VertexBuffer& StreamSeries::buffer() { return s_->ring; }
gloo::Program& StreamSeries::program() { return s_->program; }

} // namespace glumpp::plot
