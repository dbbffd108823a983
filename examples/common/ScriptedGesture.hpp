#pragma once
// The ports' `pan-zoom` argument (gloo-cartesian-grid, gloo-hexagonal-grid, heatmap): a
// scripted pan and zoom, so that what the mouse does shows offscreen and in tests. glumpy
// is given the same events by tests/tools/glumpy_float_grid.py `pan-zoom`, and its
// screenshots are the golden images.
//
//   auto pan_zoom = examples::pan_zoom_argument(options, "heatmap");
//   if (!pan_zoom) return 2;
//   app::Window window(options, 1024, 1024, "heatmap");
//   if (*pan_zoom) examples::script_pan_zoom(window); // before the example's on_draw
//
// The gesture: the pointer moves to (200, 300) and the left button is pressed there; then
// before frame k (from 0) is drawn, one scroll notch up at (320, 180) (on_mouse_scroll(320,
// 180, 0, 1)) and a motion to (203 + 3k, 302 + 2k), a drag of (3, 2) pixels. It goes
// through the window's dispatch_* calls, so every handler the example (or an attached
// transform) registered sees it as it would see the mouse.
#include <glumpp/app.hpp>

#include <cstdio>
#include <optional>

namespace glumpp::examples {

/// The ports' only argument: true for `pan-zoom`, false for none. Anything else is
/// reported on stderr as a bad option is ("NAME: unknown argument 'X' (pan-zoom, or
/// nothing)") and gives nullopt: the caller exits with 2.
inline std::optional<bool> pan_zoom_argument(const app::Options& options, const char* name) {
    bool pan_zoom = false;
    for (const auto& a : options.args) {
        if (a != "pan-zoom") {
            std::fprintf(stderr, "%s: unknown argument '%s' (pan-zoom, or nothing)\n", name, a.c_str());
            return std::nullopt;
        }
        pan_zoom = true;
    }
    return pan_zoom;
}

/// Presses the button and registers the gesture's on_draw handler (see above): call it
/// before registering the example's own on_draw, so that each frame's events come first.
inline void script_pan_zoom(app::Window& window) {
    window.dispatch_mouse_motion(200, 300);
    window.dispatch_mouse_press(200, 300, app::MouseButton::Left);
    window.on_draw([&window, k = 0](double) mutable {
        window.dispatch_mouse_scroll(320, 180, 0, 1);
        window.dispatch_mouse_motion(203 + 3 * k, 302 + 2 * k);
        ++k;
    });
}

} // namespace glumpp::examples
