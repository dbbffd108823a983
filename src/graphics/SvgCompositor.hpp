#pragma once
// SvgScene's offscreen half (SvgScene.hpp, "Compositing groups"): a pool of viewport-sized
// render targets (an RGBA8 texture holding premultiplied colour, and a depth buffer for the
// collections' depth-order trick), and two full-viewport programs: one samples a texture
// (shifted, alpha only, times opacity, clip coverage and mask luminance) and blends it
// onto the bound target, one is one pass of a separable Gaussian blur, and one draws
// feFlood, feComposite and feColorMatrix. Private to
// the graphics layer.

#include <glumpp/gloo/FrameBuffer.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

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

    /// feFlood, feComposite, feColorMatrix: one full-viewport draw replacing the bound
    /// target's colour (no blending), premultiplied in and out.
    struct Primitive {
        enum class Mode { Flood = 0, Composite = 1, ColorMatrix = 2 } mode = Mode::Flood;
        const gloo::Texture2D* a = nullptr; ///< in (Composite, ColorMatrix)
        const gloo::Texture2D* b = nullptr; ///< in2 (Composite)
        bool a_alpha_only = false, b_alpha_only = false;
        bool linear_rgb = false;     ///< inputs to linear RGB, the result back to sRGB
        glm::vec4 color{0.0f};       ///< Flood: straight sRGB colour and alpha
        int op = 0;                  ///< Composite: svg::FilterPrimitive::Operator's value
        glm::vec4 k{0.0f};           ///< Composite arithmetic k1..k4
        glm::mat4 matrix{1.0f};      ///< ColorMatrix: the 4 x 4 part (GLSL column-major)
        glm::vec4 shift{0.0f};       ///< ColorMatrix: the fifth column
    };
    void primitive(const Primitive& primitive);

    /// Draw calls each member makes: composite, blur and primitive 1.
private:
    gloo::Program& sampler();
    gloo::Program& blurrer();
    gloo::Program& primitive_program();
    std::optional<gloo::Program> sampler_, blurrer_, primitive_;
    std::vector<std::unique_ptr<Target>> targets_;
};

} // namespace glumpp::graphics::detail
