// transform-power-scale: 10,000 points through a power scale (glumpy's
// transform-power-scale.py): a white 1024x1024 window, PointCollection("agg") (black dots with glumpy's agg edge,
// 3 px) with Position(PowerScale()) of exponent 2 and domain (-10, 10), over
// sign(P) sqrt(|P|) with P uniform in [-100, 100)^3 (so that the squares fill the window
// evenly); scrolling down multiplies the exponent by 1.1 (at most 10), up divides (at
// least 0.1).
//
// glumpy's data is unseeded random: ours is the same distribution from glumpp's seeded
// RandomGenerator, checked against glumpy's screenshot statistically
// (tests/examples/scales_check.py).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <algorithm>
#include <cmath>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-power-scale: points through a power scale");
    app::Window window(options, 1024, 1024, "transform-power-scale");
    window.set_clear_color({1, 1, 1, 1});
    transforms::PowerScale scale({.domain = {-10, 10}}, 2);
    graphics::PointCollection points;
    points.set_transform(transforms::Position()(scale));
    points.set_viewport(transforms::Viewport());
    const auto P = RandomGenerator(2016).uniform(-100, 100, {10000, 3}).to_vector<double>();
    auto root = [](double v) { return std::copysign(std::sqrt(std::abs(v)), v); };
    std::vector<glm::vec3> positions;
    for (std::size_t k = 0; k < P.size(); k += 3) positions.emplace_back(root(P[k]), root(P[k + 1]), root(P[k + 2]));
    points.append(positions, {.color = {0, 0, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    window.on_draw([&](double) {
        window.clear();
        points.draw();
    });
    window.on_mouse_scroll([&](double, double, double, double dy) {
        scale.set_exponent(dy < 0 ? std::min(10.0, 1.1 * scale.exponent()) : std::max(0.1, scale.exponent() / 1.1));
    });
    return app::run(window, options);
}
