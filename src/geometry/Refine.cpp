// Ruppert's Delaunay refinement of a square (Refine.hpp): Bowyer-Watson insertion over a
// list of triangles with cached circumcircles, brute force (the meshes asked for have
// hundreds of vertices: a linear scan per step is simpler than a point-location walk).
#include "Detail.hpp"

#include <glumpp/geometry/Refine.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace glumpp::geometry {

namespace {

constexpr std::size_t max_refined_vertices = std::size_t(1) << 20;

struct Triangle {
    std::array<std::uint32_t, 3> v; // counter-clockwise
    glm::dvec2 centre;              // circumcircle
    double radius2;
    bool alive;
};

double cross(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

glm::dvec2 circumcentre(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c) {
    const glm::dvec2 ab = b - a, ac = c - a;
    const double d = 2 * (ab.x * ac.y - ab.y * ac.x);
    const double ab2 = glm::dot(ab, ab), ac2 = glm::dot(ac, ac);
    return a + glm::dvec2(ac.y * ab2 - ab.y * ac2, ab.x * ac2 - ac.x * ab2) / d;
}

class Refiner {
public:
    explicit Refiner(double h) {
        // A triangle far around the square, removed at the end (vertices 0, 1, 2).
        points_ = {{-20 * h, -20 * h}, {20 * h, -20 * h}, {0, 20 * h}};
        add_triangle(0, 1, 2);
        for (glm::dvec2 corner : {glm::dvec2(-h, -h), glm::dvec2(h, -h), glm::dvec2(h, h), glm::dvec2(-h, h)}) insert(corner);
        segments_ = {{3, 4}, {4, 5}, {5, 6}, {6, 3}};
    }

    void refine(double max_area, double min_angle_degrees) {
        const double min_angle = min_angle_degrees * std::numbers::pi / 180;
        for (;;) {
            if (split_an_encroached_segment()) continue;
            const Triangle* worst = worst_triangle(max_area, min_angle);
            if (!worst) return;
            const glm::dvec2 c = worst->centre;
            std::vector<std::size_t> encroached;
            for (std::size_t s = 0; s < segments_.size(); ++s)
                if (encroaches(s, c)) encroached.push_back(s);
            // Split from the last, so that earlier indices stay valid.
            for (auto s = encroached.rbegin(); s != encroached.rend(); ++s) split(*s);
            if (encroached.empty()) insert(c);
        }
    }

    Triangulation result(double scale) const {
        std::vector<double> xy;
        for (std::size_t i = 3; i < points_.size(); ++i) xy.insert(xy.end(), {scale * points_[i].x, scale * points_[i].y});
        std::vector<std::uint32_t> t;
        for (const auto& tri : triangles_) {
            if (!tri.alive || tri.v[0] < 3 || tri.v[1] < 3 || tri.v[2] < 3) continue;
            for (auto v : tri.v) t.push_back(v - 3);
        }
        return {Array::from(std::span<const double>(xy), {xy.size() / 2, 2}), Array::from(std::span<const std::uint32_t>(t), {t.size() / 3, 3})};
    }

private:
    void add_triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const glm::dvec2 o = circumcentre(points_[a], points_[b], points_[c]);
        const glm::dvec2 d = points_[a] - o;
        triangles_.push_back({{a, b, c}, o, glm::dot(d, d), true});
    }

    // Bowyer-Watson: the triangles whose circumcircle strictly holds p are removed and the
    // cavity's border is joined to p. A point on a circle (cocircular points, frequent
    // here: midpoints of a square's sides) counts as outside: the cavity stays star-shaped.
    void insert(glm::dvec2 p) {
        if (points_.size() - 3 >= max_refined_vertices) {
            throw ValueError("geometry::refine_square: more than " + std::to_string(max_refined_vertices) + " vertices needed");
        }
        const auto index = static_cast<std::uint32_t>(points_.size());
        points_.push_back(p);
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges; // directed edge -> count
        for (auto& tri : triangles_) {
            if (!tri.alive) continue;
            const glm::dvec2 d = p - tri.centre;
            if (glm::dot(d, d) >= tri.radius2 * (1 - 1e-12)) continue;
            tri.alive = false;
            for (int k = 0; k < 3; ++k) edges[{tri.v[k], tri.v[(k + 1) % 3]}]++;
        }
        // An edge shared by two removed triangles appears in both directions: interior.
        for (const auto& [e, n] : edges) {
            if (edges.count({e.second, e.first})) continue;
            add_triangle(e.first, e.second, index);
        }
        // Drop the dead now and then, so that scans stay short.
        if (triangles_.size() > 4 * points_.size() + 64) std::erase_if(triangles_, [](const Triangle& t) { return !t.alive; });
    }

    // p strictly inside segment s's diametral circle (the angle a p b above 90 degrees).
    bool encroaches(std::size_t s, glm::dvec2 p) const {
        const glm::dvec2 a = points_[segments_[s].first], b = points_[segments_[s].second];
        return glm::dot(a - p, b - p) < -1e-12 * glm::dot(b - a, b - a);
    }

    void split(std::size_t s) {
        const auto [a, b] = segments_[s];
        const auto m = static_cast<std::uint32_t>(points_.size());
        insert(0.5 * (points_[a] + points_[b]));
        segments_[s] = {a, m};
        segments_.push_back({m, b});
    }

    bool split_an_encroached_segment() {
        for (std::size_t s = 0; s < segments_.size(); ++s) {
            for (std::size_t q = 3; q < points_.size(); ++q) {
                if (q == segments_[s].first || q == segments_[s].second) continue;
                if (encroaches(s, points_[q])) {
                    split(s);
                    return true;
                }
            }
        }
        return false;
    }

    const Triangle* worst_triangle(double max_area, double min_angle) const {
        const Triangle *largest = nullptr, *sharpest = nullptr;
        double largest_area = max_area, sharpest_angle = min_angle;
        for (const auto& tri : triangles_) {
            if (!tri.alive || tri.v[0] < 3 || tri.v[1] < 3 || tri.v[2] < 3) continue;
            const glm::dvec2 a = points_[tri.v[0]], b = points_[tri.v[1]], c = points_[tri.v[2]];
            const double area = 0.5 * cross(a, b, c);
            if (area > largest_area) largest_area = area, largest = &tri;
            if (largest) continue; // area first: angles are looked at once all are small enough
            for (int k = 0; k < 3; ++k) {
                const glm::dvec2 p = points_[tri.v[k]], u = points_[tri.v[(k + 1) % 3]] - p, w = points_[tri.v[(k + 2) % 3]] - p;
                const double angle = std::atan2(std::abs(u.x * w.y - u.y * w.x), glm::dot(u, w));
                if (angle < sharpest_angle) sharpest_angle = angle, sharpest = &tri;
            }
        }
        return largest ? largest : sharpest;
    }

    std::vector<glm::dvec2> points_;
    std::vector<Triangle> triangles_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> segments_; // the sides' pieces
};

} // namespace

