#pragma once
// Viewport: glumpy's app.Viewport, a rectangular area of a window, with children, events
// routed to the viewport under the pointer, and drawing clipped to each viewport.
//
//   app::Viewport root;                                   // the whole window, once attached
//   app::Viewport& left  = root.add({0.5, 1.0}, {0, 0});    // the left half
//   app::Viewport& right = root.add({0.5, 1.0}, {0.5, 0});  // the right half
//   left.on_draw([&](double) { window.clear(); scene.draw(); });   // clipped to the left half
//   right.on_mouse_drag([&](double x, double y, double dx, double dy, unsigned) { ... });
//   root.attach(window);
//
// Sizes, positions and anchors are relative to the parent, as in glumpy, each component
// read by its value (glumpy's rules, ported literally, including where its bounds differ):
//   size       v <= -1: parent - |v| pixels;  -1 < v < 0: parent * (1 - |v|);
//              0 <= v <= 1: parent * v;       v > 1: v pixels
//   position   v <= -1: parent - |v|;  -1 < v < 0: parent * (1 - |v|);  0 <= v < 1:
//              parent * v;  v >= 1: v pixels  (from the parent's bottom-left corner)
//   anchor     the point of the viewport put at its position, the same rules over the
//              viewport's own size (0, 0: its bottom-left corner; 0.5, 0.5: its centre)
// Each of these is rounded to whole pixels as Python's round() does (half to even).
// `aspect` fixes height = aspect * width (glumpy's code: its docstring says width/height,
// which only aspect 1 makes the same); a relative size that would then be taller than
// the parent shrinks to the parent's height. A root viewport with an aspect is centred in
// the window. Extents are the ones glumpy computes (glumpy's _compute_viewport, which the
// tests compare with on random trees): GL window pixels, origin at the bottom left.
//
// Drawing (a decision: glumpy computes viewports and scissors but leaves the GL calls to
// its Viewport transform; the calls in its lock() are commented out): on_draw runs over
// the tree in glumpy's order (the viewport, then each child and its subtree in turn),
// each viewport's handlers with glViewport(extents) and GL_SCISSOR_TEST enabled with
// glScissor(scissor), so a window.clear() or a draw in a viewport's handler stays in
// it. scissor() is the viewport clipped by its parent's scissor (glumpy's scissor has an
// off-by-one that its lock() corrected with +1 on the way out; ours is the exact
// intersection). After the tree, the scissor test is disabled and the viewport is the
// whole window again. Extents with fractions (an aspect's division) are rounded for GL.
//
// Events (attach() registers the root's handlers on the window; tests may call the
// dispatch_* functions instead). Positions reach handlers in the viewport's own pixels:
// origin at its top-left corner, y down, as a window's (a decision: glumpy subtracts the
// viewport's bottom-up position from the top-down pointer, which is right only for a
// viewport at the bottom of the window... or the root).
//   on_mouse_motion   every viewport the pointer is in, the root first, then down the
//                     tree; a child the pointer enters gets on_enter first, one it leaves
//                     gets on_leave, as in glumpy (its descendants the pointer was in get
//                     theirs first: a decision, glumpy only marks them inactive)
//   on_mouse_press    the root, and every viewport under the pointer (down the tree);
//                     those are the pressed set, as glumpy's active viewports
//   on_mouse_drag, on_mouse_release   the root and the pressed set, even outside them
//                     (as glumpy: a drag that leaves its viewport keeps going to it); the
//                     release empties the set
//   on_mouse_scroll   the root and every viewport under the pointer (a decision: glumpy
//                     sends scrolls to the last pressed set)
//   on_key_press, on_key_release, on_character   the root and every viewport the pointer
//                     was in at its last motion (keys have no position; glumpy sends
//                     them to no child)
//   on_enter, on_leave   a child's, as above; the root's when the pointer enters or
//                     leaves the window (attach() forwards the window's)
//   on_resize         every viewport, with its own size, after the tree is recomputed
// A viewport is under the pointer when x in [x, x + width) and y in [y, y + height) of its
// extents (glumpy's __contains__, the pointer's y flipped by the root's height).
//
// Handlers may add() children and register handlers while a dispatch runs (each dispatch
// runs the handlers and children there were when it reached that viewport; the new ones
// from the next dispatch on). An exception from a handler leaves the dispatch at once;
// dispatch_draw still disables the scissor test and restores the whole-window viewport.

#include <glumpp/app/Event.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::app {

class Window;

class Viewport {
public:
    /// A rectangle in GL window pixels: origin at the bottom left.
    struct Rect {
        double x = 0, y = 0, width = 0, height = 0;
        bool operator==(const Rect&) const = default;
    };

    /// The largest magnitude a size, position or anchor component may have, and the
    /// largest aspect (its inverse the smallest): 2^24, more pixels than any GL
    /// implementation's viewport, so that extents stay far inside an int.
    static constexpr double max_request = 16777216.0;

    /// glumpy's Viewport(size=(800,600), position=(0,0), anchor=(0,0), aspect=None). A
    /// root's size is the window's once attached (or dispatch_resize'd); its position and
    /// anchor are not used (as in glumpy). ValueError naming the values for a component
    /// that is not finite or exceeds max_request ("Viewport: size (nan, 1) must be
    /// finite"), and for an aspect that is not in [1 / max_request, max_request]
    /// (glumpy accepts anything; NaN or 1e300 would reach int conversions).
    explicit Viewport(glm::dvec2 size = {800, 600}, glm::dvec2 position = {0, 0}, glm::dvec2 anchor = {0, 0},
                      std::optional<double> aspect = std::nullopt);
    Viewport(const Viewport&) = delete;
    Viewport& operator=(const Viewport&) = delete;
    ~Viewport();

