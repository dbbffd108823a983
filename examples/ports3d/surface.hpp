#pragma once
// What glumpy's polar-surface.py and dynamic-transform.py share: a 64x64 height field
// (glumpy's func3 over [-2, 2]^2, normalized), sampled in both shaders through glumpy's
// "Bicubic" spatial filter, lit by three coloured lights, over a checkerboard texture, on
// primitives.plane(2.0, n=64); its outline drawn as a line loop. The two scripts differ
// only in the vertex shader's transform (and dynamic-transform's time).
//
// glumpy's Bicubic (misc/spatial-filters.frag, filter2D_radius2) weighs 4 x 4 texels by a
// kernel read from row 6 of its spatial-filters.npy (16 kernels of 1,024 samples, made by
// its data/build-spatial-filters.py). That data file is not ours: kernel() computes the
// same row the way that script does (the cubic B-spline over [0, 2] sampled at 1,024
// points, each sample divided by the sum of the four taps it meets), and the shader reads
// it from a 1,024 x 1 float texture with linear filtering, at glumpy's coordinates.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>
#include <glumpp/transforms.hpp>

#include "../common/Checkerboard.hpp"

#include <epoxy/gl.h>
#include <glm/gtc/matrix_inverse.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace ports3d {

/// glumpy's Bicubic filter (misc/spatial-filters.frag), its kernel in u_kernel (a row).
inline const char* bicubic_glsl = R"(
uniform sampler2D u_kernel;
vec4 filter1D_radius2(float x, vec4 c0, vec4 c1, vec4 c2, vec4 c3) {
    return c0 * texture(u_kernel, vec2(0.5 + x / 2.0, 0.5)).r + c2 * texture(u_kernel, vec2(0.5 - x / 2.0, 0.5)).r +
           c1 * texture(u_kernel, vec2(x / 2.0, 0.5)).r + c3 * texture(u_kernel, vec2(1.0 - x / 2.0, 0.5)).r;
}
vec4 Bicubic(sampler2D data, vec2 shape, vec2 uv) {
    vec2 pixel = 1.0 / shape;
    vec2 texel = uv / pixel - vec2(0.5, 0.5);
    vec2 f = fract(texel);
    texel = (texel - fract(texel) + vec2(0.001, 0.001)) * pixel;
    vec4 t[4];
    for (int j = 0; j < 4; ++j) {
        float y = float(j - 1);
        t[j] = filter1D_radius2(f.x, texture(data, texel + vec2(-1, y) * pixel), texture(data, texel + vec2(0, y) * pixel),
                                texture(data, texel + vec2(1, y) * pixel), texture(data, texel + vec2(2, y) * pixel));
    }
    return filter1D_radius2(f.y, t[0], t[1], t[2], t[3]);
}
)";

/// The vertex shader around a transform: `position3(p)` gives clip coordinates for the
/// surface point p (glumpy's `<transform(vec3(position.xy, z - 0.5))>`), written by the
/// caller with its hooks.
inline std::string vertex_source(const std::string& position3) {
    return std::string("#version 330 core\n") + bicubic_glsl + R"(
uniform float height;
uniform sampler2D data;
uniform vec2 data_shape;
in vec3 position;
in vec2 texcoord;
out vec3 v_position;
out vec2 v_texcoord;
)" + position3 + R"(
void main() {
    float z = height * Bicubic(data, data_shape, texcoord).r;
    gl_Position = position3(vec3(position.xy, z - 0.5));
    v_texcoord = texcoord;
    v_position = vec3(position.xy, z);
}
)";
}

