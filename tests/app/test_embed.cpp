// glumpp inside the user's program: a context the host created (a bare GLFW window under
// Xvfb; an SDL2 window on GLX and on EGL, where libsdl2-dev is installed), adopted with gloo::Context::adopt_current(), drawing a hand-computed picture and
// leaving the host's GL state as Context.hpp documents.
#include <glumpp/gloo.hpp>

#include "../TestUtil.hpp"
#include "Xvfb.hpp"

#include <GLFW/glfw3.h>
#ifdef GLUMPP_TEST_SDL2
#include <SDL.h>
#endif
#include <epoxy/gl.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace glumpp;

namespace {

const char* vs = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); })";
const char* fs = R"(#version 330 core
uniform vec4 u_color;
out vec4 f;
void main() { f = u_color; })";

// The host: GLFW initialised and one 3.3 core window, made by the test as a user would.
struct HostWindow {
    GLFWwindow* window = nullptr;
    HostWindow(int w, int h) {
        if (!glfwInit()) return;
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        window = glfwCreateWindow(w, h, "host", nullptr, nullptr);
        if (window) glfwMakeContextCurrent(window);
        test::keep_dri_drivers_loaded();
    }
    ~HostWindow() {
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
    }
};

GLint get_int(GLenum e) {
    GLint v = 0;
    glGetIntegerv(e, &v);
    return v;
}

} // namespace

// With the host's context current and its window w x h: the host sets its own state,
// glumpp adopts the context and draws; the picture and the host's state are checked.
// The same for every host (GLFW, SDL2 on GLX, SDL2 on EGL).
static void draw_into_the_hosts_context(int w, int h, const std::string& describe) {

    // The host's own state, as a renderer of its own would leave it; the whole back
    // buffer is black first (a new one holds whatever memory it got).
    glViewport(0, 0, w, h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glClearColor(0, 0, 1, 1);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, w / 2, h); // the host draws into the left half only
    glDisable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ZERO);
    GLuint host_vao = 0, host_buffer = 0;
    glGenVertexArrays(1, &host_vao);
    glGenBuffers(1, &host_buffer);
    glBindVertexArray(host_vao);
    glBindBuffer(GL_ARRAY_BUFFER, host_buffer);
    glBufferData(GL_ARRAY_BUFFER, 64, nullptr, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glEnableVertexAttribArray(0);

    gloo::Context ctx = gloo::Context::adopt_current();
    EXPECT_TRUE(ctx.is_current());
    EXPECT_EQ(ctx.describe().rfind(describe + ", OpenGL ", 0), 0u) << ctx.describe();
    EXPECT_TRUE(gloo::Context::adopt_current() == ctx); // one state per GL context

    glClear(GL_COLOR_BUFFER_BIT);
    {
        // A red rectangle over the top half (y > 0 in clip space).
        gloo::Program p(vs, fs, 4);
        p["a_position"] = Array::from<float>({-1, 0, -1, 1, 1, 0, 1, 1}, {4, 2});
        p["u_color"] = Array::from<float>({1, 0, 0, 1}, {4});
        p.draw(gloo::Primitive::TriangleStrip);
        EXPECT_EQ(ctx.frame_stats().draw_calls, 1u);
    }

    // The picture, computed by hand: the host's scissor (left half) and clear colour
    // (blue), glumpp's red over the top half; the right half kept the host's black.
    std::vector<unsigned char> rgba(std::size_t(w) * h * 4);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data()); // row 0 at the bottom
    auto px = [&](int x, int y, int c) { return int(rgba[(std::size_t(y) * w + x) * 4 + c]); };
    std::size_t wrong = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const bool left = x < w / 2, top = y >= h / 2;
            const int r = left && top ? 255 : 0, b = left && !top ? 255 : 0;
            const bool bad = px(x, y, 0) != r || px(x, y, 1) != 0 || px(x, y, 2) != b;
            if (bad && wrong < 5) ADD_FAILURE() << "pixel " << x << "," << y << ": " << px(x, y, 0) << "," << px(x, y, 1) << "," << px(x, y, 2);
            wrong += bad;
        }
    }
    EXPECT_EQ(wrong, 0u) << "bottom-left " << px(1, 1, 0) << "," << px(1, 1, 2) << " top-left " << px(1, h - 2, 0);

    // The host's state, as it left it (Context.hpp's list of what glumpp may change).
    GLint viewport[4] = {}, scissor[4] = {};
    GLfloat clear[4] = {};
    glGetIntegerv(GL_VIEWPORT, viewport);
    glGetIntegerv(GL_SCISSOR_BOX, scissor);
    glGetFloatv(GL_COLOR_CLEAR_VALUE, clear);
    EXPECT_EQ(std::vector<GLint>(viewport, viewport + 4), (std::vector<GLint>{0, 0, w, h}));
    EXPECT_EQ(std::vector<GLint>(scissor, scissor + 4), (std::vector<GLint>{0, 0, w / 2, h}));
    EXPECT_EQ(std::vector<GLfloat>(clear, clear + 4), (std::vector<GLfloat>{0, 0, 1, 1}));
    EXPECT_TRUE(glIsEnabled(GL_SCISSOR_TEST));
    EXPECT_FALSE(glIsEnabled(GL_BLEND));
    EXPECT_FALSE(glIsEnabled(GL_DEPTH_TEST));
    EXPECT_EQ(get_int(GL_BLEND_SRC_RGB), GL_ONE);
    EXPECT_EQ(get_int(GL_BLEND_DST_RGB), GL_ZERO);
    EXPECT_EQ(get_int(GL_DRAW_FRAMEBUFFER_BINDING), 0);
    EXPECT_EQ(get_int(GL_UNPACK_ALIGNMENT), 1); // documented: glumpp's rows are unpadded
    // The host's VAO was never modified: its attribute 0 still reads the host's buffer.
    glBindVertexArray(host_vao);
    GLint enabled = 0, buffer = 0;
    glGetVertexAttribiv(0, GL_VERTEX_ATTRIB_ARRAY_ENABLED, &enabled);
    glGetVertexAttribiv(0, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &buffer);
    EXPECT_EQ(enabled, 1);
    EXPECT_EQ(GLuint(buffer), host_buffer);
    glDeleteBuffers(1, &host_buffer);
    glDeleteVertexArrays(1, &host_vao);
}

