#pragma once
// glumpy's 3-D cameras: Trackball, TrackballPan, Arcball, and the virtual trackball
// (quaternion maths) behind the first two.
//
//   transforms::Trackball trackball;                       // theta 45, phi 45, zoom 35, distance 8
//   program["transform"] = trackball(transforms::Position()("position"));   // hook <transform>
//   trackball.attach(window);      // drag rotates, scroll zooms, resize keeps the aspect
//   trackball.set_theta(30);       // uniforms only: no GLSL generated, no vertex uploaded
//
// GLSL (glumpy's transforms/trackball.glsl, trackball-pan.glsl, arcball.glsl): one function
// `vec4 transform(vec4 position)` returning `projection * view * model * position`;
// TrackballPan then adds `pan * p.w` to p.xy (a pan in normalized device coordinates).
// Uniforms `view`, `model`, `projection` (mat4) and TrackballPan's `pan` (vec2), mangled per
// instance. CPU twins: the same in double from the float32 uniforms; inverse: the inverse
// matrices (and the pan taken off first).
//
// State and copies: each camera is a Snippet (copies are the same instance) and keeps its
// parameters in shared state, so a copy attached to a window and the one the program holds
// are one camera. Every setter writes the changed uniforms now (no GL call); programs upload
// them at their next draw.
//
// glumpy's parameters and defaults (all three): aspect 1, znear 2, zfar 1000, distance 8
// (the view is a translation by (0, 0, -|distance|)), zoom 35 (the perspective's fovy in
// degrees, clamped to [1, 179] by set_zoom and scroll). Trackball and TrackballPan start at
// theta 45, phi 45, Arcball at 0, 0. The projection is
// perspective(zoom, window aspect * aspect, znear, zfar), the window aspect width / height
// (1 until resize()): resizing keeps the picture's aspect.
//
// Mouse behaviour (glumpy's on_mouse_drag / on_mouse_scroll; x, y are window pixels, origin
// at the top left, y down, as app::Window gives them):
//  - Trackball: drag(x, y, dx, dy) maps the pointer to [-1, 1]^2 (y up) and rotates the
//    virtual trackball from (x, y) by (dx, dy) (VirtualTrackball::drag_to).
//  - TrackballPan: the same, except while a Shift key is held (glumpy's rule: Shift press
//    sets it, any key release clears it) or a button other than the left one is held (the
//    right/middle buttons: glumpp's addition, for touchpads and users without a keyboard
//    hand free): then the pan moves by (2 dx / width, -2 dy / height).
//  - Arcball: theta -= dx / 5, phi += dy / 5 (degrees), model = Rx(phi) Rz(theta) (glumpy's
//    glm.rotate(model, theta, 0, 0, 1) then glm.rotate(model, phi, 1, 0, 0)).
//  - scroll(dy): zoom = clamp(zoom (1 - dy / 100), 1, 179), glumpy's clamp (the pointer's
//    position does not matter: glumpy zooms the aperture, not about the pointer).
// attach(window) wires these to the window's on_resize, on_mouse_drag, on_mouse_scroll
// (and, for TrackballPan, on_key_press / on_key_release). It is a template over the window
// type, as graphics::PanZoom, because the transforms layer does not use the app layer: any
// window with app::Window's handlers works, and `buttons` is app::MouseButton's bit set
// (Left = 1).
//
// Decisions where glumpy differs from its documentation:
//  - glumpy's Trackball and TrackballPan ignore their theta/phi keywords (the trackball is
//    built at 45, 45) and glumpy's Arcball ignores them until the first drag: here the
//    options are honoured (their defaults give glumpy's pictures).
//  - glumpy's aspect setters do not store the new aspect (the projection is rebuilt with the
//    old one): here set_aspect stores it.
//  - glumpy's Arcball.phi getter fails (it reads a trackball it does not have): phi() here
//    returns the angle.
// Bad values (a size that is not positive, znear not in (0, zfar), an aspect that is not
// positive): ValueError "CLASS::FUNCTION: ..." naming them, nothing changed.

#include <glumpp/transforms/Snippet.hpp>

#include <memory>
#include <optional>

namespace glumpp::transforms {

/// glumpy's virtual trackball (glumpy/transforms/_trackball.py), in double as Python
/// computes: a unit quaternion (x, y, z, w) built from theta (about x) and phi (about z),
/// turned by drags on a sphere of radius 0.8 that becomes a hyperbolic sheet away from the
/// centre; renormalized every 97 drags. theta()/phi() read the angles back as glumpy does
/// (atan, not atan2: they are valid in (-90, 90) and fold outside), and the setters keep the
/// other angle as last read or set (glumpy's cached _theta/_phi, kept here for the same
/// numbers). No GL.
class VirtualTrackball {
public:
    explicit VirtualTrackball(double theta = 0, double phi = 0);
    /// Rotates from (x, y) to (x + dx, y + dy), in [-1, 1]^2 with y up.
    void drag_to(double x, double y, double dx, double dy);
    double theta() const;
    double phi() const;
    /// Degrees; a NaN or infinite angle throws ValueError ("VirtualTrackball::set_theta: theta
    /// nan ...") and changes nothing (it would make every later model matrix NaN).
    void set_theta(double theta);
    void set_phi(double phi);
    void set_orientation(double theta, double phi);
    /// The rotation as glumpy's float32 model matrix (as GL reads it).
    glm::mat4 model() const;
    /// The quaternion (x, y, z, w), not necessarily of unit length between renormalizations.
    glm::dvec4 rotation() const { return q_; }
    /// ValueError "VirtualTrackball::set_rotation: ..." for a zero or non-finite quaternion.
    void set_rotation(glm::dvec4 q);

private:
    glm::dvec4 q_{0, 0, 0, 1};
    int count_ = 0;
    mutable double theta_ = 0, phi_ = 0;
};

/// The part Trackball, TrackballPan and Arcball share: projection, view and model matrices
/// and glumpy's zoom/aspect/distance rules. Not used alone. The matrices are read here and
/// set through what makes them: view() by set_distance, projection() by set_zoom,
/// set_aspect, set_depth_range and resize, model() by the angles (and Trackball's
/// set_rotation), so that the next drag starts from what was set.
class Camera : public Snippet {
public:
    struct Options {
        float aspect = 1, znear = 2, zfar = 1000;
        std::optional<float> theta, phi; ///< the camera's own defaults when unset
        float distance = 8, zoom = 35;
    };

