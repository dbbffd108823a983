// Transforms against their CPU twins: hand-computed values, inverses, and random chains
// rendered on the GPU into a float32 target compared with the CPU twin.
#include "../gloo/GLTest.hpp"
#include "../TestUtil.hpp"
#include "Readback.hpp"

#include <glumpp/transforms.hpp>

#include <random>

using namespace glumpp;
using namespace glumpp::transforms;
using glumpp::test::message_of;
using glumpp::test::gpu_forward;

namespace {

void expect_near(glm::dvec4 got, glm::dvec4 want, double tol = 1e-6) {
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(got[k], want[k], tol) << "component " << k;
}

class TransformTest : public test::GLTest {};

} // namespace

TEST(Transforms, HandComputed) {
    const glm::dvec4 p{1, 2, 3, 1};
    expect_near(Translate({1, -1, 0.5f})(Position()).forward(p), {2, 1, 3.5, 1});
    expect_near(Scale({2, 3, -1})(Position()).forward(p), {2, 6, -3, 1});
    // 90 degrees about z: x -> y, y -> -x (counter-clockwise, glumpy's matrix).
    expect_near(Rotate({0, 0, 1}, 90)(Position()).forward(p), {-2, 1, 3, 1});
    // About x through the origin (0, 1, 0): (y, z) - (1, 0) = (1, 3) -> (-3, 1), + (1, 0) = (-2, 1).
    expect_near(Rotate({1, 0, 0}, 90, {0, 1, 0})(Position()).forward(p), {1, -2, 1, 1});
    // A chain applies the innermost first: scale then translate, not the other way.
    expect_near(Translate({1, 0, 0})(Scale({2, 2, 2})(Position())).forward(p), {3, 4, 6, 1});
    expect_near(Scale({2, 2, 2})(Translate({1, 0, 0})(Position())).forward(p), {4, 4, 6, 1});
    PanZoom pz({.aspect = {}, .pan = {0.5f, -0.5f}, .zoom = 2});
    expect_near(pz(Position()).forward(p), {2.5, 3.5, 3, 1});
}

TEST(Transforms, InversesUndoForward) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-2, 2);
    Rotate r({u(rng), u(rng), 1}, 37, {0.5f, 0.25f, 0});
    Translate t({u(rng), u(rng), u(rng)});
    Scale s({1.5f, -0.5f, 3});
    PanZoom pz({.aspect = 1.0f, .pan = {0.1f, 0.2f}, .zoom = 3});
    pz.resize(800, 400);
    const Call chain = pz(r(t(s(Position()))));
    for (int k = 0; k < 100; ++k) {
        const glm::dvec4 p{u(rng), u(rng), u(rng), 1};
        expect_near(chain.inverse(chain.forward(p)), p, 1e-6); // the matrices are float32
    }
}

TEST(Transforms, PanZoomFollowsGlumpysParameters) {
    PanZoom pz; // no aspect: the window's shape does not matter
    pz.resize(800, 400);
    EXPECT_EQ(pz.scale(), glm::vec2(1, 1));
    pz.set_zoom(1e6f);
    EXPECT_EQ(pz.zoom(), 1000.0f); // zoom_max
    pz.set_zoom(0);
    EXPECT_EQ(pz.zoom(), 0.01f); // zoom_min
    PanZoom square({.aspect = 1.0f, .zoom = 2});
    square.resize(800, 400); // wide: x shrinks by 400/800
    EXPECT_EQ(square.scale(), glm::vec2(1, 2));
    square.resize(300, 600); // tall: y shrinks by 300/600
    EXPECT_EQ(square.scale(), glm::vec2(2, 1));
    EXPECT_EQ(message_of<ValueError>([&] { square.resize(0, 10); }), "PanZoom::resize: the size 0x10 is empty");
    EXPECT_EQ(square.scale(), glm::vec2(2, 1));
    PanZoom copy = square; // copies share
    copy.set_pan({1, 2});
    EXPECT_EQ(square.pan(), glm::vec2(1, 2));
    EXPECT_EQ(message_of<ValueError>([] { Rotate({0, 0, 0}, 10); }), "Rotate::set: the axis (0, 0, 0) has no direction");
}

TEST_F(TransformTest, RandomChainsOnTheGpuMatchTheCpuTwin) {
    std::mt19937 rng(2026);
    std::uniform_real_distribution<float> u(-1, 1), positive(0.25f, 2), angle(-180, 180);
    std::uniform_int_distribution<int> kind(0, 2), depth(1, 4);
    std::vector<glm::vec3> points(257);
    for (auto& q : points) q = {u(rng), u(rng), u(rng)};
    double worst = 0;
    for (int trial = 0; trial < 24; ++trial) {
        Call chain = Position()();
        std::string what = "position";
        const int d = depth(rng);
        for (int k = 0; k < d; ++k) {
            switch (kind(rng)) {
            case 0: chain = Translate({u(rng), u(rng), u(rng)})(chain), what = "translate(" + what + ")"; break;
            case 1: chain = Scale({positive(rng), -positive(rng), positive(rng)})(chain), what = "scale(" + what + ")"; break;
            default: chain = Rotate({u(rng), u(rng), u(rng) + 2}, angle(rng), {u(rng), u(rng), 0})(chain), what = "rotate(" + what + ")";
            }
        }
        if (trial % 2) {
            chain = PanZoom({.aspect = {}, .pan = {u(rng), u(rng)}, .zoom = positive(rng)})(chain);
            what = "panzoom(" + what + ")";
        }
        const auto gpu = gpu_forward(chain, points);
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 cpu = chain.forward(glm::dvec4(glm::dvec3(points[k]), 1.0));
            const double err = glm::length(glm::dvec4(gpu[k]) - cpu) / std::max(1.0, glm::length(cpu));
            worst = std::max(worst, err);
            ASSERT_LE(err, 1e-5) << what << ", point " << k;
        }
    }
    RecordProperty("worst_relative_error", std::to_string(worst));
    std::printf("worst relative error GPU vs CPU twin: %.3g\n", worst);
}

TEST_F(TransformTest, TwoDimensionalChainsOnTheGpuMatchTheCpuTwin) {
    // The vec2 overloads (glumpy's 2-D forms): z reads 0, the result is xy.
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(-1, 1), positive(0.25f, 2), angle(-180, 180);
    std::vector<glm::vec3> points(129);
    for (auto& q : points) q = {u(rng), u(rng), 0};
    double worst = 0;
    for (int trial = 0; trial < 8; ++trial) {
        Translate t({u(rng), u(rng), u(rng)});
        Scale s({positive(rng), positive(rng), positive(rng)});
        Rotate r({0, 0, 1}, angle(rng), {u(rng), u(rng), 0});
        const Call chain = trial % 2 ? t(r(s())) : r(s(t()));
        const auto gpu = gpu_forward(chain, points, true);
        for (std::size_t k = 0; k < points.size(); ++k) {
            glm::dvec4 cpu = chain.forward(glm::dvec4(points[k].x, points[k].y, 0, 1));
            cpu = {cpu.x, cpu.y, 0, 1};
            const double err = glm::length(glm::dvec4(gpu[k]) - cpu) / std::max(1.0, glm::length(cpu));
            worst = std::max(worst, err);
            ASSERT_LE(err, 1e-5) << "trial " << trial << ", point " << k;
        }
    }
    std::printf("worst relative error GPU vs CPU twin, 2-D: %.3g\n", worst);
}
