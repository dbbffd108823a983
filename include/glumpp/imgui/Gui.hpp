#pragma once
// Gui: Dear ImGui's widgets over glumpp's scene, in one app::Window.
//
//   app::Window window(options, 1024, 1024, "imgui");
//   imgui::Gui gui(window);                       // ImGui context, GLFW + OpenGL 3 backends
//   window.on_draw([&](double) {
//       gui.new_frame();
//       ImGui::SliderFloat("zoom", &zoom, 15, 90);   // plain ImGui calls
//       window.clear();
//       program.draw(gloo::Primitive::Triangles);    // glumpp's scene
//       gui.render();                                // the widgets, over it
//   });
//
// Built only where Debian's libimgui-dev (Dear ImGui 1.86, with its backends compiled into
// libimgui.a) is installed; link the CMake target glumpp::imgui, which brings it.
//
// Input goes to ImGui first. The Gui puts its own GLFW callbacks in front of glumpp's
// (key, character, mouse button, scroll, cursor position; cursor enter goes to ImGui, then
// always to glumpp's on_enter/on_leave; focus to ImGui only): each event is handed to ImGui's GLFW backend, then to glumpp's handlers
// (on_mouse_press, on_key_press, PanZoom, ...) only when ImGui does not want it:
// io.WantCaptureMouse for mouse events, io.WantCaptureKeyboard for keys and characters,
// as ImGui's FAQ asks. Those flags are the ones ImGui computed in the last frame, from
// where the mouse was then: a press over a widget stays ImGui's until it is released.
// A mouse release whose press glumpp's handlers got always reaches them, and so does the
// motion of a drag they started, so a drag that ends over a widget still ends; key
// releases always reach them (a key pressed before a text field took the keyboard). Exceptions from glumpp's handlers travel as without a Gui
// (they come out of poll_events(), and out of app::run as its error).
//
// Offscreen windows have no input device: there ImGui draws (display size = the window's,
// time from a steady clock) and gets input only through ImGui::GetIO(), as in tests.
//
// GL: the OpenGL 3 backend ("#version 330 core") saves and restores the state it changes
// in render() (program, texture, VAO, buffers, blending, culling, depth, scissor,
// viewport, polygon mode), so glumpp's and glumpy's state survives a frame. Its font
// texture and shaders are made in the constructor, in the window's context.
//
// A program with its own GLFW window and its own ImGui set-up needs no Gui: it calls
// gloo::Context::adopt_current() once and draws glumpp's objects between ImGui::NewFrame
// and ImGui_ImplOpenGL3_RenderDrawData, routing input as above itself.
//
// One Gui per process: ImGui 1.86's GLFW backend serves one window (a second Gui is a
// ContextError). The Gui must die before its window.

#include <glumpp/app/Window.hpp>

#include <chrono>

struct ImGuiContext;

namespace glumpp::imgui {

class Gui {
public:
    /// ImGui::CreateContext, the dark style, ImGui_ImplGlfw_InitForOpenGL (callbacks as
    /// above) and ImGui_ImplOpenGL3_Init, with the window's context current. No .ini file
    /// is written (io.IniFilename = nullptr): the layout is the program's, every run.
    explicit Gui(app::Window& window);
    ~Gui();
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;

    /// Starts an ImGui frame: ImGui_ImplOpenGL3_NewFrame, ImGui_ImplGlfw_NewFrame (mouse
    /// position, buttons, display size, time), ImGui::NewFrame. Widgets may be declared
    /// until render(). A frame that never reached render() (an exception from glumpp or
    /// the program left it, perhaps between Begin and End) is closed and dropped first
    /// (ImGui::ErrorCheckEndFrameRecover, then EndFrame): an error inside an ImGui frame
    /// reaches the host as the exception, and the next frame draws normally.
    void new_frame();
    /// ImGui::Render, then ImGui_ImplOpenGL3_RenderDrawData into the bound framebuffer
    /// (the window's, in on_draw). ContextError when no frame was started.
    void render();

    /// io.WantCaptureMouse / io.WantCaptureKeyboard, as of the last frame.
    bool wants_mouse() const;
    bool wants_keyboard() const;
    ImGuiContext* context() const noexcept { return context_; }
    app::Window& window() const noexcept { return window_; }

private:
    app::Window& window_;
    ImGuiContext* context_ = nullptr;
    bool glfw_ = false;
    bool in_frame_ = false;
    std::chrono::steady_clock::time_point last_;
};

} // namespace glumpp::imgui
