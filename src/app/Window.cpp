#include <glumpp/app/Window.hpp>

#include "WindowBackend.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/app/Image.hpp>
#include <glumpp/app/Options.hpp>

#include <epoxy/gl.h>

#include <cstring>
#include <tuple>

namespace glumpp::app {

const char* to_string(Backend b) {
    switch (b) {
    case Backend::Auto: return "auto";
    case Backend::Glfw: return "glfw";
    case Backend::Offscreen: return "offscreen";
    case Backend::Host: return "host";
    }
    return "?";
}

std::string key_name(Key k) {
    const int v = static_cast<int>(k);
    if (v >= 33 && v < 127) return std::string(1, static_cast<char>(v));
    if (k >= Key::F1 && k <= Key::F12) return "F" + std::to_string(v - static_cast<int>(Key::F1) + 1);
    switch (k) {
    case Key::Space: return "Space";
    case Key::Escape: return "Escape";
    case Key::Enter: return "Enter";
    case Key::Tab: return "Tab";
    case Key::Backspace: return "Backspace";
    case Key::Insert: return "Insert";
    case Key::Delete: return "Delete";
    case Key::Right: return "Right";
    case Key::Left: return "Left";
    case Key::Down: return "Down";
    case Key::Up: return "Up";
    case Key::PageUp: return "PageUp";
    case Key::PageDown: return "PageDown";
    case Key::Home: return "Home";
    case Key::End: return "End";
    case Key::LeftShift: return "LeftShift";
    case Key::LeftControl: return "LeftControl";
    case Key::LeftAlt: return "LeftAlt";
    case Key::LeftSuper: return "LeftSuper";
    case Key::RightShift: return "RightShift";
    case Key::RightControl: return "RightControl";
    case Key::RightAlt: return "RightAlt";
    case Key::RightSuper: return "RightSuper";
    default: return "Unknown";
    }
}

namespace {

WindowConfig with_options(const Options& o, int width, int height, std::string title) {
    WindowConfig c;
    c.width = o.width > 0 ? o.width : width;
    c.height = o.height > 0 ? o.height : height;
    c.title = std::move(title);
    c.samples = o.samples;
    if (o.backend == "glfw") {
        c.backend = Backend::Glfw;
    } else if (o.backend == "offscreen") {
        c.backend = Backend::Offscreen;
    } else if (o.backend == "auto") {
        c.backend = Backend::Auto;
    } else {
        throw ValueError("Window: unknown backend '" + o.backend + "' (glfw, offscreen or auto)");
    }
    return c;
}

// By index, up to the count there was: a handler may append to the deque (which keeps
// its elements in place) while it runs; the new handler runs from the next dispatch on.
template <class Fs, class... A>
void call_all(const Fs& fs, const A&... a) {
    for (std::size_t i = 0, n = fs.size(); i < n; ++i) fs[i](a...);
}

} // namespace

Window::Window(const WindowConfig& config) { create(config); }

Window::Window(const Options& options, int width, int height, std::string title) {
    create(with_options(options, width, height, std::move(title)));
}

Window::~Window() = default;

void Window::create(const WindowConfig& config) {
    if (config.width <= 0 || config.height <= 0) {
        throw ValueError("Window: size " + std::to_string(config.width) + "x" + std::to_string(config.height) + " is not positive");
    }
    config_ = config;
    Backend kind = config.backend;
    if (kind == Backend::Auto) kind = detail::glfw_available(nullptr) ? Backend::Glfw : Backend::Offscreen;
    backend_ = kind == Backend::Glfw   ? detail::make_glfw(config, *this)
               : kind == Backend::Host ? detail::make_host(config)
                                       : detail::make_offscreen(config);
    backend_kind_ = kind;
    width_ = config.width;
    height_ = config.height;
    visible_ = config.visible;
    fullscreen_ = config.fullscreen;
    // Glfw opened it on the primary monitor already, at the monitor's size.
    if (kind == Backend::Glfw && config.fullscreen) std::tie(width_, height_) = backend_->framebuffer_size();
    apply_glumpy_state();
    // glumpy's defaults: Escape (and Ctrl+Q) closes, F10 saves a screenshot.
    on_key_press([this](Key k, unsigned mods) {
        if (k == Key::Escape || (k == key('q') && (mods & Control))) close();
        if (k == Key::F10) save_screenshot(config_.title + ".png");
    });
}

const gloo::Context& Window::context() const { return backend_->context(); }
void* Window::native_handle() const noexcept { return backend_->native_handle(); }

// The state glumpy's app.run sets on every window before on_init (the list, and why
// point sprites need no call, is in Window.hpp). Pixel-store alignments are the
// context's own (gloo::Context sets them to 1 for every context).
void Window::apply_glumpy_state() {
    backend_->context().make_current();
    backend_->bind_framebuffer();
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_PROGRAM_POINT_SIZE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    const auto& c = config_.clear_color;
    glClearColor(c.r, c.g, c.b, c.a);
    glViewport(0, 0, width_, height_);
}

void Window::set_title(const std::string& title) {
    backend_->set_title(title);
    config_.title = title;
}

void Window::activate() {
    backend_->context().make_current();
    backend_->bind_framebuffer();
    glViewport(0, 0, width_, height_);
}

void Window::clear() {
    const auto& c = config_.clear_color;
    glClearColor(c.r, c.g, c.b, c.a);
    GLbitfield bits = GL_COLOR_BUFFER_BIT;
    if (config_.depth_bits > 0) bits |= GL_DEPTH_BUFFER_BIT;
    if (config_.stencil_bits > 0) bits |= GL_STENCIL_BUFFER_BIT;
    glClear(bits);
}

void Window::swap() {
    backend_->context().make_current();
    backend_->swap();
}

void Window::poll_events() { backend_->poll(*this); }

void Window::set_size(int width, int height) {
    if (width <= 0 || height <= 0) {
        throw ValueError("Window::set_size: size " + std::to_string(width) + "x" + std::to_string(height) + " is not positive");
    }
    // Offscreen: the new size is the framebuffer's at once. Glfw: the backend waits for the
    // window system, whose framebuffer-size event dispatches on_resize; if none came
    // (the size was already that, or the window manager kept another), the size the
    // framebuffer has is dispatched here so that on_resize always runs.
    const std::size_t before = resizes_;
    const auto [w, h] = backend_->resize(width, height);
    if (resizes_ == before || w != width_ || h != height_) dispatch_resize(w, h);
}

void Window::set_position(int x, int y) {
    if (backend_->has_screen()) {
        backend_->set_position(x, y); // position() asks the window system where it went
    } else {
        x_ = x;
        y_ = y;
    }
}

std::pair<int, int> Window::position() const { return backend_->has_screen() ? backend_->position() : std::pair{x_, y_}; }

void Window::set_fullscreen(bool fullscreen, int screen) {
    if (backend_->has_screen()) {
        const int screens = backend_->screens();
        if (screen < 0 || screen >= screens) {
            throw IndexError("Window::set_fullscreen: screen " + std::to_string(screen) + " does not exist (" +
                             std::to_string(screens) + " monitor" + (screens == 1 ? "" : "s") + ")");
        }
        // Nothing changes: no GLFW call, no wait, no on_resize.
        if (fullscreen == fullscreen_ && (!fullscreen || screen == screen_)) return;
        const std::size_t before = resizes_;
        const auto [w, h] = backend_->set_fullscreen(fullscreen, screen);
        fullscreen_ = fullscreen;
        screen_ = screen;
        if (resizes_ == before || w != width_ || h != height_) dispatch_resize(w, h);
    } else {
        if (screen != 0) {
            throw IndexError("Window::set_fullscreen: screen " + std::to_string(screen) + " does not exist (a " +
                             to_string(backend_kind_) + " window has only screen 0)");
        }
        fullscreen_ = fullscreen;
    }
}

void Window::show() {
    backend_->set_visible(true);
    visible_ = true;
    dispatch_show();
}

void Window::hide() {
    backend_->set_visible(false);
    visible_ = false;
    dispatch_hide();
}

Array Window::read_pixels() {
    backend_->context().make_current();
    backend_->bind_for_reading();
    std::vector<unsigned char> bottom_up(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    backend_->bind_framebuffer();
    Array image = Array::zeros<std::uint8_t>({static_cast<std::size_t>(height_), static_cast<std::size_t>(width_), 4});
    const std::size_t row = static_cast<std::size_t>(width_) * 4;
    auto scope = image.write();
    for (int y = 0; y < height_; ++y) { // GL's first row is the bottom one
        std::memcpy(scope.data() + static_cast<std::size_t>(y) * row,
                    bottom_up.data() + static_cast<std::size_t>(height_ - 1 - y) * row, row);
    }
    return image;
}

void Window::save_screenshot(const std::filesystem::path& png) { save_png(read_pixels(), png); }

// --- dispatch --------------------------------------------------------------------------

void Window::dispatch_init() {
    call_all(init_);
}
void Window::dispatch_draw(double dt) {
    call_all(draw_, dt);
}
void Window::dispatch_resize(int width, int height) {
    ++resizes_;
    width_ = width;
    height_ = height;
    // glumpy's default on_resize: the viewport follows at once (not only at the next
    // activate()), when it is this window's context that is current.
    if (backend_->context().is_current()) glViewport(0, 0, width, height);
    call_all(resize_, width, height);
}
void Window::dispatch_key_press(Key key, unsigned modifiers) {
    call_all(key_press_, key, modifiers);
}
void Window::dispatch_key_release(Key key, unsigned modifiers) {
    call_all(key_release_, key, modifiers);
}
void Window::dispatch_character(char32_t c) {
    call_all(character_, c);
}
void Window::dispatch_mouse_press(double x, double y, MouseButton button) {
    buttons_ |= static_cast<unsigned>(button);
    mouse_x_ = x;
    mouse_y_ = y;
    call_all(mouse_press_, x, y, button);
}
void Window::dispatch_mouse_release(double x, double y, MouseButton button) {
    buttons_ &= ~static_cast<unsigned>(button);
    mouse_x_ = x;
    mouse_y_ = y;
    call_all(mouse_release_, x, y, button);
}
void Window::dispatch_mouse_motion(double x, double y) {
    const double dx = x - mouse_x_, dy = y - mouse_y_;
    mouse_x_ = x;
    mouse_y_ = y;
    call_all(mouse_motion_, x, y, dx, dy);
    if (buttons_) {
        call_all(mouse_drag_, x, y, dx, dy, buttons_);
    }
}
void Window::dispatch_mouse_scroll(double x, double y, double dx, double dy) {
    call_all(mouse_scroll_, x, y, dx, dy);
}
void Window::dispatch_close() {
    if (should_close_) return;
    should_close_ = true;
    call_all(close_);
}

void Window::dispatch_idle(double dt) {
    call_all(idle_, dt);
}
void Window::dispatch_show() {
    call_all(show_);
}
void Window::dispatch_hide() {
    call_all(hide_);
}
void Window::dispatch_enter() {
    call_all(enter_);
}
void Window::dispatch_leave() {
    call_all(leave_);
}

void Window::close() { dispatch_close(); }

} // namespace glumpp::app
