// collection-update: 320 plots of 1000 points scrolling, with per-plot color, amplitude,
// x scale and a selection under the mouse (glumpy's collection-update.py, on
// graphics::UserCollection).
//
// The same data, parameters, shaders and frame-by-frame behaviour as glumpy's: random
// signals (fixed seed here, so the picture matches glumpy's statistically, not pixel for
// pixel), scrolled by 10 samples after every frame; hovering a plot turns it white, the
// wheel over it stretches it in x. Two differences, neither visible: each plot is its own
// line strip (glumpy drew one strip through all plots and hid the joins with two
// transparent duplicate points per plot, which is why it needed blending; this port
// needs no blending state), so the plots have p points, not p + 2.
//
// Each frame rewrites the y of every point, 4 of every 16 bytes: one upload of the span,
// 5,119,988 B (--stats); glumpy re-sent its whole 6,412,800 B buffer.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace glumpp;

const char* vertex = R"(
uniform float rows, cols;
out float v_x;
out vec4 v_color;
void main() {
    // Fetches this plot's shared fields (color, amplitude, selected, xscale).
    fetch_uniforms();
    if (selected > 0.0)
        v_color = vec4(1.0, 1.0, 1.0, 1.0);
    else
        v_color = color;

    // The plot's cell in the grid, from its item number.
    float index = float(collection_index);
    float col = mod(index, cols) + 0.5;
    float row = floor(index / cols) + 0.5;
    float x = -1.0 + col * (2.0 / cols);
    float y = -1.0 + row * (2.0 / rows);
    float width = 0.95 / (1.0 * cols);
    float height = 0.95 / (1.0 * rows) * amplitude;

    v_x = xscale * position.x;
    gl_Position = vec4(x + width * xscale * position.x, y + height * position.y, 0.0, 1.0);
})";

const char* fragment = R"(
in float v_x;
in vec4 v_color;
out vec4 frag_color;
void main() {
    if (v_x < -0.95) discard;
    if (v_x > +0.95) discard;
    frag_color = v_color;
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "collection-update: 320 plots scrolled every frame, one draw call");
    app::Window window(options, 1400, 1000, "collection-update");
    const std::size_t rows = 16, cols = 20, n = rows * cols, p = 1000;

    graphics::UserCollection lines({.mode = graphics::UserCollection::Mode::LineStrips,
                                    .vertex = DType::parse("[('position', '<f4', (3,))]"),
                                    .shared = {{"color", {0, 0, 0, 1}}, {"amplitude", {1}}, {"selected", {0}}, {"xscale", {1}}},
                                    .vertex_shader = vertex,
                                    .fragment_shader = fragment});
    std::mt19937 rng(1);
    auto uniform = [&](float lo, float hi, std::size_t count) {
        std::uniform_real_distribution<float> u(lo, hi);
        std::vector<float> v(count);
        for (float& x : v) x = u(rng);
        return v;
    };
    lines.append(Array::from(uniform(-1, 1, n * p * 3), {n * p, 3}), p);

    lines.uniform("rows") = float(rows);
    lines.uniform("cols") = float(cols);
    lines["amplitude"].assign(Array::from(uniform(0.25f, 0.75f, n)));
    lines["color"].assign(Array::from(uniform(0.5f, 1.0f, n * 4), {n, 4}));
    lines["color"].view({all, 3}).fill(1.0f);
    lines["selected"].fill(0.0f);
    lines["xscale"].assign(Array::from(uniform(1, 25, n)));

    // x of every plot: linspace(-1, 1, p).
    Array positions = lines["position"].reshape({n, p, 3});
    std::vector<float> x(p);
    for (std::size_t k = 0; k < p; ++k) x[k] = -1.0f + 2.0f * float(k) / float(p - 1);
    positions.view({all, all, 0}).assign(Array::from(x));

    window.on_draw([&](double) {
        window.clear();
        lines.draw();
        // Scroll every plot by 10 samples; 10 new ones at the right.
        positions.view({all, slice(0, -10), 1}).assign(positions.view({all, slice(10), 1}));
        positions.view({all, slice(-10), 1}).assign(Array::from(uniform(-1, 1, n * 10), {n, 10}));
    });

    // The plot under the mouse (rows count from the bottom, as in the shader).
    auto index_at = [&](double mx, double my) {
        const double y = window.height() - my;
        const auto col = std::size_t(mx / window.width() * cols) % cols;
        const auto row = std::size_t(y / window.height() * rows) % rows;
        return row * cols + col;
    };
    window.on_mouse_motion([&](double mx, double my, double, double) {
        lines["selected"].fill(0.0f);
        lines["selected"].view({index_at(mx, my)}).fill(1.0f);
    });
    window.on_mouse_scroll([&](double mx, double my, double, double dy) {
        Array xscale = lines["xscale"].view({index_at(mx, my)});
        const double dx = -(dy > 0 ? 1.0 : dy < 0 ? -1.0 : 0.0) * 0.05;
        xscale.fill(std::clamp(xscale.value<float>() * float(std::exp(2.5 * dx)), 1.0f, 100.0f));
    });
    return app::run(window, options);
}
