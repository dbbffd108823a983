// app-config: glumpy's examples/app-config.py, ported: a window made with a chosen
// configuration (OpenGL 3.2 core), printed before (what was asked) and after (what the
// window got: read back from GL), in glumpy's format.
//
// glumpp's core contexts are 3.3 at least: Mesa answers a request for 3.2 core with its
// highest compatible version, which the second print shows.
#include <glumpp/app.hpp>

#include <cstdio>

using namespace glumpp;

namespace {

struct Config {
    int red = 8, green = 8, blue = 8, alpha = 8, depth = 24, stencil = 0;
    int double_buffer = 1, stereo = 0, srgb = 0, samples = 0;
    int major = 3, minor = 2;
    std::string profile = "core";
};

// glumpy's Configuration.__repr__.
void print(const Config& c) {
    std::printf("Color buffer size:     %d bit(s) (R:%d, G:%d, B:%d, A:%d)\n", c.red + c.green + c.blue + c.alpha, c.red,
                c.green, c.blue, c.alpha);
    std::printf("Depth buffer size:     %d bit(s)\n", c.depth);
    std::printf("Stencil buffer size:   %d bit(s)\n", c.stencil);
    std::printf("Double buffered:       %d\n", c.double_buffer);
    std::printf("Stereo mode:           %d\n", c.stereo);
    std::printf("sRGB mode:             %d\n", c.srgb);
    std::printf("Anti-aliasing samples: %d\n", c.samples);
    std::printf("GL API:                GL\n");
    std::printf("GL Version:            %d.%d\n", c.major, c.minor);
    std::printf("GL Profile:            %s\n", c.profile.c_str());
}

// What the window's framebuffer and context are, asked of GL (the default framebuffer of
// a GLFW window, the framebuffer object of an offscreen one).
Config queried(app::Window& window) {
    window.activate();
    GLint fbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
    const GLenum color = fbo ? GL_COLOR_ATTACHMENT0 : GL_BACK_LEFT;
    const GLenum depth = fbo ? GL_DEPTH_ATTACHMENT : GL_DEPTH;
    const GLenum stencil = fbo ? GL_STENCIL_ATTACHMENT : GL_STENCIL;
    auto attachment = [](GLenum a, GLenum what) {
        GLint type = GL_NONE, v = 0;
        glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, a, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
        if (type == GL_NONE) return 0;
        glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, a, what, &v);
        return int(v);
    };
    Config c;
    c.red = attachment(color, GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE);
    c.green = attachment(color, GL_FRAMEBUFFER_ATTACHMENT_GREEN_SIZE);
    c.blue = attachment(color, GL_FRAMEBUFFER_ATTACHMENT_BLUE_SIZE);
    c.alpha = attachment(color, GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE);
    c.depth = attachment(depth, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE);
    c.stencil = attachment(stencil, GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE);
    c.srgb = attachment(color, GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING) == GL_SRGB;
    GLboolean b = GL_FALSE;
    glGetBooleanv(GL_DOUBLEBUFFER, &b);
    c.double_buffer = b ? 1 : 0;
    glGetBooleanv(GL_STEREO, &b);
    c.stereo = b ? 1 : 0;
    glGetIntegerv(GL_SAMPLES, &c.samples);
    c.major = window.context().gl_major();
    c.minor = window.context().gl_minor();
    GLint mask = 0;
    glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &mask);
    c.profile = mask & GL_CONTEXT_CORE_PROFILE_BIT ? "core" : mask & GL_CONTEXT_COMPATIBILITY_PROFILE_BIT ? "compatibility" : "";
    return c;
}

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-config: a window with a chosen configuration");
    try {
        Config config;
        config.major = 3;
        config.minor = 2;
        config.profile = "core";
        print(config);
        std::printf("-----\n");
        app::WindowConfig wc;
        wc.width = options.width ? options.width : 512;
        wc.height = options.height ? options.height : 512;
        wc.title = "app-config";
        wc.backend = options.backend == "glfw" ? app::Backend::Glfw : options.backend == "offscreen" ? app::Backend::Offscreen : app::Backend::Auto;
        wc.gl_major = config.major;
        wc.gl_minor = config.minor;
        wc.depth_bits = config.depth;
        wc.stencil_bits = config.stencil;
        wc.samples = config.samples;
        app::Window window(wc);
        std::printf("-----\n");
        print(queried(window));
        std::printf("-----\n");
        std::fflush(stdout);
    } catch (...) {
        return app::report_exception("app-config");
    }
    return 0;
}
