// Large documents (issue 15): what the speed-ups must not change. Numbers read through
// the fast path against strtod (glibc's correctly rounded reader, an independent oracle);
// fills of separate contours, tessellated group by group, against the same contours one
// by one; the grouping sweep's budget.
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/PathData.hpp>
#include <glumpp/svg/Tessellator.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using glumpp::svg::Document;
using glumpp::svg::FillRule;
using glumpp::svg::PathData;
using glumpp::svg::Polyline;
using glumpp::svg::tessellate;
using glumpp::svg::Triangulation;

namespace {

std::uint64_t bits(double v) {
    std::uint64_t b = 0;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

/// The x of "M<text> 0": the number as path data reads it.
double read(const std::string& text) { return PathData::parse("M" + text + " 0").commands.at(0).to.x; }

Polyline square(double x, double y, double side) {
    Polyline p;
    p.closed = true;
    p.points = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}};
    return p;
}

bool inside(glm::dvec2 p, const Polyline& box) {
    const glm::dvec2 lo = box.points[0], hi = box.points[2];
    return p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y;
}

} // namespace

// Every shape of number the fast path takes (at most 15 significant digits, a power of
// ten up to 1e22 either way) and the ones it leaves to from_chars, bit for bit.
TEST(svg_large, NumbersReadAsStrtodReadsThem) {
    ASSERT_NE(std::setlocale(LC_NUMERIC, "C"), nullptr);
    std::mt19937_64 random(15);
    std::vector<std::string> texts = {"0",     "-0",     "0.0",    "5.",   ".5",    "-.5",   "+7",       "0.1",
                                      "0.3",   "1e22",   "1e23",   "1e-22", "1e-23", "123456789012345",
                                      "1234567890123456", "0.000000000000000000001", "9007199254740993",
                                      "2.2250738585072014e-308", "1.7976931348623157e308", "4.9e-324", "00012.5000"};
    for (int i = 0; i < 20000; ++i) {
        std::string t;
        if (random() % 4 == 0) t += '-';
        const int whole = static_cast<int>(random() % 10), fraction = static_cast<int>(random() % 12);
        for (int d = 0; d < whole; ++d) t += static_cast<char>('0' + random() % 10);
        if (fraction > 0 || whole == 0) {
            t += '.';
            for (int d = 0; d < std::max(fraction, 1); ++d) t += static_cast<char>('0' + random() % 10);
        }
        if (random() % 3 == 0) t += "e" + std::to_string(static_cast<int>(random() % 61) - 30);
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        const double expected = std::strtod(t.c_str(), nullptr);
        EXPECT_EQ(bits(read(t)), bits(expected)) << t;
    }
}

// Separate squares in one call: each group is its own GLU polygon, so the triangles come
// square by square in input order, and they cover what each square alone covers.
TEST(svg_large, SeparateContoursComeGroupByGroupInOrder) {
    std::vector<Polyline> squares;
    for (int i = 0; i < 50; ++i) squares.push_back(square(10.0 * (i % 10), 10.0 * (i / 10), 5.0));
    for (const FillRule rule : {FillRule::NonZero, FillRule::EvenOdd}) {
        const Triangulation t = tessellate(squares, rule);
        ASSERT_EQ(t.triangle_count(), 2 * squares.size());
        for (std::size_t k = 0; k < t.indices.size(); ++k) {
            const std::size_t owner = k / 6; // two triangles a square
            EXPECT_TRUE(inside(t.vertices[t.indices[k]], squares[owner])) << "corner " << k;
        }
        EXPECT_NEAR(t.area(), 50 * 25.0, 1e-9);
    }
}

// Contours whose boxes meet are one polygon: a hole stays a hole, overlaps count once,
// even when other, separate contours come between them in the input.
TEST(svg_large, ContoursWhoseBoxesMeetStayTogether) {
    Polyline outer = square(0, 0, 10), hole = square(2, 2, 6), far = square(100, 100, 1);
    std::reverse(hole.points.begin(), hole.points.end());
    const std::vector<Polyline> contours = {outer, far, hole};
    EXPECT_NEAR(tessellate(contours, FillRule::NonZero).area(), 100.0 - 36.0 + 1.0, 1e-9);
    EXPECT_NEAR(tessellate(contours, FillRule::EvenOdd).area(), 100.0 - 36.0 + 1.0, 1e-9);
    // Two squares that overlap (their boxes meet), under nonzero: the union.
    const std::vector<Polyline> overlapping = {square(0, 0, 4), far, square(2, 2, 4)};
    EXPECT_NEAR(tessellate(overlapping, FillRule::NonZero).area(), 16.0 + 16.0 - 4.0 + 1.0, 1e-9);
}

// Past the sweep's budget (64 tests a contour plus 2e7) every contour is one polygon:
// 6,600 thin stripes stacked along y all overlap in x, so the sweep tests about 2.2e7
// pairs (budget 2.04e7); the fill is still right.
TEST(svg_large, GroupingPastItsBudgetIsStillRight) {
    std::vector<Polyline> stripes;
    for (int i = 0; i < 6600; ++i) {
        Polyline p;
        p.closed = true;
        const double y = 2.0 * i;
        p.points = {{0.0, y}, {100.0, y}, {100.0, y + 1.0}, {0.0, y + 1.0}};
        stripes.push_back(p);
    }
    const Triangulation t = tessellate(stripes, FillRule::NonZero);
    EXPECT_NEAR(t.area(), 6600 * 100.0, 1e-6);
    EXPECT_EQ(t.triangle_count(), 2 * stripes.size());
}

// A document of many separate shapes and one path of many separate sub-paths reads the
// same points as the text says (the reserved vectors and the fast numbers change nothing).
TEST(svg_large, ManyShapesAndSubpathsReadInFull) {
    std::string text = R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><path d=")";
    for (int i = 0; i < 1000; ++i)
        text += "M" + std::to_string(i % 100) + "." + std::to_string(i % 7) + " " + std::to_string(i / 10) + "h0.5v0.5h-0.5z";
    text += R"("/>)";
    for (int i = 0; i < 2000; ++i) text += R"(<rect x=")" + std::to_string(i % 90) + R"(" y="1" width="2" height="3"/>)";
    text += "<use href=\"#missing\"/></svg>";
    const Document doc = Document::parse(text);
    ASSERT_EQ(doc.shapes().size(), 2001u);
    ASSERT_EQ(doc.shapes()[0].subpaths.size(), 1000u);
    for (int i = 0; i < 1000; ++i) {
        const glm::dvec2 p = doc.shapes()[0].subpaths[static_cast<std::size_t>(i)].points[0];
        EXPECT_EQ(p.x, std::strtod((std::to_string(i % 100) + "." + std::to_string(i % 7)).c_str(), nullptr));
        EXPECT_EQ(p.y, i / 10);
    }
    EXPECT_EQ(doc.shapes()[2000].subpaths[0].points[0], glm::dvec2(1999 % 90, 1.0));
}
