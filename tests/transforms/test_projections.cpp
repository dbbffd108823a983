// Polar and geographic projections: the CPU twins against formulas computed independently
// in NumPy (projections_oracle.py, other constructions of the same maps) at random points,
// inverses undoing forwards, and the GPU's forward and inverse against the twins.
#include "../gloo/GLTest.hpp"
#include "../TestUtil.hpp"
#include "Readback.hpp"

#include <glumpp/transforms.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numbers>
#include <random>
#include <sstream>

using namespace glumpp;
using namespace glumpp::transforms;
using glumpp::test::message_of;

namespace {

constexpr double pi = std::numbers::pi;

struct Case {
    std::string oracle;               // projections_oracle.py's name, and its parameters
    std::vector<double> params;
    Snippet projection;
    glm::dvec2 lon, lat;              // where points are drawn (the map's domain)
    std::function<bool(double, double)> keep = [](double, double) { return true; };
};

std::vector<Case> cases() {
    const ConicEqualArea albers = ConicEqualArea::albers();
    const auto a = albers.options();
    const auto far_from_antipode = [](double l, double f) { return std::cos(l) * std::cos(f) > -0.9; };
    return {
        {"azimuthal-equal-area", {}, AzimuthalEqualAreaProjection(), {-3, 3}, {-1.5, 1.5}, far_from_antipode},
        {"azimuthal-equidistant", {}, AzimuthalEquidistantProjection(), {-3, 3}, {-1.5, 1.5}, far_from_antipode},
        {"hammer", {}, HammerProjection(), {-3.1, 3.1}, {-1.55, 1.55}},
        {"transverse-mercator", {}, TransverseMercatorProjection(), {-1.3, 1.3}, {-1.4, 1.4}},
        {"polar", {double(0.3f)}, PolarProjection(0.3), {0.05, 3}, {0, 2 * pi}},
        {"conic", {a.scale, a.center.x, a.center.y, a.rotate.x, a.rotate.y, a.translate.x, a.translate.y, a.parallels.x, a.parallels.y},
         albers, {-125, -67}, {24, 50}},
        {"conic", {1, 0, 0, 0, 0, 0, 0, 0, 90}, ConicEqualArea(), {-170, 170}, {-85, 85}},
    };
}

// Random points of the case's domain, float32 (what the GPU reads).
std::vector<glm::vec4> points_of(const Case& c, std::uint32_t seed, std::size_t n) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(c.lon.x, c.lon.y), lat(c.lat.x, c.lat.y);
    std::vector<glm::vec4> out;
    while (out.size() < n) {
        const glm::vec4 p(float(lon(rng)), float(lat(rng)), 0.0f, 1.0f);
        if (c.keep(p.x, p.y)) out.push_back(p);
    }
    return out;
}

// NumPy's (x, y) for each point.
std::vector<glm::dvec2> oracle(const Case& c, const std::vector<glm::vec4>& points) {
    const std::filesystem::path dir = GLUMPP_TEST_TMP "/projections";
    std::filesystem::create_directories(dir);
    const auto in = dir / (c.oracle + ".in"), out = dir / (c.oracle + ".out");
    {
        std::ofstream f(in);
        f.precision(17);
        for (const auto& p : points) {
            f << c.oracle << " " << double(p.x) << " " << double(p.y);
            for (double v : c.params) f << " " << v;
            f << "\n";
        }
    }
    const std::string command = std::string(GLUMPP_TEST_PYTHON " " GLUMPP_PROJECTIONS_ORACLE " < ") + in.string() + " > " + out.string();
    if (std::system(command.c_str()) != 0) ADD_FAILURE() << "the NumPy oracle failed: " << command;
    std::ifstream f(out);
    std::vector<glm::dvec2> r;
    double x, y;
    while (f >> x >> y) r.push_back({x, y});
    return r;
}

class ProjectionTest : public test::GLTest {};

} // namespace

TEST(Projections, CpuTwinsMatchNumPysIndependentFormulas) {
    for (const auto& c : cases()) {
        const auto points = points_of(c, 7, 400);
        const auto want = oracle(c, points);
        ASSERT_EQ(want.size(), points.size()) << c.oracle;
        const Call chain = c.projection(Position());
        double worst = 0;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 got = chain.forward(glm::dvec4(points[k]));
            const double err = glm::length(glm::dvec2(got) - want[k]) / std::max(1.0, glm::length(want[k]));
            worst = std::max(worst, err);
            ASSERT_LE(err, 1e-9) << c.oracle << " at (" << points[k].x << ", " << points[k].y << "): " << got.x << " " << got.y
                                 << " vs NumPy " << want[k].x << " " << want[k].y;
        }
        std::printf("%-22s CPU twin vs NumPy: worst relative error %.3g\n", c.oracle.c_str(), worst);
    }
}

TEST(Projections, InversesUndoForward) {
    for (const auto& c : cases()) {
        const Call chain = c.projection(Position());
        for (const auto& p : points_of(c, 8, 400)) {
            const glm::dvec4 back = chain.inverse(chain.forward(glm::dvec4(p)));
            double dy = back.y - p.y;
            if (c.oracle == "polar") dy = std::remainder(dy, 2 * pi); // theta modulo 2 pi
            EXPECT_NEAR(back.x, p.x, 1e-8 * std::max(1.0, std::abs(double(p.x)))) << c.oracle << " lon " << p.x << " lat " << p.y;
            EXPECT_NEAR(dy, 0, 1e-8 * std::max(1.0, std::abs(double(p.y)))) << c.oracle << " lon " << p.x << " lat " << p.y;
        }
    }
}

