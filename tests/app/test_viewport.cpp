// app::Viewport: glumpy's layout (compared with glumpy's own _compute_viewport on random
// trees, tests/golden/glumpy-viewports.txt), event routing with synthetic events, and
// drawing clipped per viewport on a real (offscreen) GL context.
#include <glumpp/app.hpp>

#include "../TestUtil.hpp"

#include <epoxy/gl.h>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace glumpp;
using Rect = app::Viewport::Rect;

namespace {

std::string rect_str(const Rect& r) {
    std::ostringstream s;
    s.precision(17);
    s << r.x << " " << r.y << " " << r.width << " " << r.height;
    return s.str();
}

app::WindowConfig offscreen(int w, int h) {
    app::WindowConfig c;
    c.width = w;
    c.height = h;
    c.backend = app::Backend::Offscreen;
    c.title = "viewport test";
    return c;
}

} // namespace

// Every tree of the file: the same requests, glumpy's extents to the last bit (the same
// double operations in the same order; Python's round() is half-to-even, as ours).
TEST(Viewport, LayoutIsGlumpysOnRandomTrees) {
    std::ifstream in(GLUMPP_GLUMPY_VIEWPORTS);
    ASSERT_TRUE(in) << GLUMPP_GLUMPY_VIEWPORTS;
    std::string line;
    std::size_t trees = 0, nodes = 0, with_aspect = 0, halves = 0, relaid = 0;
    int root_w = 0, root_h = 0;
    std::unique_ptr<app::Viewport> root;
    std::vector<app::Viewport*> built;
    std::vector<Rect> expected;
    auto check = [&] {
        for (std::size_t k = 0; k < built.size(); ++k) {
            EXPECT_EQ(rect_str(built[k]->extents()), rect_str(expected[k])) << "tree " << trees << " node " << k;
        }
        ++trees;
        nodes += built.size();
        // Re-laying the whole tree out (as a window's resize does: compute() from the
        // root down) must give glumpy's numbers again.
        if (root) {
            root->dispatch_resize(root_w, root_h);
            for (std::size_t k = 0; k < built.size(); ++k) {
                EXPECT_EQ(rect_str(built[k]->extents()), rect_str(expected[k])) << "re-laid tree " << trees << " node " << k;
            }
        }
        ++relaid;
        built.clear();
        expected.clear();
        root.reset();
    };
    while (std::getline(in, line)) {
        if (line.empty()) {
            check();
            continue;
        }
        std::istringstream s(line);
        int parent = 0;
        double sx, sy, px, py, ax, ay, aspect, x, y, w, h;
        s >> parent >> sx >> sy >> px >> py >> ax >> ay >> aspect >> x >> y >> w >> h;
        ASSERT_FALSE(s.fail()) << line;
        const std::optional<double> a = aspect > 0 ? std::optional<double>(aspect) : std::nullopt;
        with_aspect += a.has_value();
        for (double v : {sx, sy, px, py, ax, ay}) halves += v - std::floor(v) == 0.5;
        if (parent < 0) {
            root = std::make_unique<app::Viewport>(glm::dvec2{sx, sy}, glm::dvec2{0, 0}, glm::dvec2{0, 0}, a);
            root_w = int(sx);
            root_h = int(sy);
            root->dispatch_resize(root_w, root_h);
            built.push_back(root.get());
        } else {
            ASSERT_LT(std::size_t(parent), built.size());
            built.push_back(&built[std::size_t(parent)]->add({sx, sy}, {px, py}, {ax, ay}, a));
        }
        expected.push_back({x, y, w, h});
        // Each child is laid out when added, checked at the tree's end (later siblings
        // do not move it); check() then re-lays the whole tree out and checks again.
    }
    if (!built.empty()) check();
    EXPECT_EQ(trees, 150u);
    EXPECT_EQ(relaid, trees);
    EXPECT_GT(nodes, 600u);
    EXPECT_GT(with_aspect, 100u); // the file exercises every rule
    EXPECT_GT(halves, 100u);
}

