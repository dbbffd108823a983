// The tiger drawn by glumpp (two draw calls) against an independent rasterizer, librsvg's
// rsvg-convert, at the same size: the images must agree closely.
#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <glumpp/app.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/graphics/SvgScene.hpp>

#include <glm/common.hpp>
#include <glm/vector_relational.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace glumpp;
using namespace glumpp::graphics;
using glumpp::test::message_of;

namespace {

const std::filesystem::path tiger_path = std::filesystem::path(GLUMPP_DATA_DIR) / "tiger.svg";
constexpr int side = 512;

struct Agreement {
    double mean_abs_diff = 0; ///< over every RGB component, 0-255
    double coverage_iou = 0;  ///< of the pixels that are not background white
};

/// Inked: some component more than 16 below white (the background).
bool inked(const std::uint8_t* p) { return p[0] < 239 || p[1] < 239 || p[2] < 239; }

/// `a` RGBA, `b` RGB or RGBA (`b_channels`), both opaque and of the same size.
Agreement compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b, std::size_t b_channels) {
    Agreement out;
    std::size_t both = 0, either = 0;
    double sum = 0;
    const std::size_t pixels = a.size() / 4;
    for (std::size_t k = 0; k < pixels; ++k) {
        const std::uint8_t* pa = &a[4 * k];
        const std::uint8_t* pb = &b[b_channels * k];
        for (int c = 0; c < 3; ++c) sum += std::abs(int(pa[c]) - int(pb[c]));
        const bool ia = inked(pa), ib = inked(pb);
        both += ia && ib;
        either += ia || ib;
    }
    out.mean_abs_diff = sum / double(pixels * 3);
    out.coverage_iou = either ? double(both) / double(either) : 1.0;
    return out;
}

std::vector<std::uint8_t> render_glumpp(int samples) {
    app::WindowConfig config;
    config.width = config.height = side;
    config.backend = app::Backend::Offscreen;
    config.samples = samples;
    config.clear_color = {1, 1, 1, 1};
    app::Window window(config);
    // Flattened for the scale it is drawn at: 512 pixels for 1000 units.
    const auto document = svg::Document::load(tiger_path, {.scale = side / 1000.0});
    SvgScene scene(document);
    PanZoom view({0, 0, document.width(), document.height()});
    view.attach(window);
    scene.set_transform(view);
    window.activate();
    window.clear();
    scene.draw();
    window.swap(); // resolves multisampling
    return window.read_pixels().to_vector<std::uint8_t>();
}

} // namespace

// SvgScene maps the reader's stroke-linejoin and stroke-linecap (svg::LineJoin, LineCap)
// to the renderer's (StrokeJoin, StrokeCap), one value each, as the SVG text says; and
// numbers the items 2k (fill) and 2k + 1 (stroke) for shape k.
class SvgSceneTest : public glumpp::test::GLTest {};

TEST_F(SvgSceneTest, MapsJoinsCapsWidthsAndOrders) {
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
      <path d="M10 10 L 50 10 L 50 50" fill="none" stroke="red" stroke-linejoin="round" stroke-linecap="square" stroke-width="3"/>
      <path d="M10 60 L 50 60 L 50 90" stroke="blue" stroke-linejoin="bevel" stroke-linecap="round" stroke-miterlimit="6"/>
      <path d="M60 10 L 90 10 L 90 50" fill="none" stroke="lime" stroke-linejoin="miter" stroke-linecap="butt" stroke-width="0.5"/>
      <rect x="60" y="60" width="10" height="10"/></svg>)svg");
    SvgScene scene(doc);
    ASSERT_EQ(scene.strokes().size(), 3u);
    ASSERT_EQ(scene.fills().size(), 2u);
    const StrokeStyle a = scene.strokes().style(0), b = scene.strokes().style(1), c = scene.strokes().style(2);
    EXPECT_EQ(a.join, StrokeJoin::Round);
    EXPECT_EQ(a.cap, StrokeCap::Square);
    EXPECT_EQ(a.width, 3.0f);
    EXPECT_EQ(a.color, glm::vec4(1, 0, 0, 1));
    EXPECT_EQ(a.order, 1.0f);
    EXPECT_EQ(b.join, StrokeJoin::Bevel);
    EXPECT_EQ(b.cap, StrokeCap::Round);
    EXPECT_EQ(b.miter_limit, 6.0f);
    EXPECT_EQ(b.order, 3.0f);
    EXPECT_EQ(c.join, StrokeJoin::Miter);
    EXPECT_EQ(c.cap, StrokeCap::Butt);
    EXPECT_EQ(c.width, 0.5f);
    EXPECT_EQ(c.miter_limit, 4.0f);
    EXPECT_EQ(c.order, 5.0f);
}

