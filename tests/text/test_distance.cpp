// The exact EDT against NumPy's brute force, the signed distance of a disc against its
// analytic distance, and glyph distance fields against glumpy's own SDFFont.
#include <glumpp/Error.hpp>
#include <glumpp/text/DistanceField.hpp>

#include "../TestUtil.hpp"
#include "../array/NumPy.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace glumpp;
using glumpp::test::message_of;

// 300 random binary images (1..48 x 1..48, feature densities from none to all), their
// squared distances brute-forced with NumPy: min over features of dx^2 + dy^2, inf when
// there is none. Exact equality: every value is an integer.
TEST(DistanceTransform, MatchesNumPyBruteForce) {
    REQUIRE_NUMPY();
    const auto dir = std::filesystem::path(GLUMPP_TEST_TMP) / "edt";
    std::filesystem::create_directories(dir);
    std::mt19937 rng(12);
    struct Image {
        int w, h;
        std::vector<std::uint8_t> f;
    };
    std::vector<Image> images;
    {
        std::ofstream out(dir / "images.bin", std::ios::binary);
        for (int n = 0; n < 300; ++n) {
            Image im{1 + static_cast<int>(rng() % 48), 1 + static_cast<int>(rng() % 48), {}};
            const double density = n % 10 == 0 ? 0.0 : n % 10 == 1 ? 1.0 : std::pow(std::uniform_real_distribution<double>(0, 1)(rng), 3);
            std::bernoulli_distribution on(density);
            im.f.resize(static_cast<std::size_t>(im.w) * im.h);
            for (auto& b : im.f) b = on(rng) ? static_cast<std::uint8_t>(1 + rng() % 255) : 0;
            const std::int32_t dims[2] = {im.h, im.w};
            out.write(reinterpret_cast<const char*>(dims), sizeof dims);
            out.write(reinterpret_cast<const char*>(im.f.data()), static_cast<std::streamsize>(im.f.size()));
            images.push_back(std::move(im));
        }
    }
    const std::string script = R"(
import sys, numpy as np
dir = sys.argv[1]
data = open(dir + "/images.bin", "rb").read()
out = []
i = 0
while i < len(data):
    h, w = np.frombuffer(data, np.int32, 2, i); i += 8
    f = np.frombuffer(data, np.uint8, h * w, i).reshape(h, w) != 0; i += h * w
    ys, xs = np.nonzero(f)
    yy, xx = np.mgrid[0:h, 0:w]
    if len(ys) == 0:
        d = np.full((h, w), np.inf)
    else:
        d = ((yy[..., None] - ys) ** 2 + (xx[..., None] - xs) ** 2).min(axis=-1).astype(np.float64)
    out.append(d.ravel())
np.concatenate(out).astype("<f8").tofile(dir + "/distances.bin")
)";
    const auto run = test::run_python(dir, script, dir.string());
    ASSERT_EQ(run.status, 0) << run.output;
    std::ifstream in(dir / "distances.bin", std::ios::binary);
    std::size_t wrong = 0, total = 0, infinite = 0;
    for (const Image& im : images) {
        const text::Field d = text::squared_distance(im.f, im.w, im.h);
        std::vector<double> expected(d.values.size());
        in.read(reinterpret_cast<char*>(expected.data()), static_cast<std::streamsize>(expected.size() * sizeof(double)));
        ASSERT_TRUE(in) << "NumPy wrote fewer distances than the images have pixels";
        for (std::size_t i = 0; i < expected.size(); ++i) {
            wrong += d.values[i] != expected[i];
            infinite += std::isinf(expected[i]);
        }
        total += expected.size();
    }
    EXPECT_EQ(wrong, 0u) << "of " << total << " pixels";
    EXPECT_GT(infinite, 0u); // the featureless images were checked
    EXPECT_LT(infinite, total / 5);
}

TEST(DistanceTransform, BadSizes) {
    EXPECT_EQ(message_of<ValueError>([] { text::squared_distance(std::vector<std::uint8_t>(5), 2, 3); }),
              "squared_distance: 5 pixels given for a 2x3 image");
    EXPECT_EQ(message_of<ValueError>([] { text::signed_distance(std::vector<std::uint8_t>(6), -2, -3); }),
              "signed_distance: 6 pixels given for a -2x-3 image");
}

