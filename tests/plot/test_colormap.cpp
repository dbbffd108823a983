// Colormaps against their authors: glumpy's GLSL as glumpy draws it (tests/golden/
// glumpy-colormaps.csv), matplotlib's maps through Debian's matplotlib, and the GPU's
// lookup (glsl() + bind()) against the CPU's.
#include <glumpp/plot/Colormap.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"
#include "Matplotlib.hpp"

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace glumpp;
using plot::Colormap;
using plot::Rgba;

namespace {

const char* listed[] = {"viridis", "magma", "inferno", "plasma", "cividis", "turbo"};
constexpr double tolerance = 1.0 / 255.0;

} // namespace

TEST(Colormap, GlumpyMapsAgreeWithGlumpysGlsl) {
    std::ifstream in(GLUMPP_GLUMPY_COLORMAPS);
    ASSERT_TRUE(in) << GLUMPP_GLUMPY_COLORMAPS;
    std::string line;
    std::size_t rows = 0;
    std::set<std::string> maps;
    double worst = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("name,", 0) == 0) continue;
        std::istringstream s(line);
        std::string name, field;
        std::getline(s, name, ',');
        std::vector<double> v;
        while (std::getline(s, field, ',')) v.push_back(std::stod(field));
        ASSERT_EQ(v.size(), 4u) << line;
        const Rgba c = Colormap::named(name)(v[0]);
        const double d = std::max({std::abs(c.r - v[1]), std::abs(c.g - v[2]), std::abs(c.b - v[3])});
        worst = std::max(worst, d);
        EXPECT_LE(d, tolerance) << name << " at t = " << v[0] << ": " << c.r << " " << c.g << " " << c.b;
        EXPECT_EQ(c.a, 1.0);
        maps.insert(name);
        ++rows;
    }
    EXPECT_EQ(maps.size(), 15u);
    EXPECT_EQ(rows, 15u * 65u);
    // glumpy's GPU is float32: the formulas agree far better than the tolerance.
    EXPECT_LT(worst, 1e-5);
}

TEST(Colormap, ListedMapsAgreeWithMatplotlib) {
    REQUIRE_MATPLOTLIB();
    // 500 random values in [0, 1], both ends, bin edges, and out-of-range values with the
    // under/over/bad colours set (matplotlib's set_under/set_over/set_bad).
    std::mt19937 rng(13);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> t = {0.0, 1.0, 0.5, 1.0 / 256, 255.0 / 256, -0.25, 1.25, std::nan(""),
                             -INFINITY, INFINITY};
    for (int i = 0; i < 500; ++i) t.push_back(u(rng));
    std::ostringstream values;
    values.precision(17);
    for (double x : t) values << x << " ";
    const std::string script = R"(
import sys
import numpy as np
import matplotlib
t = np.array([float(w) for w in sys.argv[1].split()])
for name in ["viridis", "magma", "inferno", "plasma", "cividis", "turbo"]:
    cmap = matplotlib.colormaps[name].copy()
    cmap.set_under((0.1, 0.2, 0.3, 1.0)); cmap.set_over((0.9, 0.8, 0.7, 1.0)); cmap.set_bad((0.5, 0.5, 0.5, 0.5))
    for r, g, b, a in cmap(t):
        print(r, g, b, a)
)";
    const auto rows = test::python_numbers(script, values.str());
    ASSERT_EQ(rows.size(), 6 * t.size());
    std::size_t k = 0;
    for (const char* name : listed) {
        auto cmap = Colormap::named(name);
        EXPECT_TRUE(cmap.is_listed());
        cmap.set_under({0.1, 0.2, 0.3, 1}).set_over({0.9, 0.8, 0.7, 1}).set_bad({0.5, 0.5, 0.5, 0.5});
        for (double x : t) {
            const auto& m = rows[k++];
            const Rgba c = cmap(x);
            EXPECT_NEAR(c.r, m[0], tolerance) << name << " at " << x;
            EXPECT_NEAR(c.g, m[1], tolerance) << name << " at " << x;
            EXPECT_NEAR(c.b, m[2], tolerance) << name << " at " << x;
            EXPECT_NEAR(c.a, m[3], tolerance) << name << " at " << x;
        }
    }
}

