// transform-trackballPan: glumpy's examples/transform-trackballPan.py. The coloured cube
// face-on under a TrackballPan (znear 3, zfar 10, distance 5, then aspect 1, phi 0, theta 0,
// zoom 50, in glumpy's order): drag rotates, Shift + drag (or a right-button drag) pans,
// scroll zooms (`transform-trackballPan drag` scripts a right-button drag: a pan).
#include "cams/colorcube.hpp"
#include "common/ScriptedDrag.hpp"

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-trackballPan: a colour cube under glumpy's panning trackball");
    app::Window window(options, 1024, 1024, "transform-trackballPan");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});
    const auto cube = cams::colorcube();
    auto program = cams::program(cube);
    transforms::TrackballPan trackball({.znear = 3, .zfar = 10, .distance = 5});
    program["transform"] = trackball(transforms::Position()("position"));
    trackball.set_aspect(1);
    trackball.set_phi(0);
    trackball.set_theta(0);
    trackball.set_zoom(50);
    trackball.attach(window);
    if (int rc = examples::script_drag(window, options, app::MouseButton::Right, "transform-trackballPan")) return rc;
    cams::setup_gl();
    window.on_draw([&](double) { cams::draw(window, program, cube); });
    return app::run(window, options);
}
