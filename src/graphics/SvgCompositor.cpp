#include "SvgCompositor.hpp"

#include <glumpp/array/DType.hpp>
#include <glumpp/gloo/gl.hpp>

#include <glm/vec4.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace glumpp::graphics::detail {

namespace {

const char* vertex_source = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); }
)";

// uv from the fragment's position in the bound viewport: every texture is the viewport's
// size, so a pixel reads its own texel (no filtering but at the offset's fractions).
const char* sample_source = R"(#version 330 core
uniform sampler2D u_source;
uniform sampler2D u_clip;
uniform sampler2D u_mask;
uniform vec4 u_viewport;
uniform vec2 u_offset;
uniform float u_alpha_only;
uniform float u_opacity;
uniform float u_use_clip;
uniform float u_use_mask;
out vec4 frag_color;
void main() {
    vec2 here = gl_FragCoord.xy - u_viewport.xy;
    vec4 c = texture(u_source, (here - u_offset) / u_viewport.zw);
    if (u_alpha_only > 0.5) c = vec4(0.0, 0.0, 0.0, c.a);
    vec2 uv = here / u_viewport.zw;
    float k = u_opacity;
    if (u_use_clip > 0.5) k *= texture(u_clip, uv).a;
    if (u_use_mask > 0.5) k *= dot(texture(u_mask, uv).rgb, vec3(0.2125, 0.7154, 0.0721));
    frag_color = c * k;
}
)";

const char* blur_source = R"(#version 330 core
uniform sampler2D u_source;
uniform vec4 u_viewport;
uniform vec2 u_direction;
uniform float u_sigma;
uniform float u_alpha_only;
out vec4 frag_color;
vec4 at(vec2 p) {
    vec4 c = texture(u_source, p / u_viewport.zw);
    return u_alpha_only > 0.5 ? vec4(0.0, 0.0, 0.0, c.a) : c;
}
void main() {
    vec2 here = gl_FragCoord.xy - u_viewport.xy;
    if (u_sigma <= 0.0) { frag_color = at(here); return; }
    int r = int(ceil(3.0 * u_sigma));
    vec4 sum = vec4(0.0);
    float weights = 0.0;
    for (int i = -r; i <= r; ++i) {
        float w = exp(-0.5 * float(i * i) / (u_sigma * u_sigma));
        sum += w * at(here + u_direction * float(i));
        weights += w;
    }
    frag_color = sum / weights;
}
)";

// feFlood (mode 0), feComposite (1) and feColorMatrix (2) on premultiplied colour; with
// u_linear the inputs go to linear RGB and the result back to sRGB (SVG 1.1 15.7.2).
const char* primitive_source = R"(#version 330 core
uniform sampler2D u_a;
uniform sampler2D u_b;
uniform vec4 u_viewport;
uniform int u_mode;
uniform int u_op;
uniform float u_a_alpha_only;
uniform float u_b_alpha_only;
uniform float u_linear;
uniform vec4 u_color;
uniform vec4 u_k;
uniform mat4 u_matrix;
uniform vec4 u_shift;
out vec4 frag_color;
vec3 to_linear(vec3 c) { return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(0.04045, c)); }
vec3 to_srgb(vec3 c) { return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c)); }
vec4 unpremultiply(vec4 c) { return c.a > 0.0 ? vec4(c.rgb / c.a, c.a) : vec4(0.0); }
vec4 space_in(vec4 c) {
    if (u_linear < 0.5 || c.a <= 0.0) return c;
    vec4 u = unpremultiply(c);
    return vec4(to_linear(clamp(u.rgb, 0.0, 1.0)) * u.a, u.a);
}
vec4 space_out(vec4 c) {
    c = clamp(c, 0.0, 1.0);
    c.rgb = min(c.rgb, vec3(c.a));
    if (u_linear < 0.5 || c.a <= 0.0) return c;
    vec4 u = unpremultiply(c);
    return vec4(to_srgb(u.rgb) * u.a, u.a);
}
vec4 at(sampler2D s, float alpha_only, vec2 uv) {
    vec4 c = texture(s, uv);
    return space_in(alpha_only > 0.5 ? vec4(0.0, 0.0, 0.0, c.a) : c);
}
void main() {
    vec2 uv = (gl_FragCoord.xy - u_viewport.xy) / u_viewport.zw;
    if (u_mode == 0) {
        vec4 c = vec4(u_color.rgb * u_color.a, u_color.a);
        frag_color = c;
        return;
    }
    vec4 a = at(u_a, u_a_alpha_only, uv);
    vec4 r;
    if (u_mode == 1) {
        vec4 b = at(u_b, u_b_alpha_only, uv);
        if (u_op == 0) r = a + b * (1.0 - a.a);
        else if (u_op == 1) r = a * b.a;
        else if (u_op == 2) r = a * (1.0 - b.a);
        else if (u_op == 3) r = a * b.a + b * (1.0 - a.a);
        else if (u_op == 4) r = a * (1.0 - b.a) + b * (1.0 - a.a);
        else r = u_k.x * a * b + u_k.y * a + u_k.z * b + vec4(u_k.w);
    } else {
        vec4 u = unpremultiply(a);
        vec4 m = clamp(u_matrix * u + u_shift, 0.0, 1.0);
        r = vec4(m.rgb * m.a, m.a);
    }
    frag_color = space_out(r);
}
)";

void quad(gloo::Program& p) { p["a_position"] = {-1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0}; }

glm::vec4 viewport() {
    GLint v[4];
    glGetIntegerv(GL_VIEWPORT, v);
    return {float(v[0]), float(v[1]), float(v[2]), float(v[3])};
}

