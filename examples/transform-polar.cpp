// transform-polar: 10,000 points in polar coordinates (glumpy's transform-polar.py): a
// white 1024x1024 window, PointCollection("agg") (black dots with glumpy's agg edge, 3 px) with
// Position(PolarProjection()) over (R, T, 0), R uniform in [0.2, 0.8), T in [0, 2 pi): a
// ring. glumpy's data is unseeded random: ours is the same distribution from glumpp's
// seeded RandomGenerator, checked against glumpy's screenshot statistically
// (tests/examples/scales_check.py).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <numbers>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-polar: points in polar coordinates");
    app::Window window(options, 1024, 1024, "transform-polar");
    window.set_clear_color({1, 1, 1, 1});
    graphics::PointCollection points;
    points.set_transform(transforms::Position()(transforms::PolarProjection()));
    points.set_viewport(transforms::Viewport());
    RandomGenerator random(2016);
    const auto R = random.uniform(0.2, 0.8, {10000}).to_vector<double>();
    const auto T = random.uniform(0, 2 * std::numbers::pi, {10000}).to_vector<double>();
    std::vector<glm::vec3> positions;
    for (std::size_t k = 0; k < R.size(); ++k) positions.emplace_back(R[k], T[k], 0);
    points.append(positions, {.color = {0, 0, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    window.on_draw([&](double) {
        window.clear();
        points.draw();
    });
    return app::run(window, options);
}
