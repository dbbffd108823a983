#include <glumpp/app/Viewport.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/app/Window.hpp>

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace glumpp::app {

namespace {

// Python's round(): to the nearest integer, halves to even (nearbyint in the default
// rounding mode).
double py_round(double v) { return std::nearbyint(v); }

// glumpy's rules for a size component over the parent's extent (see Viewport.hpp).
double size_of(double v, double parent) {
    if (v <= -1.0) return std::max(parent + v, 0.0);
    if (v < 0.0) return std::max(parent + v * parent, 0.0);
    if (v <= 1.0) return v * parent;
    return v;
}
// ... and for an anchor over the viewport's own extent (note "< 1", not "<= 1").
double anchor_of(double v, double own) {
    if (v <= -1.0) return own + v;
    if (v < 0.0) return own + v * own;
    if (v < 1.0) return v * own;
    return v;
}
// ... and for a position over the parent's extent.
double position_of(double v, double parent) {
    if (v <= -1.0) return parent + v;
    if (v < 0.0) return parent + v * parent;
    if (v < 1.0) return v * parent;
    return v;
}

// Requests are bounded (check_request) but an aspect's product is not: extents go to GL
// and to handlers as ints through here, saturated, never an out-of-range conversion.
int to_int(double v) { return static_cast<int>(std::clamp(v, -2147483648.0, 2147483647.0)); }
int whole(double v) { return static_cast<int>(std::clamp(std::nearbyint(v), -2147483648.0, 2147483647.0)); }

std::string fmt_rect(const Viewport::Rect& r) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%dx%d%+d%+d", to_int(r.width), to_int(r.height), to_int(r.x), to_int(r.y));
    return buf;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Every component finite and at most max_request in magnitude (pixels, or a fraction).
void check_request(const char* who, const char* what, glm::dvec2 v) {
    const std::string values = std::string(who) + ": " + what + " (" + fmt(v.x) + ", " + fmt(v.y) + ")";
    if (!std::isfinite(v.x) || !std::isfinite(v.y)) throw ValueError(values + " must be finite");
    if (std::abs(v.x) > Viewport::max_request || std::abs(v.y) > Viewport::max_request) {
        throw ValueError(values + " is out of range (at most " + fmt(Viewport::max_request) + " in magnitude)");
    }
}

void check_aspect(const char* who, std::optional<double> aspect) {
    if (!aspect) return;
    if (!(*aspect > 0) || !std::isfinite(*aspect) || *aspect > Viewport::max_request ||
        *aspect < 1 / Viewport::max_request) {
        throw ValueError(std::string(who) + ": aspect " + fmt(*aspect) + " is not positive and finite (from " +
                         fmt(1 / Viewport::max_request) + " to " + fmt(Viewport::max_request) + ")");
    }
}

void check_all(const char* who, glm::dvec2 size, glm::dvec2 position, glm::dvec2 anchor, std::optional<double> aspect) {
    check_request(who, "size", size);
    check_request(who, "position", position);
    check_request(who, "anchor", anchor);
    check_aspect(who, aspect);
}

// Handlers run from a copy of their list, so one may register another (it runs from the
// next dispatch on) without invalidating the loop.
template <class Fs, class... A>
void call_all(const Fs& fs, A&&... a) {
    if (fs.empty()) return;
    const Fs copy = fs;
    for (auto& f : copy) f(a...);
}

} // namespace

Viewport::Viewport(glm::dvec2 size, glm::dvec2 position, glm::dvec2 anchor, std::optional<double> aspect)
    : size_(size), position_(position), anchor_(anchor), aspect_(aspect) {
    check_all("Viewport", size, position, anchor, aspect);
    compute();
}

Viewport::~Viewport() = default;

Viewport& Viewport::add(glm::dvec2 size, glm::dvec2 position, glm::dvec2 anchor, std::optional<double> aspect) {
    check_all("Viewport::add", size, position, anchor, aspect);
    auto child = std::make_unique<Viewport>(size, position, anchor, aspect);
    child->parent_ = this;
    children_.push_back(std::move(child));
    children_.back()->compute();
    return *children_.back();
}

Viewport& Viewport::operator[](std::size_t i) const {
    if (i >= children_.size()) {
        throw IndexError("Viewport::operator[]: child " + std::to_string(i) + " of " + std::to_string(children_.size()));
    }
    return *children_[i];
}

void Viewport::set_size(glm::dvec2 size) {
    check_request("Viewport::set_size", "size", size);
    size_ = size;
    root().compute();
}

void Viewport::set_position(glm::dvec2 position) {
    check_request("Viewport::set_position", "position", position);
    position_ = position;
    root().compute();
}

// glumpy's Viewport._compute_viewport, literally (the comments say where it is odd).
void Viewport::compute() {
    if (!parent_) {
        double w = size_.x, h = size_.y;
        if (aspect_) {
            h = w * *aspect_;
            if (h > size_.y) {
                h = size_.y;
                w = h / *aspect_;
            }
        }
        viewport_ = scissor_ = {(size_.x - w) / 2, (size_.y - h) / 2, w, h};
    } else {
        const Rect& p = parent_->viewport_;
        double vw = py_round(size_of(size_.x, p.width));
        double vh = 0;
        if (aspect_) {
            vh = *aspect_ * vw;
            if (vh > p.height && -1 < size_.x && size_.x <= 1) { // a relative width only
                vh = p.height;
                vw = vh / *aspect_; // not rounded again, as in glumpy
            }
        } else {
            vh = size_of(size_.y, p.height);
        }
        vh = py_round(vh);
        const double ax = py_round(anchor_of(anchor_.x, vw));
        const double vx = py_round(position_of(position_.x, p.width)) + p.x - ax;
        const double ay = py_round(anchor_of(anchor_.y, vh));
        const double vy = py_round(position_of(position_.y, p.height)) + p.y - ay;
        viewport_ = {vx, vy, vw, vh};
        // The exact intersection with the parent's scissor (see the header).
        const Rect& s = parent_->scissor_;
        const double x0 = std::max(vx, s.x), y0 = std::max(vy, s.y);
        const double x1 = std::min(vx + vw, s.x + s.width), y1 = std::min(vy + vh, s.y + s.height);
        scissor_ = {x0, y0, std::max(x1 - x0, 0.0), std::max(y1 - y0, 0.0)};
    }
    for (auto& c : children_) c->compute();
}

bool Viewport::contains(double x, double y) const {
    const Viewport* r = this;
    while (r->parent_) r = r->parent_;
    const double gy = r->viewport_.height - y; // the pointer is upside down (glumpy's note)
    return viewport_.x <= x && x < viewport_.x + viewport_.width && viewport_.y <= gy && gy < viewport_.y + viewport_.height;
}

double Viewport::local_y(double y) const {
    const Viewport* r = this;
    while (r->parent_) r = r->parent_;
    return y - (r->viewport_.height - viewport_.y - viewport_.height);
}

void Viewport::lines(std::vector<std::string>& out) const {
    out.push_back(fmt_rect(viewport_));
    for (std::size_t i = 0; i < children_.size(); ++i) {
        const bool last = i + 1 == children_.size();
        std::vector<std::string> sub;
        children_[i]->lines(sub);
        for (std::size_t k = 0; k < sub.size(); ++k) {
            out.push_back((k == 0 ? (last ? "└── " : "├── ") : (last ? "    " : "│   ")) + sub[k]);
        }
    }
}

std::string Viewport::str() const {
    std::vector<std::string> out;
    lines(out);
    std::string s;
    for (auto& l : out) s += l + "\n";
    return s;
}

void Viewport::attach(Window& window) {
    if (parent_) throw ValueError("Viewport::attach: only a root viewport attaches to a window (this one has a parent)");
    window.on_resize([this](int w, int h) { dispatch_resize(w, h); });
    window.on_draw([this](double dt) { dispatch_draw(dt); });
    window.on_mouse_press([this](double x, double y, MouseButton b) { dispatch_mouse_press(x, y, b); });
    window.on_mouse_release([this](double x, double y, MouseButton b) { dispatch_mouse_release(x, y, b); });
    window.on_mouse_motion([this](double x, double y, double dx, double dy) { dispatch_mouse_motion(x, y, dx, dy); });
    window.on_mouse_drag([this](double x, double y, double dx, double dy, unsigned b) { dispatch_mouse_drag(x, y, dx, dy, b); });
    window.on_mouse_scroll([this](double x, double y, double dx, double dy) { dispatch_mouse_scroll(x, y, dx, dy); });
    window.on_key_press([this](Key k, unsigned m) { dispatch_key_press(k, m); });
    window.on_key_release([this](Key k, unsigned m) { dispatch_key_release(k, m); });
    window.on_character([this](char32_t c) { dispatch_character(c); });
    window.on_enter([this] {
        active_ = true;
        call_all(enter_);
    });
    window.on_leave([this] { leave(); });
    dispatch_resize(window.width(), window.height());
}

void Viewport::dispatch_resize(int width, int height) {
    size_ = {double(width), double(height)};
    compute();
    resized();
}

void Viewport::resized() {
    call_all(resize_, to_int(viewport_.width), to_int(viewport_.height));
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) children_[i]->resized();
}

