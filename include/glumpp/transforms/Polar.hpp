#pragma once
// PolarProjection: glumpy's polar.py, x read as the radius rho and y as the angle theta
// (radians), a Snippet with a CPU twin:
//
//   transforms::PolarProjection polar;                       // origin 0
//   program["transform"] = transforms::Position()(polar);    // position(forward_2(P))
//   // log-polar, glumpy's transform-log-polar: a chain, not a class of its own
//   transforms::LogScale r({.domain = {-1, 3}, .range = {0, 1}});
//   transforms::LinearScale t({.domain = {0, 2 * pi}, .range = {0, 2 * pi}});
//   program["transform"] = transforms::Position()(polar(r(".x"), t(".y")));
//
//   forward:  (rho, theta, z, w) -> (rho cos(theta + origin), rho sin(theta + origin), z, w)
//   inverse:  (x, y, z, w) -> (|(x, y)|, atan2(y, x) - origin, z, w), the angle taken in
//             [0, 2 pi) before origin is subtracted (glumpy's), so inverse(forward(p))
//             gives theta modulo 2 pi.
// GLSL overloads (glumpy's): forward and inverse of (float, float), (float, float, float),
// (float x4), vec2, vec3, vec4, each returning a vec4 (missing z is 0, w is 1).
// Uniform: `origin` (float, radians; glumpy's default 0). No GL call here.

#include <glumpp/transforms/Snippet.hpp>

namespace glumpp::transforms {

class PolarProjection : public Snippet {
public:
    explicit PolarProjection(double origin = 0);
    double origin() const;
    /// ValueError "PolarProjection::set_origin: ..." for an origin that is not finite.
    void set_origin(double origin);
};

} // namespace glumpp::transforms
