// gloo-cube: glumpy's examples/gloo-cube.py, a coloured cube and its black outline,
// turning half a degree about Z and Y each frame.
//
// glumpy's data and state: geometry::colorcube() (glumpy's colorcube(), the same bytes),
// a 1024x1024 window cleared to (0.30, 0.30, 0.35), depth test, polygon offset (1, 1) for
// the faces so that the outline (blended, smoothed, 0.75 px, no depth writes) lies on top.
// The model is set after each draw, as glumpy's on_draw does: frame 1 shows the
// untransformed cube, frame N the rotation by 0.5 * (N - 1) degrees.
//
// glumpy.glm in GLM: glumpy builds row-major NumPy matrices for row vectors (v * M) and
// uploads them untransposed, so GL reads each one transposed, which is the column-vector
// matrix GLM builds. Hence glm.rotate(M, a, x, y, z) (M = M . R^T) is M' = R . M here:
// `rotate(model, theta, Z); rotate(model, phi, Y)` is Ry(phi) * Rz(theta), which is
// glm::rotate(glm::rotate(I, phi, Y), theta, Z); glm.translation(x, y, z) is
// glm::translate(I, {x, y, z}); glm.perspective(fovy, aspect, near, far) (degrees) is
// glm::perspective(radians(fovy), aspect, near, far). Computed in double, as glumpy does,
// then stored as float, as glumpy's float32 arrays are. The shaders are glumpy's in GLSL
// 3.30 core (in/out, an output for gl_FragColor).
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>

#include <glm/gtc/matrix_transform.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform vec4 ucolor;
uniform mat4 model;
uniform mat4 view;
uniform mat4 projection;
in vec3 position;
in vec4 color;
out vec4 v_color;
void main()
{
    v_color = ucolor * color;
    gl_Position = projection * view * model * vec4(position,1.0);
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;
out vec4 frag_color;
void main()
{
    frag_color = v_color;
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-cube: glumpy's coloured, outlined, rotating cube");
    app::Window window(options, 1024, 1024, "gloo-cube");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    const auto cc = geometry::colorcube();
    const auto faces = gloo::IndexBuffer::over(cc.filled);
    const auto outline = gloo::IndexBuffer::over(cc.outline);
    gloo::Program cube(vertex, fragment);
    cube.bind(cc.vertices);
    cube["model"] = glm::mat4(1.0f);
    cube["view"] = glm::mat4(glm::translate(glm::dmat4(1.0), {0.0, 0.0, -5.0}));
    double phi = 0, theta = 0;

    window.on_init([] {
        glEnable(GL_DEPTH_TEST);
        glPolygonOffset(1, 1);
        glEnable(GL_LINE_SMOOTH);
        glLineWidth(0.75f);
    });
    window.on_resize([&](int width, int height) {
        cube["projection"] = glm::mat4(glm::perspective(glm::radians(45.0), double(width) / double(height), 2.0, 100.0));
    });
    window.on_draw([&](double) {
        window.clear();
        // Filled cube
        glDisable(GL_BLEND);
        glEnable(GL_DEPTH_TEST);
        glEnable(GL_POLYGON_OFFSET_FILL);
        cube["ucolor"] = glm::vec4(1, 1, 1, 1);
        cube.draw(gloo::Primitive::Triangles, faces);
        // Outlined cube
        glDisable(GL_POLYGON_OFFSET_FILL);
        glEnable(GL_BLEND);
        glDepthMask(GL_FALSE);
        cube["ucolor"] = glm::vec4(0, 0, 0, 1);
        cube.draw(gloo::Primitive::Lines, outline);
        glDepthMask(GL_TRUE);
        // Make cube rotate
        theta += 0.5; // degrees
        phi += 0.5;   // degrees
        const glm::dmat4 model = glm::rotate(glm::rotate(glm::dmat4(1.0), glm::radians(phi), {0.0, 1.0, 0.0}), glm::radians(theta),
                                             {0.0, 0.0, 1.0});
        cube["model"] = glm::mat4(model);
    });
    return app::run(window, options);
}