TEST(Colormap, DefaultsOutOfRangeAreMatplotlibs) {
    REQUIRE_MATPLOTLIB();
    const std::string script = R"(
import numpy as np, matplotlib
cmap = matplotlib.colormaps["viridis"]
for r, g, b, a in cmap(np.array([-1.0, 2.0, np.nan])): print(r, g, b, a)
)";
    const auto rows = test::python_numbers(script);
    ASSERT_EQ(rows.size(), 3u);
    const auto cmap = Colormap::named("viridis");
    const double ts[] = {-1.0, 2.0, std::nan("")};
    for (int i = 0; i < 3; ++i) {
        const Rgba c = cmap(ts[i]);
        EXPECT_NEAR(c.r, rows[i][0], tolerance);
        EXPECT_NEAR(c.g, rows[i][1], tolerance);
        EXPECT_NEAR(c.b, rows[i][2], tolerance);
        EXPECT_NEAR(c.a, rows[i][3], tolerance);
    }
    // Many values at once: the same colours as one by one, as float32 (n, 4).
    const std::vector<double> many = {-1.0, 0.0, 0.3, 1.0, 2.0, std::nan("")};
    const Array rgba = cmap(many);
    ASSERT_EQ(rgba.shape(), (std::vector<std::size_t>{6, 4}));
    for (std::size_t i = 0; i < many.size(); ++i) {
        const Rgba c = cmap(many[i]);
        EXPECT_EQ(rgba.value<float>({static_cast<std::ptrdiff_t>(i), 0}), static_cast<float>(c.r));
        EXPECT_EQ(rgba.value<float>({static_cast<std::ptrdiff_t>(i), 3}), static_cast<float>(c.a));
    }
    // Copies are independent values.
    auto a = Colormap::named("hot");
    auto b = a;
    b.set_under({0, 0, 1, 1});
    EXPECT_EQ(a(-1.0), a(0.0));
    EXPECT_EQ(b(-1.0), (Rgba{0, 0, 1, 1}));
}

TEST(Colormap, UnknownNameIsAKeyErrorListingTheNames) {
    const auto message = test::message_of<KeyError>([] { Colormap::named("viridiss"); });
    EXPECT_EQ(message.rfind("Colormap::named: no colormap 'viridiss' (known: autumn, blues, cividis, cool, ", 0), 0u)
        << message;
    EXPECT_NE(message.find("viridis, wheel, winter)"), std::string::npos) << message;
    EXPECT_EQ(Colormap::names().size(), 21u);
}

class ColormapGL : public test::GLTest {};

// Every map through its GLSL (glsl() + bind()) at 512 points, read back: the CPU's colour
// within 1/255 (the read-back's 8 bits round by half of that).
TEST_F(ColormapGL, GpuLookupAgreesWithTheCpu) {
    const int W = 32, H = 16;
    test::RawTarget target(W, H);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.1f, 1.1f);
    std::vector<float> t(W * H), xy;
    for (int i = 0; i < W * H; ++i) {
        t[i] = i < 3 ? std::array<float, 3>{0.0f, 1.0f, NAN}[i] : u(rng);
        xy.push_back(-1.0f + (2.0f * static_cast<float>(i % W) + 1.0f) / W);
        xy.push_back(-1.0f + (2.0f * static_cast<float>(i / W) + 1.0f) / H);
    }
    for (const auto& name : Colormap::names()) {
        auto cmap = Colormap::named(name);
        cmap.set_under({0.25, 0.5, 0.75, 1}).set_over({0.75, 0.5, 0.25, 1}).set_bad({1, 0, 1, 1});
        const std::string vertex = R"(#version 330 core
in vec2 a_position; in float a_t; out float v_t;
void main() { v_t = a_t; gl_Position = vec4(a_position, 0.0, 1.0); })";
        const std::string fragment = "#version 330 core\n" + cmap.glsl("cmap") +
                                     "in float v_t; out vec4 frag_color;\nvoid main() { frag_color = cmap(v_t); }\n";
        gloo::Program program(vertex, fragment, W * H);
        program["a_position"] = Array::from(xy, {std::size_t(W * H), 2});
        program["a_t"] = Array::from(t);
        cmap.bind(program, "cmap");
        glClear(GL_COLOR_BUFFER_BIT);
        program.draw(gloo::Primitive::Points);
        for (int i = 0; i < W * H; ++i) {
            const auto p = target.pixel(i % W, i / W);
            const Rgba c = cmap(static_cast<double>(t[i]));
            ASSERT_NEAR(p[0] / 255.0, c.r, tolerance) << name << " at " << t[i];
            ASSERT_NEAR(p[1] / 255.0, c.g, tolerance) << name << " at " << t[i];
            ASSERT_NEAR(p[2] / 255.0, c.b, tolerance) << name << " at " << t[i];
        }
    }
}

