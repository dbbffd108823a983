// SvgScene's compositing groups on real GL (llvmpipe through EGL): a group drawn offscreen
// and composited once (so overlaps inside it do not show through), clip paths, masks and
// filters; the draw calls each costs; and pan/zoom sending nothing but uniforms.
// Expected colours are worked out by hand from SVG's compositing rules (premultiplied
// "over", opacity applied once per group); tests/svg/documents compares whole images with
// rsvg-convert.
#include "../gloo/GLTest.hpp"

#include <glumpp/graphics/PanZoom.hpp>
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

class SvgCompositing : public GLTest {
protected:
    /// The scene drawn over opaque white, as the window's pixels (row 0 = top).
    std::vector<std::uint8_t> render(SvgScene& scene) {
        auto on = target.activated();
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        scene.draw();
        return target.read_pixels().to_vector<std::uint8_t>();
    }
    static glm::ivec3 at(const std::vector<std::uint8_t>& px, int x, int y) {
        const std::size_t k = (std::size_t(y) * width + std::size_t(x)) * 4;
        return {px[k], px[k + 1], px[k + 2]};
    }
    gloo::FrameBuffer target{{gloo::RenderBuffer::color(width, height)}, gloo::RenderBuffer::depth(width, height)};
};

bool near(glm::ivec3 a, glm::ivec3 b) { return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(3))); }

svg::Document document(const std::string& body) {
    return svg::Document::parse(R"(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">)" + body + "</svg>");
}

} // namespace

// Two overlapping opaque rectangles in a group of opacity 0.5: where they overlap, the
// later one alone at half strength (the group is one layer); multiplied into each shape,
// the earlier would show through (#800080-ish instead of #8080ff).
TEST_F(SvgCompositing, GroupOpacityIsOneLayer) {
    const auto doc = document(R"svg(<g opacity="0.5"><rect x="10" y="10" width="60" height="60" fill="#f00"/>
      <rect x="40" y="10" width="60" height="60" fill="#00f"/></g>)svg");
    SvgScene scene(doc);
    EXPECT_EQ(scene.group_count(), 1u);
    EXPECT_EQ(scene.draw_calls(), 2u); // the group's fills, the composite
    ctx.reset_frame_stats();
    const auto px = render(scene);
    EXPECT_EQ(ctx.frame_stats().draw_calls, scene.draw_calls());
    EXPECT_PRED2(near, at(px, 25, 40), glm::ivec3(255, 128, 128)) << "red at 0.5 over white";
    EXPECT_PRED2(near, at(px, 55, 40), glm::ivec3(128, 128, 255)) << "the overlap: blue alone at 0.5";
    EXPECT_PRED2(near, at(px, 110, 40), glm::ivec3(255, 255, 255));
}

// Nested groups multiply their opacities on the composited layers: 0.5 of 0.5 of black.
TEST_F(SvgCompositing, NestedGroups) {
    const auto doc = document(R"svg(<g opacity="0.5"><rect x="0" y="0" width="60" height="80" fill="#000"/>
      <g opacity="0.5"><rect x="60" y="0" width="60" height="80" fill="#000"/><rect x="60" y="0" width="60" height="40" fill="#000"/></g></g>)svg");
    SvgScene scene(doc);
    EXPECT_EQ(scene.group_count(), 2u);
    EXPECT_EQ(scene.draw_calls(), 4u); // outer fills, inner fills, two composites
    const auto px = render(scene);
    EXPECT_PRED2(near, at(px, 30, 40), glm::ivec3(128, 128, 128));
    EXPECT_PRED2(near, at(px, 90, 20), glm::ivec3(191, 191, 191)) << "0.25 black, its two rectangles not summed";
    EXPECT_PRED2(near, at(px, 90, 60), glm::ivec3(191, 191, 191));
}

// clip-path: the union of the clip's shapes, each under its clip-rule; a clipPath's own
// clip-path intersects (one more draw to multiply the coverages).
TEST_F(SvgCompositing, ClipPaths) {
    const auto doc = document(R"svg(<clipPath id="ring"><path clip-rule="evenodd" d="M0 0 H60 V80 H0 Z M20 20 H40 V60 H20 Z"/></clipPath>
      <clipPath id="top"><rect width="120" height="40"/></clipPath>
      <clipPath id="right" clip-path="url(#top)"><rect x="60" width="60" height="80"/></clipPath>
      <rect width="120" height="80" fill="#080" clip-path="url(#ring)"/>
      <rect width="120" height="80" fill="#008" clip-path="url(#right)"/>)svg");
    SvgScene scene(doc);
    EXPECT_EQ(scene.group_count(), 2u);
    // ring: fill, clip, composite; right: fill, two clips, their product, composite.
    EXPECT_EQ(scene.draw_calls(), 3u + 5u);
    const auto px = render(scene);
    EXPECT_PRED2(near, at(px, 10, 40), glm::ivec3(0, 136, 0));
    EXPECT_PRED2(near, at(px, 30, 40), glm::ivec3(255, 255, 255)) << "the even-odd hole";
    EXPECT_PRED2(near, at(px, 90, 20), glm::ivec3(0, 0, 136));
    EXPECT_PRED2(near, at(px, 90, 60), glm::ivec3(255, 255, 255)) << "outside the nested clip";
}

