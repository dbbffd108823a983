#pragma once
// glumpy's geographic projections, each a Snippet (GLSL) with CPU twins forward and
// inverse giving the GPU's numbers:
//
//   transforms::HammerProjection hammer;                     // (lon, lat) radians -> plane
//   program["transform"] = transforms::Position()(hammer);
//   glm::dvec4 lonlat = hammer(transforms::Position()).inverse({0.5, 0.2, 0, 1});
//
// Every projection's GLSL has `forward` and `inverse` of (float, float) -> vec2 and of vec2,
// vec3, vec4 (z and w kept), so it composes with scales and Position like glumpy's.
// Longitudes and latitudes are radians, except ConicEqualArea's, which are degrees (as
// glumpy's and d3's, whose parameters are degrees too). With lambda the longitude and phi
// the latitude:
//  - HammerProjection (hammer.py): d = sqrt(1 + cos phi cos(lambda / 2)),
//    x = 2 sqrt2 cos phi sin(lambda / 2) / d, y = sqrt2 sin phi / d; inverse with
//    z = sqrt(1 - x^2 / 16 - y^2 / 4): lambda = 2 atan2(z x, 2 (2 z^2 - 1)), phi = asin(z y).
//    glumpy's forward returns a vec4 for every input and drops z for (x, y, z): here each
//    overload returns its input's type, z kept.
//  - TransverseMercatorProjection (transverse_mercator.py; k0 = 0.75, a = 1, glumpy's):
//    B = sin lambda cos phi, x = k0 / 2 ln((1 + B) / (1 - B)), y = k0 a atan2(tan phi,
//    cos lambda); inverse lambda = atan2(sinh(x / k0 a), cos(y / k0 a)),
//    phi = asin(sin(y / k0 a) / cosh(x / k0 a)). Defined for |lambda| < pi / 2 about the
//    central meridian (B = +-1 is infinitely far).
//  - AzimuthalEqualAreaProjection (Lambert): k = sqrt(2 / (1 + cos lambda cos phi)),
//    (x, y) = k (cos phi sin lambda, sin phi); inverse rho = |(x, y)|, c = 2 asin(rho / 2),
//    lambda = atan2(x sin c, rho cos c), phi = asin(y sin c / rho) (0 at rho = 0).
//  - AzimuthalEquidistantProjection: c = acos(cos lambda cos phi), k = c / sin c, the same
//    (x, y); inverse with c = rho. At c = 0 (the centre) k is its limit 1: glumpy's GLSL
//    discards there, which no vertex shader may do (it does not compile in one).
//  - ConicEqualArea (conic_equal_area.py, d3's conicEqualArea; degrees): parameters scale
//    (1), center (0, 0), rotate (0, 0), translate (0, 0), parallels (0, 90) and clip
//    (-180, 180, -90, 90: lon min, lon max, lat min, lat max), glumpy's defaults.
//    lon, lat += rotate; n = (sin p0 + sin p1) / 2, C = 1 + sin p0 (2 n - sin p0),
//    rho0 = sqrt C / n, rho = sqrt(C - 2 n sin lat) / n,
//    P = ((rho sin(n lon), rho0 - rho cos(n lon)) + center) scale + translate.
//    A point outside the clip box is returned unprojected (glumpy's frozen GeoPosition
//    rule, for composite maps). The inverse (glumpy has none: its GLSL is commented out)
//    undoes translate, scale, center, then lon = atan2(x sgn n, (rho0 - y) sgn n) / n,
//    lat = asin((C - (x^2 + (rho0 - y)^2) n^2) / (2 n)), minus rotate; defined for
//    |n lon| < pi. ConicEqualArea::albers() is glumpy's Albers (USA: scale 1285,
//    parallels (29.5, 45.5), rotate (96, 0), translate (480, 250), center (0.01, -0.6)).
//    ValueError "ConicEqualArea::set: ..." for non-finite values, a zero scale or
//    parallels with sin p0 + sin p1 = 0 (n = 0: no cone).
//  - IdentityProjection (identity.py): forward and inverse give their argument.
// The GLSL computes the same maps by steadier routes where Mesa's float32 functions would
// miss 1e-5 (measured by test_scales' GpuForwardAndInverseMatchTheCpuTwins): asin and acos
// are written with atan (Mesa's are polynomial fits, ~1e-4 off), the azimuthal inverses
// take phi = atan2(y s, |(x s, cos c)|) with s = sin c / rho (equal area: s and cos c from
// rho without trigonometry), where asin would amplify every error near the poles.
// Parameters are float32 uniforms (conic's `scale`, `center`, ...; the others have none);
// the CPU twins compute in double from those floats. No GL call here.

#include <glumpp/transforms/Snippet.hpp>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace glumpp::transforms {

class HammerProjection : public Snippet {
public:
    HammerProjection();
};

class TransverseMercatorProjection : public Snippet {
public:
    TransverseMercatorProjection();
};

class AzimuthalEqualAreaProjection : public Snippet {
public:
    AzimuthalEqualAreaProjection();
};

class AzimuthalEquidistantProjection : public Snippet {
public:
    AzimuthalEquidistantProjection();
};

class IdentityProjection : public Snippet {
public:
    IdentityProjection();
};

class ConicEqualArea : public Snippet {
public:
    struct Options {
        double scale = 1;
        glm::dvec2 center{0, 0}, rotate{0, 0}, translate{0, 0}, parallels{0, 90};
        glm::dvec4 clip{-180, 180, -90, 90};
    };
    ConicEqualArea() : ConicEqualArea(Options{}) {}
    explicit ConicEqualArea(const Options& options);
    /// glumpy's Albers (albers.py): the USA in a 960 x 500 area.
    static ConicEqualArea albers();
    Options options() const;
    /// Sets every parameter (a throwing call changes none).
    void set(const Options& options);
};

} // namespace glumpp::transforms
