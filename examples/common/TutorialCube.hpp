#pragma once
// What glumpy's cube scripts (gloo-cube.py and the tutorial's solid-, color-, outline- and
// texture-cube.py) share, written once: their eight corners and 36 face indices, the 24
// edge indices, the camera, the spin, and the filled-then-outlined draw. Each port keeps
// its own shaders (they define its picture) and says which of these it uses.
//
// glumpy.glm in GLM: glumpy builds row-major NumPy matrices for row vectors (v * M) and
// uploads them untransposed, so GL reads each one transposed, which is the column-vector
// matrix GLM builds. Hence glm.rotate(M, a, x, y, z) (M = M . R^T) is M' = R . M here:
// `rotate(model, theta, Z); rotate(model, phi, Y)` is Ry(phi) * Rz(theta), which is
// glm::rotate(glm::rotate(I, phi, Y), theta, Z); glm.translation(x, y, z) is
// glm::translate(I, {x, y, z}); glm.perspective(fovy, aspect, near, far) (degrees) is
// glm::perspective(radians(fovy), aspect, near, far). Computed in double, as glumpy does,
// then stored as float, as glumpy's float32 arrays are.
#include <glumpp/gloo.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>

namespace glumpp::examples::tutorial {

/// The tutorial scripts' own corners (not geometry::colorcube()'s 24 vertices) and the
/// colour each has in color-cube.py: the RGB cube.
inline constexpr std::array<glm::vec3, 8> corners{{{1, 1, 1}, {-1, 1, 1}, {-1, -1, 1}, {1, -1, 1},
                                                   {1, -1, -1}, {1, 1, -1}, {-1, 1, -1}, {-1, -1, -1}}};
inline constexpr std::array<glm::vec4, 8> corner_colors{{{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 1, 0, 1},
                                                         {1, 1, 0, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 0, 1}}};
/// Two triangles a face, into `corners`.
inline gloo::IndexBuffer faces() {
    return gloo::IndexBuffer::from<std::uint32_t>(
        {0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5, 0, 5, 6, 0, 6, 1, 1, 6, 7, 1, 7, 2, 7, 4, 3, 7, 3, 2, 4, 7, 6, 4, 6, 5});
}
/// The twelve edges as line pairs, into `corners` (outline-cube.py's O).
inline gloo::IndexBuffer edges() {
    return gloo::IndexBuffer::from<std::uint32_t>({0, 1, 1, 2, 2, 3, 3, 0, 4, 7, 7, 6, 6, 5, 5, 4, 0, 5, 1, 6, 2, 7, 3, 4});
}

/// glm.translation(0, 0, -5).
inline glm::mat4 view() { return glm::mat4(glm::translate(glm::dmat4(1.0), {0.0, 0.0, -5.0})); }
/// glm.perspective(45, width / height, 2, 100), what each script's on_resize sets.
inline glm::mat4 projection(int width, int height) {
    return glm::mat4(glm::perspective(glm::radians(45.0), double(width) / double(height), 2.0, 100.0));
}

/// The scripts' rotation: half a degree about Z and Y a frame, the model set after each
/// draw (so frame 1 shows the model the script starts with, frame N the angles after
/// N - 1 steps).
struct Spin {
    double phi = 40, theta = 30; ///< degrees; gloo-cube.py starts both at 0
    /// Steps the angles and returns glm.rotate(glm.rotate(I, theta, Z), phi, Y).
    glm::mat4 step() {
        theta += 0.5;
        phi += 0.5;
        return glm::mat4(glm::rotate(glm::rotate(glm::dmat4(1.0), glm::radians(phi), {0.0, 1.0, 0.0}), glm::radians(theta),
                                     {0.0, 0.0, 1.0}));
    }
};

/// The outlined scripts' draw: the faces white without blending, pushed back by polygon
/// offset, then the edges black, blended, without depth writes (glDisable/glEnable of
/// GL_BLEND, GL_DEPTH_TEST, GL_POLYGON_OFFSET_FILL, glDepthMask, as the scripts call
/// them). `color` is the uniform the shaders multiply by (u_color, or gloo-cube's ucolor).
inline void draw_outlined(gloo::Program& cube, const gloo::IndexBuffer& filled, const gloo::IndexBuffer& outline,
                          const char* color = "u_color") {
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_POLYGON_OFFSET_FILL);
    cube[color] = glm::vec4(1, 1, 1, 1);
    cube.draw(gloo::Primitive::Triangles, filled);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glEnable(GL_BLEND);
    glDepthMask(GL_FALSE);
    cube[color] = glm::vec4(0, 0, 0, 1);
    cube.draw(gloo::Primitive::Lines, outline);
    glDepthMask(GL_TRUE);
}

} // namespace glumpp::examples::tutorial
