// cloud: a million antialiased points (glumpy's gloo-cloud).
//
// The points are uploaded once; each frame changes only a uniform (the rotation), so
// after the first frame nothing but 64 bytes of matrix goes to the GPU.
#include <glumpp/app.hpp>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <random>

using namespace glumpp;

struct Point {
    glm::vec3 position;
    float size;
    glm::vec4 color;
};
GLUMPP_DTYPE(Point, position, size, color);

const char* vertex = R"(#version 330 core
uniform mat4 u_projection;
uniform mat4 u_view;
in vec3 a_position;
in float a_size;
in vec4 a_color;
out vec4 v_color;
out float v_size;
void main() {
    gl_Position = u_projection * u_view * vec4(a_position, 1.0);
    v_size = a_size;
    v_color = a_color;
    gl_PointSize = a_size + 2.0;
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;
in float v_size;
out vec4 frag_color;
void main() {
    // Antialiased disc: the point's edge fades over one pixel.
    float d = length(gl_PointCoord - 0.5) * (v_size + 2.0) - v_size / 2.0;
    frag_color = vec4(v_color.rgb, v_color.a * clamp(0.5 - d, 0.0, 1.0));
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "cloud: a million points, uploaded once");
    app::Window window(options, 512, 512, "cloud");
    const std::size_t n = 1'000'000;
    auto points = gloo::VertexBuffer::zeros<Point>({n}, gloo::BufferUsage::Static);
    {
        std::mt19937 rng(5);
        std::normal_distribution<float> gauss(0.0f, 0.35f);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        auto p = points.as<Point>();
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec3 pos(gauss(rng), gauss(rng), gauss(rng));
            p[i] = {pos, 1.0f + 2.0f * unit(rng), glm::vec4(0.5f + pos * 0.8f, 0.6f)};
        }
    }
    gloo::Program program(vertex, fragment);
    program["a_position"] = points["position"];
    program["a_size"] = points["size"];
    program["a_color"] = points["color"];
    double angle = 0;
    window.on_resize([&](int w, int h) {
        program["u_projection"] = glm::perspective(glm::radians(45.0f), float(w) / float(h), 0.1f, 10.0f);
    });
    window.on_draw([&](double dt) {
        angle += 20.0 * dt;
        glm::mat4 view = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, -3.0f));
        view = glm::rotate(view, glm::radians(float(angle)), glm::vec3(0.3f, 1.0f, 0.0f));
        program["u_view"] = view;
        window.clear();
        program.draw(gloo::Primitive::Points);
    });
    return app::run(window, options);
}
