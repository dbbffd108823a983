// heatmap: glumpy's examples/heatmap.py, a 64 x 64 array of random values in [0, 1] shown
// as grey squares (each 90% of its cell, antialiased) on white, by one fragment shader
// over one quad. The transform is glumpy's PanZoom(Position("position"), aspect=1): drag
// pans, the wheel zooms about the pointer, space resets; the squares' size follows the
// zoom through the transform's scale (`<transform.scale>`, glumpy's
// `<transform.panzoom_scale>`), so they stay 90% of their cells at any zoom. Panning and
// zooming change two uniforms: nothing is uploaded after the first frame.
//
// The fragment shader's functions are graphics::glsl's (markers/square.glsl,
// antialias/filled.glsl: glumpy's script includes the whole markers and antialias files
// for those two). GLSL 3.30 core (in/out, texture()).
// The values are random, as glumpy's (np.random.uniform), from a seeded RandomGenerator
// (xoshiro256**, seed 1); the golden images are glumpy's heatmap.py run with
// np.random.uniform returning that stream (tests/tools/glumpy_float_grid.py ... seeded),
// and tests/examples/heatmap_oracle.py also computes every pixel from it with NumPy. They
// are kept as float32 texels where glumpy's GL_RED texture stores 8 bits (at most 1/510
// apart; no pixel came out different).
//
//   heatmap            drag, scroll and space (on a display)
//   heatmap pan-zoom   a scripted gesture before every frame (see main), so that panning
//                      and zooming show offscreen and in tests (glumpy's screenshot under
//                      the same events is the golden image)
//
// Its inline GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the
// picture. The library pieces it includes or takes are graphics::glsl's, glumpp's own
// code for what glumpy's library computes.
#include <glumpp/app.hpp>
#include <glumpp/graphics/Glsl.hpp>
#include <glumpp/transforms.hpp>

#include "common/ScriptedGesture.hpp"

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform vec4 viewport;
in vec2 position;
in vec2 texcoord;
out vec2 v_texcoord;
out vec2 v_pixcoord;
out vec2 v_quadsize;
void main()
{
    gl_Position = <transform>;
    v_texcoord = texcoord;
    v_quadsize = viewport.zw * <transform.scale>;
    v_pixcoord = texcoord * v_quadsize;
})";

const char* fragment = R"(
#include "markers/square.glsl"
#include "antialias/filled.glsl"

uniform sampler2D data;
uniform vec2 data_shape;
in vec2 v_texcoord;
in vec2 v_quadsize;
in vec2 v_pixcoord;
out vec4 frag_color;

void main()
{
    float rows = data_shape.x;
    float cols = data_shape.y;
    float v = texture(data, v_texcoord).r;

    vec2 size = v_quadsize / vec2(cols,rows);
    vec2 center = (floor(v_pixcoord/size) + vec2(0.5,0.5)) * size;
    float d = marker_square(v_pixcoord - center, .9*size.x);
    frag_color = filled(d, 1.0, 1.0, vec4(v,v,v,1));
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "heatmap [pan-zoom]: 64 x 64 random values as grey squares; drag, scroll, space");
    const auto pan_zoom = examples::pan_zoom_argument(options, "heatmap");
    if (!pan_zoom) return 2; // as for a bad option
    app::Window window(options, 1024, 1024, "heatmap");
    window.set_clear_color({1, 1, 1, 1});

    transforms::Program program(vertex, "#version 330 core\n" + graphics::glsl::merge_includes(fragment), 4);
    const std::size_t n = 64;
    program["position"] = Array::from<float>({{-1, -1}, {-1, 1}, {1, -1}, {1, 1}});
    program["texcoord"] = Array::from<float>({{0, 1}, {0, 0}, {1, 1}, {1, 0}});
    RandomGenerator rng(1);
    auto data = gloo::Texture2D::zeros({n, n}, DType::of<float>()); // glumpy: float64 -> float32
    data.assign(rng.uniform(0, 1, {n, n, 1})); // one channel: the texture is (64, 64, 1)
    program["data"] = data;
    program["data_shape"] = {double(n), double(n)};

    transforms::PanZoom transform(transforms::PanZoom::Options{.aspect = 1.0f});
    program["transform"] = transform(transforms::Position()("position"));

    // glumpy's window.attach(transform): PanZoom follows the window's resize, drag and
    // scroll itself (transforms::PanZoom::attach); the viewport and the key are the script's.
    transform.attach(window);
    window.on_resize([&](int w, int h) { program["viewport"] = {0.0, 0.0, double(w), double(h)}; });
    window.on_key_press([&](app::Key key, unsigned) {
        if (key == app::Key::Space) transform.reset();
    });
    if (*pan_zoom) examples::script_pan_zoom(window); // examples/common/ScriptedGesture.hpp
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
