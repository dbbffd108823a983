// SVG documents: elements, viewports, style cascade and inheritance, use, and the exact
// warnings and errors for malformed input.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Tessellator.hpp>
#include <glumpp/svg/Document.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>

using glumpp::IoError;
using glumpp::ParseError;
using glumpp::ValueError;
using glumpp::svg::FillRule;
using glumpp::svg::tessellate;
using namespace glumpp::svg;
using glumpp::test::message_of;
using V = glm::dvec2;

namespace {

Document svg(const std::string& body, const std::string& attributes = "width=\"100\" height=\"100\"") {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + ">" + body + "</svg>");
}

std::vector<std::string> warnings(const std::string& body) { return svg(body).warnings(); }

double filled_area(const Shape& s) {
    return tessellate(s.subpaths, s.fill ? s.fill->rule : FillRule::NonZero).area();
}

} // namespace

TEST(Document, ShapesWithDefaultStyle) {
    const Document d = svg("<rect x=\"10\" y=\"20\" width=\"30\" height=\"40\"/>");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Shape& s = d.shapes()[0];
    EXPECT_EQ(s.element, "rect");
    ASSERT_TRUE(s.fill);
    EXPECT_EQ(s.fill->color, (Color{0, 0, 0, 1})); // SVG's default fill is black
    EXPECT_EQ(s.fill->rule, FillRule::NonZero);
    EXPECT_FALSE(s.stroke); // and its default stroke none
    ASSERT_EQ(s.subpaths.size(), 1u);
    EXPECT_TRUE(s.subpaths[0].closed);
    EXPECT_EQ(s.subpaths[0].points, (std::vector<V>{{10, 20}, {40, 20}, {40, 60}, {10, 60}}));
    EXPECT_TRUE(d.warnings().empty());
    EXPECT_EQ(d.width(), 100.0);
    EXPECT_EQ(d.height(), 100.0);
}

TEST(Document, EveryBasicShape) {
    const Document d = svg(R"svg(
        <circle cx="50" cy="50" r="20"/>
        <ellipse cx="50" cy="50" rx="20" ry="10"/>
        <rect width="40" height="20" rx="5"/>
        <line x1="0" y1="0" x2="10" y2="10" stroke="red"/>
        <polyline points="0,0 10,0 10,10" fill="none" stroke="blue"/>
        <polygon points="0 0 10 0 10 10"/>
        <path d="M 0 0 L 10 0 L 0 10 Z"/>)svg");
    ASSERT_EQ(d.shapes().size(), 7u);
    const double pi = std::numbers::pi;
    // Areas within what a 0.25 px tolerance allows.
    EXPECT_NEAR(filled_area(d.shapes()[0]), pi * 400, 0.25 * 2 * pi * 20);
    EXPECT_NEAR(filled_area(d.shapes()[1]), pi * 200, 0.25 * 2 * pi * 20);
    EXPECT_NEAR(filled_area(d.shapes()[2]), 800 - (4 - pi) * 25, 0.25 * 120);
    // A line has no fill, even with the default black.
    EXPECT_FALSE(d.shapes()[3].fill);
    EXPECT_EQ(d.shapes()[3].subpaths[0].points, (std::vector<V>{{0, 0}, {10, 10}}));
    EXPECT_FALSE(d.shapes()[4].subpaths[0].closed);
    EXPECT_TRUE(d.shapes()[5].subpaths[0].closed);
    EXPECT_NEAR(filled_area(d.shapes()[5]), 50.0, 1e-12);
    EXPECT_EQ(d.shapes()[6].element, "path");
    // Rounded corners: ry defaults to rx, both clamp to half the side.
    const Document r = svg("<rect width=\"10\" height=\"4\" ry=\"30\"/>");
    const auto b = r.bounds();
    ASSERT_TRUE(b);
    EXPECT_NEAR(b->min.x, 0, 1e-12);
    EXPECT_NEAR(b->max.x, 10, 1e-12);
    EXPECT_NEAR(filled_area(r.shapes()[0]), pi * 2 * 2 + 6 * 4, 0.25 * 30);
    // Zero sizes disable rendering without a warning.
    const Document z = svg("<rect width=\"0\" height=\"10\"/><circle r=\"0\"/><ellipse rx=\"1\"/><polyline points=\"\"/>");
    EXPECT_TRUE(z.shapes().empty());
    EXPECT_TRUE(z.warnings().empty());
}

TEST(Document, TransformsComposeDownTheTree) {
    const Document d = svg(R"svg(<g transform="translate(10 20)"><g transform="scale(2)">
        <rect width="1" height="1" transform="rotate(90)" stroke="black" stroke-width="3"/></g></g>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Shape& s = d.shapes()[0];
    EXPECT_EQ(s.subpaths[0].points, (std::vector<V>{{10, 20}, {10, 22}, {8, 22}, {8, 20}}));
    EXPECT_EQ(s.transform, Transform::translate(10, 20) * Transform::scale(2) * Transform::rotate(90));
    ASSERT_TRUE(s.stroke);
    EXPECT_EQ(s.stroke->user_width, 3.0);
    EXPECT_EQ(s.stroke->width, 6.0);
}

TEST(Document, StyleCascadeAndInheritance) {
    const Document d = svg(R"svg(
      <g fill="red" stroke="blue" stroke-width="2" style="fill-opacity: 0.5">
        <rect width="1" height="1"/>
        <rect width="1" height="1" fill="lime"/>
        <rect width="1" height="1" fill="lime" style="fill:yellow"/>
        <rect width="1" height="1" style="fill: inherit; stroke: none !important"/>
        <g stroke-linejoin="round" stroke-linecap="square" stroke-miterlimit="7" fill-rule="evenodd">
          <rect width="1" height="1"/>
        </g>
      </g>)svg");
    ASSERT_EQ(d.shapes().size(), 5u);
    const auto& s = d.shapes();
    EXPECT_EQ(s[0].fill->color, (Color{1, 0, 0, 0.5f}));
    EXPECT_EQ(s[0].stroke->color, (Color{0, 0, 1, 1}));
    EXPECT_EQ(s[0].stroke->width, 2.0);
    EXPECT_EQ(s[1].fill->color, (Color{0, 1, 0, 0.5f}));   // own presentation attribute beats inheritance
    EXPECT_EQ(s[2].fill->color, (Color{1, 1, 0, 0.5f}));   // style beats presentation attribute
    EXPECT_EQ(s[3].fill->color, (Color{1, 0, 0, 0.5f}));   // inherit
    EXPECT_FALSE(s[3].stroke);
    EXPECT_EQ(s[4].stroke->join, LineJoin::Round);
    EXPECT_EQ(s[4].stroke->cap, LineCap::Square);
    EXPECT_EQ(s[4].stroke->miter_limit, 7.0);
    EXPECT_EQ(s[4].fill->rule, FillRule::EvenOdd);
    EXPECT_TRUE(d.warnings().empty());
}

// Group opacity is the groups' (test_compositing.cpp), not multiplied into the colours.
TEST(Document, OpacityIsTheGroupsAndCurrentColorFollowsColor) {
    const Document d = svg(R"svg(
      <g opacity="0.5" color="blue" fill="currentColor">
        <rect width="1" height="1" fill-opacity="0.5"/>
        <g opacity="50%"><rect width="1" height="1" color="lime" stroke="currentColor" stroke-opacity="0.5"/></g>
      </g>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{0, 0, 1, 0.5f}));
    EXPECT_EQ(d.shapes()[1].fill->color, (Color{0, 1, 0, 1.0f}));
    EXPECT_EQ(d.shapes()[1].stroke->color, (Color{0, 1, 0, 0.5f}));
    ASSERT_EQ(d.groups().size(), 2u);
    EXPECT_EQ(d.groups()[1].opacity, 0.5f);
}

