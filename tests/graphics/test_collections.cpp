// Collections rendered on llvmpipe through EGL: pixels where the geometry says, one draw
// call per collection, and uploads of exactly what changed.
#include "CollectionHarness.hpp"

#include <glumpp/graphics/MarkerCollection.hpp>
#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PointCollection.hpp>
#include <glumpp/graphics/PolygonCollection.hpp>
#include <glumpp/graphics/SegmentCollection.hpp>
#include <glumpp/graphics/TriangleCollection.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;
using glumpp::test::GLTest;

namespace {

constexpr int size = test::collection_size;
using Image = test::CollectionImage;

Polyline line(std::vector<glm::dvec2> points, bool closed = false) { return {std::move(points), closed}; }

Polyline square(double x, double y, double side, bool clockwise = true) {
    std::vector<glm::dvec2> p = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}};
    if (!clockwise) std::reverse(p.begin(), p.end());
    return {p, true};
}

const glm::vec4 white{1, 1, 1, 1};

template <class F>
void expect_error(F&& f, const std::string& text) {
    try {
        f();
        ADD_FAILURE() << "no exception, expected: " << text;
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), text);
    }
}

} // namespace

class Collections : public test::CollectionTest {};

TEST_F(Collections, ThickHorizontalPathCoversItsRows) {
    PathCollection paths;
    paths.append(line({{10, 32}, {54, 32}}), {.color = white, .width = 8});
    const Image img = render([&] { paths.draw(); });
    for (int y = 0; y < size; ++y) {
        // Pixel centres y + 0.5 within 4 of the line are inside, the next rows outside.
        EXPECT_EQ(img.red(32, y), (y >= 28 && y <= 35) ? 255 : 0) << "row " << y;
    }
    // Butt caps end exactly at the end points.
    EXPECT_EQ(img.red(10, 32), 255);
    EXPECT_EQ(img.red(9, 32), 0);
    EXPECT_EQ(img.red(53, 32), 255);
    EXPECT_EQ(img.red(54, 32), 0);
}

TEST_F(Collections, RoundAndSquareCapsExtendByHalfTheWidth) {
    PathCollection paths;
    paths.append(line({{10, 16}, {54, 16}}), {.color = white, .width = 8, .cap = StrokeCap::Round});
    paths.append(line({{10, 48}, {54, 48}}), {.color = white, .width = 8, .cap = StrokeCap::Square});
    const Image img = render([&] { paths.draw(); });
    // Round: the pixel centre (6.5, 16.5) is 3.54 from (10, 16), (5.5, 16.5) is 4.53.
    EXPECT_GT(img.red(6, 16), 230);
    EXPECT_EQ(img.red(5, 16), 0);
    // and the corner of the cap's box is outside the disc.
    EXPECT_EQ(img.red(6, 12), 0);
    // Square: the box reaches 6 (centre 6.5 is 3.5 before the end point), corners included.
    EXPECT_EQ(img.red(6, 48), 255);
    EXPECT_EQ(img.red(6, 44), 255);
    EXPECT_EQ(img.red(5, 48), 0);
    EXPECT_EQ(img.red(57, 48), 255);
    EXPECT_EQ(img.red(58, 48), 0);
}

TEST_F(Collections, JoinsMiterBevelRound) {
    // An L: right along y = 10, then down along x = 40; width 10. The outer corner of the
    // turn is at the top right of (40, 10).
    const Polyline el = line({{10, 10}, {40, 10}, {40, 40}});
    auto draw = [&](StrokeJoin join) {
        PathCollection paths;
        paths.append(el, {.color = white, .width = 10, .join = join});
        return render([&] { paths.draw(); });
    };
    const Image miter = draw(StrokeJoin::Miter), bevel = draw(StrokeJoin::Bevel), round = draw(StrokeJoin::Round);
    // (44.5, 5.5): inside the miter's square corner only.
    EXPECT_EQ(miter.red(44, 5), 255);
    EXPECT_EQ(bevel.red(44, 5), 0);
    EXPECT_EQ(round.red(44, 5), 0);
    // (42.5, 6.5): inside the round join (4.3 from the corner), past the bevel's cut.
    EXPECT_EQ(round.red(42, 6), 255);
    EXPECT_EQ(bevel.red(42, 6), 0);
    EXPECT_EQ(miter.red(42, 6), 255);
    // (41.5, 8.5): inside all three.
    for (const Image* img : {&miter, &bevel, &round}) EXPECT_EQ(img->red(41, 8), 255);
    // The inner corner is filled by both segments' bodies.
    for (const Image* img : {&miter, &bevel, &round}) EXPECT_EQ(img->red(36, 13), 255);
}