    float aspect() const;
    void set_aspect(float aspect);
    float znear() const;
    float zfar() const;
    void set_depth_range(float znear, float zfar);
    float zoom() const;
    /// Clamped to [1, 179] degrees, as glumpy.
    void set_zoom(float zoom);
    float distance() const;
    /// |distance|, as glumpy.
    void set_distance(float distance);
    /// The window's size (glumpy's on_resize): the aspect of the projection follows it.
    void resize(int width, int height);
    int width() const;
    int height() const;
    /// glumpy's on_mouse_scroll: zoom *= 1 - dy / 100, clamped.
    void scroll(double dy);

    glm::mat4 view() const;
    glm::mat4 model() const;
    glm::mat4 projection() const;

protected:
    Camera(std::string code, std::string name, Options options);
    void set_model(const glm::mat4& m);
    template <class Self, class Window>
    static void attach_events(Self self, Window& window) {
        self.resize(window.width(), window.height());
        window.on_resize([self](int w, int h) mutable {
            if (w > 0 && h > 0) self.resize(w, h);
        });
        window.on_mouse_drag([self](double x, double y, double dx, double dy, unsigned buttons) mutable { self.drag(x, y, dx, dy, buttons); });
        window.on_mouse_scroll([self](double, double, double, double dy) mutable { self.scroll(dy); });
    }
    struct State;
    std::shared_ptr<State> c_;

private:
    void update_projection();
};

class Trackball : public Camera {
public:
    Trackball() : Trackball(Options{}) {}
    explicit Trackball(Options options);
    /// Degrees (VirtualTrackball's theta: about x, read back as glumpy reads it).
    float theta() const;
    float phi() const;
    /// A NaN or infinite angle throws ValueError naming Trackball::set_theta/set_phi; nothing changes.
    void set_theta(float theta);
    void set_phi(float phi);
    const VirtualTrackball& trackball() const;
    /// Sets the trackball's quaternion (see VirtualTrackball::set_rotation).
    void set_rotation(glm::dvec4 q);
    /// glumpy's on_mouse_drag, in window pixels (`buttons` is ignored: every button rotates).
    void drag(double x, double y, double dx, double dy, unsigned buttons = 1);
    template <class Window>
    void attach(Window& window) {
        attach_events(*this, window);
    }

protected:
    Trackball(std::string code, std::string name, Options options);
    void rotate(double x, double y, double dx, double dy);
    std::shared_ptr<VirtualTrackball> t_;
};

class TrackballPan : public Trackball {
public:
    TrackballPan() : TrackballPan(Options{}) {}
    explicit TrackballPan(Options options);
    /// The pan in normalized device coordinates (glumpy's view_x, view_y).
    glm::vec2 pan() const;
    void set_pan(glm::vec2 pan);
    /// glumpy's Shift state (pan instead of rotate while set).
    bool shift() const;
    void set_shift(bool held);
    /// Pans while Shift is held or a non-left button is down (see above), else rotates.
    void drag(double x, double y, double dx, double dy, unsigned buttons = 1);
    template <class Window>
    void attach(Window& window) {
        attach_events(*this, window);
        window.on_key_press([self = *this](auto key, unsigned) mutable {
            if (key == decltype(key)::LeftShift || key == decltype(key)::RightShift) self.set_shift(true);
        });
        window.on_key_release([self = *this](auto, unsigned) mutable { self.set_shift(false); });
    }

private:
    struct Pan {
        glm::vec2 pan{0, 0};
        bool shift = false;
    };
    std::shared_ptr<Pan> p_;
};

class Arcball : public Camera {
public:
    Arcball() : Arcball(Options{}) {}
    explicit Arcball(Options options);
    float theta() const; ///< degrees about z
    float phi() const;   ///< degrees about x
    /// A NaN or infinite angle throws ValueError ("Arcball::set_theta: theta inf ..."); nothing changes.
    void set_theta(float theta);
    void set_phi(float phi);
    /// theta -= dx / 5, phi += dy / 5 (`x`, `y` and `buttons` are ignored, as glumpy).
    void drag(double x, double y, double dx, double dy, unsigned buttons = 1);
    template <class Window>
    void attach(Window& window) {
        attach_events(*this, window);
    }

private:
    void update_model();
    std::shared_ptr<glm::dvec2> angles_; // theta, phi
};

} // namespace glumpp::transforms
