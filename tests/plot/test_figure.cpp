// plot::Figure and Axes on a real (offscreen) window: glumpy's layout of add_axes (the
// extents measured on glumpy's own matplotlib-1 screenshot), faces composited as glumpy's
// blended quads leave them, events routed to the axes under the pointer, ticks after random
// pans and zooms equal to a matplotlib axes' of the same size, a trackball axes' projection
// against the pinhole formula, and bad input refused with nothing added.
#include <glumpp/app.hpp>
#include <glumpp/plot/Figure.hpp>
#include <glumpp/plot/Ticks.hpp>

#include "../TestUtil.hpp"
#include "Matplotlib.hpp"

#include <epoxy/gl.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <random>

using namespace glumpp;
using Rect = app::Viewport::Rect;

namespace {

app::WindowConfig offscreen(int w, int h) {
    app::WindowConfig c;
    c.width = w;
    c.height = h;
    c.backend = app::Backend::Offscreen;
    c.title = "figure test";
    return c;
}

std::array<int, 3> rgb(Array& img, int x, int row) {
    return {img.value<int>({std::size_t(row), std::size_t(x), 0}), img.value<int>({std::size_t(row), std::size_t(x), 1}),
            img.value<int>({std::size_t(row), std::size_t(x), 2})};
}

/// What the axes showed under random pans and zooms: the limits after each gesture (one
/// line "x0 x1 y0 y1", as matplotlib's scripts here read them) and the ticks drawn.
struct Gestures {
    std::string ranges;
    std::vector<std::vector<double>> xs, ys;
};

/// `count` random gestures over `axes` (seeded): a drag (vertical too when `drag_y`) or a
/// scroll of up to +-scroll/2 steps, each followed by a frame (the frame's set_view makes
/// the ticks for the range shown then).
Gestures random_gestures(app::Window& window, plot::Figure& figure, plot::Axes& axes, std::uint64_t seed, int count,
                         bool drag_y, double scroll) {
    const auto e = axes.viewport().extents();
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::ostringstream ranges;
    ranges.precision(17);
    Gestures g;
    auto& root = figure.viewport();
    window.activate();
    for (int i = 0; i < count; ++i) {
        const double px = e.x + 1 + u(rng) * (e.width - 2), py = window.height() - e.y - 1 - u(rng) * (e.height - 2);
        root.dispatch_mouse_motion(px, py, 0, 0);
        if (u(rng) < 0.5) {
            const double dx = (u(rng) - 0.5) * 400, dy = drag_y ? (u(rng) - 0.5) * 300 : 0.0;
            root.dispatch_mouse_press(px, py, app::MouseButton::Left);
            root.dispatch_mouse_drag(px, py, dx, dy, 1);
            root.dispatch_mouse_release(px, py, app::MouseButton::Left);
        } else {
            root.dispatch_mouse_scroll(px, py, 0, std::round((u(rng) - 0.5) * scroll));
        }
        window.dispatch_draw(0);
        const auto x = axes.xlim(), y = axes.ylim();
        ranges << x[0] << " " << x[1] << " " << y[0] << " " << y[1] << "\n";
        g.xs.push_back(axes.frame()->x_ticks());
        g.ys.push_back(axes.frame()->y_ticks());
    }
    g.ranges = ranges.str();
    return g;
}

/// Runs `script` (which reads the ranges file and prints one line of ticks per range) and
/// expects `ours` to be its lines, within 1e-9; returns how many ticks there were.
std::size_t expect_matplotlibs_ticks(const std::string& script, const Gestures& g, plot::Axes& axes) {
    const auto e = axes.viewport().extents();
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << g.ranges;
    const auto rows = test::python_numbers(script, file.string() + "," + std::to_string(e.width) + "," + std::to_string(e.height));
    EXPECT_EQ(rows.size(), g.xs.size());
    std::size_t ticks = 0;
    for (std::size_t i = 0; i < std::min(rows.size(), g.xs.size()); ++i) {
        EXPECT_EQ(g.xs[i].size(), rows[i].size()) << "case " << i;
        if (g.xs[i].size() != rows[i].size()) continue;
        for (std::size_t j = 0; j < g.xs[i].size(); ++j) EXPECT_NEAR(g.xs[i][j], rows[i][j], 1e-9) << "case " << i;
        ticks += g.xs[i].size();
    }
    return ticks;
}

} // namespace