TEST(Projections, ConicClipAndErrors) {
    ConicEqualArea conic({.clip = {-10, 10, -90, 90}});
    EXPECT_EQ(conic(Position()).forward({20, 5, 0, 1}), glm::dvec4(20, 5, 0, 1)); // outside the clip: unprojected
    EXPECT_NE(conic(Position()).forward({5, 5, 0, 1}), glm::dvec4(5, 5, 0, 1));
    EXPECT_EQ(message_of<ValueError>([&] { conic.set({.parallels = {-30, 30}}); }),
              "ConicEqualArea::set: the parallels (-30, 30) make no cone (sin p0 + sin p1 = 0)");
    EXPECT_EQ(message_of<ValueError>([&] { conic.set({.scale = 0}); }), "ConicEqualArea::set: the scale is 0");
    EXPECT_EQ(conic.options().clip, glm::dvec4(-10, 10, -90, 90)); // unchanged
    EXPECT_EQ(message_of<ValueError>([] { PolarProjection polar(INFINITY); }), "PolarProjection::set_origin: the origin inf is not finite");
}

TEST_F(ProjectionTest, GpuForwardAndInverseMatchTheCpuTwins) {
    for (const auto& c : cases()) {
        const auto points = points_of(c, 9, 301);
        const Call forward = c.projection(), inverse = c.projection.call("inverse");
        // glumpy's 2-D use: the projection of P.xy (polar gives a vec4, the others a vec2)
        const std::string expression = c.oracle == "polar" ? "<transform(P.xy)>" : "vec4(<transform(P.xy)>, 0.0, 1.0)";
        const auto gpu = test::gpu_evaluate(forward, points, expression);
        std::vector<glm::vec4> ys;
        double worst = 0, worst_inverse = 0;
        int ill = 0;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 cpu = forward.forward(glm::dvec4(points[k]));
            const double bound = std::max(1e-5, test::conditioning(forward, glm::dvec4(points[k])));
            const double err = test::relative(glm::dvec4(gpu[k]), cpu);
            if (bound == 1e-5) worst = std::max(worst, err);
            ill += bound > 1e-5;
            ASSERT_LE(err, bound) << c.oracle << " at (" << points[k].x << ", " << points[k].y << ")";
            ys.push_back(glm::vec4(cpu));
        }
        const auto back = test::gpu_evaluate(inverse, ys, expression);
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 cpu = inverse.forward(glm::dvec4(ys[k]));
            const double bound = std::max(1e-5, test::conditioning(inverse, glm::dvec4(ys[k])));
            // Conic's inverse gives degrees: compared in radians, the unit the error measure's
            // max(1, |cpu|) assumes (llvmpipe's atan is good to a few 1e-6 radians absolute,
            // which in degrees of a 10-degree longitude reads as 1.3e-5 relative).
            const double unit = c.oracle == "conic" ? pi / 180 : 1.0;
            const double err = test::relative(glm::dvec4(glm::dvec2(back[k]) * unit, 0, 1), glm::dvec4(glm::dvec2(cpu) * unit, 0, 1));
            if (bound == 1e-5) worst_inverse = std::max(worst_inverse, err);
            ill += bound > 1e-5;
            ASSERT_LE(err, bound) << c.oracle << " inverse at (" << ys[k].x << ", " << ys[k].y << ")";
        }
        std::printf("%-22s GPU vs CPU twin: worst relative error %.3g forward, %.3g inverse (%d of %zu points ill-conditioned)\n",
                    c.oracle.c_str(), worst, worst_inverse, ill, 2 * points.size());
        EXPECT_LT(ill, int(points.size() / 10)) << c.oracle;
    }
}

TEST_F(ProjectionTest, LogPolarIsAChainOnTheGpuAndTheCpu) {
    // glumpy's transform-log-polar: position(polar(log(P.x), linear(P.y))).
    LogScale r({.domain = {-1, 3}, .range = {0, 1}});
    LinearScale t({.domain = {0, 2 * pi}, .range = {0, 2 * pi}});
    PolarProjection polar;
    const Call chain = Position()(polar(r(".x"), t(".y")));
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> radius(0.2f, 1000), angle(0, float(2 * pi));
    std::vector<glm::vec4> points(257);
    for (auto& p : points) p = {radius(rng), angle(rng), 0, 1};
    const auto gpu = test::gpu_evaluate(chain, points, "<transform(P.xyz)>");
    for (std::size_t k = 0; k < points.size(); ++k) {
        const glm::dvec4 cpu = chain.forward(glm::dvec4(points[k]));
        // by hand: rho = (log10 r + 1) / 4, theta kept
        const double rho = (std::log10(double(points[k].x)) + 1) / 4;
        EXPECT_NEAR(cpu.x, rho * std::cos(double(points[k].y)), 1e-6);
        EXPECT_NEAR(cpu.y, rho * std::sin(double(points[k].y)), 1e-6);
        ASSERT_LE(test::relative(glm::dvec4(gpu[k]), cpu), 1e-5) << k;
        const glm::dvec4 back = chain.inverse(cpu);
        EXPECT_NEAR(back.x, points[k].x, 1e-9 * points[k].x);
        EXPECT_NEAR(back.y, points[k].y, 1e-9);
    }
}