    /// A new child (owned by this viewport; the reference stays valid as long as it does),
    /// laid out at once. ValueError as the constructor's, named "Viewport::add" (nothing
    /// is added). A handler may add() during a dispatch: the new child gets events from
    /// the next dispatch on.
    Viewport& add(glm::dvec2 size, glm::dvec2 position = {0, 0}, glm::dvec2 anchor = {0, 0},
                  std::optional<double> aspect = std::nullopt);
    /// The i-th child (glumpy's viewport[i]); IndexError past the end.
    Viewport& operator[](std::size_t i) const;
    std::size_t children() const noexcept { return children_.size(); }
    Viewport* parent() const noexcept { return parent_; }
    Viewport& root() noexcept { return parent_ ? parent_->root() : *this; }

    /// Where the viewport is (glViewport) and what it may draw into (glScissor).
    Rect extents() const noexcept { return viewport_; }
    Rect scissor() const noexcept { return scissor_; }
    /// glumpy's size and position setters: a new request, the whole tree laid out again.
    /// ValueError as the constructor's (nothing changes).
    void set_size(glm::dvec2 size);
    void set_position(glm::dvec2 position);
    /// Whether the pointer is in this viewport (as of the last motion).
    bool active() const noexcept { return active_; }
    /// Whether window pixel (x, y) (origin top left, y down) is in the viewport.
    bool contains(double x, double y) const;
    /// glumpy's str(viewport): one line per viewport, "WxH+X+Y", the children indented
    /// under their parent with tree branches.
    std::string str() const;

    /// Makes this root viewport follow `window`: on_resize, on_draw and the mouse, key and
    /// character events of the window are dispatched to the tree (the window's own
    /// handlers still run: register the scene in the viewports' handlers instead). The
    /// window's current size lays the tree out at once. The viewport must outlive the
    /// window's use of it. ValueError for a viewport that has a parent.
    void attach(Window& window);

    // --- handlers, in the viewport's own pixels (see above) ---------------------------
    void on_draw(std::function<void(double dt)> f) { draw_.push_back(std::move(f)); }
    void on_resize(std::function<void(int width, int height)> f) { resize_.push_back(std::move(f)); }
    void on_enter(std::function<void()> f) { enter_.push_back(std::move(f)); }
    void on_leave(std::function<void()> f) { leave_.push_back(std::move(f)); }
    void on_mouse_press(std::function<void(double x, double y, MouseButton)> f) { press_.push_back(std::move(f)); }
    void on_mouse_release(std::function<void(double x, double y, MouseButton)> f) { release_.push_back(std::move(f)); }
    void on_mouse_motion(std::function<void(double x, double y, double dx, double dy)> f) { motion_.push_back(std::move(f)); }
    void on_mouse_drag(std::function<void(double x, double y, double dx, double dy, unsigned buttons)> f) {
        drag_.push_back(std::move(f));
    }
    void on_mouse_scroll(std::function<void(double x, double y, double dx, double dy)> f) { scroll_.push_back(std::move(f)); }
    void on_key_press(std::function<void(Key, unsigned modifiers)> f) { key_press_.push_back(std::move(f)); }
    void on_key_release(std::function<void(Key, unsigned modifiers)> f) { key_release_.push_back(std::move(f)); }
    void on_character(std::function<void(char32_t)> f) { character_.push_back(std::move(f)); }

    // --- dispatch, on a root, in window pixels (what attach() connects) ---------------
    /// The root's requested size becomes width x height; the tree is laid out again.
    void dispatch_resize(int width, int height);
    /// glViewport/glScissor per viewport, as above, with the GL context current; on the
    /// way out, normal or by exception, glDisable(GL_SCISSOR_TEST) and the window's
    /// glViewport.
    void dispatch_draw(double dt);
    void dispatch_mouse_press(double x, double y, MouseButton button);
    void dispatch_mouse_release(double x, double y, MouseButton button);
    void dispatch_mouse_motion(double x, double y, double dx, double dy);
    void dispatch_mouse_drag(double x, double y, double dx, double dy, unsigned buttons);
    void dispatch_mouse_scroll(double x, double y, double dx, double dy);
    void dispatch_key_press(Key key, unsigned modifiers = NoModifier);
    void dispatch_key_release(Key key, unsigned modifiers = NoModifier);
    void dispatch_character(char32_t c);

private:
    void compute();
    void resized();
    void draw(double dt);
    void motion(double x, double y, double dx, double dy);
    void press(double x, double y, MouseButton button, std::vector<Viewport*>& pressed);
    void leave();
    template <class F>
    void under(double x, double y, F&& f);
    double local_x(double x) const { return x - viewport_.x; }
    double local_y(double y) const;
    void lines(std::vector<std::string>& out) const;

    Viewport* parent_ = nullptr;
    std::vector<std::unique_ptr<Viewport>> children_;
    std::vector<Viewport*> pressed_; ///< root: the viewports the last press went to
    glm::dvec2 size_, position_, anchor_;
    std::optional<double> aspect_;
    Rect viewport_, scissor_;
    bool active_ = false;

    std::vector<std::function<void(double)>> draw_;
    std::vector<std::function<void(int, int)>> resize_;
    std::vector<std::function<void()>> enter_, leave_;
    std::vector<std::function<void(double, double, MouseButton)>> press_, release_;
    std::vector<std::function<void(double, double, double, double)>> motion_, scroll_;
    std::vector<std::function<void(double, double, double, double, unsigned)>> drag_;
    std::vector<std::function<void(Key, unsigned)>> key_press_, key_release_;
    std::vector<std::function<void(char32_t)>> character_;
};

} // namespace glumpp::app