TEST(Document, DisplayAndVisibility) {
    const Document d = svg(R"svg(
      <g display="none"><rect width="1" height="1"/></g>
      <g visibility="hidden"><rect id="hidden" width="1" height="1"/><rect id="shown" width="1" height="1" visibility="visible"/></g>
      <rect id="styled" width="1" height="1" style="display:none"/>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.shapes()[0].id, "shown");
}

TEST(Document, ViewBoxAndPreserveAspectRatio) {
    const std::string square = "<rect width=\"100\" height=\"100\"/>";
    auto bounds = [&](const std::string& attributes) {
        const Document d = svg(square, attributes);
        EXPECT_TRUE(d.warnings().empty()) << d.warnings()[0];
        return *d.bounds();
    };
    // Default xMidYMid meet: scale 1, centred horizontally.
    auto b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\"");
    EXPECT_EQ(b.min, V(50, 0));
    EXPECT_EQ(b.max, V(150, 100));
    b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"xMinYMin meet\"");
    EXPECT_EQ(b.min, V(0, 0));
    b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"xMaxYMax\"");
    EXPECT_EQ(b.min, V(100, 0));
    b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"xMidYMin slice\"");
    EXPECT_EQ(b.min, V(0, 0));
    EXPECT_EQ(b.max, V(200, 200));
    b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"xMidYMax slice\"");
    EXPECT_EQ(b.min, V(0, -100));
    b = bounds("width=\"200\" height=\"100\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"none\"");
    EXPECT_EQ(b.max, V(200, 100));
    b = bounds("width=\"100\" height=\"100\" viewBox=\"50 50 200 200\"");
    EXPECT_EQ(b.min, V(-25, -25));
    EXPECT_EQ(b.max, V(25, 25));
    // No width/height: the viewBox's size; units convert at 96 px per inch.
    const Document d = svg(square, "viewBox=\"0 0 300 150\"");
    EXPECT_EQ(d.width(), 300.0);
    EXPECT_EQ(d.height(), 150.0);
    EXPECT_EQ(*d.view_box(), (ViewBox{0, 0, 300, 150}));
    const Document inches = svg(square, "width=\"1in\" height=\"72pt\"");
    EXPECT_EQ(inches.width(), 96.0);
    EXPECT_EQ(inches.height(), 96.0);
}

// A root viewBox that does not parse is ignored with a warning, as if absent: the size
// comes from width and height alone (a percentage height has nothing to refer to: 0), and
// the shapes are drawn untransformed. (This once left the view box and size as garbage.)
TEST(Document, BadRootViewBoxIsIgnoredWithAWarning) {
    const Document d = svg(R"svg(<rect width="10" height="20"/>)svg",
                           "width=\"200mm\" height=\"50%\" viewBox=\"0 0 400 y00\"");
    EXPECT_EQ(d.warnings(), std::vector<std::string>{
                                "svg (line 1): attribute viewBox: expected a number at character 9 of \"0 0 400 y00\""});
    EXPECT_FALSE(d.view_box().has_value());
    EXPECT_DOUBLE_EQ(d.width(), 200 * 96 / 25.4);
    EXPECT_EQ(d.height(), 0.0);
    const Transform& m = d.viewport_transform();
    EXPECT_EQ((std::vector<double>{m.a, m.b, m.c, m.d, m.e, m.f}), (std::vector<double>{1, 0, 0, 1, 0, 0}));
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.bounds()->min, V(0, 0));
    EXPECT_EQ(d.bounds()->max, V(10, 20));
}

// A bad transform on the root skips it, children and all, as on any other element
// (found by fuzz_document: the root's Skip escaped Document::parse and terminated).
TEST(Document, BadRootTransformSkipsTheDocumentWithAWarning) {
    const Document d = svg(R"svg(<rect width="10" height="20"/>)svg", "width=\"100\" height=\"100\" transform=\"rotate(x)\"");
    EXPECT_TRUE(d.shapes().empty());
    EXPECT_EQ(d.width(), 100.0);
    ASSERT_EQ(d.warnings().size(), 1u);
    EXPECT_EQ(d.warnings()[0], "svg (line 1): attribute transform: " +
                                   message_of<ParseError>([] { Transform::parse("rotate(x)"); }) + "; skipped");
}