TEST(TigerRender, AgreesWithRsvgConvert) {
    if (!std::filesystem::exists(tiger_path)) GTEST_SKIP() << "the tiger is not at " << tiger_path << " (GLUMPP_DATA_DIR)";
    if (std::system("command -v rsvg-convert > /dev/null 2>&1") != 0) {
        GTEST_SKIP() << "rsvg-convert is not installed (Debian package librsvg2-bin, see scripts/deps.sh)";
    }
    const std::filesystem::path dir = GLUMPP_TEST_TMP;
    std::filesystem::create_directories(dir);
    const std::filesystem::path reference = dir / "tiger-rsvg.png";
    const std::string command = "rsvg-convert -w " + std::to_string(side) + " -h " + std::to_string(side) +
                                " -b white -o '" + reference.string() + "' '" + tiger_path.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const Array png = app::load_png(reference); // RGB: -b white left no transparency
    ASSERT_EQ(png.shape()[0], std::size_t(side));
    ASSERT_EQ(png.shape()[1], std::size_t(side));
    const std::size_t channels = png.shape()[2];
    ASSERT_GE(channels, 3u);
    const auto rsvg = png.to_vector<std::uint8_t>();

    // Measured on llvmpipe: 2.81 and 0.972 without multisampling (fills have hard
    // edges), 1.32 and 0.986 with 4 samples. The bounds leave about 40% of margin on the
    // difference. A blank image, or the tiger shifted by two pixels, must fail them.
    struct Bound {
        int samples;
        double max_mad, min_iou;
    };
    std::vector<std::uint8_t> ours;
    for (const Bound& bound : {Bound{0, 4.0, 0.96}, Bound{4, 2.0, 0.975}}) {
        ours = render_glumpp(bound.samples);
        app::save_png(Array::from(ours, {side, side, 4}), dir / ("tiger-glumpp-" + std::to_string(bound.samples) + ".png"));
        const Agreement a = compare(ours, rsvg, channels);
        std::printf("[ tiger    ] %dx%d, %d samples: mean absolute difference %.2f / 255, coverage IoU %.4f\n", side, side,
                    bound.samples, a.mean_abs_diff, a.coverage_iou);
        EXPECT_LT(a.mean_abs_diff, bound.max_mad) << bound.samples << " samples";
        EXPECT_GT(a.coverage_iou, bound.min_iou) << bound.samples << " samples";
    }
    const Agreement blank = compare(std::vector<std::uint8_t>(std::size_t(side * side * 4), 255), rsvg, channels);
    EXPECT_EQ(blank.coverage_iou, 0.0);
    EXPECT_GT(blank.mean_abs_diff, 4.0);
    std::vector<std::uint8_t> shifted(ours.size(), 255);
    for (std::size_t y = 0; y < side; ++y) {
        std::copy_n(&ours[(y * side) * 4], (side - 2) * 4, &shifted[(y * side + 2) * 4]);
    }
    const Agreement moved = compare(shifted, rsvg, channels);
    std::printf("[ tiger    ] shifted by 2 pixels: mean absolute difference %.2f / 255, coverage IoU %.4f\n",
                moved.mean_abs_diff, moved.coverage_iou);
    EXPECT_TRUE(moved.mean_abs_diff > 2.0 || moved.coverage_iou < 0.975);
}

