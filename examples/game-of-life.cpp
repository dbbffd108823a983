// game-of-life: Conway's life computed on the GPU, seeded and edited from the CPU
// (glumpy's game-of-life).
//
// Two GPU-only textures take turns: each step renders the next generation of one into the
// other (a FrameBuffer). They have no CPU copy and nothing is ever uploaded into them: the
// only texels that cross the bus are the random seed's, once, from a CPU-backed texture
// that the first step reads and that is then dropped. A glider (a click, or one every 60
// frames) is stamped on the GPU too: nine points drawn into the current generation (its
// 3x3 box: five live cells, four dead ones), placed by a uniform, so no bytes at all.
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

// A glider's 3x3 box as nine points, cell (gl_VertexID % 3, gl_VertexID / 3) from u_origin
// (column, row), wrapping around the torus; no vertex data.
const char* stamp_vs = R"(#version 330 core
uniform ivec2 u_origin;
uniform int u_size;
out float v_alive;
const float glider[9] = float[9](0.0, 1.0, 0.0,  0.0, 0.0, 1.0,  1.0, 1.0, 1.0); // rows dy = 0, 1, 2
void main() {
    ivec2 cell = (u_origin + ivec2(gl_VertexID % 3, gl_VertexID / 3)) % u_size;
    v_alive = glider[gl_VertexID];
    gl_Position = vec4((vec2(cell) + 0.5) / float(u_size) * 2.0 - 1.0, 0.0, 1.0);
})";

const char* stamp_fs = R"(#version 330 core
in float v_alive;
out vec4 cell;
void main() { cell = vec4(v_alive); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "game-of-life: a GPU simulation edited from the CPU");
    app::Window window(options, 512, 512, "game-of-life");
    const std::size_t size = 256;
    gloo::Texture2D state[2] = {gloo::Texture2D::gpu_only<std::uint8_t>({size, size}),
                                gloo::Texture2D::gpu_only<std::uint8_t>({size, size})};
    auto seed = gloo::Texture2D::zeros<std::uint8_t>({size, size});
    {
        std::mt19937 rng(11);
        auto cells = seed.as<std::uint8_t>();
        for (auto& c : cells) c = (rng() % 4 == 0) ? 255 : 0;
    }
    gloo::FrameBuffer target[2] = {gloo::FrameBuffer({state[0]}), gloo::FrameBuffer({state[1]})};
    const Array corners = Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    gloo::Program step(quad, life, 4), display(quad, show, 4), stamp(stamp_vs, stamp_fs);
    step["a_position"] = corners;
    display["a_position"] = corners;
    stamp["u_size"] = {double(size)};

    int current = 0;
    std::vector<std::pair<std::size_t, std::size_t>> gliders; // (column, row) of their boxes
    window.on_mouse_press([&](double x, double y, app::MouseButton) {
        gliders.emplace_back(std::size_t(x * size / window.width()), std::size_t((window.height() - y) * size / window.height()));
    });
    std::size_t frame = 0;
    window.on_draw([&](double) {
        if (++frame % 60 == 0) gliders.emplace_back(frame % size, (3 * frame) % size);
        // The window blends by default (glumpy's state); the simulation's passes must
        // replace cells, dead ones (alpha 0) included, so they draw unblended.
        glDisable(GL_BLEND);
        if (frame > 1 && !gliders.empty()) { // into the current generation (after the seed's step)
            auto on = target[current].activated();
            for (auto [x, y] : gliders) {
                stamp["u_origin"] = {double(x), double(y)};
                stamp.draw(gloo::Primitive::Points, 0, 9);
            }
            gliders.clear();
        }
        {
            auto on = target[1 - current].activated(); // render the next generation
            if (frame == 1) {
                step["u_state"] = seed;
            } else {
                step["u_state"] = state[current];
            }
            step.draw(gloo::Primitive::TriangleStrip);
        }
        glEnable(GL_BLEND);
        if (frame == 1) seed = gloo::Texture2D(); // used: its CPU and GPU copies go (the program lets go next frame)
        current = 1 - current;
        display["u_state"] = state[current];
        display.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
