// glumpp::imgui under Xvfb: real ImGui widgets over a glumpp scene, driven by real X
// input (the XTEST extension: the X server moves the pointer and presses its buttons, GLFW
// receives the events, ImGui's GLFW backend reads them), read back as pixels.
#include <glumpp/app.hpp>
#include <glumpp/gloo.hpp>
#include <glumpp/imgui.hpp>

#include "../TestUtil.hpp"
#include "../app/XTest.hpp"
#include "../app/Xvfb.hpp"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace glumpp;

namespace {

using test::XTest;

const char* vs = R"(#version 330 core
in vec2 a_position;
in vec4 a_color;
out vec4 v_color;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = 40.0; v_color = a_color; })";
const char* fs = R"(#version 330 core
in vec4 v_color;
out vec4 f;
void main() { f = v_color; })";

} // namespace

TEST(Gui, ASliderDragWritesOneElementAndClicksBesideTheWidgetsReachGlumpp) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    XTest xtest;
    if (!xtest.ok()) GTEST_SKIP() << "no XTEST (libXtst.so.6 and the server's extension are needed)";
    app::WindowConfig config;
    config.width = 256;
    config.height = 256;
    config.backend = app::Backend::Glfw;
    config.title = "glumpp imgui test";
    app::Window window(config);
    test::keep_dri_drivers_loaded();
    int wx = 0, wy = 0;
    glfwGetWindowPos(static_cast<GLFWwindow*>(window.native_handle()), &wx, &wy);

    // Two blue points, 40 pixels wide, at (64, 192) and (192, 192) in window pixels.
    gloo::Program points(vs, fs, 2);
    points["a_position"] = Array::from<float>({-0.5f, -0.5f, 0.5f, -0.5f}, {2, 2});
    points["a_color"] = Array::from<float>({0, 0, 1, 1, 0, 0, 1, 1}, {2, 4});
    Array red_of_second = points.attribute("a_color").view({1, 0});

    imgui::Gui gui(window);
    std::vector<std::pair<double, double>> presses; // what glumpp's handlers got
    window.on_mouse_press([&](double x, double y, app::MouseButton) { presses.emplace_back(x, y); });

    float red = 0;
    ImVec2 slider_min, slider_max;
    Array image;
    auto frame = [&] {
        window.poll_events();
        window.activate();
        gui.new_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(256, 60));
        ImGui::Begin("controls", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        if (ImGui::SliderFloat("red", &red, 0.0f, 1.0f)) red_of_second.fill(red); // one float
        slider_min = ImGui::GetItemRectMin();
        slider_max = ImGui::GetItemRectMax();
        ImGui::End();
        window.clear();
        points.draw(gloo::Primitive::Points);
        gui.render();
        image = window.read_pixels();
        window.swap();
    };
    auto frames = [&](int n) {
        for (int k = 0; k < n; ++k) {
            frame();
            std::this_thread::sleep_for(std::chrono::milliseconds(15));
        }
    };
    // The X server applies XTEST's events at once, GLFW sees them when it polls: draw
    // frames until GLFW has the pointer (or button) where XTEST put it (2 s at most, for a
    // loaded machine), then two more so that ImGui has read it.
    auto* native = static_cast<GLFWwindow*>(window.native_handle());
    auto settle = [&](auto&& arrived) {
        for (int k = 0; k < 130 && !arrived(); ++k) frames(1);
        frames(2);
    };
    auto move = [&](int x, int y) {
        xtest.move(wx + x, wy + y);
        settle([&] {
            double cx = 0, cy = 0;
            glfwGetCursorPos(native, &cx, &cy);
            return int(cx) == x && int(cy) == y;
        });
    };
    auto press = [&](bool down) {
        xtest.press(down);
        settle([&] { return (glfwGetMouseButton(native, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) == down; });
    };
    auto rgb = [&](int x, int y) {
        return std::vector<int>{image.value<int>({std::size_t(y), std::size_t(x), 0}), image.value<int>({std::size_t(y), std::size_t(x), 1}),
                                image.value<int>({std::size_t(y), std::size_t(x), 2})};
    };

    frames(3);
    EXPECT_EQ(rgb(192, 192), (std::vector<int>{0, 0, 255}));
    ASSERT_GT(slider_max.x - slider_min.x, 50.0f);
    const int sy = int((slider_min.y + slider_max.y) / 2);

    window.context().upload_log().clear();
    window.context().upload_log().enable();
    move(int(slider_min.x) + 2, sy);
    EXPECT_TRUE(gui.wants_mouse()); // hovering the ImGui window
    press(true);
    for (int x = int(slider_min.x) + 2; x <= int(slider_max.x) + 30; x += 40) move(x, sy);
    move(int(slider_max.x) + 30, sy); // past the end: the slider's maximum
    press(false);
    window.context().upload_log().enable(false);

    EXPECT_EQ(red, 1.0f);
    EXPECT_TRUE(presses.empty()) << "the press on the slider reached glumpp at " << presses[0].first << "," << presses[0].second;
    // The second point became magenta; the first is still blue (hand-computed colours).
    EXPECT_EQ(rgb(192, 192), (std::vector<int>{255, 0, 255}));
    EXPECT_EQ(rgb(64, 192), (std::vector<int>{0, 0, 255}));
    // Every upload was that one float of the store: 4 bytes at its offset.
    const auto& calls = window.context().upload_log().calls();
    ASSERT_FALSE(calls.empty());
    for (const auto& c : calls) {
        EXPECT_EQ(c.size, 4u);
        EXPECT_EQ(c.offset, red_of_second.offset());
    }

    // A click beside the widgets is glumpp's.
    move(128, 200);
    EXPECT_FALSE(gui.wants_mouse());
    press(true);
    press(false);
    ASSERT_EQ(presses.size(), 1u);
    EXPECT_EQ(presses[0], (std::pair<double, double>{128, 200}));
}