// A viewBox of zero width disables rendering (SVG 1.1 7.7); the viewport transform stays
// the identity rather than dividing by zero (found by fuzz_document: it held inf and NaN).
TEST(Document, ZeroWidthViewBoxDrawsNothing) {
    const Document d = svg(R"svg(<rect width="10" height="20"/>)svg", "width=\"100\" height=\"50\" viewBox=\"0 0 0 300\"");
    EXPECT_TRUE(d.shapes().empty());
    EXPECT_TRUE(d.warnings().empty());
    EXPECT_EQ(*d.view_box(), (ViewBox{0, 0, 0, 300}));
    const Transform& m = d.viewport_transform();
    EXPECT_EQ((std::vector<double>{m.a, m.b, m.c, m.d, m.e, m.f}), (std::vector<double>{1, 0, 0, 1, 0, 0}));
}

TEST(Document, PercentagesReferToTheViewport) {
    const Document d = svg(R"svg(<rect width="50%" height="10%" stroke="black" stroke-width="1%"/>)svg",
                           "width=\"400\" height=\"200\" viewBox=\"0 0 200 100\"");
    ASSERT_EQ(d.shapes().size(), 1u);
    // In user units: 100 x 10; then scaled by 2 into the viewport.
    EXPECT_EQ(d.bounds()->max, V(200, 20));
    EXPECT_NEAR(d.shapes()[0].stroke->user_width, std::sqrt((200.0 * 200 + 100 * 100) / 2) / 100, 1e-12);
}

TEST(Document, NestedSvgAndSwitch) {
    const Document d = svg(R"svg(
      <svg x="10" y="10" width="20" height="20" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
      <switch><foreignObject requiredExtensions="http://www.w3.org/1999/xhtml"/><g requiredExtensions="http://example.org/x"><rect id="no" width="1" height="1"/></g>
              <rect id="yes" width="1" height="1"/><rect id="second" width="1" height="1"/></switch>)svg");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_EQ(d.shapes()[0].subpaths[0].points[0], V(10, 10));
    EXPECT_EQ(d.shapes()[0].subpaths[0].points[2], V(30, 30));
    EXPECT_EQ(d.shapes()[1].id, "yes");
    EXPECT_TRUE(d.warnings().empty());
}

TEST(Document, UseInstantiatesReferencesAndRefusesLoops) {
    const Document d = svg(R"svg(
      <defs><rect id="r" width="2" height="2" fill="green"/>
        <symbol id="sym" viewBox="0 0 1 1"><rect width="1" height="1"/></symbol></defs>
      <use href="#r" x="10" y="5"/>
      <use xlink:href="#r" xmlns:xlink="http://www.w3.org/1999/xlink" transform="scale(2)"/>
      <use href="#sym" width="4" height="4"/>
      <g id="loop"><use href="#loop"/><rect id="inside" width="1" height="1"/></g>
      <use id="missing" href="#nothing"/>)svg");
    ASSERT_EQ(d.shapes().size(), 4u);
    EXPECT_EQ(d.shapes()[0].subpaths[0].points[0], V(10, 5));
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{0, 128 / 255.0f, 0, 1}));
    EXPECT_EQ(d.shapes()[1].subpaths[0].points[2], V(4, 4));
    EXPECT_EQ(d.shapes()[2].subpaths[0].points[2], V(4, 4));
    EXPECT_EQ(d.shapes()[3].id, "inside");
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "use (line 7): href \"#loop\" refers back to itself; skipped",
                                "use#missing (line 8): href \"#nothing\" refers to no element; skipped",
                            }));
}

TEST(Document, UnknownAndForeignElements) {
    const Document d = Document::parse(R"svg(<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <inkscape:thing/>
  <video id="t1" x="0" y="0">hello</video>
  <image/>
  <style>circle { fill: red }</style>
  <rect width="1" height="1" clip-path="url(#c)" mask="url(#m)" fill="url(#grad) purple"/>
</svg>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.shapes()[0].fill->color, Color::rgb8(128, 0, 128));
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "video#t1 (line 5): element <video> is not supported; skipped",
                                "image (line 6): no href; skipped",
                                "rect (line 8): fill: url(#grad) refers to no element; painting its fallback color",
                                "rect (line 8): clip-path: url(#c) refers to no clipPath; not clipped",
                                "rect (line 8): mask: url(#m) refers to no mask; not masked",
                            }));
}

TEST(Document, BadAttributesWarnAndSkipTheElement) {
    EXPECT_EQ(warnings("<rect id=\"r\" width=\"abc\" height=\"1\"/>"),
              std::vector<std::string>{"rect#r (line 1): attribute width: expected a length, found \"abc\"; skipped"});
    EXPECT_EQ(warnings("<rect width=\"-5\" height=\"1\"/>"),
              std::vector<std::string>{"rect (line 1): attribute width: negative value \"-5\"; skipped"});
    EXPECT_EQ(warnings("<circle r=\"2em\"/>"),
              std::vector<std::string>{"circle (line 1): attribute r: unit \"em\" is not supported in \"2em\"; skipped"});
    EXPECT_EQ(warnings("<circle r=\"1e999\"/>"),
              std::vector<std::string>{"circle (line 1): attribute r: number out of range \"1e999\"; skipped"});
    EXPECT_EQ(warnings("<g transform=\"rotat(4)\"><rect width=\"1\" height=\"1\"/></g>"),
              std::vector<std::string>{"g (line 1): attribute transform: Transform::parse: unknown transform \"rotat\" at "
                                       "character 1 of \"rotat(4)\"; skipped"});
    EXPECT_TRUE(svg("<g transform=\"rotat(4)\"><rect width=\"1\" height=\"1\"/></g>").shapes().empty());
    EXPECT_EQ(warnings("<rect width=\"1\" height=\"1\" transform=\"matrix(1e300 0 0 1e300 0 0) scale(1e300)\"/>"),
              std::vector<std::string>{"rect (line 1): coordinates overflow once transformed; skipped"});
}

TEST(Document, BadPathDataIsDrawnUpToTheError) {
    const Document d = svg("<path id=\"p\" d=\"M 0 0 L 10 0 L 10 10 L x 5\"/>");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.shapes()[0].subpaths[0].points, (std::vector<V>{{0, 0}, {10, 0}, {10, 10}}));
    EXPECT_EQ(d.warnings(), std::vector<std::string>{"path#p (line 1): attribute d: PathData::parse: expected a number at "
                                                     "character 24 of \"M 0 0 L 10 0 L 10 10 L x 5\"; drawn up to the error"});
    EXPECT_EQ(warnings("<polygon points=\"0 0 10 0 10 10 5\"/>"),
              std::vector<std::string>{"polygon (line 1): attribute points: odd number of coordinates; the last one is ignored"});
    EXPECT_EQ(warnings("<polyline points=\"0 0 10 0 10 x\"/>"),
              std::vector<std::string>{"polyline (line 1): attribute points: expected a number at character 13 of "
                                       "\"0 0 10 0 10 x\"; drawn up to the error"});
}

