// gloo-cartesian-grid: glumpy's examples/gloo-cartesian-grid.py, a pixel-exact cartesian
// grid drawn by one fragment shader over a full-window quad. Drag pans, scroll zooms about
// the pointer (0.25 to 200), as glumpy's script does.
//
// The grid lines are not in the shader: on every resize, drag and scroll the CPU computes,
// for each of 2048 sample columns of a 1 x 2048 RGBA float texture, the nearest major and
// minor line in x (r, b) and y (g, a), in window pixels (glumpy's update_grid and
// find_closest, the same NumPy arithmetic in double); the shader reads its pixel's column
// and row and antialiases the distance to them. So a frame at rest uploads nothing, and a
// drag or a scroll sends the whole texture (32 KB) once.
//
// One difference from what glumpy shows on this machine, on purpose: glumpy 1.2.1 stores a
// float32 array assigned to a sampler in a GL_RGBA (8-bit normalized) texture, which clamps
// the pixel positions to [0, 1]: glumpy's window is white but for one line at the left and
// one at the bottom (glumpy issue #288). gloo keeps float data float (GL_RGBA32F), so this
// port shows the grid the script computes. Its golden image is glumpy's own, with the
// texture made a TextureFloat2D (tests/tools/glumpy_float_grid.py; nothing else changed).
// The shaders are glumpy's in GLSL 3.30 core (in/out, texture()).
//
//   gloo-cartesian-grid            drag and scroll (on a display)
//   gloo-cartesian-grid pan-zoom   a scripted gesture before every frame (see main):
//       panning and zooming offscreen and in tests; glumpy's pictures under the same
//       events are the golden images (tests/tools/glumpy_float_grid.py)
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>

#include <algorithm>
#include <cmath>

#include "common/ScriptedGesture.hpp"

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_texcoord;
in vec2 a_position;
out vec2 v_texcoord;
void main() {
    gl_Position = vec4(a_position, 0.0, 1.0);
    v_texcoord = a_texcoord;
})";

const char* fragment = R"(#version 330 core
float compute_alpha(float d, float width, float antialias) {
    d -= width/2.0 - antialias;
    if (d < 0.0) return 1.0;
    float alpha = d/antialias;
    return exp(-alpha*alpha);
}

uniform vec2      u_size;
uniform vec2      u_translate;
uniform float     u_scale;
uniform float     u_antialias;
uniform float     u_major_grid_width;
uniform float     u_minor_grid_width;
uniform vec4      u_major_grid_color;
uniform vec4      u_minor_grid_color;
uniform sampler2D u_grid;

in vec2 v_texcoord;
out vec4 frag_color;
void main() {
    float x = v_texcoord.x * u_size.x;
    float y = v_texcoord.y * u_size.y;

    vec4 Tx = texture(u_grid, vec2(v_texcoord.x, 0.5));
    float Mx = abs(x - Tx.x - 0.315);
    float mx = abs(x - Tx.z - 0.315);
    vec4 Ty = texture(u_grid, vec2(v_texcoord.y, 0.5));
    float My = abs(y - Ty.y - 0.315);
    float my = abs(y - Ty.w - 0.315);

    float M = min(Mx, My); // major grid
    float m = min(mx, my); // minor grid

    vec4 color = u_major_grid_color;
    float alpha1 = compute_alpha(M, u_major_grid_width, u_antialias);
    float alpha2 = compute_alpha(m, u_minor_grid_width, u_antialias);
    float alpha  = alpha1;
    if (alpha2 > alpha1*1.5) {
        alpha = alpha2;
        color = u_minor_grid_color;
    }
    frag_color = vec4(color.xyz, alpha*color.a);
})";