// Shapes the collections refuse are left out whole, with a warning naming them; the
// others still draw (a shape of the reader's never gets here, but edited ones can).
TEST_F(SvgSceneTest, RefusedShapesAreSkippedWhole) {
    const auto square = [](double x) {
        svg::Shape s;
        s.element = "rect";
        s.line = 3;
        s.subpaths = {svg::Polyline{{{x, 0}, {x + 10, 0}, {x + 10, 10}, {x, 10}}, true}};
        s.fill = svg::Fill{{1, 0, 0, 1}};
        return s;
    };
    std::vector<svg::Shape> shapes{square(0), square(20), square(40), square(60)};
    shapes[1].id = "nan";
    shapes[1].subpaths[0].points[2].x = std::nan("");
    shapes[2].id = "width";
    shapes[2].stroke = svg::Stroke{{0, 0, 1, 1}};
    shapes[2].stroke->width = -1; // the fill would be fine: it is taken back too
    SvgScene scene{std::span<const svg::Shape>(shapes)};
    EXPECT_EQ(scene.fills().size(), 2u);
    EXPECT_EQ(scene.strokes().size(), 0u);
    ASSERT_EQ(scene.warnings().size(), 2u);
    EXPECT_TRUE(scene.warnings()[0].starts_with("rect#nan (line 3): Tessellator::fill: ")) << scene.warnings()[0];
    EXPECT_EQ(scene.warnings()[1], "rect#width (line 3): PathCollection::append: width -1 is not a finite number >= 0; skipped");
    EXPECT_EQ(scene.fills().order(1), 6.0f); // the fourth shape keeps its place in painter's order
}

// A translucent fill over an earlier stroke shows the stroke through it, as SVG's
// document order says (issue 15: the depth trick erased it); an opaque fill still covers
// an earlier stroke within one layer. Expected colours by hand: straight-alpha "over".
TEST(SvgSceneRender, TranslucentFillsKeepDocumentOrder) {
    const char* text = R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">
      <path d="M5 30 H 115" fill="none" stroke="#000" stroke-width="6"/>
      <rect x="10" y="10" width="30" height="40" fill="#cc3333" fill-opacity="0.4"/>
      <rect x="50" y="10" width="30" height="40" fill="#3366cc" fill-opacity="0"/>
      <path d="M5 55 H 115" fill="none" stroke="#000" stroke-width="4"/>
      <rect x="85" y="50" width="10" height="10" fill="#663399"/>
      <rect x="85" y="5" width="10" height="10" fill="#ff9900" fill-opacity="0.5"/></svg>)svg";
    app::WindowConfig config;
    config.width = 120;
    config.height = 60;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    app::Window window(config);
    window.activate();
    SvgScene scene(svg::Document::parse(text));
    // The first translucent rectangle meets the first stroke: a second layer. The
    // second translucent one meets nothing of that layer's strokes (there are none
    // yet): it stays; the opaque rectangle and the last translucent one (which meets no
    // stroke of the second layer: the second stroke is far below it) stay too.
    EXPECT_EQ(scene.layer_count(), 2u);
    EXPECT_EQ(scene.draw_calls(), 3u); // layer 0: its stroke only; layer 1: fills, strokes
    EXPECT_EQ(scene.fills(0).size(), 0u);
    EXPECT_EQ(scene.strokes(0).size(), 1u);
    EXPECT_EQ(scene.fills(1).size(), 4u);
    EXPECT_EQ(scene.strokes(1).size(), 1u);
    EXPECT_EQ(message_of<IndexError>([&] { (void)scene.fills(2); }),
              "SvgScene::fills: layer 2 is out of range for a scene of 2 layers");
    window.clear();
    scene.draw();
    window.swap();
    const auto px = window.read_pixels().to_vector<std::uint8_t>();
    const auto at = [&](int x, int y) {
        const std::size_t k = (std::size_t(y) * 120 + std::size_t(x)) * 4;
        return glm::ivec3(px[k], px[k + 1], px[k + 2]);
    };
    const auto near = [](glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(3))); };
    EXPECT_PRED2(near, at(25, 30), glm::ivec3(82, 20, 20)) << "0.4 of #cc3333 over the black stroke";
    EXPECT_PRED2(near, at(65, 30), glm::ivec3(0, 0, 0)) << "the stroke under a fill of opacity 0";
    EXPECT_PRED2(near, at(25, 20), glm::ivec3(235, 173, 173)) << "0.4 of #cc3333 over white";
    EXPECT_PRED2(near, at(90, 56), glm::ivec3(102, 51, 153)) << "an opaque fill covers the earlier stroke";
    EXPECT_PRED2(near, at(90, 10), glm::ivec3(255, 204, 128)) << "0.5 of #ff9900 over white";
}

