// The app layer: offscreen and GLFW windows, events, the clock, options, the run loop,
// screenshots and video.
#include <glumpp/app.hpp>

#include "../TestUtil.hpp"
#include "XTest.hpp"
#include "Xvfb.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <iterator>
#include <sstream>
#include <string_view>
#include <thread>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace glumpp;
using glumpp::test::display;
using glumpp::test::keep_dri_drivers_loaded;

namespace {

const char* vs = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); })";
const char* fs = R"(#version 330 core
uniform vec4 u_color;
out vec4 f;
void main() { f = u_color; })";

app::WindowConfig offscreen(int w, int h) {
    app::WindowConfig c;
    c.width = w;
    c.height = h;
    c.backend = app::Backend::Offscreen;
    c.title = "test";
    return c;
}

// A red rectangle covering the top half of the window (y > 0 in clip space).
struct TopHalf {
    gloo::Program p{vs, fs, 4};
    TopHalf() {
        p["a_position"] = Array::from<float>({-1, 0, 1, 0, -1, 1, 1, 1}, {4, 2});
        p["u_color"] = glm::vec4(1, 0, 0, 1);
    }
    void draw() { p.draw(gloo::Primitive::TriangleStrip); }
};

std::filesystem::path scratch(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("glumpp-test-app-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / name;
}

app::Options options_of(std::vector<std::string> words) {
    std::vector<const char*> argv{"test"};
    for (auto& w : words) argv.push_back(w.c_str());
    return app::Options::try_parse(static_cast<int>(argv.size()), argv.data(), "test");
}

// What the process writes on file descriptor 2 (fprintf(stderr) included) while alive.
class CaptureStderr {
public:
    CaptureStderr() : path_(scratch("stderr-" + std::to_string(counter_++) + ".txt")) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 2);
        ::close(fd);
    }
    ~CaptureStderr() { restore(); }
    std::string text() {
        restore();
        std::ifstream in(path_);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }
    static inline int counter_ = 0;
    std::filesystem::path path_;
    int saved_ = -1;
};

// How many frames ffprobe (from the ffmpeg package) decodes from a video.
int frames_in(const std::filesystem::path& mp4) {
    const std::string cmd = "ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 '" +
                            mp4.string() + "'";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[32] = {};
    const bool read = std::fgets(buf, sizeof buf, p) != nullptr;
    ::pclose(p);
    return read ? std::atoi(buf) : -1;
}

// glumpy's state (Window.hpp's list), asked of GL, then seen in pixels: a half-transparent
// red quad over the clear colour blends with straight alpha, and a point of
// gl_PointSize = 20 covers 20x20 pixels. Expected values are computed by hand.
void expect_glumpy_state(app::Window& window) {
    window.activate();
    EXPECT_TRUE(glIsEnabled(GL_BLEND));
    EXPECT_TRUE(glIsEnabled(GL_PROGRAM_POINT_SIZE));
    EXPECT_FALSE(glIsEnabled(GL_DEPTH_TEST));
    EXPECT_FALSE(glIsEnabled(GL_CULL_FACE));
    GLint v[4] = {};
    glGetIntegerv(GL_BLEND_SRC_RGB, v);
    EXPECT_EQ(v[0], GL_SRC_ALPHA);
    glGetIntegerv(GL_BLEND_DST_RGB, v);
    EXPECT_EQ(v[0], GL_ONE_MINUS_SRC_ALPHA);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, v);
    EXPECT_EQ(v[0], GL_SRC_ALPHA);
    glGetIntegerv(GL_BLEND_DST_ALPHA, v);
    EXPECT_EQ(v[0], GL_ONE_MINUS_SRC_ALPHA);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, v);
    EXPECT_EQ(v[0], 1);
    glGetIntegerv(GL_PACK_ALIGNMENT, v);
    EXPECT_EQ(v[0], 1);
    glGetIntegerv(GL_VIEWPORT, v);
    EXPECT_EQ(v[2], window.width());
    EXPECT_EQ(v[3], window.height());
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));

    window.set_clear_color({0.2f, 0.4f, 0.6f, 1.0f});
    window.clear();
    gloo::Program quad(vs, fs, 4);
    quad["a_position"] = Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    quad["u_color"] = glm::vec4(1, 0, 0, 0.5f);
    quad.draw(gloo::Primitive::TriangleStrip);
    Array img = window.read_pixels();
    // src * 0.5 + dst * 0.5: red 0.5 + 0.1, green 0.2, blue 0.3; alpha 0.25 + 0.5.
    EXPECT_NEAR(img.value<int>({5, 5, 0}), 153, 1);
    EXPECT_NEAR(img.value<int>({5, 5, 1}), 51, 1);
    EXPECT_NEAR(img.value<int>({5, 5, 2}), 77, 1);
    EXPECT_NEAR(img.value<int>({5, 5, 3}), 191, 1);

    window.set_clear_color({0, 0, 0, 1});
    window.clear();
    gloo::Program point(R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = 20.0; })",
                        fs, 1);
    point["a_position"] = Array::from<float>({0, 0}, {1, 2});
    point["u_color"] = glm::vec4(1, 1, 1, 1);
    point.draw(gloo::Primitive::Points);
    img = window.read_pixels();
    // Centred on the window's middle (w/2, h/2): columns w/2-10 .. w/2+9, rows likewise.
    std::size_t lit = 0, rows_min = 1u << 30, rows_max = 0, cols_min = 1u << 30, cols_max = 0;
    for (std::size_t y = 0; y < img.shape()[0]; ++y) {
        for (std::size_t x = 0; x < img.shape()[1]; ++x) {
            if (img.value<int>({y, x, 0}) > 128) {
                ++lit;
                rows_min = std::min(rows_min, y), rows_max = std::max(rows_max, y);
                cols_min = std::min(cols_min, x), cols_max = std::max(cols_max, x);
            }
        }
    }
    const std::size_t w = static_cast<std::size_t>(window.width()), h = static_cast<std::size_t>(window.height());
    EXPECT_EQ(lit, 400u);
    EXPECT_EQ(cols_min, w / 2 - 10);
    EXPECT_EQ(cols_max, w / 2 + 9);
    EXPECT_EQ(rows_min, h / 2 - 10);
    EXPECT_EQ(rows_max, h / 2 + 9);
}


