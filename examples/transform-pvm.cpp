// transform-pvm: glumpy's examples/transform-pvm.py. The coloured cube under a
// PVMProjection (distance 5, fovy 40, znear 2, zfar 100), turning half a degree about z and
// y each frame (after the frame is drawn, as glumpy's on_draw): a uniform per frame, no
// vertex data.
#include "cams/colorcube.hpp"

#include <glm/gtc/matrix_transform.hpp>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-pvm: a rotating colour cube, projection * view * model");
    app::Window window(options, 1024, 1024, "transform-pvm");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});
    const auto cube = cams::colorcube();
    auto program = cams::program(cube);
    transforms::PVMProjection transform;
    program["transform"] = transform(transforms::Position()("position"));
    transform.attach(window);
    double theta = 0, phi = 0;
    cams::setup_gl();
    glLineWidth(0.75f);
    window.on_draw([&](double) {
        cams::draw(window, program, cube);
        theta += 0.5; // degrees per frame, as glumpy (not per second)
        phi += 0.5;
        // glumpy: rotate(model, theta, 0, 0, 1) then rotate(model, phi, 0, 1, 0): Ry(phi) Rz(theta).
        const glm::dmat4 ry = glm::rotate(glm::dmat4(1.0), glm::radians(phi), glm::dvec3(0, 1, 0));
        transform.set_model(glm::mat4(glm::rotate(ry, glm::radians(theta), glm::dvec3(0, 0, 1))));
    });
    return app::run(window, options);
}
