#include <glumpp/transforms/Geo.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

namespace {

// forward and inverse of (float, float) from two bodies reading `a`, `b` and returning a
// vec2, then the vec2, vec3 and vec4 overloads (z and w kept). `head` holds uniforms and
// the helpers' prototypes, `helpers` their definitions, after forward: a snippet's
// default function is the first one defined (glumpy's rule), and that must be forward.
// Mesa's GLSL asin and acos are polynomial fits (errors near 1e-4 on llvmpipe, measured by
// GpuForwardAndInverseMatchTheCpuTwins); atan is close to float32, so asin and acos are
// written with it (arcsin x = atan(x, sqrt(1 - x^2))).
std::string projection(const std::string& head, const std::string& forward, const std::string& inverse, const std::string& helpers = {}) {
    std::string s = head + "float arcsin(float x);\nfloat arccos(float x);\n";
    for (const auto& [name, body] : {std::pair{std::string("forward"), forward}, std::pair{std::string("inverse"), inverse}}) {
        s += "vec2 " + name + "(float a, float b) {\n" + body + "}\n";
        s += "vec2 " + name + "(vec2 P) { return " + name + "(P.x, P.y); }\n";
        s += "vec3 " + name + "(vec3 P) { return vec3(" + name + "(P.x, P.y), P.z); }\n";
        s += "vec4 " + name + "(vec4 P) { return vec4(" + name + "(P.x, P.y), P.z, P.w); }\n";
    }
    return s + helpers + "float arcsin(float x) { return atan(x, sqrt((1.0 - x) * (1.0 + x))); }\n" +
           "float arccos(float x) { return atan(sqrt((1.0 - x) * (1.0 + x)), x); }\n";
}

// A twin over (lambda, phi) -> (x, y), z and w kept.
template <class F>
Snippet::Cpu planar(F f) {
    return [f](const Snippet& s, glm::dvec4 p) {
        const glm::dvec2 q = f(s, p.x, p.y);
        return glm::dvec4(q, p.z, p.w);
    };
}

constexpr double k0 = 0.75; // transverse Mercator's scale on the central meridian (glumpy's)
constexpr double radian = std::numbers::pi / 180.0;

} // namespace

HammerProjection::HammerProjection()
    : Snippet(projection("", R"(    float d = sqrt(1.0 + cos(b) * cos(a / 2.0));
    return vec2(2.0 * sqrt(2.0) * cos(b) * sin(a / 2.0) / d, sqrt(2.0) * sin(b) / d);
)",
                         R"(    float z = sqrt(1.0 - a * a / 16.0 - b * b / 4.0);
    return vec2(2.0 * atan(z * a, 2.0 * (2.0 * z * z - 1.0)), arcsin(z * b));
)"),
              "HammerProjection") {
    set_cpu(planar([](const Snippet&, double l, double f) {
                const double d = std::sqrt(1 + std::cos(f) * std::cos(l / 2));
                return glm::dvec2(2 * std::sqrt(2.0) * std::cos(f) * std::sin(l / 2) / d, std::sqrt(2.0) * std::sin(f) / d);
            }),
            planar([](const Snippet&, double x, double y) {
                const double z = std::sqrt(1 - x * x / 16 - y * y / 4);
                return glm::dvec2(2 * std::atan2(z * x, 2 * (2 * z * z - 1)), std::asin(z * y));
            }));
}

TransverseMercatorProjection::TransverseMercatorProjection()
    : Snippet(projection("", R"(    float B = sin(a) * cos(b);
    return vec2(0.375 * log((1.0 + B) / (1.0 - B)), 0.75 * atan(tan(b), cos(a)));
)",
                         R"(    float x = a / 0.75, y = b / 0.75; // k0 = 0.75, a = 1 (glumpy's)
    float sinh_x = 0.5 * (exp(x) - exp(-x)), cosh_x = 0.5 * (exp(x) + exp(-x));
    return vec2(atan(sinh_x, cos(y)), arcsin(sin(y) / cosh_x));
)"),
              "TransverseMercatorProjection") {
    set_cpu(planar([](const Snippet&, double l, double f) {
                const double B = std::sin(l) * std::cos(f);
                return glm::dvec2(0.5 * k0 * std::log((1 + B) / (1 - B)), k0 * std::atan2(std::tan(f), std::cos(l)));
            }),
            planar([](const Snippet&, double x, double y) {
                return glm::dvec2(std::atan2(std::sinh(x / k0), std::cos(y / k0)), std::asin(std::sin(y / k0) / std::cosh(x / k0)));
            }));
}