app::WindowConfig glfw(int w, int h, const std::string& title) {
    app::WindowConfig c;
    c.width = w;
    c.height = h;
    c.backend = app::Backend::Glfw;
    c.title = title;
    return c;
}

// The names xwininfo (x11-utils, a program we did not write) lists for the display's windows.
std::string x_window_names() {
    std::FILE* p = ::popen("xwininfo -root -tree 2>&1", "r");
    if (!p) return "";
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
    return out;
}

// What xwininfo (x11-utils) says of the window named `title`: "Absolute upper-left X",
// "Width", "Map State"... (its "NAME: VALUE" lines); empty when there is none.
std::map<std::string, std::string> x_window_info(const std::string& title) {
    std::map<std::string, std::string> info;
    std::FILE* p = ::popen(("xwininfo -name '" + title + "' 2>/dev/null").c_str(), "r");
    if (!p) return info;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) {
        std::string line(buf);
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto first = line.find_first_not_of(' ');
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        value.erase(value.find_last_not_of(" \n") + 1);
        info[line.substr(first, colon - first)] = value;
    }
    ::pclose(p);
    return info;
}

// Polls the window's events until `done` holds (3 s at most): the X server delivers
// XTEST's events asynchronously.
template <class Done>
bool poll_until(app::Window& window, Done&& done) {
    for (int k = 0; k < 300 && !done(); ++k) {
        window.poll_events();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

} // namespace

TEST(Window, OffscreenDrawsAndReadsRowZeroAtTheTop) {
    app::Window window(offscreen(64, 32));
    EXPECT_EQ(window.backend(), app::Backend::Offscreen);
    window.activate();
    window.clear();
    TopHalf top;
    top.draw();
    Array img = window.read_pixels();
    ASSERT_EQ(img.shape(), (std::vector<std::size_t>{32, 64, 4}));
    EXPECT_EQ(img.value<int>({0, 10, 0}), 255);  // top row red
    EXPECT_EQ(img.value<int>({31, 10, 0}), 0);   // bottom row black
    EXPECT_EQ(img.value<int>({31, 10, 3}), 255); // opaque
}

TEST(Window, MultisampledOffscreenResolvesForReading) {
    auto c = offscreen(32, 32);
    c.samples = 4;
    app::Window window(c);
    window.activate();
    window.clear();
    TopHalf top;
    top.draw();
    Array img = window.read_pixels();
    EXPECT_EQ(img.value<int>({2, 2, 0}), 255);
    EXPECT_EQ(img.value<int>({30, 2, 0}), 0);
}

TEST(Window, EventsDispatchToEveryHandler) {
    app::Window window(offscreen(16, 16));
    std::vector<std::string> seen;
    window.on_key_press([&](app::Key k, unsigned m) { seen.push_back("press " + app::key_name(k) + (m & app::Shift ? "+shift" : "")); });
    window.on_key_press([&](app::Key, unsigned) { seen.push_back("second handler"); });
    window.on_character([&](char32_t c) { seen.push_back("char " + std::to_string(static_cast<unsigned>(c))); });
    window.on_mouse_press([&](double x, double y, app::MouseButton b) {
        seen.push_back("mouse press " + std::to_string(int(x)) + "," + std::to_string(int(y)) + " " + std::to_string(unsigned(b)));
    });
    window.on_mouse_motion([&](double, double, double dx, double dy) { seen.push_back("motion " + std::to_string(int(dx)) + "," + std::to_string(int(dy))); });
    window.on_mouse_drag([&](double, double, double dx, double dy, unsigned buttons) {
        seen.push_back("drag " + std::to_string(int(dx)) + "," + std::to_string(int(dy)) + " buttons " + std::to_string(buttons));
    });
    window.on_mouse_scroll([&](double, double, double, double dy) { seen.push_back("scroll " + std::to_string(int(dy))); });
    int closes = 0;
    window.on_close([&] { ++closes; });

    window.dispatch_key_press(app::key('a'), app::Shift);
    window.dispatch_character(U'é');
    window.dispatch_mouse_motion(5, 5);
    window.dispatch_mouse_press(5, 5, app::MouseButton::Left);
    window.dispatch_mouse_motion(8, 3); // held button: motion and drag
    window.dispatch_mouse_release(8, 3, app::MouseButton::Left);
    window.dispatch_mouse_motion(9, 3); // released: motion only
    window.dispatch_mouse_scroll(9, 3, 0, -2);
    EXPECT_EQ(seen, (std::vector<std::string>{"press A+shift", "second handler", "char 233", "motion 5,5",
                                              "mouse press 5,5 1", "motion 3,-2", "drag 3,-2 buttons 1", "motion 1,0",
                                              "scroll -2"}));
    EXPECT_FALSE(window.should_close());
    window.dispatch_key_press(app::key('q'), app::Control); // Ctrl+Q closes, like Escape
    EXPECT_TRUE(window.should_close());
    window.close(); // closing twice runs the handlers once
    EXPECT_EQ(closes, 1);
}

TEST(Window, EscapeClosesAndF10SavesAScreenshot) {
    auto c = offscreen(8, 8);
    c.title = (scratch("f10")).string();
    app::Window window(c);
    window.activate();
    window.clear();
    window.dispatch_key_press(app::Key::F10);
    EXPECT_TRUE(std::filesystem::exists(c.title + ".png"));
    window.dispatch_key_press(app::Key::Escape);
    EXPECT_TRUE(window.should_close());
}

TEST(Window, GlfwWithoutADisplayIsAClearError) {
    const char* saved = std::getenv("DISPLAY");
    const std::string keep = saved ? saved : "";
    ::unsetenv("DISPLAY");
    auto c = offscreen(8, 8);
    c.backend = app::Backend::Glfw;
    try {
        app::Window w(c);
        ADD_FAILURE() << "a GLFW window opened without a display";
    } catch (const ContextError& e) {
        EXPECT_STREQ(e.what(), "Window: the GLFW backend needs a display: no display (DISPLAY is not set); use --backend offscreen");
    }
    c.backend = app::Backend::Auto; // falls back to offscreen
    app::Window w(c);
    EXPECT_EQ(w.backend(), app::Backend::Offscreen);
    if (saved) ::setenv("DISPLAY", keep.c_str(), 1);
}

TEST(Window, GlfwUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    app::Window window(glfw(64, 48, "glumpp xvfb test"));
    keep_dri_drivers_loaded();
    EXPECT_EQ(window.backend(), app::Backend::Glfw);
    EXPECT_NE(window.context().describe().find("GLFW"), std::string::npos);
    int draws = 0, closes = 0;
    window.on_draw([&](double) {
        window.clear();
        TopHalf top;
        top.draw();
        ++draws;
    });
    window.on_close([&] { ++closes; });
    auto options = options_of({"--frames", "3", "--quiet", "--screenshot", scratch("xvfb.png").string()});
    EXPECT_EQ(app::run(window, options), 0);
    EXPECT_EQ(draws, 3);
    EXPECT_EQ(closes, 1); // --frames ended the run: the window was closed
    Array img = app::load_png(scratch("xvfb.png"));
    EXPECT_EQ(img.value<int>({1, 1, 0}), 255);
    EXPECT_EQ(img.value<int>({46, 1, 0}), 0);
}

TEST(Window, DefaultStateIsGlumpysOffscreen) {
    app::Window window(offscreen(64, 48));
    expect_glumpy_state(window);
    auto c = offscreen(40, 40);
    c.samples = 4; // a multisampled framebuffer gets the same state
    app::Window msaa(c);
    msaa.activate();
    EXPECT_TRUE(glIsEnabled(GL_BLEND));
    EXPECT_TRUE(glIsEnabled(GL_PROGRAM_POINT_SIZE));
}

TEST(Window, DefaultStateIsGlumpysUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    app::Window window(glfw(64, 48, "glumpp state test"));
    keep_dri_drivers_loaded();
    expect_glumpy_state(window);
}

TEST(Window, SetTitleAndSetSizeOffscreen) {
    app::Window window(offscreen(32, 16));
    std::vector<std::pair<int, int>> sizes;
    window.on_resize([&](int w, int h) { sizes.emplace_back(w, h); });
    window.set_title(scratch("renamed").string());
    EXPECT_EQ(window.title(), scratch("renamed").string());
    window.activate();
    window.set_size(100, 50);
    EXPECT_EQ(sizes, (std::vector<std::pair<int, int>>{{100, 50}}));
    EXPECT_EQ(window.width(), 100);
    EXPECT_EQ(window.height(), 50);
    GLint viewport[4] = {};
    glGetIntegerv(GL_VIEWPORT, viewport); // followed at once, as glumpy's on_resize does
    EXPECT_EQ(viewport[2], 100);
    EXPECT_EQ(viewport[3], 50);
    window.activate();
    window.clear();
    TopHalf top;
    top.draw();
    Array img = window.read_pixels();
    ASSERT_EQ(img.shape(), (std::vector<std::size_t>{50, 100, 4}));
    EXPECT_EQ(img.value<int>({0, 99, 0}), 255); // the new framebuffer is drawn whole
    EXPECT_EQ(img.value<int>({49, 99, 0}), 0);
    window.dispatch_key_press(app::Key::F10); // the screenshot is named after the new title
    EXPECT_TRUE(std::filesystem::exists(scratch("renamed").string() + ".png"));
    EXPECT_EQ(test::message_of<ValueError>([&] { window.set_size(0, 10); }), "Window::set_size: size 0x10 is not positive");
    EXPECT_EQ(window.width(), 100); // the refused call changed nothing
    EXPECT_EQ(sizes.size(), 1u);
}

TEST(Window, SetTitleAndSetSizeUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    app::Window window(glfw(64, 48, "glumpp before"));
    keep_dri_drivers_loaded();
    std::vector<std::pair<int, int>> sizes;
    window.on_resize([&](int w, int h) { sizes.emplace_back(w, h); });
    window.set_title("glumpp after set_title");
    EXPECT_EQ(window.title(), "glumpp after set_title");
    // Ask the X server: the name reaches it at the next flush, which polling makes.
    window.poll_events();
    const std::string names = x_window_names();
    EXPECT_NE(names.find("\"glumpp after set_title\""), std::string::npos) << names;

    window.set_size(80, 60);
    EXPECT_EQ(window.width(), 80);
    EXPECT_EQ(window.height(), 60);
    ASSERT_FALSE(sizes.empty());
    EXPECT_EQ(sizes.back(), (std::pair<int, int>{80, 60}));
    const std::size_t dispatched = sizes.size();
    const std::string geometry = x_window_names();
    EXPECT_NE(geometry.find("80x60"), std::string::npos) << geometry; // the X window's own size

    int draws = 0;
    window.on_draw([&](double) {
        window.clear();
        TopHalf top;
        top.draw();
        ++draws;
    });
    auto options = options_of({"--frames", "2", "--quiet", "--screenshot", scratch("xvfb-resized.png").string()});
    EXPECT_EQ(app::run(window, options), 0);
    Array img = app::load_png(scratch("xvfb-resized.png"));
    ASSERT_EQ(img.shape(), (std::vector<std::size_t>{60, 80, 4}));
    EXPECT_EQ(img.value<int>({0, 79, 0}), 255);
    EXPECT_EQ(img.value<int>({59, 79, 0}), 0);
    // run's initial on_resize (and any late event of the X server): all at the new size.
    ASSERT_GT(sizes.size(), dispatched);
    for (std::size_t k = dispatched; k < sizes.size(); ++k) EXPECT_EQ(sizes[k], (std::pair<int, int>{80, 60})) << k;
}

// A handler's exception raised inside a GLFW callback (a real X11 ConfigureNotify) comes
// out of the GLFW call that delivered it, and out of run() as a report.
TEST(Window, GlfwHandlerExceptionsCrossGlfw) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    app::Window window(glfw(40, 30, "glumpp throws"));
    keep_dri_drivers_loaded();
    bool fail = true;
    window.on_resize([&](int w, int h) {
        if (fail) throw ShapeError("on_resize: " + std::to_string(w) + "x" + std::to_string(h));
    });
    EXPECT_EQ(test::message_of<ShapeError>([&] { window.set_size(70, 50); }), "on_resize: 70x50");
    fail = false;
    window.poll_events(); // nothing is left pending
    int draws = 0;
    window.on_draw([&](double) {
        if (++draws == 2) throw KeyError("on_draw: second frame");
    });
    int status = 0;
    std::string err;
    {
        CaptureStderr capture;
        status = app::run(window, options_of({"--frames", "5", "--quiet"}));
        err = capture.text();
    }
    EXPECT_EQ(status, 1);
    EXPECT_EQ(err, "glumpp throws: glumpp::KeyError: on_draw: second frame\n");
    EXPECT_TRUE(window.should_close());
}

