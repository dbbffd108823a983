// realtime-signals: many signals scrolling in real time (glumpy's realtime-signals).
//
// Each frame writes one new sample per signal: a column of the (signals, samples) array,
// 4 bytes in every row. Only those bytes are uploaded; the shader scrolls the ring so
// that the newest sample is always at the right. glumpy rolled the whole array instead.
#include <glumpp/app.hpp>

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform int u_samples;
uniform int u_newest;   // column of the newest sample
uniform ivec2 u_grid;   // columns, rows of the plot grid
in float a_y;
out float v_signal;
void main() {
    int signal = gl_VertexID / u_samples;
    int k = gl_VertexID % u_samples;
    // Oldest sample at the left edge, newest at the right.
    float x = float((k - u_newest - 1 + 2 * u_samples) % u_samples) / float(u_samples - 1);
    vec2 cell = vec2(signal % u_grid.x, signal / u_grid.x);
    vec2 size = 2.0 / vec2(u_grid);
    vec2 p = -1.0 + size * (cell + vec2(0.05 + 0.9 * x, 0.5 + 0.4 * a_y));
    gl_Position = vec4(p, 0.0, 1.0);
    // Segments joining two signals, or joining the newest sample to the oldest, get a
    // fractional value here and are discarded by the fragment shader.
    v_signal = float(signal) + (k == u_newest ? 0.5 : 0.0);
})";

const char* fragment = R"(#version 330 core
in float v_signal;
out vec4 frag_color;
void main() {
    if (fract(v_signal) > 0.0) discard;
    frag_color = vec4(0.2 + 0.8 * fract(v_signal * 0.618), 0.8, 0.4, 1.0);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "realtime-signals: one column of many signals written per frame");
    app::Window window(options, 800, 600, "realtime-signals");
    const int columns = 4, rows = 8, samples = 1000, signals = columns * rows;
    auto y = gloo::VertexBuffer::zeros<float>({std::size_t(signals), std::size_t(samples)});
    gloo::Program program(vertex, fragment);
    program["a_y"] = y.reshape({std::size_t(signals * samples)});
    program["u_samples"] = samples;
    program["u_grid"] = glm::ivec2(columns, rows);

    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.08f);
    std::vector<float> phase(signals), value(signals, 0.0f);
    for (int s = 0; s < signals; ++s) phase[s] = 0.37f * float(s);
    int newest = samples - 1;
    auto write_column = [&](int t) {
        newest = (newest + 1) % samples;
        auto column = y.view({all, newest}).as<float>();
        for (int s = 0; s < signals; ++s) {
            value[s] = 0.9f * value[s] + 0.1f * std::sin(0.02f * float(t) * (1.0f + 0.1f * float(s)) + phase[s]) + noise(rng);
            column[s] = std::clamp(value[s] * 1.2f, -1.0f, 1.0f);
        }
    };
    for (int t = 0; t < samples; ++t) write_column(t); // a screenful of history
    int t = samples;
    window.on_draw([&](double) {
        write_column(t++);
        program["u_newest"] = newest;
        window.clear();
        program.draw(gloo::Primitive::LineStrip);
    });
    return app::run(window, options);
}