TEST_F(Collections, SharpMitersBecomeBevelsPastTheLimit) {
    // A spike turning by about 160 degrees: its miter is about 5.8 widths long.
    const Polyline spike = line({{8, 40}, {50, 32}, {8, 24}});
    auto tip = [&](float limit) {
        PathCollection paths;
        paths.append(spike, {.color = white, .width = 4, .join = StrokeJoin::Miter, .miter_limit = limit});
        const Image img = render([&] { paths.draw(); });
        int right = 0;
        for (int x = 0; x < size; ++x)
            if (img.red(x, 32) > 0) right = x;
        return right;
    };
    EXPECT_GE(tip(10.0f), 60); // the miter reaches 50 + 11.6
    EXPECT_LE(tip(4.0f), 52);  // cut to a bevel near the point
}

TEST_F(Collections, TranslucentJoinsBlendOnce) {
    PathCollection paths;
    paths.append(line({{8, 8}, {40, 12}, {44, 50}, {10, 30}}, true), {.color = {1, 1, 1, 0.5f}, .width = 9});
    const Image img = render([&] { paths.draw(); });
    int most = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) most = std::max(most, img.red(x, y));
    EXPECT_GE(most, 126);
    EXPECT_LE(most, 129) << "a pixel was blended twice where segments meet";
}

TEST_F(Collections, ClosedPathsJoinAtTheirFirstPoint) {
    auto corner = [&](bool closed) {
        PathCollection paths;
        paths.append(Polyline{{{16, 16}, {48, 16}, {48, 48}, {16, 48}}, closed}, {.color = white, .width = 6});
        return render([&] { paths.draw(); }).red(14, 14); // outside the first point's corner
    };
    EXPECT_EQ(corner(true), 255);  // mitered corner
    EXPECT_EQ(corner(false), 0);   // butt cap at the start, and the open end stops at (16, 48)
}

TEST_F(Collections, SegmentsAreSeparateCappedLines) {
    SegmentCollection segments;
    const std::vector<glm::vec2> ends = {{10, 10}, {50, 10}, {10, 40}, {50, 40}};
    segments.append(ends, {.color = white, .width = 4, .cap = StrokeCap::Round});
    const Image img = render([&] { segments.draw(); });
    EXPECT_EQ(img.red(30, 10), 255);
    EXPECT_EQ(img.red(30, 40), 255);
    EXPECT_EQ(img.red(30, 25), 0) << "no segment joins the two";
    EXPECT_GT(img.red(8, 10), 200); // round cap
    expect_error([&] { segments.append(std::vector<glm::vec2>{{0, 0}, {1, 1}, {2, 2}}); },
                 "SegmentCollection::append: 3 end points do not pair into segments (an even number is needed)");
}