TEST(Clock, FixedStepAndTimers) {
    app::Clock c(0.25);
    std::vector<double> fired;
    c.schedule_interval([&](double dt) { fired.push_back(dt); }, 0.5);
    int once = 0;
    const int id = c.schedule_once([&](double) { ++once; }, 0.25);
    EXPECT_EQ(c.tick(), 0.0);
    for (int k = 0; k < 8; ++k) EXPECT_EQ(c.tick(), 0.25);
    EXPECT_EQ(c.time(), 2.0);
    EXPECT_EQ(once, 1);
    EXPECT_EQ(fired, (std::vector<double>{0.5, 0.5, 0.5, 0.5}));
    c.unschedule(id); // already gone: harmless
}

TEST(Options, ParsesEveryDemoOption) {
    auto o = options_of({"--backend", "offscreen", "--size", "320x200", "--frames", "5", "--framerate", "0", "--stats",
                         "--screenshot", "a.png", "--fixed-dt", "0.02", "scene.svg"});
    EXPECT_EQ(o.backend, "offscreen");
    EXPECT_EQ(o.width, 320);
    EXPECT_EQ(o.height, 200);
    EXPECT_EQ(o.frames, 5u);
    EXPECT_EQ(o.framerate, 0.0);
    EXPECT_TRUE(o.stats);
    EXPECT_EQ(o.screenshot, std::filesystem::path("a.png"));
    EXPECT_EQ(o.args, (std::vector<std::string>{"scene.svg"}));
    try {
        options_of({"--size", "big"});
        ADD_FAILURE();
    } catch (const ValueError& e) {
        EXPECT_STREQ(e.what(), "Options::parse: --size takes WxH with positive numbers, e.g. 800x600, not 'big'");
    }
    // Repeated: the last value wins (scripts pass defaults before the user's arguments).
    auto twice = options_of({"--frames", "120", "--size", "10x10", "a.svg", "--frames", "10", "-s", "20x30", "b.svg"});
    EXPECT_EQ(twice.frames, 10u);
    EXPECT_EQ(twice.width, 20);
    EXPECT_EQ(twice.height, 30);
    EXPECT_EQ(twice.args, (std::vector<std::string>{"a.svg", "b.svg"}));
    EXPECT_THROW(options_of({"--backend", "vulkan"}), ValueError);
    EXPECT_THROW(options_of({"--frames", "-3"}), ValueError);
    std::string help;
    std::vector<const char*> argv{"demo", "--help"};
    app::Options::try_parse(2, argv.data(), "demo: does things", &help);
    EXPECT_NE(help.find("--screenshot"), std::string::npos);
}

