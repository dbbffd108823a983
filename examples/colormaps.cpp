// colormaps: glumpy's examples/colormaps.py, glumpy's 17 GLSL colormaps side by side (one
// per band, t from 0 at the left to 1 at the right, gamma 2.2 applied; the 17th band is
// gray with red under and blue over), computed per pixel by one fragment shader over a
// full-window quad: glumpy's point is that a colormap function is faster than a 1-D
// texture lookup. The functions are graphics::glsl's
// (colormaps/colormaps.glsl, glumpy's colormaps in our code). The shader is glumpy's in GLSL 3.30 core (an output
// variable for gl_FragColor). As in glumpy it is given Shadertoy's uniforms (iResolution,
// iGlobalTime, iDate, iMouse): only iResolution is used, so the others are dropped by the
// GLSL compiler and gloo ignores their values; the picture depends on the window size
// alone, and nothing is uploaded after the first frame.
//
// Its inline GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the
// picture. The library pieces it includes or takes are graphics::glsl's, glumpp's own
// code for what glumpy's library computes.
#include <glumpp/app.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include <chrono>
#include <ctime>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in vec2 position;
void main (void)
{
    gl_Position = vec4(position, 0.0, 1.0);
})";

const char* fragment = R"(
#include "colormaps/colormaps.glsl"

uniform vec3      iResolution; // Viewport resolution (in pixels)
uniform float     iGlobalTime; // Shader playback time (in seconds)
uniform vec4      iMouse;      // Mouse pixel coords. xy: current (if MLB down) + zw: click
uniform vec4      iDate;       // Date as (year, month, day, time in seconds)
out vec4 frag_color;

void main(void)
{
    const float n = 18.0;

    vec2 uv = gl_FragCoord.xy / iResolution.xy;
    float t = gl_FragCoord.x / iResolution.x;

    // Break up mach bands
    float i = n * gl_FragCoord.y / iResolution.y;

    if (mod(gl_FragCoord.y+n/4., iResolution.y / n) < max(iResolution.y / 200.0, 1.0))
    { frag_color.rgb = vec3(0.0); }
    else if (i > n- 1.0) { frag_color.rgb = colormap_gray(t);         }
    else if (i > n- 2.0) { frag_color.rgb = colormap_hot(t);          }
    else if (i > n- 3.0) { frag_color.rgb = colormap_cool(t);         }
    else if (i > n- 4.0) { frag_color.rgb = colormap_autumn(t);       }
    else if (i > n- 5.0) { frag_color.rgb = colormap_winter(t);       }
    else if (i > n- 6.0) { frag_color.rgb = colormap_spring(t);       }
    else if (i > n- 7.0) { frag_color.rgb = colormap_summer(t);       }
    else if (i > n- 8.0) { frag_color.rgb = colormap_ice(t);          }
    else if (i > n- 9.0) { frag_color.rgb = colormap_fire(t);         }
    else if (i > n-10.0) { frag_color.rgb = colormap_icefire(t);      }
    else if (i > n-11.0) { frag_color.rgb = colormap_reds(t);         }
    else if (i > n-12.0) { frag_color.rgb = colormap_greens(t);       }
    else if (i > n-13.0) { frag_color.rgb = colormap_blues(t);        }
    else if (i > n-14.0) { frag_color.rgb = colormap_wheel(t);        }
    else if (i > n-15.0) { frag_color.rgb = colormap_stripes(t);      }
    else if (i > n-16.0) { frag_color.rgb = colormap_discrete(t);     }
    else if (i > n-17.0) { frag_color.rgb = colormap_gray(-.05+1.1*t, vec3(1,0,0), vec3(0,0,1)); }
    else if (i > n-18.0) { frag_color.rgb = colormap_jet(t);          }

    frag_color.a = 1.0;
    // Translate to gamma 2.2 space
    frag_color.rgb = pow(frag_color.rgb, vec3(1.0/2.2));
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "colormaps: glumpy's GLSL colormaps, one band each");
    app::Window window(options, 1800, 800, "colormaps");

    gloo::Program program(vertex, "#version 330 core\n" + graphics::glsl::merge_includes(fragment), 4);
    program["position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    double time = 0;
    program["iGlobalTime"] = 0.0f;

    window.on_draw([&](double dt) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
        time += dt;
        program["iGlobalTime"] = static_cast<float>(time);
        const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::tm today{};
        localtime_r(&now, &today);
        const int seconds = today.tm_hour * 60 * 60 + today.tm_min * 60 + today.tm_sec;
        program["iDate"] = {double(today.tm_year + 1900), double(today.tm_mon + 1), double(today.tm_mday), double(seconds)};
    });
    window.on_resize([&](int width, int height) { program["iResolution"] = {double(width), double(height), 0.0}; });
    window.on_mouse_drag([&](double x, double y, double, double, unsigned buttons) {
        // glumpy's button numbers: none 0, left 1, middle 2, right 3
        const double button = (buttons & 1) ? 1 : (buttons & 4) ? 2 : (buttons & 2) ? 3 : 0;
        program["iMouse"] = {x, y, button, 0.0};
    });
    return app::run(window, options);
}
