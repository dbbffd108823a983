// transform-log-scale: 10,000 points through a log scale (glumpy's transform-log-scale.py):
// a white 1024x1024 window, PointCollection("agg") (black dots with glumpy's agg edge, 3 px) with
// Position(LogScale()) of domain (-1, 2), i.e. [10^-1, 10^2], over P * P with P uniform in
// [0, 10)^3; scrolling down raises the base by 1.1 (at most 20), up lowers it (at least 1:
// base 1 has no logarithm, so it stops just above).
//
// glumpy's data is unseeded random: ours is the same distribution from glumpp's seeded
// RandomGenerator. glumpy 1.2.1 itself cannot run this script (`transform["domain"] =
// -1,2` raises TypeError in Snippet.__setitem__), so its picture is checked against the
// distribution glumpy's parameters imply (tests/examples/scales_check.py).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <algorithm>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-log-scale: points through a log scale");
    app::Window window(options, 1024, 1024, "transform-log-scale");
    window.set_clear_color({1, 1, 1, 1});
    transforms::LogScale scale({.domain = {-1, 2}}); // = [base^-1, base^2]
    graphics::PointCollection points;
    points.set_transform(transforms::Position()(scale));
    points.set_viewport(transforms::Viewport());
    const auto P = RandomGenerator(2016).uniform(0, 10, {10000, 3}).to_vector<double>();
    std::vector<glm::vec3> positions;
    for (std::size_t k = 0; k < P.size(); k += 3) positions.emplace_back(P[k] * P[k], P[k + 1] * P[k + 1], P[k + 2] * P[k + 2]);
    points.append(positions, {.color = {0, 0, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    window.on_draw([&](double) {
        window.clear();
        points.draw();
    });
    window.on_mouse_scroll([&](double, double, double, double dy) {
        scale.set_base(dy < 0 ? std::min(20.0, 1.1 * scale.base()) : std::max(1.000001, scale.base() / 1.1));
    });
    return app::run(window, options);
}
