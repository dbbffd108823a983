// Scales, selectors and Viewport: hand-computed values, inverses, errors, and the GPU's
// numbers (Readback.hpp) against the CPU twins, in the vertex and the fragment shader.
#include "../gloo/GLTest.hpp"
#include "../TestUtil.hpp"
#include "Readback.hpp"

#include <glumpp/transforms.hpp>

#include <cmath>
#include <random>

using namespace glumpp;
using namespace glumpp::transforms;
using glumpp::test::message_of;

namespace {

class ScaleTest : public test::GLTest {};
using test::conditioning;
using test::relative;

} // namespace

TEST(Scales, HandComputed) {
    LinearScale linear({.domain = {0, 10}, .range = {-1, 1}});
    EXPECT_DOUBLE_EQ(linear(Position()).forward({5, 0, 10, 1}).x, 0.0);
    EXPECT_DOUBLE_EQ(linear(Position()).forward({5, 0, 10, 1}).y, -1.0);
    EXPECT_DOUBLE_EQ(linear(Position()).forward({15, 0, 10, 1}).x, 2.0); // no clamp: extrapolates
    linear.set_clamp(true);
    EXPECT_DOUBLE_EQ(linear(Position()).forward({15, 0, 10, 1}).x, 1.0);
    EXPECT_TRUE(linear.discards(15));
    EXPECT_FALSE(linear.discards(10));
    linear.set_discard(false);
    EXPECT_FALSE(linear.discards(15));

    // glumpy's transform-log-scale: domain (-1, 2) is [10^-1, 10^2]; 10 lies 2/3 of the way.
    LogScale log({.domain = {-1, 2}});
    EXPECT_NEAR(log(Position()).forward({10, 0.1, 100, 1}).x, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(log(Position()).forward({10, 0.1, 100, 1}).y, -1.0, 1e-12);
    EXPECT_NEAR(log(Position()).forward({10, 0.1, 100, 1}).z, 1.0, 1e-12);
    log.set_base(2); // 2^-1 .. 2^2: 1 -> t = 1/3
    EXPECT_NEAR(log(Position()).forward({1, 0, 0, 1}).x, -1.0 / 3.0, 1e-7);

    // PowerScale: the domain is raised to the exponent: (-10, 10) -> (-100, 100); 5 -> 25,
    // t = 0.625, y = 0.25; -5 -> -0.25 (glumpy's sign rule).
    PowerScale power({.domain = {-10, 10}}, 2);
    EXPECT_NEAR(power(Position()).forward({5, -5, 0, 1}).x, 0.25, 1e-12);
    EXPECT_NEAR(power(Position()).forward({5, -5, 0, 1}).y, -0.25, 1e-12);
    EXPECT_NEAR(power(Position()).forward({5, -5, 0, 1}).z, 0.0, 1e-12);
    EXPECT_EQ(power.numbers("domain"), (std::vector<double>{-100, 100}));
    power.set_exponent(3); // re-raises the domain, glumpy's setter
    EXPECT_EQ(power.numbers("domain"), (std::vector<double>{-1000, 1000}));
    EXPECT_EQ(power.domain(), glm::dvec2(-10, 10));

    LogScale defaults;
    EXPECT_EQ(defaults.domain(), glm::dvec2(1, 10)); // glumpy's LogScale default
    EXPECT_EQ(defaults.base(), 10.0);
    EXPECT_EQ(LinearScale().range(), glm::dvec2(-1, 1));
    EXPECT_TRUE(LinearScale().discard());
    EXPECT_FALSE(LinearScale().clamp());
}

TEST(Scales, InversesUndoForward) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(-3, 3), positive(0.05, 90);
    LinearScale linear({.domain = {-2, 5}, .range = {0, 1024}});
    LogScale log({.domain = {-1, 2}, .range = {-1, 1}}); // glumpy's own GLSL inverse fails here (|y|)
    PowerScale power({.domain = {-3, 3}}, 2.5);
    for (int k = 0; k < 200; ++k) {
        const glm::dvec4 p(u(rng), u(rng), u(rng), 1), q(positive(rng), positive(rng), positive(rng), 1);
        for (const Call& c : {linear(Position()), power(Position())}) {
            const glm::dvec4 back = c.inverse(c.forward(p));
            for (int j = 0; j < 3; ++j) EXPECT_NEAR(back[j], p[j], 1e-9 * std::max(1.0, std::abs(p[j])));
        }
        const glm::dvec4 back = log(Position()).inverse(log(Position()).forward(q));
        for (int j = 0; j < 3; ++j) EXPECT_NEAR(back[j], q[j], 1e-9 * q[j]);
    }
    // Per-axis chains: position(log(P.x), linear(P.y)) and back; z passes through.
    const Call chain = Position()(log(".x"), linear(".y"));
    const glm::dvec4 out = chain.forward({10, 5, 7, 1});
    EXPECT_NEAR(out.x, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(out.y, 1024.0, 1e-9);
    EXPECT_EQ(out.z, 0.0); // position(float, float): z = 0, as the GLSL gives
    const glm::dvec4 back = chain.inverse(out);
    EXPECT_NEAR(back.x, 10, 1e-9);
    EXPECT_NEAR(back.y, 5, 1e-9);
}

TEST(Scales, SelectorsPickOneComponent) {
    EXPECT_EQ(Y()(Position()).forward({1, 2, 3, 1}), glm::dvec4(2, 0, 0, 1));
    EXPECT_EQ(Position()(X()(".xy"), Z()(".xyz")).forward({1, 2, 3, 1}), glm::dvec4(1, 3, 0, 1));
}

// The GPU reads the domain as float32 and divides by d1 - d0: a domain distinct in double
// but one float there is refused (it gave inf or NaN on the GPU, numbers on the CPU twin).
TEST(Scales, DomainsThatCollapseInFloat32AreRefused) {
    LogScale log;
    EXPECT_EQ(message_of<ValueError>([&] { log.set_domain({1e10, 1e10 + 1}); }),
              "LogScale::set_domain: the domain (1e+10, 10000000001) is (1e+10, 1e+10) as the GPU's float32 reads it: empty or not finite");
    EXPECT_EQ(log.domain(), glm::dvec2(1, 10));
    EXPECT_EQ(log.numbers("domain"), (std::vector<double>{1, 10}));
    EXPECT_EQ(message_of<ValueError>([] { LinearScale({.domain = {1, 1 + 1e-9}}); }),
              "LinearScale: the domain (1, 1.000000001) is (1, 1) as the GPU's float32 reads it: empty or not finite");
    // glumpy's log domain is in powers of the base: (-1, 1) is [0.1, 10], and stays valid.
    log.set_domain({-1, 1});
    EXPECT_NEAR(log(Position()).forward({0.1, 0, 0, 1}).x, -1, 1e-6);
    EXPECT_NEAR(log(Position()).forward({10, 0, 0, 1}).x, 1, 1e-6);
    PowerScale power({.domain = {1e20, 2e20}});
    EXPECT_EQ(message_of<ValueError>([&] { power.set_exponent(2); }),
              "PowerScale::set_exponent: the domain (1e+20, 2e+20) is (inf, inf) as the GPU's float32 reads it: empty or not finite");
    EXPECT_EQ(power.exponent(), 1.0);
}

TEST(Scales, BadParametersAreRefusedAndChangeNothing) {
    LinearScale s({.domain = {0, 10}});
    EXPECT_EQ(message_of<ValueError>([&] { s.set_domain({3, 3}); }), "LinearScale::set_domain: the domain (3, 3) is empty or not finite");
    EXPECT_EQ(message_of<ValueError>([&] { s.set_range({0, NAN}); }), "LinearScale::set_range: the range (0, nan) is not finite");
    EXPECT_EQ(s.domain(), glm::dvec2(0, 10));
    EXPECT_EQ(s.numbers("domain"), (std::vector<double>{0, 10}));
    EXPECT_EQ(message_of<ValueError>([] { LinearScale({.domain = {1, 1}}); }), "LinearScale: the domain (1, 1) is empty or not finite");
    LogScale log;
    EXPECT_EQ(message_of<ValueError>([&] { log.set_base(1); }),
              "LogScale::set_base: the base 1 is not positive, finite and other than 1");
    EXPECT_EQ(message_of<ValueError>([&] { log.set_base(-2); }),
              "LogScale::set_base: the base -2 is not positive, finite and other than 1");
    EXPECT_EQ(log.base(), 10.0);
    PowerScale power;
    EXPECT_EQ(message_of<ValueError>([&] { power.set_exponent(0); }),
              "PowerScale::set_exponent: the exponent 0 is not positive and finite");
    EXPECT_EQ(power.exponent(), 1.0);
    EXPECT_EQ(message_of<ValueError>([&] { power.set_exponent(-1e-7); }),
              "PowerScale::set_exponent: the exponent -1e-07 is not positive and finite");
    EXPECT_EQ(message_of<ValueError>([] { return Position()(LinearScale()(), LinearScale()()).forward({1, 2, 3, 1}); }),
              "Call::forward: how many components snippet 'LinearScale.forward' gives depends on its argument's type: give it a "
              "swizzle of the hook's argument (\".xy\")");
}

TEST_F(ScaleTest, RandomScaleChainsOnTheGpuMatchTheCpuTwin) {
    std::mt19937 rng(2027);
    std::uniform_real_distribution<float> u(-4, 4), positive(0.01f, 50), lo(-2, 0), hi(0.5, 3), exponent(0.5f, 3); // below 0.5 the inverse raises to 1/k > 2, beyond float32 rounding at 1e-5
    std::uniform_int_distribution<int> kind(0, 2), bit(0, 1);
    std::vector<glm::vec4> points(301);
    for (auto& q : points) q = {positive(rng), positive(rng), positive(rng), 1}; // logs need x > 0
    double worst = 0;
    int ill = 0; // inverse points whose float32 input alone moves the output beyond 1e-5
    for (int trial = 0; trial < 30; ++trial) {
        auto make = [&](int k) -> Snippet {
            const QuantitativeScale::Options o{.domain = {lo(rng), hi(rng)}, .range = {u(rng), u(rng)}, .clamp = bit(rng) == 1};
            if (k == 0) return LinearScale(o);
            if (k == 1) return LogScale(o, positive(rng) + 1.5);
            return PowerScale(o, exponent(rng));
        };
        Call chain = Position()(make(kind(rng)));
        std::string expression = "<transform(P.xyz)>";
        switch (trial % 3) {
        case 1: chain = Position()(make(kind(rng))(".x"), make(kind(rng))(".y")); break;  // glumpy's per-axis form
        case 2: chain = Position()(make(kind(rng))(".xy"), make(kind(rng))(".z")); break; // position(vec2, float)
        }
        const auto gpu = test::gpu_evaluate(chain, points, expression);
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 cpu = chain.forward(glm::dvec4(points[k]));
            const double err = relative(glm::dvec4(gpu[k]), cpu);
            worst = std::max(worst, err);
            ASSERT_LE(err, 1e-5) << "trial " << trial << ", point " << k << ": cpu " << cpu.x << " " << cpu.y << " " << cpu.z
                                 << ", gpu " << gpu[k].x << " " << gpu[k].y << " " << gpu[k].z;
        }
        // and the inverse GLSL against the inverse twin, fed the forward values
        if (trial % 3 == 0) {
            const Call inverse = Position()(chain.args()[0].call->snippet().call("inverse"));
            std::vector<glm::vec4> ys;
            for (const auto& q : points) ys.push_back(glm::vec4(chain.forward(glm::dvec4(q))));
            const auto back = test::gpu_evaluate(inverse, ys, expression);
            for (std::size_t k = 0; k < points.size(); ++k) {
                const glm::dvec4 cpu = inverse.forward(glm::dvec4(ys[k]));
                if (!std::isfinite(cpu.x + cpu.y + cpu.z)) continue; // a clamped log/power inverse may leave the reals
                const double err = relative(glm::dvec4(back[k]), cpu);
                const double bound = std::max(1e-5, conditioning(inverse, glm::dvec4(ys[k])));
                if (bound == 1e-5) worst = std::max(worst, err);
                ill += bound > 1e-5;
                ASSERT_LE(err, bound) << "inverse, trial " << trial << ", point " << k << " of " << chain.args()[0].call->snippet().name()
                                     << ": y " << ys[k].x << " " << ys[k].y << " " << ys[k].z << ", cpu " << cpu.x << " " << cpu.y
                                     << " " << cpu.z << ", gpu " << back[k].x << " " << back[k].y << " " << back[k].z << " domain "
                                     << chain.args()[0].call->snippet().numbers("domain")[0] << " " << chain.args()[0].call->snippet().numbers("domain")[1] << " range "
                                     << chain.args()[0].call->snippet().numbers("range")[0] << " " << chain.args()[0].call->snippet().numbers("range")[1] << " k "
                                     << chain.args()[0].call->snippet().numbers("exponent")[0] << " clamp " << chain.args()[0].call->snippet().numbers("clamping")[0];
            }
        }
    }
    std::printf("worst relative error GPU vs CPU twin, scales: %.3g (%d ill-conditioned inverse points of %zu held to their conditioning)\n",
                worst, ill, 10 * points.size());
    EXPECT_LT(ill, 10); // a handful of points near a cancellation, not a class of inputs
}

