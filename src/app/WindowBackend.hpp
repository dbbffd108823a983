#pragma once
// What a Window needs from a platform: a context, a framebuffer to draw into, swapping,
// events. Offscreen (EGL + framebuffer object) and Glfw (X11 window) implement it.

#include <glumpp/app/Window.hpp>

#include <memory>
#include <string>
#include <utility>

namespace glumpp::app::detail {

class WindowBackend {
public:
    virtual ~WindowBackend() = default;
    virtual const gloo::Context& context() const = 0;
    /// Binds the framebuffer on_draw renders into.
    virtual void bind_framebuffer() = 0;
    /// Binds a single-sampled copy of the current image as GL_READ_FRAMEBUFFER.
    virtual void bind_for_reading() = 0;
    virtual void swap() = 0;
    virtual void poll(Window&) {}
    /// Asks for a framebuffer of that size; returns the size it has now (Glfw: after
    /// waiting for the window system, dispatching the events that came meanwhile).
    virtual std::pair<int, int> resize(int width, int height) = 0;
    virtual void set_title(const std::string&) {}
    /// Glfw only (the others have no screen): Window keeps the state for them.
    virtual bool has_screen() const noexcept { return false; }
    /// Asks for that position (Glfw: waiting, 1 s at most, for the window system to
    /// apply it); position() says where the window is then.
    virtual void set_position(int, int) {}
    virtual std::pair<int, int> position() const { return {0, 0}; }
    /// Enters or leaves fullscreen on monitor `screen`; returns the framebuffer size then
    /// (at once when nothing changes). Glfw: ContextError when GLFW has no such monitor
    /// or no video mode for it.
    virtual std::pair<int, int> set_fullscreen(bool, int) { return {0, 0}; }
    /// The framebuffer's size now (Glfw; the others: {0, 0}, Window knows theirs).
    virtual std::pair<int, int> framebuffer_size() const { return {0, 0}; }
    /// How many monitors there are (Glfw).
    virtual int screens() const { return 0; }
    virtual void set_visible(bool) {}
    /// GLFWwindow* (Glfw), nullptr (Offscreen).
    virtual void* native_handle() const noexcept { return nullptr; }
};

std::unique_ptr<WindowBackend> make_offscreen(const WindowConfig& config);
std::unique_ptr<WindowBackend> make_glfw(const WindowConfig& config, Window& window);
/// Over the context current now, made by the host (gloo::Context::adopt_current).
std::unique_ptr<WindowBackend> make_host(const WindowConfig& config);
/// Whether a GLFW window can be opened here; `why` says why not.
bool glfw_available(std::string* why);

} // namespace glumpp::app::detail