// The GLSL of glumpy's maps is graphics::glsl's, not a second copy: glsl() calls
// colormap_NAME, holds that file's text, and two maps (sharing colormaps/util.glsl and
// fire's and ice's files) compile in one shader. icefire(1) is glumpy's black on the GPU
// as on the CPU.
TEST_F(ColormapGL, GlumpyMapsUseGraphicsGlslOnceInAShader) {
    const auto fire = Colormap::named("fire"), icefire = Colormap::named("icefire");
    const std::string a = fire.glsl("a"), b = icefire.glsl("b");
    const std::string file(graphics::glsl::get("colormaps/icefire.glsl"));
    EXPECT_NE(b.find(file.substr(file.find("vec3 colormap_icefire"))), std::string::npos);
    EXPECT_NE(b.find("return colormap_icefire(t);"), std::string::npos);
    test::RawTarget target(4, 4);
    const std::string fragment = "#version 330 core\n" + a + b + "out vec4 o;\nvoid main() { o = 0.5 * (a(0.25) + b(1.0)); }\n";
    gloo::Program program("#version 330 core\nin vec2 p; void main() { gl_Position = vec4(p, 0, 1); }", fragment, 3);
    program["p"] = Array::from<float>({-1, -1, 3, -1, -1, 3}, {3, 2});
    fire.bind(program, "a");
    icefire.bind(program, "b");
    program.draw(gloo::Primitive::Triangles);
    const auto p = target.pixel(1, 1);
    const Rgba f = fire(0.25), k = icefire(1.0);
    EXPECT_EQ(k, (Rgba{0, 0, 0, 1}));
    EXPECT_NEAR(p[0] / 255.0, 0.5 * (f.r + k.r), tolerance);
    EXPECT_NEAR(p[1] / 255.0, 0.5 * (f.g + k.g), tolerance);
    EXPECT_NEAR(p[2] / 255.0, 0.5 * (f.b + k.b), tolerance);
}

// The listed maps' texture is sent once: one TexImage of 256 RGBA32F texels, nothing at
// later draws.
TEST_F(ColormapGL, LookupTextureIsSentOnce) {
    test::RawTarget target(4, 4);
    auto cmap = Colormap::named("viridis");
    const std::string fragment = "#version 330 core\n" + cmap.glsl("c") + "out vec4 o;\nvoid main() { o = c(0.5); }\n";
    gloo::Program program("#version 330 core\nin vec2 p; void main() { gl_Position = vec4(p, 0, 1); }", fragment, 3);
    program["p"] = Array::from<float>({-1, -1, 3, -1, -1, 3}, {3, 2});
    cmap.bind(program, "c");
    program.draw(gloo::Primitive::Triangles);
    ctx.upload_log().clear();
    cmap.bind(program, "c");
    program.draw(gloo::Primitive::Triangles);
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    const auto p = target.pixel(1, 1);
    const Rgba c = cmap(0.5);
    EXPECT_NEAR(p[0] / 255.0, c.r, tolerance);
    EXPECT_NEAR(p[1] / 255.0, c.g, tolerance);
    EXPECT_EQ(cmap.texture().width(), 256u);
}