/// Blending and depth test as found, restored at the end of the scope.
class BlendState {
public:
    BlendState() {
        blend_ = glIsEnabled(GL_BLEND);
        depth_ = glIsEnabled(GL_DEPTH_TEST);
        glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb_);
        glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb_);
        glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_alpha_);
        glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_alpha_);
    }
    ~BlendState() {
        if (blend_) glEnable(GL_BLEND); else glDisable(GL_BLEND);
        if (depth_) glEnable(GL_DEPTH_TEST); else glDisable(GL_DEPTH_TEST);
        glBlendFuncSeparate(GLenum(src_rgb_), GLenum(dst_rgb_), GLenum(src_alpha_), GLenum(dst_alpha_));
    }
    BlendState(const BlendState&) = delete;
    BlendState& operator=(const BlendState&) = delete;

private:
    GLboolean blend_, depth_;
    GLint src_rgb_ = 0, dst_rgb_ = 0, src_alpha_ = 0, dst_alpha_ = 0;
};

} // namespace

Compositor::Target& Compositor::target(std::size_t slot, int width, int height) {
    if (slot >= targets_.size()) targets_.resize(slot + 1);
    auto& t = targets_[slot];
    const auto w = static_cast<std::size_t>(std::max(width, 1)), h = static_cast<std::size_t>(std::max(height, 1));
    if (!t) {
        auto color = gloo::Texture2D::gpu_only({h, w, 4}, DType::of<std::uint8_t>());
        // Outside the texture is transparent (an offset or a blur reads nothing there).
        color.set_wrapping(gloo::Wrapping::ClampToBorder);
        color.set_interpolation(gloo::Interpolation::Linear);
        gloo::FrameBuffer fb({color}, gloo::RenderBuffer::depth(w, h));
        t = std::make_unique<Target>(Target{color, fb});
    } else if (t->fb.width() != w || t->fb.height() != h) {
        t->fb.resize(w, h);
    }
    return *t;
}

void Compositor::clear() {
    GLfloat color[4];
    GLboolean depth_mask;
    glGetFloatv(GL_COLOR_CLEAR_VALUE, color);
    glGetBooleanv(GL_DEPTH_WRITEMASK, &depth_mask);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glDepthMask(GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glClearColor(color[0], color[1], color[2], color[3]);
    glDepthMask(depth_mask);
}

gloo::Program& Compositor::sampler() {
    if (!sampler_) {
        sampler_.emplace(vertex_source, sample_source, 4);
        quad(*sampler_);
    }
    return *sampler_;
}

gloo::Program& Compositor::primitive_program() {
    if (!primitive_) {
        primitive_.emplace(vertex_source, primitive_source, 4);
        quad(*primitive_);
    }
    return *primitive_;
}

void Compositor::primitive(const Primitive& q) {
    gloo::Program& p = primitive_program();
    // Unused samplers still need a texture bound: any input serves (a flood has none and
    // reads none: its own target is not bound, the first input slot is then `b` or `a`).
    const gloo::Texture2D* any = q.a ? q.a : q.b;
    if (any) {
        p["u_a"] = *(q.a ? q.a : any);
        p["u_b"] = *(q.b ? q.b : any);
    }
    p["u_viewport"] = viewport();
    p["u_mode"] = int(q.mode);
    p["u_op"] = q.op;
    p["u_a_alpha_only"] = q.a_alpha_only ? 1.0f : 0.0f;
    p["u_b_alpha_only"] = q.b_alpha_only ? 1.0f : 0.0f;
    p["u_linear"] = q.linear_rgb ? 1.0f : 0.0f;
    p["u_color"] = q.color;
    p["u_k"] = q.k;
    p["u_matrix"] = q.matrix;
    p["u_shift"] = q.shift;
    BlendState state;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    p.draw(gloo::Primitive::TriangleStrip);
}

gloo::Program& Compositor::blurrer() {
    if (!blurrer_) {
        blurrer_.emplace(vertex_source, blur_source, 4);
        quad(*blurrer_);
    }
    return *blurrer_;
}

void Compositor::composite(const Sample& s, Blend blend) {
    gloo::Program& p = sampler();
    p["u_source"] = *s.source;
    // Unused samplers still need a texture bound: the source serves.
    p["u_clip"] = s.clip ? *s.clip : *s.source;
    p["u_mask"] = s.mask ? *s.mask : *s.source;
    p["u_viewport"] = viewport();
    p["u_offset"] = s.offset;
    p["u_alpha_only"] = s.alpha_only ? 1.0f : 0.0f;
    p["u_opacity"] = s.opacity;
    p["u_use_clip"] = s.clip ? 1.0f : 0.0f;
    p["u_use_mask"] = s.mask ? 1.0f : 0.0f;
    BlendState state;
    glDisable(GL_DEPTH_TEST);
    switch (blend) {
    case Blend::Over:
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        break;
    case Blend::Replace: glDisable(GL_BLEND); break;
    case Blend::Multiply:
        glEnable(GL_BLEND);
        glBlendFunc(GL_ZERO, GL_SRC_ALPHA);
        break;
    }
    p.draw(gloo::Primitive::TriangleStrip);
}

void Compositor::blur(const gloo::Texture2D& source, bool alpha_only, glm::vec2 direction, float sigma) {
    gloo::Program& p = blurrer();
    p["u_source"] = source;
    p["u_viewport"] = viewport();
    p["u_direction"] = direction;
    p["u_sigma"] = std::min(sigma, max_blur_sigma_pixels);
    p["u_alpha_only"] = alpha_only ? 1.0f : 0.0f;
    BlendState state;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    p.draw(gloo::Primitive::TriangleStrip);
}

} // namespace glumpp::graphics::detail
