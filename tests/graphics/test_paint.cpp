// paint (issue 15): SvgScene's <image>s (TextureFillCollection) and gradient strokes
// (GradientPathCollection) on real GL, against the reader's own pixels and the CPU twin of
// the gradient (svg::Gradient::parameter, color_at); their draw calls, layers and uploads.
#include <glumpp/app.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/graphics/SvgScene.hpp>

#include <glm/common.hpp>
#include <glm/vector_relational.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

// 2x1 RGBA written by PIL: (255, 0, 0, 255), (0, 0, 255, 128).
const std::string png_2x1 =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8Dwn4HhfwMAD3oDfgvLLrEAAAAASUVORK5CYII=";

app::Window window_of(int w, int h) {
    app::WindowConfig config;
    config.width = w;
    config.height = h;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    return app::Window(config);
}

std::vector<std::uint8_t> frame(app::Window& window, SvgScene& scene) {
    window.clear();
    scene.draw();
    window.swap();
    return window.read_pixels().to_vector<std::uint8_t>();
}

glm::ivec3 at(const std::vector<std::uint8_t>& px, int width, int x, int y) {
    const std::size_t k = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
    return {px[k], px[k + 1], px[k + 2]};
}

bool near(glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(3))); }

} // namespace

TEST(SvgScenePaint, ImagesDrawTheirPixelsInOneCallEach) {
    app::Window window = window_of(40, 40);
    window.activate();
    // Nearest sampling: each picture pixel is a 20x20 square. The second image (smooth,
    // opacity 0.5) sits below.
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">
      <image width="40" height="20" image-rendering="pixelated" href=")svg" + png_2x1 + R"svg("/>
      <image y="20" width="40" height="20" opacity="0.5" href=")svg" + png_2x1 + R"svg("/></svg>)svg");
    ASSERT_TRUE(doc.warnings().empty()) << doc.warnings()[0];
    SvgScene scene(doc);
    EXPECT_TRUE(scene.warnings().empty());
    EXPECT_EQ(scene.layer_count(), 1u);
    ASSERT_EQ(scene.images().size(), 2u);
    EXPECT_EQ(scene.draw_calls(), 2u);
    const auto px = frame(window, scene);
    EXPECT_PRED2(near, at(px, 40, 5, 10), glm::ivec3(255, 0, 0));
    EXPECT_PRED2(near, at(px, 40, 34, 10), glm::ivec3(127, 127, 255)) << "half-alpha blue over white";
    EXPECT_PRED2(near, at(px, 40, 2, 30), glm::ivec3(255, 128, 128)) << "red at opacity 0.5";
    // Linear filtering of premultiplied texels between red and half blue: no dark fringe.
    const glm::ivec3 mid = at(px, 40, 20, 30);
    EXPECT_GT(mid.x + mid.y + mid.z, 3 * 150) << mid.x << " " << mid.y << " " << mid.z;
}