// glumpy's docstring examples, a 400x400 root (its -0.125 example says 50x50; its code,
// which we follow, gives 400 * (1 - 0.125) = 350).
TEST(Viewport, GlumpysDocumentedExamples) {
    app::Viewport root({400, 400});
    EXPECT_EQ(root.add({100, 100}).extents(), (Rect{0, 0, 100, 100}));
    EXPECT_EQ(root.add({-100, -100}).extents(), (Rect{0, 0, 300, 300}));
    EXPECT_EQ(root.add({0.5, 0.5}).extents(), (Rect{0, 0, 200, 200}));
    EXPECT_EQ(root.add({-0.125, -0.125}).extents(), (Rect{0, 0, 350, 350}));
    EXPECT_EQ(root.add({100, 100}, {10, 10}).extents(), (Rect{10, 10, 100, 100}));
    EXPECT_EQ(root.add({100, 100}, {-10, -10}).extents(), (Rect{390, 390, 100, 100}));
    EXPECT_EQ(root.add({100, 100}, {0.25, 0.25}).extents(), (Rect{100, 100, 100, 100}));
    EXPECT_EQ(root.add({100, 100}, {-0.25, -0.25}).extents(), (Rect{300, 300, 100, 100}));
    // snippet-viewport.py's child: the root less 10 pixels, centred.
    EXPECT_EQ(root.add({-10, -10}, {0.5, 0.5}, {0.5, 0.5}).extents(), (Rect{5, 5, 390, 390}));
    // The scissor: the part inside the parent's (the child at +390+390 keeps 10x10).
    EXPECT_EQ(root[5].scissor(), (Rect{390, 390, 10, 10}));
    EXPECT_EQ(root[0].scissor(), root[0].extents());
    EXPECT_EQ(root.str().substr(0, 12), "400x400+0+0\n");
    EXPECT_NE(root.str().find("└── 390x390+5+5\n"), std::string::npos) << root.str();
    EXPECT_EQ(test::message_of<IndexError>([&] { root[9]; }), "Viewport::operator[]: child 9 of 9");
    EXPECT_EQ(test::message_of<ValueError>([&] { app::Viewport bad({10, 10}, {0, 0}, {0, 0}, -1.0); }),
              "Viewport: aspect -1 is not positive and finite (from 5.96046e-08 to 1.67772e+07)");
    // A resize lays the tree out again; set_size re-lays from the root.
    root.dispatch_resize(200, 100);
    EXPECT_EQ(root[2].extents(), (Rect{0, 0, 100, 50}));
    root[2].set_size({0.25, 1.0});
    EXPECT_EQ(root[2].extents(), (Rect{0, 0, 50, 100}));
    root[2].set_position({-1.0, 0});
    EXPECT_EQ(root[2].extents(), (Rect{199, 0, 50, 100}));
}

