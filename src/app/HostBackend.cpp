// Host: a Window over a context the host made (a Qt widget, an SDL2 window). The host
// swaps, delivers events and resizes; this backend only binds its framebuffer.
#include "WindowBackend.hpp"

#include <epoxy/gl.h>

namespace glumpp::app::detail {

namespace {

class Host final : public WindowBackend {
public:
    explicit Host(const WindowConfig& c) : context_(gloo::Context::adopt_current()), framebuffer_(c.host_framebuffer) {}
    const gloo::Context& context() const override { return context_; }
    void bind_framebuffer() override { glBindFramebuffer(GL_FRAMEBUFFER, framebuffer()); }
    void bind_for_reading() override {
        const GLuint fbo = framebuffer();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        if (fbo == 0) glReadBuffer(GL_BACK);
    }
    void swap() override {}                                           // the host's
    std::pair<int, int> resize(int width, int height) override { return {width, height}; } // the host resized

private:
    GLuint framebuffer() const { return framebuffer_ ? static_cast<GLuint>(framebuffer_()) : 0u; }
    gloo::Context context_;
    std::function<unsigned()> framebuffer_;
};

} // namespace

std::unique_ptr<WindowBackend> make_host(const WindowConfig& config) { return std::make_unique<Host>(config); }

} // namespace glumpp::app::detail
