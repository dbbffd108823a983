#include <glumpp/transforms/Transforms.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

namespace {

glm::dvec3 vec3_of(const Snippet& s, const char* name) {
    const auto& n = s.numbers(name);
    return {n.at(0), n.at(1), n.at(2)};
}

// forward/inverse for vec2, vec3 and vec4 from one vec3 expression EXPR(P) of a vec3 P.
std::string affine(const std::string& uniforms, const std::string& forward, const std::string& inverse) {
    std::string s = uniforms;
    for (const auto& [name, expr] : {std::pair{std::string("forward"), forward}, std::pair{std::string("inverse"), inverse}}) {
        s += "vec4 " + name + "(vec4 P) { vec3 Q = P.xyz; return vec4(" + expr + ", P.w); }\n";
        s += "vec3 " + name + "(vec3 Q) { return " + expr + "; }\n";
        s += "vec2 " + name + "(vec2 P) { vec3 Q = vec3(P, 0.0); return (" + expr + ").xy; }\n";
    }
    return s;
}

} // namespace

Position::Position()
    : Snippet(R"(vec4 position(float x) { return vec4(x, 0.0, 0.0, 1.0); }
vec4 position(float x, float y) { return vec4(x, y, 0.0, 1.0); }
vec4 position(float x, float y, float z) { return vec4(x, y, z, 1.0); }
vec4 position(vec2 xy) { return vec4(xy, 0.0, 1.0); }
vec4 position(vec3 xyz) { return vec4(xyz, 1.0); }
vec4 position(vec4 xyzw) { return xyzw; }
vec4 position(vec2 xy, float z) { return vec4(xy, z, 1.0); }
)",
              "Position") {
    set_cpu([](const Snippet&, glm::dvec4 p) { return p; }, [](const Snippet&, glm::dvec4 p) { return p; });
    set_cpu_batch([](const Snippet&, std::span<glm::dvec4>) {}, [](const Snippet&, std::span<glm::dvec4>) {});
}

Translate::Translate(glm::vec3 offset) : Snippet(affine("uniform vec3 translate;\n", "Q + translate", "Q - translate"), "Translate") {
    set_cpu([](const Snippet& s, glm::dvec4 p) { return glm::dvec4(glm::dvec3(p) + vec3_of(s, "translate"), p.w); },
            [](const Snippet& s, glm::dvec4 p) { return glm::dvec4(glm::dvec3(p) - vec3_of(s, "translate"), p.w); });
    set_cpu_batch(
        [](const Snippet& s, std::span<glm::dvec4> ps) {
            const glm::dvec3 t = vec3_of(s, "translate");
            for (auto& p : ps) p = glm::dvec4(glm::dvec3(p) + t, p.w);
        },
        [](const Snippet& s, std::span<glm::dvec4> ps) {
            const glm::dvec3 t = vec3_of(s, "translate");
            for (auto& p : ps) p = glm::dvec4(glm::dvec3(p) - t, p.w);
        });
    set(offset);
}
void Translate::set(glm::vec3 offset) { (*this)["translate"] = offset; }
glm::vec3 Translate::offset() const { return glm::vec3(vec3_of(*this, "translate")); }

Scale::Scale(glm::vec3 factors) : Snippet(affine("uniform vec3 scale;\n", "Q * scale", "Q / scale"), "Scale") {
    set_cpu([](const Snippet& s, glm::dvec4 p) { return glm::dvec4(glm::dvec3(p) * vec3_of(s, "scale"), p.w); },
            [](const Snippet& s, glm::dvec4 p) { return glm::dvec4(glm::dvec3(p) / vec3_of(s, "scale"), p.w); });
    set_cpu_batch(
        [](const Snippet& s, std::span<glm::dvec4> ps) {
            const glm::dvec3 f = vec3_of(s, "scale");
            for (auto& p : ps) p = glm::dvec4(glm::dvec3(p) * f, p.w);
        },
        [](const Snippet& s, std::span<glm::dvec4> ps) {
            const glm::dvec3 f = vec3_of(s, "scale");
            for (auto& p : ps) p = glm::dvec4(glm::dvec3(p) / f, p.w);
        });
    set(factors);
}
void Scale::set(glm::vec3 factors) { (*this)["scale"] = factors; }
glm::vec3 Scale::factors() const { return glm::vec3(vec3_of(*this, "scale")); }

Rotate::Rotate(glm::vec3 axis, float angle, glm::vec3 origin)
    : Snippet(affine("uniform vec3 axis;\nuniform float angle;\nuniform vec3 origin;\n"
                     "uniform mat4 forward_matrix;\nuniform mat4 inverse_matrix;\n",
                     "(forward_matrix * vec4(Q - origin, 1.0)).xyz + origin",
                     "(inverse_matrix * vec4(Q - origin, 1.0)).xyz + origin"),
              "Rotate") {
    auto apply = [](const char* matrix) {
        return [matrix](const Snippet& s, glm::dvec4 p) {
            const glm::dvec3 o = vec3_of(s, "origin");
            const glm::dvec4 q = mat4_of(s, matrix) * glm::dvec4(glm::dvec3(p) - o, 1.0);
            return glm::dvec4(glm::dvec3(q) + o, p.w);
        };
    };
    set_cpu(apply("forward_matrix"), apply("inverse_matrix"));
    auto apply_all = [](const char* matrix) {
        return [matrix](const Snippet& s, std::span<glm::dvec4> ps) {
            const glm::dvec3 o = vec3_of(s, "origin");
            const glm::dmat4 m = mat4_of(s, matrix);
            for (auto& p : ps) {
                const glm::dvec4 q = m * glm::dvec4(glm::dvec3(p) - o, 1.0);
                p = glm::dvec4(glm::dvec3(q) + o, p.w);
            }
        };
    };
    set_cpu_batch(apply_all("forward_matrix"), apply_all("inverse_matrix"));
    set(axis, angle, origin);
}

