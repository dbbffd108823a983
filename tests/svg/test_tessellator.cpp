// Fill tessellation through GLU: holes under both rules, a pentagram's centre, what the
// vertex array holds, degenerate input and exact errors.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Tessellator.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

using glumpp::ValueError;
using glumpp::svg::FillRule;
using glumpp::svg::Polyline;
using glumpp::svg::tessellate;
using glumpp::svg::Tessellator;
using glumpp::svg::Triangulation;
using glumpp::test::message_of;
using V = glm::dvec2;

namespace {

Polyline square(double x, double y, double side, bool counter_clockwise = true) {
    Polyline p;
    p.closed = true;
    p.points = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}};
    if (!counter_clockwise) std::reverse(p.points.begin(), p.points.end());
    return p;
}

void expect_valid(const Triangulation& t) {
    EXPECT_EQ(t.indices.size() % 3, 0u);
    for (const auto i : t.indices) EXPECT_LT(i, t.vertices.size());
}

} // namespace

TEST(Tessellator, SquareWithAHoleUnderBothRules) {
    // Same orientation: the hole's winding number is 2, filled under nonzero only.
    const std::vector<Polyline> same{square(0, 0, 10), square(3, 3, 4)};
    auto t = tessellate(same, FillRule::NonZero);
    expect_valid(t);
    EXPECT_NEAR(t.area(), 100.0, 1e-9);
    t = tessellate(same, FillRule::EvenOdd);
    EXPECT_NEAR(t.area(), 84.0, 1e-9);
    // Opposite orientation: the hole has winding 0, a hole under both rules.
    const std::vector<Polyline> opposite{square(0, 0, 10), square(3, 3, 4, false)};
    EXPECT_NEAR(tessellate(opposite, FillRule::NonZero).area(), 84.0, 1e-9);
    EXPECT_NEAR(tessellate(opposite, FillRule::EvenOdd).area(), 84.0, 1e-9);
    // The vertex array starts with the input points, in order.
    ASSERT_GE(t.vertices.size(), 8u);
    EXPECT_EQ(t.vertices[0], V(0, 0));
    EXPECT_EQ(t.vertices[4], V(3, 3));
    EXPECT_EQ(t.vertices[7], V(3, 7));
}

