// Compositing groups (Group.hpp): group opacity kept apart from the shapes' colours,
// clip-path, mask and filter resolved into final units, and the bounds on what they add.
#include <glumpp/svg/Document.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace glumpp::svg;
using V = glm::dvec2;

namespace {

Document svg(const std::string& body, const std::string& attributes = "width=\"100\" height=\"100\"") {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + ">" + body + "</svg>");
}

bool has_warning(const Document& d, const std::string& text) {
    return std::any_of(d.warnings().begin(), d.warnings().end(), [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

/// The box of a list of shapes' points.
std::pair<V, V> box(const std::vector<Shape>& shapes) {
    V lo(1e300), hi(-1e300);
    for (const Shape& s : shapes)
        for (const Polyline& p : s.subpaths)
            for (const V q : p.points) {
                lo = glm::min(lo, q);
                hi = glm::max(hi, q);
            }
    return {lo, hi};
}

} // namespace

// Opacity on a container is the group's: its shapes keep their own alpha. A shape both
// filled and stroked is a group of its own; a shape only filled folds its opacity in
// (exact: nothing of it overlaps).
TEST(Compositing, GroupOpacityIsNotMultipliedIntoShapes) {
    const Document d = svg(R"svg(
      <g id="outer" opacity="0.5" fill="blue">
        <rect width="1" height="1" fill-opacity="0.5"/>
        <g opacity="50%"><rect width="1" height="1" stroke="red"/></g>
      </g>
      <rect id="lone" width="1" height="1" fill="lime" opacity="0.25"/>
      <rect id="both" width="1" height="1" fill="lime" stroke="black" opacity="0.25"/>)svg");
    ASSERT_EQ(d.shapes().size(), 4u);
    ASSERT_EQ(d.groups().size(), 3u);
    EXPECT_EQ(d.groups()[0].parent, -1);
    EXPECT_EQ(d.groups()[0].opacity, 0.5f);
    EXPECT_EQ(d.groups()[0].name, "g#outer (line 2)");
    EXPECT_EQ(d.groups()[1].parent, 0);
    EXPECT_EQ(d.groups()[1].opacity, 0.5f);
    EXPECT_EQ(d.groups()[2].parent, -1);
    EXPECT_EQ(d.groups()[2].opacity, 0.25f);
    EXPECT_EQ(d.shapes()[0].group, 0);
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{0, 0, 1, 0.5f})); // fill-opacity only
    EXPECT_EQ(d.shapes()[1].group, 1);
    EXPECT_EQ(d.shapes()[1].fill->color, (Color{0, 0, 1, 1}));
    EXPECT_EQ(d.shapes()[1].stroke->color, (Color{1, 0, 0, 1}));
    EXPECT_EQ(d.shapes()[2].group, -1);
    EXPECT_EQ(d.shapes()[2].fill->color, (Color{0, 1, 0, 0.25f})); // folded
    EXPECT_EQ(d.shapes()[3].group, 2);
    EXPECT_EQ(d.shapes()[3].fill->color, (Color{0, 1, 0, 1}));
    EXPECT_TRUE(d.warnings().empty());
}

// userSpaceOnUse: the clip's shapes in the referencing element's user space (its own
// transform included), then the clipPath's transform; objectBoundingBox: in fractions of
// the element's box. Clip shapes are white fills under clip-rule, never stroked.
TEST(Compositing, ClipPathUnits) {
    const Document d = svg(R"svg(
      <clipPath id="u" transform="translate(5 0)"><rect x="0" y="0" width="10" height="20" stroke="red" clip-rule="evenodd"/></clipPath>
      <clipPath id="b" clipPathUnits="objectBoundingBox"><rect x="0.25" y="0.5" width="0.5" height="0.5"/></clipPath>
      <g transform="scale(2)" clip-path="url(#u)"><rect width="30" height="30"/></g>
      <rect x="40" y="10" width="40" height="20" clip-path="url(#b)" transform="translate(0 10)"/>)svg");
    ASSERT_EQ(d.groups().size(), 2u);
    ASSERT_EQ(d.groups()[0].clip.size(), 1u);
    const ClipPath& u = d.groups()[0].clip[0];
    EXPECT_EQ(u.name, "clipPath#u (line 2)");
    ASSERT_EQ(u.shapes.size(), 1u);
    EXPECT_EQ(u.shapes[0].fill->rule, FillRule::EvenOdd);
    EXPECT_EQ(u.shapes[0].fill->color, (Color{1, 1, 1, 1}));
    EXPECT_FALSE(u.shapes[0].stroke);
    EXPECT_EQ(box(u.shapes), (std::pair<V, V>{V(10, 0), V(30, 40)}));
    const ClipPath& b = d.groups()[1].clip[0];
    // The rect's box is (40, 10)-(80, 30) in its user space, (40, 20)-(80, 40) in final units.
    EXPECT_EQ(box(b.shapes), (std::pair<V, V>{V(50, 30), V(70, 40)}));
    EXPECT_EQ(b.shapes[0].fill->rule, FillRule::NonZero);
    EXPECT_EQ(d.shapes()[1].group, 1); // a lone shape with a clip-path is its own group
    EXPECT_TRUE(d.warnings().empty());
}

