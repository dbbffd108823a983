#pragma once
// glumpy's simplest transforms, each a Snippet (GLSL) with a CPU twin giving the same
// numbers, forward and inverse:
//
//   transforms::Translate t({0.5f, 0, 0});
//   transforms::Rotate r({0, 0, 1}, 90);               // degrees, as glumpy
//   program["transform"] = r(t(transforms::Position()));
//   glm::dvec4 p = r(t(transforms::Position())).forward({1, 0, 0, 1});  // (0, 1.5, 0, 1)
//
// Each class is a Snippet (copies share one instance: setting a parameter through any copy
// reaches every program using it at its next draw; no GL call here). Parameters are kept
// as the float32 uniforms the GPU reads, and the CPU twins compute in double from those
// floats, so the two differ only by the GPU's float32 arithmetic. Functions (glumpy's):
//  - Position: `vec4 position(...)` from float x, y[, z]; vec2; vec3; vec4; (vec2, float):
//    missing z is 0, w is 1. CPU twin: the identity (pass the vec4 position() makes).
//  - Translate(offset), Scale(factors), Rotate(axis, angle in degrees, origin): `forward`
//    and `inverse` for vec2, vec3 and vec4 (w kept). 2-D inputs read z = 0: Rotate about
//    (0, 0, 1) is the 2-D rotation. Rotate's matrices are computed here, once per set(),
//    as glumpy does: the GPU multiplies by them (uniforms forward_matrix, inverse_matrix).
//    Scale by 0 has no inverse: the CPU inverse then gives inf or nan, as the GLSL does.
//  - PanZoom (2-D): `vec4 forward(vec4)`: xy * scale + pan, z kept, w = 1 (glumpy's
//    panzoom); `inverse` undoes it. glumpy's parameters: aspect (none by default: the
//    window's shape is ignored), pan (0, 0), zoom 1 clamped to [zoom_min, zoom_max] =
//    [0.01, 1000]; with an aspect, scale = zoom * aspect * the window's aspect correction
//    (resize(w, h): (h/w, 1) for wide windows, (1, w/h) for tall ones). glumpy's mouse
//    behaviour: drag(dx, dy) pans by (2 dx / width, -2 dy / height) (window pixels, y down);
//    scroll(x, y, dy) multiplies the zoom by 1 + dy / 100 (clamped) about the pointer, so the
//    point under it stays; reset() is zoom 1, pan (0, 0). attach(window) follows the
//    window's on_resize, on_mouse_drag and on_mouse_scroll (a template over the window type,
//    as graphics::PanZoom: this layer does not use app); keys are the caller's (glumpy's
//    example resets on space itself).

#include <glumpp/transforms/Snippet.hpp>

#include <optional>

namespace glumpp::transforms {

class Position : public Snippet {
public:
    Position();
};

class Translate : public Snippet {
public:
    explicit Translate(glm::vec3 offset = {0, 0, 0});
    void set(glm::vec3 offset);
    glm::vec3 offset() const;
};

class Scale : public Snippet {
public:
    explicit Scale(glm::vec3 factors = {1, 1, 1});
    void set(glm::vec3 factors);
    glm::vec3 factors() const;
};

class Rotate : public Snippet {
public:
    explicit Rotate(glm::vec3 axis = {0, 0, 1}, float angle = 0, glm::vec3 origin = {0, 0, 0});
    /// ValueError "Rotate::set: ..." for a zero axis.
    void set(glm::vec3 axis, float angle, glm::vec3 origin = {0, 0, 0});
    glm::vec3 axis() const;
    float angle() const; ///< degrees
    glm::vec3 origin() const;
};

class PanZoom : public Snippet {
public:
    struct Options {
        std::optional<float> aspect;
        glm::vec2 pan{0, 0};
        float zoom = 1, zoom_min = 0.01f, zoom_max = 1000;
    };
    PanZoom() : PanZoom(Options{}) {}
    explicit PanZoom(Options options);
    glm::vec2 pan() const;
    void set_pan(glm::vec2 pan);
    float zoom() const;
    /// Clamped to [zoom_min, zoom_max], as glumpy.
    void set_zoom(float zoom);
    /// The window's size, for the aspect correction (glumpy's on_resize).
    void resize(int width, int height);
    /// What the GPU multiplies xy by.
    glm::vec2 scale() const;
    /// glumpy's on_mouse_drag (see above); the window's size is the last resize() (1 x 1
    /// before, as glumpy).
    void drag(double dx, double dy);
    /// glumpy's on_mouse_scroll at window pixel (x, y).
    void scroll(double x, double y, double dy);
    /// glumpy's reset(): zoom 1, pan (0, 0).
    void reset();
    template <class Window>
    void attach(Window& window) {
        resize(window.width(), window.height());
        window.on_resize([self = *this](int w, int h) mutable {
            if (w > 0 && h > 0) self.resize(w, h);
        });
        window.on_mouse_drag([self = *this](double, double, double dx, double dy, unsigned) mutable { self.drag(dx, dy); });
        window.on_mouse_scroll([self = *this](double x, double y, double, double dy) mutable { self.scroll(x, y, dy); });
    }

private:
    void update();
    std::shared_ptr<Options> o_;
    std::shared_ptr<glm::vec2> window_aspect_;
    std::shared_ptr<glm::dvec2> size_; // the window's, for the mouse
};

} // namespace glumpp::transforms
