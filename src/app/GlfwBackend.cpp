// Windows on a display through GLFW.
#include "WindowBackend.hpp"

#include <glumpp/Error.hpp>

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <array>
#include <cstdlib>
#include <exception>
#include <utility>
#include <mutex>

namespace glumpp::app::detail {

namespace {

std::string last_glfw_error;
std::mutex glfw_mutex;
int glfw_users = 0;

void record_error(int code, const char* text) { last_glfw_error = "GLFW error " + std::to_string(code) + ": " + text; }

// glfwInit once for all windows; glfwTerminate when the last one is gone.
bool acquire_glfw(std::string* why) {
    std::lock_guard lock(glfw_mutex);
    if (glfw_users > 0) {
        ++glfw_users;
        return true;
    }
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        if (why) *why = "no display (DISPLAY is not set)";
        return false;
    }
    glfwSetErrorCallback(record_error);
    if (!glfwInit()) {
        if (why) *why = last_glfw_error.empty() ? "glfwInit failed" : last_glfw_error;
        return false;
    }
    ++glfw_users;
    return true;
}

void release_glfw() {
    std::lock_guard lock(glfw_mutex);
    if (--glfw_users == 0) glfwTerminate();
}

Key translate_key(int k) {
    if (k == GLFW_KEY_SPACE || (k >= GLFW_KEY_0 && k <= GLFW_KEY_9) || (k >= GLFW_KEY_A && k <= GLFW_KEY_Z) ||
        k == GLFW_KEY_APOSTROPHE || k == GLFW_KEY_COMMA || k == GLFW_KEY_MINUS || k == GLFW_KEY_PERIOD ||
        k == GLFW_KEY_SLASH || k == GLFW_KEY_SEMICOLON || k == GLFW_KEY_EQUAL || k == GLFW_KEY_LEFT_BRACKET ||
        k == GLFW_KEY_BACKSLASH || k == GLFW_KEY_RIGHT_BRACKET || k == GLFW_KEY_GRAVE_ACCENT) {
        return static_cast<Key>(k); // GLFW uses ASCII for printable keys, as we do
    }
    switch (k) {
    case GLFW_KEY_ESCAPE: return Key::Escape;
    case GLFW_KEY_ENTER: return Key::Enter;
    case GLFW_KEY_TAB: return Key::Tab;
    case GLFW_KEY_BACKSPACE: return Key::Backspace;
    case GLFW_KEY_INSERT: return Key::Insert;
    case GLFW_KEY_DELETE: return Key::Delete;
    case GLFW_KEY_RIGHT: return Key::Right;
    case GLFW_KEY_LEFT: return Key::Left;
    case GLFW_KEY_DOWN: return Key::Down;
    case GLFW_KEY_UP: return Key::Up;
    case GLFW_KEY_PAGE_UP: return Key::PageUp;
    case GLFW_KEY_PAGE_DOWN: return Key::PageDown;
    case GLFW_KEY_HOME: return Key::Home;
    case GLFW_KEY_END: return Key::End;
    default:
        if (k >= GLFW_KEY_F1 && k <= GLFW_KEY_F12) return static_cast<Key>(static_cast<int>(Key::F1) + (k - GLFW_KEY_F1));
        if (k >= GLFW_KEY_LEFT_SHIFT && k <= GLFW_KEY_RIGHT_SUPER) return static_cast<Key>(static_cast<int>(Key::LeftShift) + (k - GLFW_KEY_LEFT_SHIFT));
        return Key::Unknown;
    }
}

unsigned translate_mods(int m) {
    return (m & GLFW_MOD_SHIFT ? Shift : 0u) | (m & GLFW_MOD_CONTROL ? Control : 0u) | (m & GLFW_MOD_ALT ? Alt : 0u) |
           (m & GLFW_MOD_SUPER ? Super : 0u);
}

MouseButton translate_button(int b) {
    return b == GLFW_MOUSE_BUTTON_RIGHT ? MouseButton::Right : b == GLFW_MOUSE_BUTTON_MIDDLE ? MouseButton::Middle : MouseButton::Left;
}

Window& owner(GLFWwindow* w) { return *static_cast<Window*>(glfwGetWindowUserPointer(w)); }

// An exception must not unwind through GLFW's C frames: a handler's exception is kept
// here and rethrown once glfwPollEvents (or glfwWaitEventsTimeout) has returned. Events
// that arrive after it, in the same poll, are dropped: the run loop is ending.
// GLFW's event calls are main-thread only, so one slot serves every window.
std::exception_ptr pending_exception;

template <class F>
void guarded(F&& f) {
    if (pending_exception) return;
    try {
        f();
    } catch (...) {
        pending_exception = std::current_exception();
    }
}

void rethrow_pending() {
    if (pending_exception) std::rethrow_exception(std::exchange(pending_exception, nullptr));
}

// Owns the GLFW window: the window lives exactly as long as its GL context state.
class GlfwContext final : public gloo::ContextBackend {
public:
    explicit GlfwContext(GLFWwindow* w) : window_(w) {}
    ~GlfwContext() override {
        glfwDestroyWindow(window_);
        release_glfw();
    }
    void make_current() override { glfwMakeContextCurrent(window_); }
    std::string describe() const override { return "GLFW window"; }
    GLFWwindow* window() const { return window_; }

private:
    GLFWwindow* window_;
};

class Glfw final : public WindowBackend {
public:
    Glfw(const WindowConfig& c, Window& window) {
        std::string why;
        if (!acquire_glfw(&why)) throw ContextError("Window: the GLFW backend needs a display: " + why + "; use --backend offscreen");
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, c.gl_major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, c.gl_minor);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_DEPTH_BITS, c.depth_bits);
        glfwWindowHint(GLFW_STENCIL_BITS, c.stencil_bits);
        glfwWindowHint(GLFW_SAMPLES, c.samples);
        glfwWindowHint(GLFW_VISIBLE, c.visible ? GLFW_TRUE : GLFW_FALSE);
        GLFWmonitor* monitor = nullptr;
        int open_width = c.width, open_height = c.height;
        if (c.fullscreen) { // on the primary monitor, at its mode: a server may have neither
            const auto [m, mode] = monitor_and_mode(0, "Window");
            if (!m) {
                release_glfw();
                throw ContextError(mode_error_);
            }
            monitor = m;
            open_width = mode->width;
            open_height = mode->height;
            windowed_ = {0, 0, c.width, c.height};
        }
        GLFWwindow* w = glfwCreateWindow(open_width, open_height, c.title.c_str(), monitor, nullptr);
        if (!w) {
            release_glfw();
            throw ContextError("Window: GLFW cannot open a " + std::to_string(c.width) + "x" + std::to_string(c.height) +
                               " window with OpenGL " + std::to_string(c.gl_major) + "." + std::to_string(c.gl_minor) +
                               " core: " + last_glfw_error);
        }
        glfwMakeContextCurrent(w);
        glfwSwapInterval(c.vsync ? 1 : 0);
        auto backend = std::make_unique<GlfwContext>(w);
        window_ = backend.get();
        context_ = gloo::Context::adopt(std::move(backend));
        glfwSetWindowUserPointer(w, &window);
        glfwSetKeyCallback(w, [](GLFWwindow* gw, int key, int, int action, int mods) {
            guarded([&] {
                if (action == GLFW_RELEASE) {
                    owner(gw).dispatch_key_release(translate_key(key), translate_mods(mods));
                } else {
                    owner(gw).dispatch_key_press(translate_key(key), translate_mods(mods));
                }
            });
        });
        glfwSetCharCallback(w, [](GLFWwindow* gw, unsigned codepoint) {
            guarded([&] { owner(gw).dispatch_character(static_cast<char32_t>(codepoint)); });
        });
        glfwSetMouseButtonCallback(w, [](GLFWwindow* gw, int button, int action, int) {
            guarded([&] {
                double x = 0, y = 0;
                glfwGetCursorPos(gw, &x, &y);
                if (action == GLFW_PRESS) {
                    owner(gw).dispatch_mouse_press(x, y, translate_button(button));
                } else {
                    owner(gw).dispatch_mouse_release(x, y, translate_button(button));
                }
            });
        });
        glfwSetCursorPosCallback(w, [](GLFWwindow* gw, double x, double y) { guarded([&] { owner(gw).dispatch_mouse_motion(x, y); }); });
        glfwSetScrollCallback(w, [](GLFWwindow* gw, double dx, double dy) {
            guarded([&] {
                double x = 0, y = 0;
                glfwGetCursorPos(gw, &x, &y);
                owner(gw).dispatch_mouse_scroll(x, y, dx, dy);
            });
        });
        glfwSetFramebufferSizeCallback(w, [](GLFWwindow* gw, int width, int height) {
            guarded([&] { owner(gw).dispatch_resize(width, height); });
        });
        glfwSetWindowCloseCallback(w, [](GLFWwindow* gw) { guarded([&] { owner(gw).dispatch_close(); }); });
        glfwSetCursorEnterCallback(w, [](GLFWwindow* gw, int entered) {
            guarded([&] {
                if (entered) {
                    owner(gw).dispatch_enter();
                } else {
                    owner(gw).dispatch_leave();
                }
            });
        });
    }
    std::pair<int, int> framebuffer_size() const override {
        int fw = 0, fh = 0;
        glfwGetFramebufferSize(window_->window(), &fw, &fh);
        return {fw, fh};
    }
    const gloo::Context& context() const override { return context_; }
    void bind_framebuffer() override { glBindFramebuffer(GL_FRAMEBUFFER, 0); }
    void bind_for_reading() override {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
    }
    void swap() override { glfwSwapBuffers(window_->window()); }
    void poll(Window&) override {
        glfwPollEvents();
        rethrow_pending();
    }
    // X11 applies a new size asynchronously: wait (1 s at most) for the framebuffer to
    // have it; the framebuffer-size event dispatches on_resize on the way.
    std::pair<int, int> resize(int width, int height) override {
        glfwSetWindowSize(window_->window(), width, height);
        wait_until([&] { return framebuffer_size() == std::pair{width, height}; });
        return framebuffer_size();
    }
    void set_title(const std::string& title) override { glfwSetWindowTitle(window_->window(), title.c_str()); }
    bool has_screen() const noexcept override { return true; }
    void set_position(int x, int y) override {
        glfwSetWindowPos(window_->window(), x, y);
        wait_until([&] { return position() == std::pair{x, y}; });
    }
    std::pair<int, int> position() const override {
        int x = 0, y = 0;
        glfwGetWindowPos(window_->window(), &x, &y);
        return {x, y};
    }
    int screens() const override {
        int count = 0;
        glfwGetMonitors(&count);
        return count;
    }
    // glfwSetWindowMonitor changes the mode at once; the X server applies the new
    // geometry asynchronously, as for resize(). A call that changes nothing (leaving
    // fullscreen when windowed, entering it on the monitor it is on) returns at once:
    // glfwSetWindowMonitor would be refused or a no-op, and the wait would time out.
    std::pair<int, int> set_fullscreen(bool on, int screen) override {
        GLFWwindow* w = window_->window();
        GLFWmonitor* current = glfwGetWindowMonitor(w);
        if (on) {
            const auto [monitor, mode] = monitor_and_mode(screen, "Window::set_fullscreen");
            if (!monitor) throw ContextError(mode_error_);
            if (current == monitor) return framebuffer_size();
            if (!current) { // remember where to come back to
                glfwGetWindowPos(w, &windowed_[0], &windowed_[1]);
                glfwGetWindowSize(w, &windowed_[2], &windowed_[3]);
            }
            const int width = mode->width, height = mode->height;
            glfwSetWindowMonitor(w, monitor, 0, 0, width, height, mode->refreshRate);
            wait_until([&] { return framebuffer_size() == std::pair{width, height}; });
        } else {
            if (!current) return framebuffer_size();
            glfwSetWindowMonitor(w, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
            wait_until([&] { return framebuffer_size() == std::pair{windowed_[2], windowed_[3]}; });
        }
        return framebuffer_size();
    }
    void set_visible(bool on) override {
        if (on) {
            glfwShowWindow(window_->window());
        } else {
            glfwHideWindow(window_->window());
        }
    }
    void* native_handle() const noexcept override { return window_->window(); }

private:
    // Monitor `screen` (glfwGetMonitors' order) and its current video mode; a null monitor
    // when there is no such monitor or GLFW has no mode for it (a server without RandR
    // outputs), with mode_error_ saying which, for `who` to throw.
    std::pair<GLFWmonitor*, const GLFWvidmode*> monitor_and_mode(int screen, const char* who) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        if (!monitors || screen < 0 || screen >= count) {
            mode_error_ = std::string(who) + ": fullscreen on screen " + std::to_string(screen) + ", but GLFW reports " +
                          std::to_string(count) + " monitor" + (count == 1 ? "" : "s");
            return {nullptr, nullptr};
        }
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[screen]);
        if (!mode) {
            mode_error_ = std::string(who) + ": GLFW has no video mode for screen " + std::to_string(screen) +
                          (last_glfw_error.empty() ? "" : " (" + last_glfw_error + ")");
            return {nullptr, nullptr};
        }
        return {monitors[screen], mode};
    }
    // Processes events (dispatching them) until `done` holds, 1 s at most.
    template <class Done>
    void wait_until(Done&& done) {
        const double deadline = glfwGetTime() + 1.0;
        for (;;) {
            glfwWaitEventsTimeout(0.02);
            rethrow_pending();
            if (done() || glfwGetTime() >= deadline) break;
        }
    }
    GlfwContext* window_ = nullptr;
    std::array<int, 4> windowed_{0, 0, 0, 0}; ///< x, y, width, height before fullscreen
    std::string mode_error_;                  ///< why monitor_and_mode found none
    gloo::Context context_;
};

} // namespace

std::unique_ptr<WindowBackend> make_glfw(const WindowConfig& config, Window& window) {
    return std::make_unique<Glfw>(config, window);
}

bool glfw_available(std::string* why) {
    if (!acquire_glfw(why)) return false;
    release_glfw();
    return true;
}

} // namespace glumpp::app::detail