/// glumpy's fragment shader; `model` is the trackball's (glumpy reads
/// <transform.trackball_model>, the same matrix, set here as a uniform).
inline std::string fragment_source() {
    return std::string("#version 330 core\n") + bicubic_glsl + R"(
uniform mat4 model;
uniform mat4 view;
uniform mat4 normal;
uniform sampler2D checker;
uniform float height;
uniform vec4 color;
uniform sampler2D data;
uniform vec2 data_shape;
uniform vec3 light_color[3];
uniform vec3 light_position[3];
in vec3 v_position;
in vec2 v_texcoord;
out vec4 frag_color;
float lighting(vec3 v_normal, vec3 light_position) {
    vec3 n = normalize(normal * vec4(v_normal, 1.0)).xyz;
    vec3 position = vec3(view * model * vec4(v_position, 1));
    vec3 surface_to_light = light_position - position;
    float brightness = dot(n, surface_to_light) / (length(surface_to_light) * length(n));
    return max(min(brightness, 1.0), 0.0);
}
void main() {
    float hx0 = height * Bicubic(data, data_shape, v_texcoord + vec2(+1, 0) / data_shape).r;
    float hx1 = height * Bicubic(data, data_shape, v_texcoord + vec2(-1, 0) / data_shape).r;
    float hy0 = height * Bicubic(data, data_shape, v_texcoord + vec2(0, +1) / data_shape).r;
    float hy1 = height * Bicubic(data, data_shape, v_texcoord + vec2(0, -1) / data_shape).r;
    vec3 dx = vec3(2.0 / data_shape.x, 0.0, hx0 - hx1);
    vec3 dy = vec3(0.0, 2.0 / data_shape.y, hy0 - hy1);
    vec3 v_normal = normalize(cross(dx, dy));
    float c = 0.6 + 0.4 * texture(checker, v_texcoord).r;
    vec4 l1 = vec4(light_color[0] * lighting(v_normal, light_position[0]), 1);
    vec4 l2 = vec4(light_color[1] * lighting(v_normal, light_position[1]), 1);
    vec4 l3 = vec4(light_color[2] * lighting(v_normal, light_position[2]), 1);
    frag_color = color * vec4(c, c, c, 1) * (0.5 + 0.5 * (l1 + l2 + l3));
}
)";
}

/// glumpy's Bicubic kernel row, as build-spatial-filters.py computes it (n = 1,024).
inline glumpp::Array kernel() {
    constexpr int n = 1024, r = 2, samples = n / r;
    auto pow3 = [](double x) { return x <= 0 ? 0.0 : x * x * x; };
    auto weight = [&](double x) { return (pow3(x + 2) - 4 * pow3(x + 1) + 6 * pow3(x) - 4 * pow3(x - 1)) / 6.0; };
    std::vector<double> k(n);
    for (int i = 0; i < n; ++i) k[i] = weight(r * double(i) / (n - 1)); // np.linspace(0, r, n)
    std::vector<double> sum(samples, 0.0);
    for (int i = 0; i < r; ++i)
        for (int j = 0; j < samples; ++j) sum[j] += k[i * samples + j] + k[n - 1 - (i * samples + j)];
    std::vector<float> out(n);
    for (int i = 0; i < n; ++i) out[i] = static_cast<float>(k[i] / sum[i % samples]);
    return glumpp::Array::from(out, {1, std::size_t(n)});
}

/// glumpy's data: func3 over a float32 64x64 grid of [-2, 2]^2, scaled to [0, 1].
inline glumpp::Array heights() {
    constexpr int n = 64;
    std::vector<float> z(n * n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const float x = -2.0f + 4.0f * float(j) / (n - 1), y = -2.0f + 4.0f * float(i) / (n - 1);
            z[i * n + j] = (1 - x / 2 + std::pow(x, 5.0f) + y * y * y) * std::exp(-x * x - y * y);
        }
    float lo = z[0], hi = z[0];
    for (float v : z) lo = std::min(lo, v), hi = std::max(hi, v);
    for (float& v : z) v = (v - lo) / (hi - lo);
    return glumpp::Array::from(z, {std::size_t(n), std::size_t(n)});
}

