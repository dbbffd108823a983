#pragma once
// Real X input for tests under Xvfb (test_app, test_imgui): the XTEST extension makes the
// X server itself move the pointer, press buttons and keys, so the events reach GLFW (or
// any toolkit) through the same path as a user's. Reached through the libraries the X
// server's clients already have (libX11, libXtst; their headers are not needed for a few
// calls). Each call is flushed to the server (XSync) before it returns.

#include <dlfcn.h>

namespace glumpp::test {

class XTest {
public:
    XTest() {
        x11_ = ::dlopen("libX11.so.6", RTLD_LAZY);
        xtst_ = ::dlopen("libXtst.so.6", RTLD_LAZY);
        if (!x11_ || !xtst_) return;
        auto open = reinterpret_cast<OpenDisplay>(::dlsym(x11_, "XOpenDisplay"));
        close_ = reinterpret_cast<CloseDisplay>(::dlsym(x11_, "XCloseDisplay"));
        sync_ = reinterpret_cast<Sync>(::dlsym(x11_, "XSync"));
        keycode_ = reinterpret_cast<KeysymToKeycode>(::dlsym(x11_, "XKeysymToKeycode"));
        motion_ = reinterpret_cast<FakeMotion>(::dlsym(xtst_, "XTestFakeMotionEvent"));
        button_ = reinterpret_cast<FakeButton>(::dlsym(xtst_, "XTestFakeButtonEvent"));
        key_ = reinterpret_cast<FakeKey>(::dlsym(xtst_, "XTestFakeKeyEvent"));
        if (open && close_ && sync_ && keycode_ && motion_ && button_ && key_) display_ = open(nullptr);
    }
    ~XTest() {
        if (display_) close_(display_);
    }
    XTest(const XTest&) = delete;
    XTest& operator=(const XTest&) = delete;
    bool ok() const { return display_ != nullptr; }
    /// The pointer to (x, y) in screen pixels.
    void move(int x, int y) {
        motion_(display_, -1, x, y, 0);
        sync_(display_, 0);
    }
    /// Button 1 (left) down or up.
    void press(bool down, unsigned button = 1) {
        button_(display_, button, down ? 1 : 0, 0);
        sync_(display_, 0);
    }
    /// The key of an X keysym ('a' is 0x61, Shift_L 0xffe1) down or up.
    void key(unsigned long keysym, bool down) {
        key_(display_, keycode_(display_, keysym), down ? 1 : 0, 0);
        sync_(display_, 0);
    }

private:
    using OpenDisplay = void* (*)(const char*);
    using CloseDisplay = int (*)(void*);
    using Sync = int (*)(void*, int);
    using KeysymToKeycode = unsigned char (*)(void*, unsigned long);
    using FakeMotion = int (*)(void*, int, int, int, unsigned long);
    using FakeButton = int (*)(void*, unsigned, int, unsigned long);
    using FakeKey = int (*)(void*, unsigned, int, unsigned long);
    void* x11_ = nullptr;
    void* xtst_ = nullptr;
    void* display_ = nullptr;
    CloseDisplay close_ = nullptr;
    Sync sync_ = nullptr;
    KeysymToKeycode keycode_ = nullptr;
    FakeMotion motion_ = nullptr;
    FakeButton button_ = nullptr;
    FakeKey key_ = nullptr;
};

} // namespace glumpp::test
