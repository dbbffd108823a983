#pragma once
// PanZoom: the 2-D view transform of collections, driven by the mouse.
//
//   graphics::PanZoom view({0, 0, 1000, 1000});   // this world rectangle fills the window
//   view.attach(window);                          // drag pans, scroll zooms, space resets
//   fills.set_transform(view);
//   strokes.set_transform(view);
//
// World coordinates (what collections store) become window pixels (origin at the top
// left, y down, as mouse events give them) through a scale and a translation:
//
//     pixel = world * scale + offset         (view() packs them as one vec4)
//
// with `scale` the same along x and y up to its sign (aspect is preserved: a circle stays
// round whatever the window's shape). The transform is the product of
//  - the fit: the world rectangle given to the constructor, scaled to fit the window and
//    centred (SVG's "xMidYMid meet"), recomputed when the window is resized; with no
//    rectangle, world units are window pixels. `y_up` flips y for data whose y axis
//    points up;
//  - the user's zoom and pan on top of it: zoom_at() scales about a window point (the
//    world point under it stays under it), pan() moves by pixels.
//
// attach(window) registers handlers on the window (they share this object's state, so
// the PanZoom may be copied or destroyed before the window). It is a template over the
// window type because the graphics layer does not use the app layer (they are siblings
// on gloo: docs/ARCHITECTURE.md), so that it works in any host: any window with
// app::Window's on_resize, on_mouse_drag, on_mouse_scroll and on_key_press works, and
// only the caller's code names app::Window.
//  - any mouse drag pans by the pointer's motion;
//  - each scroll notch zooms by 10% about the pointer (1.1 ^ notches: up zooms in);
//  - space resets to the fit;
//  - resizing refits.
// The zoom is clamped to [min_zoom, max_zoom] (glumpy's 0.01 and 1000 by default).
//
// How collections use it: a collection given a PanZoom (Collection::set_transform) sets
// its `u_view` uniform to view() at every draw; its shaders map world points to pixels
// with it, so stroke widths in world units grow with the zoom while antialiasing stays
// one pixel wide. Copies of a PanZoom share one state (handle semantics), so every
// collection holding a copy follows the same mouse.

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <memory>
#include <optional>

namespace glumpp::graphics {

/// An axis-aligned rectangle in world units.
struct Rect {
    double x = 0.0, y = 0.0, width = 0.0, height = 0.0;
    friend bool operator==(const Rect&, const Rect&) = default;
};

class PanZoom {
public:
    /// World units are window pixels (no fit), zoom 1.
    PanZoom();
    /// Shows `world` fitted in the window (see above). ValueError unless its width and
    /// height are positive and finite. With `stretch`, x and y are scaled apart so that the
    /// rectangle fills the window (matplotlib's aspect "auto", plot::Axes's default): the
    /// aspect is not kept, pixels_per_unit() is x's.
    explicit PanZoom(const Rect& world, bool y_up = false, bool stretch = false);

    /// Follows the window's size and mouse (see above); takes its current size now.
    template <class Window>
    void attach(Window& window);
    /// The window's size in pixels (attach() keeps it current); ValueError if not positive.
    void resize(int width, int height);

    /// Moves the view by `pixels` (window pixels, y down).
    void pan(glm::dvec2 pixels);
    /// Multiplies the zoom by `factor` about the window point `pixel`, clamped to the
    /// limits; ValueError unless factor is positive and finite.
    void zoom_at(glm::dvec2 pixel, double factor);
    /// Back to the fit: zoom 1, no pan.
    void reset();
    /// Clamps the zoom to [min, max] from now on; ValueError unless 0 < min <= max.
    void set_limits(double min_zoom, double max_zoom);

    double zoom() const;
    /// The user's pan in pixels (added after the fit and the zoom).
    glm::dvec2 pan_offset() const;

    /// world -> window pixels, and back.
    glm::dvec2 to_pixels(glm::dvec2 world) const;
    glm::dvec2 to_world(glm::dvec2 pixel) const;
    /// Window pixels per world unit (the scale's magnitude).
    double pixels_per_unit() const;
    /// (scale x, scale y, offset x, offset y): pixel = world * xy + zw. The `u_view`
    /// uniform of collections.
    glm::vec4 view() const;

    /// What attach() wires to the events, for windows of any kind (and for tests): a
    /// drag by (dx, dy) pixels, `notches` of scroll at `pixel`, the reset key.
    void drag(glm::dvec2 delta) { pan(delta); }
    void scroll(glm::dvec2 pixel, double notches);

private:
    struct State;
    std::shared_ptr<State> s_;
};

template <class Window>
void PanZoom::attach(Window& window) {
    resize(window.width(), window.height());
    // The handlers hold a copy (the shared state), not this object: the window may
    // outlive the PanZoom it was attached from.
    window.on_resize([view = *this](int width, int height) mutable {
        if (width > 0 && height > 0) view.resize(width, height);
    });
    window.on_mouse_drag([view = *this](double, double, double dx, double dy, unsigned) mutable { view.drag({dx, dy}); });
    window.on_mouse_scroll([view = *this](double x, double y, double, double dy) mutable { view.scroll({x, y}, dy); });
    window.on_key_press([view = *this](auto key, unsigned) mutable {
        if (key == decltype(key)::Space) view.reset();
    });
}

} // namespace glumpp::graphics
