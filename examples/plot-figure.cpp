// plot-figure: plot::Figure's plot kinds on two decorated axes (no glumpy original).
//  - left: a line (sin), its area to 0 (fill_between), a scatter of its samples, bars,
//    a log-free linear axes with ticks, grid, title, axis labels and a legend; drag pans,
//    scroll zooms (the ticks follow, recomputed by matplotlib's locators);
//  - right: a 64 x 64 heatmap, sin(x) cos(y), with viridis and a colorbar.
// Every series is an item of its kind's collection: the left axes draws in 4 + 3 calls
// (grid, fills, paths, points; frame, labels, legend's two) whatever the series' count.
#include <glumpp/app.hpp>
#include <glumpp/plot.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "plot-figure: lines, fills, scatter, bars, a heatmap and a colorbar");
    app::Window window(options, 960, 480, "plot-figure");
    plot::Figure figure(window, {.facecolor = {1, 1, 1, 1}});
    auto& left = figure.add_axes({0.08, 0.15, 0.45, 0.75}, {.interface = plot::Interface::PanZoom, .xlim = {0, 7},
                                                           .ylim = {-1.5, 1.5}, .ticks = true, .grid = true});
    const double pi = std::numbers::pi;
    std::vector<double> x(64), y(64), zero(64, 0.0);
    std::vector<glm::vec3> line(64);
    for (int i = 0; i < 64; ++i) {
        x[i] = 2 * pi * i / 63;
        y[i] = std::sin(x[i]);
        line[i] = {float(x[i]), float(y[i]), 0};
    }
    const plot::Rgba blue{0.12, 0.47, 0.71, 1}, orange{1.0, 0.5, 0.05, 1};
    left.fill_between(x, y, zero, {.color = {0.12f, 0.47f, 0.71f, 0.25f}});
    const std::vector<double> bx = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, bh = {0.3, 0.6, -0.2, -0.5, 0.4, 0.1};
    left.bar(bx, bh, 0.4, 0, {.color = {1.0f, 0.5f, 0.05f, 0.6f}});
    left.plot(line, {.color = {0.12f, 0.47f, 0.71f, 1}, .width = 0.03f});
    left.scatter(line, {.color = {0, 0, 0, 1}, .size = 4});
    left.set_title("sin(x)");
    left.set_xlabel("x");
    left.set_ylabel("y");
    left.legend({{"sin", blue}, {"bars", orange}});

    auto& right = figure.add_axes({0.58, 0.15, 0.28, 0.75}, {.ticks = true});
    std::vector<float> heat(64 * 64);
    for (int r = 0; r < 64; ++r)
        for (int c = 0; c < 64; ++c) heat[std::size_t(r * 64 + c)] = float(std::sin(c * pi / 32) * std::cos(r * pi / 32));
    const auto viridis = plot::Colormap::named("viridis");
    right.imshow(Array::from<float>(heat, {64, 64}), viridis, -1, 1);
    right.set_title("sin(x) cos(y)");
    figure.colorbar(viridis, -1, 1, {0.94, 0.15, 0.02, 0.75});
    return app::run(window, options);
}
