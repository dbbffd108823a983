// dynamic-transform: glumpy's examples/dynamic-transform.py, ported: the lit, checkered
// height field of ports3d/surface.hpp under a Trackball (aspect 1, zoom 20), morphing
// between two transforms of the same points: transform1 = Position(xscale1, yscale1,
// zscale1) (LinearScales with glumpy's defaults: the identity) and transform2 =
// TransverseMercatorProjection(Position(xscale2, yscale2, zscale2)) (x from [-2.5, 2.5] to
// [-pi, pi], y to [-pi/2, pi/2]), mixed by (1 + cos(time)) / 2 with time the sum of the
// frames' dt (glumpy's). A 1200x1200 white window; drag rotates, scroll zooms
// (`dynamic-transform drag` scripts a drag).
//
// What changes per frame: the uniform `time` (and the trackball's when it moves); the
// surface's vertices and textures are sent once. glumpy's `data.get("spatial-filters.npy")`
// kernel is computed here (ports3d/surface.hpp says how).
#include "common/ScriptedDrag.hpp"
#include "ports3d/surface.hpp"

#include <cmath>
#include <numbers>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "dynamic-transform: a surface morphing between two projections");
    app::Window window(options, 1200, 1200, "dynamic-transform");
    window.set_clear_color({1, 1, 1, 1});

    ports3d::Surface surface(R"(
uniform float time;
vec4 view_projection(vec4 position) { return <trackball(position)>; }
vec4 position3(vec3 p) {
    vec4 position1 = view_projection(<transform1(p)>);
    vec4 position2 = view_projection(<transform2(p)>);
    return mix(position1, position2, (1.0 + cos(time)) / 2.0);
})");
    constexpr double pi = std::numbers::pi;
    transforms::LinearScale xscale1, yscale1, zscale1;
    transforms::LinearScale xscale2({.domain = {-2.5, 2.5}, .range = {-pi, pi}});
    transforms::LinearScale yscale2({.domain = {-2.5, 2.5}, .range = {-pi / 2, pi / 2}});
    transforms::LinearScale zscale2({.domain = {-1, 1}, .range = {-1, 1}});
    transforms::TransverseMercatorProjection mercator;
    transforms::Trackball trackball({.aspect = 1});
    trackball.set_zoom(20);
    surface.program["trackball"] = trackball;
    surface.program["transform1"] = transforms::Position()(xscale1(".x"), yscale1(".y"), zscale1(".z"));
    surface.program["transform2"] = mercator(transforms::Position()(xscale2(".x"), yscale2(".y"), zscale2(".z")));
    trackball.attach(window);
    ports3d::Surface::setup_gl();
    if (int rc = glumpp::examples::script_drag(window, options, glumpp::app::MouseButton::Left, "dynamic-transform")) return rc;

    double time = 0;
    window.on_draw([&](double dt) {
        time += dt;
        window.clear();
        surface.program["time"] = static_cast<float>(time);
        surface.draw(trackball);
    });
    return app::run(window, options);
}
