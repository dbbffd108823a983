// matplotlib-1: glumpy's examples/matplotlib-1.py, its matplotlib API (plot::Figure).
// A 24 x 12 figure (1728 x 864 at 72 dpi) of two axes showing one cloud of 10,000 points
// drawn from a normal distribution (mean 0, deviation 0.5, in 3-D): on the left through a
// trackball looking straight down z (theta = phi = 0, z halved: glumpy's zscale range
// -0.5, +0.5), on a pink face; on the right through a pan-zoom (drag, scroll), on a blue
// one. Both faces are square (aspect 1).
//
// The data: glumpy's np.random.normal(0.0, 0.5, (10000, 3)), NumPy's stream, which glumpp
// does not reproduce: the same distribution from RandomGenerator (seed 1). The golden test
// therefore checks what must hold of glumpy's own screenshot and ours alike (the faces'
// places and colours, the clouds' centroid, spread and ink), not pixel equality.
#include <glumpp/app.hpp>
#include <glumpp/plot.hpp>

#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "matplotlib-1: glumpy's Figure with a trackball and a pan-zoom axes");
    const auto size = plot::Figure::window_size({24, 12});
    app::Window window(options, size.x, size.y, "Figure (matplotlib API)");
    plot::Figure figure(window);
    auto& left = figure.add_axes({0.010, 0.01, 0.485, 0.98}, {.facecolor = {1, 0, 0, 0.25}, .aspect = 1,
                                 .interface = plot::Interface::Trackball, .zscale = {.range = {-0.5, 0.5}}, .theta = 0.0f, .phi = 0.0f});
    auto& right = figure.add_axes({0.505, 0.01, 0.485, 0.98},
                                  {.facecolor = {0, 0, 1, 0.25}, .aspect = 1, .interface = plot::Interface::PanZoom,
                                   .equal_aspect = true}); // glumpy's PanZoom(aspect=1)

    const Array P = RandomGenerator(1).normal(0.0, 0.5, {10000, 3}, DType::of<float>());
    const auto values = P.to_vector<float>();
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
