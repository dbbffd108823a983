// gloo-irregular-grids: glumpy's examples/gloo-irregular-grids.py, a 4 x 4 array of polar
// grids (radii 1 to 5, a major circle every 1 and a minor one every 0.25; a major ray
// every 30 degrees, a minor one every 3), drawn by graphics::glsl's
// misc/irregular-grid.frag (glumpy's library shader, in our code) over 16 quads in one indexed draw. The grid
// lines' positions are not in the shader: on each resize the CPU computes, for 2048
// samples over each axis's limits, the nearest major and minor line (glumpy's compute_grid
// and find_closest_direct, the same NumPy arithmetic in double) into a 1 x 2048 RGBA float
// texture, which the shader reads. A frame at rest uploads nothing.
//
// One difference from what glumpy shows on this machine, on purpose, as in
// gloo-cartesian-grid: glumpy 1.2.1 keeps that float32 array in a GL_RGBA (8-bit
// normalized) texture, clamping the radii and angles to [0, 1] (glumpy issue #288), and
// its script no longer runs on NumPy 1.24 (np.int). gloo keeps float data float, so this
// port shows the grid the script computes; its golden image is glumpy's own with the
// texture made a TextureFloat2D and np.int restored (tests/tools/glumpy_float_grid.py).
// The vertex shader is glumpy's (common/GridQuads.hpp), in GLSL 3.30 core.
//
// Its inline GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the
// picture. The library pieces it includes or takes are graphics::glsl's, glumpp's own
// code for what glumpy's library computes.
#include <glumpp/app.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <numbers>

#include "common/GridQuads.hpp"

using namespace glumpp;


// glumpy's find_closest_direct: for `count` samples over [start, end], the index into the
// sorted lines I of the nearest one (a sample switches to the next line half-way).
static std::vector<std::size_t> find_closest_direct(const std::vector<double>& I, double start, double end, std::size_t count) {
    std::vector<int> boundary(count, 0);
    for (std::size_t k = 0; k + 1 < I.size(); ++k) {
        const double q0 = (I[k] - start) / (end - start) * double(count);
        const double q1 = (I[k + 1] - start) / (end - start) * double(count);
        const auto mid = static_cast<std::size_t>((q1 + q0 + 1) / 2); // astype(int): truncation
        if (mid < count) boundary[mid] = 1; // (NumPy would raise at count: never for these limits)
    }
    std::vector<std::size_t> index(count);
    std::size_t sum = 0;
    for (std::size_t k = 0; k < count; ++k) index[k] = sum += std::size_t(boundary[k]); // np.add.accumulate
    return index;
}

// The lines every `step` strictly inside (vmin, vmax), with vmin and vmax themselves first
// and last (glumpy's compute_grid, one axis and one step).
static std::vector<double> grid_lines(double vmin, double vmax, double step) {
    const double epsilon = 1e-10;
    double start = vmin - std::fmod(vmin, step);
    if (std::abs(start - vmin) < epsilon) start += step;
    double stop = vmax - std::fmod(vmax, step);
    if (std::abs(stop - vmax) < epsilon) stop -= step;
    const double count = (stop - start) / step + 1;
    std::vector<double> I(static_cast<std::size_t>(count + 2));
    I.front() = vmin;
    I.back() = vmax;
    const auto inner = linspace(start, stop, static_cast<long long>(count)).to_vector<double>();
    std::copy(inner.begin(), inner.end(), I.begin() + 1);
    return I;
}

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-irregular-grids: polar grids whose lines come from a texture");
    app::Window window(options, 1024, 1024, "gloo-irregular-grids");
    window.set_clear_color({1, 1, 1, 1});
    const std::size_t rows = 4, cols = 4;

    auto [vertices, triangles] = examples::grid_quads(rows, cols);

    gloo::Program program(examples::grid_quads_vertex, "#version 330 core\n" + std::string(graphics::glsl::get("misc/irregular-grid.frag")));
    program.bind(vertices);
    program["rows"] = float(rows);
    program["cols"] = float(cols);
    program["u_major_grid_width"] = 1.5f;
    program["u_minor_grid_width"] = 1.0f;
    program["u_major_grid_color"] = {0, 0, 0, 1.0};
    program["u_minor_grid_color"] = {0, 0, 0, 0.5};
    // The polar branch, the one the script enables.
    const double pi = std::numbers::pi;
    const double limits2[4] = {1.0, 5.0, 0.0, 2 * pi};
    const double major_grid[2] = {1.00, pi / 6}, minor_grid[2] = {0.25, pi / 60};
    program["u_limits1"] = {-5.1, +5.1, -5.1, +5.1};
    program["u_limits2"] = {limits2[0], limits2[1], limits2[2], limits2[3]};
    program["u_antialias"] = 1.0f;
    auto Z = gloo::Texture2D::zeros({1, 2 * 1024, 4}, DType::of<float>()); // nearest, as glumpy's
    program["u_grid"] = Z;

    auto compute_grid = [&] {
        const std::size_t n = Z.shape()[1];
        // Channels: major x, minor x, major y, minor y (x: the radius, y: the angle).
        const std::pair<const double*, double> axes[4] = {
            {limits2 + 0, major_grid[0]}, {limits2 + 0, minor_grid[0]}, {limits2 + 2, major_grid[1]}, {limits2 + 2, minor_grid[1]}};
        std::vector<float> texels(n * 4);
        for (std::size_t channel = 0; channel < 4; ++channel) {
            const auto [limits, step] = axes[channel];
            const auto I = grid_lines(limits[0], limits[1], step);
            const auto index = find_closest_direct(I, limits[0], limits[1], n);
            for (std::size_t k = 0; k < n; ++k) texels[4 * k + channel] = static_cast<float>(I[index[k]]);
        }
        Z.assign(Array::from(texels, {1, n, 4})); // glumpy's program['u_grid'][...] = Z
    };

    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::Triangles, triangles);
    });
    window.on_resize([&](int width, int height) {
        program["projection"] = glm::ortho(0.0f, float(width), 0.0f, float(height), -1.0f, 1.0f);
        program["viewport"] = {0.0, 0.0, double(width), double(height)};
        compute_grid();
    });
    return app::run(window, options);
}
