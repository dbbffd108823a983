// texture-cube: glumpy's examples/tutorial/texture-cube.py, the colour cube textured with
// a checkerboard and outlined in black, turning half a degree about Z and Y each frame.
//
// glumpy's data: the script's own cube() is glumpy's colorcube() with the fields renamed
// a_position, a_texcoord, a_normal, a_color, so geometry::colorcube() feeds it here (the
// same bytes, field by field); its checkerboard() (8 x 8 squares of 32 texels, 0 or 255,
// one channel) is generated the same way: the script loads no image file. Polygon offset
// for the faces, blended smooth lines without depth writes for the outline, as the
// script does. Frame N shows theta = 30 + 0.5 (N - 1), phi = 40 + 0.5 (N - 1), N >= 2 (the
// model is set after each draw). glumpy.glm's matrices in GLM: see common/TutorialCube.hpp.
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>

#include "common/Checkerboard.hpp"
#include "common/TutorialCube.hpp"

using namespace glumpp;
namespace tutorial = examples::tutorial;

const char* vertex = R"(#version 330 core
uniform mat4   u_model;         // Model matrix
uniform mat4   u_view;          // View matrix
uniform mat4   u_projection;    // Projection matrix
in vec4 a_color;                // Vertex color
in vec3 a_position;             // Vertex position
in vec2 a_texcoord;             // Vertex texture coordinates
out vec4 v_color;               // Interpolated fragment color (out)
out vec2 v_texcoord;            // Interpolated fragment texture coordinates (out)
void main()
{
    // Assign varying variables
    v_color     = a_color;
    v_texcoord  = a_texcoord;

    // Final position
    gl_Position = u_projection * u_view * u_model * vec4(a_position,1.0);
})";

const char* fragment = R"(#version 330 core
uniform vec4      u_color;    // Global color
uniform sampler2D u_texture;  // Texture
in vec4 v_color;              // Interpolated fragment color (in)
in vec2 v_texcoord;           // Interpolated fragment texture coordinates (in)
out vec4 frag_color;
void main()
{
    // Get texture color
    vec4 t_color = vec4(vec3(texture(u_texture, v_texcoord).r), 1.0);

    // Final color
    frag_color = u_color * t_color * mix(v_color, t_color, 0.25);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "texture-cube: glumpy's tutorial checkered, outlined cube");
    app::Window window(options, 1024, 1024, "texture-cube");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    const auto cc = geometry::colorcube();
    auto V = gloo::VertexBuffer::over(cc.vertices);
    const auto I = gloo::IndexBuffer::over(cc.filled);
    const auto O = gloo::IndexBuffer::over(cc.outline);
    gloo::Program cube(vertex, fragment);
    cube["a_position"] = V["position"];
    cube["a_texcoord"] = V["texcoord"];
    cube["a_color"] = V["color"];
    cube["u_texture"] = examples::checkerboard();
    cube["u_model"] = glm::mat4(1.0f);
    cube["u_view"] = tutorial::view();
    tutorial::Spin spin;

    window.on_init([] {
        glEnable(GL_DEPTH_TEST);
        glPolygonOffset(1, 1);
        glEnable(GL_LINE_SMOOTH);
    });
    window.on_resize([&](int width, int height) { cube["u_projection"] = tutorial::projection(width, height); });
    window.on_draw([&](double) {
        window.clear();
        tutorial::draw_outlined(cube, I, O); // filled cube, then its outline
        cube["u_model"] = spin.step();       // rotate cube
    });
    return app::run(window, options);
}
