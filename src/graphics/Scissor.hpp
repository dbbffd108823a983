#pragma once
// Private to src/graphics: the scissor box a Viewport's clipping sets while a collection
// draws (Collection and GlyphCollection).

#include <glumpp/gloo/gl.hpp>

#include <glm/vec4.hpp>

#include <algorithm>
#include <cmath>

namespace glumpp::graphics::detail {

/// The scissor box of a Viewport's clipping while it lives: the pixels whose centres
/// (k + 0.5) lie in [x, x + w] and [y, y + h]; the state before is put back.
class ScissorState {
public:
    explicit ScissorState(glm::dvec4 r) {
        enabled_ = glIsEnabled(GL_SCISSOR_TEST);
        glGetIntegerv(GL_SCISSOR_BOX, box_);
        const auto x0 = static_cast<GLint>(std::ceil(r.x - 0.5)), x1 = static_cast<GLint>(std::floor(r.x + r.z - 0.5));
        const auto y0 = static_cast<GLint>(std::ceil(r.y - 0.5)), y1 = static_cast<GLint>(std::floor(r.y + r.w - 0.5));
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, y0, std::max(0, x1 - x0 + 1), std::max(0, y1 - y0 + 1));
    }
    ~ScissorState() {
        glScissor(box_[0], box_[1], box_[2], box_[3]);
        if (!enabled_) glDisable(GL_SCISSOR_TEST);
    }
    ScissorState(const ScissorState&) = delete;
    ScissorState& operator=(const ScissorState&) = delete;

private:
    GLboolean enabled_ = GL_FALSE;
    GLint box_[4] = {0, 0, 0, 0};
};

} // namespace glumpp::graphics::detail
