// polar-surface: glumpy's examples/polar-surface.py, ported: the lit, checkered height
// field of ports3d/surface.hpp wrapped into a disc: Trackball(PolarProjection(Position(
// xscale, yscale, zscale))) with x from [-1, 1] to the radius [0, 1], y to the angle
// [0, 2 pi] and z kept (glumpy's LinearScales), the trackball at aspect 1, zoom 20. A
// 1200x1200 white window; drag rotates, scroll zooms: uniforms only, the surface's
// vertices and textures are sent once (`polar-surface drag` scripts a drag). glumpy's
// `data.get("spatial-filters.npy")` kernel is computed here (ports3d/surface.hpp says how).
#include "common/ScriptedDrag.hpp"
#include "ports3d/surface.hpp"

#include <numbers>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "polar-surface: a height field in polar coordinates");
    app::Window window(options, 1200, 1200, "polar-surface");
    window.set_clear_color({1, 1, 1, 1});

    ports3d::Surface surface("vec4 position3(vec3 p) { return <transform(p)>; }");
    transforms::LinearScale xscale({.domain = {-1, 1}, .range = {0, 1}});
    transforms::LinearScale yscale({.domain = {-1, 1}, .range = {0, 2 * std::numbers::pi}});
    transforms::LinearScale zscale({.domain = {-1, 1}, .range = {-1, 1}});
    transforms::PolarProjection polar;
    transforms::Trackball trackball({.aspect = 1});
    trackball.set_zoom(20);
    surface.program["transform"] = trackball(polar(transforms::Position()(xscale(".x"), yscale(".y"), zscale(".z"))));
    trackball.attach(window);
    ports3d::Surface::setup_gl();
    if (int rc = glumpp::examples::script_drag(window, options, glumpp::app::MouseButton::Left, "polar-surface")) return rc;
    window.on_draw([&](double) {
        window.clear();
        surface.draw(trackball);
    });
    return app::run(window, options);
}
