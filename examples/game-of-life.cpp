// game-of-life: Conway's life computed on the GPU, seeded and edited from the CPU
// (glumpy's game-of-life).
//
// Two textures take turns: each step renders the next generation of one into the other
// (a FrameBuffer). The simulation lives on the GPU; the CPU only writes where it changes
// something: a click (or, every 60 frames, a glider) writes a few cells into the current
// texture's array, and the next step uploads just those texels, in place, over what the
// GPU computed.
#include <glumpp/app.hpp>

#include <random>

using namespace glumpp;

const char* quad = R"(#version 330 core
in vec2 a_position;
out vec2 v_texcoord;
void main() {
    v_texcoord = 0.5 * (a_position + 1.0);
    gl_Position = vec4(a_position, 0.0, 1.0);
})";

const char* life = R"(#version 330 core
uniform sampler2D u_state;
out vec4 next;
void main() {
    ivec2 size = textureSize(u_state, 0);
    ivec2 p = ivec2(gl_FragCoord.xy);
    int neighbours = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            if (dx != 0 || dy != 0) neighbours += int(texelFetch(u_state, (p + ivec2(dx, dy) + size) % size, 0).r > 0.5);
    bool alive = texelFetch(u_state, p, 0).r > 0.5;
    next = vec4((neighbours == 3 || (alive && neighbours == 2)) ? 1.0 : 0.0);
})";

const char* show = R"(#version 330 core
uniform sampler2D u_state;
in vec2 v_texcoord;
out vec4 frag_color;
void main() {
    float alive = texture(u_state, v_texcoord).r;
    frag_color = mix(vec4(0.05, 0.06, 0.10, 1.0), vec4(0.55, 0.95, 0.65, 1.0), alive);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "game-of-life: a GPU simulation edited from the CPU");
    app::Window window(options, 512, 512, "game-of-life");
    const std::size_t size = 256;
    gloo::Texture2D state[2] = {gloo::Texture2D::zeros<std::uint8_t>({size, size}), gloo::Texture2D::zeros<std::uint8_t>({size, size})};
    {
        std::mt19937 rng(11);
        auto cells = state[0].as<std::uint8_t>();
        for (auto& c : cells) c = (rng() % 4 == 0) ? 255 : 0;
    }
    gloo::FrameBuffer target[2] = {gloo::FrameBuffer({state[0]}), gloo::FrameBuffer({state[1]})};
    const Array corners = Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    gloo::Program step(quad, life, 4), display(quad, show, 4);
    step["a_position"] = corners;
    display["a_position"] = corners;

    int current = 0;
    // A glider, written as five cells of the current generation: five texels uploaded.
    auto glider = [&](std::size_t x, std::size_t y) {
        auto cells = state[current].as<std::uint8_t>();
        for (auto [dx, dy] : {std::pair{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}}) cells((y + dy) % size, (x + dx) % size, 0) = 255;
    };
    window.on_mouse_press([&](double x, double y, app::MouseButton) {
        glider(std::size_t(x * size / window.width()), std::size_t((window.height() - y) * size / window.height()));
    });
    std::size_t frame = 0;
    window.on_draw([&](double) {
        if (++frame % 60 == 0) glider(frame % size, (3 * frame) % size);
        {
            auto on = target[1 - current].activated(); // render the next generation
            step["u_state"] = state[current];
            glDisable(GL_BLEND); // the window's default (glumpy's) blends: the step must replace
            step.draw(gloo::Primitive::TriangleStrip);
            glEnable(GL_BLEND);
        }
        current = 1 - current;
        display["u_state"] = state[current];
        display.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