TEST(Document, BadStyleValuesAreIgnoredWithAWarning) {
    const Document d = svg(R"svg(<g fill="blue"><rect width="1" height="1" fill="bogus" style="stroke-width: -1; fill-rule: odd; nonsense"/></g>)svg");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.shapes()[0].fill->color, (Color{0, 0, 1, 1})); // the inherited value stays
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "rect (line 1): style: expected \"name: value\", found \"nonsense\"; ignored",
                                "rect (line 1): fill: Paint::parse: unknown color \"bogus\"; ignored",
                                "rect (line 1): stroke-width: negative width \"-1\"; ignored",
                                "rect (line 1): fill-rule: expected nonzero or evenodd, found \"odd\"; ignored",
                            }));
}

TEST(Document, MalformedXmlAndWrongRoot) {
    EXPECT_EQ(message_of<ParseError>([] { Document::parse("<svg>\n  <g></svg>"); }),
              "Document::parse: malformed XML at line 2, column 8 (offset 13): Start-end tags mismatch");
    EXPECT_EQ(message_of<ParseError>([] { Document::parse(""); }),
              "Document::parse: malformed XML at line 1, column 1 (offset 0): No document element found");
    EXPECT_EQ(message_of<ParseError>([] { Document::parse("<html/>"); }),
              "Document::parse: the root element is <html>, not <svg>");
    EXPECT_EQ(message_of<ParseError>([] { Document::parse("<svg xmlns=\"http://example.org\"/>"); }),
              "Document::parse: the root element is <svg>, not <svg>");
}

TEST(Document, LoadErrorsAndOptions) {
    EXPECT_EQ(message_of<IoError>([] { Document::load("/nonexistent/x.svg"); }),
              "Document::load: \"/nonexistent/x.svg\": cannot open: No such file or directory");
    EXPECT_EQ(message_of<ValueError>([] { Document::parse("<svg/>", {.tolerance = 0}); }),
              "Document::parse: tolerance must be a positive finite number, got 0");
    EXPECT_EQ(message_of<ValueError>([] { Document::parse("<svg/>", {.scale = -2}); }),
              "Document::parse: scale must be a positive finite number, got -2");
    const std::filesystem::path dir = GLUMPP_TEST_TMP;
    std::filesystem::create_directories(dir);
    const auto file = dir / "bad.svg";
    std::ofstream(file) << "<svg><g></svg>";
    EXPECT_EQ(message_of<ParseError>([&] { Document::load(file); }),
              "Document::load: \"" + file.string() + "\": malformed XML at line 1, column 11 (offset 10): Start-end tags mismatch");
}

TEST(Document, ScaleRefinesFlattening) {
    const std::string circle = "<circle r=\"100\"/>";
    const auto points = [&](double scale) {
        return Document::parse("<svg>" + circle + "</svg>", {.scale = scale}).shapes()[0].subpaths[0].points.size();
    };
    EXPECT_NEAR(static_cast<double>(points(16)) / static_cast<double>(points(1)), 4.0, 0.3);
}

TEST(Document, DeepNestingAndUseBombsStayBounded) {
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<g>";
    deep += "<rect width=\"1\" height=\"1\"/>";
    for (int i = 0; i < 300; ++i) deep += "</g>";
    const Document d = svg(deep);
    EXPECT_TRUE(d.shapes().empty());
    EXPECT_EQ(d.warnings(), std::vector<std::string>{"g (line 1): nested more than 256 levels deep; skipped"});
    // Each level uses the previous one ten times: 10^8 rectangles if expanded.
    std::string bomb = "<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>";
    for (int level = 1; level <= 8; ++level) {
        bomb += "<g id=\"l" + std::to_string(level) + "\">";
        for (int k = 0; k < 10; ++k) bomb += "<use href=\"#l" + std::to_string(level - 1) + "\"/>";
        bomb += "</g>";
    }
    bomb += "</defs><use href=\"#l8\"/>";
    const Document b = svg(bomb);
    ASSERT_EQ(b.warnings().size(), 1u);
    EXPECT_EQ(b.warnings()[0], "rect#l0 (line 1): use instantiates more than 100000 elements; the rest is skipped");
    EXPECT_LT(b.shapes().size(), 100000u);
}

// Hostile numbers (the five files that ended the process, issue 15): each bad shape is
// skipped with a warning naming it and its line, and the rectangle after it still draws.
TEST(Document, OutOfRangeShapesAreSkippedAndTheRestDraws) {
    const auto check = [](const std::string& bad, const std::string& expected_warning) {
        const Document d = svg(bad + "\n<rect width=\"10\" height=\"10\"/>");
        ASSERT_EQ(d.shapes().size(), 1u) << bad;
        EXPECT_EQ(d.shapes()[0].element, "rect") << bad;
        EXPECT_EQ(d.shapes()[0].line, 2) << bad;
        ASSERT_EQ(d.warnings().size(), 1u) << bad;
        EXPECT_EQ(d.warnings()[0], expected_warning) << bad;
    };
    check("<circle id=\"c\" r=\"1e200\"/>", "circle#c (line 1): point (1e+200, 0) is beyond 1e+09 once transformed; skipped");
    check("<path d=\"M0 0 L 2e9 0\" fill=\"none\" stroke=\"red\"/>",
          "path (line 1): point (2e+09, 0) is beyond 1e+09 once transformed; skipped");
    check("<path d=\"M0 0 L50 50\" stroke=\"red\" stroke-width=\"1e39\"/>",
          "path (line 1): stroke width 1e+39 is beyond 1e+09 once transformed; skipped");
    // Just inside the range draws.
    EXPECT_EQ(svg("<path d=\"M0 0 L 1e9 0\" stroke=\"red\"/>").shapes().size(), 1u);
    // Non-finite numbers are not numbers: the path stops before them, the polygon loses them.
    const Document n = svg("<path d=\"M0 0 L 5 5 L NaN 50\" stroke=\"red\"/><polygon points=\"0,0 1,1 inf,3\"/>");
    ASSERT_EQ(n.shapes().size(), 2u);
    EXPECT_EQ(n.shapes()[0].subpaths[0].points.size(), 2u);
    EXPECT_EQ(n.warnings().size(), 2u);
}

