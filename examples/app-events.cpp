// app-events: glumpy's examples/app-events.py, ported: every event printed as glumpy
// prints it, a timer every second, run at 10 frames per second (app.run(framerate=10)).
//
// Key symbols and modifiers are printed as glumpy's numbers (glumpy/app/window/key.py:
// printable keys as their ASCII code, ESCAPE 0xff1b..., MOD_SHIFT 1, MOD_CTRL 2, MOD_ALT
// 4, MOD_COMMAND 64), mouse buttons as glumpy's (LEFT 2, MIDDLE 4, RIGHT 8), so that the
// output reads the same as glumpy's for the same input.
#include <glumpp/app.hpp>

#include <cstdio>

using namespace glumpp;

namespace {

int glumpy_symbol(app::Key k) {
    using app::Key;
    const int v = static_cast<int>(k);
    if (v >= 32 && v <= 96) return v; // glumpy passes GLFW's printable codes through
    switch (k) {
    case Key::Escape: return 0xff1b;
    case Key::Enter: return 0xff0d;
    case Key::Tab: return 0xff09;
    case Key::Backspace: return 0xff08;
    case Key::Insert: return 0xff63;
    case Key::Delete: return 0xffff;
    case Key::Right: return 0xff53;
    case Key::Left: return 0xff51;
    case Key::Down: return 0xff54;
    case Key::Up: return 0xff52;
    case Key::PageUp: return 0xff55;
    case Key::PageDown: return 0xff56;
    case Key::Home: return 0xff50;
    case Key::End: return 0xff57;
    case Key::LeftShift: return 0xffe1;
    case Key::RightShift: return 0xffe2;
    default:
        if (k >= Key::F1 && k <= Key::F12) return 0xffbe + (v - static_cast<int>(Key::F1));
        return -1; // glumpy's UNKNOWN
    }
}

unsigned glumpy_modifiers(unsigned m) {
    return (m & app::Shift ? 1u : 0u) | (m & app::Control ? 2u : 0u) | (m & app::Alt ? 4u : 0u) | (m & app::Super ? 64u : 0u);
}

int glumpy_button(unsigned b) {
    // glumpy's mouse.LEFT, MIDDLE, RIGHT; a drag passes the buttons held.
    return (b & unsigned(app::MouseButton::Left) ? 2 : 0) | (b & unsigned(app::MouseButton::Middle) ? 4 : 0) |
           (b & unsigned(app::MouseButton::Right) ? 8 : 0);
}

std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) {
        s += char(c);
    } else if (c < 0x800) {
        s += char(0xc0 | (c >> 6));
        s += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        s += char(0xe0 | (c >> 12));
        s += char(0x80 | ((c >> 6) & 0x3f));
        s += char(0x80 | (c & 0x3f));
    } else {
        s += char(0xf0 | (c >> 18));
        s += char(0x80 | ((c >> 12) & 0x3f));
        s += char(0x80 | ((c >> 6) & 0x3f));
        s += char(0x80 | (c & 0x3f));
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-events: every event, printed");
    app::Window window(options, 512, 512, "app-events");

    window.on_init([] { std::printf("Initialization\n"); });
    window.on_draw([&](double) { window.clear(); });
    window.on_resize([](int width, int height) {
        std::printf("Window resized (width=%.1f, height=%.1f)\n", double(width), double(height));
    });
    // @window.timer(1.0)
    app::clock().schedule_interval([](double elapsed) { std::printf("Timed event (%.2f second(s) elapsed)\n", elapsed); }, 1.0);
    window.on_key_press([](app::Key k, unsigned m) {
        std::printf("Key pressed (symbol=%d, modifiers=%u)\n", glumpy_symbol(k), glumpy_modifiers(m));
    });
    window.on_character([](char32_t c) { std::printf("Character entered (chracter: %s)\n", utf8(c).c_str()); });
    window.on_key_release([](app::Key k, unsigned m) {
        std::printf("Key released (symbol=%d, modifiers=%u)\n", glumpy_symbol(k), glumpy_modifiers(m));
    });
    window.on_mouse_press([](double x, double y, app::MouseButton b) {
        std::printf("Mouse button pressed (x=%.1f, y=%.1f, button=%d)\n", x, y, glumpy_button(unsigned(b)));
    });
    window.on_mouse_release([](double x, double y, app::MouseButton b) {
        std::printf("Mouse button released (x=%.1f, y=%.1f, button=%d)\n", x, y, glumpy_button(unsigned(b)));
    });
    window.on_mouse_motion([](double x, double y, double dx, double dy) {
        std::printf("Mouse motion (x=%.1f, y=%.1f, dx=%.1f, dy=%.1f)\n", x, y, dx, dy);
    });
    window.on_mouse_drag([](double x, double y, double dx, double dy, unsigned buttons) {
        std::printf("Mouse drag (x=%.1f, y=%.1f, dx=%.1f, dy=%.1f, button=%d)\n", x, y, dx, dy, glumpy_button(buttons));
    });
    window.on_mouse_scroll([](double x, double y, double dx, double dy) {
        std::printf("Mouse scroll (x=%.1f, y=%.1f, dx=%.1f, dy=%.1f)\n", x, y, dx, dy);
    });

    if (!options.framerate) options.framerate = 10.0;
    return app::run(window, options);
}