// A 200x100 window: left and right halves, and a 40x40 box in the left half's top-left
// corner (window pixels x 0-40, y 0-40 from the top).
TEST(Viewport, EventsGoToTheViewportUnderThePointer) {
    app::Viewport root({200, 100});
    root.dispatch_resize(200, 100);
    app::Viewport& left = root.add({0.5, 1.0}, {0, 0});
    app::Viewport& right = root.add({0.5, 1.0}, {0.5, 0});
    app::Viewport& box = left.add({40, 40}, {0, -1.0}, {0, -1.0}); // anchored by its top-left
    ASSERT_EQ(box.extents(), (Rect{0, 60, 40, 40}));
    std::vector<std::string> seen;
    auto name = [&](app::Viewport& v) { return &v == &root ? "root" : &v == &left ? "left" : &v == &right ? "right" : "box"; };
    for (app::Viewport* v : {&root, &left, &right, &box}) {
        auto n = std::string(name(*v));
        v->on_enter([&seen, n] { seen.push_back(n + " enter"); });
        v->on_leave([&seen, n] { seen.push_back(n + " leave"); });
        v->on_mouse_motion([&seen, n](double x, double y, double, double) {
            seen.push_back(n + " motion " + std::to_string(int(x)) + "," + std::to_string(int(y)));
        });
        v->on_mouse_press([&seen, n](double x, double y, app::MouseButton) {
            seen.push_back(n + " press " + std::to_string(int(x)) + "," + std::to_string(int(y)));
        });
        v->on_mouse_drag([&seen, n](double x, double y, double, double, unsigned) {
            seen.push_back(n + " drag " + std::to_string(int(x)) + "," + std::to_string(int(y)));
        });
        v->on_mouse_release([&seen, n](double x, double y, app::MouseButton) {
            seen.push_back(n + " release " + std::to_string(int(x)) + "," + std::to_string(int(y)));
        });
        v->on_mouse_scroll([&seen, n](double, double, double, double dy) { seen.push_back(n + " scroll " + std::to_string(int(dy))); });
        v->on_key_press([&seen, n](app::Key k, unsigned) { seen.push_back(n + " key " + app::key_name(k)); });
        v->on_character([&seen, n](char32_t c) { seen.push_back(n + " char " + char(c)); });
    }
    root.dispatch_mouse_motion(10, 20, 0, 0); // into the box (inside the left half)
    EXPECT_EQ(seen, (std::vector<std::string>{"root motion 10,20", "left enter", "left motion 10,20", "box enter", "box motion 10,20"}));
    EXPECT_TRUE(left.active());
    EXPECT_TRUE(box.active());
    seen.clear();
    root.dispatch_mouse_motion(150, 70, 0, 0); // into the right half: the box leaves first
    EXPECT_EQ(seen, (std::vector<std::string>{"root motion 150,70", "box leave", "left leave", "right enter", "right motion 50,70"}));
    seen.clear();
    root.dispatch_key_press(app::key('k'));
    root.dispatch_character(U'k');
    root.dispatch_mouse_scroll(150, 70, 0, 2);
    EXPECT_EQ(seen, (std::vector<std::string>{"root key K", "right key K", "root char k", "right char k", "root scroll 2", "right scroll 2"}));
    seen.clear();

    // A press in the box, a drag out into the right half: the drag and the release stay
    // with the pressed viewports (in their own pixels), the root gets everything.
    root.dispatch_mouse_motion(30, 30, 0, 0);
    seen.clear();
    root.dispatch_mouse_press(30, 30, app::MouseButton::Left);
    EXPECT_EQ(seen, (std::vector<std::string>{"root press 30,30", "left press 30,30", "box press 30,30"}));
    seen.clear();
    root.dispatch_mouse_drag(120, 50, 90, 20, 1);
    root.dispatch_mouse_release(120, 50, app::MouseButton::Left);
    EXPECT_EQ(seen, (std::vector<std::string>{"root drag 120,50", "left drag 120,50", "box drag 120,50", "root release 120,50",
                                              "left release 120,50", "box release 120,50"}));
    seen.clear();
    root.dispatch_mouse_drag(120, 50, 0, 0, 1); // after the release: the root's only
    EXPECT_EQ(seen, (std::vector<std::string>{"root drag 120,50"}));
}