TEST(Gui, OneGuiPerProcessAndRenderNeedsAFrame) {
    app::WindowConfig config;
    config.width = 64;
    config.height = 64;
    config.backend = app::Backend::Offscreen;
    config.title = "first";
    app::Window window(config);
    imgui::Gui gui(window);
    EXPECT_EQ(test::message_of<ContextError>([&] { imgui::Gui second(window); }),
              "Gui: a Gui exists already (\"first\"); Dear ImGui 1.86's GLFW backend serves one window per process");
    EXPECT_EQ(test::message_of<ContextError>([&] { gui.render(); }),
              "Gui::render: no ImGui frame was started (call new_frame() first)");
    // Offscreen, ImGui still draws: a window's title bar over the clear colour.
    window.activate();
    gui.new_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(64, 64));
    ImGui::Begin("offscreen");
    ImGui::End();
    window.clear();
    gui.render();
    Array image = window.read_pixels();
    EXPECT_NE(image.value<int>({32, 32, 0}) + image.value<int>({32, 32, 1}) + image.value<int>({32, 32, 2}), 0);
}

TEST(Gui, AnExceptionInsideAFrameReachesTheHostAndTheNextFrameDraws) {
    app::WindowConfig config;
    config.width = 64;
    config.height = 64;
    config.backend = app::Backend::Offscreen;
    app::Window window(config);
    imgui::Gui gui(window);
    auto frame = [&](bool fail) {
        window.activate();
        gui.new_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(64, 64));
        ImGui::Begin("frame");
        if (fail) Array::zeros<float>({3}).view({3}); // glumpp throws between Begin and End
        ImGui::End();
        window.clear();
        gui.render();
    };
    EXPECT_EQ(test::message_of<IndexError>([&] { frame(true); }), "Array::view: index 3 is out of bounds for axis 0 with size 3");
    frame(false);
    Array image = window.read_pixels();
    EXPECT_NE(image.value<int>({32, 32, 0}) + image.value<int>({32, 32, 1}) + image.value<int>({32, 32, 2}), 0);
}

// With a Gui in front of glumpp's GLFW callbacks, the pointer entering and leaving the
// window (real X input) still reaches glumpp's on_enter/on_leave, after ImGui's backend.
TEST(Gui, EnterAndLeaveStillReachGlumpp) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    XTest xtest;
    if (!xtest.ok()) GTEST_SKIP() << "no XTEST (libXtst.so.6 and the server's extension are needed)";
    app::WindowConfig config;
    config.width = 64;
    config.height = 64;
    config.backend = app::Backend::Glfw;
    config.title = "glumpp imgui enter test";
    app::Window window(config);
    test::keep_dri_drivers_loaded();
    window.set_position(200, 200);
    xtest.move(10, 10);
    window.poll_events();
    imgui::Gui gui(window);
    std::vector<std::string> seen;
    window.on_enter([&] { seen.push_back("enter"); });
    window.on_leave([&] { seen.push_back("leave"); });
    auto wait_for = [&](std::size_t n) {
        for (int k = 0; k < 200 && seen.size() < n; ++k) {
            window.poll_events();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    xtest.move(230, 230);
    wait_for(1);
    xtest.move(10, 10);
    wait_for(2);
    EXPECT_EQ(seen, (std::vector<std::string>{"enter", "leave"}));
}
