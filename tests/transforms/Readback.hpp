#pragma once
// The GPU's numbers for a chain, read back: point k is drawn as one GL_POINTS vertex at
// pixel k of an N x 1 RGBA32F target, and its colour is the vec4 that `expression` gives,
// in the vertex shader or, with in_fragment, in the fragment shader (where a scale may
// discard: the texel then keeps `cleared`). `expression` names the input `P` (the point,
// a vec4) and holds the hook, e.g. "<transform(P.xyz)>" or "vec4(<transform(P.xy)>, 0, 1)".
// Shared by the transforms tests (test_transforms, test_scales, test_cameras, ...).
#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <glm/vec4.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace glumpp::test {

inline constexpr float cleared = -12345.0f;

inline std::vector<glm::vec4> gpu_evaluate(const transforms::Call& chain, const std::vector<glm::vec4>& points,
                                           const std::string& expression, bool in_fragment = false) {
    const std::size_t n = points.size();
    const std::string vertex = std::string(R"(#version 330
in vec4 a_position;
uniform float u_count;
flat out vec4 v_out;
void main() {
    vec4 P = a_position;
    v_out = )") + (in_fragment ? std::string("P") : expression) + R"(;
    gl_Position = vec4((2.0 * float(gl_VertexID) + 1.0) / u_count - 1.0, 0.0, 0.0, 1.0);
    gl_PointSize = 1.0;
}
)";
    const std::string fragment = std::string("#version 330\nflat in vec4 v_out;\nout vec4 color;\nvoid main() {\n    vec4 P = v_out;\n    color = ") +
                                 (in_fragment ? expression : std::string("P")) + ";\n}\n";
    transforms::Program p(vertex, fragment);
    p["transform"] = chain;
    std::vector<float> flat;
    for (const auto& q : points) flat.insert(flat.end(), {q.x, q.y, q.z, q.w});
    p["a_position"] = Array::from(flat, {n, 4});
    p["u_count"] = float(n);
    auto color = gloo::Texture2D::gpu_only({1, n, 4}, DType::of<float>());
    gloo::FrameBuffer fb({color});
    {
        auto on = fb.activated();
        glClearColor(cleared, cleared, cleared, cleared);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_BLEND);
        p.draw(gloo::Primitive::Points);
    }
    const auto texels = color.read_back().to_vector<float>();
    std::vector<glm::vec4> out(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = {texels[4 * k], texels[4 * k + 1], texels[4 * k + 2], texels[4 * k + 3]};
    return out;
}

/// The chain's output for each point, computed by the GPU. With `two_d`, the chain is fed
/// a_position.xy and gives a vec2 (the vec2 overloads).
inline std::vector<glm::vec4> gpu_forward(const transforms::Call& chain, const std::vector<glm::vec3>& points, bool two_d = false) {
    std::vector<glm::vec4> in;
    for (const auto& q : points) in.emplace_back(q, 1.0f);
    return gpu_evaluate(chain, in, two_d ? "vec4(<transform(P.xy)>, 0.0, 1.0)" : "<transform(P.xyz)>");
}

/// |gpu - cpu| relative to max(1, |cpu|): the error measure of the twin tests.
inline double relative(glm::dvec4 gpu, glm::dvec4 cpu) { return glm::length(gpu - cpu) / std::max(1.0, glm::length(cpu)); }

/// How far the exact output of `c` moves, relatively, when each input component moves by
/// four float32 ulps: no float32 computation can do better than its rounded input. Where
/// a formula cancels (a scale's inverse v = d0 + t (d1 - d0) near 0, raised to 1/k) this
/// exceeds 1e-5 and is the bound instead; elsewhere it is far below.
inline double conditioning(const transforms::Call& c, glm::dvec4 p) {
    const glm::dvec4 y = c.forward(p);
    double worst = 0;
    for (int j = 0; j < 3; ++j) {
        glm::dvec4 q = p;
        q[j] += 4 * std::max(std::abs(p[j]), 1e-30) * 0x1p-23;
        worst = std::max(worst, relative(c.forward(q), y));
    }
    return worst;
}

} // namespace glumpp::test