TEST(Document, HugeMiterLimitIsClamped) {
    const Document d = svg("<path d=\"M0 0 L50 50 L0 50\" stroke=\"red\" stroke-miterlimit=\"1e308\"/>");
    ASSERT_EQ(d.shapes().size(), 1u);
    EXPECT_EQ(d.shapes()[0].stroke->miter_limit, max_miter_limit);
    EXPECT_TRUE(d.warnings().empty());
}

TEST(Document, PathCommandsAreBounded) {
    std::string error;
    const PathData p = PathData::parse_prefix("M0 0 L1 1 L2 2 L3 3", error, 3);
    EXPECT_EQ(p.commands.size(), 3u);
    EXPECT_EQ(error, "PathData::parse: more than 3 commands at character 17 of \"M0 0 L1 1 L2 2 L3 3\"");
    EXPECT_EQ(message_of<ParseError>([] { (void)PathData::parse("M0 0 z z", 2); }),
              "PathData::parse: more than 2 commands at character 8 of \"M0 0 z z\"");
    // The document's bound: max_path_commands commands, then drawn up to there.
    std::string d = "M0 0";
    d.reserve(max_path_commands * 2 + 16);
    for (std::size_t i = 0; i < max_path_commands; ++i) d += "h1";
    const Document doc = svg("<path d=\"" + d + "\" fill=\"none\" stroke=\"red\"/>");
    ASSERT_EQ(doc.warnings().size(), 1u);
    EXPECT_TRUE(doc.warnings()[0].starts_with("path (line 1): attribute d: PathData::parse: more than 4194304 commands at character"))
        << doc.warnings()[0];
    ASSERT_EQ(doc.shapes().size(), 1u);
    // The moveto and max_path_commands - 1 lines, merged into one straight polyline's ends
    // only where points coincide (they do not: each h moves one unit).
    EXPECT_EQ(doc.shapes()[0].subpaths[0].points.size(), max_path_commands);
}

TEST(Document, TotalPointsAreBounded) {
    // Each circle of radius 1e8 is 4 arcs of 4096 segments (the per-curve cap): 16,384
    // points. max_points / 16,384 = 1024 circles fit; through use, 3000 are asked for.
    std::string body = "<defs><circle id=\"c\" r=\"1e8\" cx=\"0\"/>";
    body += "<g id=\"g\">";
    for (int k = 0; k < 100; ++k) body += "<use href=\"#c\"/>";
    body += "</g></defs>";
    for (int k = 0; k < 30; ++k) body += "<use href=\"#g\"/>";
    const Document d = svg(body);
    std::size_t points = 0;
    for (const Shape& s : d.shapes())
        for (const auto& p : s.subpaths) points += p.points.size();
    EXPECT_LE(points, max_points);
    EXPECT_GT(points, max_points / 2);
    EXPECT_LT(d.shapes().size(), 3000u);
    ASSERT_EQ(d.warnings().size(), 1u);
    EXPECT_TRUE(d.warnings()[0].ends_with("the document's shapes would hold more than 16777216 points; this shape and every later one are skipped; skipped"))
        << d.warnings()[0];
    EXPECT_EQ(message_of<ValueError>([] { (void)flatten(PathData::parse("M0 0 L1 1 L2 2"), {}, 0.25, 2); }),
              "flatten: more than 2 points");
}

// Illustrator's DOCTYPE: namespaces and style strings as internal entities.
TEST(Document, InternalEntitiesAreExpanded) {
    const Document d = Document::parse(R"(<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY st0 "fill:#FF0000;">
  <!ENTITY nested "&st0;stroke:blue">
  <!ENTITY % param "ignored">
  <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<svg xmlns="&ns_svg;" width="10" height="10"><rect style="&st0;" width="5" height="5"/>
<rect style="&nested;" x="5" width="5" height="5"/><rect id="&ext;" width="1" height="1"/></svg>)");
    ASSERT_EQ(d.shapes().size(), 3u);
    EXPECT_EQ(d.shapes()[0].fill->color, Color::rgb8(255, 0, 0));
    EXPECT_EQ(d.shapes()[1].fill->color, Color::rgb8(255, 0, 0));
    ASSERT_TRUE(d.shapes()[1].stroke);
    EXPECT_EQ(d.shapes()[1].stroke->color, Color::rgb8(0, 0, 255));
    EXPECT_EQ(d.shapes()[1].line, 10); // lines are the file's: entity values hold no newline here
    EXPECT_EQ(d.shapes()[2].id, "&ext;");
    EXPECT_EQ(d.warnings(), std::vector<std::string>{"DOCTYPE: external entity &ext; is not read; its references stay as they are"});
}

TEST(Document, EntityBombsStayBounded) {
    // Ten levels of ten references each: 10^10 copies if expanded.
    std::string dtd = "<!DOCTYPE svg [<!ENTITY e0 \"fill:red;\">";
    for (int k = 1; k <= 10; ++k) {
        dtd += "<!ENTITY e" + std::to_string(k) + " \"";
        for (int j = 0; j < 10; ++j) dtd += "&e" + std::to_string(k - 1) + ";";
        dtd += "\">";
    }
    dtd += "]>";
    const Document d = Document::parse(dtd + "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"&e10;\" width=\"1\" height=\"1\"/></svg>");
    ASSERT_EQ(d.warnings().size(), 2u);
    EXPECT_EQ(d.warnings()[0], "DOCTYPE: entity &e2; nested more than 8 deep; no entity is expanded");
    EXPECT_TRUE(d.warnings()[1].starts_with("rect (line 1): style: ")) << d.warnings()[1];
    // Shallow but wide: 8 levels of 16 = 4 GB.
    dtd = "<!DOCTYPE svg [<!ENTITY e0 \"aaaaaaaaaaaaaaaa\">";
    for (int k = 1; k <= 7; ++k) {
        dtd += "<!ENTITY e" + std::to_string(k) + " \"";
        for (int j = 0; j < 16; ++j) dtd += "&e" + std::to_string(k - 1) + ";";
        dtd += "\">";
    }
    dtd += "]>";
    const Document w = Document::parse(dtd + "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>&e7;</desc></svg>");
    EXPECT_EQ(w.warnings(), std::vector<std::string>{"DOCTYPE: entities expand to more than 67108864 bytes; no entity is expanded"});
}