TEST(Figure, WindowSizeIsFigsizeTimesDpiRounded) {
    EXPECT_EQ(plot::Figure::window_size({24, 12}), glm::ivec2(1728, 864));
    EXPECT_EQ(plot::Figure::window_size({10, 10}, 100), glm::ivec2(1000, 1000));
    EXPECT_EQ(plot::Figure::window_size({0.125, 1}, 4), glm::ivec2(0, 4)); // 0.5: half to even, as Python
    EXPECT_EQ(test::message_of<ValueError>([] { plot::Figure::window_size({-1, 2}, 72); }),
              "Figure::window_size: figsize (-1, 2) and dpi 72 must be positive and finite");
}

// glumpy's matplotlib-1 (Figure((24, 12)): 1728 x 864): its screenshot's pink face covers
// columns 17..854 and rows 13..850 from the top, the blue one columns 873..1710 (measured
// on run_example.py's PPM): GL extents {17, 13, 838, 838} and {873, 13, 838, 838}. Its face
// pixels are (245, 181, 181) and (181, 181, 245): 0.25 * 255 + 0.75 * 242 = 245.25 and
// 0.75 * 242 = 181.5 (GL's blend rounds down there, our clear of 0.7125 * 255 = 181.7 up:
// one level, so the faces are compared within 1).
TEST(Figure, AxesAreLaidOutAndFacedAsGlumpysMatplotlib1) {
    app::Window window(offscreen(1728, 864));
    plot::Figure figure(window);
    auto& left = figure.add_axes({0.010, 0.01, 0.485, 0.98}, {.facecolor = {1, 0, 0, 0.25}, .aspect = 1});
    auto& right = figure.add_axes({0.505, 0.01, 0.485, 0.98}, {.facecolor = {0, 0, 1, 0.25}, .aspect = 1});
    EXPECT_EQ(left.viewport().extents(), (Rect{17, 13, 838, 838}));
    EXPECT_EQ(right.viewport().extents(), (Rect{873, 13, 838, 838}));
    EXPECT_EQ(figure.size(), 2u);
    EXPECT_EQ(&figure[1], &right);
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    auto near = [](std::array<int, 3> got, std::array<int, 3> want) {
        for (int i = 0; i < 3; ++i)
            if (std::abs(got[i] - want[i]) > 1) return false;
        return true;
    };
    EXPECT_TRUE(near(rgb(img, 5, 5), {242, 242, 242}));
    EXPECT_TRUE(near(rgb(img, 17, 13), {245, 181, 181}));   // the face's corners
    EXPECT_TRUE(near(rgb(img, 854, 850), {245, 181, 181}));
    EXPECT_TRUE(near(rgb(img, 16, 13), {242, 242, 242}));   // just outside
    EXPECT_TRUE(near(rgb(img, 855, 850), {242, 242, 242}));
    EXPECT_TRUE(near(rgb(img, 17, 851), {242, 242, 242}));
    EXPECT_TRUE(near(rgb(img, 873, 400), {181, 181, 245}));
    EXPECT_TRUE(near(rgb(img, 1710, 400), {181, 181, 245}));
    EXPECT_TRUE(near(rgb(img, 1711, 400), {242, 242, 242}));
}

// Each axes has its own interaction: a drag and a scroll in the right one move its range
// only, by what graphics::PanZoom's rules say (the drag by pixels, the scroll 1.1x about
// the pointer, which keeps the data under it there); the left (no interface) stays put.
TEST(Figure, EventsReachTheAxesUnderThePointerOnly) {
    app::Window window(offscreen(400, 200));
    plot::Figure figure(window);
    auto& left = figure.add_axes({0, 0, 0.5, 1}, {});
    auto& right = figure.add_axes({0.5, 0, 0.5, 1}, {.interface = plot::Interface::PanZoom, .xlim = {0, 10}, .ylim = {0, 10}});
    EXPECT_EQ(right.xlim(), (std::array<double, 2>{0, 10}));
    EXPECT_EQ(right.ylim(), (std::array<double, 2>{0, 10}));
    auto& root = figure.viewport();
    root.dispatch_mouse_motion(300, 100, 0, 0);
    root.dispatch_mouse_press(300, 100, app::MouseButton::Left);
    root.dispatch_mouse_drag(320, 100, 20, 0, 1); // 20 px right: 1 data unit (200 px for 10)
    root.dispatch_mouse_release(320, 100, app::MouseButton::Left);
    EXPECT_NEAR(right.xlim()[0], -1, 1e-9);
    EXPECT_NEAR(right.xlim()[1], 9, 1e-9);
    root.dispatch_mouse_scroll(250, 100, 0, 1); // at the right axes' (50, 100): data (1.5, 5)
    const auto x = right.xlim(), y = right.ylim();
    EXPECT_NEAR(x[1] - x[0], 10 / 1.1, 1e-9);
    EXPECT_NEAR(x[0] + (x[1] - x[0]) * 0.25, 1.5, 1e-9);
    EXPECT_NEAR(y[0] + (y[1] - y[0]) * 0.5, 5, 1e-9);
    EXPECT_EQ(left.xlim(), (std::array<double, 2>{-1, 1}));
    EXPECT_EQ(left.ylim(), (std::array<double, 2>{-1, 1}));
}