TEST_F(ScaleTest, AFragmentShaderDiscardsOutsideTheDomain) {
    // The scale runs in the fragment shader: points outside [2, 6] keep the cleared texel,
    // the others get the CPU twin's value. In a vertex shader nothing is discarded.
    LinearScale s({.domain = {2, 6}, .range = {0, 1}});
    std::vector<glm::vec4> points;
    for (int k = 0; k <= 80; ++k) points.push_back({0.1f * float(k), 4, 4, 1});
    const auto gpu = test::gpu_evaluate(s(), points, "vec4(<transform(P.xyz)>, 1.0)", true);
    int dropped = 0;
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (s.discards(points[k].x)) {
            ++dropped;
            EXPECT_EQ(gpu[k].x, test::cleared) << k;
        } else {
            EXPECT_NEAR(gpu[k].x, s(Position()).forward(glm::dvec4(points[k])).x, 1e-6) << k;
        }
    }
    EXPECT_EQ(dropped, 40); // 0.0 .. 1.9 and 6.1 .. 8.0
    s.set_discard(false);
    const auto kept = test::gpu_evaluate(s(), points, "vec4(<transform(P.xyz)>, 1.0)", true);
    for (const auto& v : kept) EXPECT_NE(v.x, test::cleared);
    s.set_discard(true);
    for (const auto& v : test::gpu_evaluate(s(), points, "vec4(<transform(P.xyz)>, 1.0)")) EXPECT_NE(v.x, test::cleared);
}