// A document alternating strokes and translucent fills over them would make a layer per
// fill: the scene stops at max_layers and says how many fills it kept in the last one.
TEST(SvgSceneRender, LayersAreBounded) {
    std::string text = R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">)";
    const std::size_t pairs = SvgScene::max_layers + 36;
    for (std::size_t k = 0; k < pairs; ++k)
        text += R"(<path d="M0 50 H 100" stroke="#000" stroke-width="2"/><rect x="10" y="40" width="80" height="20" fill="#f00" fill-opacity="0.5"/>)";
    text += "</svg>";
    app::WindowConfig config;
    config.width = 100;
    config.height = 100;
    config.backend = app::Backend::Offscreen;
    app::Window window(config);
    window.activate();
    SvgScene scene(svg::Document::parse(text));
    EXPECT_EQ(scene.layer_count(), SvgScene::max_layers);
    // Every fill meets the stroke before it; the first 63 open the layers 1..63.
    const std::size_t kept = pairs - (SvgScene::max_layers - 1);
    const std::string expected = "SvgScene: " + std::to_string(kept) + " translucent fills past the 64-layer limit drawn in the last layer (it may hide strokes beneath it)";
    EXPECT_NE(std::find(scene.warnings().begin(), scene.warnings().end(), expected), scene.warnings().end()) << expected;
}

// The root viewport clips (SVG: overflow of the outermost svg is hidden): a circle
// crossing the document's right edge, drawn in a window twice the document's width,
// stops at the edge; the scissor state is the host's again after the draw.
TEST(SvgSceneRender, RootViewportClips) {
    app::WindowConfig config;
    config.width = 80;
    config.height = 40;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    app::Window window(config);
    window.activate();
    SvgScene scene(svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">
      <circle cx="40" cy="20" r="15" fill="#000"/></svg>)svg"));
    ASSERT_TRUE(scene.clip());
    EXPECT_EQ(scene.clip()->width, 40.0);
    window.clear();
    scene.draw(); // world units are pixels: the document is the window's left half
    EXPECT_FALSE(glIsEnabled(GL_SCISSOR_TEST));
    window.swap();
    auto px = window.read_pixels().to_vector<std::uint8_t>();
    const auto red = [&](int x, int y) { return int(px[(std::size_t(y) * 80 + std::size_t(x)) * 4]); };
    EXPECT_EQ(red(35, 20), 0);   // inside the document
    EXPECT_EQ(red(38, 20), 0);
    EXPECT_EQ(red(41, 20), 255); // outside: clipped
    EXPECT_EQ(red(50, 20), 255);
    scene.set_clip(std::nullopt);
    window.clear();
    scene.draw();
    window.swap();
    px = window.read_pixels().to_vector<std::uint8_t>();
    EXPECT_EQ(red(41, 20), 0) << "without the clip the circle's right half is drawn";
    EXPECT_EQ(red(50, 20), 0);
}