TEST(Run, FramesScreenshotStatsAndVideo) {
    app::Window window(offscreen(64, 48));
    std::unique_ptr<TopHalf> top;
    int inits = 0, draws = 0;
    std::vector<std::pair<int, int>> sizes;
    window.on_init([&] {
        ++inits;
        top = std::make_unique<TopHalf>();
    });
    window.on_resize([&](int w, int h) { sizes.emplace_back(w, h); });
    window.on_draw([&](double) {
        window.clear();
        top->draw();
        ++draws;
    });
    const auto png = scratch("run.png"), mp4 = scratch("run.mp4");
    auto options = options_of({"--frames", "6", "--quiet", "--stats", "--screenshot", png.string(), "--record", mp4.string()});
    std::stringstream out;
    auto* old = std::cout.rdbuf(out.rdbuf());
    app::run(window, options);
    std::cout.rdbuf(old);
    EXPECT_EQ(inits, 1);
    EXPECT_EQ(draws, 6);
    EXPECT_EQ(sizes, (std::vector<std::pair<int, int>>{{64, 48}}));
    const std::string text = out.str();
    EXPECT_NE(text.find("frame 0: uploads: 1 calls"), std::string::npos) << text; // the store's first upload
    EXPECT_NE(text.find("frame 5: uploads: 0 calls, 0 B sent (0 B dirty, 0 B gaps); uniforms: 0 calls, 0 B; 1 draw call"), std::string::npos) << text;
    EXPECT_NE(text.find("test: wrote " + png.string()), std::string::npos) << text;
    EXPECT_NE(text.find("(6 frames)"), std::string::npos) << text;
    Array img = app::load_png(png);
    EXPECT_EQ(img.shape(), (std::vector<std::size_t>{48, 64, 4}));
    EXPECT_EQ(img.value<int>({0, 0, 0}), 255);
    ASSERT_TRUE(std::filesystem::exists(mp4));
    EXPECT_GT(std::filesystem::file_size(mp4), 500u);
    // ffprobe (from the ffmpeg package) counts the frames of the video.
    const std::string cmd = "ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 '" +
                            mp4.string() + "'";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    char buf[32] = {};
    const bool read = std::fgets(buf, sizeof buf, p) != nullptr;
    ::pclose(p);
    ASSERT_TRUE(read);
    EXPECT_EQ(std::atoi(buf), 6);
}

