#pragma once
// The GPU half of the CPU-twin tests (test_transforms, test_cameras): a chain evaluated by
// the GPU on each point and read back from a float32 render target.
#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <string>
#include <vector>

namespace glumpp::test {

using transforms::Call;
using transforms::Program;

// The chain's output for each point, computed by the GPU: point k is drawn at pixel k of
// an N x 1 RGBA32F target, its colour the vec4 the chain gives.
// With `two_d`, the chain is fed a_position.xy and gives a vec2 (the vec2 overloads).
inline std::vector<glm::vec4> gpu_forward(const Call& chain, const std::vector<glm::vec3>& points, bool two_d = false) {
    const std::size_t n = points.size();
    Program p(std::string(R"(#version 330
in vec3 a_position;
uniform float u_count;
flat out vec4 v_out;
void main() {
)") + (two_d ? "    v_out = vec4(<transform(a_position.xy)>, 0.0, 1.0);" : "    v_out = <transform(a_position)>;") + R"(
    gl_Position = vec4((2.0 * float(gl_VertexID) + 1.0) / u_count - 1.0, 0.0, 0.0, 1.0);
    gl_PointSize = 1.0;
}
)",
              "#version 330\nflat in vec4 v_out;\nout vec4 color;\nvoid main() { color = v_out; }\n");
    p["transform"] = chain;
    std::vector<float> flat;
    for (const auto& q : points) flat.insert(flat.end(), {q.x, q.y, q.z});
    p["a_position"] = Array::from(flat, {n, 3});
    p["u_count"] = float(n);
    auto color = gloo::Texture2D::gpu_only({1, n, 4}, DType::of<float>());
    gloo::FrameBuffer fb({color});
    {
        auto on = fb.activated();
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        p.draw(gloo::Primitive::Points);
    }
    const auto texels = color.read_back().to_vector<float>();
    std::vector<glm::vec4> out(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = {texels[4 * k], texels[4 * k + 1], texels[4 * k + 2], texels[4 * k + 3]};
    return out;
}

} // namespace glumpp::test
