// matplotlib-2: glumpy's examples/matplotlib-2.py, scales through trackballs (plot::Figure).
// A 24 x 12 figure (1728 x 864) of two square axes showing one cloud of 10,000 points
// uniform in [-2, 2)^3, both through a trackball at glumpy's 45, 45:
//  - left (pink): clamped linear scales ([-1, 1] -> [-1, 1], clamp): the points outside
//    the unit cube land on its faces and edges, which draws the cube;
//  - right (blue): x: [-2, 2] -> [0.25, 1] as the radius, y: [-2, 2] -> [0, 2 pi] as the
//    angle, through a polar projection (z as it is): a thick cylinder.
//
// The data: glumpy's np.random.uniform(-2, 2, (10000, 3)), NumPy's stream, which glumpp
// does not reproduce: the same distribution from RandomGenerator (seed 2). The golden test
// checks what must hold of glumpy's screenshot and ours alike (matplotlib_check.py: faces,
// the ink's centroid and spread), not pixel equality.
#include <glumpp/app.hpp>
#include <glumpp/plot.hpp>

#include <numbers>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "matplotlib-2: glumpy's clamped and polar scales through trackballs");
    const auto size = plot::Figure::window_size({24, 12});
    app::Window window(options, size.x, size.y, "Figure (matplotlib API)");
    plot::Figure figure(window);
    const plot::LinearScale clamped{.clamp = true};
    auto& left = figure.add_axes({0.010, 0.01, 0.485, 0.98},
                                 {.facecolor = {1, 0, 0, 0.25}, .aspect = 1, .interface = plot::Interface::Trackball,
                                  .xscale = clamped, .yscale = clamped, .zscale = clamped});
    auto& right = figure.add_axes({0.505, 0.01, 0.485, 0.98},
                                  {.facecolor = {0, 0, 1, 0.25}, .aspect = 1, .interface = plot::Interface::Trackball,
                                   .xscale = {.domain = {-2, 2}, .range = {0.25, 1}},
                                   .yscale = {.domain = {-2, 2}, .range = {0, 2 * std::numbers::pi}},
                                   .projection = plot::Projection::Polar});

    const auto values = RandomGenerator(2).uniform(-2, 2, {10000, 3}, DType::of<float>()).to_vector<float>();
    std::vector<glm::vec3> points(10000);
    for (std::size_t i = 0; i < points.size(); ++i) points[i] = {values[3 * i], values[3 * i + 1], values[3 * i + 2]};
    // glumpy's PointCollection("agg"): black, size 3, whose fragment shader adds a halo of
    // exp(-(d + 0.5)^2) past the disc's edge (0.55 px more radius, integrated); graphics'
    // points ramp over one pixel, so the same dots are 4.1 pixels here.
    const graphics::PointStyle style{.color = {0, 0, 0, 1}, .size = 4.1f};
    left.scatter(points, style);
    right.scatter(points, style);
    return app::run(window, options);
}