TEST(Image, PngRoundTripAndErrors) {
    Array img = Array::zeros<std::uint8_t>({3, 5, 3});
    img.view({1, 2}).assign({10.0, 20.0, 30.0});
    const auto png = scratch("round.png");
    app::save_png(img, png);
    Array back = app::load_png(png);
    EXPECT_EQ(back.shape(), img.shape());
    EXPECT_EQ(back.to_vector<int>(), img.to_vector<int>());
    try {
        app::save_png(Array::zeros<float>({2, 2}), png);
        ADD_FAILURE();
    } catch (const TypeError& e) {
        EXPECT_STREQ(e.what(), "save_png: images are uint8, not float32");
    }
    EXPECT_THROW(app::load_png(scratch("missing.png")), IoError);
    std::ofstream(scratch("bad.png")) << "not a png";
    EXPECT_THROW(app::load_png(scratch("bad.png")), ParseError);
}

TEST(Run, FramesAndDurationCloseTheWindows) {
    for (const auto& words : {std::vector<std::string>{"--frames", "4", "--quiet"},
                              std::vector<std::string>{"--duration", "1", "--fixed-dt", "0.25", "--quiet"}}) {
        app::clock() = app::Clock{}; // the loop's clock keeps its time from earlier runs
        app::Window window(offscreen(16, 16));
        int draws = 0, closes = 0, draws_at_close = -1;
        window.on_draw([&](double) { ++draws; });
        window.on_close([&] {
            ++closes;
            draws_at_close = draws;
            EXPECT_TRUE(window.context().is_current()); // handlers may release GL objects
        });
        EXPECT_EQ(app::run(window, options_of(words)), 0);
        EXPECT_EQ(closes, 1) << words[0];
        EXPECT_EQ(draws_at_close, draws) << words[0]; // after the last frame
        EXPECT_TRUE(window.should_close());
        EXPECT_GE(draws, 4) << words[0];
    }
}

// An exception out of any handler or the loop: reported on stderr as "TITLE: TYPE: MESSAGE",
// run() returns 1, windows are closed, a recording is finished, no screenshot is taken.
TEST(Run, ExceptionsAreReportedClosedAndRecorded) {
    Array small = Array::zeros<float>({3});
    const std::string index_error = test::message_of<IndexError>([&] { small.view({7}); });
    ASSERT_EQ(index_error.rfind("Array::view", 0), 0u) << index_error;

    struct Case {
        std::string where;
        std::string expected; ///< the whole line on stderr
        int frames_recorded;
    };
    const std::vector<Case> cases = {
        {"draw", "test: glumpp::IndexError: " + index_error + "\n", 3},
        {"init", "test: glumpp::ValueError: init failed\n", 0},
        {"resize", "test: glumpp::ShapeError: resize failed\n", 0},
        {"key", "test: std::runtime_error: key handler failed\n", 2},
        {"timer", "test: std::out_of_range: timer failed\n", 2}, // fires at the third tick (t = 0.02)
        {"int", "test: unknown exception (not derived from std::exception)\n", 1},
        {"close", "test: glumpp::IoError: close failed\n", 5},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.where);
        app::clock() = app::Clock{}; // no timers left from another case
        app::Window window(offscreen(32, 24));
        int draws = 0, closes = 0;
        window.on_init([&] {
            if (c.where == "init") throw ValueError("init failed");
        });
        window.on_resize([&](int, int) {
            if (c.where == "resize") throw ShapeError("resize failed");
        });
        window.on_key_press([&](app::Key, unsigned) {
            if (c.where == "key") throw std::runtime_error("key handler failed");
        });
        window.on_draw([&](double) {
            window.clear();
            ++draws;
            if (c.where == "draw" && draws == 4) small.view({7}); // a real glumpp error
            if (c.where == "key" && draws == 3) window.dispatch_key_press(app::key('k'));
            if (c.where == "int" && draws == 2) throw 42;
        });
        if (c.where == "timer") app::clock().schedule_once([](double) { throw std::out_of_range("timer failed"); }, 0.015);
        window.on_close([&] {
            ++closes;
            if (c.where == "close") throw IoError("close failed");
        });
        const auto png = scratch("error-" + c.where + ".png"), mp4 = scratch("error-" + c.where + ".mp4");
        std::filesystem::remove(png);
        std::filesystem::remove(mp4);
        auto options = options_of({"--frames", "5", "--quiet", "--fixed-dt", "0.01", "--screenshot", png.string(), "--record", mp4.string()});
        int status = 0;
        std::string err;
        {
            CaptureStderr capture;
            std::stringstream out;
            auto* old = std::cout.rdbuf(out.rdbuf());
            status = app::run(window, options);
            std::cout.rdbuf(old);
            err = capture.text();
        }
        EXPECT_EQ(status, 1);
        EXPECT_EQ(err, c.expected);
        EXPECT_EQ(closes, 1);
        EXPECT_TRUE(window.should_close());
        EXPECT_EQ(std::filesystem::exists(png), c.where == "close"); // closing comes after the screenshot
        if (c.frames_recorded == 0) {
            EXPECT_FALSE(std::filesystem::exists(mp4));
        } else {
            ASSERT_TRUE(std::filesystem::exists(mp4));
            EXPECT_EQ(frames_in(mp4), c.frames_recorded);
        }
    }
    app::clock() = app::Clock{};
}

TEST(Clock, ScheduleRunsOnEveryTickWithTheTimeSinceItsLastCall) {
    app::Clock c(0.125);
    std::vector<double> every;
    c.tick(); // t = 0
    c.tick(); // t = 0.125
    const int id = c.schedule([&](double dt) { every.push_back(dt); });
    for (int k = 0; k < 3; ++k) c.tick();
    c.unschedule(id);
    c.tick();
    EXPECT_EQ(every, (std::vector<double>{0.125, 0.125, 0.125})); // glumpy's clock.schedule
}

