// color-cube: glumpy's examples/tutorial/color-cube.py, the tutorial's cube of eight
// coloured corners (the RGB cube), turning half a degree about Z and Y each frame.
//
// glumpy's data: its own 8 vertices (a_position, a_color) and 36 indices, written out as
// the script writes them (not geometry::colorcube(), which the script imports but does not
// use); its 1024x1024 window cleared to (0.30, 0.30, 0.35); depth test. phi, theta start at
// 40, 30 but the model starts as the identity and is set after each draw, as glumpy's
// on_draw does: frame N shows theta = 30 + 0.5 (N - 1), phi = 40 + 0.5 (N - 1), N >= 2.
// glumpy.glm's matrices in GLM: see gloo-cube.cpp.
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>

#include <glm/gtc/matrix_transform.hpp>

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform mat4   u_model;         // Model matrix
uniform mat4   u_view;          // View matrix
uniform mat4   u_projection;    // Projection matrix
in vec4 a_color;                // Vertex color
in vec3 a_position;             // Vertex position
out vec4 v_color;               // Interpolated fragment color (out)
void main()
{
    v_color = a_color;
    gl_Position = u_projection * u_view * u_model * vec4(a_position,1.0);
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;                // Interpolated fragment color (in)
out vec4 frag_color;
void main()
{
    frag_color = v_color;
})";

struct Vertex {
    glm::vec3 a_position;
    glm::vec4 a_color;
};
GLUMPP_DTYPE(Vertex, a_position, a_color);

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "color-cube: glumpy's tutorial colour cube");
    app::Window window(options, 1024, 1024, "color-cube");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    const auto V = gloo::VertexBuffer::from<Vertex>({{{1, 1, 1}, {0, 1, 1, 1}},
                                                     {{-1, 1, 1}, {0, 0, 1, 1}},
                                                     {{-1, -1, 1}, {0, 0, 0, 1}},
                                                     {{1, -1, 1}, {0, 1, 0, 1}},
                                                     {{1, -1, -1}, {1, 1, 0, 1}},
                                                     {{1, 1, -1}, {1, 1, 1, 1}},
                                                     {{-1, 1, -1}, {1, 0, 1, 1}},
                                                     {{-1, -1, -1}, {1, 0, 0, 1}}});
    const auto I = gloo::IndexBuffer::from<std::uint32_t>(
        {0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5, 0, 5, 6, 0, 6, 1, 1, 6, 7, 1, 7, 2, 7, 4, 3, 7, 3, 2, 4, 7, 6, 4, 6, 5});

    gloo::Program cube(vertex, fragment);
    cube.bind(V);
    cube["u_model"] = glm::mat4(1.0f);
    cube["u_view"] = glm::mat4(glm::translate(glm::dmat4(1.0), {0.0, 0.0, -5.0}));
    double phi = 40, theta = 30;

    window.on_init([] { glEnable(GL_DEPTH_TEST); });
    window.on_resize([&](int width, int height) {
        cube["u_projection"] = glm::mat4(glm::perspective(glm::radians(45.0), double(width) / double(height), 2.0, 100.0));
    });
    window.on_draw([&](double) {
        window.clear();
        // Filled cube
        cube.draw(gloo::Primitive::Triangles, I);
        // Rotate cube
        theta += 0.5; // degrees
        phi += 0.5;   // degrees
        cube["u_model"] = glm::mat4(glm::rotate(glm::rotate(glm::dmat4(1.0), glm::radians(phi), {0.0, 1.0, 0.0}),
                                                glm::radians(theta), {0.0, 0.0, 1.0}));
    });
    return app::run(window, options);
}