// Gradients (issue 15) are evaluated per fragment: every pixel of two gradient fills,
// drawn by one GradientCollection in one draw call, is what the reader's CPU evaluation
// (svg::Gradient::parameter and color_at, at the pixel's centre) composited over white
// gives, within 2/255 (the table's 256 texels and float32); pixels within 1.5 of an edge
// are left out (single-sampled edges), and so are those next to repeat's jump. rsvg-convert is the independent oracle of the
// same features: tests/svg/documents/gradient-*.svg in svg_corpus.
TEST(SvgSceneRender, GradientsAreTheirCpuEvaluationPerPixel) {
    app::WindowConfig config;
    config.width = 96;
    config.height = 48;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    app::Window window(config);
    window.activate();
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48">
      <linearGradient id="l" x1="0.2" x2="0.5" y2="0.3" spreadMethod="reflect">
        <stop offset="0" stop-color="#c02030"/><stop offset="0.6" stop-color="#30c040" stop-opacity="0.5"/>
        <stop offset="1" stop-color="#2040c0"/></linearGradient>
      <radialGradient id="r" fx="0.3" fy="0.35" r="0.4" spreadMethod="repeat">
        <stop offset="0" stop-color="white"/><stop offset="1" stop-color="#804000"/></radialGradient>
      <rect x="2" y="2" width="44" height="44" fill="url(#l)"/>
      <rect x="50" y="2" width="44" height="44" fill="url(#r)" transform="rotate(10 72 24)"/></svg>)svg");
    ASSERT_TRUE(doc.warnings().empty()) << doc.warnings()[0];
    SvgScene scene(doc);
    EXPECT_EQ(scene.layer_count(), 1u);
    EXPECT_EQ(scene.draw_calls(), 1u);
    EXPECT_EQ(scene.gradients().size(), 2u);
    EXPECT_EQ(scene.fills().size(), 0u);
    window.clear();
    scene.draw();
    window.swap();
    const auto px = window.read_pixels().to_vector<std::uint8_t>();
    int checked = 0, worst = 0;
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 96; ++x) {
            const glm::dvec2 c{x + 0.5, y + 0.5};
            const svg::Shape& s = doc.shapes()[x < 48 ? 0 : 1];
            // Inside the shape by 1.5 pixels: in the shape's own (user) coordinates.
            const glm::dvec2 u = s.transform.inverse()->apply(c);
            const double lo = x < 48 ? 2 : 50;
            if (!(u.x > lo + 1.5 && u.x < lo + 42.5 && u.y > 3.5 && u.y < 44.5)) continue;
            const auto t = s.fill->gradient->parameter(c);
            ASSERT_TRUE(t);
            // Where repeat jumps from the last stop back to the first, float32 and double
            // may fall on either side: those pixels are left out.
            if (x >= 48 && std::abs(*t - std::round(*t)) < 0.02) continue;
            const svg::Color g = s.fill->gradient->color_at(*t);
            const double want[3] = {g.r * g.a + (1 - g.a), g.g * g.a + (1 - g.a), g.b * g.a + (1 - g.a)};
            for (int k = 0; k < 3; ++k) {
                const int d = std::abs(int(px[(std::size_t(y) * 96 + std::size_t(x)) * 4 + k]) - int(std::lround(want[k] * 255)));
                worst = std::max(worst, d);
            }
            ++checked;
        }
    EXPECT_GT(checked, 2 * 36 * 36);
    EXPECT_LE(worst, 2);
}

// A translucent gradient over an earlier stroke shows it through (a new layer, as a
// translucent solid fill does); a translucent solid fill over an earlier gradient fill
// shows that (a gradient fill is drawn after the layer's solid fills).
TEST(SvgSceneRender, TranslucentGradientsKeepDocumentOrder) {
    app::WindowConfig config;
    config.width = 60;
    config.height = 40;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    app::Window window(config);
    window.activate();
    SvgScene scene(svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40">
      <linearGradient id="g"><stop stop-color="#0000ff" stop-opacity="0.5"/><stop offset="1" stop-color="#0000ff" stop-opacity="0.5"/></linearGradient>
      <linearGradient id="o"><stop stop-color="#00ff00"/><stop offset="1" stop-color="#00ff00"/></linearGradient>
      <path d="M0 10 H 30" stroke="#000" stroke-width="6"/>
      <rect x="5" y="0" width="20" height="20" fill="url(#g)"/>
      <rect x="35" y="0" width="20" height="20" fill="url(#o)"/>
      <rect x="30" y="5" width="30" height="10" fill="#ff0000" fill-opacity="0.5"/></svg>)svg"));
    EXPECT_EQ(scene.layer_count(), 3u);
    window.clear();
    scene.draw();
    window.swap();
    const auto px = window.read_pixels().to_vector<std::uint8_t>();
    const auto at = [&](int x, int y) {
        const std::size_t k = (std::size_t(y) * 60 + std::size_t(x)) * 4;
        return glm::ivec3(px[k], px[k + 1], px[k + 2]);
    };
    const auto near = [](glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(3))); };
    EXPECT_PRED2(near, at(15, 10), glm::ivec3(0, 0, 128)) << "half blue over the black stroke";
    EXPECT_PRED2(near, at(15, 17), glm::ivec3(128, 128, 255)) << "half blue over white";
    EXPECT_PRED2(near, at(45, 10), glm::ivec3(128, 128, 0)) << "half red over the opaque green gradient";
}
