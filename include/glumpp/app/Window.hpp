#pragma once
// Window: a GL context with a framebuffer to draw into, and events.
//
//   app::Window window(options, 800, 800, "galaxy");
//   window.on_draw([&](double dt) { window.clear(); program.draw(gloo::Primitive::Points); });
//   window.on_key_press([&](app::Key k, unsigned) { if (k == app::Key::Space) reset(); });
//   return app::run(window, options);
//
// Two backends:
//  - Glfw: a real X11 window (GLFW). Needs a display.
//  - Offscreen: a headless EGL context (gloo::Context::headless) drawing into a
//    framebuffer object of the window's size, with depth/stencil/multisampling as asked.
//    No display needed; events only come from dispatch_*() calls.
// Auto (the default) takes Glfw when a display is there and Offscreen otherwise, so the
// same demo runs on a desktop and on a build machine. Asking for Glfw without a display
// is a ContextError that says so.
//
// A third, Host, puts a Window over a context someone else made and made current (a Qt
// widget's, an SDL2 window's: gloo::Context::adopt_current), so that glumpy-style
// handlers and interactions (PanZoom...) work inside the host's window. The host owns the
// loop and the events: it calls activate() and dispatch_draw(dt) when it paints, set_size
// when its window is resized, dispatch_mouse_*/dispatch_key_* from its own events, and
// swaps itself (swap() and poll_events() do nothing). Before each frame the framebuffer
// WindowConfig::host_framebuffer names is bound (the default framebuffer without one).
// The Window sets glumpy's state below in the host's context when it is made.
//
// Events carry glumpy's names and arguments. Handlers are plain callables; several may
// be registered for one event and run in registration order. Every event glumpy's Window
// registers exists here; where each comes from, per backend:
//   event          Glfw                         Offscreen          Host (qt::Widget)
//   on_init        run/EventLoop, once          the same           initializeGL
//   on_draw        run/EventLoop, every frame   the same           paintGL
//   on_idle        run/EventLoop, after on_draw the same           paintGL, after on_draw
//                  and before the swap (glumpy's process())
//   on_resize      framebuffer-size events      set_size           resizeGL
//   on_show/hide   show()/hide() (as glumpy:    show()/hide()      Qt's show/hide events
//                  its own calls, not the WM's)
//   on_enter/leave cursor-enter events          dispatch_* only    Qt's enter/leave events
//   on_key_*       key events                   dispatch_* only    Qt's key events
//   on_character   character events (text, not  dispatch_* only    the text of Qt's key
//                  keys: layout and dead keys                      events
//                  applied)
//   on_mouse_*     button/cursor/scroll events  dispatch_* only    Qt's mouse/wheel events
//   on_close       close(), the WM's close      close()            the widget's end
// Offscreen has no window system: its input events come only from dispatch_*() calls
// (tests, or a program that forwards another source's events). A Host's other events are
// the host's to forward (dispatch_*). Mouse positions are window
// pixels with the origin at the top left (y grows downwards); a motion with buttons held
// is also a drag. Default key handling: Escape and Ctrl+Q close the window, F10 saves a
// screenshot (PNG named after the window title), as in glumpy.
//
// Before on_draw the window's framebuffer is bound and the viewport covers it.
// read_pixels() returns the current image with row 0 at the top.
//
// GL state: glumpy's. When the window is created, its context is left with what
// glumpy's app.run sets on every window (glumpy/app/__init__.py), on both backends, so a
// literal port of a glumpy script draws what glumpy draws:
//   GL_BLEND                 enabled
//   glBlendFunc              GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA (colour and alpha alike)
//   GL_PROGRAM_POINT_SIZE    enabled: gl_PointSize from the vertex shader sizes points
//   point sprites            always on in a core profile: gl_PointCoord runs over every
//                            point (glumpy's glEnable(GL_POINT_SPRITE) is refused by core
//                            contexts, which glumpy ignores; we do not make the call)
//   GL_UNPACK_ALIGNMENT, GL_PACK_ALIGNMENT   1 (set by gloo::Context for every context)
//   GL_DEPTH_TEST            disabled (GL's default, set explicitly)
//   GL_CULL_FACE             disabled (GL's default, set explicitly)
//   glClearColor             the window's clear colour (glumpy's on_init)
//   glViewport               the whole framebuffer, set again by activate() before
//                            every frame, and by dispatch_resize() when this window's
//                            context is current (glumpy's default on_resize)
// Nothing else is set before each frame: what a handler enables stays enabled for the
// next frames, as in glumpy. Blending applies to alpha too, so an image read back (and a
// --screenshot) holds the blended alpha a*a + dst*(1-a), where glumpy's screenshots are
// RGB: compare colours, not alpha, with glumpy's.

#include <glumpp/app/Event.hpp>
#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Context.hpp>

