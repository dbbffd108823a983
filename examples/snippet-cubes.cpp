// snippet-cubes: glumpy's examples/snippet-cubes.py, nine checkered cubes in a 3 x 3 grid
// from one draw call: a vertex snippet (Grid) moves each cube into its cell by its
// `index` attribute, a fragment snippet (Clip) discards what strays out of the cell.
//
// glumpy's data: geometry::cube() (glumpy's primitives.cube(), the same bytes) copied
// nine times into glumpy's collection dtype (position, normal, texcoord, color, index;
// color stays zero) with index 0..8 and the indices offset by 24 per cube, which is what
// glumpy's BaseCollection holds after its nine appends; the texture is glumpy's
// data.get("checkerboard"), checkerboard(8, 16) (128 x 128, one channel), generated here
// as glumpy generates it. 1024x1024 window, (0.30, 0.30, 0.35), depth test, no blending,
// perspective(30, aspect, 1, 100), view translated by -3 on Z. Frame N shows theta =
// 20 + 0.5 (N - 1), phi = 30 + 0.5 (N - 1), N >= 2 (the model is set after each draw).
// The scroll wheel changes the field of view within [10, 179] degrees, as glumpy's.
// glumpy.glm's matrices in GLM: see common/TutorialCube.hpp.
//
// GLSL 3.30 core: the sampler is `u_texture` (a uniform named `texture` would hide GLSL's
// texture()).
//
// Its GLSL follows glumpy's script (BSD licence, N. Rougier): it defines the picture.
#include <glumpp/app.hpp>
#include <glumpp/geometry.hpp>
#include <glumpp/transforms.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

#include "common/Checkerboard.hpp"
#include "common/TutorialCube.hpp"

using namespace glumpp;

const char* vertex = R"(#version 330 core
uniform mat4 model;
uniform mat4 view;
uniform mat4 projection;

in float index;
in vec3 position;
in vec2 texcoord;

out float v_index;
out vec2 v_texcoord;
void main()
{
    v_texcoord = texcoord;
    v_index = index;

    vec4 pos = projection * view * model * vec4(position,1.0);
    gl_Position = <grid>;
})";

const char* fragment = R"(#version 330 core
uniform sampler2D u_texture;
in vec2 v_texcoord;
in float v_index;
out vec4 frag_color;
void main()
{
    <clip>;
    float r = texture(u_texture, v_texcoord).r;
    frag_color = vec4(vec3(r),1.0);
})";

const char* grid_code = R"(
uniform float rows, cols;
vec4 cell(vec4 position, float index)
{
    float col = mod(index,cols) + 0.5;
    float row = floor(index/cols) + 0.5;
    float x = -1.0 + col * (2.0/cols);
    float y = -1.0 + row * (2.0/rows);
    float width = 0.95 / (1.0*cols);
    float height = 0.95 / (1.0*rows);
    vec4 P = position / position.w;
    P = vec4(x + width*P.x, y + height*P.y, P.z, P.w);
    return P*position.w;
}
)";

const char* clip_code = R"(
uniform vec2 iResolution;
uniform float rows, cols;
void clip(float index)
{
    vec2 P = gl_FragCoord.xy;

    // mod doesn't play well with 0
    float i = index+.00001;
    float col = mod(i,cols);
    float row = floor(i/cols);
    float width  = iResolution.x / cols;
    float height = iResolution.y / rows;
    float x = col * width;
    float y = row * height;
    float gap = 1.5;

    if( P.x < (x+gap))        discard;
    if( P.x > (x+width-gap))  discard;
    if( P.y < (y+gap))        discard;
    if( P.y > (y+height-gap)) discard;
}
)";

/// glumpy's collection dtype for the cubes.
struct CubeVertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec2 texcoord;
    glm::vec4 color;
    float index;
};
GLUMPP_DTYPE(CubeVertex, position, normal, texcoord, color, index);

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "snippet-cubes: glumpy's nine cubes placed by snippets");
    app::Window window(options, 1024, 1024, "snippet-cubes");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});
    const int rows = 3, cols = 3;

    // The collection: nine copies of the cube, each its index, its indices offset.
    const auto cube = geometry::cube();
    const auto v = cube.vertices.as<const geometry::Vertex>();
    const auto i = cube.indices.to_vector<std::uint32_t>();
    std::vector<CubeVertex> vertices;
    std::vector<std::uint32_t> indices;
    for (int k = 0; k < rows * cols; ++k) {
        const auto offset = static_cast<std::uint32_t>(vertices.size());
        for (std::size_t n = 0; n < v.size(); ++n) vertices.push_back({v[n].position, v[n].normal, v[n].texcoord, glm::vec4(0), float(k)});
        for (std::uint32_t x : i) indices.push_back(x + offset);
    }
    auto V = gloo::VertexBuffer::from(vertices);
    const auto I = gloo::IndexBuffer::from(indices);

    // glumpy's data.get("checkerboard"): checkerboard(8, 16).
    auto checkers = examples::checkerboard(8, 16);

    transforms::Snippet Grid(grid_code, "grid"), Clip(clip_code, "clip");
    transforms::Program program(vertex, fragment);
    program["position"] = V["position"];
    program["texcoord"] = V["texcoord"];
    program["index"] = V["index"];
    program["u_texture"] = checkers;
    program["model"] = glm::mat4(1.0f);
    program["view"] = glm::mat4(glm::translate(glm::dmat4(1.0), {0.0, 0.0, -3.0}));
    program["grid"] = Grid("pos", "index");
    Grid["rows"] = float(rows);
    Grid["cols"] = float(cols);
    program["clip"] = Clip("v_index");
    Clip["rows"] = float(rows);
    Clip["cols"] = float(cols);
    double fovy = 30;
    examples::tutorial::Spin spin{30, 20};

    auto projection = [&](int width, int height) {
        program["projection"] = glm::mat4(glm::perspective(glm::radians(fovy), double(width) / double(height), 1.0, 100.0));
    };
    window.on_init([] {
        glEnable(GL_DEPTH_TEST);
        glDisable(GL_BLEND);
    });
    window.on_resize([&](int width, int height) {
        projection(width, height);
        Clip["iResolution"] = glm::vec2(float(width), float(height));
    });
    window.on_mouse_scroll([&](double, double, double, double dy) {
        fovy = std::min(std::max(fovy * (1 + dy / 100), 10.0), 179.0);
        projection(window.width(), window.height());
    });
    window.on_draw([&](double) {
        window.clear();
        program.draw(gloo::Primitive::Triangles, I);
        program["model"] = spin.step();
    });
    return app::run(window, options);
}
