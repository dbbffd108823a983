// Collections under any transform chain (Collection::set_transform(Call)): dots land where
// the chain's CPU twin puts them, points beyond clip depth are not drawn, a Viewport maps
// and clips, a snippet uniform set later moves them, and PanZoom still works after a chain.
#include "CollectionHarness.hpp"

#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PointCollection.hpp>
#include <glumpp/graphics/SegmentCollection.hpp>
#include <glumpp/transforms.hpp>

#include <functional>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

constexpr int size = test::collection_size;
using Image = test::CollectionImage;

// Window pixel (y down) of the chain's clip coordinates, on the CPU.
glm::dvec2 pixel_of(const transforms::Call& chain, glm::dvec3 world) {
    const glm::dvec4 c = chain.forward(glm::dvec4(world, 1.0));
    return {(c.x / c.w + 1) * 0.5 * size, (1 - c.y / c.w) * 0.5 * size};
}

} // namespace

class CollectionTransforms : public test::CollectionTest {};

TEST_F(CollectionTransforms, DotsLandWhereTheCpuTwinSays) {
    transforms::LinearScale scale({.domain = {0, 64}, .range = {-1, 1}});
    const transforms::Call chain = transforms::Position()(scale);
    PointCollection points;
    points.append(std::vector<glm::vec3>{{13.3, 17.7, 5}, {47.2, 40.4, 60}}, {.color = {1, 1, 1, 1}, .size = 8});
    points.set_transform(chain);
    const Image img = render([&] { points.draw(); });
    for (const glm::dvec3 p : {glm::dvec3(13.3, 17.7, 5), glm::dvec3(47.2, 40.4, 60)}) {
        const glm::dvec2 want = pixel_of(chain, p); // glumpy's y up: (13.3, 17.7) is near the bottom
        const glm::dvec3 got = img.centroid(int(want.x) - 8, int(want.y) - 8, int(want.x) + 8, int(want.y) + 8);
        EXPECT_NEAR(got.x, want.x, 0.05) << p.x;
        EXPECT_NEAR(got.y, want.y, 0.05) << p.y;
        EXPECT_NEAR(got.z, M_PI * 16, 1.5); // antialiasing in pixels: the same disc as without a chain
    }
    // A uniform set after the first draw moves them (no new chain): domain doubled: half as far.
    scale.set_domain({0, 128});
    const Image moved = render([&] { points.draw(); });
    const glm::dvec2 want = pixel_of(chain, {47.2, 40.4, 60});
    EXPECT_NEAR(want.x, 47.2 / 2, 1e-9); // t = 47.2 / 128 of the 64 pixels
    const glm::dvec3 got = moved.centroid(int(want.x) - 8, int(want.y) - 8, int(want.x) + 8, int(want.y) + 8);
    EXPECT_NEAR(got.x, want.x, 0.05);
    EXPECT_NEAR(got.y, want.y, 0.05);
}

TEST_F(CollectionTransforms, PointsBeyondClipDepthAreNotDrawn) {
    // z = 70 maps past +1 (GL would clip glumpy's gl_Position); z = 60 does not.
    PointCollection points;
    points.append(std::vector<glm::vec3>{{16, 32, 70}, {48, 32, 60}}, {.color = {1, 1, 1, 1}, .size = 8});
    points.set_transform(transforms::Position()(transforms::LinearScale({.domain = {0, 64}})));
    const Image img = render([&] { points.draw(); });
    EXPECT_EQ(img.centroid(0, 0, 32, 64).z, 0.0);
    EXPECT_NEAR(img.centroid(32, 0, 64, 64).z, M_PI * 16, 1.5);
}

TEST_F(CollectionTransforms, AViewportMapsIntoItsRectangleAndClips) {
    // The bottom-left quarter (GL's window coordinates): rows 32..63 of the image.
    transforms::Viewport viewport({.extents = glm::dvec4(0, 0, 32, 32)});
    const transforms::Call chain = transforms::Position()(transforms::LinearScale({.domain = {0, 64}}));
    PointCollection points;
    points.append(std::vector<glm::vec3>{{32, 32, 0}, {64, 64, 0}}, {.color = {1, 1, 1, 1}, .size = 12});
    points.set_transform(chain);
    points.set_viewport(viewport);
    const Image img = render([&] { points.draw(); });
    // The domain's centre lands at the quarter's centre, (16, 48) with y down.
    const glm::dvec3 centre = img.centroid(0, 32, 24, 64);
    EXPECT_NEAR(centre.x, 16, 0.05);
    EXPECT_NEAR(centre.y, 48, 0.05);
    EXPECT_NEAR(centre.z, M_PI * 36, 2);
    // The domain's corner lands at the quarter's corner (32, 32): only its quarter is drawn.
    EXPECT_NEAR(img.centroid(24, 24, 40, 40).z, M_PI * 36 / 4, 1.5);
    EXPECT_EQ(img.centroid(32, 0, 64, 64).z, 0.0);
    EXPECT_EQ(img.centroid(0, 0, 64, 32).z, 0.0);
    GLboolean scissor = GL_TRUE;
    glGetBooleanv(GL_SCISSOR_TEST, &scissor);
    EXPECT_EQ(scissor, GL_FALSE); // restored
    // Without clipping the corner dot shows whole.
    viewport.set_clipping(false);
    const Image whole = render([&] { points.draw(); });
    EXPECT_NEAR(whole.centroid(20, 20, 44, 44).z, M_PI * 36, 2);
}

