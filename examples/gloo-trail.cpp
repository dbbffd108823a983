// gloo-trail: a trail of rings behind the mouse pointer (glumpy's gloo-trail.py).
//
// 150 records (position, colour, size) in one vertex buffer; every mouse motion writes
// the next record (a white ring of size 25 at the pointer) and a timer, 60 times a
// second, fades every ring (alpha -= 0.01) and grows it (size += 1), as glumpy's does.
// The window is glumpy's: 800x800, cleared to grey (0.2, 0.2, 0.2).
//
//   gloo-trail            follow the mouse (on a display)
//   gloo-trail circle     a scripted pointer: at frame k it moves to
//                         (400 + 250 cos 0.05k, 400 + 250 sin 0.05k) pixels, so that the
//                         trail shows offscreen and in tests (glumpy's reference image was
//                         made with the same motion events; see tests/tools/glumpy_gloo_trail.py)
//
// Where this differs from glumpy's sources: the shaders are GLSL 3.30 core (in/out, an
// output variable), and a_position is read as the vec2 it is, where glumpy hands a
// 2-component buffer to a vec3 input (GL fills z = 0; gloo::Program asks for matching
// component counts). The unused varying v_bg_color is left out.
#include <glumpp/app.hpp>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/glm.hpp>

#include <cmath>
#include <cstdio>

using namespace glumpp;

struct Ring {
    glm::vec2 a_position;
    glm::vec4 a_fg_color;
    float a_size;
};
GLUMPP_DTYPE(Ring, a_position, a_fg_color, a_size);

const char* vertex = R"(#version 330 core
uniform mat4  u_projection;
uniform float u_linewidth;
uniform float u_antialias;
in vec2  a_position;
in vec4  a_fg_color;
in float a_size;
out vec4  v_fg_color;
out float v_size;
void main (void)
{
    v_size = a_size;
    v_fg_color = a_fg_color;
    if( a_fg_color.a > 0.0)
    {
        gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
        gl_PointSize = v_size + u_linewidth + 2*1.5*u_antialias;
    }
    else
    {
        gl_Position = u_projection * vec4(-1,-1,0,1);
        gl_PointSize = 0.0;
    }
})";

const char* fragment = R"(#version 330 core
uniform float u_linewidth;
uniform float u_antialias;
in vec4 v_fg_color;
in float v_size;
out vec4 frag_color;
float disc(vec2 P, float size)
{
    return length((P.xy - vec2(0.5,0.5))*size);
}
void main()
{
    if( v_fg_color.a <= 0.0)
        discard;
    float actual_size = v_size + u_linewidth + 2*1.5*u_antialias;
    float t = u_linewidth/2.0 - u_antialias;
    float r = disc(gl_PointCoord, actual_size);
    float d = abs(r - v_size/2.0) - t;
    if( d < 0.0 )
    {
         frag_color = v_fg_color;
    }
    else if( abs(d) > 2.5*u_antialias )
    {
         discard;
    }
    else
    {
        d /= u_antialias;
        frag_color = vec4(v_fg_color.rgb, exp(-d*d)*v_fg_color.a);
    }
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-trail [circle]: rings that follow the mouse, fading");
    bool circle = false;
    for (const auto& a : options.args) {
        if (a != "circle") { // as for a bad option: say so, exit 2
            std::fprintf(stderr, "gloo-trail: unknown argument '%s' (circle, or nothing)\n", a.c_str());
            return 2;
        }
        circle = true;
    }
    app::Window window(options, 800, 800, "gloo-trail");
    window.set_clear_color({0.2f, 0.2f, 0.2f, 1.0f});

    auto data = gloo::VertexBuffer::zeros<Ring>({150});
    gloo::Program program(vertex, fragment);
    program["a_position"] = data["a_position"];
    program["a_fg_color"] = data["a_fg_color"];
    program["a_size"] = data["a_size"];
    program["u_antialias"] = 1.0f;
    program["u_linewidth"] = 1.0f;
    std::size_t index = 0;

    std::size_t frame = 0;
    if (circle) { // registered first: the pointer moves before the frame is drawn, as a polled event would
        window.on_draw([&](double) {
            const double angle = 0.05 * double(frame++);
            window.dispatch_mouse_motion(400 + 250 * std::cos(angle), 400 + 250 * std::sin(angle));
        });
    }
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::Points);
    });
    window.on_resize([&](int width, int height) {
        program["u_projection"] = glm::ortho(0.0f, float(width), 0.0f, float(height), -1.0f, 1.0f);
    });
    app::clock().schedule_interval(
        [&](double) {
            data["a_fg_color"].view({ellipsis, 3}) -= 0.01f;
            data["a_size"] += 1.0f;
        },
        1 / 60.);
    window.on_mouse_motion([&](double x, double y, double, double) {
        const float h = float(window.height());
        auto ring = data.as<Ring>();
        ring[index] = {{float(x), h - float(y)}, {1, 1, 1, 1}, 25.0f};
        index = (index + 1) % data.shape()[0];
    });
    return app::run(window, options);
}
