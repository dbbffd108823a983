#include <glumpp/transforms/Polar.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"

#include <cmath>
#include <numbers>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

PolarProjection::PolarProjection(double origin)
    : Snippet(R"(uniform float origin;
vec4 forward(float rho, float theta, float z, float w) {
    float a = theta + origin;
    return vec4(rho * cos(a), rho * sin(a), z, w);
}
vec4 forward(float rho, float theta, float z) { return forward(rho, theta, z, 1.0); }
vec4 forward(float rho, float theta) { return forward(rho, theta, 0.0, 1.0); }
vec4 forward(vec2 P) { return forward(P.x, P.y, 0.0, 1.0); }
vec4 forward(vec3 P) { return forward(P.x, P.y, P.z, 1.0); }
vec4 forward(vec4 P) { return forward(P.x, P.y, P.z, P.w); }
vec4 inverse(float x, float y, float z, float w) {
    float theta = atan(y, x);
    if (theta < 0.0) theta += 6.283185307179586;
    return vec4(length(vec2(x, y)), theta - origin, z, w);
}
vec4 inverse(float x, float y, float z) { return inverse(x, y, z, 1.0); }
vec4 inverse(float x, float y) { return inverse(x, y, 0.0, 1.0); }
vec4 inverse(vec2 P) { return inverse(P.x, P.y, 0.0, 1.0); }
vec4 inverse(vec3 P) { return inverse(P.x, P.y, P.z, 1.0); }
vec4 inverse(vec4 P) { return inverse(P.x, P.y, P.z, P.w); }
)",
              "PolarProjection") {
    set_cpu(
        [](const Snippet& s, glm::dvec4 p) {
            const double a = p.y + s.numbers("origin").at(0);
            return glm::dvec4(p.x * std::cos(a), p.x * std::sin(a), p.z, p.w);
        },
        [](const Snippet& s, glm::dvec4 p) {
            double theta = std::atan2(p.y, p.x);
            if (theta < 0) theta += 2 * std::numbers::pi;
            return glm::dvec4(std::hypot(p.x, p.y), theta - s.numbers("origin").at(0), p.z, p.w);
        });
    set_origin(origin);
}

double PolarProjection::origin() const { return numbers("origin").at(0); }

void PolarProjection::set_origin(double origin) {
    if (!std::isfinite(origin)) throw ValueError("PolarProjection::set_origin: the origin " + num(origin) + " is not finite");
    (*this)["origin"] = float(origin);
}

} // namespace glumpp::transforms
