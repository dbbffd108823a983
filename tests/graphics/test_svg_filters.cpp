// SvgScene's feFlood, feComposite, feColorMatrix and the filter region on real GL
// (llvmpipe through EGL): colours worked out by hand from SVG 1.1 15 (premultiplied
// Porter-Duff, the matrix on un-premultiplied colour), and one draw call per primitive.
#include "../gloo/GLTest.hpp"

#include <glumpp/graphics/SvgScene.hpp>

#include <glm/common.hpp>
#include <glm/vector_relational.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;
using glumpp::test::GLTest;

namespace {

constexpr int width = 120, height = 80;

class SvgFilters : public GLTest {
protected:
    /// The document's body drawn over opaque white, as the window's pixels (row 0 = top);
    /// checks that the draw calls counted are the draw calls made.
    std::vector<std::uint8_t> render(const std::string& body, std::size_t draw_calls) {
        const auto doc = svg::Document::parse(R"(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">)" + body + "</svg>");
        EXPECT_TRUE(doc.warnings().empty());
        SvgScene scene(doc);
        EXPECT_EQ(scene.draw_calls(), draw_calls);
        auto on = target.activated();
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        ctx.reset_frame_stats();
        scene.draw();
        EXPECT_EQ(ctx.frame_stats().draw_calls, draw_calls);
        return target.read_pixels().to_vector<std::uint8_t>();
    }
    static glm::ivec3 at(const std::vector<std::uint8_t>& px, int x, int y) {
        const std::size_t k = (std::size_t(y) * width + std::size_t(x)) * 4;
        return {px[k], px[k + 1], px[k + 2]};
    }
    gloo::FrameBuffer target{{gloo::RenderBuffer::color(width, height)}, gloo::RenderBuffer::depth(width, height)};
};

bool near(glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(3))); }

} // namespace

// Flood blue at 0.5, "in" the red rectangle: half blue over white inside, white outside.
TEST_F(SvgFilters, FloodInSourceGraphic) {
    const auto px = render(R"svg(<filter id="f" color-interpolation-filters="sRGB"><feFlood flood-color="#00f" flood-opacity="0.5"/>
      <feComposite in2="SourceGraphic" operator="in"/></filter>
      <rect x="10" y="10" width="50" height="60" fill="#f00" filter="url(#f)"/>)svg",
                           1 + 1 + 1 + 1); // fill, flood, composite, group composite
    EXPECT_PRED2(near, at(px, 30, 40), glm::ivec3(128, 128, 255));
    EXPECT_PRED2(near, at(px, 80, 40), glm::ivec3(255, 255, 255));
}

// The default region, -10% / 120% of the box (x 5 to 65), cuts an unbounded flood.
TEST_F(SvgFilters, FloodFillsTheRegion) {
    const auto px = render(R"svg(<filter id="f"><feFlood flood-color="#f00"/></filter>
      <rect x="10" y="10" width="50" height="60" fill="#00f" filter="url(#f)"/>)svg",
                           1 + 1 + 1);
    EXPECT_PRED2(near, at(px, 7, 40), glm::ivec3(255, 0, 0));
    EXPECT_PRED2(near, at(px, 63, 40), glm::ivec3(255, 0, 0));
    EXPECT_PRED2(near, at(px, 2, 40), glm::ivec3(255, 255, 255));
    EXPECT_PRED2(near, at(px, 70, 40), glm::ivec3(255, 255, 255));
}

// A matrix moving red into blue; arithmetic 0.5 A + 0.5 B of red and green.
TEST_F(SvgFilters, ColorMatrixAndArithmetic) {
    const auto px = render(R"svg(<filter id="m" color-interpolation-filters="sRGB">
        <feColorMatrix values="0 0 0 0 0  0 0 0 0 0  1 0 0 0 0  0 0 0 1 0"/></filter>
      <filter id="a" color-interpolation-filters="sRGB" x="0" y="0" width="1" height="1"><feFlood flood-color="#0f0" result="g"/>
        <feComposite in="SourceGraphic" in2="g" operator="arithmetic" k2="0.5" k3="0.5"/></filter>
      <rect x="10" y="10" width="40" height="60" fill="#f00" filter="url(#m)"/>
      <rect x="70" y="10" width="40" height="60" fill="#f00" filter="url(#a)"/>)svg",
                           (1 + 1 + 1) + (1 + 2 + 1));
    EXPECT_PRED2(near, at(px, 30, 40), glm::ivec3(0, 0, 255));
    EXPECT_PRED2(near, at(px, 90, 40), glm::ivec3(128, 128, 0));
    EXPECT_PRED2(near, at(px, 60, 40), glm::ivec3(255, 255, 255));
}
