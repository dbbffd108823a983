#pragma once
// The ports' `drag` argument (transform-trackball, transform-trackballPan, collection-glyph,
// lorenz, polar-surface, dynamic-transform): a scripted drag, so that a moving camera shows
// offscreen and in the --stats budgets (a camera that moves sends its uniforms, no vertex
// data).
//
//   if (int rc = examples::script_drag(window, options, app::MouseButton::Left, "lorenz")) return rc;
//
// The gesture: `button` goes down at the window's centre before frame 0; before frame k > 0
// the pointer moves to centre + (8k, 4k). It goes through the window's dispatch_* calls,
// so an attached trackball sees it as it would see the mouse.
#include <glumpp/app.hpp>

#include <cstdio>

namespace glumpp::examples {

/// Registers the drag's on_draw handler when the only argument is `drag` (call it before
/// the example's own on_draw, so each frame's motion comes first, as a polled event).
/// Returns 0, or 2 after reporting another argument on stderr ("NAME: unknown argument
/// 'X' (drag, or nothing)"): the caller exits with it.
inline int script_drag(app::Window& window, const app::Options& options, app::MouseButton button, const char* name) {
    bool drag = false;
    for (const auto& a : options.args) {
        if (a != "drag") {
            std::fprintf(stderr, "%s: unknown argument '%s' (drag, or nothing)\n", name, a.c_str());
            return 2;
        }
        drag = true;
    }
    if (!drag) return 0;
    window.on_draw([&window, button, frame = 0](double) mutable {
        const double x = window.width() / 2.0 + 8 * frame, y = window.height() / 2.0 + 4 * frame;
        if (frame++ == 0) window.dispatch_mouse_press(x, y, button);
        else window.dispatch_mouse_motion(x, y);
    });
    return 0;
}

} // namespace glumpp::examples