TEST(EventLoop, ProcessIsOneFrameOfRunAndHonoursFramesAndScreenshot) {
    app::clock() = app::Clock{};
    app::Window window(offscreen(32, 24));
    std::vector<std::string> events;
    window.on_init([&] { events.push_back("init"); });
    window.on_resize([&](int w, int h) { events.push_back("resize " + std::to_string(w) + "x" + std::to_string(h)); });
    window.on_draw([&](double dt) {
        events.push_back("draw " + std::to_string(dt));
        window.clear();
        TopHalf top;
        top.draw();
    });
    window.on_close([&] { events.push_back("close"); });
    const auto png = scratch("event-loop.png");
    std::filesystem::remove(png);
    auto options = options_of({"--frames", "3", "--fixed-dt", "0.5", "--quiet", "--screenshot", png.string()});
    std::vector<std::size_t> counts;
    {
        app::EventLoop loop(window, options);
        EXPECT_EQ(events, (std::vector<std::string>{"init", "resize 32x24"}));
        std::size_t count = loop.windows();
        while (count) counts.push_back(count = loop.process(loop.clock().tick()));
        EXPECT_EQ(loop.frames(), 3u);
    }
    EXPECT_EQ(counts, (std::vector<std::size_t>{1, 1, 0}));
    EXPECT_EQ(events, (std::vector<std::string>{"init", "resize 32x24", "draw 0.000000", "draw 0.500000", "draw 0.500000", "close"}));
    Array img = app::load_png(png); // the last frame: red over the top half
    EXPECT_EQ(img.value<int>({1, 1, 0}), 255);
    EXPECT_EQ(img.value<int>({22, 1, 0}), 0);
}

TEST(EventLoop, ErrorsComeOutOfProcessAndOpenWindowsCloseWithTheLoop) {
    app::clock() = app::Clock{};
    app::Window window(offscreen(16, 16));
    int closes = 0;
    window.on_draw([](double) { Array::zeros<float>({3}).view({3}); });
    window.on_close([&] { ++closes; });
    {
        app::EventLoop loop(window);
        EXPECT_EQ(test::message_of<IndexError>([&] { loop.process(0); }),
                  "Array::view: index 3 is out of bounds for axis 0 with size 3");
        EXPECT_EQ(closes, 0);
    }
    EXPECT_EQ(closes, 1);
}

// glumpy's process(): on_draw, then on_idle, then the swap, every frame of run() and of
// EventLoop::process; the other events of glumpy's Window on an offscreen window.
TEST(Window, EveryGlumpyEventOffscreen) {
    app::clock() = app::Clock{};
    app::Window window(offscreen(16, 16));
    std::vector<std::string> seen;
    window.on_draw([&](double dt) { seen.push_back("draw " + std::to_string(dt)); });
    window.on_idle([&](double dt) { seen.push_back("idle " + std::to_string(dt)); });
    window.on_show([&] { seen.push_back("show"); });
    window.on_hide([&] { seen.push_back("hide"); });
    window.on_enter([&] { seen.push_back("enter"); });
    window.on_leave([&] { seen.push_back("leave"); });
    EXPECT_EQ(app::run(window, options_of({"--frames", "2", "--fixed-dt", "0.25", "--quiet"})), 0);
    EXPECT_EQ(seen, (std::vector<std::string>{"draw 0.000000", "idle 0.000000", "draw 0.250000", "idle 0.250000"}));
    seen.clear();

    app::Window second(offscreen(16, 16));
    second.on_idle([&](double dt) { seen.push_back("idle " + std::to_string(dt)); });
    {
        app::EventLoop loop(second, options_of({"--frames", "1"}));
        loop.process(0.5);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"idle 0.500000"}));
    seen.clear();

    EXPECT_TRUE(window.visible());
    window.hide();
    EXPECT_FALSE(window.visible());
    window.show();
    window.show(); // as glumpy: every call runs the handlers
    EXPECT_TRUE(window.visible());
    window.dispatch_enter();
    window.dispatch_leave();
    EXPECT_EQ(seen, (std::vector<std::string>{"hide", "show", "show", "enter", "leave"}));
}

// A handler that registers handlers while its dispatch runs (a Viewport attached from
// on_init, or on_draw adding on_draw): each dispatch runs those there were when it began.
// Before the handler lists were deques indexed up to that count, the range-for went on
// over a reallocated vector (ASan: heap-use-after-free).
TEST(Window, HandlersMayRegisterHandlersWhileDispatching) {
    app::Window window(offscreen(32, 16));
    std::vector<int> seen;
    window.on_draw([&](double) {
        seen.push_back(0);
        for (int i = 1; i <= 50; ++i) window.on_draw([&seen, i](double) { seen.push_back(i); });
    });
    window.dispatch_draw(0);
    EXPECT_EQ(seen, (std::vector<int>{0}));
    seen.clear();
    window.dispatch_draw(0); // the first again (adding 50 more), then the 50 it added
    ASSERT_EQ(seen.size(), 51u);
    for (int i = 0; i <= 50; ++i) EXPECT_EQ(seen[std::size_t(i)], i);

    app::Viewport root;
    int viewport_draws = 0;
    root.on_draw([&](double) { ++viewport_draws; });
    window.on_init([&] { root.attach(window); }); // registers 13 window handlers
    window.dispatch_init();
    window.dispatch_draw(0);
    EXPECT_EQ(viewport_draws, 1);
}

// No screen offscreen: the position is stored, fullscreen is a flag, the size stays.
TEST(Window, PositionAndFullscreenOffscreen) {
    app::Window window(offscreen(24, 16));
    int resizes = 0;
    window.on_resize([&](int, int) { ++resizes; });
    EXPECT_EQ(window.position(), (std::pair{0, 0}));
    window.set_position(30, -5);
    EXPECT_EQ(window.position(), (std::pair{30, -5}));
    EXPECT_FALSE(window.fullscreen());
    window.set_fullscreen(true);
    EXPECT_TRUE(window.fullscreen());
    EXPECT_EQ(window.width(), 24);
    EXPECT_EQ(window.height(), 16);
    EXPECT_EQ(resizes, 0);
    EXPECT_EQ(test::message_of<IndexError>([&] { window.set_fullscreen(false, 1); }),
              "Window::set_fullscreen: screen 1 does not exist (a offscreen window has only screen 0)");
    EXPECT_TRUE(window.fullscreen()); // the refused call changed nothing
    window.set_fullscreen(false);
    EXPECT_FALSE(window.fullscreen());
    auto c = offscreen(8, 8);
    c.fullscreen = true;
    c.visible = false;
    app::Window hidden(c);
    EXPECT_TRUE(hidden.fullscreen());
    EXPECT_FALSE(hidden.visible());
}