// On a real context: each viewport's on_draw clears its own area only (glViewport and
// glScissor per viewport), and the window's viewport is whole again afterwards.
TEST(Viewport, DrawingIsClippedToEachViewport) {
    app::Window window(offscreen(64, 32));
    app::Viewport root;
    app::Viewport& left = root.add({0.5, 1.0});
    app::Viewport& right = root.add({0.5, 1.0}, {0.5, 0});
    app::Viewport& inner = right.add({8, 8}, {4, 4}); // 8x8 at +36+4 (GL, from the bottom)
    app::Viewport& outside = right.add({40, 8}, {24, 20}); // sticks out past the right edge
    std::vector<std::array<GLint, 4>> viewports;
    auto clear_to = [&](glm::vec4 c) {
        return [&window, &viewports, c](double) {
            GLint v[4];
            glGetIntegerv(GL_VIEWPORT, v);
            viewports.push_back({v[0], v[1], v[2], v[3]});
            window.set_clear_color(c);
            window.clear();
        };
    };
    root.on_draw(clear_to({0.5, 0.5, 0.5, 1}));
    left.on_draw(clear_to({1, 0, 0, 1}));
    right.on_draw(clear_to({0, 1, 0, 1}));
    inner.on_draw(clear_to({0, 0, 1, 1}));
    outside.on_draw(clear_to({1, 1, 0, 1}));
    root.attach(window);
    EXPECT_EQ(right.extents(), (Rect{32, 0, 32, 32}));
    EXPECT_EQ(outside.scissor(), (Rect{56, 20, 8, 8}));
    window.activate();
    window.dispatch_draw(0);
    EXPECT_EQ(viewports, (std::vector<std::array<GLint, 4>>{{0, 0, 64, 32}, {0, 0, 32, 32}, {32, 0, 32, 32}, {36, 4, 8, 8}, {56, 20, 40, 8}}));
    EXPECT_FALSE(glIsEnabled(GL_SCISSOR_TEST));
    GLint v[4];
    glGetIntegerv(GL_VIEWPORT, v);
    EXPECT_EQ((std::array<GLint, 4>{v[0], v[1], v[2], v[3]}), (std::array<GLint, 4>{0, 0, 64, 32}));
    Array img = window.read_pixels(); // row 0 at the top: GL y = 31 - row
    auto rgb = [&](int x, int gl_y) {
        const auto row = std::size_t(31 - gl_y);
        return std::array<int, 3>{img.value<int>({row, std::size_t(x), 0}), img.value<int>({row, std::size_t(x), 1}),
                                  img.value<int>({row, std::size_t(x), 2})};
    };
    EXPECT_EQ(rgb(5, 5), (std::array<int, 3>{255, 0, 0}));
    EXPECT_EQ(rgb(31, 31), (std::array<int, 3>{255, 0, 0}));
    EXPECT_EQ(rgb(32, 0), (std::array<int, 3>{0, 255, 0}));
    EXPECT_EQ(rgb(36, 4), (std::array<int, 3>{0, 0, 255}));
    EXPECT_EQ(rgb(43, 11), (std::array<int, 3>{0, 0, 255}));
    EXPECT_EQ(rgb(44, 11), (std::array<int, 3>{0, 255, 0}));
    EXPECT_EQ(rgb(35, 4), (std::array<int, 3>{0, 255, 0}));
    EXPECT_EQ(rgb(56, 20), (std::array<int, 3>{255, 255, 0}));
    EXPECT_EQ(rgb(63, 27), (std::array<int, 3>{255, 255, 0}));
    EXPECT_EQ(rgb(55, 20), (std::array<int, 3>{0, 255, 0}));

    // The window's events reach the tree through attach(): a resize lays it out again.
    window.set_size(100, 40);
    EXPECT_EQ(right.extents(), (Rect{50, 0, 50, 40}));
    bool pressed = false;
    inner.on_mouse_press([&](double x, double y, app::MouseButton) { pressed = x == 1 && y == 2; });
    // inner is now at GL +54+4, 8x8: window pixels x 54-61, y (from the top) 28-35.
    window.dispatch_mouse_press(55, 30, app::MouseButton::Left);
    EXPECT_TRUE(pressed);
    EXPECT_EQ(test::message_of<ValueError>([&] { inner.attach(window); }),
              "Viewport::attach: only a root viewport attaches to a window (this one has a parent)");
}