TEST(Viewport, HandComputed) {
    Viewport v({.extents = glm::dvec4(100, 50, 200, 100)});
    v.resize(400, 200);
    // The window's clip square maps onto the sub-rectangle: (-1, -1) -> its corner.
    const Call c = v(Position());
    EXPECT_NEAR(c.forward({-1, -1, 0, 1}).x, -0.5, 1e-12); // pixel 100 of 400
    EXPECT_NEAR(c.forward({-1, -1, 0, 1}).y, -0.5, 1e-12); // pixel 50 of 200
    EXPECT_NEAR(c.forward({1, 1, 0.5, 1}).x, 0.5, 1e-12);
    EXPECT_NEAR(c.forward({1, 1, 0.5, 1}).z, 0.5, 1e-12);
    const glm::dvec4 p(0.3, -0.7, 0.2, 2.0);
    const glm::dvec4 back = c.inverse(c.forward(p));
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(back[k], p[k], 1e-12);
    EXPECT_TRUE(v.clips({99, 60}));
    EXPECT_FALSE(v.clips({100, 60}));
    EXPECT_TRUE(v.clips({150, 151}));
    v.set_transform(false);
    EXPECT_EQ(c.forward(p), p);
    Viewport whole;
    whole.resize(640, 480);
    EXPECT_EQ(whole.local(), glm::dvec4(0, 0, 640, 480));
    EXPECT_EQ(whole(Position()).forward(p), p);
    EXPECT_EQ(message_of<ValueError>([&] { v.set_extents(glm::dvec4(0, 0, 0, 10)); }),
              "Viewport::set_extents: the extents (0, 0, 0, 10) are not finite with a positive width and height");
    EXPECT_EQ(v.local(), glm::dvec4(100, 50, 200, 100));
    EXPECT_EQ(message_of<ValueError>([&] { v.resize(0, 3); }), "Viewport::resize: the size 0x3 is empty");
}