// After random pans and zooms, an axes' ticks are those of a matplotlib axes of the same
// size in pixels (72 dpi: a point is a pixel; 12-point tick labels, as ours) over the same
// range: its AutoLocator with its own tick_space, the ticks inside the range.
TEST(Figure, TicksAfterRandomPansAndZoomsAreMatplotlibs) {
    REQUIRE_MATPLOTLIB();
    app::Window window(offscreen(640, 480));
    plot::Figure figure(window);
    auto& axes = figure.add_axes({0.1, 0.1, 0.8, 0.8},
                                 {.interface = plot::Interface::PanZoom, .xlim = {0, 5}, .ylim = {-1, 1}, .ticks = true});
    const auto e = axes.viewport().extents();
    const auto [ranges, xs, ys] = random_gestures(window, figure, axes, 13, 40, true, 30);
    const std::string script = R"(
import sys
import matplotlib
matplotlib.use("Agg")
matplotlib.rcParams["xtick.labelsize"] = 12
matplotlib.rcParams["ytick.labelsize"] = 12
import matplotlib.pyplot as plt
w, h = float(sys.argv[1].split(",")[1]), float(sys.argv[1].split(",")[2])
fig = plt.figure(figsize=(w / 72, h / 72), dpi=72)
ax = fig.add_axes([0, 0, 1, 1])
for line in open(sys.argv[1].split(",")[0]):
    a, b, c, d = map(float, line.split())
    ax.set_xlim(a, b)
    ax.set_ylim(c, d)
    for axis, lo, hi in ((ax.xaxis, a, b), (ax.yaxis, c, d)):
        t = axis.get_major_locator()()
        print(" ".join(repr(float(v)) for v in t if lo - 1e-9 * (hi - lo) <= v <= hi + 1e-9 * (hi - lo)))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << ranges;
    const auto rows = test::python_numbers(script, file.string() + "," + std::to_string(e.width) + "," + std::to_string(e.height));
    ASSERT_EQ(rows.size(), 2 * xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
        for (int k = 0; k < 2; ++k) {
            const auto& ours = k == 0 ? xs[i] : ys[i];
            const auto& theirs = rows[2 * i + k];
            ASSERT_EQ(ours.size(), theirs.size()) << "case " << i << (k == 0 ? " x" : " y");
            for (std::size_t j = 0; j < ours.size(); ++j)
                EXPECT_NEAR(ours[j], theirs[j], 1e-9 * std::max(1.0, std::abs(theirs[j]))) << "case " << i;
        }
    }
}

// A trackball axes projects scatter's points as a pinhole camera at distance 8 with fovy
// 35 (glumpy's defaults) looking down -z at theta = phi = 0: x_ndc = x / ((8 - z) tan 17.5°)
// (aspect 1 on a square viewport), pixels = (x_ndc + 1) / 2 * width from the left. Drawn
// dots are dark where the formula puts them; a still frame re-sends nothing.
TEST(Figure, TrackballAxesProjectAsAPinholeCamera) {
    app::Window window(offscreen(200, 200));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes({0, 0, 1, 1}, {.aspect = 1, .interface = plot::Interface::Trackball, .zscale = {.range = {-0.5, 0.5}},
                                               .theta = 0.0f, .phi = 0.0f});
    const std::vector<glm::vec3> points = {{0.5f, 0, 0}, {0, -0.5f, 2.0f}};
    axes.scatter(points, {.color = {0, 0, 0, 1}, .size = 5});
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    const double t = std::tan(17.5 * std::numbers::pi / 180);
    const double x0 = (0.5 / (8 * t) + 1) / 2 * 200;            // z = 0
    const double y1 = (1 - (-0.5 / ((8 - 1.0) * t))) / 2 * 200; // z = 2 * zscale 0.5 = 1, nearer
    EXPECT_LT(rgb(img, int(x0), 100)[0], 60) << x0;
    EXPECT_LT(rgb(img, 100, int(y1))[0], 60) << y1;
    EXPECT_GT(rgb(img, int(x0) + 6, 100)[0], 250);
    EXPECT_GT(rgb(img, 100, int(y1) - 6)[0], 250);
    const auto sent = axes.points().vertices().buffer().upload_stats().bytes_sent;
    window.dispatch_draw(0);
    EXPECT_EQ(axes.points().vertices().buffer().upload_stats().bytes_sent, sent); // still: nothing
    axes.trackball().set_phi(10);
    window.dispatch_draw(0);
    EXPECT_GT(axes.points().vertices().buffer().upload_stats().bytes_sent, sent); // turned: re-projected
}

