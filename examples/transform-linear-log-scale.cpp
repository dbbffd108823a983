// transform-linear-log-scale: three curves on a linear x and a log y axis (glumpy's
// transform-linear-log-scale.py): a white 1024x1024 window, PointCollection("agg") (3 px
// dots, a colour per item) with Position(LinearScale('.x', domain=(0, 10)),
// LogScale('.y', domain=(-1, 1))), the last of the script's three transforms (the one it
// draws with). X = linspace(0.01, 10, 10000): (X, X) red, (X, log X) green (NaN where
// log X < 0: not drawn, as in glumpy), (X, 10^X) blue. The dots have glumpy's agg edge
// (graphics::PointEdge::Agg). The data is glumpy's own, so the golden image is glumpy's
// screenshot (15 of its 1,048,576 pixels differ by more than 8/255).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <cmath>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-linear-log-scale: linear x, log y");
    app::Window window(options, 1024, 1024, "transform-linear-log-scale");
    window.set_clear_color({1, 1, 1, 1});
    transforms::LinearScale x({.domain = {0, 10}});
    transforms::LogScale y({.domain = {-1, 1}});
    graphics::PointCollection points;
    points.set_transform(transforms::Position()(x(".x"), y(".y")));
    points.set_viewport(transforms::Viewport());
    const auto X = linspace(0.01, 10.0, 10000).to_vector<double>();
    std::vector<glm::vec3> a, b, c;
    for (double v : X) {
        a.emplace_back(v, v, 0);
        b.emplace_back(v, std::log(v), 0);
        c.emplace_back(v, std::pow(10.0, v), 0);
    }
    points.append(a, {.color = {1, 0, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    points.append(b, {.color = {0, 1, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    points.append(c, {.color = {0, 0, 1, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    window.on_draw([&](double) {
        window.clear();
        points.draw();
    });
    return app::run(window, options);
}
