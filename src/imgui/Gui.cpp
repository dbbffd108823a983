#include <glumpp/Error.hpp>
#include <glumpp/imgui/Gui.hpp>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h> // ErrorCheckEndFrameRecover

namespace glumpp::imgui {

namespace {

// The one Gui (ImGui 1.86's GLFW backend keeps one window in globals) and glumpp's GLFW
// callbacks, which ours call for the events ImGui does not take.
Gui* active = nullptr;
GLFWkeyfun glumpp_key = nullptr;
GLFWcharfun glumpp_char = nullptr;
GLFWmousebuttonfun glumpp_button = nullptr;
GLFWscrollfun glumpp_scroll = nullptr;
GLFWcursorposfun glumpp_cursor = nullptr;
GLFWcursorenterfun previous_enter = nullptr;
GLFWwindowfocusfun previous_focus = nullptr;
unsigned glumpp_pressed = 0; // buttons whose press glumpp's handlers got

bool mouse_is_imguis() { return ImGui::GetIO().WantCaptureMouse; }
bool keyboard_is_imguis() { return ImGui::GetIO().WantCaptureKeyboard; }

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    // A release always passes: glumpp may have seen the press before ImGui took the keyboard.
    if (glumpp_key && (!keyboard_is_imguis() || action == GLFW_RELEASE)) glumpp_key(w, key, scancode, action, mods);
}
void on_char(GLFWwindow* w, unsigned c) {
    ImGui_ImplGlfw_CharCallback(w, c);
    if (glumpp_char && !keyboard_is_imguis()) glumpp_char(w, c);
}
void on_button(GLFWwindow* w, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    const unsigned bit = button >= 0 && button < 32 ? 1u << button : 0u;
    bool pass = false;
    if (action == GLFW_PRESS) {
        pass = !mouse_is_imguis();
        if (pass) glumpp_pressed |= bit;
    } else {
        pass = (glumpp_pressed & bit) != 0 || !mouse_is_imguis();
        glumpp_pressed &= ~bit;
    }
    if (glumpp_button && pass) glumpp_button(w, button, action, mods);
}
void on_scroll(GLFWwindow* w, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(w, dx, dy);
    if (glumpp_scroll && !mouse_is_imguis()) glumpp_scroll(w, dx, dy);
}
void on_cursor(GLFWwindow* w, double x, double y) {
    // ImGui 1.86 reads the cursor position itself in NewFrame; a drag glumpp started
    // continues even over a widget.
    if (glumpp_cursor && (glumpp_pressed != 0 || !mouse_is_imguis())) glumpp_cursor(w, x, y);
}
void on_enter(GLFWwindow* w, int entered) {
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    if (previous_enter) previous_enter(w, entered);
}
void on_focus(GLFWwindow* w, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    if (previous_focus) previous_focus(w, focused);
}

} // namespace

Gui::Gui(app::Window& window) : window_(window) {
    if (active) {
        throw ContextError("Gui: a Gui exists already (\"" + active->window().title() +
                           "\"); Dear ImGui 1.86's GLFW backend serves one window per process");
    }
    window.activate();
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGui::StyleColorsDark();
    ImGui::GetIO().IniFilename = nullptr;
    auto* w = static_cast<GLFWwindow*>(window.native_handle());
    glfw_ = w != nullptr;
    if (glfw_ && !ImGui_ImplGlfw_InitForOpenGL(w, false)) {
        ImGui::DestroyContext(context_);
        throw ContextError("Gui: ImGui_ImplGlfw_InitForOpenGL failed for \"" + window.title() + "\"");
    }
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        if (glfw_) ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext(context_);
        throw ContextError("Gui: ImGui_ImplOpenGL3_Init failed (OpenGL " + window.context().version() + ")");
    }
    if (glfw_) {
        glumpp_key = glfwSetKeyCallback(w, on_key);
        glumpp_char = glfwSetCharCallback(w, on_char);
        glumpp_button = glfwSetMouseButtonCallback(w, on_button);
        glumpp_scroll = glfwSetScrollCallback(w, on_scroll);
        glumpp_cursor = glfwSetCursorPosCallback(w, on_cursor);
        previous_enter = glfwSetCursorEnterCallback(w, on_enter);
        previous_focus = glfwSetWindowFocusCallback(w, on_focus);
        glumpp_pressed = 0;
    }
    last_ = std::chrono::steady_clock::now();
    active = this;
}

Gui::~Gui() {
    ImGui::SetCurrentContext(context_);
    if (in_frame_) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }
    if (glfw_) {
        // glumpp's callbacks back in place: the window goes on without ImGui.
        auto* w = static_cast<GLFWwindow*>(window_.native_handle());
        glfwSetKeyCallback(w, glumpp_key);
        glfwSetCharCallback(w, glumpp_char);
        glfwSetMouseButtonCallback(w, glumpp_button);
        glfwSetScrollCallback(w, glumpp_scroll);
        glfwSetCursorPosCallback(w, glumpp_cursor);
        glfwSetCursorEnterCallback(w, previous_enter);
        glfwSetWindowFocusCallback(w, previous_focus);
    }
    try {
        window_.context().make_current(); // the backend deletes its GL objects there
    } catch (...) {
    }
    ImGui_ImplOpenGL3_Shutdown();
    if (glfw_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(context_);
    active = nullptr;
}

void Gui::new_frame() {
    ImGui::SetCurrentContext(context_);
    if (in_frame_) {
        // The last frame never reached render(): an exception left it, maybe between a
        // Begin and its End. Close what it left open (ImGui's recovery, meant for
        // scripting languages) and drop it, so that the error costs one frame, not an
        // assertion.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
        in_frame_ = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    if (glfw_) {
        ImGui_ImplGlfw_NewFrame();
    } else {
        ImGuiIO& io = ImGui::GetIO();
        const auto now = std::chrono::steady_clock::now();
        const double dt = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        io.DisplaySize = ImVec2(float(window_.width()), float(window_.height()));
        io.DeltaTime = dt > 0 ? float(dt) : 1.0f / 60.0f; // ImGui asserts on 0
    }
    ImGui::NewFrame();
    in_frame_ = true;
}

void Gui::render() {
    if (!in_frame_) throw ContextError("Gui::render: no ImGui frame was started (call new_frame() first)");
    ImGui::SetCurrentContext(context_);
    ImGui::Render();
    in_frame_ = false;
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool Gui::wants_mouse() const { return context_ && ImGui::GetIO().WantCaptureMouse; }
bool Gui::wants_keyboard() const { return context_ && ImGui::GetIO().WantCaptureKeyboard; }

} // namespace glumpp::imgui