// glumpy's find_closest: for each target, the index of the nearest value of the sorted A
// (searchsorted, clipped to [1, len - 1], then one step left when the left one is nearer).
static std::vector<std::size_t> find_closest(const std::vector<double>& A, const std::vector<double>& targets) {
    std::vector<std::size_t> result;
    result.reserve(targets.size());
    for (double target : targets) {
        auto idx = static_cast<std::size_t>(std::lower_bound(A.begin(), A.end(), target) - A.begin());
        idx = std::clamp<std::size_t>(idx, 1, A.size() - 1);
        if (target - A[idx - 1] < A[idx] - target) --idx;
        result.push_back(idx);
    }
    return result;
}

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-cartesian-grid [pan-zoom]: a cartesian grid in a fragment shader; drag, scroll");
    const auto pan_zoom = examples::pan_zoom_argument(options, "gloo-cartesian-grid");
    if (!pan_zoom) return 2; // as for a bad option
    app::Window window(options, 512, 512, "gloo-cartesian-grid");
    window.set_clear_color({1, 1, 1, 1});

    gloo::Program program(vertex, fragment, 4);
    program["a_position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    program["a_texcoord"] = {{0, 0}, {0, +1}, {+1, 0}, {+1, +1}};
    program["u_major_grid_width"] = 1.0f;
    program["u_minor_grid_width"] = 1.0f;
    program["u_major_grid_color"] = {0, 0, 0, .75};
    program["u_minor_grid_color"] = {0, 0, 0, .25};
    program["u_antialias"] = 1.0f;
    program["u_translate"] = {0, 0};
    program["u_scale"] = 1.0f;
    program["u_size"] = {512.0, 512.0};
    const double major_grid[2] = {64, 64}, minor_grid[2] = {8, 8};
    auto Z = gloo::Texture2D::zeros({1, 2 * 1024, 4}, DType::of<float>()); // nearest, as glumpy's
    program["u_grid"] = Z;
    double translate[2] = {0, 0}, scale = 1;

    auto update_grid = [&](int width, int height) {
        const double w = width, h = height;
        const std::size_t n = Z.shape()[1];
        // The lines' positions, one range per kind: x major, y major, x minor, y minor.
        auto lines = [&](double offset, double step, double extent) {
            const double start = std::fmod(offset, step);
            return arange(start, start + extent + step, step, DType::of<double>()).to_vector<double>();
        };
        const auto I1 = lines(translate[0], major_grid[0] * scale, w);
        const auto I2 = lines(translate[0], minor_grid[0] * scale, w);
        const auto I3 = lines(translate[1], major_grid[1] * scale, h);
        const auto I4 = lines(translate[1], minor_grid[1] * scale, h);
        const auto Lx = linspace(0, w, static_cast<long long>(n)).to_vector<double>();
        const auto Ly = linspace(0, h, static_cast<long long>(n)).to_vector<double>();
        const auto c1 = find_closest(I1, Lx), c2 = find_closest(I2, Lx), c3 = find_closest(I3, Ly), c4 = find_closest(I4, Ly);
        std::vector<float> texels(n * 4);
        for (std::size_t i = 0; i < n; ++i) {
            texels[4 * i + 0] = static_cast<float>(I1[c1[i]]);
            texels[4 * i + 1] = static_cast<float>(I3[c3[i]]);
            texels[4 * i + 2] = static_cast<float>(I2[c2[i]]);
            texels[4 * i + 3] = static_cast<float>(I4[c4[i]]);
        }
        Z.assign(Array::from(texels, {1, n, 4})); // glumpy's program['u_grid'][...] = Z
        program["u_size"] = {w, h};
    };

    if (*pan_zoom) examples::script_pan_zoom(window); // examples/common/ScriptedGesture.hpp
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
    });
    window.on_resize([&](int width, int height) { update_grid(width, height); });
    window.on_mouse_drag([&](double, double, double dx, double dy, unsigned) {
        translate[0] += dx;
        translate[1] -= dy;
        program["u_translate"] = {translate[0], translate[1]};
        update_grid(window.width(), window.height());
    });
    window.on_mouse_scroll([&](double x, double y, double, double dy) {
        y = window.height() - y;
        const double s = std::min(std::max(0.25, scale + .01 * dy * scale), 200.0);
        translate[0] = x - s * (x - translate[0]) / scale;
        translate[1] = y - s * (y - translate[1]) / scale;
        scale = s;
        program["u_translate"] = {translate[0], translate[1]};
        program["u_scale"] = static_cast<float>(scale);
        update_grid(window.width(), window.height());
    });
    return app::run(window, options);
}
