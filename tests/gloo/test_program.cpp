// Programs on real GL: compile errors, introspection, attribute binding from arrays,
// uniforms, and pixels of real draws (llvmpipe).
#include "GLTest.hpp"
#include "../TestUtil.hpp"

#include <glm/glm.hpp>
#include <glm/gtc/type_ptr.hpp>

using namespace glumpp;
using glumpp::test::GLTest;
using glumpp::test::message_of;
using glumpp::test::RawTarget;
using Kind = gloo::UploadCall::Kind;

namespace {

const char* color_vs = R"(#version 330 core
in vec2 a_position;
in vec3 a_color;
out vec3 v_color;
void main() {
    v_color = a_color;
    gl_Position = vec4(a_position, 0.0, 1.0);
})";

const char* color_fs = R"(#version 330 core
in vec3 v_color;
out vec4 frag;
void main() { frag = vec4(v_color, 1.0); })";

struct Vertex {
    glm::vec2 position;
    glm::vec3 color;
};
GLUMPP_DTYPE(Vertex, position, color);

bool near(std::array<int, 4> p, int r, int g, int b, int tolerance = 12) {
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance && std::abs(p[2] - b) <= tolerance;
}

} // namespace

class Program : public GLTest {};

TEST_F(Program, CompileErrorsQuoteTheOffendingLines) {
    const char* broken = "#version 330 core\nin vec2 a_position;\nvoid main() {\n    gl_Position = vec4(a_position, 0.0);\n}\n";
    const std::string m = message_of<ShaderError>([&] { gloo::Program p(broken, color_fs); });
    EXPECT_NE(m.find("Program: the vertex shader does not compile:"), std::string::npos) << m;
    EXPECT_NE(m.find("    3 | void main() {\n  > 4 |     gl_Position = vec4(a_position, 0.0);\n"), std::string::npos) << m;
}

TEST_F(Program, LinkErrorsSayWhy) {
    const char* fs = "#version 330 core\nin vec3 v_color;\nout vec4 f;\nvec4 shade() { return vec4(v_color, 1.0); }\n";
    const std::string m = message_of<ShaderError>([&] { gloo::Program p(color_vs, fs); });
    EXPECT_EQ(m.rfind("Program: the shaders do not link:\n", 0), 0u) << m;
    EXPECT_NE(m.find("main"), std::string::npos) << m;
}

TEST_F(Program, IntrospectionInLocationOrder) {
    gloo::Program p(color_vs, color_fs);
    ASSERT_EQ(p.attributes().size(), 2u);
    EXPECT_LT(p.attributes()[0].location, p.attributes()[1].location);
    std::vector<std::string> names{p.attributes()[0].name, p.attributes()[1].name};
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"a_color", "a_position"}));
    for (const auto& a : p.attributes()) EXPECT_EQ(a.type, a.name == "a_color" ? "vec3" : "vec2");
}

TEST_F(Program, DrawsATriangleFromFieldViewsOfOneBuffer) {
    RawTarget target(64, 64);
    auto V = gloo::VertexBuffer::zeros<Vertex>({3});
    auto v = V.as<Vertex>();
    v[0] = {{-0.8f, -0.8f}, {1, 0, 0}};
    v[1] = {{0.8f, -0.8f}, {0, 1, 0}};
    v[2] = {{0.0f, 0.8f}, {0, 0, 1}};
    gloo::Program p(color_vs, color_fs);
    p["a_position"] = V["position"]; // stride 20, offset 0
    p["a_color"] = V["color"];       // stride 20, offset 8
    p.draw(gloo::Primitive::Triangles);
    EXPECT_TRUE(near(target.pixel(8, 8), 255, 0, 0, 40)) << target.pixel(8, 8)[0];
    EXPECT_TRUE(near(target.pixel(55, 8), 0, 255, 0, 40));
    EXPECT_TRUE(near(target.pixel(32, 55), 0, 0, 255, 40));
    EXPECT_TRUE(near(target.pixel(2, 62), 0, 0, 0, 0));
    EXPECT_EQ(ctx.frame_stats().draw_calls, 1u);
}