// StrokeEdge::Agg fades as glumpy's antialias/stroke.glsl: with antialias 1, a pixel at
// distance d from the centre line of a line of width w gets alpha 1 where |d| < w / 2 - 1,
// else exp(-(|d| - w / 2 + 1)^2). Computed by hand for pixel centres: a 1-px line through
// them, d = 0: 0.7788 (198.6 of 255), d = 1: exp(-2.25) = 0.1054 (26.9), d = 2:
// exp(-6.25) (0.5, past the quad or rounded to 0); a 2-px line between two rows, d = 0.5:
// 198.6, d = 1.5: 26.9. The ramp edge draws the same 1-px line as one full row. Segments
// share the shader.
TEST_F(Collections, AggStrokeEdgeIsGlumpys) {
    PathCollection paths;
    paths.append(line({{5, 20.5}, {59, 20.5}}), {.color = white, .width = 1, .edge = StrokeEdge::Agg});
    paths.append(line({{5, 40}, {59, 40}}), {.color = white, .width = 2, .edge = StrokeEdge::Agg});
    paths.append(line({{5, 55.5}, {59, 55.5}}), {.color = white, .width = 1});
    EXPECT_EQ(paths.style(0).edge, StrokeEdge::Agg);
    EXPECT_EQ(paths.style(2).edge, StrokeEdge::Ramp);
    const Image img = render([&] { paths.draw(); });
    for (int x : {20, 32, 44}) {
        EXPECT_NEAR(img.red(x, 20), 198.6, 1.5) << x;
        EXPECT_NEAR(img.red(x, 19), 26.9, 1.5) << x;
        EXPECT_NEAR(img.red(x, 21), 26.9, 1.5) << x;
        EXPECT_LE(img.red(x, 18), 1) << x;
        EXPECT_LE(img.red(x, 22), 1) << x;
        EXPECT_NEAR(img.red(x, 39), 198.6, 1.5) << x;
        EXPECT_NEAR(img.red(x, 40), 198.6, 1.5) << x;
        EXPECT_NEAR(img.red(x, 38), 26.9, 1.5) << x;
        EXPECT_NEAR(img.red(x, 41), 26.9, 1.5) << x;
        EXPECT_EQ(img.red(x, 55), 255) << x;
        EXPECT_EQ(img.red(x, 54), 0) << x;
    }
    SegmentCollection segments;
    segments.append(std::vector<glm::vec2>{{5, 20.5}, {59, 20.5}}, {.color = white, .width = 1, .edge = StrokeEdge::Agg});
    const Image seg = render([&] { segments.draw(); });
    EXPECT_NEAR(seg.red(32, 20), 198.6, 1.5);
    EXPECT_NEAR(seg.red(32, 21), 26.9, 1.5);
}

TEST_F(Collections, PolygonHolesFollowTheFillRule) {
    const std::vector<Polyline> same_turn = {square(8, 8, 48), square(24, 24, 16)};
    const std::vector<Polyline> opposite_turn = {square(8, 8, 48), square(24, 24, 16, false)};
    auto centre_and_ring = [&](const std::vector<Polyline>& contours, FillRule rule) {
        PolygonCollection polygons;
        polygons.append(contours, rule, {.color = white});
        const Image img = render([&] { polygons.draw(); });
        return std::pair{img.red(32, 32), img.red(16, 16)};
    };
    EXPECT_EQ(centre_and_ring(same_turn, FillRule::EvenOdd), std::pair(0, 255));
    EXPECT_EQ(centre_and_ring(same_turn, FillRule::NonZero), std::pair(255, 255));
    EXPECT_EQ(centre_and_ring(opposite_turn, FillRule::NonZero), std::pair(0, 255));
    // Edges are exact: the square covers pixels 8..55 and nothing else.
    PolygonCollection polygons;
    polygons.append(square(8, 8, 48), {.color = white});
    const Image img = render([&] { polygons.draw(); });
    int filled = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) filled += img.red(x, y) == 255;
    EXPECT_EQ(filled, 48 * 48);
}

