// Markers (placement, orientation, units, viewBox, style, limits, warnings), paint-order,
// zero-length sub-paths and dashes as dots, and the properties the reader ignores saying
// so. Expected numbers are worked out by hand from SVG 1.1 11.6 in each test's comment.
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Flatten.hpp>

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

void expect_near(V got, V want, const char* what) {
    EXPECT_NEAR(got.x, want.x, 1e-9) << what;
    EXPECT_NEAR(got.y, want.y, 1e-9) << what;
}

bool has_warning(const Document& d, const std::string& part) {
    return std::any_of(d.warnings().begin(), d.warnings().end(), [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

// A marker of one 2 x 1 rect whose corner (1, 2) is the reference point: the instance's
// first point is the vertex, its second the vertex plus the rotated (2, 0).
const std::string rect_marker =
    R"svg(<marker id="m" markerWidth="10" markerHeight="10" refX="1" refY="2" orient="auto" markerUnits="userSpaceOnUse"
               overflow="visible"><rect x="1" y="2" width="2" height="1"/></marker>)svg";

} // namespace

TEST(Markers, MidVertexOnTheBisector) {
    // M0 0 L10 0 L10 10: the mid vertex (10, 0) comes in along +x (0 degrees) and leaves
    // along +y (90): the bisector is 45 degrees.
    const Document d = svg(rect_marker + R"svg(<path d="M0 0 L10 0 L10 10" fill="none" stroke="black" marker-mid="url(#m)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_EQ(d.shapes()[0].element, "path");
    const Shape& r = d.shapes()[1];
    EXPECT_EQ(r.element, "rect");
    ASSERT_EQ(r.subpaths.size(), 1u);
    const double h = std::sqrt(0.5);
    expect_near(r.subpaths[0].points[0], {10, 0}, "reference point on the vertex");
    expect_near(r.subpaths[0].points[1], {10 + 2 * h, 2 * h}, "(2, 0) turned 45 degrees");
    EXPECT_TRUE(d.warnings().empty()) << d.warnings()[0];
}

TEST(Markers, StartMidsEndInPathOrder) {
    // Every command's end point is a vertex: start (0, 0), mids (10, 0), (10, 10), end
    // (0, 10); orient 0 (a fixed angle of 0).
    const std::string markers = R"svg(<marker id="s" refX="0" refY="0" overflow="visible"><rect width="1" height="1"/></marker>
        <marker id="e" overflow="visible"><circle r="1"/></marker>
        <marker id="i" overflow="visible"><ellipse rx="1" ry="2"/></marker>)svg";
    const Document d = svg(markers + R"svg(<polyline points="0,0 10,0 10,10 0,10" fill="none" stroke="black" stroke-width="1"
        marker-start="url(#s)" marker-mid="url(#i)" marker-end="url(#e)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 5u);
    EXPECT_EQ(d.shapes()[1].element, "rect");
    EXPECT_EQ(d.shapes()[2].element, "ellipse");
    EXPECT_EQ(d.shapes()[3].element, "ellipse");
    EXPECT_EQ(d.shapes()[4].element, "circle");
    // strokeWidth units with stroke-width 1: unscaled; the ellipse's centre on the vertex.
    EXPECT_EQ(d.shapes()[2].transform.apply({0, 0}), (V{10, 0}));
    EXPECT_EQ(d.shapes()[3].transform.apply({0, 0}), (V{10, 10}));
    EXPECT_EQ(d.shapes()[4].transform.apply({0, 0}), (V{0, 10}));
}

TEST(Markers, CurveEndTangentsAndReverse) {
    // C 10 0, 20 10, 20 20 from (0, 0): it leaves along (10, 0), 0 degrees, and arrives
    // along (20, 20) - (20, 10), 90 degrees. auto-start-reverse turns the start by 180.
    const std::string markers =
        R"svg(<marker id="a" orient="auto" markerUnits="userSpaceOnUse" overflow="visible"><rect width="2" height="1"/></marker>
           <marker id="r" orient="auto-start-reverse" markerUnits="userSpaceOnUse" overflow="visible"><rect width="2" height="1"/></marker>)svg";
    const Document d = svg(markers + R"svg(<path d="M0 0 C 10 0, 20 10, 20 20" fill="none" stroke="black"
        marker-start="url(#r)" marker-end="url(#a)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 3u);
    expect_near(d.shapes()[1].transform.apply({2, 0}), {-2, 0}, "start reversed: 180 degrees");
    expect_near(d.shapes()[2].transform.apply({2, 0}), {20, 22}, "end tangent: 90 degrees");
    // A control point on the end point: the other one gives the direction (SVG 1.1 F.5).
    const Document e = svg(markers + R"svg(<path d="M0 0 C 0 0, 10 10, 10 0" fill="none" stroke="black" marker-start="url(#a)"/>)svg");
    ASSERT_EQ(e.shapes().size(), 2u);
    const double h = std::sqrt(0.5);
    expect_near(e.shapes()[1].transform.apply({2, 0}), {2 * h, 2 * h}, "towards the second control point");
}

TEST(Markers, ClosepathVertexBisectsWithTheFirstSegment) {
    // M0 0 H10 V10 H0 z: the closepath's vertex comes in along -y (-90 degrees) and goes
    // on along the first segment, +x (0): -45. The start looks only forward: 0 (as
    // rsvg-convert draws it).
    const std::string marker =
        R"svg(<marker id="a" orient="auto" markerUnits="userSpaceOnUse" overflow="visible"><rect width="2" height="1"/></marker>)svg";
    const Document d = svg(marker + R"svg(<path d="M0 0 H10 V10 H0 z" fill="none" stroke="black" marker-start="url(#a)" marker-end="url(#a)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 3u);
    const double h = std::sqrt(0.5);
    expect_near(d.shapes()[1].transform.apply({2, 0}), {2, 0}, "start");
    expect_near(d.shapes()[2].transform.apply({2, 0}), {2 * h, -2 * h}, "end");
}

TEST(Markers, UnitsViewBoxAndAngles) {
    // markerUnits strokeWidth (the default) scales by stroke-width 2; viewBox 0 0 10 10 in
    // markerWidth 5 halves; so a content unit is 1 user unit. refX 10 (content) is the
    // viewport's 5, so the content's (10, 0) sits on the vertex. orient 0.25turn is 90.
    const Document d = svg(R"svg(<marker id="m" viewBox="0 0 10 10" markerWidth="5" markerHeight="5" refX="10" orient="0.25turn"
        overflow="visible"><rect width="10" height="10"/></marker>
        <line x1="20" y1="30" x2="50" y2="30" stroke="black" stroke-width="2" marker-end="url(#m)"/>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    expect_near(d.shapes()[1].transform.apply({10, 0}), {50, 30}, "reference point");
    expect_near(d.shapes()[1].transform.apply({0, 0}), {50, 20}, "(-10, 0) turned 90 degrees");
    EXPECT_TRUE(d.warnings().empty());
}

TEST(Markers, StyleFromTheMarkersAncestors) {
    // The content inherits from the marker's ancestors (red), not from the path (blue).
    const Document d = svg(R"svg(<defs fill="#f00"><marker id="m" overflow="visible"><rect width="1" height="1"/></marker></defs>
        <g fill="#00f"><path d="M0 0 L10 0" stroke="black" marker-end="url(#m)"/></g>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    ASSERT_TRUE(d.shapes()[1].fill);
    EXPECT_EQ(d.shapes()[1].fill->color, (Color{1, 0, 0, 1}));
}

TEST(Markers, Warnings) {
    EXPECT_EQ(svg(R"svg(<path d="M0 0 L1 1" stroke="red" marker-end="url(#nothing)"/>)svg").warnings(),
              (std::vector<std::string>{"path (line 1): marker \"#nothing\" refers to no element; ignored"}));
    EXPECT_EQ(svg(R"svg(<rect id="r" width="1" height="1"/><path d="M0 0 L1 1" stroke="red" marker-end="url(#r)"/>)svg").warnings(),
              (std::vector<std::string>{"path (line 1): marker \"#r\" refers to a <rect>, not a <marker>; ignored"}));
    EXPECT_EQ(svg(R"svg(<path d="M0 0 L1 1" stroke="red" marker-end="#m"/>)svg").warnings(),
              (std::vector<std::string>{"path (line 1): marker-end: expected url(#id) or none, found \"#m\"; ignored"}));
    // A marker drawn inside itself: once, then the loop is cut.
    const Document loop = svg(R"svg(<marker id="m" overflow="visible"><path d="M0 0 L1 0" stroke="red" marker-end="url(#m)"/></marker>
        <path d="M0 0 L5 0" stroke="red" marker-end="url(#m)"/>)svg");
    EXPECT_EQ(loop.shapes().size(), 2u);
    EXPECT_TRUE(has_warning(loop, "marker \"#m\" is drawn inside itself; skipped there"));
    // overflow hidden (the default) and content outside the viewport: said, once.
    const Document hidden = svg(R"svg(<marker id="m" markerWidth="2" markerHeight="2"><rect x="-5" width="4" height="1"/></marker>
        <path d="M0 0 L5 0 L9 9" stroke="red" marker-start="url(#m)" marker-mid="url(#m)"/>)svg");
    EXPECT_EQ(hidden.shapes().size(), 3u);
    EXPECT_EQ(std::count_if(hidden.warnings().begin(), hidden.warnings().end(),
                            [](const std::string& w) { return w.find("reaches outside its viewport") != std::string::npos; }),
              1);
    // Content inside its viewport is exact: nothing to say.
    EXPECT_TRUE(svg(R"svg(<marker id="m" markerWidth="2" markerHeight="2"><rect x="0.5" y="0.5" width="1" height="1"/></marker>
        <path d="M0 0 L5 0" stroke="red" marker-end="url(#m)"/>)svg").warnings().empty());
    const Document orient = svg(R"svg(<marker id="m" orient="sideways"><rect width="1" height="1"/></marker>
        <path d="M0 0 L5 0" stroke="red" marker-end="url(#m)"/>)svg");
    EXPECT_TRUE(has_warning(orient, "orient: expected auto, auto-start-reverse or an angle, found \"sideways\"; using 0"));
    // markerWidth="0" disables the marker, silently, as SVG says.
    const Document zero = svg(R"svg(<marker id="m" markerWidth="0"><rect width="1" height="1"/></marker>
        <path d="M0 0 L5 0" stroke="red" marker-end="url(#m)"/>)svg");
    EXPECT_EQ(zero.shapes().size(), 1u);
    EXPECT_TRUE(zero.warnings().empty());
}

TEST(Markers, InstancesAreBounded) {
    // A million vertices with a marker-mid of 10 elements: max_marker_elements / 10
    // instances, then one warning, not ten million shapes.
    std::string d = "M0 0";
    d.reserve(6'000'000);
    for (int i = 0; i < 1'000'000; ++i) d += (i % 2 == 0) ? " l1 0" : " l0 1";
    std::string content;
    for (int i = 0; i < 10; ++i) content += "<rect width=\"1\" height=\"1\"/>";
    const Document doc = svg("<marker id=\"m\" overflow=\"visible\">" + content + "</marker><path d=\"" + d +
                             "\" fill=\"none\" stroke=\"black\" marker-mid=\"url(#m)\"/>");
    EXPECT_EQ(doc.shapes().size(), 1u + 100'000u);
    EXPECT_EQ(doc.warnings(), (std::vector<std::string>{"path (line 1): markers instantiate more than 100000 elements; the rest are skipped"}));
}

TEST(PaintOrder, StrokeBeforeFillSplitsTheShape) {
    const Document d = svg(R"svg(<rect width="10" height="10" fill="red" stroke="blue" paint-order="stroke"/>
        <rect width="10" height="10" fill="red" stroke="blue" style="paint-order: normal"/>)svg");
    ASSERT_EQ(d.shapes().size(), 3u);
    EXPECT_FALSE(d.shapes()[0].fill);
    EXPECT_TRUE(d.shapes()[0].stroke);
    EXPECT_TRUE(d.shapes()[1].fill);
    EXPECT_FALSE(d.shapes()[1].stroke);
    EXPECT_TRUE(d.shapes()[2].fill && d.shapes()[2].stroke);
    // markers first: beneath the shape.
    const Document m = svg(rect_marker + R"svg(<path d="M0 0 L10 0" stroke="blue" marker-end="url(#m)" paint-order="markers"/>)svg");
    ASSERT_EQ(m.shapes().size(), 2u);
    EXPECT_EQ(m.shapes()[0].element, "rect");
    EXPECT_EQ(m.shapes()[1].element, "path");
    EXPECT_EQ(svg(R"svg(<rect width="1" height="1" paint-order="fill fill"/>)svg").warnings(),
              (std::vector<std::string>{"rect (line 1): paint-order: \"fill\" twice in \"fill fill\"; ignored"}));
}

TEST(Dots, ZeroLengthSubpathsWithCaps) {
    EXPECT_EQ(zero_length_subpaths(PathData::parse("M10 10 z M20 20 L20 20 M30 30 M40 40 L41 40 M50 50 C50 50 50 50 50 50")),
              (std::vector<V>{{10, 10}, {20, 20}, {50, 50}}));
    const Document d = svg(R"svg(<path d="M10 10 z" stroke="black" stroke-width="4" stroke-linecap="round"/>
        <path d="M10 10 z" stroke="black" stroke-width="4"/>)svg");
    ASSERT_EQ(d.shapes().size(), 1u); // butt caps paint nothing
    const Shape& s = d.shapes()[0];
    ASSERT_EQ(s.subpaths.size(), 1u);
    ASSERT_EQ(s.subpaths[0].points.size(), 2u);
    EXPECT_EQ(0.5 * (s.subpaths[0].points[0] + s.subpaths[0].points[1]), (V{10, 10}));
    EXPECT_GT(s.subpaths[0].points[1].x, s.subpaths[0].points[0].x); // along the user x axis
    EXPECT_LT(s.subpaths[0].points[1].x - s.subpaths[0].points[0].x, 0.01);
}

TEST(Dots, ZeroLengthDashes) {
    // "0 10" on a 35 long line: dots at 0, 10, 20 and 30.
    const std::vector<Polyline> line{Polyline{{{0, 0}, {35, 0}}, false}};
    const double pattern[] = {0.0, 10.0};
    EXPECT_TRUE(dash(line, pattern, 0.0).empty());
    const std::vector<Polyline> dots = dash(line, pattern, 0.0, SIZE_MAX, 0.5);
    ASSERT_EQ(dots.size(), 4u);
    for (std::size_t i = 0; i < dots.size(); ++i)
        EXPECT_EQ(dots[i].points, (std::vector<V>{{10.0 * i - 0.25, 0}, {10.0 * i + 0.25, 0}}));
    // Along the path's direction (a vertical line: vertical dots).
    const std::vector<Polyline> up{Polyline{{{0, 0}, {0, 5}}, false}};
    const std::vector<Polyline> v = dash(up, pattern, 0.0, SIZE_MAX, 1.0);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].points, (std::vector<V>{{0, -0.5}, {0, 0.5}}));
    const Document doc = svg(R"svg(<path d="M0 5 H35" stroke="black" stroke-linecap="round" stroke-dasharray="0 10"/>)svg");
    ASSERT_EQ(doc.shapes().size(), 1u);
    ASSERT_TRUE(doc.shapes()[0].stroke->dashes);
    EXPECT_EQ(doc.shapes()[0].stroke->dashes->size(), 4u);
}

TEST(SaySo, IgnoredPropertiesWarn) {
    const auto w = [](const std::string& body) { return svg(body).warnings(); };
    EXPECT_EQ(w(R"svg(<rect width="1" height="1" style="mix-blend-mode: multiply; isolation: isolate"/>)svg"),
              (std::vector<std::string>{"rect (line 1): mix-blend-mode is not supported; ignored",
                                        "rect (line 1): isolation is not supported; ignored"}));
    EXPECT_EQ(w(R"svg(<rect width="1" height="1" stroke="red" vector-effect="non-scaling-stroke"/>)svg"),
              (std::vector<std::string>{"rect (line 1): vector-effect is not supported; ignored"}));
    // Their initial values, and the hints the reader ignores by decision, say nothing.
    EXPECT_TRUE(w(R"svg(<rect width="1" height="1" style="mix-blend-mode:normal;isolation:auto;vector-effect:none;
        shape-rendering:crispEdges;enable-background:new;color-interpolation-filters:sRGB;overflow:visible"/>)svg").empty());
    EXPECT_EQ(w(R"svg(<rect width="1" height="1" overflow="sideways"/>)svg"),
              (std::vector<std::string>{"rect (line 1): overflow: expected visible, auto, hidden or scroll, found \"sideways\"; ignored"}));
}

TEST(Markers, NestedMarkersShareTheBudget) {
    // Markers whose content has markers: 200 mids of a marker with 200 mids of a marker
    // of 10 elements would be 400,000 elements; the budget stops them at 100,000.
    std::string d = "M0 0";
    for (int i = 0; i < 201; ++i) d += " l1 0";
    std::string content;
    for (int i = 0; i < 10; ++i) content += "<rect width=\"1\" height=\"1\"/>";
    const Document doc = svg("<marker id=\"c\" overflow=\"visible\">" + content + "</marker>" +
                             "<marker id=\"b\" overflow=\"visible\"><path d=\"" + d + "\" stroke=\"red\" marker-mid=\"url(#c)\"/></marker>" +
                             "<path d=\"" + d + "\" stroke=\"red\" marker-mid=\"url(#b)\"/>");
    EXPECT_LE(doc.shapes().size(), 1u + max_marker_elements);
    EXPECT_GT(doc.shapes().size(), max_marker_elements / 2);
    EXPECT_TRUE(has_warning(doc, "markers instantiate more than 100000 elements; the rest are skipped"));
}
