// Offscreen windows: a headless EGL context drawing into framebuffer objects.
#include "WindowBackend.hpp"

#include <glumpp/Error.hpp>

#include <epoxy/gl.h>

namespace glumpp::app::detail {

namespace {

class Offscreen final : public WindowBackend {
public:
    explicit Offscreen(const WindowConfig& c) : config_(c) {
        gloo::ContextOptions options;
        options.major = c.gl_major;
        options.minor = c.gl_minor;
        context_ = gloo::Context::headless(options);
        allocate(c.width, c.height);
    }
    ~Offscreen() override {
        if (context_) {
            context_.make_current();
            release();
        }
    }
    const gloo::Context& context() const override { return context_; }
    void bind_framebuffer() override { glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_); }
    void bind_for_reading() override {
        if (resolve_fbo_) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
            glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, draw_fbo_);
        } else {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
        }
    }
    // glFinish, not glFlush: llvmpipe lets the CPU run frames ahead of rasterizing, and
    // a frame rate counted at the flush (12 fps for the galaxy at 800x800) was not the
    // rate at which frames were drawn (2.2 fps); a window's swap waits too.
    void swap() override { glFinish(); }
    std::pair<int, int> resize(int width, int height) override {
        context_.make_current();
        release();
        allocate(width, height);
        return {width, height};
    }

private:
    void allocate(int width, int height) {
        width_ = width;
        height_ = height;
        const GLsizei samples = config_.samples;
        auto storage = [&](GLenum format) {
            GLuint rb = 0;
            glGenRenderbuffers(1, &rb);
            glBindRenderbuffer(GL_RENDERBUFFER, rb);
            if (samples > 0) {
                glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
            } else {
                glRenderbufferStorage(GL_RENDERBUFFER, format, width, height);
            }
            return rb;
        };
        glGenFramebuffers(1, &draw_fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_);
        color_ = storage(GL_RGBA8);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
        if (config_.depth_bits > 0 || config_.stencil_bits > 0) {
            depth_ = storage(config_.stencil_bits > 0 ? GL_DEPTH24_STENCIL8 : GL_DEPTH_COMPONENT24);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, config_.stencil_bits > 0 ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT,
                                      GL_RENDERBUFFER, depth_);
        }
        check("the window framebuffer");
        if (samples > 0) { // a single-sampled image to read back from
            glGenFramebuffers(1, &resolve_fbo_);
            glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
            glGenRenderbuffers(1, &resolved_);
            glBindRenderbuffer(GL_RENDERBUFFER, resolved_);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolved_);
            check("the resolve framebuffer");
        }
        glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_);
    }
    void check(const char* what) {
        const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw ContextError(std::string("Window: ") + what + " is incomplete (status " + std::to_string(status) + ", " +
                               std::to_string(config_.samples) + " samples)");
        }
    }
    void release() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        const GLuint fbos[] = {draw_fbo_, resolve_fbo_};
        const GLuint rbs[] = {color_, depth_, resolved_};
        glDeleteFramebuffers(2, fbos);
        glDeleteRenderbuffers(3, rbs);
        draw_fbo_ = resolve_fbo_ = color_ = depth_ = resolved_ = 0;
    }

    WindowConfig config_;
    gloo::Context context_;
    int width_ = 0, height_ = 0;
    GLuint draw_fbo_ = 0, color_ = 0, depth_ = 0, resolve_fbo_ = 0, resolved_ = 0;
};

} // namespace

std::unique_ptr<WindowBackend> make_offscreen(const WindowConfig& config) { return std::make_unique<Offscreen>(config); }

} // namespace glumpp::app::detail