TEST_F(Program, AttributeMismatchesAreTypeErrors) {
    gloo::Program p(color_vs, color_fs);
    auto four = gloo::VertexBuffer::zeros<float>({3, 4}); // fewer than 3 is GL's fill (test_program_inputs)
    EXPECT_EQ(message_of<TypeError>([&] { p["a_color"] = four; }),
              "Program: attribute 'a_color' (vec3) has 3 components but the array gives 4 (shape (3, 4))");
    auto V = gloo::VertexBuffer::zeros<Vertex>({3});
    EXPECT_EQ(message_of<TypeError>([&] { p["a_position"] = V; }),
              "Program: attribute 'a_position' (vec2) cannot read [('position', '<f4', (2,)), ('color', '<f4', (3,))] "
              "(use a field view of native numbers, e.g. V[\"position\"])");
    EXPECT_EQ(message_of<TypeError>([&] { p["a_position"] = V["position"].view({slice({}, {}, -1)}); }),
              "Program: attribute 'a_position' (vec2): a stride of -20 bytes cannot feed an attribute (0 to 2048; "
              "reversed views are not allowed)");
    EXPECT_EQ(message_of<KeyError>([&] { p["a_postion"] = V["position"]; }),
              "Program::operator[]: the program has no attribute or uniform 'a_postion'; active names: a_position, a_color");
    EXPECT_EQ(message_of<ValueError>([&] { p.draw(gloo::Primitive::Points); }),
              "Program::draw: attribute 'a_position' has no data (assign an array or a value)");
}

TEST_F(Program, ConstantAttributesAndUniforms) {
    RawTarget target(32, 32);
    const char* vs = R"(#version 330 core
in vec2 a_position;
in vec3 a_color;
uniform mat4 u_transform;
uniform float u_scale;
uniform vec3 u_tints[2];
uniform int u_pick;
uniform bool u_unused_but_declared;
out vec3 v_color;
void main() {
    v_color = a_color * u_tints[u_pick];
    gl_Position = u_transform * vec4(a_position * u_scale, 0.0, 1.0);
})";
    gloo::Program p(vs, color_fs);
    p["a_position"] = Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    p["a_color"] = glm::vec3(1, 1, 1); // the same value for every vertex
    p["u_transform"] = glm::mat4(1.0f);
    p["u_scale"] = 0.5f;
    p["u_tints"] = {1, 0, 0, 0, 1, 0};
    p["u_pick"] = 1;
    p["u_unused_but_declared"] = true; // dropped by the compiler: ignored, not an error
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_TRUE(near(target.pixel(16, 16), 0, 255, 0)); // green tint, inside the half-size quad
    EXPECT_TRUE(near(target.pixel(2, 2), 0, 0, 0, 0));  // outside it
    glm::mat4 shift(1.0f);
    shift[3] = glm::vec4(0.5f, 0.5f, 0, 1); // column-major, as glm and GL
    p["u_transform"] = shift;
    p["u_pick"] = 0;
    glClear(GL_COLOR_BUFFER_BIT);
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_TRUE(near(target.pixel(28, 28), 255, 0, 0));
    EXPECT_TRUE(near(target.pixel(12, 12), 0, 0, 0, 0));
    EXPECT_EQ(message_of<TypeError>([&] { p["u_tints"] = glm::vec3(1); }),
              "Program: uniform 'u_tints' (vec3[2]) takes 6 values but 3 were given");
    EXPECT_EQ(message_of<TypeError>([&] { p["u_pick"] = 0.5f; }),
              "Program: uniform 'u_pick' (int) takes integers, not float32");
    p["u_scale"] = 2; // an integer into a float: fine
}

TEST_F(Program, TheStoreUploadsOnlyTheAttributeWritten) {
    gloo::Program p(color_vs, color_fs, 1000);
    auto pos = p.attribute("a_position");
    auto col = p.attribute("a_color");
    EXPECT_EQ(pos.shape(), (std::vector<std::size_t>{1000, 2}));
    EXPECT_EQ(col.shape(), (std::vector<std::size_t>{1000, 3}));
    EXPECT_TRUE(pos.is_contiguous());
    p["a_color"] = glm::vec3(1, 0, 0); // broadcast into every vertex of the block
    EXPECT_EQ(col.value<float>({999, 0}), 1.0f);
    RawTarget target(16, 16);
    p.draw(gloo::Primitive::Points);
    ctx.upload_log().clear();
    auto xy = pos.as<glm::vec2>();
    for (std::size_t i = 0; i < 1000; ++i) xy[i] = glm::vec2(float(i) / 1000.f, 0.f);
    p.draw(gloo::Primitive::Points);
    std::size_t sent = 0;
    for (const auto& c : ctx.upload_log().calls()) {
        EXPECT_GE(c.offset, pos.offset());
        EXPECT_LE(c.offset + c.size, pos.offset() + pos.nbytes());
        sent += c.size;
    }
    EXPECT_EQ(sent, 8000u); // the positions, not a byte of the colors
}