/// glumpy's b_indices: the plane's border as one loop.
inline glumpp::Array border(int n = 64) {
    std::vector<std::uint32_t> I;
    for (int i = 0; i < n; ++i) I.push_back(i);
    for (int i = 1; i < n; ++i) I.push_back(n - 1 + i * n);
    for (int i = 0; i < n - 1; ++i) I.push_back(n * n - 1 - i);
    for (int i = 0; i < n - 1; ++i) I.push_back(n * (n - 1) - i * n);
    return glumpp::Array::from(I);
}

/// The surface: plane, textures, uniforms (glumpy's values), draw() as glumpy's on_draw.
struct Surface {
    glumpp::geometry::Mesh plane = glumpp::geometry::plane(2.0, 64);
    glumpp::gloo::IndexBuffer filled = glumpp::gloo::IndexBuffer::over(plane.indices);
    glumpp::gloo::IndexBuffer outline = glumpp::gloo::IndexBuffer::over(border());
    glumpp::transforms::Program program;

    explicit Surface(const std::string& position3) : program(vertex_source(position3), fragment_source()) {
        auto vertices = glumpp::gloo::VertexBuffer::over(plane.vertices);
        program["position"] = vertices["position"];
        program["texcoord"] = vertices["texcoord"];
        auto data = glumpp::gloo::Texture2D::over(heights());
        program["data"] = data; // Nearest, glumpy's
        program["data_shape"] = glm::vec2(64, 64);
        auto k = glumpp::gloo::Texture2D::over(kernel());
        k.set_interpolation(glumpp::gloo::Interpolation::Linear);
        program["u_kernel"] = k;
        program["checker"] = glumpp::examples::checkerboard(32, 24); // glumpy's data.checkerboard(32, 24)
        program["height"] = 0.75f;
        program["light_position"] = glumpp::Array::from<float>({{3, 0, 5}, {0, 3, 5}, {-3, -3, 5}});
        program["light_color"] = glumpp::Array::from<float>({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    /// glumpy's on_init: blending, polygon offset, smooth 2.5-px lines. A forward-compatible
    /// context (GLFW windows are: Window.hpp) has no wide lines and refuses a width above 1
    /// with GL_INVALID_VALUE, which gloo would report at its next call: there the outline
    /// stays 1 px (GL_CONTEXT_FLAGS says which, as gloo-triangular-grid); the offscreen EGL
    /// context draws 2.5, as glumpy's.
    static void setup_gl() {
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glPolygonOffset(1, 1);
        glEnable(GL_LINE_SMOOTH);
        GLint flags = 0;
        glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
        glLineWidth((flags & GL_CONTEXT_FLAG_FORWARD_COMPATIBLE_BIT) ? 1.0f : 2.5f);
    }

    /// glumpy's on_draw after window.clear(): the filled surface, then its black outline;
    /// then the matrices the lighting reads, for the next frame (glumpy sets them after
    /// drawing: its first frame is lit with zero matrices, and so is ours). glumpy's
    /// normal matrix is inv(view . model).T of its row-major NumPy matrices, which GL
    /// reads as transpose(inverse(model * view)) of GL's: kept, order included.
    void draw(const glumpp::transforms::Camera& camera) {
        glDisable(GL_BLEND);
        glEnable(GL_DEPTH_TEST);
        glEnable(GL_POLYGON_OFFSET_FILL);
        program["color"] = glm::vec4(1, 1, 1, 1);
        program.draw(glumpp::gloo::Primitive::Triangles, filled);
        glDisable(GL_POLYGON_OFFSET_FILL);
        glEnable(GL_BLEND);
        glDepthMask(GL_FALSE);
        program["color"] = glm::vec4(0, 0, 0, 1);
        program.draw(glumpp::gloo::Primitive::LineLoop, outline);
        glDepthMask(GL_TRUE);
        program["view"] = camera.view();
        program["model"] = camera.model();
        program["normal"] = glm::transpose(glm::inverse(camera.model() * camera.view()));
    }
};

} // namespace ports3d
