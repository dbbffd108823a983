// gloo-hexagonal-grid: glumpy's examples/gloo-hexagonal-grid.py, a hexagonal grid drawn by
// one fragment shader over a full-window quad: each pixel finds its hexagon (radius 16
// pixels times the zoom) and antialiases its distance to the edges. Drag pans, scroll
// zooms about the pointer (0.25 to 200); both only change uniforms, so nothing is uploaded
// after the first frame. The shaders are glumpy's in GLSL 3.30 core (in/out); the unused
// hexagon colour glumpy computes (and comments out) is left out.
//
//   gloo-hexagonal-grid            drag and scroll (on a display)
//   gloo-hexagonal-grid pan-zoom   a scripted gesture before every frame (see main):
//       panning and zooming offscreen and in tests; glumpy's pictures under the same
//       events are the golden images (tests/tools/glumpy_float_grid.py)
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>

#include <algorithm>

#include "common/ScriptedGesture.hpp"

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 a_texcoord;
in vec2 a_position;
out vec2 v_texcoord;
void main() {
    gl_Position = vec4(a_position, 0.0, 1.0);
    v_texcoord = a_texcoord;
})";

const char* fragment = R"(#version 330 core
uniform vec2  u_size;
uniform vec2  u_translate;
uniform float u_scale;
uniform vec4  u_grid_color;
uniform float u_grid_thickness;
uniform float u_grid_antialias;
in vec2 v_texcoord;
out vec4 frag_color;

float distance_to_line(vec2 P1, vec2 P2, vec2 P3) {
    float u = (P3.x-P1.x)*(P2.x-P1.x) + (P3.y-P1.y)*(P2.y - P1.y);
    u /= (P2.x-P1.x)*(P2.x-P1.x) + (P2.y-P1.y)*(P2.y-P1.y);
    vec2 P = P1 + u*(P2-P1);
    return sqrt((P.x-P3.x)*(P.x-P3.x) + (P.y-P3.y)*(P.y-P3.y));
}

void main() {
    float R = 16.0*u_scale;
    float S = 1.5*R;
    float W = 2.0*R;
    float H = sqrt(3.0)*R;

    float x = v_texcoord.x * u_size.x - u_translate.x;
    float y = v_texcoord.y * u_size.y - u_translate.y;

    float i = floor(x/S);
    float j = floor((y - mod(i,2.0)*H/2.0)/H);
    float cy0 = j*H + H/2. *(1.0 + mod(i,2.0));
    float cx0 = i*S + W/2.;

    float t = u_grid_thickness/2.0-u_grid_antialias;

    float X = abs(x-cx0);
    float Y = abs(y-cy0);
    float d0 = abs(Y-H/2.);
    float d1 = distance_to_line(vec2(W/4.,H/2.), vec2(W/2., 0.0), vec2(X,Y));
    if (X > (W-S)) d0 = 2.*d1;

    float d = min(d0,d1)-t;
    if (d < 0.0) {
        frag_color = u_grid_color;
    } else {
        float alpha = d/u_grid_antialias;
        alpha = exp(-alpha*alpha);
        frag_color = vec4(u_grid_color.rgb, alpha);
    }
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-hexagonal-grid [pan-zoom]: a hexagonal grid in a fragment shader; drag, scroll");
    const auto pan_zoom = examples::pan_zoom_argument(options, "gloo-hexagonal-grid");
    if (!pan_zoom) return 2; // as for a bad option
    app::Window window(options, 512, 512, "gloo-hexagonal-grid");
    window.set_clear_color({1, 1, 1, 1});

    gloo::Program program(vertex, fragment, 4);
    program["a_position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    program["a_texcoord"] = {{0, 0}, {0, +1}, {+1, 0}, {+1, +1}};
    program["u_grid_color"] = {0, 0, 0, 1};
    program["u_grid_thickness"] = 1.0f;
    program["u_grid_antialias"] = 1.0f;
    program["u_translate"] = {0, 0};
    program["u_scale"] = 1.0f;
    program["u_size"] = {512, 512};
    double translate[2] = {0, 0}, scale = 1;

    if (*pan_zoom) examples::script_pan_zoom(window); // examples/common/ScriptedGesture.hpp
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
    });
    window.on_resize([&](int width, int height) { program["u_size"] = {double(width), double(height)}; });
    window.on_mouse_drag([&](double, double, double dx, double dy, unsigned) {
        translate[0] += dx;
        translate[1] -= dy;
        program["u_translate"] = {translate[0], translate[1]};
    });
    window.on_mouse_scroll([&](double x, double y, double, double dy) {
        y = window.height() - y;
        const double s = std::min(std::max(0.25, scale + .01 * dy * scale), 200.0);
        translate[0] = x - s * (x - translate[0]) / scale;
        translate[1] = y - s * (y - translate[1]) / scale;
        scale = s;
        program["u_translate"] = {translate[0], translate[1]};
        program["u_scale"] = static_cast<float>(scale);
    });
    return app::run(window, options);
}