// Hostile requests: NaN, infinities and huge values are refused with the function and
// the values named, before any int conversion; the refused call changes nothing.
TEST(Viewport, NonFiniteAndHugeRequestsAreValueErrors) {
    const double nan = std::nan(""), inf = HUGE_VAL;
    EXPECT_EQ(test::message_of<ValueError>([&] { app::Viewport bad({nan, 1}); }), "Viewport: size (nan, 1) must be finite");
    EXPECT_EQ(test::message_of<ValueError>([&] { app::Viewport bad({1, 1}, {0, -inf}); }),
              "Viewport: position (0, -inf) must be finite");
    app::Viewport root({400, 300});
    root.dispatch_resize(400, 300);
    app::Viewport& child = root.add({0.5, 0.5});
    const std::string before = root.str();
    EXPECT_EQ(test::message_of<ValueError>([&] { root.add({nan, 1}); }), "Viewport::add: size (nan, 1) must be finite");
    EXPECT_EQ(test::message_of<ValueError>([&] { root.add({1e300, 1}); }),
              "Viewport::add: size (1e+300, 1) is out of range (at most 1.67772e+07 in magnitude)");
    EXPECT_EQ(test::message_of<ValueError>([&] { root.add({1, 1}, {0, 0}, {inf, 0}); }),
              "Viewport::add: anchor (inf, 0) must be finite");
    EXPECT_EQ(test::message_of<ValueError>([&] { root.add({1, 1}, {-2e7, 0}); }),
              "Viewport::add: position (-2e+07, 0) is out of range (at most 1.67772e+07 in magnitude)");
    for (double a : {nan, inf, 0.0, -1.0, 1e300, 1e-300}) {
        EXPECT_NE(test::message_of<ValueError>([&] { root.add({1, 1}, {0, 0}, {0, 0}, a); }).find("Viewport::add: aspect "),
                  std::string::npos) << a;
    }
    EXPECT_EQ(root.children(), 1u); // nothing was added
    EXPECT_EQ(test::message_of<ValueError>([&] { child.set_size({1, nan}); }), "Viewport::set_size: size (1, nan) must be finite");
    EXPECT_EQ(test::message_of<ValueError>([&] { child.set_position({-1e300, 0}); }),
              "Viewport::set_position: position (-1e+300, 0) is out of range (at most 1.67772e+07 in magnitude)");
    EXPECT_EQ(root.str(), before); // nothing moved
    // The largest accepted requests, with the largest aspect, still give ints in range.
    app::Viewport& big = root.add({app::Viewport::max_request, 1}, {-app::Viewport::max_request, 0}, {0, 0},
                                  app::Viewport::max_request);
    EXPECT_EQ(big.extents().width, app::Viewport::max_request);
    EXPECT_NE(root.str().find("16777216x2147483647"), std::string::npos) << root.str();
}

// Handlers may add children and handlers during a dispatch (each runs from the next
// dispatch on), and an exception from a draw handler leaves the GL state as a normal end.
TEST(Viewport, HandlersMayAddDuringDispatchAndDrawRestoresGLStateOnThrow) {
    app::Window window(offscreen(64, 32));
    app::Viewport root;
    app::Viewport& left = root.add({0.5, 1.0});
    root.attach(window);
    std::vector<std::string> seen;
    int added = 0;
    // Each draw of `left` adds 20 siblings (so children_ reallocates under the loop over
    // it) and a handler to itself (so draw_ grows under its loop).
    left.on_draw([&](double) {
        seen.push_back("left");
        for (int i = 0; i < 20; ++i) {
            root.add({4, 4}, {double(4 * (added % 8)), 0}).on_draw([&seen](double) { seen.push_back("new"); });
            ++added;
        }
        left.on_draw([&seen](double) { seen.push_back("left again"); });
    });
    root.on_mouse_press([&](double, double, app::MouseButton) { root.add({1.0, 1.0}); });
    window.activate();
    window.dispatch_draw(0);
    EXPECT_EQ(seen, (std::vector<std::string>{"left"}));
    seen.clear();
    window.dispatch_draw(0);
    ASSERT_EQ(seen.size(), 1u + 1u + 20u); // left, then the handler it added, then 20 new
    EXPECT_EQ(seen[1], "left again");
    EXPECT_EQ(seen.back(), "new");
    EXPECT_EQ(root.children(), 41u);
    window.dispatch_mouse_press(1, 1, app::MouseButton::Left);
    EXPECT_EQ(root.children(), 42u);

    app::Viewport& thrower = root.add({8, 8}, {40, 8});
    thrower.on_draw([](double) { throw ValueError("draw failed"); });
    EXPECT_EQ(test::message_of<ValueError>([&] { window.dispatch_draw(0); }), "draw failed");
    EXPECT_FALSE(glIsEnabled(GL_SCISSOR_TEST));
    GLint v[4];
    glGetIntegerv(GL_VIEWPORT, v);
    EXPECT_EQ((std::array<GLint, 4>{v[0], v[1], v[2], v[3]}), (std::array<GLint, 4>{0, 0, 64, 32}));
}