// A clipPath's own clip-path intersects; references that loop, or nest past
// max_clip_depth, stop with a warning; a reference to nothing clips nothing.
TEST(Compositing, NestedClipPathsAndTheirBounds) {
    std::string defs;
    for (int k = 0; k < max_clip_depth + 3; ++k)
        defs += "<clipPath id=\"c" + std::to_string(k) + "\" clip-path=\"url(#c" + std::to_string(k + 1) +
                ")\"><rect width=\"" + std::to_string(90 - k) + "\" height=\"50\"/></clipPath>";
    const Document d = svg(defs + R"svg(
      <clipPath id="loop" clip-path="url(#loop)"><rect width="5" height="5"/></clipPath>
      <rect width="10" height="10" clip-path="url(#c0)"/>
      <rect width="10" height="10" clip-path="url(#loop)"/>
      <rect width="10" height="10" clip-path="url(#nothing)"/>)svg");
    ASSERT_EQ(d.groups().size(), 3u);
    ASSERT_EQ(d.groups()[0].clip.size(), std::size_t(max_clip_depth));
    EXPECT_EQ(box(d.groups()[0].clip[7].shapes).second, V(83, 50));
    EXPECT_TRUE(has_warning(d, "clipPath#c7 (line 1): clip-path: clipPath references nested more than 8 deep"));
    EXPECT_EQ(d.groups()[1].clip.size(), 1u);
    EXPECT_TRUE(has_warning(d, "clipPath#loop (line 2): clip-path: url(#loop) refers back to itself"));
    EXPECT_TRUE(d.groups()[2].clip.empty());
    EXPECT_TRUE(has_warning(d, "rect (line 5): clip-path: url(#nothing) refers to no clipPath; not clipped"));
}

// A mask's content is read as shapes (gradients resolved); maskContentUnits
// objectBoundingBox places it in the element's box; opacity inside is folded into the
// shapes, clip-path inside is warned about.
TEST(Compositing, MaskContent) {
    const Document d = svg(R"svg(
      <linearGradient id="g"><stop stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient>
      <mask id="m"><rect width="50" height="50" fill="url(#g)"/><g opacity="0.5"><circle r="5" fill="#fff"/></g></mask>
      <mask id="b" maskContentUnits="objectBoundingBox"><rect width="0.5" height="1" fill="#fff" clip-path="url(#m)"/></mask>
      <g mask="url(#m)"><rect width="10" height="10"/></g>
      <rect x="20" y="20" width="40" height="10" mask="url(#b)"/>)svg");
    ASSERT_EQ(d.groups().size(), 2u);
    ASSERT_TRUE(d.groups()[0].mask);
    const Mask& m = *d.groups()[0].mask;
    EXPECT_EQ(m.name, "mask#m (line 3)");
    ASSERT_EQ(m.shapes.size(), 2u);
    EXPECT_TRUE(m.shapes[0].fill->gradient);
    EXPECT_EQ(m.shapes[1].fill->color, (Color{1, 1, 1, 0.5f}));
    EXPECT_EQ(m.shapes[1].group, -1);
    ASSERT_TRUE(d.groups()[1].mask);
    EXPECT_EQ(box(d.groups()[1].mask->shapes), (std::pair<V, V>{V(20, 20), V(40, 30)}));
    EXPECT_TRUE(has_warning(d, "rect (line 4): clip-path, mask and filter inside a mask or clipPath are not supported; ignored"));
    EXPECT_EQ(d.shapes().size(), 2u); // the mask's content is not drawn in place
}

