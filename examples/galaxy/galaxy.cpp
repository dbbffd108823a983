// galaxy: a spiral galaxy from the density wave theory (glumpy's galaxy demo).
//
//   galaxy [SPRITE.png] [--size 800x800] [--frames N] [--screenshot out.png] [--record out.mp4] [--stats]
// SPRITE.png defaults to ../shared/data/particle.png; a sprite is made here when the file
// is absent, or when SPRITE.png is the word "builtin" (what the golden-image test uses, so
// that it does not depend on the data directory).
//
// 61,650 bodies on tilted ellipses; each frame moves them all by 0.5 degrees. The
// program owns one block per attribute (struct of arrays), so a frame uploads only
// what changed: the positions (8 bytes a body) and the sizes of the 400 H-II regions,
// about 495 KB in two calls, where glumpy re-sent its interleaved buffer, 1.48 MB.
//
// The picture is glumpy's, statistically (both galaxies are random): the same colormap
// (Colormap.hpp), bodies of 2 px or less drawn as single pixels, and oracle_galaxy checks
// how the light and its colour are spread over the radius against 8 runs of glumpy's.
#include "Colormap.hpp"
#include "Galaxy.hpp"

#include <glumpp/app.hpp>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform mat4 u_projection;
uniform mat4 u_view;
uniform float u_scale;          // sizes are for an 800x800 window
uniform sampler1D u_colormap;   // black-body colours, 1000 K to 10,000 K
in vec2 a_position;
in float a_size;
in float a_type;
in float a_temperature;         // normalised to [0, 1]
in float a_brightness;
out vec3 v_color;
void main() {
    float size = a_size * u_scale;
    gl_Position = u_projection * u_view * vec4(a_position, 0.0, 1.0);
    // Bodies of 2 px or less are single pixels, as in glumpy: it writes gl_PointSize 0
    // for them, which GL clamps to its smallest size, 1 on Mesa; we write the 1 directly.
    // A 1-px point samples the sprite's centre (gl_PointCoord 0.5, 0.5). At 256x256 the
    // stars (3 px at 800x800) are 0.96 px: they are drawn, as pixels.
    gl_PointSize = size > 2.0 ? size : 1.0;
    v_color = texture(u_colormap, a_temperature).rgb * a_brightness;
    if (a_type == 2.0) v_color *= vec3(2.0, 1.0, 1.0); // H-II regions glow red
    else if (a_type == 3.0) v_color = vec3(0.9);
})";

const char* fragment = R"(#version 330 core
uniform sampler2D u_particle;
in vec3 v_color;
out vec4 frag_color;
void main() {
    frag_color = vec4(texture(u_particle, gl_PointCoord).r * v_color, 1.0);
})";

// particle.png when it is there; otherwise a soft glow of the same size made here.
Array particle_sprite(const std::filesystem::path& path) {
    if (path != "builtin" && std::filesystem::exists(path)) return app::load_png(path);
    auto sprite = Array::zeros<std::uint8_t>({64, 64, 1});
    auto s = sprite.as<std::uint8_t>();
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) {
            const double r = std::hypot(x - 31.5, y - 31.5) / 32.0;
            s(y, x, 0) = static_cast<std::uint8_t>(255.0 * std::exp(-r * r * 12.0) * std::max(0.0, 1.0 - r));
        }
    }
    return sprite;
}

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "galaxy: a spiral galaxy from the density wave theory");
    const std::filesystem::path sprite_path = options.args.empty() ? GLUMPP_DATA_DIR "/particle.png" : options.args[0];
    app::Window window(options, 800, 800, "galaxy");
    // Black, as glumpy shows it: its script sets glClearColor(0, 0, 0.03), but its
    // window.clear() clears with the window's own colour, black by default, every frame.
    window.set_clear_color({0.0f, 0.0f, 0.0f, 1.0f});

    Galaxy galaxy;
    gloo::Program program(vertex, fragment, galaxy.size());
    program["a_type"] = Array::from(galaxy.type());
    program["a_brightness"] = Array::from(galaxy.brightness());
    program["a_size"] = Array::from(galaxy.initial_size());
    Array temperature = Array::from(galaxy.temperature());
    temperature -= 1000.0f;
    temperature /= 9000.0f;
    program["a_temperature"] = temperature;
    // glumpy's table (1000 K + k * 9000 K / 256) read as glumpy reads it: Nearest, its
    // default for textures, so a body gets the entry of the 35 K step it lies in.
    auto colormap = gloo::Texture1D::over(black_body_colormap());
    colormap.set_interpolation(gloo::Interpolation::Nearest);
    program["u_colormap"] = colormap;
    auto particle = gloo::Texture2D::over(particle_sprite(sprite_path));
    particle.set_interpolation(gloo::Interpolation::Linear);
    program["u_particle"] = particle;
    program["u_view"] = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, -5));

    Array position = program.attribute("a_position"), size = program.attribute("a_size");
    window.on_resize([&](int width, int height) {
        program["u_projection"] = glm::perspective(glm::radians(45.0f), float(width) / float(height), 1.0f, 1000.0f);
        program["u_scale"] = std::max(float(width), float(height)) / 800.0f;
    });
    window.on_draw([&](double) {
        auto p = position.as<glm::vec2>();
        auto s = size.as<float>();
        galaxy.update(p, s);
        window.clear();
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE); // additive: the arms are where bodies pile up
        glEnable(GL_PROGRAM_POINT_SIZE);
        program.draw(gloo::Primitive::Points);
    });
    return app::run(window, options);
}
