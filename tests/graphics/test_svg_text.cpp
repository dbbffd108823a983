// SVG text as outlines (graphics/SvgText.hpp): glyph outlines against FreeType's own
// rasterizer, fonts matched as fontconfig matches them, and the layout of spans (anchor,
// positions) against the text layer's HarfBuzz layout.
#include <glumpp/Error.hpp>
#include <glumpp/graphics/SvgText.hpp>
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Flatten.hpp>
#include <glumpp/svg/Tessellator.hpp>
#include <glumpp/text/Font.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace glumpp;

namespace {

svg::PathData path_of(const std::vector<text::OutlineCommand>& commands, double size, glm::dvec2 pen) {
    svg::PathData path;
    const auto at = [&](double x, double y) { return pen + glm::dvec2(x, y) * size; };
    for (const text::OutlineCommand& c : commands) {
        using K = text::OutlineCommand::Kind;
        switch (c.kind) {
        case K::MoveTo: path.commands.push_back(svg::PathCommand::move_to(at(c.x, c.y))); break;
        case K::LineTo: path.commands.push_back(svg::PathCommand::line_to(at(c.x, c.y))); break;
        case K::QuadTo: path.commands.push_back(svg::PathCommand::quad_to(at(c.c1x, c.c1y), at(c.x, c.y))); break;
        case K::CubicTo: path.commands.push_back(svg::PathCommand::cubic_to(at(c.c1x, c.c1y), at(c.c2x, c.c2y), at(c.x, c.y))); break;
        case K::Close: path.commands.push_back(svg::PathCommand::close(at(c.x, c.y))); break;
        }
    }
    return path;
}

/// Coverage of pixel (x, y) by the triangles, 16 x 16 samples a pixel.
std::vector<double> coverage(const svg::Triangulation& t, int x0, int y0, int width, int height) {
    std::vector<double> out(static_cast<std::size_t>(width) * height, 0.0);
    constexpr int n = 16;
    for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
        const glm::dvec2 a = t.vertices[t.indices[i]], b = t.vertices[t.indices[i + 1]], c = t.vertices[t.indices[i + 2]];
        const auto edge = [](glm::dvec2 p, glm::dvec2 q, glm::dvec2 r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); };
        const double area = edge(a, b, c);
        if (area == 0.0) continue;
        const int px0 = std::max(x0, static_cast<int>(std::floor(std::min({a.x, b.x, c.x}))));
        const int px1 = std::min(x0 + width - 1, static_cast<int>(std::floor(std::max({a.x, b.x, c.x}))));
        const int py0 = std::max(y0, static_cast<int>(std::floor(std::min({a.y, b.y, c.y}))));
        const int py1 = std::min(y0 + height - 1, static_cast<int>(std::floor(std::max({a.y, b.y, c.y}))));
        for (int py = py0; py <= py1; ++py)
            for (int px = px0; px <= px1; ++px)
                for (int sy = 0; sy < n; ++sy)
                    for (int sx = 0; sx < n; ++sx) {
                        const glm::dvec2 p{px + (sx + 0.5) / n, py + (sy + 0.5) / n};
                        const double e0 = edge(a, b, p) / area, e1 = edge(b, c, p) / area, e2 = edge(c, a, p) / area;
                        if (e0 >= 0 && e1 >= 0 && e2 >= 0)
                            out[static_cast<std::size_t>(py - y0) * width + (px - x0)] += 1.0 / (n * n);
                    }
    }
    return out;
}

} // namespace

