#pragma once
// SvgScene's offscreen half (SvgScene.hpp, "Compositing groups"): a pool of viewport-sized
// render targets (an RGBA8 texture holding premultiplied colour, and a depth buffer for the
// collections' depth-order trick), and two full-viewport programs: one samples a texture
// (shifted, alpha only, times opacity, clip coverage and mask luminance) and blends it
// onto the bound target, the other is one pass of a separable Gaussian blur. Private to
// the graphics layer.

#include <glumpp/gloo/FrameBuffer.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace glumpp::graphics::detail {

/// The largest blur standard deviation drawn, in pixels: a larger one is drawn at this one
/// (3 sigma each side, 385 taps a pass; larger ones would cost seconds on llvmpipe).
inline constexpr float max_blur_sigma_pixels = 64.0f;

class Compositor {
public:
    struct Target {
        gloo::Texture2D color;
        gloo::FrameBuffer fb;
    };
    /// The target of slot `slot`, made (lazily: no GL until activated) or resized
    /// (FrameBuffer::resize: glTexImage2D, glRenderbufferStorage) to `width` x `height`.
    Target& target(std::size_t slot, int width, int height);

    /// Clears the bound target to transparent black and depth 1 (glClearColor, glClear;
    /// the clear colour and the depth mask restored).
    static void clear();

    enum class Blend {
        Over,     ///< premultiplied "over": glBlendFuncSeparate(ONE, ONE_MINUS_SRC_ALPHA, ONE, ONE_MINUS_SRC_ALPHA)
        Replace,  ///< no blending
        Multiply, ///< the target times the source's alpha: glBlendFunc(ZERO, SRC_ALPHA)
    };
    struct Sample {
        const gloo::Texture2D* source = nullptr;
        bool alpha_only = false;     ///< SourceAlpha: (0, 0, 0, a)
        glm::vec2 offset{0.0f, 0.0f}; ///< GL pixels (y up) by which the image moves
        float opacity = 1.0f;
        const gloo::Texture2D* clip = nullptr; ///< coverage in alpha
        const gloo::Texture2D* mask = nullptr; ///< luminance of premultiplied colour
    };
    /// One full-viewport draw (glDrawArrays of 4 vertices) of `sample` onto the bound
    /// target with `blend`; blending and depth-test state restored.
    void composite(const Sample& sample, Blend blend);
    /// One pass of the Gaussian blur along `direction` ((1, 0) or (0, 1)), sigma in pixels,
    /// replacing the bound target's colour (one draw).
    void blur(const gloo::Texture2D& source, bool alpha_only, glm::vec2 direction, float sigma);

    /// Draw calls each member makes: composite and blur 1.
private:
    gloo::Program& sampler();
    gloo::Program& blurrer();
    std::optional<gloo::Program> sampler_, blurrer_;
    std::vector<std::unique_ptr<Target>> targets_;
};

} // namespace glumpp::graphics::detail