// equal_aspect keeps the limits' aspect (glumpy's PanZoom(aspect=1)): 0..10 square in a
// 240 x 180 viewport shows y 0..10 and x 10 * 240 / 180 wide, centred.
TEST(Figure, EqualAspectFitsTheLimitsKeepingTheirShape) {
    app::Window window(offscreen(400, 300));
    plot::Figure figure(window);
    auto& axes = figure.add_axes({0.2, 0.2, 0.6, 0.6}, {.xlim = {0, 10}, .ylim = {0, 10}, .equal_aspect = true});
    const auto x = axes.xlim(), y = axes.ylim();
    EXPECT_NEAR(y[0], 0, 1e-12);
    EXPECT_NEAR(y[1], 10, 1e-12);
    EXPECT_NEAR(x[1] - x[0], 10.0 * 240 / 180, 1e-12);
    EXPECT_NEAR((x[0] + x[1]) / 2, 5, 1e-12);
}

// A rolling window: set_xlim moves the view (the data stay where they are, nothing of
// theirs re-sent), the y range stays; bad limits are refused and change nothing.
TEST(Figure, SetXlimMovesTheViewAndSendsNoVertex) {
    app::Window window(offscreen(200, 100));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes({0, 0, 1, 1}, {.interface = plot::Interface::PanZoom, .xlim = {0, 10}, .ylim = {-1, 1}});
    std::vector<glm::vec3> line;
    for (int i = 50; i <= 100; ++i) line.push_back({float(i * 0.2), float(i % 2 ? 0.5 : -0.5), 0}); // x 10..20
    axes.plot(line, {.width = 0.05f});
    window.activate();
    window.dispatch_draw(0);
    auto dark_in = [&](int column) {
        Array img = window.read_pixels();
        int dark = 0;
        for (int r = 0; r < 100; ++r) dark += rgb(img, column, r)[0] < 128;
        return dark;
    };
    EXPECT_EQ(dark_in(120), 0); // x = 6: no data there yet
    const auto sent = axes.paths().vertices().buffer().upload_stats().bytes_sent;
    axes.set_xlim(5, 15);
    EXPECT_NEAR(axes.xlim()[0], 5, 1e-9);
    EXPECT_NEAR(axes.xlim()[1], 15, 1e-9);
    EXPECT_NEAR(axes.ylim()[0], -1, 1e-9);
    EXPECT_NEAR(axes.ylim()[1], 1, 1e-9);
    window.dispatch_draw(0);
    EXPECT_EQ(axes.paths().vertices().buffer().upload_stats().bytes_sent, sent);
    EXPECT_GT(dark_in(120), 0); // x = 11 now: the line
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_xlim(3, 3); }),
              "Axes::set_xlim: xlim [3, 3] must be finite, of some width (and positive on a log axis)");
    EXPECT_NEAR(axes.xlim()[0], 5, 1e-9);
}

TEST(Figure, BadAxesAreRefusedAndNothingIsAdded) {
    app::Window window(offscreen(64, 64));
    plot::Figure figure(window);
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 0, 1}); }),
              "Figure::add_axes: rect [0, 0, 0, 1] needs a finite corner and a width and height in (0, 1]");
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 1, 1}, {.xlim = {2, 2}}); }),
              "Figure::add_axes: xlim [2, 2] must be finite and of some width");
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 1, 1}, {.aspect = -1}); }),
              "Figure::add_axes: aspect -1 must be positive and finite");
    EXPECT_EQ(test::message_of<ValueError>([&] {
                  figure.add_axes({0, 0, 1, 1}, {.interface = plot::Interface::Trackball, .ticks = true});
              }),
              "Figure::add_axes: ticks on a Trackball axes (its 3-D view has no 2-D ticks)");
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 1, 1}, {.zscale = {.domain = {1, 1}}}); }),
              "Figure::add_axes: zscale domain [1, 1] and range [-1, 1] must be finite, the domain of some width");
    EXPECT_EQ(figure.size(), 0u);
    EXPECT_EQ(figure.viewport().children(), 0u);
    auto& axes = figure.add_axes();
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.trackball(); }),
              "Axes::trackball: this axes' interface is not Interface::Trackball");
    EXPECT_EQ(test::message_of<IndexError>([&] { (void)figure[1]; }), "Figure::operator[]: axes 1 of 1");
}