TEST_F(Collections, TrianglesFromIndices) {
    TriangleCollection triangles;
    const std::vector<glm::vec2> corners = {{0, 0}, {32, 0}, {32, 32}, {0, 32}};
    const std::vector<std::uint32_t> indices = {0, 1, 2, 0, 2, 3};
    triangles.append(corners, indices, {.color = {0, 1, 0, 1}});
    const Image img = render([&] { triangles.draw(); });
    EXPECT_EQ(img.at(5, 5), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(img.at(31, 31), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(img.at(32, 5), (std::array<int, 4>{0, 0, 0, 255}));
    expect_error([&] { triangles.append(corners, std::vector<std::uint32_t>{0, 1, 4}); },
                 "TriangleCollection::append: index 4 (position 2) is out of range for 4 vertices");
    expect_error([&] { triangles.append(corners, std::vector<std::uint32_t>{0, 1}); },
                 "TriangleCollection::append: 2 indices do not make whole triangles (a multiple of 3 is needed)");
    EXPECT_EQ(triangles.size(), 1u);
}

TEST_F(Collections, MarkersAreCentredOnTheirPosition) {
    for (Marker shape : {Marker::Disc, Marker::Square, Marker::Diamond, Marker::Cross}) {
        SCOPED_TRACE(int(shape));
        MarkerCollection markers;
        markers.append(std::vector<glm::vec2>{{32, 32}}, {.shape = shape, .size = 20, .color = white, .edge_width = 0});
        const Image img = render([&] { markers.draw(); });
        double sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const double a = img.red(x, y) / 255.0;
                sum += a, sx += a * (x + 0.5), sy += a * (y + 0.5);
            }
        ASSERT_GT(sum, 50.0);
        EXPECT_NEAR(sx / sum, 32.0, 0.02);
        EXPECT_NEAR(sy / sum, 32.0, 0.02);
        EXPECT_EQ(img.red(32, 32), 255);
        EXPECT_EQ(img.red(32, 32 + 11), 0);
    }
}

TEST_F(Collections, MarkerShapesAndEdges) {
    MarkerCollection markers;
    markers.append(std::vector<glm::vec2>{{16, 32}}, {.shape = Marker::Triangle, .size = 24, .color = white, .edge_width = 0});
    markers.append(std::vector<glm::vec2>{{48, 32}},
                   {.shape = Marker::Disc, .size = 24, .color = {0, 0, 1, 1}, .edge_color = {1, 0, 0, 1}, .edge_width = 4});
    const Image img = render([&] { markers.draw(); });
    auto width_of_row = [&](int y) {
        int n = 0;
        for (int x = 0; x < 32; ++x) n += img.red(x, y) > 127;
        return n;
    };
    EXPECT_LT(width_of_row(26), width_of_row(36)) << "the triangle points up";
    EXPECT_EQ(width_of_row(45), 0) << "its base is at y = 32 + 6";
    EXPECT_EQ(img.at(48, 32), (std::array<int, 4>{0, 0, 255, 255})); // fill at the centre
    EXPECT_EQ(img.at(48 + 11, 32)[0], 255);                          // the edge around radius 12
    EXPECT_EQ(img.at(48 + 11, 32)[2], 0);
    expect_error([&] { markers.append(std::vector<glm::vec2>{{0, 0}}, {.size = 0}); },
                 "MarkerCollection::append: size 0 is not positive and finite");
}

TEST_F(Collections, PointsAreAntialiasedDiscs) {
    PointCollection points;
    points.append(std::vector<glm::vec2>{{20, 20}, {44, 44}}, {.color = white, .size = 10});
    const Image img = render([&] { points.draw(); });
    double area = 0;
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) area += img.red(x, y) / 255.0;
    EXPECT_NEAR(area, M_PI * 25.0, 1.0);
    EXPECT_EQ(img.red(44, 44), 255);
    EXPECT_EQ(img.red(32, 32), 0);
}

TEST_F(Collections, OneDrawCallEach) {
    PathCollection paths;
    PolygonCollection polygons;
    for (int k = 0; k < 50; ++k) {
        paths.append(line({{double(k), 0}, {double(k), 60}}), {.color = white});
        polygons.append(square(k, k, 4));
    }
    render([&] {
        ctx.reset_frame_stats();
        polygons.draw();
        paths.draw();
        EXPECT_EQ(ctx.frame_stats().draw_calls, 2u);
        PathCollection nothing;
        nothing.draw(); // nothing to draw: no call
        EXPECT_EQ(ctx.frame_stats().draw_calls, 2u);
    });
}