// Filters: blur, offset and merge with their inputs; stdDeviation and dx, dy scaled to
// final units along x and y; any other primitive draws the element unfiltered.
TEST(Compositing, FilterPrimitives) {
    const Document d = svg(R"svg(
      <filter id="shadow"><feGaussianBlur in="SourceAlpha" stdDeviation="2 1" result="b"/>
        <feOffset dx="3" dy="4" result="o"/><feMerge><feMergeNode in="o"/><feMergeNode in="SourceGraphic"/></feMerge></filter>
      <filter id="box" primitiveUnits="objectBoundingBox"><feGaussianBlur stdDeviation="0.1"/></filter>
      <filter id="flood"><feTurbulence baseFrequency="0.1"/></filter>
      <g transform="scale(2 3)" filter="url(#shadow)"><rect width="10" height="10"/></g>
      <rect width="40" height="20" filter="url(#box)"/>
      <rect width="10" height="10" filter="url(#flood)"/>)svg");
    ASSERT_EQ(d.groups().size(), 3u);
    ASSERT_TRUE(d.groups()[0].filter);
    const auto& p = d.groups()[0].filter->primitives;
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].kind, FilterPrimitive::Kind::GaussianBlur);
    EXPECT_EQ(p[0].inputs, std::vector<int>{FilterPrimitive::source_alpha});
    EXPECT_EQ(p[0].std_deviation, V(4, 3));
    EXPECT_EQ(p[1].kind, FilterPrimitive::Kind::Offset);
    EXPECT_EQ(p[1].inputs, std::vector<int>{0}); // the previous result
    EXPECT_EQ(p[1].offset, V(6, 12));
    EXPECT_EQ(p[2].kind, FilterPrimitive::Kind::Merge);
    EXPECT_EQ(p[2].inputs, (std::vector<int>{1, FilterPrimitive::source_graphic}));
    ASSERT_TRUE(d.groups()[1].filter);
    EXPECT_EQ(d.groups()[1].filter->primitives[0].std_deviation, V(4, 2));
    EXPECT_FALSE(d.groups()[2].filter);
    EXPECT_TRUE(has_warning(d, "rect (line 8): filter: primitive <feTurbulence> is not supported; drawn unfiltered"));
}

// Bounds: max_groups groups, max_group_depth nesting, max_filter_primitives primitives;
// past them the element is drawn ungrouped (opacity folded in), with a warning.
TEST(Compositing, GroupBounds) {
    std::string many;
    for (std::size_t k = 0; k < max_groups + 10; ++k) many += "<g opacity=\"0.5\"><rect width=\"1\" height=\"1\"/></g>";
    const Document a = svg(many);
    EXPECT_EQ(a.groups().size(), max_groups);
    EXPECT_EQ(a.shapes().back().group, -1);
    EXPECT_EQ(a.shapes().back().fill->color.a, 0.5f);
    EXPECT_TRUE(has_warning(a, "opacity past the document's 256 compositing groups is multiplied into each shape"));

    std::string deep;
    for (int k = 0; k < max_group_depth + 4; ++k) deep += "<g opacity=\"0.5\">";
    deep += "<rect width=\"1\" height=\"1\"/>";
    for (int k = 0; k < max_group_depth + 4; ++k) deep += "</g>";
    const Document b = svg(deep);
    EXPECT_EQ(b.groups().size(), std::size_t(max_group_depth));
    EXPECT_EQ(b.shapes()[0].group, max_group_depth - 1);
    EXPECT_EQ(b.shapes()[0].fill->color.a, 0.0625f); // four levels folded
    EXPECT_TRUE(has_warning(b, "nested in more than 16 compositing groups"));

    std::string filter = "<filter id=\"f\">";
    for (std::size_t k = 0; k < max_filter_primitives + 1; ++k) filter += "<feOffset dx=\"1\"/>";
    const Document c = svg(filter + "</filter><rect width=\"1\" height=\"1\" filter=\"url(#f)\"/>");
    ASSERT_EQ(c.groups().size(), 1u);
    EXPECT_FALSE(c.groups()[0].filter);
    EXPECT_TRUE(has_warning(c, "filter: more than 16 primitives; drawn unfiltered"));
}

// Bad values: a clip-path that is not url(#id), a negative stdDeviation.
TEST(Compositing, BadValuesWarn) {
    const Document d = svg(R"svg(
      <filter id="neg"><feGaussianBlur stdDeviation="-1"/></filter>
      <rect width="1" height="1" clip-path="circle(50%)"/>
      <rect width="1" height="1" filter="url(#neg)"/>)svg");
    EXPECT_TRUE(has_warning(d, "rect (line 3): clip-path: expected none or url(#id), found \"circle(50%)\"; ignored"));
    EXPECT_TRUE(has_warning(d, "rect (line 4): filter: feGaussianBlur stdDeviation \"-1\" is not one or two numbers >= 0"));
    EXPECT_EQ(d.shapes()[0].group, -1);
}

// A mask whose content cannot all be read (an image: Illustrator's opacity masks) is
// ignored, with a warning, rather than hiding what the missing part would show.
TEST(Compositing, MaskWithUnsupportedContentIsIgnored) {
    const Document d = svg(R"svg(
      <mask id="m"><image width="10" height="10" href="data:,"/><rect width="5" height="5" fill="#fff"/></mask>
      <g mask="url(#m)"><rect width="10" height="10"/></g>)svg");
    ASSERT_EQ(d.groups().size(), 1u);
    EXPECT_FALSE(d.groups()[0].mask);
    EXPECT_TRUE(has_warning(d, "g (line 3): mask: url(#m) holds elements that are not supported; not masked"));
}
