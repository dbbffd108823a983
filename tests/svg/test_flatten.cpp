// Flattening: sub-path bookkeeping, arcs against known points, segment counts, and the
// error bound as a property: random curves under random transforms, every flattened
// segment within the tolerance of the true curve and the curve within the tolerance of
// the segment, measured by dense sampling.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Flatten.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <random>

using glumpp::ValueError;
using glumpp::svg::Polyline;
using glumpp::svg::arc_center;
using glumpp::svg::ArcCenter;
using glumpp::svg::flatten;
using glumpp::svg::PathCommand;
using glumpp::svg::PathData;
using glumpp::svg::Transform;
using glumpp::test::message_of;
using V = glm::dvec2;

namespace {

constexpr double pi = std::numbers::pi;

std::vector<Polyline> flat(const char* d, const Transform& t = {}, double tolerance = 0.25) {
    return flatten(PathData::parse(d), t, tolerance);
}

double distance_to_segment(V p, V a, V b) {
    const V ab = b - a;
    const double len2 = glm::dot(ab, ab);
    const double t = len2 == 0.0 ? 0.0 : std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0);
    return glm::length(p - (a + t * ab));
}

bool near(V a, V b, double eps = 1e-9) { return glm::length(a - b) <= eps; }

double distance_to_polyline(V q, const Polyline& p) {
    double best = 1e300;
    for (std::size_t i = 0; i + 1 < p.points.size(); ++i)
        best = std::min(best, distance_to_segment(q, p.points[i], p.points[i + 1]));
    return best;
}

} // namespace

TEST(Flatten, LinesAndSubpaths) {
    auto p = flat("M0 0 L10 0 L10 10 Z");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_TRUE(p[0].closed);
    EXPECT_EQ(p[0].points, (std::vector<V>{{0, 0}, {10, 0}, {10, 10}}));
    // An explicit return to the start before Z is not repeated.
    EXPECT_EQ(flat("M0 0 L10 0 L10 10 L0 0 Z")[0].points.size(), 3u);
    // Relative coordinates that return to the start only up to rounding are merged too.
    EXPECT_EQ(flat("m 0.1 0.1 l 0.2 0 l 0 0.3 l -0.2 -0.3 z")[0].points.size(), 3u);
    EXPECT_FALSE(flat("M0 0 L10 0")[0].closed);
    // Lone movetos and zero-length sub-paths draw nothing.
    EXPECT_TRUE(flat("M5 5").empty());
    EXPECT_TRUE(flat("M 1 1 Z").empty());
    EXPECT_TRUE(flat("M 1 1 L 1 1").empty());
    EXPECT_EQ(flat("M0 0 M 1 1 L 2 2").size(), 1u);
    // After Z a drawing command starts a new sub-path at the old start (not at (0, 0)).
    p = flat("M 10 10 L 20 10 L 20 20 Z l 5 -5");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[1].points, (std::vector<V>{{10, 10}, {15, 5}}));
    // Transformed.
    p = flat("M0 0 L10 0", Transform::translate(1, 2) * Transform::scale(3));
    EXPECT_EQ(p[0].points, (std::vector<V>{{1, 2}, {31, 2}}));
}

TEST(Flatten, ToleranceMustBePositive) {
    EXPECT_EQ(message_of<ValueError>([] { flat("M0 0 L 1 1", {}, 0.0); }),
              "flatten: tolerance must be a positive finite number, got 0");
    EXPECT_EQ(message_of<ValueError>([] { flat("M0 0 L 1 1", {}, -1.0); }),
              "flatten: tolerance must be a positive finite number, got -1");
}

TEST(Flatten, ArcCentresForTheFourFlagCombinations) {
    // From (0, 0) to (10, 10) with radius 10 the centre is (0, 10) or (10, 0); the flags
    // pick one of four arcs. Positive sweep turns from +x towards +y.
    struct Case {
        bool large, sweep;
        V center;
        double start_deg, sweep_deg;
        V midpoint;
    };
    const double h = 10.0 * std::sqrt(0.5);
    const Case cases[] = {
        {false, true, {0, 10}, -90, 90, {h, 10 - h}},
        {false, false, {10, 0}, 180, -90, {10 - h, h}},
        {true, true, {10, 0}, 180, 270, {10 + h, -h}},
        {true, false, {0, 10}, -90, -270, {-h, 10 + h}},
    };
    for (const Case& c : cases) {
        const auto arc = arc_center({0, 0}, PathCommand::arc_to({10, 10}, 0, c.large, c.sweep, {10, 10}));
        ASSERT_TRUE(arc);
        EXPECT_TRUE(near(arc->center, c.center)) << c.large << c.sweep;
        EXPECT_NEAR(arc->radii.x, 10.0, 1e-12);
        EXPECT_NEAR(std::remainder(arc->start_angle - c.start_deg * pi / 180, 2 * pi), 0.0, 1e-12);
        EXPECT_NEAR(arc->sweep_angle, c.sweep_deg * pi / 180, 1e-12);
        EXPECT_TRUE(near(arc->point(arc->start_angle + arc->sweep_angle / 2), c.midpoint, 1e-9));
        // The flattened arc goes through the same midpoint (within the tolerance) and ends
        // exactly at the end point.
        char d[96];
        std::snprintf(d, sizeof d, "M0 0 A10 10 0 %d %d 10 10", c.large ? 1 : 0, c.sweep ? 1 : 0);
        const auto p = flat(d, {}, 0.01);
        ASSERT_EQ(p.size(), 1u);
        EXPECT_EQ(p[0].points.back(), V(10, 10));
        EXPECT_LE(distance_to_polyline(c.midpoint, p[0]), 0.01);
    }
}