TEST(Document, ZeroRootSizeDisablesRendering) {
    const Document d = svg("<rect width=\"5\" height=\"5\"/>", "width=\"0\" height=\"10\"");
    EXPECT_TRUE(d.shapes().empty());
    EXPECT_EQ(d.warnings(), std::vector<std::string>{"svg (line 1): width is 0: SVG disables rendering; nothing is drawn"});
    // A missing size is unknown, not zero.
    EXPECT_EQ(svg("<rect width=\"5\" height=\"5\"/>", "").shapes().size(), 1u);
}

TEST(Document, UseOfSymbolInAnUnsizedRoot) {
    const Document d = svg("<symbol id=\"s\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"2\"/></symbol>"
                           "<use href=\"#s\" x=\"10\"/>",
                           "");
    ASSERT_EQ(d.shapes().size(), 1u);
    ASSERT_TRUE(d.bounds());
    // The symbol's own size: drawn unscaled at x = 10.
    EXPECT_EQ(d.bounds()->min, V(10, 0));
    EXPECT_EQ(d.bounds()->max, V(14, 2));
    // In a sized root the use's default size is 100% of it: the 4x4 box scales to 100x100.
    const Document sized = svg("<symbol id=\"s\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"2\"/></symbol><use href=\"#s\"/>");
    EXPECT_EQ(sized.bounds()->max, V(100, 50));
}

TEST(Document, MarkersAndBlendModesWarn) {
    // A marker that is not there is said after the style's problems (test_markers.cpp).
    EXPECT_EQ(warnings("<path d=\"M0 0 L1 1\" stroke=\"red\" marker-end=\"url(#m)\" style=\"mix-blend-mode: multiply\"/>"),
              (std::vector<std::string>{"path (line 1): mix-blend-mode is not supported; ignored",
                                        "path (line 1): marker \"#m\" refers to no element; ignored"}));
    EXPECT_TRUE(warnings("<path d=\"M0 0 L1 1\" stroke=\"red\" mix-blend-mode=\"normal\" marker-start=\"none\"/>").empty());
}

// stroke-dasharray against lengths worked out by hand: a 10-unit line under "3 1".
TEST(Dash, PatternOffsetAndClosedPaths) {
    const std::vector<Polyline> line{Polyline{{{0, 0}, {10, 0}}, false}};
    const auto xs = [](const std::vector<Polyline>& dashes) {
        std::vector<std::pair<double, double>> out;
        for (const auto& d : dashes) out.emplace_back(d.points.front().x, d.points.back().x);
        return out;
    };
    using P = std::vector<std::pair<double, double>>;
    const double pattern[] = {3, 1};
    EXPECT_EQ(xs(dash(line, pattern, 0)), (P{{0, 3}, {4, 7}, {8, 10}}));
    EXPECT_EQ(xs(dash(line, pattern, 1)), (P{{0, 2}, {3, 6}, {7, 10}}));
    EXPECT_EQ(xs(dash(line, pattern, -1)), (P{{1, 4}, {5, 8}, {9, 10}}));
    // A closed square of side 4 (perimeter 16) under "6 2": dashes turn its corners.
    const std::vector<Polyline> square{Polyline{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, true}};
    const double long_dash[] = {6, 2};
    const auto d = dash(square, long_dash, 0);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].points, (std::vector<V>{{0, 0}, {4, 0}, {4, 2}}));
    EXPECT_EQ(d[1].points, (std::vector<V>{{4, 4}, {0, 4}, {0, 2}}));
    const double bad[] = {1, -1}, zeros[] = {0, 0};
    EXPECT_EQ(message_of<ValueError>([&] { (void)dash(line, bad, 0); }), "dash: pattern length -1 is not a finite number >= 0");
    EXPECT_EQ(message_of<ValueError>([&] { (void)dash(line, zeros, 0); }),
              "dash: the pattern's lengths must add up to a positive finite number");
    const double tiny[] = {1e-6, 1e-6};
    EXPECT_EQ(message_of<ValueError>([&] { (void)dash(line, tiny, 0, 1000); }), "dash: more than 1000 points");
}

TEST(Document, StrokeDasharrayAndOffset) {
    const Document d = svg("<g stroke-dasharray=\"3, 1\" stroke-dashoffset=\"1\" transform=\"scale(2)\">"
                           "<path d=\"M0 0 H 5\" stroke=\"red\" fill=\"none\"/>"
                           "<path d=\"M0 10 H 5\" stroke=\"red\" stroke-dasharray=\"2\"/>"
                           "<path d=\"M0 20 H 5\" stroke=\"red\" stroke-dasharray=\"0 0\"/>"
                           "<path d=\"M0 30 H 5\" stroke=\"red\" stroke-dasharray=\"1 -1\"/></g>");
    ASSERT_EQ(d.shapes().size(), 4u);
    // Inherited, scaled by 2 with the width: "6 2" from 2 into the pattern over 10 units.
    ASSERT_TRUE(d.shapes()[0].stroke->dashes);
    const auto& a = *d.shapes()[0].stroke->dashes;
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].points, (std::vector<V>{{0, 0}, {4, 0}}));
    EXPECT_EQ(a[1].points, (std::vector<V>{{6, 0}, {10, 0}}));
    // "2" is "2 2" (doubled: 4 4), the offset 1 inherited (2).
    const auto& b = *d.shapes()[1].stroke->dashes;
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].points, (std::vector<V>{{0, 20}, {2, 20}}));
    EXPECT_EQ(b[1].points, (std::vector<V>{{6, 20}, {10, 20}}));
    EXPECT_FALSE(d.shapes()[2].stroke->dashes) << "all zeros: solid";
    // A bad list is ignored: the inherited "3 1" stays.
    ASSERT_TRUE(d.shapes()[3].stroke->dashes);
    EXPECT_EQ(d.shapes()[3].stroke->dashes->size(), 2u);
    EXPECT_EQ(d.warnings(), std::vector<std::string>{"path (line 1): stroke-dasharray: negative length in \"1 -1\"; ignored"});
}