TEST_F(CollectionTransforms, PanZoomStillWorksAfterAChain) {
    PointCollection points;
    points.append(std::vector<glm::vec2>{{20, 20}}, {.color = {1, 1, 1, 1}, .size = 8});
    points.set_transform(transforms::Position()(transforms::LinearScale({.domain = {0, 64}})));
    (void)render([&] { points.draw(); });
    PanZoom view;
    view.resize(size, size);
    view.pan({10, 4});
    points.set_transform(view);
    const Image img = render([&] { points.draw(); });
    const glm::dvec3 got = img.centroid(20, 14, 40, 34);
    EXPECT_NEAR(got.x, 30, 0.05);
    EXPECT_NEAR(got.y, 24, 0.05);
}

TEST_F(CollectionTransforms, PathsTakeAChainWithWidthsInPixels) {
    // A horizontal path through a log scale: the line lands at the twin's row, 4 px thick.
    transforms::LogScale log({.domain = {0, 2}, .range = {-1, 1}});
    const transforms::Call chain = transforms::Position()(transforms::LinearScale({.domain = {0, 64}})(".x"), log(".y"));
    PathCollection paths;
    paths.append(Polyline{{{8, 10}, {56, 10}}, false}, {.color = {1, 1, 1, 1}, .width = 4});
    paths.set_transform(chain);
    const Image img = render([&] { paths.draw(); });
    const double row = (1 - chain.forward({8, 10, 0, 1}).y) * 0.5 * size; // log10(10) = 1: the middle
    EXPECT_NEAR(row, 32, 1e-9);
    const glm::dvec3 got = img.centroid(16, 0, 48, 64);
    EXPECT_NEAR(got.y, row, 0.05);
    EXPECT_NEAR(got.z, 32 * 4, 1.0);
}

TEST_F(CollectionTransforms, PathsAndSegmentsAre3D) {
    // The chain puts z on the screen's y: position(linear(P.x), linear(P.z)). A 3-D path at
    // z = 48 is a horizontal line at the row the twin gives; a segment at z = 16 another.
    transforms::LinearScale s({.domain = {0, 64}});
    const transforms::Call chain = transforms::Position()(s(".x"), s(".z"));
    PathCollection paths;
    paths.append(std::vector<glm::vec3>{{8, 999, 48}, {56, -999, 48}}, false, {.color = {1, 1, 1, 1}, .width = 2});
    paths.set_transform(chain);
    SegmentCollection segments;
    segments.append(std::vector<glm::vec3>{{8, 5, 16}, {56, 5, 16}}, {.color = {1, 1, 1, 1}, .width = 2});
    segments.set_transform(chain);
    const Image img = render([&] {
        paths.draw();
        segments.draw();
    });
    const double top = pixel_of(chain, {8, 0, 48}).y, bottom = pixel_of(chain, {8, 0, 16}).y;
    EXPECT_NEAR(top, 16, 1e-9);
    EXPECT_NEAR(bottom, 48, 1e-9);
    EXPECT_NEAR(img.centroid(16, 0, 48, 32).y, top, 0.05);
    EXPECT_NEAR(img.centroid(16, 0, 48, 32).z, 32 * 2, 1.0);
    EXPECT_NEAR(img.centroid(16, 32, 48, 64).y, bottom, 0.05);
    EXPECT_NEAR(img.centroid(16, 32, 48, 64).z, 32 * 2, 1.0);
}

TEST_F(CollectionTransforms, AggEdgesCarryGlumpysInk) {
    // glumpy's agg edge: opaque disc of radius 4, then exp(-(d + 0.5)^2) out to 2.5 px:
    // pi 16 + integral of 2 pi (4 + d) exp(-(d + 0.5)^2) over [0, 2.5] = 50.27 + 11.78.
    // The ramp edge: the disc alone (pi 16).
    PointCollection points;
    points.append(std::vector<glm::vec2>{{20, 20}}, {.color = {1, 1, 1, 1}, .size = 8, .edge = PointEdge::Agg});
    points.append(std::vector<glm::vec2>{{44, 44}}, {.color = {1, 1, 1, 1}, .size = 8});
    EXPECT_EQ(points.style(0).edge, PointEdge::Agg);
    EXPECT_EQ(points.style(1).edge, PointEdge::Ramp);
    const Image img = render([&] { points.draw(); });
    EXPECT_NEAR(img.centroid(0, 0, 32, 32).z, 62.05, 0.6);
    EXPECT_NEAR(img.centroid(32, 32, 64, 64).z, M_PI * 16, 0.6);
}