// A disc of radius 30.3 centred off the pixel grid: every pixel's signed distance within
// 0.75 px of |centre distance| - r (the half-pixel offset and the grid's staircase), and
// with the right sign.
TEST(DistanceTransform, SignedDistanceOfADisc) {
    const int W = 101, H = 97;
    const double cx = 50.3, cy = 47.6, r = 30.3;
    std::vector<std::uint8_t> inside(static_cast<std::size_t>(W) * H);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) inside[static_cast<std::size_t>(y) * W + x] = std::hypot(x - cx, y - cy) <= r;
    const text::Field d = text::signed_distance(inside, W, H);
    double worst = 0;
    for (int y = 0; y < H; ++y) {
        for (int x = 0; x < W; ++x) {
            const double exact = std::hypot(x - cx, y - cy) - r;
            worst = std::max(worst, std::abs(d.at(x, y) - exact));
            EXPECT_EQ(d.at(x, y) < 0, inside[static_cast<std::size_t>(y) * W + x] != 0);
        }
    }
    EXPECT_LT(worst, 0.75);
}

// glumpy's SDFFont.load_glyph output for seven characters of DejaVu Sans
// (tests/golden/glumpy-sdf-dejavu.txt, made by tests/tools/glumpy_sdf_fields.py): the same
// field size, placement and advance exactly, values within 0.015 on average and without a
// bias (mean signed difference under 0.005), and the outlines (the 0.5 contours)
// overlapping with IoU >= 0.9 (glumpy's edtaa3 estimates sub-pixel edges from the
// antialiasing; we threshold and measure exactly, see DistanceField.hpp). Measured: mean
// 0.0048-0.0089, bias +0.0023 at most, IoU 0.926 ('e', 30x35: a thin glyph's contour
// pixels sit near 0.5) to 0.995. Outlines moved out by 1.5 px of the 256-px rendering
// (0.28 px at 48) failed: means up to 0.0169, biases -0.0085 to -0.0131.
TEST(GlyphDistanceField, MatchesGlumpysSdfFont) {
    std::ifstream in(GLUMPP_GLUMPY_SDF);
    ASSERT_TRUE(in) << GLUMPP_GLUMPY_SDF;
    const text::Font font = text::Font::open("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::string line;
    int glyphs = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream row(line);
        unsigned code;
        int w, h;
        double left, top, advance;
        row >> code >> w >> h >> left >> top >> advance;
        const text::GlyphField g = text::glyph_distance_field(font, font.glyph_index(code));
        ASSERT_EQ(g.field.width, w) << code;
        ASSERT_EQ(g.field.height, h) << code;
        EXPECT_NEAR(g.left, left, 1e-6) << code;
        EXPECT_NEAR(g.top, top, 1e-6) << code;
        EXPECT_NEAR(g.advance, advance, 1e-6) << code;
        double sum = 0, bias = 0;
        std::size_t both = 0, either = 0;
        for (const double ours : g.field.values) {
            double theirs;
            row >> theirs;
            sum += std::abs(ours - theirs);
            bias += ours - theirs;
            both += ours >= 0.5 && theirs >= 0.5;
            either += ours >= 0.5 || theirs >= 0.5;
        }
        ASSERT_TRUE(row) << "glumpy's line for " << code << " is short";
        const double mean = sum / static_cast<double>(w * h), iou = double(both) / double(either);
        EXPECT_LT(mean, 0.015) << code;
        EXPECT_GE(iou, 0.9) << code;
        EXPECT_LT(std::abs(bias) / double(w * h), 0.005) << code;
        std::printf("[ oracle ] U+%04X %dx%d: mean |ours - glumpy| %.4f (ours - glumpy %+.4f), outline IoU %.4f\n", code, w, h, mean,
                    bias / double(w * h), iou);
        ++glyphs;
    }
    EXPECT_EQ(glyphs, 7);
}

TEST(GlyphDistanceField, BadParametersAndEmptyGlyphs) {
    const text::Font font = text::Font::open("DejaVu Sans");
    EXPECT_EQ(message_of<ValueError>([&] { text::glyph_distance_field(font, 1, 48, 24); }),
              "glyph_distance_field: size 48.000000, hires 24.000000 and padding 0.125000 must satisfy 0 < size <= "
              "hires <= 4096 and 0 <= padding <= 1");
    const text::GlyphField space = text::glyph_distance_field(font, font.glyph_index(U' '));
    EXPECT_EQ(space.field.width, 0);
    EXPECT_GT(space.advance, 10);
}