TEST_F(Program, IntegerAndNormalizedAttributes) {
    RawTarget target(32, 32);
    const char* vs = R"(#version 330 core
in vec2 a_position;
in int a_id;
in vec4 a_rgba;
flat out int v_id;
out vec4 v_rgba;
void main() { v_id = a_id; v_rgba = a_rgba; gl_Position = vec4(a_position, 0.0, 1.0); })";
    const char* fs = R"(#version 330 core
flat in int v_id;
in vec4 v_rgba;
out vec4 frag;
void main() { frag = v_id == 7 ? v_rgba : vec4(0.0); })";
    gloo::Program p(vs, fs);
    p["a_position"] = gloo::VertexBuffer::from(std::vector<float>{-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    p["a_id"] = gloo::VertexBuffer::from(std::vector<std::int32_t>{7, 7, 7, 7});
    auto rgba = gloo::VertexBuffer::zeros<std::uint8_t>({4, 4});
    rgba.view({glumpp::all, 1}).fill(255); // green, as 0..255 read as 0..1
    p["a_rgba"] = gloo::normalized(rgba);
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_TRUE(near(target.pixel(16, 16), 0, 255, 0, 2));
    EXPECT_EQ(message_of<TypeError>([&] { p["a_id"] = gloo::VertexBuffer::zeros<float>({4}); }),
              "Program: attribute 'a_id' (int) is an integer input but the array holds float32");
}

TEST_F(Program, IndexedAndInstancedDraws) {
    RawTarget target(40, 20);
    const char* vs = R"(#version 330 core
in vec2 a_position;
in vec2 a_offset;
void main() { gl_Position = vec4(a_position + a_offset, 0.0, 1.0); })";
    const char* fs = "#version 330 core\nout vec4 f;\nvoid main() { f = vec4(1.0); }\n";
    gloo::Program p(vs, fs);
    // A square covering x in [-1, -0.6], drawn twice: at its place and shifted right by 1.
    p["a_position"] = gloo::VertexBuffer::from(std::vector<float>{-1, -1, -0.6f, -1, -0.6f, 1, -1, 1}, {4, 2});
    p["a_offset"] = gloo::per_instance(gloo::VertexBuffer::from(std::vector<float>{0, 0, 1, 0}, {2, 2}));
    auto quad = gloo::IndexBuffer::from(std::vector<std::uint8_t>{0, 1, 2, 0, 2, 3});
    p.draw_instanced(gloo::Primitive::Triangles, quad, 2);
    EXPECT_TRUE(near(target.pixel(2, 10), 255, 255, 255));  // first instance
    EXPECT_TRUE(near(target.pixel(22, 10), 255, 255, 255)); // second instance, shifted
    EXPECT_TRUE(near(target.pixel(12, 10), 0, 0, 0, 0));    // between them
    EXPECT_EQ(target.count_nonblack(), 2 * 8 * 20); // two 8x20-pixel squares
    EXPECT_EQ(message_of<IndexError>([&] { p.draw_instanced(gloo::Primitive::Triangles, quad, 3); }),
              "Program::draw_instanced: 3 instances but the per-instance arrays serve 2");
    auto bad = gloo::IndexBuffer::from(std::vector<std::uint32_t>{0, 1, 9});
    EXPECT_EQ(message_of<IndexError>([&] { p.draw(gloo::Primitive::Triangles, bad); }),
              "Program::draw: index 9 but the attribute arrays hold 4 vertices");
    EXPECT_EQ(message_of<IndexError>([&] { p.draw(gloo::Primitive::Points, 2, 5); }),
              "Program::draw: vertices [2, 7) but the attribute arrays hold 4");
}
