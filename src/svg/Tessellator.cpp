#include <glumpp/svg/Tessellator.hpp>

#include <glumpp/Error.hpp>

#include <GL/glu.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <cmath>
#include <cstdint>
#include <new>
#include <string>
#include <utility>

namespace glumpp::svg {

namespace {

// libtess clamps coordinates beyond this and reports GLU_TESS_COORD_TOO_LARGE.
constexpr double max_coordinate = GLU_TESS_MAX_COORD;

/// What the callbacks write into. The callbacks are C callbacks inside GLU, so nothing
/// may be thrown through them: failures are recorded and raised after the polygon ends.
struct Sink {
    std::vector<glm::dvec2>* vertices = nullptr;
    std::vector<std::uint32_t>* indices = nullptr;
    GLenum error = 0;
    bool out_of_memory = false;
    bool not_triangles = false;
};

// GLU passes per-vertex data as void*: the vertex index, offset by one so that no
// vertex is a null pointer.
void* encode(std::size_t index) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(index) + 1); }
std::uint32_t decode(void* data) { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data) - 1); }

void APIENTRY on_begin(GLenum type, void* sink) {
    if (type != GL_TRIANGLES) static_cast<Sink*>(sink)->not_triangles = true;
}

void APIENTRY on_vertex(void* data, void* sink_ptr) {
    auto* sink = static_cast<Sink*>(sink_ptr);
    try {
        sink->indices->push_back(decode(data));
    } catch (const std::bad_alloc&) {
        sink->out_of_memory = true;
    }
}

void APIENTRY on_combine(GLdouble coords[3], void* /*neighbours*/[4], GLfloat /*weights*/[4], void** out_data, void* sink_ptr) {
    auto* sink = static_cast<Sink*>(sink_ptr);
    try {
        sink->vertices->push_back({coords[0], coords[1]});
        *out_data = encode(sink->vertices->size() - 1);
    } catch (const std::bad_alloc&) {
        sink->out_of_memory = true;
        *out_data = encode(0); // any valid vertex: the result is discarded anyway
    }
}

// Registering an edge-flag callback is what makes GLU emit independent triangles only:
// fans and strips cannot carry per-edge flags.
void APIENTRY on_edge_flag(GLboolean /*flag*/, void* /*sink*/) {}

void APIENTRY on_error(GLenum error, void* sink_ptr) {
    auto* sink = static_cast<Sink*>(sink_ptr);
    if (sink->error == 0) sink->error = error;
}

template <class F>
_GLUfuncptr callback(F f) {
    return reinterpret_cast<_GLUfuncptr>(f);
}

std::string point_text(glm::dvec2 p) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "(%g, %g)", p.x, p.y);
    return buffer;
}

/// Crossings between edges of `contours` (closing edges included), counted up to
/// limit + 1 (Tessellator.hpp). A sweep along x: each edge is tested against the earlier
/// edges whose x-ranges reach it, and the pair tests stop at a budget (a shape whose
/// edges all overlap in x without crossing would otherwise cost n^2).
template <class Contour, class PointsOf>
std::size_t crossings(std::span<const Contour> contours, std::size_t limit, PointsOf points_of) {
    struct Edge {
        glm::dvec2 a, b;
        double x0, x1;
        std::size_t contour, index, count;
    };
    std::vector<Edge> edges;
    for (std::size_t c = 0; c < contours.size(); ++c) {
        const auto& pts = points_of(contours[c]);
        const std::size_t n = pts.size();
        if (n < 3) continue;
        for (std::size_t i = 0; i < n; ++i) {
            const glm::dvec2 a = pts[i], b = pts[(i + 1) % n];
            edges.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), c, i, n});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) { return l.x0 < r.x0; });
    const auto side = [](glm::dvec2 p, glm::dvec2 q, glm::dvec2 r) {
        const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        return (v > 0.0) - (v < 0.0);
    };
    const std::size_t budget = 64 * edges.size() + 20'000'000;
    std::size_t found = 0, tests = 0;
    std::vector<std::size_t> active;
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const Edge& e = edges[k];
        std::size_t kept = 0;
        for (const std::size_t j : active) {
            const Edge& o = edges[j];
            if (o.x1 < e.x0) continue; // behind the sweep: dropped
            active[kept++] = j;
            if (++tests > budget) return found;
            if (std::max(e.a.y, e.b.y) < std::min(o.a.y, o.b.y) || std::max(o.a.y, o.b.y) < std::min(e.a.y, e.b.y)) continue;
            // Neighbours on one contour share a point: not a crossing.
            if (e.contour == o.contour && (e.index == (o.index + 1) % e.count || o.index == (e.index + 1) % e.count)) continue;
            if (side(e.a, e.b, o.a) * side(e.a, e.b, o.b) < 0 && side(o.a, o.b, e.a) * side(o.a, o.b, e.b) < 0)
                if (++found > limit) return found;
        }
        active.resize(kept);
        active.push_back(k);
    }
    return found;
}