// NaN and inf cut a line: the runs on each side are drawn, nothing across the gap; a
// scatter drops the point; an empty series draws nothing and throws nothing.
TEST(Figure, NonFiniteDataMakeGaps) {
    app::Window window(offscreen(200, 200));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes();
    const float nan = std::nanf(""), inf = INFINITY;
    // x -1..1 is 200 px: world x = (px - 100) / 100; width 0.05 world = 5 px.
    const std::vector<glm::vec3> line = {{-0.8f, 0, 0}, {-0.2f, 0, 0}, {nan, 0, 0}, {0.2f, 0, 0}, {0.8f, inf, 0}, {0.9f, 0, 0}};
    axes.plot(line, {.width = 0.05f});
    axes.plot(std::vector<glm::vec3>{}, {.width = 0.05f});
    axes.scatter(std::vector<glm::vec3>{{0.5f, 0.5f, 0}, {nan, 0.5f, 0}}, {.size = 6});
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    EXPECT_LT(rgb(img, 50, 100)[0], 100);  // x -0.5: the first run
    EXPECT_GT(rgb(img, 100, 100)[0], 250); // x 0: inside the NaN gap
    EXPECT_GT(rgb(img, 130, 100)[0], 250); // x 0.3: 0.2 -> (0.8, inf) is cut too
    EXPECT_GT(rgb(img, 185, 100)[0], 250); // x 0.85: the lone 0.9 is no line
    EXPECT_LT(rgb(img, 150, 50)[0], 100);  // the finite dot at (0.5, 0.5)
    EXPECT_EQ(axes.points().vertices().count(), 1u);
    EXPECT_EQ(axes.paths().size(), 2u);
}

// Grid lines at the ticks (one pixel wide, the grid colour) that follow a pan, nothing
// re-sent on a still frame; the title and axis labels are drawn where the header says.
TEST(Figure, GridAndLabelsFollowTheTicks) {
    app::Window window(offscreen(400, 300));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes({0.2, 0.2, 0.6, 0.6}, {.interface = plot::Interface::PanZoom, .xlim = {0, 10},
                                                        .ylim = {0, 10}, .ticks = true, .grid = true,
                                                        .grid_color = {0, 0, 1, 1}});
    axes.set_title("Title");
    axes.set_xlabel("time (s)");
    axes.set_ylabel("volts");
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    const auto e = axes.viewport().extents(); // 240 x 180 at (80, 60)
    ASSERT_EQ(e, (Rect{80, 60, 240, 180}));
    // Aspect "auto": the limits fill the viewport, x and y scaled apart.
    EXPECT_NEAR(axes.xlim()[0], 0, 1e-12);
    EXPECT_NEAR(axes.xlim()[1], 10, 1e-12);
    EXPECT_NEAR(axes.ylim()[1], 10, 1e-12);
    const auto& xs = axes.frame()->x_ticks();
    ASSERT_GE(xs.size(), 3u);
    // A tick strictly inside: its grid line is blue at mid-height, a pixel off it is white.
    const double t = xs[1];
    const auto lim = axes.xlim(); // 0..10 stretched over 240 px
    const int px = int(80 + std::floor((t - lim[0]) / (lim[1] - lim[0]) * 240)), row = 300 - 150;
    EXPECT_EQ(rgb(img, px, row), (std::array<int, 3>{0, 0, 255})) << t;
    EXPECT_EQ(rgb(img, px + 2, row)[0], 255);
    // Title ink above the rect, x label ink below the tick labels, y label left of them.
    auto ink = [&](int x0, int x1, int r0, int r1) {
        int n = 0;
        for (int r = r0; r < r1; ++r)
            for (int x = x0; x < x1; ++x) n += rgb(img, x, r)[0] < 128;
        return n;
    };
    EXPECT_GT(ink(170, 230, 300 - 260, 300 - 240), 20); // rows above the top edge (GL y 240..260)
    EXPECT_GT(ink(150, 250, 300 - 60 + 30, 300 - 60 + 50), 20); // below the tick labels
    EXPECT_GT(ink(20, 45, 110, 190), 20);               // left of the y tick labels
    EXPECT_EQ(axes.labels()->text(0), "Title");
    if (const char* shot = std::getenv("GLUMPP_FIGURE_SHOT")) window.save_screenshot(shot); // to look at it
    // A still frame sends no grid byte; a 3-pixel pan moves the line by 3 pixels.
    const auto sent = axes.grid()->vertices().buffer().upload_stats().bytes_sent;
    window.dispatch_draw(0);
    EXPECT_EQ(axes.grid()->vertices().buffer().upload_stats().bytes_sent, sent);
    auto& root = figure.viewport();
    root.dispatch_mouse_motion(200, 150, 0, 0);
    root.dispatch_mouse_press(200, 150, app::MouseButton::Left);
    root.dispatch_mouse_drag(203, 150, 3, 0, 1);
    root.dispatch_mouse_release(203, 150, app::MouseButton::Left);
    window.dispatch_draw(0);
    img = window.read_pixels();
    EXPECT_EQ(rgb(img, px + 3, row), (std::array<int, 3>{0, 0, 255}));
    EXPECT_EQ(rgb(img, px, row)[0], 255);
    EXPECT_GT(axes.grid()->vertices().buffer().upload_stats().bytes_sent, sent);
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 1, 1}, {.grid = true}); }),
              "Figure::add_axes: grid = true needs ticks = true (the grid lines are drawn at the ticks)");
}