namespace {

// The azimuthal projections differ in k(cos c), the forward's radial scale, and in how the
// inverse gets sin c / rho and cos c from rho (c the angle from the centre).
std::string azimuthal(const std::string& k, const std::string& sin_c_over_rho, const std::string& cos_c) {
    return projection("float k_of(float cos_c);\n",
                      R"(    float k = k_of(cos(a) * cos(b));
    return vec2(k * cos(b) * sin(a), k * sin(b));
)",
                      // cos phi (sin l, cos l) = (a s, cos c) and sin phi = b s, with s = sin c / rho:
                      // atan of them stays accurate near the poles, where asin's slope is unbounded
                      "    float rho = length(vec2(a, b));\n    float s = " + sin_c_over_rho + ", cos_c = " + cos_c + ";\n" +
                          "    return vec2(atan(a * s, cos_c), atan(b * s, length(vec2(a * s, cos_c))));\n",
                      "float k_of(float cos_c) {\n" + k + "}\n");
}

template <class K, class C>
void azimuthal_twins(Snippet& s, K k_of, C c_of) {
    s.set_cpu(planar([k_of](const Snippet&, double l, double f) {
                  const double k = k_of(std::cos(l) * std::cos(f));
                  return glm::dvec2(k * std::cos(f) * std::sin(l), k * std::sin(f));
              }),
              planar([c_of](const Snippet&, double x, double y) {
                  const double rho = std::hypot(x, y), c = c_of(rho);
                  return glm::dvec2(std::atan2(x * std::sin(c), rho * std::cos(c)), rho > 0 ? std::asin(y * std::sin(c) / rho) : 0.0);
              }));
}

} // namespace

AzimuthalEqualAreaProjection::AzimuthalEqualAreaProjection()
    // c = 2 asin(rho / 2): sin c / rho = sqrt(1 - rho^2 / 4) and cos c = 1 - rho^2 / 2, no trigonometry
    : Snippet(azimuthal("    return sqrt(2.0 / (1.0 + cos_c));\n", "sqrt(1.0 - rho * rho / 4.0)", "1.0 - rho * rho / 2.0"),
              "AzimuthalEqualAreaProjection") {
    azimuthal_twins(
        *this, [](double cos_c) { return std::sqrt(2 / (1 + cos_c)); }, [](double rho) { return 2 * std::asin(rho / 2); });
}

AzimuthalEquidistantProjection::AzimuthalEquidistantProjection()
    // c = rho
    : Snippet(azimuthal("    float c = arccos(clamp(cos_c, -1.0, 1.0));\n    return c > 0.0 ? c / sin(c) : 1.0;\n",
                        "rho > 0.0 ? sin(rho) / rho : 1.0", "cos(rho)"),
              "AzimuthalEquidistantProjection") {
    azimuthal_twins(
        *this,
        [](double cos_c) {
            const double c = std::acos(std::clamp(cos_c, -1.0, 1.0));
            return c > 0 ? c / std::sin(c) : 1.0;
        },
        [](double rho) { return rho; });
}

IdentityProjection::IdentityProjection()
    : Snippet(projection("", "    return vec2(a, b);\n", "    return vec2(a, b);\n"), "IdentityProjection") {
    set_cpu([](const Snippet&, glm::dvec4 p) { return p; }, [](const Snippet&, glm::dvec4 p) { return p; });
}

namespace {

struct Conic {
    double n, C, rho0;
};

Conic conic_of(glm::dvec2 parallels) {
    const double s0 = std::sin(parallels.x * radian), s1 = std::sin(parallels.y * radian);
    const double n = (s0 + s1) / 2, C = 1 + s0 * (2 * n - s0);
    return {n, C, std::sqrt(C) / n};
}

glm::dvec2 vec2_of(const Snippet& s, const char* name) {
    const auto& v = s.numbers(name);
    return {v.at(0), v.at(1)};
}

} // namespace