// A luminance mask: white shows, black hides, and 50% grey (#808080, luminance 0.502)
// shows half.
TEST_F(SvgCompositing, LuminanceMask) {
    const auto doc = document(R"svg(<mask id="m"><rect width="40" height="80" fill="#fff"/><rect x="40" width="40" height="80" fill="#808080"/></mask>
      <rect width="120" height="80" fill="#000" mask="url(#m)"/>)svg");
    SvgScene scene(doc);
    EXPECT_EQ(scene.draw_calls(), 3u); // fill, mask content, composite
    const auto px = render(scene);
    EXPECT_PRED2(near, at(px, 20, 40), glm::ivec3(0, 0, 0));
    EXPECT_PRED2(near, at(px, 60, 40), glm::ivec3(127, 127, 127));
    EXPECT_PRED2(near, at(px, 100, 40), glm::ivec3(255, 255, 255));
}

// A drop shadow: SourceAlpha blurred, offset, merged under SourceGraphic. Far from the
// edges the shadow is solid black (the blur's weights sum to 1), the graphic on top.
TEST_F(SvgCompositing, DropShadow) {
    const auto doc = document(R"svg(<filter id="f" x="0" y="0" width="2" height="1"><feGaussianBlur in="SourceAlpha" stdDeviation="1"/><feOffset dx="30" dy="0" result="s"/>
      <feMerge><feMergeNode in="s"/><feMergeNode in="SourceGraphic"/></feMerge></filter>
      <rect x="10" y="10" width="50" height="60" fill="#f00" filter="url(#f)"/>)svg");
    SvgScene scene(doc);
    EXPECT_EQ(scene.draw_calls(), 1u + 2u + 1u + 2u + 1u); // fill, blur, offset, merge of two, composite
    ctx.reset_frame_stats();
    const auto px = render(scene);
    EXPECT_EQ(ctx.frame_stats().draw_calls, scene.draw_calls());
    EXPECT_PRED2(near, at(px, 30, 40), glm::ivec3(255, 0, 0));
    // The region (x 10 to 110) holds the shadow; the default (-10% / 120%) would cut it at 65.
    EXPECT_PRED2(near, at(px, 75, 40), glm::ivec3(0, 0, 0)) << "the shadow, 30 pixels right";
    EXPECT_PRED2(near, at(px, 100, 40), glm::ivec3(255, 255, 255));
    // Across the shadow's right edge (x = 90) the blur ramps: neither black nor white.
    const glm::ivec3 edge = at(px, 90, 40);
    EXPECT_GT(edge.r, 40);
    EXPECT_LT(edge.r, 215);
}

// Panning and zooming change uniforms only: nothing is uploaded (buffers, textures), and
// the blur radius follows the zoom (a uniform too).
TEST_F(SvgCompositing, PanZoomUploadsNothing) {
    const auto doc = document(R"svg(<filter id="f"><feGaussianBlur stdDeviation="2"/></filter>
      <clipPath id="c"><circle cx="60" cy="40" r="30"/></clipPath>
      <mask id="m"><rect width="120" height="80" fill="#fff"/></mask>
      <g opacity="0.8" clip-path="url(#c)" mask="url(#m)" filter="url(#f)"><rect x="20" y="20" width="80" height="40" fill="#36c"/></g>)svg");
    SvgScene scene(doc);
    PanZoom view({0, 0, 120, 80});
    view.resize(width, height);
    scene.set_transform(view);
    (void)render(scene);
    ctx.upload_log().clear();
    view.zoom_at({60, 40}, 2.0);
    view.pan({5, 3});
    scene.set_transform(view);
    const auto px = render(scene);
    EXPECT_TRUE(ctx.upload_log().calls().empty()) << ctx.upload_log().calls().size() << " uploads";
    // Zoomed 2x about the centre, panned (5, 3): the rect's centre is at (65, 43).
    EXPECT_LT(at(px, 65, 43).r, 200);
}

// Hostile input: a blur of a million units is drawn at the largest sigma drawn (64
// pixels: bounded time, the shape still faintly there), and group references a
// hand-made scene gets wrong are taken as no group, with a warning.
TEST_F(SvgCompositing, BoundsAndBadGroups) {
    const auto doc = document(R"svg(<filter id="f"><feGaussianBlur stdDeviation="1e6"/></filter>
      <rect x="20" y="0" width="80" height="80" fill="#000" filter="url(#f)"/>)svg");
    SvgScene blurred(doc);
    const auto px = render(blurred);
    EXPECT_LT(at(px, 60, 40).r, 250) << "capped: the shape's ink is spread over 3 x 64 pixels, not lost";
    EXPECT_GT(at(px, 60, 40).r, 100);

    std::vector<svg::Shape> shapes(2, doc.shapes()[0]);
    shapes[0].group = 5;  // no such group
    shapes[1].group = 0;  // a group whose parent comes after it
    std::vector<svg::Group> groups(2);
    groups[0].parent = 1;
    groups[0].opacity = 0.5f;
    SvgScene scene(shapes, groups);
    ASSERT_FALSE(scene.warnings().empty());
    EXPECT_EQ(scene.warnings()[0], "SvgScene: 2 group references out of range or out of order taken as no group");
    EXPECT_EQ(scene.group_count(), 1u); // group 0 itself, as a top-level group
}