// The outline the text layer gives (Font::outline), flattened and tessellated, covers the
// pixels FreeType's own antialiasing rasterizer covers (unhinted), glyph by glyph.
TEST(SvgText, GlyphOutlinesMatchFreeTypesRasterizer) {
    for (const char* family : {"DejaVu Sans", "DejaVu Serif", "Open Sans"}) {
        text::Font font = [&] {
            try {
                return text::Font::open(family);
            } catch (const Error&) {
                return text::Font::open("DejaVu Sans");
            }
        }();
        for (const char32_t c : {U'g', U'&', U'Q', U'@', U'8'}) {
            const double size = 61.5;
            const std::uint32_t g = font.glyph_index(c);
            ASSERT_NE(g, 0u);
            const text::GlyphBitmap bm = font.render(g, size, text::Hinting::Unhinted);
            ASSERT_GT(bm.width * bm.height, 0);
            // The bitmap's top-left pixel is at (left, -top) from the pen: put the pen there.
            const glm::dvec2 pen{-bm.left + 0.0, bm.top + 0.0};
            const auto polylines = svg::flatten(path_of(font.outline(g), size, pen), {}, 0.01);
            const svg::Triangulation t = svg::tessellate(polylines);
            const std::vector<double> ours = coverage(t, 0, 0, bm.width, bm.height);
            double diff = 0.0, theirs_sum = 0.0, ours_sum = 0.0;
            for (std::size_t i = 0; i < ours.size(); ++i) {
                diff += std::abs(ours[i] - bm.pixels[i] / 255.0);
                theirs_sum += bm.pixels[i] / 255.0;
                ours_sum += ours[i];
            }
            const std::string what = font.family() + " U+" + std::to_string(static_cast<unsigned>(c));
            EXPECT_NEAR(t.area(), theirs_sum, 0.005 * theirs_sum) << what;
            EXPECT_NEAR(ours_sum, theirs_sum, 0.005 * theirs_sum) << what; // nothing outside the bitmap
            EXPECT_LT(diff / ours.size(), 0.01) << what;
            // A shifted outline fails: the comparison can tell a pixel.
            const auto shifted = svg::tessellate(svg::flatten(path_of(font.outline(g), size, pen + glm::dvec2(1.0, 0.0)), {}, 0.01));
            const std::vector<double> off = coverage(shifted, 0, 0, bm.width, bm.height);
            double off_diff = 0.0;
            for (std::size_t i = 0; i < off.size(); ++i) off_diff += std::abs(off[i] - bm.pixels[i] / 255.0);
            EXPECT_GT(off_diff / off.size(), 0.03) << what;
        }
    }
}

TEST(SvgText, OutlineOfASpaceIsEmptyAndBadGlyphsThrow) {
    const text::Font font = text::Font::open("DejaVu Sans");
    EXPECT_TRUE(font.outline(font.glyph_index(U' ')).empty());
    const auto o = font.outline(font.glyph_index(U'o'));
    ASSERT_FALSE(o.empty());
    EXPECT_EQ(std::count_if(o.begin(), o.end(), [](const auto& c) { return c.kind == text::OutlineCommand::Kind::Close; }), 2);
    EXPECT_THROW(font.outline(1u << 30), IndexError);
}

TEST(SvgText, FontsMatchAsFontconfigDoes) {
    EXPECT_EQ(text::Font::match({"serif"}).family(), "DejaVu Serif");
    // The first family fontconfig knows wins; unknown ones are passed over.
    EXPECT_EQ(text::Font::match({"No Such Family 1234", "monospace"}).family(), "DejaVu Sans Mono");
    EXPECT_NE(text::Font::match({"DejaVu Sans"}, 700).path().find("Bold"), std::string::npos);
    EXPECT_NE(text::Font::match({"DejaVu Sans"}, 400, true).path().find("Oblique"), std::string::npos);
    EXPECT_FALSE(text::Font::match({}).path().empty());
}

namespace {

svg::Document doc(const std::string& body) {
    return svg::Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">" + body + "</svg>");
}

struct Extent {
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
};

Extent extent(const std::vector<svg::Shape>& shapes) {
    Extent e;
    for (const svg::Shape& s : shapes)
        for (const svg::Polyline& p : s.subpaths)
            for (const glm::dvec2 q : p.points) {
                e.x0 = std::min(e.x0, q.x);
                e.x1 = std::max(e.x1, q.x);
                e.y0 = std::min(e.y0, q.y);
                e.y1 = std::max(e.y1, q.y);
            }
    return e;
}

std::vector<svg::Shape> outlined(const std::string& body, std::vector<std::string>* warnings = nullptr) {
    const svg::Document d = doc(body);
    std::vector<svg::Shape> out;
    std::vector<std::string> w;
    EXPECT_TRUE(graphics::outline_texts(d.shapes(), out, w));
    if (warnings) *warnings = w;
    else EXPECT_TRUE(w.empty()) << w.front();
    return out;
}

} // namespace

// The ink of "Wave" outlined matches the text layer's own layout (HarfBuzz, kerning
// included) of the same font at the same size, placed at x, y; anchors move it by the
// advance.
TEST(SvgText, LayoutFollowsHarfBuzzAndAnchors) {
    const text::Font font = text::Font::match({"DejaVu Sans"});
    const text::Layout line = font.layout("Wave", 50.0);
    const Extent start = extent(outlined(R"x(<text x="100" y="120" font-family="DejaVu Sans" font-size="50">Wave</text>)x"));
    EXPECT_NEAR(start.x0, 100 + line.ink.x0, 0.05);
    EXPECT_NEAR(start.x1, 100 + line.ink.x1, 0.05);
    EXPECT_NEAR(start.y0, 120 + line.ink.y0, 0.05);
    EXPECT_NEAR(start.y1, 120 + line.ink.y1, 0.05);
    const Extent middle = extent(outlined(R"x(<text x="100" y="120" font-family="DejaVu Sans" font-size="50" text-anchor="middle">Wave</text>)x"));
    // layout() at 50 px rounds each advance to 1/64 px; the outliner lays out at 1024.
    const double rounding = line.glyphs.size() / 64.0;
    EXPECT_NEAR(middle.x0, start.x0 - line.advance / 2, rounding);
    const Extent end = extent(outlined(R"x(<text x="100" y="120" font-family="DejaVu Sans" font-size="50" text-anchor="end">Wave</text>)x"));
    EXPECT_NEAR(end.x1, start.x1 - line.advance, rounding);
    // A transform maps the outlines: scale(2) doubles every coordinate.
    const Extent scaled = extent(outlined(R"x(<text x="50" y="60" font-family="DejaVu Sans" font-size="25" transform="scale(2)">Wave</text>)x"));
    EXPECT_NEAR(scaled.x0, start.x0, 0.05);
    EXPECT_NEAR(scaled.y1, start.y1, 0.05);
}

