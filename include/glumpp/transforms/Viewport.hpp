#pragma once
// Viewport: glumpy's viewport.py, a sub-rectangle of the window that a scene is drawn in,
// as a Snippet with a CPU twin:
//
//   transforms::Viewport viewport({.extents = glm::dvec4(10, 10, 380, 380)});
//   program["viewport"] = viewport;
//   // vertex:   gl_Position = <transform(a_position)>;  <viewport.transform>;
//   // fragment: <viewport.clipping>;  ...
//   viewport.resize(window.width(), window.height());   // glumpy's on_resize
//
// Rectangles are (x, y, width, height) in window pixels, GL's window coordinates (origin at
// the bottom left, as gl_FragCoord). `global` is the window, (0, 0, W, H) after
// resize(W, H) (glumpy's (0, 0, 512, 512) before); `local` is the extents, or the whole
// window without them (then the transform changes nothing).
//  - forward(vec4 P), the default function: clip coordinates of the whole window -> those
//    of the sub-rectangle. With w = local.w / global.w (the width ratio), h likewise,
//    x = 2 local.x / W - 1 + w, y = 2 local.y / H - 1 + h:
//    P -> ((x + w P.x / P.w) P.w, (y + h P.y / P.w) P.w, P.z, P.w); inverse undoes it.
//    With transform off, both give P.
//  - transform(): gl_Position = forward(gl_Position), glumpy's in-place form (only in a
//    vertex shader: it is compiled where GLUMPP_VERTEX_SHADER is defined, see Program.hpp).
//  - clipping(): discards fragments outside the local rectangle (edges kept, glumpy's
//    test), where clipping is on (only in a fragment shader: GLUMPP_FRAGMENT_SHADER).
//    clips(pixel) says on the CPU which fragments it discards.
// A hook `<viewport.transform>` becomes `transform_N()` (Program.hpp's rule for a call
// without arguments, glumpy's): write `<viewport.transform>;`, as glumpy does.
// Uniforms: `local`, `global` (vec4), `enable_transform`, `enable_clipping` (int; glumpy's
// names viewport_transform and viewport_clipping would collide with the functions).
// glumpy's nested viewports (a viewport inside a viewport) are not supported: local is
// always in the window's pixels. No GL call here; copies share one state.
//
// Errors: ValueError "Viewport::set_extents: ..." for extents that are not finite or not
// of positive size; "Viewport::resize: ..." for an empty window.

#include <glumpp/transforms/Snippet.hpp>

#include <glm/vec4.hpp>

#include <memory>
#include <optional>

namespace glumpp::transforms {

class Viewport : public Snippet {
public:
    struct Options {
        std::optional<glm::dvec4> extents; ///< none: the whole window (glumpy's default)
        bool transform = true, clipping = true;
    };
    Viewport() : Viewport(Options{}) {}
    explicit Viewport(const Options& options);

    std::optional<glm::dvec4> extents() const;
    void set_extents(std::optional<glm::dvec4> extents);
    void set_transform(bool on);
    void set_clipping(bool on);
    bool clipping() const;
    /// The window's size: global becomes (0, 0, width, height), and local too without extents.
    void resize(int width, int height);
    /// The rectangle drawn into (the extents, or the window).
    glm::dvec4 local() const;
    /// Whether clipping() discards the fragment at window pixel (x, y) (GL's coordinates).
    bool clips(glm::dvec2 pixel) const;

private:
    void update();
    struct State {
        Options options;
        glm::dvec4 window{0, 0, 512, 512};
    };
    std::shared_ptr<State> state_;
};

} // namespace glumpp::transforms