void Viewport::dispatch_draw(double dt) {
    // Restored however draw() ends: a handler's exception must not leave the scissor test
    // on and a child's viewport set for whatever draws next.
    struct Restore {
        int width, height;
        ~Restore() {
            glDisable(GL_SCISSOR_TEST);
            glViewport(0, 0, width, height);
        }
    } restore{to_int(size_.x), to_int(size_.y)};
    glEnable(GL_SCISSOR_TEST);
    draw(dt);
}

void Viewport::draw(double dt) {
    glViewport(whole(viewport_.x), whole(viewport_.y), whole(viewport_.width), whole(viewport_.height));
    glScissor(whole(scissor_.x), whole(scissor_.y), whole(scissor_.width), whole(scissor_.height));
    call_all(draw_, dt);
    // By index, up to the children there were: a handler may add() one (drawn from the
    // next frame on), which may move the vector's elements.
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) children_[i]->draw(dt);
}

template <class F>
void Viewport::under(double x, double y, F&& f) {
    f(*this);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->contains(x, y)) children_[i]->under(x, y, f);
    }
}

void Viewport::leave() {
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->active_) children_[i]->leave();
    }
    active_ = false;
    call_all(leave_);
}

void Viewport::motion(double x, double y, double dx, double dy) {
    call_all(motion_, local_x(x), local_y(y), dx, dy);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        Viewport& c = *children_[i];
        if (c.contains(x, y)) {
            if (!c.active_) {
                c.active_ = true;
                call_all(c.enter_);
            }
            c.motion(x, y, dx, dy);
        } else if (c.active_) {
            c.leave();
        }
    }
}

