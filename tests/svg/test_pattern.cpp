// <pattern> fills read into svg::Pattern (src/svg/Pattern.cpp): the tile's geometry, the
// transforms of pattern space and of the content, href inheritance, and the exact
// warnings where a pattern cannot be used.
#include <glumpp/svg/Document.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace glumpp::svg;
using V = glm::dvec2;

namespace {

Document svg(const std::string& body, const std::string& attributes = "width=\"100\" height=\"100\"") {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + ">" + body + "</svg>");
}

void expect_near(V a, V b, double eps = 1e-9) {
    EXPECT_NEAR(a.x, b.x, eps) << "x of (" << a.x << ", " << a.y << ") vs (" << b.x << ", " << b.y << ")";
    EXPECT_NEAR(a.y, b.y, eps) << "y of (" << a.x << ", " << a.y << ") vs (" << b.x << ", " << b.y << ")";
}

/// The box of a shape's points.
std::pair<V, V> box(const Shape& s) {
    V lo = s.subpaths.at(0).points.at(0), hi = lo;
    for (const Polyline& p : s.subpaths)
        for (const V q : p.points) {
            lo = glm::min(lo, q);
            hi = glm::max(hi, q);
        }
    return {lo, hi};
}

const Pattern& pattern_of(const Document& d, std::size_t k) {
    const Shape& s = d.shapes().at(k);
    EXPECT_TRUE(s.fill && s.fill->pattern) << s.name();
    return *s.fill->pattern;
}

} // namespace

TEST(Pattern, UserSpaceOnUseUnderTheRootViewBox) {
    // The root's viewBox scales by 2: final units are twice the user units.
    const Document d = svg(R"svg(<defs>
      <pattern id="p" patternUnits="userSpaceOnUse" x="5" y="3" width="20" height="10">
        <rect width="10" height="10" fill="red" stroke="blue" stroke-width="2"/></pattern></defs>
      <rect width="50" height="50" fill="url(#p)" fill-opacity="0.5"/>)svg",
                           R"(width="200" height="200" viewBox="0 0 100 100")");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_TRUE(d.warnings().empty());
    const Pattern& p = pattern_of(d, 0);
    EXPECT_EQ(p.width, 20.0);
    EXPECT_EQ(p.height, 10.0);
    // Final (10, 6) is user (5, 3): the tile's origin; final (50, 26) is user (25, 13).
    expect_near(p.to_pattern.apply({10, 6}), {0, 0});
    expect_near(p.to_pattern.apply({50, 26}), {20, 10});
    EXPECT_FLOAT_EQ(p.alpha, 0.5f);
    EXPECT_EQ(p.name, "pattern#p (line 2)");
    // The content in pattern space (content units are the user's, unscaled by the root).
    ASSERT_EQ(p.shapes.size(), 1u);
    const auto [lo, hi] = box(p.shapes[0]);
    expect_near(lo, {0, 0});
    expect_near(hi, {10, 10});
    EXPECT_EQ(p.shapes[0].fill->color, (Color{1, 0, 0, 1}));
    EXPECT_DOUBLE_EQ(p.shapes[0].stroke->width, 2.0);
    // Without a fallback color the fill's color is the first content fill's, times alpha.
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{1, 0, 0, 0.5f}));
}

TEST(Pattern, ObjectBoundingBoxUnitsAndContentUnits) {
    const Document d = svg(R"svg(<defs>
      <pattern id="p" x="0.5" y="0.25" width="0.25" height="0.5" patternContentUnits="objectBoundingBox">
        <rect width="0.25" height="0.5" fill="lime"/></pattern></defs>
      <rect x="10" y="20" width="40" height="80" fill="url(#p) red"/>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_TRUE(d.warnings().empty());
    const Pattern& p = pattern_of(d, 0);
    // The tile: x = 10 + 0.5 * 40, y = 20 + 0.25 * 80, 10 x 40.
    EXPECT_DOUBLE_EQ(p.width, 10.0);
    EXPECT_DOUBLE_EQ(p.height, 40.0);
    expect_near(p.to_pattern.apply({30, 40}), {0, 0});
    // The content scaled by the box (40 x 80): the whole tile, from its origin.
    const auto [lo, hi] = box(p.shapes.at(0));
    expect_near(lo, {0, 0});
    expect_near(hi, {10, 40});
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{1, 0, 0, 1})); // the fallback color
}

TEST(Pattern, PatternTransformAndShapeTransform) {
    const Document d = svg(R"svg(<defs>
      <pattern id="p" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(90)">
        <circle r="2"/></pattern></defs>
      <rect transform="translate(50 0)" width="40" height="40" fill="url(#p)"/>)svg");
    const Pattern& p = pattern_of(d, 0);
    // final = translate(50, 0) * rotate(90) * pattern: pattern (1, 0) is final (50, 1).
    expect_near(p.to_pattern.apply({50, 0}), {0, 0});
    expect_near(p.to_pattern.apply({50, 1}), {1, 0});
    expect_near(p.to_pattern.apply({49, 0}), {0, 1});
}

