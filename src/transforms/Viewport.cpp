#include <glumpp/transforms/Viewport.hpp>

#include <glumpp/Error.hpp>

#include <cmath>
#include <sstream>

namespace glumpp::transforms {

namespace {

glm::dvec4 vec4_of(const Snippet& s, const char* name) {
    const auto& v = s.numbers(name);
    return {v.at(0), v.at(1), v.at(2), v.at(3)};
}

// The sub-rectangle's place in clip coordinates: (x, y) its centre, (w, h) its size ratios.
glm::dvec4 placement(const Snippet& s) {
    const glm::dvec4 l = vec4_of(s, "local"), g = vec4_of(s, "global");
    const double w = l.z / g.z, h = l.w / g.w;
    return {2 * l.x / g.z - 1 + w, 2 * l.y / g.w - 1 + h, w, h};
}

} // namespace

Viewport::Viewport(const Options& options)
    : Snippet(R"(uniform vec4 local;
uniform vec4 global;
uniform int enable_transform;
uniform int enable_clipping;
vec4 forward(vec4 P) {
    if (enable_transform == 0) return P;
    vec2 size = local.zw / global.zw;
    vec2 centre = 2.0 * local.xy / global.zw - 1.0 + size;
    return vec4((centre + size * P.xy / P.w) * P.w, P.z, P.w);
}
vec4 inverse(vec4 P) {
    if (enable_transform == 0) return P;
    vec2 size = local.zw / global.zw;
    vec2 centre = 2.0 * local.xy / global.zw - 1.0 + size;
    return vec4((P.xy / P.w - centre) / size * P.w, P.z, P.w);
}
#ifdef GLUMPP_VERTEX_SHADER
void transform() { gl_Position = forward(gl_Position); }
#endif
#ifdef GLUMPP_FRAGMENT_SHADER
void clipping() {
    if (enable_clipping == 0) return;
    vec2 p = gl_FragCoord.xy;
    if (p.x < local.x || p.x > local.x + local.z || p.y < local.y || p.y > local.y + local.w) discard;
}
#endif
)",
              "Viewport"),
      state_(std::make_shared<State>()) {
    set_cpu(
        [](const Snippet& s, glm::dvec4 p) {
            if (s.numbers("enable_transform").at(0) == 0) return p;
            const glm::dvec4 k = placement(s);
            return glm::dvec4((k.x + k.z * p.x / p.w) * p.w, (k.y + k.w * p.y / p.w) * p.w, p.z, p.w);
        },
        [](const Snippet& s, glm::dvec4 p) {
            if (s.numbers("enable_transform").at(0) == 0) return p;
            const glm::dvec4 k = placement(s);
            return glm::dvec4((p.x / p.w - k.x) / k.z * p.w, (p.y / p.w - k.y) / k.w * p.w, p.z, p.w);
        });
    set_extents(options.extents);
    set_transform(options.transform);
    set_clipping(options.clipping);
}

std::optional<glm::dvec4> Viewport::extents() const { return state_->options.extents; }

void Viewport::set_extents(std::optional<glm::dvec4> e) {
    if (e && (!std::isfinite(e->x) || !std::isfinite(e->y) || !(e->z > 0) || !(e->w > 0) || !std::isfinite(e->z) || !std::isfinite(e->w))) {
        std::ostringstream m;
        m << "Viewport::set_extents: the extents (" << e->x << ", " << e->y << ", " << e->z << ", " << e->w
          << ") are not finite with a positive width and height";
        throw ValueError(m.str());
    }
    state_->options.extents = e;
    update();
}
void Viewport::set_transform(bool on) {
    state_->options.transform = on;
    (*this)["enable_transform"] = int(on);
}
void Viewport::set_clipping(bool on) {
    state_->options.clipping = on;
    (*this)["enable_clipping"] = int(on);
}
bool Viewport::clipping() const { return state_->options.clipping; }
void Viewport::resize(int width, int height) {
    if (width <= 0 || height <= 0)
        throw ValueError("Viewport::resize: the size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
    state_->window = {0, 0, width, height};
    update();
}
glm::dvec4 Viewport::local() const { return state_->options.extents.value_or(state_->window); }
bool Viewport::clips(glm::dvec2 p) const {
    if (!state_->options.clipping) return false;
    const glm::dvec4 l = glm::dvec4(glm::vec4(local())); // as the GPU reads it
    return p.x < l.x || p.x > l.x + l.z || p.y < l.y || p.y > l.y + l.w;
}
void Viewport::update() {
    (*this)["global"] = glm::vec4(state_->window);
    (*this)["local"] = glm::vec4(local());
}

} // namespace glumpp::transforms
