// spiral: glumpy's examples/spiral.py, ported: a polar frame (its rim, radius and angle
// grids, ticks on the radius, the angle and the z axis) with tick labels, and a red 3-D
// spiral of 1,000 points, all through Trackball(PolarProjection(Position(xscale, yscale,
// zscale))) (x: the radius over [0, 1]; y: [0, 1] to the angle [0, 2 pi]; z kept), the
// trackball at theta 40, phi 0, zoom 15, aspect 1. A 1200x1000 white window; drag rotates,
// scroll zooms (uniforms only).
//
// glumpy draws its tick labels with collections/tick-labels.vert: each label's origin goes
// through the scales and the polar projection, and its text runs along the projected
// direction (origin + scale * direction, projected, minus the projected origin), y turned
// 90 degrees from it in the plane, then the trackball. Here that projection is done on the
// CPU with the chain's twin (Call::forward: the GPU's numbers), and the label is placed in
// the world at the projected origin, rotated to the projected direction, under the
// trackball alone: the same points. Its SDF units are 48 px per em times scale 0.0013
// (0.65 * 0.002) world units. glumpy's `ticks` SegmentCollection stays empty (its ticks
// are paths), as here. Strokes have glumpy's agg edge (StrokeEdge::Agg).
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "common/Linspace.hpp"

using namespace glumpp;

using examples::linepath;
using examples::linspace;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "spiral: a 3-D spiral in a polar frame, under a trackball");
    app::Window window(options, 1200, 1000, "spiral");
    window.set_clear_color({1, 1, 1, 1});

    transforms::LinearScale xscale({.domain = {0, 1}, .range = {0, 1}});
    transforms::LinearScale yscale({.domain = {0, 1}, .range = {0, 2 * std::numbers::pi}});
    transforms::LinearScale zscale;
    transforms::PolarProjection projection;
    transforms::Trackball trackball({.aspect = 1});
    const transforms::Call data = projection(transforms::Position()(xscale(".x"), yscale(".y"), zscale(".z")));
    const transforms::Call transform = trackball(data);
    transforms::Viewport viewport;

    graphics::PathCollection paths;
    paths.set_transform(transform);
    paths.set_viewport(viewport);
    graphics::SegmentCollection ticks;
    ticks.set_transform(transform);
    ticks.set_viewport(viewport);
    auto path = [&](const std::vector<glm::vec3>& p, float width, glm::vec4 color = {0, 0, 0, 1}) {
        paths.append(p, false, {.color = color, .width = width, .edge = graphics::StrokeEdge::Agg});
    };

    const double xmin = 0, xmax = 1, ymin = 0, ymax = 1, zmin = 0, zmax = 1;
    // Outer frame
    path(linepath({xmin, ymin, zmin}, {xmax, ymin, zmin}), 2);
    path(linepath({xmin, ymax, zmin}, {xmax, ymax, zmin}), 2);
    path(linepath({xmax, ymin, zmin}, {xmax, ymax, zmin}), 2);
    path(linepath({xmin, ymin, zmin}, {xmin, ymax, zmin}), 2);
    path(linepath({xmin, ymin, zmin}, {xmin, ymin, zmax}), 2);
    // Grids
    const auto grid_x = linspace(xmin, xmax, 11), grid_y = linspace(ymin, ymax, 11);
    for (int i = 1; i < 10; ++i) path(linepath({grid_x[i], ymin, zmin}, {grid_x[i], ymax, zmin}), 1, {0, 0, 0, 0.25f});
    for (int i = 1; i < 10; ++i) path(linepath({xmin, grid_y[i], zmin}, {xmax, grid_y[i], zmin}), 1, {0, 0, 0, 0.25f});
    // Ticks (paths, as glumpy's)
    const auto major_x = linspace(xmin, xmax, 11), minor_x = linspace(xmin, xmax, 51);
    for (int i = 0; i < 10; ++i) path(linepath({major_x[i], ymin, zmin}, {major_x[i], ymin + 0.02, zmin}), 2);
    for (int i = 0; i < 50; ++i) path(linepath({minor_x[i], ymin, zmin}, {minor_x[i], ymin + 0.01, zmin}), 1);
    const auto major_y = linspace(ymin, ymax, 11), minor_y = linspace(ymin, ymax, 51);
    for (int i = 0; i < 10; ++i) path(linepath({xmax, major_y[i], zmin}, {xmax - 0.04, major_y[i], zmin}), 2);
    for (int i = 0; i < 50; ++i) path(linepath({xmax, minor_y[i], zmin}, {xmax - 0.02, minor_y[i], zmin}), 1);
    const auto major_z = linspace(zmin, zmax, 11), minor_z = linspace(zmin, zmax, 51);
    for (int i = 0; i < 10; ++i) path(linepath({xmin, ymin, major_z[i]}, {xmin + 0.04, ymin, major_z[i]}), 2);
    for (int i = 0; i < 50; ++i) path(linepath({xmin, ymin, minor_z[i]}, {xmin + 0.02, ymin, minor_z[i]}), 1);

    // Tick labels: projected on the CPU (see above), then under the trackball.
    graphics::GlyphCollection labels(graphics::GlyphCollection::Mode::DistanceField);
    labels.set_transform(trackball(transforms::Position()("position")));
    labels.set_viewport(viewport); // glumpy: GlyphCollection(..., viewport=viewport), as the paths
    const text::Font regular = text::Font::open("Open Sans");
    const double scale = 0.65 * 0.002;
    auto label = [&](const char* text, glm::dvec3 origin, glm::dvec3 direction, graphics::AnchorX ax) {
        const glm::dvec4 o = data.forward(glm::dvec4(origin, 1));
        const glm::dvec4 d = data.forward(glm::dvec4(origin + scale * direction, 1)) - o;
        labels.append(text, regular, {.size = 48, .origin = glm::vec3(o), .anchor_x = ax, .anchor_y = graphics::AnchorY::Middle,
                                      .rotation = std::atan2(d.y, d.x), .placement = graphics::Placement::World,
                                      .world_scale = scale});
    };
    const auto at = linspace(xmin, xmax, 11);
    for (int i = 0; i < 10; ++i) {
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", i / 10.0);
        label(text, {xmax + 0.1, at[i], zmin}, {1, 0, 0}, graphics::AnchorX::Left);
        label(text, {at[i], -0.001, zmin}, {0, 1, 0}, graphics::AnchorX::Right);
    }

    // The spiral
    const int n = 1000;
    std::vector<glm::vec3> P(n);
    const auto px = linspace(1, 0, n), py = linspace(0, 4, n), pz = linspace(-1, 1, n);
    for (int i = 0; i < n; ++i) P[i] = glm::vec3(px[i], py[i], pz[i]);
    path(P, 3, {1, 0, 0, 1});

    trackball.set_phi(0);
    trackball.set_zoom(15);
    trackball.set_theta(40);
    trackball.attach(window);
    window.on_draw([&](double) {
        window.clear();
        labels.draw();
        ticks.draw();
        paths.draw();
    });
    return app::run(window, options);
}
