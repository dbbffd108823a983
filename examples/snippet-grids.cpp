// snippet-grids: glumpy's examples/snippet-grids.py, 320 scrolling random signals of 1000
// samples in a 16 x 20 grid of cells, drawn as one line strip of 320,000 vertices through
// a chain of snippets: Position(Grid(XScale("vec2(posx,posy)"), "index")) in the vertex
// stage and Clip() in the fragment stage. Grid places each sample in its signal's cell
// (95% of it), XScale stretches x (the wheel: x 1.13 a notch, never under 1), and Clip
// discards what falls between two signals (an interpolated index is not whole) and
// outside the cell's x extent. Each frame, after the draw, every signal moves 10 samples
// left and gets 10 new random ones: the whole posy block (1,280,000 B) is written and
// sent in one call, as glumpy's does.
//
// glumpy 1.2.1 cannot run its own script: it mangles each snippet's varyings per instance,
// so Grid writes v_x_2 and Clip reads v_x_3 ("fragment shader varying v_x_3 not written by
// vertex shader"), and its program does not link. glumpp mangles them alike (Snippet.hpp),
// and Clip takes Grid's names by alias (Snippet::alias), the one line added. One more
// change: GLSL 3.30 (in/out). The data are random, as
// glumpy's (np.random.uniform), drawn from a seeded RandomGenerator, so the picture is
// checked for what must hold (tests/examples/snippet_grids_oracle.py), not pixel by pixel.
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

#include <algorithm>
#include <cmath>

using namespace glumpp;
using transforms::Snippet;

const char* vertex = R"(#version 330 core
in float index, posx, posy;
in vec3 color;
out vec3 v_color;
void main (void)
{
    v_color = color;
    gl_Position = <grid>;
})";

const char* fragment = R"(#version 330 core
in vec3 v_color;
out vec4 frag_color;
void main(void)
{
    <clip>;
    frag_color = vec4(v_color,1);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "snippet-grids: 320 scrolling signals through a chain of snippets; scroll stretches x");
    app::Window window(options, 800, 600, "snippet-grids");

    Snippet Position(R"(
vec4 position2D(vec2 position)
{
    return vec4(position, 0.0, 1.0);
}
)", "Position");
    Snippet XScale(R"(
uniform float xscale;
vec2 scale(vec2 position)
{
    return vec2(xscale,1.0) * position;
}
)", "XScale");
    Snippet Grid(R"(
uniform float rows, cols;
out float v_x, v_y, v_index;
vec2 cell(vec2 position, float index)
{
    v_index = index;
    float col = mod(index,cols) + 0.5;
    float row = floor(index/cols) + 0.5;
    float x = -1.0 + col * (2.0/cols);
    float y = -1.0 + row * (2.0/rows);
    float w = 0.95 / (1.0*cols);
    float h = 0.95 / (1.0*rows);
    v_x = position.x;
    v_y = position.y;
    return vec2(x + w*v_x, y + h*v_y);
}
)", "Grid");
    Snippet Clip(R"(
in float v_x, v_y, v_index;
void clip()
{
    if (fract(v_index) > 0.0) discard;
    if( v_x < -0.95)          discard;
    if( v_x > +0.95)          discard;
}
)", "Clip");

    for (const char* v : {"v_x", "v_y", "v_index"}) Clip.alias(v, Grid.mangled(v)); // Clip reads what Grid writes
    const std::size_t rows = 16, cols = 20, n = 1000, signals = rows * cols;
    RandomGenerator rng(1);
    transforms::Program program(vertex, fragment, signals * n);
    program["index"] = repeat(arange(0.0, double(signals), 1.0, DType::of<float>()), n);
    program["color"] = repeat(rng.uniform(0.5, 0.9, {signals, 3}, DType::of<float>()), n, 0);
    program["posx"] = tile(linspace(-1, 1, n, true, DType::of<float>()), signals);
    Array posy = rng.uniform(-1, 1, {signals * n}, DType::of<float>());
    posy *= 0.5;
    program["posy"] = posy;
    program["grid"] = Position(Grid(XScale("vec2(posx,posy)"), "index"));
    program["clip"] = Clip();
    Grid["rows"] = float(rows);
    Grid["cols"] = float(cols);
    float xscale = 1.0f;
    XScale["xscale"] = xscale;

    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::LineStrip);
        // glumpy: Y[:, :-10] = Y[:, 10:]; Y[:, -10:] = 0.5 * uniform(-1, 1, (rows*cols, 10))
        Array Y = program.attribute("posy").reshape({signals, n});
        Y.view({all, slice({}, -10)}).assign(Y.view({all, slice(10)}).copy());
        Array fresh = rng.uniform(-1, 1, {signals, 10}, DType::of<float>());
        fresh *= 0.5;
        Y.view({all, slice(-10)}).assign(fresh);
    });
    window.on_mouse_scroll([&](double, double, double, double dy) {
        const double dx = (dy > 0) - (dy < 0); // np.sign(dy)
        xscale = std::max(1.0f, static_cast<float>(xscale * std::exp(2.5 * dx * .05)));
        XScale["xscale"] = xscale;
    });
    return app::run(window, options);
}
