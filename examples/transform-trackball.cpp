// transform-trackball: glumpy's examples/transform-trackball.py. The coloured cube with its
// outline under a Trackball (theta 45, phi 45, zoom 35, distance 8): drag rotates, scroll
// zooms. Moving the camera changes three uniforms; no vertex is uploaded again
// (`transform-trackball drag` scripts a left-button drag to show it with --stats).
#include "cams/colorcube.hpp"
#include "common/ScriptedDrag.hpp"

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-trackball: a colour cube under glumpy's trackball");
    app::Window window(options, 1024, 1024, "transform-trackball");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});
    const auto cube = cams::colorcube();
    auto program = cams::program(cube);
    transforms::Trackball trackball;
    program["transform"] = trackball(transforms::Position()("position"));
    trackball.attach(window);
    if (int rc = examples::script_drag(window, options, app::MouseButton::Left, "transform-trackball")) return rc;
    cams::setup_gl();
    window.on_draw([&](double) { cams::draw(window, program, cube); });
    return app::run(window, options);
}