Triangulation refine_square(double half_side, double max_area, double min_angle) {
    const char* f = "geometry::refine_square";
    detail::check_finite(f, "half_side", half_side);
    detail::check_finite(f, "max_area", max_area);
    detail::check_finite(f, "min_angle", min_angle);
    if (half_side <= 0) throw ValueError(std::string(f) + ": half_side must be positive, not " + detail::number(half_side));
    if (max_area <= 0) throw ValueError(std::string(f) + ": max_area must be positive, not " + detail::number(max_area));
    if (min_angle < 0 || min_angle > 20.7) {
        throw ValueError(std::string(f) + ": min_angle must be in [0, 20.7] degrees, not " + detail::number(min_angle));
    }
    // The refinement runs on [-1, 1]^2 with the area bound scaled alike, and the vertices
    // are scaled back at the end: no square of a coordinate overflows or underflows,
    // whatever the magnitude of half_side. About 2 / area vertices are made there (4 of
    // area in triangles of about area / 2).
    const double area = max_area / half_side / half_side;
    if (2 / area > double(max_refined_vertices)) {
        throw ValueError(std::string(f) + ": half_side " + detail::number(half_side) + " and max_area " + detail::number(max_area) +
                         " need more than " + std::to_string(max_refined_vertices) + " vertices");
    }
    Refiner refiner(1.0);
    refiner.refine(area, min_angle);
    return refiner.result(half_side);
}

} // namespace glumpp::geometry