TEST_F(Collections, EditingOneColorChangesOnlyThatItemsPixels) {
    PolygonCollection polygons;
    for (int k = 0; k < 3; ++k) polygons.append(square(4 + 20 * k, 20, 16), {.color = white});
    const Image before = render([&] { polygons.draw(); });
    ctx.upload_log().clear();
    polygons.set_color(1, {1, 0, 0, 1});
    ctx.reset_frame_stats();
    const Image after = render([&] { polygons.draw(); });
    // One texel: 16 bytes, one call.
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 16u);
    EXPECT_EQ(ctx.frame_stats().uploads.calls, 1u);
    int changed = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            if (before.at(x, y) == after.at(x, y)) continue;
            ++changed;
            EXPECT_TRUE(x >= 24 && x < 40 && y >= 20 && y < 36) << "pixel " << x << ", " << y;
            EXPECT_EQ(after.at(x, y), (std::array<int, 4>{255, 0, 0, 255}));
        }
    EXPECT_EQ(changed, 16 * 16);
    EXPECT_EQ(polygons.color(1), glm::vec4(1, 0, 0, 1));
}

TEST_F(Collections, LaterItemsCoverEarlierOnesAndOrdersCrossCollections) {
    PolygonCollection fills;
    fills.append(square(8, 8, 32), {.color = {1, 0, 0, 1}});
    fills.append(square(24, 24, 32), {.color = {0, 1, 0, 1}}); // later: on top
    Image img = render([&] { fills.draw(); });
    EXPECT_EQ(img.at(30, 30), (std::array<int, 4>{0, 255, 0, 255}));

    // A stroke drawn after the fills but with a lower order stays below the fill above it.
    fills.set_order(0, 2);
    fills.set_order(1, 6);
    PathCollection strokes;
    strokes.append(line({{4, 30}, {60, 30}}), {.color = {0, 0, 1, 1}, .width = 4, .order = 4});
    img = render([&] {
        fills.draw();
        strokes.draw();
    });
    EXPECT_EQ(img.at(12, 30), (std::array<int, 4>{0, 0, 255, 255})) << "above the red square (order 2)";
    EXPECT_EQ(img.at(30, 30), (std::array<int, 4>{0, 255, 0, 255})) << "below the green square (order 6)";
    EXPECT_EQ(img.at(60, 30), (std::array<int, 4>{0, 0, 0, 255})) << "its butt end";
    expect_error([&] { fills.set_order(0, -1); }, "Collection::set_order: order -1 is outside [0, 4194302]");
}

TEST_F(Collections, EraseMovesTheRestAndRenumbersIt) {
    PolygonCollection polygons;
    const glm::vec4 colors[] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}};
    for (int k = 0; k < 3; ++k) polygons.append(square(4 + 20 * k, 20, 16), {.color = colors[k]});
    render([&] { polygons.draw(); });
    ctx.upload_log().clear();
    polygons.erase(0);
    const Image img = render([&] { polygons.draw(); });
    EXPECT_EQ(img.at(10, 28), (std::array<int, 4>{0, 0, 0, 255}));
    EXPECT_EQ(img.at(30, 28), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(img.at(50, 28), (std::array<int, 4>{0, 0, 255, 255}));
    // Two items of 6 vertices (12 bytes each) moved; two records of 2 texels moved.
    std::size_t buffer_bytes = 0, texture_bytes = 0;
    for (const auto& c : ctx.upload_log().calls()) {
        (c.kind == gloo::UploadCall::Kind::TexSubImage ? texture_bytes : buffer_bytes) += c.size;
    }
    EXPECT_EQ(buffer_bytes, 2u * 6 * 12);
    EXPECT_EQ(texture_bytes, 2u * 32);
    EXPECT_EQ(polygons.size(), 2u);
    EXPECT_EQ(polygons.color(0), colors[1]);
}