TEST_F(ScaleTest, ViewportDrawsIntoItsRectangleAndClips) {
    // A quad larger than the window (clip coordinates -1.5 .. 1.5) through the viewport:
    // the transform alone would spill past the rectangle; clipping keeps exactly the
    // rectangle's pixels (GL's pixel centres k + 0.5 inside [x, x + w]).
    const int W = 64, H = 48;
    Viewport v({.extents = glm::dvec4(8, 4, 20, 30)});
    v.resize(W, H);
    transforms::Program p(R"(#version 330
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); <viewport.transform>; }
)",
                          R"(#version 330
out vec4 color;
void main() { <viewport.clipping>; color = vec4(1.0); }
)");
    p["viewport"] = v;
    p["a_position"] = Array::from<float>({{-1.5, -1.5}, {1.5, -1.5}, {-1.5, 1.5}, {1.5, 1.5}});
    auto color = gloo::Texture2D::gpu_only({std::size_t(H), std::size_t(W), 4}, DType::of<float>());
    gloo::FrameBuffer fb({color});
    auto count = [&] {
        auto on = fb.activated();
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        p.draw(gloo::Primitive::TriangleStrip);
        const auto t = color.read_back().to_vector<float>();
        int inside = 0, outside = 0;
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x) {
                const bool lit = t[std::size_t(4 * (y * W + x))] > 0.5f;
                const bool in = x >= 8 && x < 28 && y >= 4 && y < 34;
                inside += lit && in;
                outside += lit && !in;
            }
        return std::pair{inside, outside};
    };
    EXPECT_EQ(count(), (std::pair{600, 0}));
    v.set_clipping(false); // the quad's 1.5x overhang now shows around the rectangle
    const auto [in, out] = count();
    EXPECT_EQ(in, 600);
    EXPECT_EQ(out, 30 * 41 - 600); // 1.5 x 20 = 30 columns; rows -3.5 .. 41.5 in the window: 41
}
