// Pattern fills (issue 15, h-pattern) on real GL: the tile rendered once into a texture
// and repeated by one TextureFillCollection; its pixels against the tile's own geometry
// (from the reader's svg::Pattern), its draw calls, and the tile limit.
#include <glumpp/app.hpp>
#include <glumpp/graphics/SvgScene.hpp>

#include <glm/common.hpp>
#include <glm/vector_relational.hpp>
#include <gtest/gtest.h>

#include <string>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

app::Window window_of(int w, int h) {
    app::WindowConfig config;
    config.width = w;
    config.height = h;
    config.backend = app::Backend::Offscreen;
    config.clear_color = {1, 1, 1, 1};
    return app::Window(config);
}

glm::ivec3 at(const std::vector<std::uint8_t>& px, int width, int x, int y) {
    const std::size_t k = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
    return {px[k], px[k + 1], px[k + 2]};
}

bool near(glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(6))); }

} // namespace

TEST(SvgScenePattern, TilesRepeatInOneDrawCallPerFill) {
    app::Window window = window_of(64, 64);
    window.activate();
    // A 16 x 16 tile from (4, 4): red in its top-left 8 x 8 quarter, blue in the
    // bottom-right one, the rest transparent (the white clear shows). The second rect is
    // the same pattern at fill-opacity 0.5.
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">
      <pattern id="p" patternUnits="userSpaceOnUse" x="4" y="4" width="16" height="16">
        <rect width="8" height="8" fill="#ff0000"/><rect x="8" y="8" width="8" height="8" fill="#0000ff"/></pattern>
      <rect width="64" height="32" fill="url(#p)"/>
      <rect y="32" width="64" height="32" fill="url(#p)" fill-opacity="0.5"/></svg>)svg");
    ASSERT_TRUE(doc.warnings().empty()) << doc.warnings()[0];
    SvgScene scene(doc);
    EXPECT_TRUE(scene.warnings().empty());
    ASSERT_EQ(scene.images().size(), 2u);
    EXPECT_EQ(scene.draw_calls(), 2u);
    window.clear();
    scene.draw();
    window.swap();
    const auto px = window.read_pixels().to_vector<std::uint8_t>();
    // Each pixel centre's colour from the tile's geometry: the reader's to_pattern.
    const svg::Pattern& p = *doc.shapes()[0].fill->pattern;
    int checked = 0;
    for (int y = 1; y < 31; y += 3)
        for (int x = 1; x < 63; x += 3) {
            const glm::dvec2 q = p.to_pattern.apply({x + 0.5, y + 0.5});
            const double u = q.x - 16.0 * std::floor(q.x / 16.0), v = q.y - 16.0 * std::floor(q.y / 16.0);
            // Away from the tile's edges, where filtering mixes.
            const auto inside = [](double t) { return std::abs(t - 8.0) > 1.5 && t > 1.5 && t < 14.5; };
            if (!inside(u) || !inside(v)) continue;
            const glm::ivec3 want = u < 8 && v < 8 ? glm::ivec3(255, 0, 0) : u >= 8 && v >= 8 ? glm::ivec3(0, 0, 255) : glm::ivec3(255);
            EXPECT_PRED2(near, at(px, 64, x, y), want) << "at " << x << ", " << y;
            const glm::ivec3 half = (want + glm::ivec3(255)) / 2;
            EXPECT_PRED2(near, at(px, 64, x, y + 32), half) << "half alpha at " << x << ", " << y + 32;
            ++checked;
        }
    EXPECT_GT(checked, 40);
    // The tile is rendered once: a second frame is the same.
    window.clear();
    scene.draw();
    window.swap();
    EXPECT_EQ(window.read_pixels().to_vector<std::uint8_t>(), px);
}

TEST(SvgScenePattern, PastTheTileLimitFillsAreTheirFallbackColor) {
    app::Window window = window_of(8, 8);
    window.activate();
    std::string body;
    for (int k = 0; k < 65; ++k) body += "<rect width=\"8\" height=\"8\" fill=\"url(#p) #00ff00\"/>";
    const auto doc = svg::Document::parse(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">
      <pattern id="p" patternUnits="userSpaceOnUse" width="4" height="4"><rect width="4" height="4" fill="red"/></pattern>)svg" +
                                          body + "</svg>");
    SvgScene scene(doc);
    std::size_t textured = 0;
    for (std::size_t l = 0; l < scene.layer_count(); ++l) textured += scene.images(l).size();
    EXPECT_EQ(textured, 64u);
    ASSERT_EQ(scene.warnings().size(), 1u);
    EXPECT_EQ(scene.warnings()[0], "SvgScene: 1 pattern fill past the 64-pattern limit drawn in their fallback color");
    window.clear();
    scene.draw();
    window.swap();
    const auto px = window.read_pixels().to_vector<std::uint8_t>();
    EXPECT_PRED2(near, at(px, 8, 4, 4), glm::ivec3(0, 255, 0)) << "the last rect, solid";
}