// Position, fullscreen, show and hide on a real X window, as the X server reports it
// (xwininfo) and as GLFW does.
TEST(Window, PositionFullscreenShowHideUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    const std::string title = "glumpp geometry test";
    app::Window window(glfw(64, 48, title));
    keep_dri_drivers_loaded();
    std::vector<std::string> seen;
    window.on_resize([&](int w, int h) { seen.push_back("resize " + std::to_string(w) + "x" + std::to_string(h)); });
    window.on_show([&] { seen.push_back("show"); });
    window.on_hide([&] { seen.push_back("hide"); });

    window.set_position(37, 21);
    EXPECT_EQ(window.position(), (std::pair{37, 21}));
    auto info = x_window_info(title);
    EXPECT_EQ(info["Absolute upper-left X"], "37");
    EXPECT_EQ(info["Absolute upper-left Y"], "21");
    EXPECT_EQ(info["Map State"], "IsViewable");

    window.hide();
    EXPECT_FALSE(window.visible());
    window.poll_events();
    EXPECT_EQ(x_window_info(title)["Map State"], "IsUnMapped");
    window.show();
    window.poll_events();
    EXPECT_EQ(x_window_info(title)["Map State"], "IsViewable");
    EXPECT_EQ(seen, (std::vector<std::string>{"hide", "show"}));
    seen.clear();

    // The screen's size: what the X server says of its root window.
    auto root = [] {
        std::FILE* p = ::popen("xwininfo -root 2>/dev/null", "r");
        char buf[512];
        std::string out;
        while (p && std::fgets(buf, sizeof buf, p)) out += buf;
        if (p) ::pclose(p);
        auto field = [&](const std::string& name) {
            const auto at = out.find(name + ": ");
            return at == std::string::npos ? -1 : std::atoi(out.c_str() + at + name.size() + 2);
        };
        return std::pair{field("Width"), field("Height")};
    }();
    ASSERT_GT(root.first, 0);
    window.set_fullscreen(true);
    EXPECT_TRUE(window.fullscreen());
    EXPECT_EQ((std::pair{window.width(), window.height()}), root);
    info = x_window_info(title);
    EXPECT_EQ(info["Width"], std::to_string(root.first));
    EXPECT_EQ(info["Height"], std::to_string(root.second));
    EXPECT_EQ(info["Absolute upper-left X"], "0");
    EXPECT_EQ(info["Absolute upper-left Y"], "0");
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back(), "resize " + std::to_string(root.first) + "x" + std::to_string(root.second));

    window.set_fullscreen(false); // back where it was, at its size
    EXPECT_FALSE(window.fullscreen());
    EXPECT_EQ(window.width(), 64);
    EXPECT_EQ(window.height(), 48);
    EXPECT_EQ(window.position(), (std::pair{37, 21}));
    info = x_window_info(title);
    EXPECT_EQ(info["Width"], "64");
    EXPECT_EQ(info["Absolute upper-left X"], "37");
    EXPECT_EQ(seen.back(), "resize 64x48");
    EXPECT_EQ(test::message_of<IndexError>([&] { window.set_fullscreen(true, 5); }),
              "Window::set_fullscreen: screen 5 does not exist (1 monitor)");
    EXPECT_FALSE(window.fullscreen());
    EXPECT_EQ(window.width(), 64);

    // Opened fullscreen (glumpy's Window(fullscreen=True)): the screen's size; leaving
    // fullscreen gives the size asked for.
    auto c = glfw(50, 40, "glumpp opened fullscreen");
    c.fullscreen = true;
    app::Window full(c);
    EXPECT_TRUE(full.fullscreen());
    EXPECT_EQ((std::pair{full.width(), full.height()}), root);
    full.set_fullscreen(false);
    EXPECT_EQ((std::pair{full.width(), full.height()}), (std::pair{50, 40}));
    EXPECT_EQ(x_window_info("glumpp opened fullscreen")["Width"], "50");
}

// A set_fullscreen that changes nothing returns at once and dispatches no on_resize.
// Before the fix, leaving fullscreen on a window never fullscreen passed GLFW a 0x0
// windowed size (refused), waited the whole second for it, then dispatched a resize.
TEST(Window, SetFullscreenThatChangesNothingIsImmediateUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    app::Window window(glfw(64, 48, "glumpp fullscreen no-op"));
    keep_dri_drivers_loaded();
    int resizes = 0;
    window.on_resize([&](int, int) { ++resizes; });
    auto timed = [](auto&& f) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    const double leave = timed([&] { window.set_fullscreen(false); });
    EXPECT_LT(leave, 0.25) << "set_fullscreen(false) on a windowed window waited";
    EXPECT_EQ(resizes, 0);
    EXPECT_FALSE(window.fullscreen());
    EXPECT_EQ((std::pair{window.width(), window.height()}), (std::pair{64, 48}));
    EXPECT_EQ(x_window_info("glumpp fullscreen no-op")["Width"], "64");

    auto c = glfw(50, 40, "glumpp fullscreen again");
    c.fullscreen = true;
    app::Window full(c);
    const std::pair opened{full.width(), full.height()};
    full.on_resize([&](int, int) { ++resizes; });
    const double again = timed([&] { full.set_fullscreen(true); });
    EXPECT_LT(again, 0.25);
    EXPECT_EQ(resizes, 0);
    EXPECT_EQ((std::pair{full.width(), full.height()}), opened);
    full.set_fullscreen(false); // a real change still resizes
    EXPECT_EQ(resizes, 1);
    EXPECT_EQ((std::pair{full.width(), full.height()}), (std::pair{50, 40}));
}