/// Contours in groups whose boxes do not meet another group's: the winding number at a
/// point counts only contours whose box holds it, so each group fills alone exactly as it
/// does among the others, and GLU, whose edge dictionary is a sorted list searched
/// linearly, is run per group (20,000 separate squares of one path: 19 s as one polygon).
/// Each group lists its contours' indices in input order; groups are ordered by their
/// first contour. Contours of fewer than 3 points are in no group. Boxes that only touch
/// are one group. A sweep along x whose pair tests stop at a budget (64 per contour plus
/// 2e7), after which every contour is one group: slower, never wrong.
template <class Contour, class PointsOf>
std::vector<std::vector<std::size_t>> groups(std::span<const Contour> contours, PointsOf points_of) {
    struct Box {
        glm::dvec2 min, max;
        std::size_t contour;
    };
    std::vector<Box> boxes;
    for (std::size_t c = 0; c < contours.size(); ++c) {
        const auto& pts = points_of(contours[c]);
        if (pts.size() < 3) continue;
        Box b{pts[0], pts[0], c};
        for (const glm::dvec2 p : pts) {
            b.min = glm::dvec2(std::min(b.min.x, p.x), std::min(b.min.y, p.y));
            b.max = glm::dvec2(std::max(b.max.x, p.x), std::max(b.max.y, p.y));
        }
        boxes.push_back(b);
    }
    std::vector<std::size_t> parent(contours.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    const auto find = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    std::vector<Box> sorted = boxes;
    std::sort(sorted.begin(), sorted.end(), [](const Box& l, const Box& r) { return l.min.x < r.min.x; });
    const std::size_t budget = 64 * sorted.size() + 20'000'000;
    std::size_t tests = 0;
    bool one = false;
    std::vector<std::size_t> active;
    for (std::size_t k = 0; k < sorted.size() && !one; ++k) {
        const Box& b = sorted[k];
        std::size_t kept = 0;
        for (const std::size_t j : active) {
            const Box& o = sorted[j];
            if (o.max.x < b.min.x) continue; // behind the sweep: dropped
            active[kept++] = j;
            if (++tests > budget) {
                one = true;
                break;
            }
            if (b.min.y <= o.max.y && o.min.y <= b.max.y) {
                const std::size_t x = find(b.contour), y = find(o.contour);
                if (x != y) parent[std::max(x, y)] = std::min(x, y); // the root is the group's first contour
            }
        }
        active.resize(kept);
        active.push_back(k);
    }
    std::vector<std::vector<std::size_t>> out;
    if (one) {
        out.emplace_back();
        for (const Box& b : boxes) out.back().push_back(b.contour);
        return out;
    }
    std::vector<std::size_t> slot(contours.size(), SIZE_MAX);
    for (const Box& b : boxes) {
        const std::size_t root = find(b.contour);
        if (slot[root] == SIZE_MAX) {
            slot[root] = out.size();
            out.emplace_back();
        }
        out[slot[root]].push_back(b.contour);
    }
    return out;
}

template <class Contour, class PointsOf>
Triangulation run(GLUtesselator* tess, std::span<const Contour> contours, FillRule rule, PointsOf points_of) {
    Triangulation out;
    std::size_t total = 0;
    for (std::size_t c = 0; c < contours.size(); ++c) {
        const auto& points = points_of(contours[c]);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const glm::dvec2 p = points[i];
            if (!std::isfinite(p.x) || !std::isfinite(p.y))
                throw ValueError("Tessellator::fill: contour " + std::to_string(c) + " point " + std::to_string(i) + " " +
                                 point_text(p) + " is not finite");
            if (std::abs(p.x) > max_coordinate || std::abs(p.y) > max_coordinate)
                throw ValueError("Tessellator::fill: contour " + std::to_string(c) + " point " + std::to_string(i) + " " +
                                 point_text(p) + " is beyond the tessellator's range (|x|, |y| <= 1e150)");
        }
        total += points.size();
    }
    // Vertices are indexed with 32 bits, intersections included: leave GLU ample room.
    if (total > std::numeric_limits<std::uint32_t>::max() / 4)
        throw ValueError("Tessellator::fill: " + std::to_string(total) + " points are more than 32-bit indices can address");
    out.vertices.reserve(total);
    for (const auto& contour : contours)
        for (const glm::dvec2 p : points_of(contour)) out.vertices.push_back(p);

    // GLU reads the coordinates through pointers; they live here until the polygon ends.
    std::vector<std::array<GLdouble, 3>> coords(total);
    for (std::size_t i = 0; i < total; ++i) coords[i] = {out.vertices[i].x, out.vertices[i].y, 0.0};

    bool any = false;
    for (const auto& contour : contours) any = any || points_of(contour).size() >= 3;
    if (!any) return out;
    if (crossings(contours, max_crossings, points_of) > max_crossings)
        throw ValueError("Tessellator::fill: the contours cross themselves or each other more than " + std::to_string(max_crossings) +
                         " times (GLU's time and memory grow with every crossing)");

    Sink sink;
    sink.vertices = &out.vertices;
    sink.indices = &out.indices;
    gluTessProperty(tess, GLU_TESS_WINDING_RULE, rule == FillRule::EvenOdd ? GLU_TESS_WINDING_ODD : GLU_TESS_WINDING_NONZERO);
    std::vector<std::size_t> first(contours.size());
    for (std::size_t c = 0, at = 0; c < contours.size(); ++c) {
        first[c] = at;
        at += points_of(contours[c]).size();
    }
    // One GLU polygon per group of contours whose boxes meet (see groups()).
    for (const std::vector<std::size_t>& group : groups(contours, points_of)) {
        gluTessBeginPolygon(tess, &sink);
        for (const std::size_t c : group) {
            const std::size_t n = points_of(contours[c]).size();
            gluTessBeginContour(tess);
            for (std::size_t i = first[c]; i < first[c] + n; ++i) gluTessVertex(tess, coords[i].data(), encode(i));
            gluTessEndContour(tess);
        }
        gluTessEndPolygon(tess);
        if (sink.out_of_memory || sink.error != 0) break;
    }

    if (sink.out_of_memory) throw std::bad_alloc();
    if (sink.error != 0) {
        const auto* text = reinterpret_cast<const char*>(gluErrorString(sink.error));
        throw ValueError(std::string("Tessellator::fill: GLU: ") + (text ? text : "error " + std::to_string(sink.error)));
    }
    if (sink.not_triangles) throw ValueError("Tessellator::fill: GLU emitted strips or fans despite the edge-flag callback");
    if (out.indices.size() % 3 != 0)
        throw ValueError("Tessellator::fill: GLU emitted " + std::to_string(out.indices.size()) + " indices, not triangles");
    return out;
}

} // namespace