// A log x axis after random pans and zooms: its ticks are the log10 of a matplotlib log
// axis' (set_xscale("log"), the same size and 12-point labels) over the same data range;
// values <= 0 are masked (counted, a gap), a non-positive xlim refused.
TEST(Figure, LogAxisTicksAreMatplotlibsAndNonPositiveDataAreMasked) {
    REQUIRE_MATPLOTLIB();
    app::Window window(offscreen(640, 480));
    plot::Figure figure(window);
    auto& axes = figure.add_axes({0.1, 0.1, 0.8, 0.8}, {.interface = plot::Interface::PanZoom, .xlim = {1, 1e4},
                                                        .ylim = {0, 1}, .xaxis = plot::Scale::Log, .ticks = true});
    const auto gestures = random_gestures(window, figure, axes, 17, 30, false, 20);
    const std::string script = R"(
import sys, math
import matplotlib
matplotlib.use("Agg")
matplotlib.rcParams["xtick.labelsize"] = 12
import matplotlib.pyplot as plt
path, w, h = sys.argv[1].split(",")
fig = plt.figure(figsize=(float(w) / 72, float(h) / 72), dpi=72)
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xscale("log")
for line in open(path):
    a, b = map(float, line.split()[:2])
    ax.set_xlim(a, b)
    t = ax.xaxis.get_major_locator()()
    lo, hi = math.log10(a), math.log10(b)
    print(" ".join(repr(math.log10(v)) for v in t if lo - 1e-9 <= math.log10(v) <= hi + 1e-9))
)";
    const std::size_t ticks = expect_matplotlibs_ticks(script, gestures, axes);
    EXPECT_GT(ticks, 60u); // the ranges showed ticks, not empty axes
    // Masking: -1 and 0 on the log axis.
    axes.plot(std::vector<glm::vec3>{{1, 0.5f, 0}, {10, 0.5f, 0}, {-1, 0.5f, 0}, {0, 0.5f, 0}, {100, 0.5f, 0}, {1000, 0.5f, 0}});
    EXPECT_EQ(axes.masked(), 2u);
    EXPECT_EQ(test::message_of<ValueError>([&] { figure.add_axes({0, 0, 1, 1}, {.xlim = {0, 10}, .xaxis = plot::Scale::Log}); }),
              "Figure::add_axes: xlim [0, 10] on a log axis must be positive");
}