TEST(Pattern, ViewBoxAndPreserveAspectRatio) {
    const Document d = svg(R"svg(<defs>
      <pattern id="meet" patternUnits="userSpaceOnUse" width="20" height="20" viewBox="10 0 4 2">
        <rect x="10" width="4" height="2"/></pattern>
      <pattern id="none" href="#meet" preserveAspectRatio="none"/></defs>
      <rect width="40" height="40" fill="url(#meet)"/>
      <rect width="40" height="40" fill="url(#none)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_TRUE(d.warnings().empty());
    {
        // Scaled by 5, centred vertically (xMidYMid meet): y from 5 to 15.
        const auto [lo, hi] = box(pattern_of(d, 0).shapes.at(0));
        expect_near(lo, {0, 5});
        expect_near(hi, {20, 15});
    }
    {
        // href inherits the viewBox, the units and the children; none stretches.
        const Pattern& p = pattern_of(d, 1);
        EXPECT_EQ(p.width, 20.0);
        const auto [lo, hi] = box(p.shapes.at(0));
        expect_near(lo, {0, 0});
        expect_near(hi, {20, 20});
    }
}

TEST(Pattern, HrefLoopsAndInheritedChildren) {
    const Document d = svg(R"svg(<defs>
      <pattern id="a" href="#b" width="0.5" height="0.5"><rect width="1" height="1" fill="blue"/></pattern>
      <pattern id="b" href="#a" patternUnits="userSpaceOnUse"/></defs>
      <rect id="r" width="10" height="10" fill="url(#b)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Pattern& p = pattern_of(d, 0);
    // b's own units, a's size (numbers in user units then) and a's children.
    EXPECT_EQ(p.width, 0.5);
    ASSERT_EQ(p.shapes.size(), 1u);
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "rect#r (line 4): fill: url(#b): href loops back to \"#b\"; the chain stops there"}));
}

TEST(Pattern, WhatPaintsNothingOrTheFallback) {
    const Document d = svg(R"svg(<defs>
      <pattern id="zero" width="0" height="1"><rect width="1" height="1"/></pattern>
      <pattern id="empty" width="1" height="1"/>
      <pattern id="bad" width="wide" height="1"><rect width="1" height="1"/></pattern>
      <pattern id="inner" patternUnits="userSpaceOnUse" width="2" height="2"><rect width="1" height="1"/></pattern>
      <pattern id="outer" patternUnits="userSpaceOnUse" width="4" height="4">
        <rect width="1" height="1" fill="url(#inner) green"/></pattern></defs>
      <rect id="r0" width="10" height="10" fill="url(#zero) red"/>
      <rect id="r1" width="10" height="10" fill="url(#empty) red"/>
      <rect id="r2" width="10" height="10" fill="url(#bad) red"/>
      <rect id="r3" width="10" height="10" fill="url(#outer)" stroke="url(#inner) blue"/>
      <path id="r4" d="M 0 0 H 10" stroke="black" fill="url(#zero) yellow"/>
      <text id="t" y="10" fill="url(#inner) purple">Hi</text>)svg");
    const auto& s = d.shapes();
    // r0 (width 0) and r1 (no content) paint nothing, silently.
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0].id, "r2");
    EXPECT_EQ(s[0].fill->color, (Color{1, 0, 0, 1}));
    EXPECT_FALSE(s[0].fill->pattern);
    EXPECT_EQ(s[1].id, "r3");
    ASSERT_TRUE(s[1].fill->pattern);
    // The nested pattern's content shape paints its fallback; the pattern stroke too.
    EXPECT_FALSE(s[1].fill->pattern->shapes.at(0).fill->pattern);
    EXPECT_EQ(s[1].fill->pattern->shapes.at(0).fill->color, Color::rgb8(0, 128, 0));
    EXPECT_EQ(s[1].stroke->color, (Color{0, 0, 1, 1}));
    EXPECT_EQ(s[2].id, "r4");
    EXPECT_FALSE(s[2].fill && s[2].fill->pattern);
    EXPECT_EQ(s[3].element, "text");
    EXPECT_EQ(d.warnings(),
              (std::vector<std::string>{
                  "rect#r2 (line 10): fill: url(#bad) expected a length, found \"wide\"; painting its fallback color",
                  "rect (line 7): fill: url(#inner) is inside a pattern's content, where patterns are not supported; "
                  "painting its fallback color",
                  "rect#r3 (line 11): stroke: url(#inner) is a pattern, which is supported on the fill of shapes only; "
                  "painting its fallback color",
                  "path#r4 (line 12): fill: url(#zero) uses objectBoundingBox on a shape of zero width or height; "
                  "painting its fallback color",
                  "text#t (line 13): fill: url(#inner) is a pattern, which is supported on the fill of shapes only; "
                  "painting its fallback color",
              }));
}

