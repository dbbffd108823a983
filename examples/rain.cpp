// rain: a ring buffer of drops (glumpy's gloo-rain).
//
// Each tick one drop is born: one 12-byte record is written, and that is all that gets
// uploaded. The shader ages every drop from its birth time, where glumpy rewrote the
// color and size of every record each frame (and so re-sent the whole buffer).
#include <glumpp/app.hpp>

#include <glm/glm.hpp>

#include <random>

using namespace glumpp;

struct Drop {
    glm::vec2 position;
    float birth; // seconds
};
GLUMPP_DTYPE(Drop, position, birth);

const char* vertex = R"(#version 330 core
uniform float u_time;
uniform float u_scale;
in vec2 a_position;
in float a_birth;
out float v_age;
out float v_size;
void main() {
    v_age = u_time - a_birth;
    v_size = (4.0 + 50.0 * v_age) * u_scale;
    gl_Position = vec4(a_position, 0.0, 1.0);
    gl_PointSize = v_size;
})";

const char* fragment = R"(#version 330 core
in float v_age;
in float v_size;
out vec4 frag_color;
void main() {
    // A ring one pixel and a half thick, fading out over two seconds.
    float r = length(gl_PointCoord - 0.5) * v_size;
    float ring = 1.0 - smoothstep(0.0, 1.5, abs(r - 0.5 * v_size + 2.0));
    frag_color = vec4(0.6, 0.8, 1.0, ring * clamp(1.0 - v_age / 2.0, 0.0, 1.0));
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "rain: a ring buffer, one record written per tick");
    app::Window window(options, 512, 512, "rain");
    const std::size_t n = 150;
    auto drops = gloo::VertexBuffer::zeros<Drop>({n});
    drops["birth"].fill(-1e6); // born long ago: invisible
    gloo::Program program(vertex, fragment);
    program["a_position"] = drops["position"];
    program["a_birth"] = drops["birth"];
    program["u_scale"] = static_cast<float>(window.width()) / 512.0f;

    std::mt19937 rng(1);
    std::uniform_real_distribution<float> where(-0.9f, 0.9f);
    std::size_t next = 0;
    double time = 0, born = 0;
    window.on_draw([&](double dt) {
        time += dt;
        while (born <= time) { // one drop per 1/60 s of simulated time
            auto d = drops.as<Drop>();
            d[next] = {{where(rng), where(rng)}, static_cast<float>(born)};
            next = (next + 1) % n;
            born += 1.0 / 60.0;
        }
        program["u_time"] = static_cast<float>(time);
        window.clear();
        program.draw(gloo::Primitive::Points);
    });
    return app::run(window, options);
}