// Paint servers (issue 15): gradients resolved per shape, their parameters checked at
// points whose t is known by hand.
namespace {
const Gradient& fill_gradient(const Document& d, std::size_t i = 0) {
    EXPECT_GT(d.shapes().size(), i);
    EXPECT_TRUE(d.shapes()[i].fill && d.shapes()[i].fill->gradient);
    return *d.shapes()[i].fill->gradient;
}
} // namespace

TEST(Gradient, LinearBoundingBoxUnitsAndInheritedStops) {
    const Document d = svg(R"svg(<defs>
      <linearGradient id="s" spreadMethod="reflect"><stop offset="0" stop-color="red"/>
        <stop offset="0.5" style="stop-color: lime; stop-opacity: 0.5"/><stop offset="0.25" stop-color="blue"/></linearGradient>
      <linearGradient id="g" href="#s" y2="1"/></defs>
      <rect x="10" y="20" width="100" height="50" fill="url(#g)" fill-opacity="0.5"/>)svg");
    EXPECT_TRUE(d.warnings().empty()) << d.warnings()[0];
    const Gradient& g = fill_gradient(d);
    EXPECT_EQ(g.kind, Gradient::Kind::Linear);
    EXPECT_EQ(g.spread, Gradient::Spread::Reflect); // from the href
    ASSERT_EQ(g.stops.size(), 3u);
    EXPECT_EQ(g.stops[1].color, (Color{0, 1, 0, 0.25f})); // stop-opacity times fill-opacity
    EXPECT_EQ(g.stops[2].offset, 0.5f);                 // never below the previous offset
    EXPECT_EQ(g.start, V(0, 0));
    EXPECT_EQ(g.end, V(1, 1));
    // The box's corners are (0, 0) and (1, 1) of the gradient; (60, 45) its centre.
    EXPECT_NEAR(*g.parameter({10, 20}), 0.0, 1e-12);
    EXPECT_NEAR(*g.parameter({110, 70}), 1.0, 1e-12);
    EXPECT_NEAR(*g.parameter({60, 45}), 0.5, 1e-12);
    EXPECT_NEAR(*g.parameter({110, 20}), 0.5, 1e-12);
    // Reflect: t = 1.25 paints what t = 0.75 does; past the last stop, its color.
    EXPECT_EQ(g.color_at(1.75), g.color_at(0.25));
    EXPECT_EQ(g.color_at(0.8), g.stops[2].color);
    // Half way from red (alpha 0.5: fill-opacity) to lime (alpha 0.25).
    const Color half = g.color_at(0.25);
    EXPECT_NEAR(half.r, 0.5, 1e-6);
    EXPECT_NEAR(half.g, 0.5, 1e-6);
    EXPECT_NEAR(half.a, (0.5 + 0.25) / 2, 1e-6);
}

TEST(Gradient, UserSpaceUnitsTransformAndRepeat) {
    // The root's viewBox doubles everything; the gradient runs from x = 0 to 50 in user
    // units, rotated by 90 degrees about (0, 0): along y, so t = y / 50 in user units.
    const Document d = svg(R"svg(<linearGradient id="g" gradientUnits="userSpaceOnUse" x2="50" spreadMethod="repeat"
      gradientTransform="rotate(90)"><stop offset="0" stop-color="black"/><stop offset="1" stop-color="white"/></linearGradient>
      <rect width="50" height="50" fill="url(#g)"/>)svg", "width=\"100\" height=\"100\" viewBox=\"0 0 50 50\"");
    const Gradient& g = fill_gradient(d);
    EXPECT_NEAR(*g.parameter({30, 20}), 0.2, 1e-12); // user (15, 10)
    EXPECT_NEAR(*g.parameter({0, 100}), 1.0, 1e-12);
    EXPECT_NEAR(g.color_at(1.25).r, 0.25, 1e-6);
    EXPECT_NEAR(g.color_at(-0.25).r, 0.75, 1e-6);
}

TEST(Gradient, RadialFocalPointsInsideAndOutside) {
    const Document d = svg(R"svg(<defs><radialGradient id="c"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></radialGradient>
      <radialGradient id="f" href="#c" fx="0.25" cx="0.5" r="0.5"/>
      <radialGradient id="out" href="#c" fx="1.5"/></defs>
      <rect width="100" height="100" fill="url(#c)"/><rect width="100" height="100" fill="url(#f)"/>
      <rect width="100" height="100" fill="url(#out)"/>)svg");
    const Gradient& c = fill_gradient(d, 0);
    EXPECT_EQ(c.kind, Gradient::Kind::Radial);
    EXPECT_EQ(c.center, V(0.5, 0.5));
    EXPECT_EQ(c.focal, V(0.5, 0.5)); // fx and fy default to cx and cy
    EXPECT_NEAR(*c.parameter({75, 50}), 0.5, 1e-12);
    EXPECT_NEAR(*c.parameter({50, 100}), 1.0, 1e-12);
    // Focal point (25, 50): towards +x the ray meets the circle at x = 100 (75 away),
    // towards -x at x = 0 (25 away).
    const Gradient& f = fill_gradient(d, 1);
    EXPECT_NEAR(*f.parameter({62.5, 50}), 0.5, 1e-12);
    EXPECT_NEAR(*f.parameter({12.5, 50}), 0.5, 1e-12);
    // Focal point (150, 50) outside the circle: the cone of circles from it reaches
    // (100, 50) at t = 1/2... the point is on the circle of t with center 150 - 100 t and
    // radius 50 t: 150 - 100 t + 50 t = 100 at t = 1, and 150 - 100 t - 50 t = 100 at
    // t = 1/3; the largest is taken. Above the cone (50, 0 and beyond) nothing is painted.
    const Gradient& out = fill_gradient(d, 2);
    EXPECT_EQ(out.focal, V(1.5, 0.5));
    EXPECT_NEAR(*out.parameter({100, 50}), 1.0, 1e-12);
    EXPECT_FALSE(out.parameter({150, 0}).has_value());
}