TEST(Flatten, ArcSpecialCases) {
    // Radii too small for the chord grow until it is a diameter (F.6.6).
    auto arc = arc_center({0, 0}, PathCommand::arc_to({1, 1}, 0, false, true, {10, 0}));
    ASSERT_TRUE(arc);
    EXPECT_TRUE(near(arc->center, {5, 0}));
    EXPECT_NEAR(arc->radii.x, 5.0, 1e-12);
    EXPECT_NEAR(arc->sweep_angle, pi, 1e-12);
    EXPECT_LE(distance_to_polyline({5, -5}, flat("M0 0 A 1 1 0 0 1 10 0", {}, 0.001)[0]), 0.001);
    EXPECT_LE(distance_to_polyline({5, 5}, flat("M0 0 A 1 1 0 0 0 10 0", {}, 0.001)[0]), 0.001);
    // Elliptic, too small, rotated: the ratio of the radii is kept.
    arc = arc_center({0, 0}, PathCommand::arc_to({1, 2}, 90, false, true, {10, 0}));
    ASSERT_TRUE(arc);
    EXPECT_NEAR(arc->radii.y / arc->radii.x, 2.0, 1e-12);
    // A zero radius is a straight line; equal end points omit the arc.
    EXPECT_FALSE(arc_center({0, 0}, PathCommand::arc_to({0, 5}, 0, false, true, {10, 0})));
    EXPECT_EQ(flat("M0 0 A 0 5 0 0 1 10 0")[0].points, (std::vector<V>{{0, 0}, {10, 0}}));
    EXPECT_FALSE(arc_center({3, 3}, PathCommand::arc_to({5, 5}, 0, false, true, {3, 3})));
    EXPECT_EQ(flat("M0 0 A 5 5 0 0 1 0 0 L 1 0")[0].points, (std::vector<V>{{0, 0}, {1, 0}}));
    // Every point of a rotated elliptic arc satisfies the ellipse's equation.
    const auto p = flat("M 10 0 A 8 3 30 1 1 -2 5", {}, 0.05);
    arc = arc_center({10, 0}, PathCommand::arc_to({8, 3}, 30, true, true, {-2, 5}));
    ASSERT_TRUE(arc);
    for (const V q : p[0].points) {
        const V d = q - arc->center;
        const double c = std::cos(arc->rotation), s = std::sin(arc->rotation);
        const double u = (c * d.x + s * d.y) / arc->radii.x, v = (-s * d.x + c * d.y) / arc->radii.y;
        EXPECT_NEAR(u * u + v * v, 1.0, 1e-9);
    }
}

TEST(Flatten, SegmentCountsFollowTheFinalScale) {
    // A circle of radius 100: each quarter needs ceil((pi/2) / (4 asin(sqrt(tol / 200)))).
    const double tol = 0.25 * 0.999; // the share of the tolerance curves get
    const auto quarter = static_cast<std::size_t>(std::ceil((pi / 2) / (4 * std::asin(std::sqrt(tol / 200)))));
    const char* circle = "M 100 0 A 100 100 0 0 1 0 100 A 100 100 0 0 1 -100 0 A 100 100 0 0 1 0 -100 "
                         "A 100 100 0 0 1 100 0 Z";
    EXPECT_EQ(flat(circle)[0].points.size(), 4 * quarter);
    EXPECT_EQ(quarter, 12u);
    // Ten times larger on screen: about sqrt(10) times as many points.
    const auto big = flat(circle, Transform::scale(10))[0].points.size();
    EXPECT_NEAR(static_cast<double>(big) / static_cast<double>(4 * quarter), std::sqrt(10.0), 0.3);
    // A non-uniform scale counts by its largest stretch.
    EXPECT_EQ(flat(circle, Transform::scale(10, 1))[0].points.size(), big);
    // Wang's formula for a cubic: n = ceil(sqrt(3 M / (4 tol))).
    const V p0{0, 0}, p1{0, 100}, p2{100, 100}, p3{100, 0};
    const double m = std::max(glm::length(p0 - 2.0 * p1 + p2), glm::length(p1 - 2.0 * p2 + p3));
    EXPECT_EQ(glumpp::svg::cubic_segments(p0, p1, p2, p3, 0.25),
              static_cast<std::size_t>(std::ceil(std::sqrt(3 * m / (4 * 0.25)))));
    EXPECT_EQ(glumpp::svg::quad_segments({0, 0}, {50, 100}, {100, 0}, 0.25),
              static_cast<std::size_t>(std::ceil(std::sqrt(200.0 / (4 * 0.25)))));
    // Straight "curves" need one segment; huge ones are capped.
    EXPECT_EQ(glumpp::svg::cubic_segments({0, 0}, {1, 1}, {2, 2}, {3, 3}, 0.25), 1u);
    EXPECT_EQ(glumpp::svg::cubic_segments({0, 0}, {0, 1e12}, {1e12, 1e12}, {1e12, 0}, 0.25),
              glumpp::svg::max_segments_per_curve);
    EXPECT_EQ(glumpp::svg::cubic_segments({0, 0}, {0, 1e308}, {1e308, -1e308}, {-1e308, 0}, 0.25),
              glumpp::svg::max_segments_per_curve);
}

