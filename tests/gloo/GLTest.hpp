#pragma once
// A headless GL context for tests (Mesa llvmpipe through EGL), with fixed upload costs so
// that tests asserting exact upload calls do not depend on the machine's calibration.

#include <glumpp/gloo.hpp>

#include <gtest/gtest.h>

#include <optional>

namespace glumpp::test {

/// llvmpipe's typical figures (gl-stack notes): 50 ns per call, 0.03 ns per byte.
inline gloo::UploadCosts fixed_costs() { return gloo::UploadCosts{50.0, 0.03, 1.0}; }

class GLTest : public ::testing::Test {
protected:
    void SetUp() override {
        gloo::ContextOptions options;
        options.costs = fixed_costs();
        options.strategy = gloo::UploadStrategy::SubData;
        ctx = gloo::Context::headless(options);
        ctx.upload_log().enable();
    }
    void TearDown() override { ctx = gloo::Context(); }

    gloo::Context ctx;
};

} // namespace glumpp::test

#include <epoxy/gl.h>

#include <array>
#include <vector>

namespace glumpp::test {

/// A plain RGBA8 framebuffer made with raw GL, so that Program tests do not depend on
/// gloo::FrameBuffer. Bound and sized as the viewport while alive.
class RawTarget {
public:
    RawTarget(int width, int height) : w_(width), h_(height) {
        glGenFramebuffers(1, &fbo_);
        glGenRenderbuffers(1, &rbo_);
        glBindRenderbuffer(GL_RENDERBUFFER, rbo_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w_, h_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rbo_);
        glViewport(0, 0, w_, h_);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    ~RawTarget() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(1, &fbo_);
        glDeleteRenderbuffers(1, &rbo_);
    }
    /// RGBA of pixel (x, y), y counted from the bottom as GL does.
    std::array<int, 4> pixel(int x, int y) const {
        unsigned char p[4];
        glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
        return {p[0], p[1], p[2], p[3]};
    }
    /// Every pixel's RGBA, GL's order (row 0 at the bottom), w * h * 4 bytes.
    std::vector<unsigned char> rgba() const {
        std::vector<unsigned char> px(static_cast<std::size_t>(w_) * h_ * 4);
        glReadPixels(0, 0, w_, h_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        return px;
    }
    int count_nonblack() const {
        std::vector<unsigned char> px(static_cast<std::size_t>(w_ * h_ * 4));
        glReadPixels(0, 0, w_, h_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        int n = 0;
        for (std::size_t k = 0; k < px.size(); k += 4) n += (px[k] | px[k + 1] | px[k + 2]) != 0;
        return n;
    }

private:
    int w_, h_;
    GLuint fbo_ = 0, rbo_ = 0;
};

} // namespace glumpp::test