TEST(Gradient, DegenerateAndMissingServers) {
    const Document d = svg(R"svg(<defs>
      <linearGradient id="none"/>
      <linearGradient id="one"><stop offset="0.3" stop-color="lime"/></linearGradient>
      <linearGradient id="flat" x2="0"><stop stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
      <pattern id="p"/>
      <linearGradient id="a" href="#b"><stop stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
      <linearGradient id="b" href="#a"/></defs>
      <rect id="r0" width="10" height="10" fill="url(#none)" stroke="red"/>
      <rect id="r1" width="10" height="10" fill="url(#one)"/>
      <rect id="r2" width="10" height="10" fill="url(#flat)"/>
      <rect id="r3" width="10" height="10" fill="none" stroke="url(#p) purple"/>
      <rect id="r4" width="10" height="10" fill="url(#missing)"/>
      <rect id="r5" width="10" height="10" fill="url(#b)"/>
      <path id="r6" d="M0 0 H 10" fill="none" stroke="url(#a) red"/>)svg");
    const auto& s = d.shapes();
    ASSERT_EQ(s.size(), 6u); // r4 paints nothing
    EXPECT_FALSE(s[0].fill);                      // no stops: none
    EXPECT_EQ(s[1].fill->color, (Color{0, 1, 0, 1})); // one stop: its color
    EXPECT_FALSE(s[1].fill->gradient);
    EXPECT_EQ(s[2].fill->color, (Color{0, 0, 1, 1})); // x1 = x2: the last stop's color
    EXPECT_EQ(s[3].stroke->color, Color::rgb8(128, 0, 128)); // pattern strokes: the fallback
    EXPECT_TRUE(s[4].fill->gradient);                  // b's stops through href, despite the loop
    // A horizontal line has a box of zero height: objectBoundingBox cannot apply.
    EXPECT_EQ(s[5].stroke->color, (Color{1, 0, 0, 1}));
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "rect#r3 (line 11): stroke: url(#p) is a pattern, which is supported on the fill of shapes only; "
                                "painting its fallback color",
                                "rect#r4 (line 12): fill: url(#missing) refers to no element; painting nothing",
                                "rect#r5 (line 13): fill: url(#b): href loops back to \"#b\"; the chain stops there",
                                "path#r6 (line 14): stroke: url(#a): href loops back to \"#a\"; the chain stops there",
                                "path#r6 (line 14): stroke: url(#a) uses objectBoundingBox on a shape of zero width or height; "
                                "painting its fallback color",
                            }));
}

// CSS style sheets (issue 15): selectors, specificity and the cascade, by hand.
TEST(Css, SelectorsSpecificityAndCascade) {
    const Document d = svg(R"svg(<style>
      rect { fill: blue; stroke: black }
      .a { fill: #010101 }
      .a.b { fill: #020202 }
      #x { fill: #030303 }
      g > rect.c { fill: #040404 }
      svg rect.d { fill: #050505 }
      .e { fill: #060606 !important }
      g.p rect { stroke-width: 7 }
      rect:hover, rect[x] { fill: red }
    </style>
    <rect id="r0" width="1" height="1" fill="green"/>
    <rect id="r1" width="1" height="1" class="a"/>
    <rect id="r2" width="1" height="1" class="b a"/>
    <rect id="x" width="1" height="1" class="a b"/>
    <g class="p"><g><rect id="r4" width="1" height="1" class="c d"/></g></g>
    <g><rect id="r5" width="1" height="1" class="c"/></g>
    <rect id="r6" width="1" height="1" class="e" style="fill: red"/>
    <rect id="r7" width="1" height="1" class="a" style="fill: #070707"/>)svg");
    const auto& s = d.shapes();
    ASSERT_EQ(s.size(), 8u);
    EXPECT_EQ(s[0].fill->color, (Color{0, 0, 1, 1})) << "the sheet beats the presentation attribute";
    EXPECT_EQ(s[1].fill->color, Color::rgb8(1, 1, 1));
    EXPECT_EQ(s[2].fill->color, Color::rgb8(2, 2, 2)) << "two classes beat one";
    EXPECT_EQ(s[3].fill->color, Color::rgb8(3, 3, 3)) << "an id beats classes";
    EXPECT_EQ(s[4].fill->color, Color::rgb8(5, 5, 5)) << "not a child of a g: only the descendant rule matches";
    EXPECT_EQ(s[4].stroke->width, 7.0) << "g.p rect: a descendant two levels down";
    EXPECT_EQ(s[5].fill->color, Color::rgb8(4, 4, 4));
    EXPECT_EQ(s[5].stroke->width, 1.0);
    EXPECT_EQ(s[6].fill->color, Color::rgb8(6, 6, 6)) << "!important beats the style attribute";
    EXPECT_EQ(s[7].fill->color, Color::rgb8(7, 7, 7)) << "the style attribute beats the sheet";
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "style (line 1): CSS: 2 selectors not supported (attribute selectors, pseudo-classes, + and ~), "
                                "e.g. \"rect:hover\"; ignored"}));
}

TEST(Css, SheetsAreBoundedAndNeverHang) {
    std::string rules;
    for (int k = 0; k < 10'050; ++k) rules += ".c" + std::to_string(k) + " { fill: red }\n";
    const Document many = svg("<style>" + rules + "</style><rect width=\"1\" height=\"1\" class=\"c10049 c3\"/>");
    ASSERT_EQ(many.shapes().size(), 1u);
    EXPECT_EQ(many.shapes()[0].fill->color, (Color{1, 0, 0, 1})); // c3 is among the first 10,000
    EXPECT_EQ(many.warnings(), (std::vector<std::string>{"style (line 1): CSS: more than 10000 rules; the rest are ignored"}));
    // Unclosed blocks, stray braces, at-rules, comments that never end: no hang, no crash.
    for (const char* text : {"rect { fill: red", "} } {", "@media x { rect { fill: red } ", "/* rect { fill: red }",
                             "rect > { fill: red }", "> rect { fill: red }", ". { }", "rect{fill:}", "@"}) {
        const Document d = svg(std::string("<style>") + text + "</style><rect width=\"1\" height=\"1\"/>");
        EXPECT_EQ(d.shapes().size(), 1u) << text;
    }
}