// fill_between's area against the integral: between y = x^2 and 0 over [-1, 1] (101
// samples) the exact area is 2/3 world units^2, 6,667 pixels at 100 px a unit (the
// trapezoids over-estimate x^2 by h^2/6 per unit, 0.07%). Bars: inside coloured, outside
// not, a NaN bar left out.
TEST(Figure, FillBetweenCoversTheIntegralAndBarsAreRectangles) {
    app::Window window(offscreen(200, 200));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes();
    std::vector<double> x(101), y1(101), y2(101, 0.0);
    for (int i = 0; i < 101; ++i) {
        x[i] = -1 + i * 0.02;
        y1[i] = x[i] * x[i];
    }
    axes.fill_between(x, y1, y2, {.color = {0, 0, 0, 1}});
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    double covered = 0;
    for (int r = 0; r < 200; ++r)
        for (int c = 0; c < 200; ++c) covered += (255 - rgb(img, c, r)[0]) / 255.0;
    EXPECT_NEAR(covered, 20000.0 / 3, 20000.0 / 3 * 0.01);

    plot::Figure bars_figure(window, {.facecolor = {1, 1, 1, 1}}); // a second figure on the window: draws after
    auto& bars = bars_figure.add_axes();
    const std::vector<double> bx = {-0.5, 0, 0.5}, bh = {0.5, std::nan(""), -0.25};
    bars.bar(bx, bh, 0.2, 0, {.color = {1, 0, 0, 1}});
    window.dispatch_draw(0);
    img = window.read_pixels();
    EXPECT_EQ(rgb(img, 50, 100 - 20), (std::array<int, 3>{255, 0, 0}));  // bar 0: x -0.6..-0.4, y 0..0.5
    EXPECT_EQ(rgb(img, 50, 100 - 55), (std::array<int, 3>{255, 255, 255})); // above it
    EXPECT_EQ(rgb(img, 100, 100 - 20), (std::array<int, 3>{255, 255, 255})); // the NaN bar
    EXPECT_EQ(rgb(img, 150, 100 + 20), (std::array<int, 3>{255, 0, 0}));     // bar 2 goes down
    EXPECT_EQ(bars.fills().vertices().count(), 12u);                          // two bars, two triangles each
    EXPECT_EQ(test::message_of<ValueError>([&] { bars.bar(bx, bh, 0); }),
              "Axes::bar: width 0 must be positive and finite, bottom 0 finite");
    EXPECT_EQ(test::message_of<ValueError>([&] { bars.fill_between(bx, bh, std::vector<double>{1}); }),
              "Axes::fill_between: x, y1 and y2 have 3, 3 and 1 values");
}

// imshow: each data pixel shows Colormap's CPU colour (itself checked against matplotlib's
// in test_colormap) within 1/255, row 0 at the top; writing one value sends 4 bytes; the
// colorbar's top is cmap(vmax), its bottom cmap(vmin), its y ticks the AutoLocator's.
TEST(Figure, ImshowColoursDataAndTheColorbarShowsTheMap) {
    app::Window window(offscreen(200, 200));
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& axes = figure.add_axes({0, 0, 0.5, 1});
    const auto viridis = plot::Colormap::named("viridis");
    const Array values = Array::from<float>({{0.0f, 0.25f}, {0.5f, 1.0f}});
    axes.imshow(values, viridis, 0, 1);
    auto& bar = figure.colorbar(viridis, 0, 1, {0.7, 0.1, 0.1, 0.8});
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    auto near = [&](int x, int row, double t) {
        const auto c = viridis(t);
        const auto p = rgb(img, x, row);
        return std::abs(p[0] - c.r * 255) <= 1 && std::abs(p[1] - c.g * 255) <= 1 && std::abs(p[2] - c.b * 255) <= 1;
    };
    // The axes is 100 x 200 at x 0, [-1, 1]^2 stretched over it (aspect "auto").
    EXPECT_TRUE(near(25, 50, 0.0));   // row 0, column 0: the top left
    EXPECT_TRUE(near(75, 50, 0.25));
    EXPECT_TRUE(near(25, 150, 0.5));
    EXPECT_TRUE(near(75, 150, 1.0));
    EXPECT_EQ(rgb(img, 120, 50), (std::array<int, 3>{255, 255, 255})); // right of the axes
    const auto sent = axes.image(0).upload_stats().bytes_sent;
    axes.image(0).view({0, 1}).assign({0.75});
    window.dispatch_draw(0);
    EXPECT_EQ(axes.image(0).upload_stats().bytes_sent - sent, 4u);
    img = window.read_pixels();
    EXPECT_TRUE(near(75, 50, 0.75));
    // The colorbar: 20 x 160 at (140, 20) GL; top row 20 from the top, bottom row 179.
    const auto e = bar.viewport().extents();
    ASSERT_EQ(e, (Rect{140, 20, 20, 160}));
    EXPECT_TRUE(near(150, 21, 1 - 1.5 / 160)) << "top";
    EXPECT_TRUE(near(150, 178, 1.5 / 160)) << "bottom";
    EXPECT_TRUE(bar.frame()->x_ticks().empty());
    EXPECT_EQ(bar.frame()->y_ticks(),
              plot::visible(plot::AutoLocator(plot::tick_space(160, 12, plot::Axis::Y)).tick_values(0, 1), 0, 1));
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.imshow(values, viridis, 1, 1); }),
              "Axes::imshow: vmin 1 and vmax 1 must be finite and differ");
    EXPECT_EQ(test::message_of<KeyError>([&] { plot::Colormap::named("nope"); }).substr(0, 40),
              "Colormap::named: no colormap 'nope' (kno");
}