TEST(Pattern, ContentAndFillLimits) {
    std::string many;
    for (std::size_t k = 0; k <= max_pattern_shapes; ++k) many += "<rect width=\"1\" height=\"1\"/>";
    const Document big = svg("<defs><pattern id=\"p\" width=\"1\" height=\"1\">" + many +
                             "</pattern></defs><rect id=\"r\" width=\"10\" height=\"10\" fill=\"url(#p) red\"/>");
    ASSERT_EQ(big.shapes().size(), 1u);
    EXPECT_FALSE(big.shapes()[0].fill->pattern);
    EXPECT_EQ(big.warnings(), (std::vector<std::string>{"rect#r (line " + std::to_string(1) + "): fill: url(#p) holds more than " +
                                                        std::to_string(max_pattern_shapes) +
                                                        " shapes; painting its fallback color"}));
    std::string fills;
    for (std::size_t k = 0; k <= max_pattern_fills + 1; ++k) fills += "<rect width=\"10\" height=\"10\" fill=\"url(#p) red\"/>";
    const Document lots = svg("<defs><pattern id=\"p\" width=\"1\" height=\"1\"><rect width=\"1\" height=\"1\"/></pattern></defs>" + fills);
    ASSERT_EQ(lots.shapes().size(), max_pattern_fills + 2);
    EXPECT_TRUE(lots.shapes()[max_pattern_fills - 1].fill->pattern);
    EXPECT_FALSE(lots.shapes()[max_pattern_fills].fill->pattern);
    EXPECT_FALSE(lots.shapes()[max_pattern_fills + 1].fill->pattern);
    EXPECT_EQ(lots.shapes()[max_pattern_fills + 1].fill->color, (Color{1, 0, 0, 1}));
    ASSERT_EQ(lots.warnings().size(), 1u); // once
    EXPECT_NE(lots.warnings()[0].find("past the document's 1024 pattern fills"), std::string::npos) << lots.warnings()[0];
}

TEST(Pattern, HugeMagnificationFlattensNoFinerThanTheTileCanShow) {
    // scale(1e6): a tile of 1e-5 user units shows 10 final units wide; its circle is
    // flattened for that, not for 1e6 times the document's tolerance.
    const Document d = svg(R"svg(<defs>
      <pattern id="p" patternUnits="userSpaceOnUse" width="0.00001" height="0.00001" patternTransform="scale(1000000)">
        <circle cx="0.000005" cy="0.000005" r="0.000004"/></pattern>
      <pattern id="q" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="scale(1e8)">
        <circle cx="5" cy="5" r="4"/></pattern>
      <pattern id="r" href="#q" patternTransform="scale(1e12)"/></defs>
      <rect width="50" height="50" fill="url(#p)"/>
      <rect width="50" height="50" fill="url(#q)"/>
      <circle cx="50" cy="50" r="4"/>
      <rect id="far" width="50" height="50" fill="url(#r)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 3u);
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "rect#far (line 10): fill: url(#r) has numbers out of range; painting nothing"}));
    const std::size_t small = pattern_of(d, 0).shapes.at(0).subpaths.at(0).points.size();
    const std::size_t plain = d.shapes()[2].subpaths.at(0).points.size();
    EXPECT_GT(small, 8u);
    EXPECT_LT(small, 4 * plain + 16); // about as fine as the same circle drawn in place
    const std::size_t huge = pattern_of(d, 1).shapes.at(0).subpaths.at(0).points.size();
    EXPECT_LT(huge, 2000u) << "bounded by the tile's texture, not by the 1e8 magnification";
}

TEST(Pattern, ContentSkipsTextImagesAndGroups) {
    const Document d = svg(R"svg(<defs>
      <pattern id="p" patternUnits="userSpaceOnUse" width="10" height="10">
        <text>no</text>
        <g opacity="0.5"><rect width="5" height="5" fill="blue"/></g></pattern></defs>
      <rect width="50" height="50" fill="url(#p)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Pattern& p = pattern_of(d, 0);
    ASSERT_EQ(p.shapes.size(), 1u);
    EXPECT_FLOAT_EQ(p.shapes[0].fill->color.a, 0.5f); // the group's opacity, multiplied in
    EXPECT_EQ(p.shapes[0].group, -1);
    EXPECT_TRUE(d.groups().empty());
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{"text (line 3): <text> inside a pattern is not supported; skipped"}));
}