ConicEqualArea::ConicEqualArea(const Options& options)
    : Snippet(projection(R"(uniform float scale;
uniform vec2 center;
uniform vec2 rotate;
uniform vec2 translate;
uniform vec2 parallels;
uniform vec4 clip;
vec3 cone();
)",
                         R"(    if ((clip.x >= -180.0 && a < clip.x) || (clip.y <= 180.0 && a > clip.y) ||
        (clip.z >= -90.0 && b < clip.z) || (clip.w <= 90.0 && b > clip.w))
        return vec2(a, b);
    vec3 k = cone();
    float lon = (a + rotate.x) * 0.017453292519943295, lat = (b + rotate.y) * 0.017453292519943295;
    float rho = sqrt(k.y - 2.0 * k.x * sin(lat)) / k.x;
    vec2 P = vec2(rho * sin(k.x * lon), k.z - rho * cos(k.x * lon)) + center;
    return P * scale + translate;
)",
                         R"(    vec3 k = cone();
    vec2 Q = (vec2(a, b) - translate) / scale - center;
    float r0y = k.z - Q.y, s = sign(k.x);
    float lon = atan(Q.x * s, r0y * s) / k.x;
    float lat = arcsin((k.y - (Q.x * Q.x + r0y * r0y) * k.x * k.x) / (2.0 * k.x));
    return vec2(lon / 0.017453292519943295 - rotate.x, lat / 0.017453292519943295 - rotate.y);
)",
                         R"(vec3 cone() { // (n, C, rho0) of the parallels
    float s0 = sin(parallels.x * 0.017453292519943295), s1 = sin(parallels.y * 0.017453292519943295);
    float n = (s0 + s1) / 2.0, C = 1.0 + s0 * (2.0 * n - s0);
    return vec3(n, C, sqrt(C) / n);
}
)"),
              "ConicEqualArea") {
    set_cpu(planar([](const Snippet& s, double a, double b) {
                const auto& clip = s.numbers("clip");
                if ((clip.at(0) >= -180 && a < clip[0]) || (clip.at(1) <= 180 && a > clip[1]) || (clip.at(2) >= -90 && b < clip[2]) ||
                    (clip.at(3) <= 90 && b > clip[3]))
                    return glm::dvec2(a, b);
                const Conic k = conic_of(vec2_of(s, "parallels"));
                const glm::dvec2 rotate = vec2_of(s, "rotate");
                const double lon = (a + rotate.x) * radian, lat = (b + rotate.y) * radian;
                const double rho = std::sqrt(k.C - 2 * k.n * std::sin(lat)) / k.n;
                const glm::dvec2 P = glm::dvec2(rho * std::sin(k.n * lon), k.rho0 - rho * std::cos(k.n * lon)) + vec2_of(s, "center");
                return P * s.numbers("scale").at(0) + vec2_of(s, "translate");
            }),
            planar([](const Snippet& s, double a, double b) {
                const Conic k = conic_of(vec2_of(s, "parallels"));
                const glm::dvec2 Q = (glm::dvec2(a, b) - vec2_of(s, "translate")) / s.numbers("scale").at(0) - vec2_of(s, "center");
                const double r0y = k.rho0 - Q.y, sg = k.n > 0 ? 1.0 : -1.0;
                const double lon = std::atan2(Q.x * sg, r0y * sg) / k.n;
                const double lat = std::asin((k.C - (Q.x * Q.x + r0y * r0y) * k.n * k.n) / (2 * k.n));
                const glm::dvec2 rotate = vec2_of(s, "rotate");
                return glm::dvec2(lon / radian - rotate.x, lat / radian - rotate.y);
            }));
    set(options);
}

ConicEqualArea ConicEqualArea::albers() {
    return ConicEqualArea({.scale = 1285, .center = {0.01, -0.6}, .rotate = {96, 0}, .translate = {480, 250}, .parallels = {29.5, 45.5}});
}

ConicEqualArea::Options ConicEqualArea::options() const {
    const auto& c = numbers("clip");
    return {numbers("scale").at(0), vec2_of(*this, "center"),      vec2_of(*this, "rotate"),
            vec2_of(*this, "translate"), vec2_of(*this, "parallels"), {c.at(0), c.at(1), c.at(2), c.at(3)}};
}

void ConicEqualArea::set(const Options& o) {
    const double all[] = {o.scale,       o.center.x,    o.center.y,    o.rotate.x, o.rotate.y, o.translate.x, o.translate.y,
                          o.parallels.x, o.parallels.y, o.clip.x,      o.clip.y,   o.clip.z,   o.clip.w};
    for (double v : all) {
        if (!std::isfinite(v)) throw ValueError("ConicEqualArea::set: a parameter is not finite (" + num(v) + ")");
    }
    if (o.scale == 0) throw ValueError("ConicEqualArea::set: the scale is 0");
    const Conic k = conic_of(glm::dvec2(glm::vec2(o.parallels)));
    if (!(std::abs(k.n) > 1e-6)) {
        std::ostringstream m;
        m << "ConicEqualArea::set: the parallels (" << o.parallels.x << ", " << o.parallels.y << ") make no cone (sin p0 + sin p1 = 0)";
        throw ValueError(m.str());
    }
    (*this)["scale"] = float(o.scale);
    (*this)["center"] = glm::vec2(o.center);
    (*this)["rotate"] = glm::vec2(o.rotate);
    (*this)["translate"] = glm::vec2(o.translate);
    (*this)["parallels"] = glm::vec2(o.parallels);
    (*this)["clip"] = glm::vec4(o.clip);
}

} // namespace glumpp::transforms