double Triangulation::area() const {
    double sum = 0.0;
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
        const glm::dvec2 a = vertices[indices[i]], b = vertices[indices[i + 1]], c = vertices[indices[i + 2]];
        sum += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2.0;
    }
    return sum;
}

Tessellator::Tessellator() : tess_(gluNewTess()) {
    if (tess_ == nullptr) throw std::bad_alloc();
    gluTessCallback(tess_, GLU_TESS_BEGIN_DATA, callback(&on_begin));
    gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, callback(&on_vertex));
    gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, callback(&on_combine));
    gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA, callback(&on_edge_flag));
    gluTessCallback(tess_, GLU_TESS_ERROR_DATA, callback(&on_error));
    // Every contour lies in z = 0: telling GLU saves it from estimating the plane, which
    // it could get wrong (or flip) for nearly degenerate input.
    gluTessNormal(tess_, 0.0, 0.0, 1.0);
}

Tessellator::~Tessellator() {
    if (tess_ != nullptr) gluDeleteTess(tess_);
}

Tessellator::Tessellator(Tessellator&& other) noexcept : tess_(std::exchange(other.tess_, nullptr)) {}

Tessellator& Tessellator::operator=(Tessellator&& other) noexcept {
    if (this != &other) {
        if (tess_ != nullptr) gluDeleteTess(tess_);
        tess_ = std::exchange(other.tess_, nullptr);
    }
    return *this;
}

Triangulation Tessellator::fill(std::span<const Polyline> contours, FillRule rule) {
    if (tess_ == nullptr) throw ValueError("Tessellator::fill: this tessellator was moved from");
    return run(tess_, contours, rule, [](const Polyline& p) -> const std::vector<glm::dvec2>& { return p.points; });
}

Triangulation Tessellator::fill(std::span<const std::vector<glm::dvec2>> contours, FillRule rule) {
    if (tess_ == nullptr) throw ValueError("Tessellator::fill: this tessellator was moved from");
    return run(tess_, contours, rule, [](const std::vector<glm::dvec2>& p) -> const std::vector<glm::dvec2>& { return p; });
}

Triangulation tessellate(std::span<const Polyline> contours, FillRule rule) { return Tessellator().fill(contours, rule); }

std::size_t count_crossings(std::span<const Polyline> contours, std::size_t limit) {
    return crossings(contours, limit, [](const Polyline& p) -> const std::vector<glm::dvec2>& { return p.points; });
}

} // namespace glumpp::svg
