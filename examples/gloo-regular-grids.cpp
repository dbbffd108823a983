// gloo-regular-grids: glumpy's examples/gloo-regular-grids.py, a 2 x 2 array of Hammer
// projection grids (meridians every 30 degrees, parallels every 15, minor lines every 6
// and 3), each drawn by one fragment shader over one quad: graphics::glsl's
// misc/regular-grid.frag (glumpy's library shader, in our code), which inverts the projection at each pixel and
// antialiases its distance to the nearest major and minor lines. All 4 quads are one
// indexed draw; nothing is uploaded after the first frame. The vertex shader is glumpy's (common/GridQuads.hpp),
// in GLSL 3.30 core; the data, uniforms, colours and window size are the script's (its
// "Lambert projection limits" branch, the one it enables).
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


int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-regular-grids: Hammer projection grids in a fragment shader");
    app::Window window(options, 1024, 1024, "gloo-regular-grids");
    window.set_clear_color({1, 1, 1, 1});
    const std::size_t rows = 2, cols = 2;

    auto [vertices, triangles] = examples::grid_quads(rows, cols);

    gloo::Program program(examples::grid_quads_vertex, "#version 330 core\n" + std::string(graphics::glsl::get("misc/regular-grid.frag")));
    program.bind(vertices);
    program["rows"] = float(rows);
    program["cols"] = float(cols);
    program["u_major_grid_width"] = 1.5f;
    program["u_minor_grid_width"] = 1.0f;
    program["u_major_grid_color"] = {0, 0, 0, 1.0};
    program["u_minor_grid_color"] = {0, 0, 0, 0.5};
    const double pi = std::numbers::pi;
    program["u_limits1"] = {-2.0, +2.0, -1.5, +1.5};
    program["u_limits2"] = {-pi, +pi, -pi / 2, +pi / 2};
    program["u_major_grid_step"] = {1.0 * pi / 6, 0.5 * pi / 6};
    program["u_minor_grid_step"] = {1.0 * pi / 30, 0.5 * pi / 30};
    program["u_antialias"] = 1.0f;

    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::Triangles, triangles);
    });
    window.on_resize([&](int width, int height) {
        program["projection"] = glm::ortho(0.0f, float(width), 0.0f, float(height), -1.0f, 1.0f);
        program["viewport"] = {0.0, 0.0, double(width), double(height)};
    });
    return app::run(window, options);
}
