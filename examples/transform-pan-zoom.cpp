// transform-pan-zoom: glumpy's examples/transform-pan-zoom.py. An image on a quad under a
// PanZoom with aspect 1 (the square image stays square in any window): drag pans, the
// wheel zooms about the pointer, space resets. The camera is two uniforms; the quad and
// the image are uploaded once.
//
// glumpy shows lena.png, which we do not have: the stand-in is a 512 x 512 RGB image made
// here (red rising with x, green with y, a 32-pixel checkerboard in blue), the same bytes
// as tests/tools/glumpy_scripted_input.py gives glumpy for the golden image.
//
//   transform-pan-zoom script   scripted input: before frames 0-9 a scroll of +10 at
//                               (600, 200), then a left-button press at (400, 400) and
//                               drags of (-6, +4) pixels before frames 11-19
#include <glumpp/app.hpp>
#include <glumpp/transforms.hpp>

#include <cstdio>

using namespace glumpp;

const char* vertex = R"(#version 330
in vec2 position;
in vec2 texcoord;
out vec2 v_texcoord;
void main() {
    gl_Position = <transform>;
    v_texcoord = texcoord;
})";

const char* fragment = R"(#version 330
uniform sampler2D texture_;
in vec2 v_texcoord;
out vec4 frag_color;
void main() { frag_color = texture(texture_, v_texcoord); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "transform-pan-zoom [script]: an image under glumpy's pan-zoom");
    bool script = false;
    for (const auto& a : options.args) {
        if (a != "script") {
            std::fprintf(stderr, "transform-pan-zoom: unknown argument '%s' (script, or nothing)\n", a.c_str());
            return 2;
        }
        script = true;
    }
    app::Window window(options, 800, 800, "transform-pan-zoom");
    auto image = gloo::Texture2D::zeros<std::uint8_t>({512, 512, 3});
    auto texel = image.as<glm::u8vec3>();
    for (int y = 0; y < 512; ++y)
        for (int x = 0; x < 512; ++x) texel(y, x) = {x / 2, y / 2, (x / 32 + y / 32) % 2 ? 255 : 64};

    transforms::Program program(vertex, fragment, 4);
    program["position"] = Array::from<float>({{-1, -1}, {-1, 1}, {1, -1}, {1, 1}});
    program["texcoord"] = Array::from<float>({{0, 1}, {0, 0}, {1, 1}, {1, 0}});
    program["texture_"] = image; // glumpy's `texture` is a GLSL 3.30 function name
    transforms::PanZoom transform({.aspect = 1.0f});
    program["transform"] = transform(transforms::Position()("position"));
    transform.attach(window);
    window.on_key_press([&](app::Key key, unsigned) {
        if (key == app::Key::Space) transform.reset();
    });
    if (script) { // registered first: the input comes before the frame is drawn
        window.on_draw([&window, frame = 0](double) mutable {
            if (frame < 10) window.dispatch_mouse_scroll(600, 200, 0, 10);
            else if (frame == 10) window.dispatch_mouse_press(400, 400, app::MouseButton::Left);
            else window.dispatch_mouse_motion(400 - 6 * (frame - 10), 400 + 4 * (frame - 10));
            ++frame;
        });
    }
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