TEST(Tessellator, PentagramCentreFilledOnlyUnderNonZero) {
    // A self-intersecting five-pointed star drawn in one stroke: its centre pentagon has
    // winding number 2.
    const double radius = 100.0, pi = std::numbers::pi;
    Polyline star;
    for (int k = 0; k < 5; ++k) {
        const double a = -pi / 2 + k * 4 * pi / 5; // every second vertex of a pentagon
        star.points.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    // Inner radius of the star (where its edges cross) and the exact areas.
    const double inner = radius * std::cos(2 * pi / 5) / std::cos(pi / 5);
    const double decagon = 5 * radius * inner * std::sin(pi / 5); // outline of the star
    const double pentagon = 2.5 * inner * inner * std::sin(2 * pi / 5);
    const std::vector<Polyline> contours{star};
    const auto nonzero = tessellate(contours, FillRule::NonZero);
    const auto evenodd = tessellate(contours, FillRule::EvenOdd);
    expect_valid(nonzero);
    expect_valid(evenodd);
    // GLU computes the crossings to about 1e-8 relative (it interpolates along edges).
    EXPECT_NEAR(nonzero.area(), decagon, 1e-6 * decagon);
    EXPECT_NEAR(evenodd.area(), decagon - pentagon, 1e-6 * decagon);
    // The five crossings are new vertices, after the five input points.
    EXPECT_EQ(nonzero.vertices.size(), 10u);
    EXPECT_EQ(nonzero.vertices[0], star.points[0]);
}

TEST(Tessellator, BowtieAndOpenPolylines) {
    Polyline bowtie;
    bowtie.points = {{0, 0}, {2, 2}, {2, 0}, {0, 2}}; // crosses at (1, 1)
    const auto t = tessellate(std::vector{bowtie});
    EXPECT_NEAR(t.area(), 2.0, 1e-12);
    EXPECT_EQ(t.vertices.size(), 5u);
    EXPECT_EQ(t.vertices[4], V(1, 1));
    // Fills close open polylines.
    Polyline open = square(0, 0, 2);
    open.closed = false;
    EXPECT_NEAR(tessellate(std::vector{open}).area(), 4.0, 1e-12);
}

TEST(Tessellator, DegenerateInputGivesNothing) {
    EXPECT_TRUE(tessellate({}).indices.empty());
    Polyline two;
    two.points = {{0, 0}, {1, 1}};
    auto t = tessellate(std::vector{two});
    EXPECT_TRUE(t.indices.empty());
    EXPECT_EQ(t.vertices.size(), 2u); // still the input points
    Polyline collinear;
    collinear.points = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
    EXPECT_EQ(tessellate(std::vector{collinear}).area(), 0.0);
    Polyline back_and_forth;
    back_and_forth.points = {{0, 0}, {5, 0}, {5, 5}, {5, 0}};
    EXPECT_EQ(tessellate(std::vector{back_and_forth}).area(), 0.0);
    // A contour too small to matter next to one that is not: only the latter counts.
    EXPECT_NEAR(tessellate(std::vector{two, square(0, 0, 3)}).area(), 9.0, 1e-12);
}

TEST(Tessellator, ReusableAndMovable) {
    Tessellator a;
    const std::vector<Polyline> one{square(0, 0, 1)};
    EXPECT_NEAR(a.fill(one).area(), 1.0, 1e-12);
    EXPECT_NEAR(a.fill(one, FillRule::EvenOdd).area(), 1.0, 1e-12);
    Tessellator b = std::move(a);
    const std::vector<std::vector<V>> raw{{{0, 0}, {2, 0}, {0, 2}}};
    EXPECT_NEAR(b.fill(raw).area(), 2.0, 1e-12);
    EXPECT_EQ(message_of<ValueError>([&] { a.fill(one); }), "Tessellator::fill: this tessellator was moved from"); // NOLINT
}

TEST(Tessellator, ExactErrors) {
    Polyline bad = square(0, 0, 1);
    bad.points[2] = {std::numeric_limits<double>::quiet_NaN(), 1.0};
    EXPECT_EQ(message_of<ValueError>([&] { tessellate(std::vector{square(5, 5, 1), bad}); }),
              "Tessellator::fill: contour 1 point 2 (nan, 1) is not finite");
    bad.points[2] = {1e200, 1.0};
    EXPECT_EQ(message_of<ValueError>([&] { tessellate(std::vector{bad}); }),
              "Tessellator::fill: contour 0 point 2 (1e+200, 1) is beyond the tessellator's range (|x|, |y| <= 1e150)");
}

// Crossings are counted exactly (a regular star polygon {n/m}, gcd(n, m) = 1, crosses
// itself n (m - 1) times) and bounded: above max_crossings, fill refuses the contours
// instead of letting GLU's time and memory grow with them (issue 15).
TEST(Tessellator, CrossingsAreCountedAndBounded) {
    const auto star = [](int n, int m) {
        glumpp::svg::Polyline p;
        p.closed = true;
        for (int k = 0; k < n; ++k) {
            const double a = 2.0 * 3.14159265358979323846 * double(k) * m / n;
            p.points.push_back({100.0 * std::cos(a), 100.0 * std::sin(a)});
        }
        return p;
    };
    for (const auto& [n, m] : std::vector<std::pair<int, int>>{{5, 2}, {7, 3}, {11, 4}, {101, 2}, {101, 30}}) {
        const std::vector<glumpp::svg::Polyline> c{star(n, m)};
        EXPECT_EQ(glumpp::svg::count_crossings(c, 1u << 20), std::size_t(n * (m - 1))) << n << "/" << m;
    }
    const std::vector<glumpp::svg::Polyline> square{glumpp::svg::Polyline{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, true}};
    EXPECT_EQ(glumpp::svg::count_crossings(square), 0u);
    const std::vector<glumpp::svg::Polyline> many{star(101, 50)}; // 4949 crossings
    EXPECT_EQ(glumpp::svg::count_crossings(many, 100), 101u) << "counting stops after the limit";
    EXPECT_EQ(glumpp::test::message_of<glumpp::ValueError>([&] { glumpp::svg::tessellate(many); }),
              "Tessellator::fill: the contours cross themselves or each other more than 4096 times "
              "(GLU's time and memory grow with every crossing)");
    const std::vector<glumpp::svg::Polyline> fewer{star(101, 40)}; // 3939: tessellated
    EXPECT_GT(glumpp::svg::tessellate(fewer).triangle_count(), 0u);
}
