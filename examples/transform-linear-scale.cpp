// transform-linear-scale: 10,000 points through a linear scale (glumpy's
// transform-linear-scale.py): a white 1024x1024 window, PointCollection("agg") (black dots with glumpy's agg edge,
// 3 px) with Position(LinearScale()) and the default Viewport; scrolling down widens the
// domain by 1.1, up narrows it (glumpy's on_mouse_scroll).
//
// glumpy's data is np.random.normal(0, .5, (10000, 3)), unseeded: ours is the same
// distribution from glumpp's seeded RandomGenerator (not NumPy's stream), so the picture
// is glumpy's statistically (tests/examples/scales_check.py), not pixel for pixel. Points
// whose z leaves [-1, 1] are clipped, as GL clips glumpy's.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-linear-scale: points through a linear scale");
    app::Window window(options, 1024, 1024, "transform-linear-scale");
    window.set_clear_color({1, 1, 1, 1});
    transforms::LinearScale scale; // domain (-1, 1) -> range (-1, 1)
    graphics::PointCollection points;
    points.set_transform(transforms::Position()(scale));
    points.set_viewport(transforms::Viewport());
    const auto P = RandomGenerator(2016).normal(0, 0.5, {10000, 3}).to_vector<double>();
    std::vector<glm::vec3> positions;
    for (std::size_t k = 0; k < P.size(); k += 3) positions.emplace_back(P[k], P[k + 1], P[k + 2]);
    points.append(positions, {.color = {0, 0, 0, 1}, .size = 3, .edge = graphics::PointEdge::Agg});
    window.on_draw([&](double) {
        window.clear();
        points.draw();
    });
    window.on_mouse_scroll([&](double, double, double, double dy) { scale.set_domain(dy < 0 ? scale.domain() * 1.1 : scale.domain() / 1.1); });
    return app::run(window, options);
}