// An X server whose only output is switched off (its CRTC disabled through RandR, as
// `xrandr --output screen --off` does): GLFW then reports no monitor at all, which no
// shared display may be put into. A private Xvfb, DISPLAY pointing at it while it lives.
// libX11 and libXrandr are reached with dlopen (a few calls; the headers are not needed:
// XRRScreenResources' first fields are its stable ABI).
class MonitorlessDisplay {
public:
    MonitorlessDisplay() {
        if (const char* d = std::getenv("DISPLAY")) saved_ = d;
        int fds[2];
        if (::access("/usr/bin/Xvfb", X_OK) != 0 || ::pipe(fds) != 0) return;
        xvfb_ = ::fork();
        if (xvfb_ == 0) {
            ::dup2(fds[1], 3);
            ::execl("/usr/bin/Xvfb", "Xvfb", "-displayfd", "3", "-screen", "0", "320x240x24", "-nolisten", "tcp", "-noreset",
                    nullptr); // -noreset: the last client leaving must not restore the output
            ::_exit(127);
        }
        ::close(fds[1]);
        std::string number;
        char ch = 0;
        while (::read(fds[0], &ch, 1) == 1 && ch != '\n') number += ch;
        ::close(fds[0]);
        if (number.empty()) return;
        const std::string name = ":" + number;
        void* x11 = ::dlopen("libX11.so.6", RTLD_LAZY);
        void* xrandr = ::dlopen("libXrandr.so.2", RTLD_LAZY);
        if (!x11 || !xrandr) return;
        struct Resources {
            unsigned long timestamp, config_timestamp;
            int ncrtc;
            unsigned long* crtcs;
        };
        using Open = void* (*)(const char*);
        using Root = unsigned long (*)(void*);
        using Get = Resources* (*)(void*, unsigned long);
        using Set = int (*)(void*, Resources*, unsigned long, unsigned long, int, int, unsigned long, unsigned short,
                            unsigned long*, int);
        using Free = void (*)(Resources*);
        using Close = int (*)(void*);
        auto open = reinterpret_cast<Open>(::dlsym(x11, "XOpenDisplay"));
        auto root = reinterpret_cast<Root>(::dlsym(x11, "XDefaultRootWindow"));
        auto close = reinterpret_cast<Close>(::dlsym(x11, "XCloseDisplay"));
        auto get = reinterpret_cast<Get>(::dlsym(xrandr, "XRRGetScreenResources"));
        auto set = reinterpret_cast<Set>(::dlsym(xrandr, "XRRSetCrtcConfig"));
        auto free = reinterpret_cast<Free>(::dlsym(xrandr, "XRRFreeScreenResources"));
        if (!open || !root || !close || !get || !set || !free) return;
        void* d = open(name.c_str());
        if (!d) return;
        Resources* r = get(d, root(d));
        bool off = r && r->ncrtc > 0;
        for (int i = 0; off && i < r->ncrtc; ++i) off = set(d, r, r->crtcs[i], 0, 0, 0, 0, 1, nullptr, 0) == 0;
        if (r) free(r);
        close(d); // XCloseDisplay flushes the requests
        if (!off) return;
        ::setenv("DISPLAY", name.c_str(), 1);
        ok_ = true;
    }
    ~MonitorlessDisplay() {
        if (xvfb_ > 0) {
            ::kill(xvfb_, SIGTERM);
            ::waitpid(xvfb_, nullptr, 0);
        }
        if (saved_.empty()) {
            ::unsetenv("DISPLAY");
        } else {
            ::setenv("DISPLAY", saved_.c_str(), 1);
        }
    }
    bool ok() const { return ok_; }

private:
    pid_t xvfb_ = 0;
    bool ok_ = false;
    std::string saved_;
};

// With no monitor, a window asked for fullscreen is a ContextError naming the counts
// (before the fix: opened windowed, then Window's redundant set_fullscreen(true, 0)
// indexed glfwGetMonitors' null array, a crash); a windowed one opens, and asking it
// for fullscreen is the IndexError that says there are no monitors.
TEST(Window, FullscreenWithoutAMonitorIsAContextErrorUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    MonitorlessDisplay none;
    if (!none.ok()) GTEST_SKIP() << "no private Xvfb with its output switched off (Xvfb, libXrandr.so.2)";
    auto c = glfw(50, 40, "glumpp no monitor");
    c.fullscreen = true;
    EXPECT_EQ(test::message_of<ContextError>([&] { app::Window full(c); }),
              "Window: fullscreen on screen 0, but GLFW reports 0 monitors");
    app::Window window(glfw(50, 40, "glumpp no monitor"));
    keep_dri_drivers_loaded();
    EXPECT_EQ(test::message_of<IndexError>([&] { window.set_fullscreen(true); }),
              "Window::set_fullscreen: screen 0 does not exist (0 monitors)");
    EXPECT_FALSE(window.fullscreen());
    EXPECT_EQ(window.width(), 50);
}

// The pointer entering and leaving, and typed characters, from real X input (XTEST).
TEST(Window, EnterLeaveAndCharactersFromRealInputUnderXvfb) {
    if (!display().ok()) GTEST_SKIP() << display().why();
    test::XTest xtest;
    if (!xtest.ok()) GTEST_SKIP() << "no XTEST (libXtst.so.6 and the server's extension are needed)";
    app::Window window(glfw(64, 48, "glumpp input test"));
    keep_dri_drivers_loaded();
    window.set_position(100, 100);
    xtest.move(10, 10); // outside
    window.poll_events();
    std::vector<std::string> seen;
    window.on_enter([&] { seen.push_back("enter"); });
    window.on_leave([&] { seen.push_back("leave"); });
    window.on_character([&](char32_t c) { seen.push_back(std::string("char ") + char(c)); });
    window.on_key_press([&](app::Key k, unsigned) { seen.push_back("key " + app::key_name(k)); });

    xtest.move(120, 110);
    EXPECT_TRUE(poll_until(window, [&] { return !seen.empty(); }));
    // Keys apart in time, as a typist's: GLFW drops a second press of one key with the
    // same server timestamp (milliseconds) as the first, taking it for an input method's
    // duplicate.
    auto key = [&](unsigned long keysym, bool down) {
        xtest.key(keysym, down);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    };
    key(0x61, true); // 'a'
    key(0x61, false);
    key(0xffe1, true); // Shift_L, then 'a': the character is 'A', the key still A
    key(0x61, true);
    key(0x61, false);
    key(0xffe1, false);
    EXPECT_TRUE(poll_until(window, [&] { return seen.size() >= 6; }));
    xtest.move(10, 10);
    EXPECT_TRUE(poll_until(window, [&] { return seen.size() >= 7; }));
    EXPECT_EQ(seen, (std::vector<std::string>{"enter", "key A", "char a", "key LeftShift", "key A", "char A", "leave"}));
}
