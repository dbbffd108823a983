// cube: a rotating, textured cube drawn from an index buffer (glumpy's gloo-cube).
//
// 24 vertices (4 per face, each face with its own texture coordinates) in one structured
// VertexBuffer, 36 indices in an IndexBuffer, a checkerboard texture made here. Each frame
// only the model matrix changes: no vertex or texel is uploaded after the first frame.
#include <glumpp/app.hpp>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>

using namespace glumpp;

struct Vertex {
    glm::vec3 position;
    glm::vec2 texcoord;
    glm::vec3 normal;
};
GLUMPP_DTYPE(Vertex, position, texcoord, normal);

const char* vertex = R"(#version 330 core
uniform mat4 u_model;
uniform mat4 u_view;
uniform mat4 u_projection;
in vec3 a_position;
in vec2 a_texcoord;
in vec3 a_normal;
out vec2 v_texcoord;
out float v_light;
void main() {
    gl_Position = u_projection * u_view * u_model * vec4(a_position, 1.0);
    v_texcoord = a_texcoord;
    vec3 n = normalize(mat3(u_model) * a_normal);
    v_light = 0.35 + 0.65 * max(dot(n, normalize(vec3(0.4, 0.6, 1.0))), 0.0);
})";

const char* fragment = R"(#version 330 core
uniform sampler2D u_texture;
in vec2 v_texcoord;
in float v_light;
out vec4 frag_color;
void main() { frag_color = vec4(texture(u_texture, v_texcoord).rgb * v_light, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "cube: a rotating textured cube (indexed)");
    app::Window window(options, 512, 512, "cube");
    window.set_clear_color({0.12f, 0.12f, 0.15f, 1.0f});

    // Each face: its normal and two axes spanning it.
    auto V = gloo::VertexBuffer::zeros<Vertex>({24});
    std::vector<std::uint8_t> indices;
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    auto v = V.as<Vertex>();
    for (int f = 0; f < 6; ++f) {
        const glm::vec3 n = normals[f];
        const glm::vec3 u = glm::abs(n.y) > 0 ? glm::vec3(1, 0, 0) : glm::normalize(glm::cross(glm::vec3(0, 1, 0), n));
        const glm::vec3 w = glm::cross(n, u);
        const glm::vec2 corners[4] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int c = 0; c < 4; ++c) {
            const glm::vec2 t = corners[c];
            v[4 * f + c] = {n + (2 * t.x - 1) * u + (2 * t.y - 1) * w, t, n};
        }
        for (int k : {0, 1, 2, 0, 2, 3}) indices.push_back(static_cast<std::uint8_t>(4 * f + k));
    }
    auto I = gloo::IndexBuffer::from(indices);

    auto checkers = gloo::Texture2D::zeros<std::uint8_t>({64, 64, 3});
    auto texel = checkers.as<glm::u8vec3>();
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) texel(y, x) = ((x / 8 + y / 8) % 2) ? glm::u8vec3(230, 120, 40) : glm::u8vec3(250);
    }

    gloo::Program cube(vertex, fragment);
    cube["a_position"] = V["position"];
    cube["a_texcoord"] = V["texcoord"];
    cube["a_normal"] = V["normal"];
    cube["u_texture"] = checkers;
    cube["u_view"] = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, -5));
    window.on_resize([&](int w, int h) {
        cube["u_projection"] = glm::perspective(glm::radians(45.0f), float(w) / float(h), 2.0f, 100.0f);
    });
    double theta = 0, phi = 0;
    window.on_draw([&](double dt) {
        theta += 40 * dt;
        phi += 30 * dt;
        glm::mat4 model = glm::rotate(glm::mat4(1.0f), glm::radians(float(theta)), glm::vec3(0, 0, 1));
        cube["u_model"] = glm::rotate(model, glm::radians(float(phi)), glm::vec3(0, 1, 0));
        window.clear();
        glEnable(GL_DEPTH_TEST);
        cube.draw(gloo::Primitive::Triangles, I);
    });
    return app::run(window, options);
}
