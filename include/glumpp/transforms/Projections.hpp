#pragma once
// glumpy's projections: PVMProjection, OrthographicProjection, PerspectiveProjection. Each
// is a Snippet (GLSL) with a CPU twin giving the same numbers, forward and inverse:
//
//   transforms::PVMProjection pvm;                       // distance 5, fovy 40, znear 2, zfar 100
//   program["transform"] = pvm(transforms::Position()("position"));  // hook <transform>
//   pvm.attach(window);                                  // on_resize rebuilds the projection
//   pvm.set_model(glm::rotate(...));                     // a uniform: no GLSL generated, no relink
//   glm::dvec4 clip = pvm(transforms::Position()).forward({1, 1, 1, 1});
//
// GLSL (glumpy's transforms/pvm.glsl and projection.glsl): one function
// `vec4 transform(vec4 position)`, returning `projection * view * model * position`
// (PVMProjection) or `projection * position` (the other two); uniforms `view`, `model`,
// `projection` (mat4), mangled per instance as every snippet's (Snippet.hpp). The output is
// clip coordinates: GL divides by w, the CPU twin does not (it gives what the GLSL returns).
// CPU twins: the same products in double from the float32 uniforms; inverse: the inverse
// matrices (they exist for every accepted parameter set).
//
// Matrices are glumpy's (its glm.py: perspective = frustum(-w, w, -h, h, znear, zfar) with
// h = tan(fovy / 2) znear, w = h aspect; ortho the usual glOrtho matrix), computed in double
// and stored as float32, laid out as GL reads them (a glm::mat4, column-major: glumpy's
// row-major numpy matrices uploaded as they are read the same). No GL call here: a program
// using the snippet uploads the changed uniforms at its next draw.
//
// Resize (glumpy's on_resize): the projection is the identity until resize(width, height)
// (or attach(window), which calls it with the window's size and on every on_resize).
//  - PVMProjection: perspective(fovy, width / height, znear, zfar).
//  - OrthographicProjection: glumpy's window-size-dependent ortho: x in [0, width] and y in
//    [0, height] (window pixels, y up) map to [-1, 1], or [-1, 1] itself with `normalize`;
//    xinvert/yinvert swap the bounds; with an `aspect`, glumpy scales x (aspect > 1) or
//    divides y (aspect <= 1) by aspect * width / height, as its code does.
//  - PerspectiveProjection: perspective(fovy, width / height, znear, zfar).
//
// Parameter checks: where glumpy's setters silently ignore a bad value (PVM's distance <= 1,
// a znear not below zfar), glumpp throws ValueError "CLASS::set_X: ..." naming the values,
// and changes nothing. Decisions where glumpy has bugs:
//  - glumpy's OrthographicProjection reads its zfar from the `znear` keyword (so passing
//    znear also sets zfar) and its zfar/yinvert getters return znear/xinvert: here each
//    parameter is its own (defaults are glumpy's: -1000, +1000, no inversion).
//  - glumpy's PerspectiveProjection cannot be used (it imports a module that does not
//    exist, and its znear 0 makes a degenerate frustum): this one keeps its fovy 40 and zfar
//    1000 and takes znear 2 from glumpy's PVMProjection and Trackball.
//  - glumpy's PVMProjection.fovy setter refers to an undefined name; here fovy is settable
//    in (0, 180) degrees.

#include <glumpp/transforms/Snippet.hpp>

#include <memory>
#include <optional>

namespace glumpp::transforms {

/// glumpy's glm.perspective(fovy degrees, aspect, znear, zfar), as GL reads it. ValueError
/// "perspective: ..." unless 0 < fovy < 180, aspect > 0, 0 < znear < zfar (all finite).
glm::dmat4 perspective(double fovy, double aspect, double znear, double zfar);
/// glumpy's glm.ortho. ValueError "ortho: ..." for an empty range.
glm::dmat4 ortho(double left, double right, double bottom, double top, double znear, double zfar);

class PVMProjection : public Snippet {
public:
    struct Options {
        float distance = 5, fovy = 40, znear = 2, zfar = 100;
    };
    PVMProjection() : PVMProjection(Options{}) {}
    /// ValueError "PVMProjection: ..." for parameters the setters below refuse.
    explicit PVMProjection(Options options);

    float distance() const;
    /// The view becomes a translation by (0, 0, -distance). ValueError unless distance > 1
    /// (glumpy's bound).
    void set_distance(float distance);
    float fovy() const;
    void set_fovy(float fovy); ///< degrees, in (0, 180)
    float znear() const;
    float zfar() const;
    /// ValueError unless 0 < znear < zfar.
    void set_depth_range(float znear, float zfar);

    glm::mat4 view() const;
    glm::mat4 model() const;
    glm::mat4 projection() const;
    /// Set a matrix as glumpy's `transform['model'] = M` does. The view and projection are
    /// rebuilt from the parameters at the next set_distance / resize.
    void set_view(const glm::mat4& m);
    void set_model(const glm::mat4& m);
    void set_projection(const glm::mat4& m);

    /// ValueError "PVMProjection::resize: ..." for an empty size.
    void resize(int width, int height);
    /// Takes the window's size now and follows its on_resize (handlers share this state).
    template <class Window>
    void attach(Window& window) {
        resize(window.width(), window.height());
        window.on_resize([self = *this](int w, int h) mutable {
            if (w > 0 && h > 0) self.resize(w, h);
        });
    }

private:
    struct State;
    void update_projection();
    std::shared_ptr<State> s_;
};

class OrthographicProjection : public Snippet {
public:
    struct Options {
        std::optional<float> aspect;
        bool xinvert = false, yinvert = false;
        float znear = -1000, zfar = 1000;
        bool normalize = false;
    };
    OrthographicProjection() : OrthographicProjection(Options{}) {}
    explicit OrthographicProjection(Options options);

    const Options& options() const;
    /// Any field; rebuilds the projection if a size is known. ValueError
    /// "OrthographicProjection::set_options: ..." for znear == zfar or aspect <= 0.
    void set_options(const Options& options);
    glm::mat4 projection() const;
    void set_projection(const glm::mat4& m);

    void resize(int width, int height);
    template <class Window>
    void attach(Window& window) {
        resize(window.width(), window.height());
        window.on_resize([self = *this](int w, int h) mutable {
            if (w > 0 && h > 0) self.resize(w, h);
        });
    }

private:
    struct State;
    void update_projection();
    std::shared_ptr<State> s_;
};

class PerspectiveProjection : public Snippet {
public:
    struct Options {
        float fovy = 40, znear = 2, zfar = 1000;
    };
    PerspectiveProjection() : PerspectiveProjection(Options{}) {}
    explicit PerspectiveProjection(Options options);

    const Options& options() const;
    /// ValueError "PerspectiveProjection::set_options: ..." (see perspective()).
    void set_options(const Options& options);
    glm::mat4 projection() const;
    void set_projection(const glm::mat4& m);

    void resize(int width, int height);
    template <class Window>
    void attach(Window& window) {
        resize(window.width(), window.height());
        window.on_resize([self = *this](int w, int h) mutable {
            if (w > 0 && h > 0) self.resize(w, h);
        });
    }

private:
    struct State;
    void update_projection();
    std::shared_ptr<State> s_;
};

} // namespace glumpp::transforms