TEST(SvgText, SpansKeepTheirPaintAndPositions) {
    const auto shapes = outlined(
        R"x(<text x="10" y="50" font-family="DejaVu Sans" font-size="40" fill="red">I<tspan fill="blue" dx="30" dy="5">I</tspan><tspan x="200" y="150" visibility="hidden">hidden</tspan><tspan stroke="green" fill="none">I</tspan></text>)x");
    ASSERT_EQ(shapes.size(), 3u); // the hidden span draws nothing
    EXPECT_EQ(shapes[0].fill->color, svg::Color::rgb8(255, 0, 0));
    EXPECT_EQ(shapes[1].fill->color, svg::Color::rgb8(0, 0, 255));
    EXPECT_FALSE(shapes[2].fill);
    ASSERT_TRUE(shapes[2].stroke);
    const text::Font font = text::Font::match({"DejaVu Sans"});
    const text::Layout i = font.layout("I", 40.0);
    const text::Layout hidden = font.layout("hidden", 40.0);
    const Extent a = extent({shapes[0]}), b = extent({shapes[1]}), c = extent({shapes[2]});
    EXPECT_NEAR(b.x0 - a.x0, i.advance + 30, 1e-6); // dx
    EXPECT_NEAR(b.y1 - a.y1, 5, 1e-6);              // dy
    // The hidden span starts a chunk at (200, 150) and takes its place.
    EXPECT_NEAR(c.x0 - (200 + i.ink.x0), hidden.advance, hidden.glyphs.size() / 64.0); // 1/64 px rounding
    EXPECT_NEAR(c.y1, 150 + i.ink.y1, 0.01);
    for (const auto& s : shapes) EXPECT_EQ(s.element, "text");
}

TEST(SvgText, BadInputWarnsAndDrawsTheRest) {
    std::vector<std::string> w;
    const auto shapes = outlined("<text id=\"t\" x=\"5\" y=\"50\" font-size=\"20\">ok<tspan fill=\"blue\">\xFF\xFE</tspan>"
                                 "<tspan font-size=\"1e12\">big</tspan></text>",
                                 &w);
    EXPECT_EQ(shapes.size(), 1u);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NE(w[0].find("text#t (line 1): Font::layout: the text is not UTF-8"), std::string::npos) << w[0];
    EXPECT_NE(w[1].find("text#t (line 1): font-size"), std::string::npos) << w[1];
    // Nothing to outline: the shapes are left as they are.
    std::vector<svg::Shape> out;
    EXPECT_FALSE(graphics::outline_texts(doc("<rect width=\"1\" height=\"1\"/>").shapes(), out, w));
}

// The outlines of all text an outliner makes are bounded: the span that would pass the
// limit is not drawn, nor any later one, with one warning.
TEST(SvgText, OutlinePointsAreBounded) {
    const svg::Document d = doc(R"x(<text id="a" y="50" font-size="30">Ooo</text><text id="b" y="90" font-size="30">Ooo</text><text id="c" y="130">O</text>)x");
    std::vector<std::string> w;
    graphics::TextOutliner unbounded;
    std::size_t first = 0;
    for (const auto& s : unbounded.outline(d.shapes()[0], w))
        for (const auto& p : s.subpaths) first += p.points.size();
    ASSERT_GT(first, 10u);
    ASSERT_TRUE(w.empty());
    // flatten counts points before merging near ones: a margin for the first text, not for two.
    const std::size_t limit = first * 3 / 2;
    graphics::TextOutliner outliner(limit);
    EXPECT_EQ(outliner.outline(d.shapes()[0], w).size(), 1u);
    EXPECT_TRUE(outliner.outline(d.shapes()[1], w).empty());
    EXPECT_TRUE(outliner.outline(d.shapes()[2], w).empty());
    EXPECT_EQ(w, (std::vector<std::string>{"text#b (line 1): the text's outlines would hold more than " +
                                           std::to_string(limit) + " points; this span and every later one are not drawn"}));
}