// A legend: the box in the top-right corner (10 px in), each entry's line in its colour
// on its row, its text right of it; a shorter legend empties the extra row.
TEST(Figure, LegendShowsEachEntrysColourAndText) {
    app::Window window(offscreen(300, 200));
    plot::Figure figure(window, {.facecolor = {0.5f, 0.5f, 0.5f, 1}});
    auto& axes = figure.add_axes({0, 0, 1, 1}, {.facecolor = {0.9f, 0.9f, 0.9f, 1}});
    axes.legend({{"sine", {1, 0, 0, 1}}, {"cosine", {0, 0, 1, 1}}});
    window.activate();
    window.dispatch_draw(0);
    Array img = window.read_pixels();
    // font 12: pad 6, rows 19.2 px; the box's left edge at 290 - (6 + 20 + 6 + widest + 6).
    const auto font = text::Font::open("DejaVu Sans");
    const double widest = std::max(font.layout("sine", 12).advance, font.layout("cosine", 12).advance);
    const double x0 = 290 - (38 + widest);
    const int line_x = int(x0 + 6 + 10);
    EXPECT_EQ(rgb(img, line_x, int(10 + 6 + 19.2 * 0.5)), (std::array<int, 3>{255, 0, 0}));
    EXPECT_EQ(rgb(img, line_x, int(10 + 6 + 19.2 * 1.5)), (std::array<int, 3>{0, 0, 255}));
    EXPECT_EQ(rgb(img, line_x, 13), (std::array<int, 3>{255, 255, 255})); // the box's inside
    EXPECT_EQ(rgb(img, 295, 13), (std::array<int, 3>{230, 230, 230}));    // the face, right of the box
    int ink = 0;                                                         // the texts' dark pixels
    for (int r = 16; r < 54; ++r)
        for (int x = int(x0 + 32); x < 290; ++x) ink += rgb(img, x, r)[0] < 100 && rgb(img, x, r)[2] < 100;
    EXPECT_GT(ink, 30);
    axes.legend({{"sine", {1, 0, 0, 1}}});
    window.dispatch_draw(0);
    img = window.read_pixels();
    EXPECT_EQ(axes.labels()->text(4), "");
    EXPECT_NE(rgb(img, line_x, int(10 + 6 + 19.2 * 1.5)), (std::array<int, 3>{0, 0, 255}));
}

// A symlog x axis (linthresh 2) after random pans and zooms: its ticks, in symlog units,
// are a matplotlib symlog axis' ticks put through matplotlib's own transform.
TEST(Figure, SymlogAxisTicksAreMatplotlibs) {
    REQUIRE_MATPLOTLIB();
    app::Window window(offscreen(640, 480));
    plot::Figure figure(window);
    auto& axes = figure.add_axes({0.1, 0.1, 0.8, 0.8}, {.interface = plot::Interface::PanZoom, .xlim = {-1000, 1000},
                                                        .ylim = {0, 1}, .xaxis = plot::Scale::SymLog, .ticks = true});
    const auto gestures = random_gestures(window, figure, axes, 19, 30, false, 20);
    const std::string script = R"(
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
matplotlib.rcParams["xtick.labelsize"] = 12
import matplotlib.pyplot as plt
path, w, h = sys.argv[1].split(",")
fig = plt.figure(figsize=(float(w) / 72, float(h) / 72), dpi=72)
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xscale("symlog", linthresh=2)
tr = ax.xaxis.get_transform()
for line in open(path):
    a, b = map(float, line.split()[:2])
    ax.set_xlim(a, b)
    t = tr.transform(np.array(ax.xaxis.get_major_locator()(), dtype=float))
    lo, hi = tr.transform(np.array([a, b]))
    print(" ".join(repr(float(v)) for v in t if lo - 1e-9 * (hi - lo) <= v <= hi + 1e-9 * (hi - lo)))
)";
    const std::size_t ticks = expect_matplotlibs_ticks(script, gestures, axes);
    EXPECT_GT(ticks, 60u);
}
