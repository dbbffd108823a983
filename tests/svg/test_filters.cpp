// feFlood, feComposite, feColorMatrix, feBlend and the filter region as the reader gives
// them (Group.hpp): values resolved, bad values warned about with the element's line.
#include <glumpp/svg/Document.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace glumpp::svg;
using V = glm::dvec2;

namespace {

Document svg(const std::string& body) {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">" + body + "</svg>");
}

bool has_warning(const Document& d, const std::string& text) {
    return std::any_of(d.warnings().begin(), d.warnings().end(), [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

const std::vector<FilterPrimitive>& primitives(const Document& d, std::size_t group = 0) {
    EXPECT_GT(d.groups().size(), group);
    EXPECT_TRUE(d.groups()[group].filter);
    return d.groups()[group].filter->primitives;
}

} // namespace

// Inkscape's drop shadow: flood colour and opacity from attributes or style, composite
// inputs by name, operators, and color-interpolation-filters inherited from the filter.
TEST(Filters, InkscapeDropShadow) {
    const Document d = svg(R"svg(
      <filter id="s" style="color-interpolation-filters:sRGB">
        <feFlood style="flood-opacity:0.5;flood-color:rgb(255,0,0)" result="flood"/>
        <feComposite in="flood" in2="SourceGraphic" operator="in" result="c1"/>
        <feGaussianBlur stdDeviation="2"/><feOffset dx="1" dy="2" result="o"/>
        <feComposite in="SourceGraphic" in2="o" operator="over"/></filter>
      <rect width="10" height="10" filter="url(#s)"/>)svg");
    const auto& p = primitives(d);
    ASSERT_EQ(p.size(), 5u);
    EXPECT_EQ(p[0].kind, FilterPrimitive::Kind::Flood);
    EXPECT_TRUE(p[0].inputs.empty());
    EXPECT_FLOAT_EQ(p[0].flood.r, 1.0f);
    EXPECT_FLOAT_EQ(p[0].flood.g, 0.0f);
    EXPECT_FLOAT_EQ(p[0].flood.a, 0.5f);
    EXPECT_FALSE(p[0].linear_rgb);
    EXPECT_EQ(p[1].kind, FilterPrimitive::Kind::Composite);
    EXPECT_EQ(p[1].op, FilterPrimitive::Operator::In);
    EXPECT_EQ(p[1].inputs, (std::vector<int>{0, FilterPrimitive::source_graphic}));
    EXPECT_EQ(p[4].op, FilterPrimitive::Operator::Over);
    EXPECT_EQ(p[4].inputs, (std::vector<int>{FilterPrimitive::source_graphic, 3}));
    EXPECT_TRUE(d.warnings().empty());
}

// The default filter region is -10% / 120% of the box, in final units; userSpaceOnUse
// takes user units through the transform; width <= 0 is an empty region, warned.
TEST(Filters, Region) {
    const Document d = svg(R"svg(
      <filter id="a"><feFlood/></filter>
      <filter id="b" filterUnits="userSpaceOnUse" x="5" y="6" width="50%" height="20"><feFlood/></filter>
      <filter id="c" width="0"><feFlood/></filter>
      <rect x="10" y="20" width="40" height="20" filter="url(#a)"/>
      <g transform="scale(2)"><rect width="10" height="10" filter="url(#b)"/></g>
      <rect width="10" height="10" filter="url(#c)"/>)svg");
    ASSERT_EQ(d.groups().size(), 3u);
    ASSERT_TRUE(d.groups()[0].filter && d.groups()[0].filter->region);
    EXPECT_EQ(d.groups()[0].filter->region->min, V(6, 18));
    EXPECT_EQ(d.groups()[0].filter->region->max, V(54, 42));
    ASSERT_TRUE(d.groups()[1].filter && d.groups()[1].filter->region);
    EXPECT_EQ(d.groups()[1].filter->region->min, V(10, 12));
    EXPECT_EQ(d.groups()[1].filter->region->max, V(110, 52));
    ASSERT_TRUE(d.groups()[2].filter && d.groups()[2].filter->region);
    EXPECT_EQ(d.groups()[2].filter->region->min, d.groups()[2].filter->region->max);
    EXPECT_TRUE(has_warning(d, "rect (line 7): filter: region width or height is not positive; the element is not drawn"));
}

// feColorMatrix: matrix values as given, saturate and luminanceToAlpha expanded (SVG 1.1
// 15.10), hueRotate 0 the identity; bad values warned and replaced.
TEST(Filters, ColorMatrix) {
    const Document d = svg(R"svg(
      <filter id="m"><feColorMatrix values="1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"/></filter>
      <filter id="s"><feColorMatrix type="saturate" values="0"/></filter>
      <filter id="l"><feColorMatrix type="luminanceToAlpha"/></filter>
      <filter id="h"><feColorMatrix type="hueRotate" values="0"/></filter>
      <filter id="bad"><feColorMatrix values="1 2 3"/><feColorMatrix type="saturate" values="-1"/></filter>
      <filter id="type"><feColorMatrix type="twist"/></filter>
      <rect width="1" height="1" filter="url(#m)"/><rect width="1" height="1" filter="url(#s)"/>
      <rect width="1" height="1" filter="url(#l)"/><rect width="1" height="1" filter="url(#h)"/>
      <rect width="1" height="1" filter="url(#bad)"/>
      <rect width="1" height="1" filter="url(#type)"/>)svg");
    ASSERT_EQ(d.groups().size(), 6u);
    const auto& m = primitives(d, 0)[0].matrix;
    for (std::size_t i = 0; i < 20; ++i) EXPECT_FLOAT_EQ(m[i], float(i + 1));
    const auto& s = primitives(d, 1)[0].matrix;
    EXPECT_FLOAT_EQ(s[0], 0.213f);
    EXPECT_FLOAT_EQ(s[1], 0.715f);
    EXPECT_FLOAT_EQ(s[7], 0.072f);
    EXPECT_FLOAT_EQ(s[18], 1.0f);
    const auto& l = primitives(d, 2)[0].matrix;
    EXPECT_FLOAT_EQ(l[15], 0.2125f);
    EXPECT_FLOAT_EQ(l[0], 0.0f);
    EXPECT_FLOAT_EQ(l[18], 0.0f);
    const auto& h = primitives(d, 3)[0].matrix;
    const std::array<float, 20> identity{1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0};
    for (std::size_t i = 0; i < 20; ++i) EXPECT_NEAR(h[i], identity[i], 1e-6);
    const auto& bad = primitives(d, 4);
    ASSERT_EQ(bad.size(), 2u);
    EXPECT_EQ(bad[0].matrix, identity);
    EXPECT_EQ(bad[1].matrix, identity); // saturate 1
    EXPECT_TRUE(has_warning(d, "rect (line 10): filter: feColorMatrix values \"1 2 3\" is not 20 numbers; using the identity"));
    EXPECT_TRUE(has_warning(d, "rect (line 10): filter: feColorMatrix values \"-1\" is not one number >= 0; using 1"));
    EXPECT_FALSE(d.groups()[5].filter);
    EXPECT_TRUE(has_warning(d, "rect (line 11): filter: feColorMatrix type \"twist\" is not matrix"));
}

// feComposite arithmetic k1..k4 (absent: 0), a bad operator warned (over), a bad number
// warned (its default); feBlend normal is Composite over, another mode unfiltered; a bad
// flood colour is black; a primitive subregion is warned about.
TEST(Filters, CompositeBlendAndBadValues) {
    const Document d = svg(R"svg(
      <filter id="a"><feComposite in2="SourceAlpha" operator="arithmetic" k1="0.5" k3="-2" k4="x"/></filter>
      <filter id="o"><feComposite operator="plus"/><feBlend in="SourceGraphic" in2="SourceAlpha"/></filter>
      <filter id="m"><feBlend mode="multiply"/></filter>
      <filter id="f"><feFlood flood-color="nocolor" flood-opacity="2" x="1"/></filter>
      <rect width="1" height="1" filter="url(#a)"/><rect width="1" height="1" filter="url(#o)"/>
      <rect width="1" height="1" filter="url(#m)"/>
      <rect width="1" height="1" filter="url(#f)"/>)svg");
    ASSERT_EQ(d.groups().size(), 4u);
    const auto& a = primitives(d, 0)[0];
    EXPECT_EQ(a.op, FilterPrimitive::Operator::Arithmetic);
    EXPECT_EQ(a.inputs, (std::vector<int>{FilterPrimitive::source_graphic, FilterPrimitive::source_alpha}));
    EXPECT_EQ(a.k, (std::array<float, 4>{0.5f, 0.0f, -2.0f, 0.0f}));
    EXPECT_TRUE(has_warning(d, "rect (line 6): filter: <feComposite> k4: "));
    const auto& o = primitives(d, 1);
    EXPECT_EQ(o[0].op, FilterPrimitive::Operator::Over);
    EXPECT_TRUE(has_warning(d, "rect (line 6): filter: feComposite operator \"plus\" is not over"));
    EXPECT_EQ(o[1].kind, FilterPrimitive::Kind::Composite);
    EXPECT_EQ(o[1].op, FilterPrimitive::Operator::Over);
    EXPECT_FALSE(d.groups()[2].filter);
    EXPECT_TRUE(has_warning(d, "rect (line 7): filter: feBlend mode \"multiply\" is not supported"));
    const auto& f = primitives(d, 3)[0];
    EXPECT_FLOAT_EQ(f.flood.r, 0.0f);
    EXPECT_FLOAT_EQ(f.flood.a, 1.0f); // opacity clamped to 1
    EXPECT_TRUE(has_warning(d, "rect (line 8): filter: feFlood flood-color: "));
    EXPECT_TRUE(has_warning(d, "rect (line 8): filter: <feFlood> x, y, width, height (a primitive subregion) are not supported"));
}