TEST(SvgScenePaint, GradientStrokesAreTheirCpuEvaluationPerPixel) {
    app::Window window = window_of(96, 48);
    window.activate();
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48">
      <linearGradient id="l" gradientUnits="userSpaceOnUse" x1="4" x2="44" spreadMethod="reflect">
        <stop offset="0" stop-color="#c02030"/><stop offset="0.6" stop-color="#30c040" stop-opacity="0.5"/>
        <stop offset="1" stop-color="#2040c0"/></linearGradient>
      <radialGradient id="r" gradientUnits="userSpaceOnUse" cx="72" cy="24" r="20" fx="64">
        <stop offset="0" stop-color="white"/><stop offset="1" stop-color="#804000"/></radialGradient>
      <path d="M 4 24 H 44" fill="none" stroke="url(#l)" stroke-width="30"/>
      <path d="M 52 24 H 92" fill="none" stroke="url(#r)" stroke-width="30"/></svg>)svg");
    ASSERT_TRUE(doc.warnings().empty()) << doc.warnings()[0];
    SvgScene scene(doc);
    EXPECT_TRUE(scene.warnings().empty()) << scene.warnings()[0];
    EXPECT_EQ(scene.draw_calls(), 1u);
    EXPECT_EQ(scene.gradient_strokes().size(), 2u);
    EXPECT_EQ(scene.strokes().size(), 0u);
    const auto px = frame(window, scene);
    int checked = 0, worst = 0;
    for (int y = 11; y < 37; ++y)
        for (int x = 0; x < 96; ++x) {
            if (!((x > 5 && x < 43) || (x > 53 && x < 91))) continue; // 1.5 pixels inside
            const glm::dvec2 c{x + 0.5, y + 0.5};
            const svg::Gradient& g = *doc.shapes()[x < 48 ? 0 : 1].stroke->gradient;
            const auto t = g.parameter(c);
            if (!t) continue;
            const svg::Color k = g.color_at(*t);
            const glm::ivec3 want(std::lround((k.r * k.a + 1 - k.a) * 255), std::lround((k.g * k.a + 1 - k.a) * 255),
                                  std::lround((k.b * k.a + 1 - k.a) * 255));
            const glm::ivec3 d = glm::abs(at(px, 96, x, y) - want);
            worst = std::max({worst, d.x, d.y, d.z});
            ++checked;
        }
    EXPECT_GT(checked, 2 * 36 * 24);
    EXPECT_LE(worst, 2);
}

// Strokes write no depth, so painter's order between the two stroke collections is draw
// order: a solid stroke over an earlier gradient stroke needs a layer of its own; an image
// (translucent) over an earlier stroke too.
TEST(SvgScenePaint, StrokeAndImageOrderIsTheDocuments) {
    app::Window window = window_of(60, 40);
    window.activate();
    // (userSpaceOnUse: a horizontal line's box has no height, objectBoundingBox would paint
    // the fallback.)
    SvgScene scene(svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40">
      <linearGradient id="g" gradientUnits="userSpaceOnUse"><stop stop-color="#00ff00"/><stop offset="1" stop-color="#00ff00"/></linearGradient>
      <path d="M 0 10 H 30" stroke="url(#g)" stroke-width="10"/>
      <path d="M 15 0 V 20" stroke="#000000" stroke-width="6"/>
      <path d="M 30 30 H 60" stroke="#000000" stroke-width="10"/>
      <image x="40" y="25" width="20" height="10" opacity="0.5" image-rendering="pixelated" href=")svg" + png_2x1 + R"svg("/></svg>)svg"));
    EXPECT_EQ(scene.layer_count(), 3u);
    const auto px = frame(window, scene);
    EXPECT_PRED2(near, at(px, 60, 15, 10), glm::ivec3(0, 0, 0)) << "the black stroke over the gradient one";
    EXPECT_PRED2(near, at(px, 60, 5, 10), glm::ivec3(0, 255, 0));
    EXPECT_PRED2(near, at(px, 60, 45, 30), glm::ivec3(128, 0, 0)) << "half red over the black stroke";
}

TEST(SvgScenePaint, PanAndZoomUploadNothing) {
    app::Window window = window_of(64, 64);
    window.activate();
    SvgScene scene(svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">
      <linearGradient id="g" gradientUnits="userSpaceOnUse" x1="4" x2="60"><stop stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
      <image width="64" height="32" href=")svg" + png_2x1 + R"svg("/>
      <path d="M 4 48 H 60" stroke="url(#g)" stroke-width="8"/></svg>)svg"));
    PanZoom view(Rect{0, 0, 64, 64});
    view.resize(64, 64);
    scene.set_transform(view);
    const auto first = frame(window, scene);
    window.context().reset_frame_stats();
    view.zoom_at({32, 32}, 2.0);
    view.pan({5, -3});
    const auto second = frame(window, scene);
    EXPECT_EQ(window.context().frame_stats().uploads.bytes_sent, 0u);
    EXPECT_EQ(window.context().frame_stats().draw_calls, 2u);
    EXPECT_NE(first, second);
}
