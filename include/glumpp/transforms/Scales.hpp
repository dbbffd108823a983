#pragma once
// glumpy's quantitative scales (LinearScale, LogScale, PowerScale) and the X, Y, Z
// selectors, each a Snippet (GLSL) with a CPU twin giving the same numbers:
//
//   transforms::LinearScale x_scale({.domain = {0, 10}});           // [0, 10] -> [-1, 1]
//   transforms::LogScale y_scale({.domain = {-1, 1}});               // [0.1, 10] -> [-1, 1]
//   program["transform"] = transforms::Position()(x_scale(".x"), y_scale(".y"));
//   // gl_Position = position(forward_3(P.x), forward_4(P.y)), glumpy's
//   // Position(LinearScale('.x', domain=(0, 10)), LogScale('.y', domain=(-1, 1)))
//
// A scale maps its domain [d0, d1] onto its range [r0, r1] (glumpy's defaults: both
// [-1, 1]; LogScale's domain [1, 10]). Its GLSL has `forward` and `inverse` for float, vec2
// and vec3: one domain and one range for every component, as glumpy (a per-axis scale is
// one scale per component: `Position()(sx(".x"), sy(".y"))`). With t the position of the
// (transformed) value in the domain:
//  - LinearScale: t = (x - d0) / (d1 - d0),              y = r0 + t (r1 - r0)
//  - LogScale:    t = (log_b(x) - d0) / (d1 - d0),       y = sign(x) (r0 + t (r1 - r0))
//    glumpy's rule, kept: the domain is given in powers of the base (domain (-1, 2) with
//    base 10 is [0.1, 100]), and only x > 0 has a logarithm (x <= 0 gives NaN or -inf on
//    the GPU and here).
//  - PowerScale:  t = (|x|^k - D0) / (D1 - D0),          y = sign(x) (r0 + t (r1 - r0))
//    with D = sign(d) |d|^k: the domain is given in input units and raised to the
//    exponent k here, at each set (glumpy's _process_domain); the GPU reads D.
// clamp (false by default) clamps t to [0, 1]. discard (true by default, glumpy's) drops
// fragments whose t leaves [0, 1], and only where the scale runs in a fragment shader (a
// scale in a vertex shader cannot discard: its points leave clip space instead, which is
// what glumpy's examples rely on); the CPU twin never discards (see discards()).
//
// Inverses (inverse, and Call::inverse on the CPU): y -> x where forward is one-to-one:
//  - LinearScale: x = d0 + t (d1 - d0) with t = (y - r0) / (r1 - r0);
//  - LogScale: x = b^(d0 + t (d1 - d0)) with t = (y - r0) / (r1 - r0). glumpy's GLSL takes
//    |y| and |v| instead, which undoes forward only where both are positive (not for
//    glumpy's own default range [-1, 1]); ours undoes forward on its whole domain;
//  - PowerScale: x = sign(y) |D0 + t (D1 - D0)|^(1/k) with t = (|y| - r0) / (r1 - r0)
//    (glumpy's): it undoes forward where r0 + t (r1 - r0) has the sign of x, as with the
//    default range and a domain symmetric about 0.
// clamp applies to the inverse's t too (glumpy's).
//
// Uniforms (float32, as the GPU reads them; the CPU twins compute in double from these
// floats): `domain` and `range` (vec2), `clamping` and `discarding` (int: GLSL's clamp
// and discard are reserved words, so glumpy's names cannot be kept), `base` (LogScale),
// `exponent` (PowerScale). Setters write them (no GL call; programs upload at their next
// draw); copies of a scale share one state.
//
// Errors (a throwing setter changes nothing): ValueError "LinearScale::set_domain: ..."
// for an empty or non-finite domain, a domain whose float32 form (what the GPU divides by)
// is empty or not finite ((1e10, 1e10 + 1); PowerScale's raised domain, checked again by
// set_exponent), a non-finite range, LogScale's base not positive, finite and != 1,
// PowerScale's exponent not positive and finite. LogScale's domain may be <= 0: it is in
// powers of the base, as glumpy's (its GLSL takes log_b of the value, never of the
// domain; glumpy's uploads the domain as given), so (-1, 1) is [0.1, 10].
//
// X, Y, Z (glumpy's xyz.py): `float get_x(T)` for T = float, vec2, vec3, vec4 (y and z
// alike, for vec2 and up, vec3 and up): a component as a float, to feed a float argument
// (`Position()(X()(".."), ...)`). CPU twin: (p.x, 0, 0, 1), and no inverse.

#include <glumpp/transforms/Snippet.hpp>

#include <glm/vec2.hpp>

#include <memory>

namespace glumpp::transforms {

/// What LinearScale, LogScale and PowerScale share: domain, range, clamp, discard.
class QuantitativeScale : public Snippet {
public:
    struct Options {
        glm::dvec2 domain{-1, 1};
        glm::dvec2 range{-1, 1};
        bool clamp = false;
        bool discard = true;
    };
    /// The domain as given (PowerScale's GPU reads it raised to the exponent).
    glm::dvec2 domain() const;
    void set_domain(glm::dvec2 domain);
    glm::dvec2 range() const;
    void set_range(glm::dvec2 range);
    bool clamp() const;
    void set_clamp(bool clamp);
    bool discard() const;
    void set_discard(bool discard);
    /// Whether a fragment shader running forward(x) would discard x (discard on and t out
    /// of [0, 1]): what the CPU twin cannot show.
    bool discards(double x) const;

protected:
    QuantitativeScale(std::string code, std::string name, const Options& options);
    /// The domain as the GPU reads it (PowerScale raises it to the exponent).
    virtual glm::dvec2 gpu_domain(glm::dvec2 domain) const { return domain; }
    /// The value whose position in the domain is t (PowerScale: |x|^k; LogScale: log_b x).
    virtual double transformed(double x) const { return x; }
    void upload_domain();
    struct State {
        std::string name;
        Options options;
        double base = 10, exponent = 1;
    };
    std::shared_ptr<State> state_;
};

class LinearScale : public QuantitativeScale {
public:
    LinearScale() : LinearScale(Options{}) {}
    explicit LinearScale(const Options& options);
};

class LogScale : public QuantitativeScale {
public:
    /// glumpy's LogScale defaults: domain (1, 10) in powers of the base, base 10.
    static Options defaults() { return {.domain = {1, 10}}; }
    LogScale() : LogScale(defaults()) {}
    explicit LogScale(const Options& options, double base = 10);
    double base() const;
    void set_base(double base);

protected:
    double transformed(double x) const override;
};

class PowerScale : public QuantitativeScale {
public:
    PowerScale() : PowerScale(Options{}) {}
    explicit PowerScale(const Options& options, double exponent = 1);
    double exponent() const;
    /// Sets the exponent and re-raises the domain (glumpy's setter).
    void set_exponent(double exponent);

protected:
    glm::dvec2 gpu_domain(glm::dvec2 domain) const override;
    double transformed(double x) const override;
};

class X : public Snippet {
public:
    X();
};
class Y : public Snippet {
public:
    Y();
};
class Z : public Snippet {
public:
    Z();
};

} // namespace glumpp::transforms
