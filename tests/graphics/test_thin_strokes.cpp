// Strokes thinner than a pixel (StrokeEdge::Ramp, the SVG scene's): the coverage a line of
// width w leaves, summed over the pixels it crosses, is w per pixel of length, as an exact
// (box-filtered) coverage renderer such as cairo gives; and the line inks only the pixels
// its box-filtered footprint reaches (a pixel centre within w / 2 + 1 / 2 across), not a
// one-pixel line plus a fringe. glumpy's Agg edge keeps its one-pixel, fainter look.
#include "CollectionHarness.hpp"

#include <glumpp/graphics/PathCollection.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

constexpr int size = test::collection_size;

// Red summed over the whole image, in pixels of full coverage.
double total(const test::CollectionImage& img) {
    double sum = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) sum += img.red(x, y) / 255.0;
    return sum;
}

int inked(const test::CollectionImage& img) {
    int n = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) n += img.red(x, y) > 0;
    return n;
}

// A line of `length` pixels centred on (32, 32) at `degrees`, butt caps.
Polyline centred_line(double length, double degrees, double offset = 0.0) {
    const double a = degrees * std::numbers::pi / 180.0;
    const glm::dvec2 c{32.0 + offset, 32.0 + offset * 0.37}, t{std::cos(a), std::sin(a)};
    return {{c - t * (0.5 * length), c + t * (0.5 * length)}, false};
}

} // namespace

class ThinStrokes : public test::CollectionTest {
protected:
    test::CollectionImage draw(const Polyline& line, float width, StrokeEdge edge = StrokeEdge::Ramp) {
        PathCollection paths;
        paths.append(line, {.color = {1, 1, 1, 1}, .width = width, .edge = edge});
        return render([&] { paths.draw(); });
    }
};

// The summed coverage of a 40-pixel line is its area, width x length, at every width and
// angle, to 0.5% and the 8-bit rounding of the pixels it touches. (The one-pixel ramp
// drawn before, clamp(0.5 - d), missed by 12% at 45 degrees through pixel centres.)
TEST_F(ThinStrokes, SummedCoverageIsWidthTimesLength) {
    const double length = 40.0;
    for (float w : {0.1f, 0.26f, 0.5f, 1.0f, 1.5f}) {
        for (double degrees : {0.0, 13.0, 30.0, 45.0, 90.0}) {
            for (double offset : {0.0, 0.3}) {
                const auto img = draw(centred_line(length, degrees, offset), w);
                const double area = w * length;
                // 8-bit rounding: half a level per inked pixel.
                const double slack = 0.5 / 255.0 * inked(img) + 0.005 * area;
                EXPECT_NEAR(total(img), area, slack) << "width " << w << " at " << degrees << " degrees, offset " << offset;
            }
        }
    }
}

// A horizontal hairline lying inside one pixel row inks that row only, at its width; one
// straddling two rows splits its coverage between them by area, as cairo does.
TEST_F(ThinStrokes, HorizontalHairlineCoversByArea) {
    // y = 32.5 +- 0.13: inside row 32.
    auto img = draw(Polyline{{{8.0, 32.5}, {56.0, 32.5}}, false}, 0.26f);
    for (int y = 28; y < 37; ++y) {
        const double expected = y == 32 ? 0.26 : 0.0;
        EXPECT_NEAR(img.red(32, y) / 255.0, expected, 1.0 / 255.0) << "row " << y;
    }
    // y = 32.1 +- 0.25 (width 0.5): 0.35 in row 32, 0.15 in row 31.
    img = draw(Polyline{{{8.0, 32.1}, {56.0, 32.1}}, false}, 0.5f);
    for (int y = 28; y < 37; ++y) {
        const double expected = y == 32 ? 0.35 : y == 31 ? 0.15 : 0.0;
        EXPECT_NEAR(img.red(32, y) / 255.0, expected, 1.0 / 255.0) << "row " << y;
    }
}

// Thinner lines ink no more pixels than a one-pixel line does: the old one-pixel-plus-ramp
// drawing of a 0.26 line inked two rows everywhere; the box filter inks one where the line
// lies inside a row.
TEST_F(ThinStrokes, HairlinesInkOnlyTheirFootprint) {
    const Polyline inside{{{8.0, 20.5}, {56.0, 20.5}}, false};
    EXPECT_EQ(inked(draw(inside, 0.26f)), 48);     // one row of 48 pixels
    EXPECT_EQ(inked(draw(inside, 1.0f)), 48);      // exactly a row: the same row
    EXPECT_EQ(inked(draw(inside, 1.5f)), 3 * 48);  // 0.25 in each neighbour
}

// glumpy's agg edge is unchanged: thinner than a pixel is drawn one pixel wide, fainter
// (its 1.5-pixel Gaussian tail reaches the neighbouring rows).
TEST_F(ThinStrokes, AggEdgeKeepsGlumpysLook) {
    const Polyline inside{{{8.0, 20.5}, {56.0, 20.5}}, false};
    const auto agg = draw(inside, 0.26f, StrokeEdge::Agg);
    EXPECT_GT(inked(agg), 48);
    // The row's centre is 0.5 inside the one-pixel outline: exp(-0.5^2), at alpha 0.26.
    EXPECT_NEAR(agg.red(32, 20) / 255.0, 0.26 * std::exp(-0.25), 1.0 / 255.0);
}