TEST_F(Collections, EditingOneItemOfTenThousandUploadsOnlyItsBytes) {
    PolygonCollection polygons;
    for (int k = 0; k < 10000; ++k) {
        const double x = k % 100 * 0.6, y = k / 100 * 0.6;
        polygons.append(line({{x, y}, {x + 0.5, y}, {x, y + 0.5}}, true), {.color = white});
    }
    render([&] { polygons.draw(); });
    // Its color: one texel.
    polygons.set_color(5000, {1, 0, 0, 1});
    ctx.reset_frame_stats();
    render([&] { polygons.draw(); });
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 16u);
    // Its geometry, same vertex count: its three vertices (36 bytes) in place.
    const std::size_t start = polygons.vertices().bounds(5000).start;
    polygons.set(5000, std::vector<Polyline>{line({{1, 1}, {2, 1}, {1, 2}}, true)});
    ctx.upload_log().clear();
    ctx.reset_frame_stats();
    render([&] { polygons.draw(); });
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 36u);
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].offset, start * 12);
}

TEST_F(Collections, GrowingPastTheTextureKeepsEveryRecord) {
    PointCollection points;
    const std::size_t first_capacity = points.shared_capacity();
    for (std::size_t k = 0; k <= first_capacity; ++k) {
        points.append(std::vector<glm::vec2>{{float(k % 64), float(k / 64 % 64)}}, {.color = {float(k % 2), 1, 0, 1}, .size = 1});
    }
    EXPECT_GT(points.shared_capacity(), first_capacity);
    EXPECT_EQ(points.color(first_capacity - 1), glm::vec4(float((first_capacity - 1) % 2), 1, 0, 1));
    EXPECT_EQ(points.style(first_capacity).color, glm::vec4(float(first_capacity % 2), 1, 0, 1));
    render([&] { points.draw(); });
    const Array gpu = points.shared_texture().read_back();
    const auto& cpu = points.shared_texture();
    ASSERT_EQ(gpu.nbytes(), cpu.base_nbytes());
    EXPECT_TRUE(std::equal(gpu.base_data(), gpu.base_data() + gpu.nbytes(), cpu.base_data()));
}

TEST_F(Collections, ErrorsNameTheFunctionAndTheValues) {
    PathCollection paths;
    paths.append(line({{0, 0}, {1, 1}}));
    expect_error([&] { paths.set_color(1, white); }, "Collection::set_color: item 1 is out of range for a collection of 1 item");
    expect_error([&] { paths.erase(3); }, "Collection::erase: item 3 is out of range for a collection of 1 item");
    expect_error([&] { paths.erase(0, 2); }, "Collection::erase: items [0, 2) are not a range of a collection of 1 item");
    expect_error([&] { paths.append(line({{0, 0}, {1, 1}}), {.width = -1}); },
                 "PathCollection::append: width -1 is not a finite number >= 0");
    expect_error([&] { paths.set_style(0, {.miter_limit = 0.5f}); },
                 "PathCollection::set_style: miter limit 0.5 is not a finite number >= 1");
    expect_error([&] { paths.set_antialias(0); }, "Collection::set_antialias: 0 pixels is not positive and finite");
    PointCollection points;
    expect_error([&] { points.append(std::vector<glm::vec2>{{0, 0}}, {.size = -2}); },
                 "PointCollection::append: size -2 is not positive and finite");
    // style() and set_style() are written once (StyledCollection) and name the collection.
    PolygonCollection polygons;
    expect_error([&] { polygons.style(0); }, "PolygonCollection::style: item 0 is out of range for a collection of 0 items");
    MarkerCollection markers;
    markers.append(std::vector<glm::vec2>{{0, 0}});
    expect_error([&] { markers.set_style(0, {.edge_width = -1}); },
                 "MarkerCollection::set_style: edge width -1 is not a finite number >= 0");
    EXPECT_EQ(markers.style(0).edge_width, 1.0f);
    EXPECT_EQ(paths.size(), 1u);
    EXPECT_EQ(points.size(), 0u);
    EXPECT_EQ(paths.style(0).width, 1.0f);
}