TEST(AdoptCurrent, NoCurrentContextIsAnError) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    HostWindow host(16, 16);
    ASSERT_NE(host.window, nullptr);
    glfwMakeContextCurrent(nullptr);
    EXPECT_EQ(test::message_of<ContextError>([] { gloo::Context::adopt_current(); }),
              "Context::adopt_current: no OpenGL context is current on this thread (neither EGL nor GLX); "
              "make the host's context current first (glfwMakeContextCurrent, SDL_GL_MakeCurrent)");
}

TEST(AdoptCurrent, DrawsIntoABareGlfwWindowAndKeepsTheHostsState) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    HostWindow host(64, 48);
    ASSERT_NE(host.window, nullptr);
    draw_into_the_hosts_context(64, 48, "host GLX context");
}

TEST(AdoptCurrent, MakeCurrentComesBackAfterTheHostSwitched) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    HostWindow host(16, 16);
    ASSERT_NE(host.window, nullptr);
    // GLX's own answer (GLFW's glfwGetCurrentContext only knows GLFW's calls).
    void* glx = ::dlopen("libGLX.so.0", RTLD_LAZY | RTLD_NOLOAD); // the one GLFW loaded
    ASSERT_NE(glx, nullptr);
    auto glx_current = reinterpret_cast<void* (*)()>(::dlsym(glx, "glXGetCurrentContext"));
    ASSERT_NE(glx_current, nullptr);
    void* hosts = glx_current();
    ASSERT_NE(hosts, nullptr);
    gloo::Context ctx = gloo::Context::adopt_current();
    glfwMakeContextCurrent(nullptr); // the host lets go behind glumpp's back
    ASSERT_EQ(glx_current(), nullptr);
    ctx.make_current(); // an adopted context always makes the platform call
    EXPECT_EQ(glx_current(), hosts);
    ::dlclose(glx);
}

#ifdef GLUMPP_TEST_SDL2
namespace {
// An SDL2 window with a 3.3 core context, on X11's GLX or (SDL_VIDEO_X11_FORCE_EGL) EGL.
struct SdlWindow {
    SDL_Window* window = nullptr;
    SDL_GLContext context = nullptr;
    std::string error;
    SdlWindow(int w, int h, bool egl) {
        SDL_SetHint(SDL_HINT_VIDEO_X11_FORCE_EGL, egl ? "1" : "0");
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            error = SDL_GetError();
            return;
        }
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        window = SDL_CreateWindow("host", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, w, h, SDL_WINDOW_OPENGL);
        if (window) context = SDL_GL_CreateContext(window);
        if (context) SDL_GL_MakeCurrent(window, context);
        if (!context) error = SDL_GetError();
        test::keep_dri_drivers_loaded();
    }
    ~SdlWindow() {
        if (context) SDL_GL_DeleteContext(context);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};
} // namespace

TEST(AdoptCurrent, DrawsIntoAnSdl2WindowOnGlx) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    SdlWindow host(64, 48, false);
    ASSERT_NE(host.context, nullptr) << host.error;
    draw_into_the_hosts_context(64, 48, "host GLX context");
}

TEST(AdoptCurrent, DrawsIntoAnSdl2WindowOnEgl) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    SdlWindow host(64, 48, true);
    ASSERT_NE(host.context, nullptr) << host.error;
    draw_into_the_hosts_context(64, 48, "host EGL context");
}
#endif
