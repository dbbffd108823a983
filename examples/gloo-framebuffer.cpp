// gloo-framebuffer: draw into a float texture, read it back, and show it (a faithful port
// of glumpy's examples/gloo-framebuffer.py).
//
// Every frame: clear the window; with the framebuffer active, draw a full quad of
// (10, 10, 10, 1) into a float32 texture of the window's size (values a normalized target
// would clamp to 1); read the texture back as an Array (glumpy's `framebuffer.color[0].get()`);
// then draw it at 0.85 of the window, divided by (20, 20, 20, 1): a mid-grey square
// (128, 128, 128) on black, as glumpy shows.
//
// Where glumpy makes the texture from a NumPy array of zeros (and uploads its 4 MB at the
// first frame), the port makes it GPU-only: it is only ever drawn into on the GPU, so
// nothing is uploaded but the two quads' 32-byte vertex stores. The shaders are glumpy's,
// in GLSL 3.30 (`in`/`out`, texture(); the sampler is called u_texture because `texture`
// names that function there).
#include <glumpp/app.hpp>

using namespace glumpp;

const char* vertex_1 = R"(#version 330 core
in vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); })";

const char* fragment_1 = R"(#version 330 core
out vec4 frag_color;
void main() { frag_color = vec4(10, 10, 10, 1); })";

const char* vertex_2 = R"(#version 330 core
in vec2 position;
out vec2 v_texcoord;
void main() {
    gl_Position = vec4(0.85 * position, 0.0, 1.0);
    v_texcoord = (position + 1.0) / 2.0;
})";

const char* fragment_2 = R"(#version 330 core
uniform sampler2D u_texture;
in vec2 v_texcoord;
out vec4 frag_color;
void main() {
    vec4 color = texture(u_texture, v_texcoord);
    frag_color = color / vec4(20, 20, 20, 1);
})";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "gloo-framebuffer: render to a float texture, read it back, show it");
    app::Window window(options, 512, 512, "gloo-framebuffer");
    auto texture = gloo::Texture2D::gpu_only<float>({std::size_t(window.height()), std::size_t(window.width()), 4});
    gloo::FrameBuffer framebuffer({texture});
    const Array strip = Array::from<float>({-1, -1, -1, +1, +1, -1, +1, +1}, {4, 2});
    gloo::Program quad_1(vertex_1, fragment_1, 4), quad_2(vertex_2, fragment_2, 4);
    quad_1["position"] = strip;
    quad_2["position"] = strip;
    quad_2["u_texture"] = texture;
    Array out_texture; // the texture can be read as an Array (glumpy: an np.ndarray)
    window.on_draw([&](double) {
        window.clear();
        framebuffer.activate();
        quad_1.draw(gloo::Primitive::TriangleStrip);
        out_texture = texture.read_back();
        framebuffer.deactivate();
        quad_2.draw(gloo::Primitive::TriangleStrip);
    });
    return app::run(window, options);
}
