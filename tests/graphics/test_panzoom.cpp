// PanZoom driven by synthetic events through an offscreen app::Window, and collections
// drawn through it.
#include <glumpp/app.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/graphics/PointCollection.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

app::Window offscreen(int width, int height) {
    app::WindowConfig config;
    config.width = width;
    config.height = height;
    config.backend = app::Backend::Offscreen;
    return app::Window(config);
}

void expect_near(glm::dvec2 a, glm::dvec2 b, double tolerance = 1e-9) {
    EXPECT_NEAR(a.x, b.x, tolerance);
    EXPECT_NEAR(a.y, b.y, tolerance);
}

} // namespace

TEST(PanZoom, FitsTheWorldRectangleAndKeepsTheAspect) {
    PanZoom view({0, 0, 100, 50});
    view.resize(400, 400); // 4 pixels per unit; 100 pixels of margin above and below
    expect_near(view.to_pixels({0, 0}), {0, 100});
    expect_near(view.to_pixels({100, 50}), {400, 300});
    EXPECT_EQ(view.pixels_per_unit(), 4.0);
    PanZoom up({0, 0, 100, 50}, true);
    up.resize(400, 400);
    expect_near(up.to_pixels({0, 50}), {0, 100}); // the top of the data at the top
    expect_near(up.to_pixels({100, 0}), {400, 300});
    expect_near(up.to_world(up.to_pixels({12, 34})), {12, 34});
}

TEST(PanZoom, MouseDragScrollAndSpaceThroughAWindow) {
    auto window = offscreen(200, 100);
    PanZoom view({0, 0, 1000, 500}); // fits exactly: 0.2 pixels per unit
    view.attach(window);
    expect_near(view.to_pixels({500, 250}), {100, 50});

    window.dispatch_mouse_press(50, 50, app::MouseButton::Left);
    window.dispatch_mouse_motion(60, 45); // a drag by (10, -5)
    window.dispatch_mouse_release(60, 45, app::MouseButton::Left);
    expect_near(view.pan_offset(), {10, -5});
    expect_near(view.to_pixels({500, 250}), {110, 45});

    // Scrolling zooms about the pointer: the world point under it stays under it.
    const glm::dvec2 pointer{150, 30};
    const glm::dvec2 under = view.to_world(pointer);
    window.dispatch_mouse_scroll(pointer.x, pointer.y, 0, 3);
    EXPECT_NEAR(view.zoom(), std::pow(1.1, 3), 1e-12);
    expect_near(view.to_pixels(under), pointer, 1e-9);
    window.dispatch_mouse_scroll(pointer.x, pointer.y, 0, -5);
    EXPECT_NEAR(view.zoom(), std::pow(1.1, -2), 1e-12);
    expect_near(view.to_pixels(under), pointer, 1e-9);

    // Motion without a button is not a drag.
    window.dispatch_mouse_motion(0, 0);
    window.dispatch_key_press(app::Key::Space);
    EXPECT_EQ(view.zoom(), 1.0);
    expect_near(view.pan_offset(), {0, 0});
    expect_near(view.to_pixels({500, 250}), {100, 50});

    // Copies share the state: a collection's copy follows the window too.
    const PanZoom copy = view;
    window.dispatch_mouse_scroll(0, 0, 0, 1);
    EXPECT_NEAR(copy.zoom(), 1.1, 1e-12);
}

TEST(PanZoom, ResizingRefitsAndZoomIsClamped) {
    auto window = offscreen(100, 100);
    PanZoom view({0, 0, 10, 10});
    view.attach(window);
    EXPECT_EQ(view.pixels_per_unit(), 10.0);
    window.set_size(300, 200);
    window.dispatch_resize(300, 200);
    EXPECT_EQ(view.pixels_per_unit(), 20.0);
    expect_near(view.to_pixels({0, 0}), {50, 0});
    view.set_limits(0.5, 4);
    view.scroll({0, 0}, 100);
    EXPECT_EQ(view.zoom(), 4.0);
    view.scroll({0, 0}, -100);
    EXPECT_EQ(view.zoom(), 0.5);
}

TEST(PanZoom, CollectionsDrawThroughIt) {
    auto window = offscreen(64, 64);
    PanZoom view({0, 0, 8, 8}); // 8 pixels per unit
    view.attach(window);
    PointCollection points;
    points.append(std::vector<glm::vec2>{{1, 1}}, {.color = {1, 1, 1, 1}, .size = 4});
    points.set_transform(view);
    auto red_at = [&](int x, int y) {
        window.activate();
        window.clear();
        points.draw();
        const auto pixels = window.read_pixels().to_vector<std::uint8_t>();
        return int(pixels[(std::size_t(y) * 64 + std::size_t(x)) * 4]);
    };
    EXPECT_EQ(red_at(8, 8), 255);
    window.dispatch_mouse_press(0, 0, app::MouseButton::Left);
    window.dispatch_mouse_motion(16, 24);
    EXPECT_EQ(red_at(8, 8), 0);
    EXPECT_EQ(red_at(24, 32), 255);
    window.dispatch_key_press(app::Key::Space);
    EXPECT_EQ(red_at(8, 8), 255);
}

TEST(PanZoom, BadValuesAreValueErrors) {
    auto message = [](auto&& f) {
        try {
            f();
        } catch (const ValueError& e) {
            return std::string(e.what());
        }
        return std::string("no ValueError");
    };
    EXPECT_EQ(message([] { PanZoom({0, 0, 0, 1}); }),
              "PanZoom: the world rectangle (0, 0, 0, 1) needs a positive, finite width and height");
    PanZoom view;
    EXPECT_EQ(message([&] { view.resize(0, 10); }), "PanZoom::resize: size 0x10 is not positive");
    EXPECT_EQ(message([&] { view.zoom_at({0, 0}, -1); }), "PanZoom::zoom_at: the factor -1 is not positive and finite");
    EXPECT_EQ(message([&] { view.set_limits(2, 1); }), "PanZoom::set_limits: [2, 1] is not a range of positive zooms");
    EXPECT_EQ(message([&] { view.scroll({0, 0}, NAN); }), "PanZoom::scroll: nan notches is not finite");
}