// The property: for random curves, transforms and tolerances, each flattened segment and
// the piece of curve it replaces are within the tolerance of each other.
TEST(Flatten, ErrorBoundHoldsForRandomCurvesAtRandomScales) {
    std::mt19937_64 rng(20240611);
    std::uniform_real_distribution<double> coord(-100.0, 100.0), unit(0.0, 1.0);
    const auto log_uniform = [&](double lo, double hi) { return lo * std::pow(hi / lo, unit(rng)); };
    double worst_ratio = 0.0;
    std::size_t total_segments = 0;
    int trials = 0;
    for (int kind = 0; kind < 3; ++kind) {
        for (int trial = 0; trial < 60; ++trial, ++trials) {
            const Transform t = Transform::translate(coord(rng), coord(rng)) * Transform::rotate(360 * unit(rng)) *
                                Transform::skew_x(60 * unit(rng) - 30) *
                                Transform::scale(log_uniform(0.05, 20), log_uniform(0.05, 20));
            const double tolerance = log_uniform(0.05, 2.0);
            const V p0{coord(rng), coord(rng)}, p1{coord(rng), coord(rng)}, p2{coord(rng), coord(rng)},
                p3{coord(rng), coord(rng)};
            PathData path;
            path.commands.push_back(PathCommand::move_to(p0));
            // The true curve in final coordinates, by parameter u in [0, 1].
            std::function<V(double)> curve;
            if (kind == 0) {
                path.commands.push_back(PathCommand::cubic_to(p1, p2, p3));
                curve = [&](double u) {
                    const double s = 1 - u;
                    return t(s * s * s * p0 + 3 * s * s * u * p1 + 3 * s * u * u * p2 + u * u * u * p3);
                };
            } else if (kind == 1) {
                path.commands.push_back(PathCommand::quad_to(p1, p3));
                curve = [&](double u) {
                    const double s = 1 - u;
                    return t(s * s * p0 + 2 * s * u * p1 + u * u * p3);
                };
            } else {
                const PathCommand arc = PathCommand::arc_to({log_uniform(1, 150), log_uniform(1, 150)}, 360 * unit(rng),
                                                            unit(rng) < 0.5, unit(rng) < 0.5, p3);
                path.commands.push_back(arc);
                const ArcCenter c = *arc_center(p0, arc);
                curve = [c, t](double u) { return t(c.point(c.start_angle + c.sweep_angle * u)); };
            }
            const auto lines = flatten(path, t, tolerance);
            ASSERT_EQ(lines.size(), 1u);
            const auto& pts = lines[0].points;
            const std::size_t n = pts.size() - 1;
            total_segments += n;
            // Points are uniform in the parameter (checked, so that segment i is known to
            // replace the curve between u = i/n and (i+1)/n), and no point was merged.
            for (std::size_t i = 0; i <= n; ++i) {
                const V expected = curve(static_cast<double>(i) / static_cast<double>(n));
                ASSERT_LE(glm::length(pts[i] - expected), 1e-9 * (1 + glm::length(expected))) << kind << " " << trial;
            }
            constexpr int dense = 64;
            for (std::size_t i = 0; i < n; ++i) {
                std::vector<V> piece(dense + 1);
                for (int k = 0; k <= dense; ++k)
                    piece[k] = curve((static_cast<double>(i) + static_cast<double>(k) / dense) / static_cast<double>(n));
                double error = 0.0;
                // Curve to segment.
                for (const V q : piece) error = std::max(error, distance_to_segment(q, pts[i], pts[i + 1]));
                // Segment to curve (the dense piece stands for the curve: its own chords are
                // 64^2 times closer than the bound).
                for (int k = 0; k <= 32; ++k) {
                    const V q = pts[i] + (pts[i + 1] - pts[i]) * (k / 32.0);
                    double best = 1e300;
                    for (int j = 0; j < dense; ++j) best = std::min(best, distance_to_segment(q, piece[j], piece[j + 1]));
                    error = std::max(error, best);
                }
                ASSERT_LE(error, tolerance * (1 + 1e-3)) << "kind " << kind << " trial " << trial << " segment " << i << "/" << n;
                worst_ratio = std::max(worst_ratio, error / tolerance);
            }
        }
    }
    // The bound is not vacuous: some segment comes close to it.
    EXPECT_GT(worst_ratio, 0.9);
    std::printf("[ property ] %d curves, %zu segments, worst error %.3f of the tolerance\n", trials, total_segments, worst_ratio);
}