void Rotate::set(glm::vec3 axis, float angle, glm::vec3 origin) {
    if (glm::length(axis) == 0.0f)
        throw ValueError("Rotate::set: the axis (" + num(axis.x) + ", " + num(axis.y) + ", " +
                         num(axis.z) + ") has no direction");
    const glm::dmat4 m = glm::rotate(glm::dmat4(1.0), glm::radians(double(angle)), glm::normalize(glm::dvec3(axis)));
    (*this)["axis"] = axis;
    (*this)["angle"] = angle;
    (*this)["origin"] = origin;
    (*this)["forward_matrix"] = glm::mat4(m);
    (*this)["inverse_matrix"] = glm::mat4(glm::transpose(m)); // a rotation's inverse
}
glm::vec3 Rotate::axis() const { return glm::vec3(vec3_of(*this, "axis")); }
float Rotate::angle() const { return static_cast<float>(numbers("angle").at(0)); }
glm::vec3 Rotate::origin() const { return glm::vec3(vec3_of(*this, "origin")); }

PanZoom::PanZoom(Options options)
    : Snippet(R"(uniform vec2 scale;
uniform vec2 pan;
vec4 forward(vec4 P) { return vec4(scale * P.xy + pan, P.z, 1.0); }
vec4 inverse(vec4 P) { return vec4((P.xy - pan) / scale, P.z, 1.0); }
)",
              "PanZoom"),
      o_(std::make_shared<Options>(options)), window_aspect_(std::make_shared<glm::vec2>(1, 1)),
      size_(std::make_shared<glm::dvec2>(1, 1)) {
    auto xy = [](const Snippet& s, const char* name) {
        const auto& n = s.numbers(name);
        return glm::dvec2(n.at(0), n.at(1));
    };
    set_cpu([xy](const Snippet& s, glm::dvec4 p) { return glm::dvec4(xy(s, "scale") * glm::dvec2(p) + xy(s, "pan"), p.z, 1.0); },
            [xy](const Snippet& s, glm::dvec4 p) { return glm::dvec4((glm::dvec2(p) - xy(s, "pan")) / xy(s, "scale"), p.z, 1.0); });
    o_->zoom_min = std::min(o_->zoom_min, o_->zoom_max);
    o_->zoom = std::clamp(o_->zoom, o_->zoom_min, o_->zoom_max);
    update();
}

glm::vec2 PanZoom::pan() const { return o_->pan; }
void PanZoom::set_pan(glm::vec2 pan) {
    o_->pan = pan;
    update();
}
float PanZoom::zoom() const { return o_->zoom; }
void PanZoom::set_zoom(float zoom) {
    o_->zoom = std::clamp(zoom, o_->zoom_min, o_->zoom_max);
    update();
}
void PanZoom::resize(int width, int height) {
    if (width <= 0 || height <= 0)
        throw ValueError("PanZoom::resize: the size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
    *size_ = {width, height};
    const float aspect = float(width) / float(height);
    *window_aspect_ = aspect > 1.0f ? glm::vec2(1.0f / aspect, 1.0f) : glm::vec2(1.0f, aspect);
    update();
}
glm::vec2 PanZoom::scale() const {
    const auto& n = numbers("scale");
    return {float(n.at(0)), float(n.at(1))};
}
void PanZoom::drag(double dx, double dy) {
    set_pan({float(o_->pan.x + 2 * (dx / size_->x)), float(o_->pan.y - 2 * (dy / size_->y))});
}
void PanZoom::scroll(double x, double y, double dy) {
    x = x / (size_->x / 2) - 1;
    y = 1 - y / (size_->y / 2);
    const double zoom = std::clamp(o_->zoom * (1 + dy / 100), double(o_->zoom_min), double(o_->zoom_max));
    if (std::isnan(zoom)) return; // a NaN scroll changes nothing
    const double ratio = zoom / o_->zoom;
    o_->zoom = float(zoom);
    o_->pan = {float(x - ratio * (x - o_->pan.x)), float(y - ratio * (y - o_->pan.y))};
    update();
}
void PanZoom::reset() {
    o_->zoom = std::clamp(1.0f, o_->zoom_min, o_->zoom_max);
    o_->pan = {0, 0};
    update();
}
void PanZoom::update() {
    const glm::vec2 aspect = o_->aspect ? *window_aspect_ * *o_->aspect : glm::vec2(1, 1);
    (*this)["scale"] = o_->zoom * aspect;
    (*this)["pan"] = o_->pan;
}

} // namespace glumpp::transforms