void Viewport::dispatch_mouse_motion(double x, double y, double dx, double dy) {
    active_ = contains(x, y);
    motion(x, y, dx, dy);
}

void Viewport::press(double x, double y, MouseButton button, std::vector<Viewport*>& pressed) {
    call_all(press_, local_x(x), local_y(y), button);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->contains(x, y)) {
            pressed.push_back(children_[i].get());
            children_[i]->press(x, y, button, pressed);
        }
    }
}

void Viewport::dispatch_mouse_press(double x, double y, MouseButton button) {
    // Built aside: a handler's own press (or release) dispatch must not see it half-made.
    std::vector<Viewport*> pressed;
    press(x, y, button, pressed);
    pressed_ = std::move(pressed);
}

void Viewport::dispatch_mouse_release(double x, double y, MouseButton button) {
    call_all(release_, local_x(x), local_y(y), button);
    const std::vector<Viewport*> pressed = std::move(pressed_);
    pressed_.clear();
    for (Viewport* v : pressed) call_all(v->release_, v->local_x(x), v->local_y(y), button);
}

void Viewport::dispatch_mouse_drag(double x, double y, double dx, double dy, unsigned buttons) {
    call_all(drag_, local_x(x), local_y(y), dx, dy, buttons);
    const std::vector<Viewport*> pressed = pressed_; // a handler may press or release
    for (Viewport* v : pressed) call_all(v->drag_, v->local_x(x), v->local_y(y), dx, dy, buttons);
}

void Viewport::dispatch_mouse_scroll(double x, double y, double dx, double dy) {
    under(x, y, [&](Viewport& v) { call_all(v.scroll_, v.local_x(x), v.local_y(y), dx, dy); });
}

void Viewport::dispatch_key_press(Key key, unsigned modifiers) {
    // Keys carry no position: the viewports under the pointer as of the last motion.
    call_all(key_press_, key, modifiers);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->active_) children_[i]->dispatch_key_press(key, modifiers);
    }
}

void Viewport::dispatch_key_release(Key key, unsigned modifiers) {
    call_all(key_release_, key, modifiers);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->active_) children_[i]->dispatch_key_release(key, modifiers);
    }
}

void Viewport::dispatch_character(char32_t ch) {
    call_all(character_, ch);
    for (std::size_t i = 0, n = children_.size(); i < n; ++i) {
        if (children_[i]->active_) children_[i]->dispatch_character(ch);
    }
}

} // namespace glumpp::app