#include <glm/vec4.hpp>

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace glumpp::app {

struct Options;

enum class Backend { Auto, Glfw, Offscreen, Host };
const char* to_string(Backend b);

struct WindowConfig {
    int width = 512;
    int height = 512;
    std::string title = "glumpp";
    Backend backend = Backend::Auto;
    int gl_major = 3, gl_minor = 3; ///< core profile
    int depth_bits = 24;
    int stencil_bits = 8;
    int samples = 0;      ///< multisampling (0: off)
    bool vsync = false;   ///< Glfw: wait for the screen's refresh at swap
    bool visible = true;  ///< Glfw: show the window (visible() says it either way)
    /// Glfw: open the window fullscreen on the primary monitor, at its video mode's size
    /// (width and height are then the size it gets back when it leaves fullscreen);
    /// ContextError, naming the counts, when GLFW reports no monitor or no video mode.
    /// Offscreen: only fullscreen() says it.
    bool fullscreen = false;
    glm::vec4 clear_color{0, 0, 0, 1};
    /// Host: the framebuffer object to draw into, asked before each frame (a Qt widget's
    /// changes when it is resized); unset: the default framebuffer (0).
    std::function<unsigned()> host_framebuffer;
};

namespace detail {
class WindowBackend;
}

class Window {
public:
    explicit Window(const WindowConfig& config = {});
    /// `--backend`, `--size` and `--samples` from the options override the defaults given here.
    Window(const Options& options, int width, int height, std::string title);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }
    const std::string& title() const noexcept { return config_.title; }
    /// glumpy's set_title. Glfw: glfwSetWindowTitle; Offscreen: only title() changes (the
    /// title still names F10's screenshot and the run loop's messages).
    void set_title(const std::string& title);
    Backend backend() const noexcept { return backend_kind_; }
    const gloo::Context& context() const;
    /// The platform window, for toolkits that attach to it (glumpp::imgui::Gui): the
    /// GLFWwindow* of a Glfw window, nullptr for an offscreen one. glumpp owns it and has
    /// installed its input callbacks (key, character, mouse button, cursor position,
    /// cursor enter, scroll, framebuffer size, close) and its user pointer; a toolkit that replaces a
    /// callback calls the one glfwSet*Callback returned for the events it passes on.
    void* native_handle() const noexcept;

    /// Makes the context current and binds this window's framebuffer and viewport.
    void activate();
    /// The colour clear() clears to (glumpy's Window.color). Stored only: clear() makes the
    /// glClearColor call, so this may be called while another window's context is current.
    void set_clear_color(const glm::vec4& c) { config_.clear_color = c; }
    /// Clears color, depth and stencil (those the window has).
    void clear();
    /// Shows the frame (Glfw: swaps buffers; Offscreen: resolves multisampling).
    void swap();
    /// Lets the backend deliver pending events (Glfw).
    void poll_events();
    /// Runs the on_close handlers (once) and ends this window's part in the run loop.
    /// run() closes every window still open when it ends (--frames, --duration, or an
    /// exception), so on_close handlers always run.
    void close();
    bool should_close() const noexcept { return should_close_; }
    /// glumpy's set_size: the framebuffer becomes width x height and on_resize runs with
    /// the size it got, before set_size returns. Offscreen: new framebuffer object of that
    /// size (the image is lost). Glfw: glfwSetWindowSize, then events are processed
    /// (glfwWaitEventsTimeout, 1 s at most) until the window system has applied it; the
    /// other events that arrive meanwhile are dispatched too. A window manager may refuse
    /// or change the size: width() and height() say what it is. ValueError for a size
    /// that is not positive (nothing changes).
    void set_size(int width, int height);

    /// glumpy's set_position/get_position: the window's top-left corner on the screen, in
    /// screen pixels (the frame a window manager adds is outside it). Glfw:
    /// glfwSetWindowPos, then events are processed (glfwWaitEventsTimeout, 1 s at most)
    /// until glfwGetWindowPos reports it; a window manager may place the window elsewhere,
    /// and position() (glfwGetWindowPos, asked each time) says where it is. Offscreen and
    /// Host: there is no screen, so the position is only stored and position() returns it
    /// (a Host's window is placed by its toolkit).
    void set_position(int x, int y);
    std::pair<int, int> position() const;
    /// glumpy's set_fullscreen/get_fullscreen. Glfw: glfwSetWindowMonitor onto monitor
    /// `screen` (glfwGetMonitors' order, 0 the primary) at its current video mode, then
    /// events are processed (1 s at most) until the framebuffer has the mode's size;
    /// on_resize runs with it, as for set_size. Leaving fullscreen puts the window back
    /// where it was, at the size it had (glumpy resizes it to 256x256 at 0,0 instead, which
    /// we take for an accident). Offscreen and Host: there is no screen to fill, so only
    /// fullscreen() changes, and the size stays. A call that changes nothing (leaving
    /// fullscreen when windowed, entering it again on the same screen) returns at once:
    /// no GL or GLFW call, no wait, no on_resize. IndexError for a screen that does not
    /// exist; ContextError when GLFW has no video mode for it (nothing changes).
    void set_fullscreen(bool fullscreen, int screen = 0);
    bool fullscreen() const noexcept { return fullscreen_; }
    /// glumpy's show()/hide(): Glfw: glfwShowWindow/glfwHideWindow (the X window is mapped
    /// or unmapped); Offscreen and Host: only visible() changes. Then on_show/on_hide runs,
    /// as in glumpy, on every call (showing a shown window runs on_show again).
    void show();
    void hide();
    bool visible() const noexcept { return visible_; }

    /// The image being drawn (before swap), (height, width, 4) uint8, row 0 at the top.
    Array read_pixels();
    void save_screenshot(const std::filesystem::path& png);

    // --- handlers ----------------------------------------------------------------------
    // A handler may register handlers (Viewport::attach in on_init, say) while a dispatch
    // runs: each dispatch runs the handlers there were when it began, the new ones from
    // the next dispatch on (the lists are deques: appending moves no running handler).
    void on_init(std::function<void()> f) { init_.push_back(std::move(f)); }
    void on_draw(std::function<void(double dt)> f) { draw_.push_back(std::move(f)); }
    void on_resize(std::function<void(int width, int height)> f) { resize_.push_back(std::move(f)); }
    void on_key_press(std::function<void(Key, unsigned modifiers)> f) { key_press_.push_back(std::move(f)); }
    void on_key_release(std::function<void(Key, unsigned modifiers)> f) { key_release_.push_back(std::move(f)); }
    void on_character(std::function<void(char32_t)> f) { character_.push_back(std::move(f)); }
    void on_mouse_press(std::function<void(double x, double y, MouseButton)> f) { mouse_press_.push_back(std::move(f)); }
    void on_mouse_release(std::function<void(double x, double y, MouseButton)> f) { mouse_release_.push_back(std::move(f)); }
    void on_mouse_motion(std::function<void(double x, double y, double dx, double dy)> f) { mouse_motion_.push_back(std::move(f)); }
    void on_mouse_drag(std::function<void(double x, double y, double dx, double dy, unsigned buttons)> f) {
        mouse_drag_.push_back(std::move(f));
    }
    void on_mouse_scroll(std::function<void(double x, double y, double dx, double dy)> f) { mouse_scroll_.push_back(std::move(f)); }
    void on_close(std::function<void()> f) { close_.push_back(std::move(f)); }
    /// After on_draw, before the swap, every frame of run() and EventLoop::process (glumpy's
    /// process(): the time since the last frame, as on_draw's).
    void on_idle(std::function<void(double dt)> f) { idle_.push_back(std::move(f)); }
    void on_show(std::function<void()> f) { show_.push_back(std::move(f)); }
    void on_hide(std::function<void()> f) { hide_.push_back(std::move(f)); }
    /// The pointer entered (left) the window (Glfw: glfwSetCursorEnterCallback).
    void on_enter(std::function<void()> f) { enter_.push_back(std::move(f)); }
    void on_leave(std::function<void()> f) { leave_.push_back(std::move(f)); }

    // --- dispatch: backends call these; tests call them to simulate input ---------------
    void dispatch_init();
    void dispatch_draw(double dt);
    void dispatch_resize(int width, int height);
    void dispatch_key_press(Key key, unsigned modifiers = NoModifier);
    void dispatch_key_release(Key key, unsigned modifiers = NoModifier);
    void dispatch_character(char32_t c);
    void dispatch_mouse_press(double x, double y, MouseButton button);
    void dispatch_mouse_release(double x, double y, MouseButton button);
    /// Also dispatches a drag when buttons are held.
    void dispatch_mouse_motion(double x, double y);
    void dispatch_mouse_scroll(double x, double y, double dx, double dy);
    void dispatch_close();
    void dispatch_idle(double dt);
    /// Only the handlers: show() and hide() also change the window.
    void dispatch_show();
    void dispatch_hide();
    void dispatch_enter();
    void dispatch_leave();

private:
    void create(const WindowConfig& config);
    void apply_glumpy_state();

    WindowConfig config_;
    Backend backend_kind_ = Backend::Offscreen;
    std::unique_ptr<detail::WindowBackend> backend_;
    int width_ = 0, height_ = 0;
    bool should_close_ = false;
    bool visible_ = true, fullscreen_ = false;
    int screen_ = 0; ///< the monitor fullscreen is on, when it is (Glfw)
    int x_ = 0, y_ = 0; ///< Offscreen and Host: the position set_position stored
    double mouse_x_ = 0, mouse_y_ = 0;
    unsigned buttons_ = 0;
    std::size_t resizes_ = 0; ///< on_resize dispatches so far (set_size dispatches one if the backend did not)

    std::deque<std::function<void()>> init_, close_, show_, hide_, enter_, leave_;
    std::deque<std::function<void(double)>> draw_, idle_;
    std::deque<std::function<void(int, int)>> resize_;
    std::deque<std::function<void(Key, unsigned)>> key_press_, key_release_;
    std::deque<std::function<void(char32_t)>> character_;
    std::deque<std::function<void(double, double, MouseButton)>> mouse_press_, mouse_release_;
    std::deque<std::function<void(double, double, double, double)>> mouse_motion_, mouse_scroll_;
    std::deque<std::function<void(double, double, double, double, unsigned)>> mouse_drag_;
};

} // namespace glumpp::app
