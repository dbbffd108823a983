#pragma once
// Keys, modifiers and mouse buttons, in glumpy's vocabulary. Backends translate their
// native codes into these; tests dispatch them directly (Window::dispatch_*).

#include <cstdint>
#include <string>

namespace glumpp::app {

/// Printable keys use their upper-case ASCII code ('A', '0', ' '); others have names.
enum class Key : int {
    Unknown = -1,
    Space = ' ',
    Zero = '0',
    A = 'A',
    Escape = 256,
    Enter,
    Tab,
    Backspace,
    Insert,
    Delete,
    Right,
    Left,
    Down,
    Up,
    PageUp,
    PageDown,
    Home,
    End,
    F1 = 290,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    /// The modifier keys themselves (glumpy's LSHIFT, RSHIFT...), for handlers that track
    /// a held modifier (glumpy's TrackballPan pans while shift is down).
    LeftShift = 340,
    LeftControl,
    LeftAlt,
    LeftSuper,
    RightShift,
    RightControl,
    RightAlt,
    RightSuper,
};

/// A key from its character ('q' and 'Q' give the same key).
constexpr Key key(char c) {
    return static_cast<Key>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
}

/// "Escape", "F10", "Q": for messages and logs.
std::string key_name(Key k);

enum Modifier : unsigned { NoModifier = 0, Shift = 1, Control = 2, Alt = 4, Super = 8 };

enum class MouseButton : unsigned { Left = 1, Right = 2, Middle = 4 };

} // namespace glumpp::app
