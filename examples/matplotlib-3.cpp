// matplotlib-3: glumpy's examples/matplotlib-3.py, a polar axes in 3-D (plot::Figure).
// A 12 x 12 figure (864 x 864) with one axes (rect 0.01, 0.01, 0.98, 0.98, blue face)
// whose data go through x: LinearScale([0, 1] -> [0, 1]) as the radius, y: LinearScale([0,
// 1] -> [0, 2 pi]) as the angle, a polar projection, and a trackball at glumpy's 45, 45:
//  - a spiral of 1000 points: radius 1 -> 0, y 0 -> 5 (five turns), z -1 -> 1, 1 pixel
//    wide;
//  - the frame: three paths of 100 points 2.5 pixels wide (the rim at radius 1, the
//    radius at angle 0, the vertical axis at radius 0);
//  - ticks: 21 + 22 + 22 segments 2.5 pixels wide along the three.
// The same data as glumpy's (np.linspace's values), so the golden image is glumpy's
// own screenshot.
#include <glumpp/app.hpp>
#include <glumpp/plot.hpp>

#include <numbers>
#include <vector>

using namespace glumpp;

namespace {

// np.linspace(start, stop, n)[k] (float64, as NumPy computes it: k * step + start, the
// last one exactly stop).
double linspace(double start, double stop, int n, int k) {
    return k == n - 1 ? stop : start + k * ((stop - start) / (n - 1));
}

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "matplotlib-3: glumpy's polar axes through a trackball");
    const auto size = plot::Figure::window_size({12, 12});
    app::Window window(options, size.x, size.y, "Figure (matplotlib API)");
    plot::Figure figure(window);
    auto& axes = figure.add_axes({0.01, 0.01, 0.98, 0.98},
                                 {.facecolor = {0, 0, 1, 0.25}, .interface = plot::Interface::Trackball,
                                  .xscale = {.domain = {0, 1}, .range = {0, 1}},
                                  .yscale = {.domain = {0, 1}, .range = {0, 2 * std::numbers::pi}},
                                  .projection = plot::Projection::Polar});

    std::vector<glm::vec3> P(1000);
    for (int k = 0; k < 1000; ++k)
        P[k] = {float(linspace(1, 0, 1000, k)), float(linspace(0, 5, 1000, k)), float(linspace(-1, 1, 1000, k))};
    axes.plot(P, {.width = 1});

    const double xmin = 0, xmax = 1, ymin = 0, ymax = 1, zmin = -1, zmax = 1;
    std::vector<glm::vec3> F(100);
    for (int k = 0; k < 100; ++k) F[k] = {float(xmax), float(linspace(ymin, ymax, 100, k)), float(zmin)};
    axes.plot(F, {.width = 2.5f});
    for (int k = 0; k < 100; ++k) F[k] = {float(linspace(xmin, xmax, 100, k)), float(ymin), float(zmin)};
    axes.plot(F, {.width = 2.5f});
    for (int k = 0; k < 100; ++k) F[k] = {float(xmin), float(ymin), float(linspace(zmin, zmax, 100, k))};
    axes.plot(F, {.width = 2.5f});

    const int n = 23;
    std::vector<glm::vec3> P0, P1;
    for (int k = 1; k < n - 1; ++k) { // along the radius
        const float x = float(linspace(xmin, xmax, n, k));
        P0.push_back({x, float(ymin - 0.0), float(zmin)});
        P1.push_back({x, float(ymin + 0.015 * (ymax - ymin)), float(zmin)});
    }
    for (int k = 1; k < n; ++k) { // around the rim
        const float y = float(linspace(ymin, ymax, n, k));
        P0.push_back({float(xmax + 0.015), y, float(zmin)});
        P1.push_back({float(xmax - 0.025 * (xmax - xmin)), y, float(zmin)});
    }
    for (int k = 1; k < n; ++k) { // up the axis
        const float z = float(linspace(zmin, zmax, n, k));
        P0.push_back({float(xmin + 0.025), 0, z});
        P1.push_back({float(xmin - 0.015 * (xmax - xmin)), 0, z});
    }
    axes.segments(P0, P1, {.width = 2.5f});
    return app::run(window, options);
}
