// What a glumpy user writes into a Program, on real GL (llvmpipe): attributes with fewer
// components than their GLSL type, program.bind(buffer), compound writes, lists of
// tuples, shader files, and the frame statistics of uniforms. Pixels are read back; the
// expected ones follow from GL's rules (missing components are (0, 0, 1)) by hand.
#include "GLTest.hpp"
#include "../TestUtil.hpp"

#include <glm/glm.hpp>

#include <filesystem>
#include <cmath>
#include <fstream>
#include <optional>
#include <random>
#include <unistd.h>

using namespace glumpp;
using glumpp::test::GLTest;
using glumpp::test::message_of;
using glumpp::test::RawTarget;

namespace {

// a_color's four components straight to the pixel: alpha included (no blending).
const char* rgba_vs = R"(#version 330 core
in vec2 a_position;
in vec4 a_color;
out vec4 v_color;
void main() { v_color = a_color; gl_Position = vec4(a_position, 0.0, 1.0); })";
const char* rgba_fs = R"(#version 330 core
in vec4 v_color;
out vec4 frag;
void main() { frag = v_color; })";

const char* white_fs = "#version 330 core\nout vec4 f;\nvoid main() { f = vec4(1.0); }\n";

// The right half of clip space, as a triangle strip.
const std::vector<float> right_half{0, -1, 1, -1, 0, 1, 1, 1};

std::filesystem::path scratch(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("glumpp-program-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / name;
}

} // namespace

class ProgramInputs : public GLTest {};

// --- 1. fewer components than the GLSL type --------------------------------------------

TEST_F(ProgramInputs, AVec4ColorFedThreeFloatsHasAlphaOne) {
    RawTarget target(16, 16);
    gloo::Program p(rgba_vs, rgba_fs);
    p["a_position"] = gloo::VertexBuffer::from(std::vector<float>{-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2});
    auto rgb = gloo::VertexBuffer::zeros<float>({4, 3});
    rgb.view({glumpp::all, 1}).fill(1.0f); // green; blue given as 0, alpha not given
    p["a_color"] = rgb;
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(8, 8), (std::array<int, 4>{0, 255, 0, 255}));
    // The same with four components and alpha 0 reads alpha 0: the 255 above is GL's fill.
    auto rgba = gloo::VertexBuffer::zeros<float>({4, 4});
    rgba.view({glumpp::all, 1}).fill(1.0f);
    p["a_color"] = rgba;
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(8, 8), (std::array<int, 4>{0, 255, 0, 0}));
    // A constant of three values, too.
    p["a_color"] = glm::vec3(1, 0, 1);
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(8, 8), (std::array<int, 4>{255, 0, 255, 255}));
}

TEST_F(ProgramInputs, AVec4PositionFedTwoFloatsLandsWhereWOnePutsIt) {
    const char* vs = "#version 330 core\nin vec4 a_position;\nvoid main() { gl_Position = a_position; }\n";
    RawTarget target(20, 10);
    gloo::Program p(vs, white_fs);
    p["a_position"] = gloo::VertexBuffer::from(right_half, {4, 2}); // read as (x, y, 0, 1)
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 10 * 10); // exactly the right half
    EXPECT_EQ(target.pixel(15, 5)[0], 255);
    EXPECT_EQ(target.pixel(4, 5)[0], 0);
}

TEST_F(ProgramInputs, TheStoreFillsMissingComponentsAsGLDoes) {
    const char* vs = "#version 330 core\nin vec4 a_position;\nvoid main() { gl_Position = a_position; }\n";
    RawTarget target(20, 10);
    gloo::Program p(vs, white_fs, 4);
    p["a_position"] = Array::from<float>(right_half, {4, 2});
    const auto stored = p.attribute("a_position").to_vector<float>();
    EXPECT_EQ(stored, (std::vector<float>{0, -1, 0, 1, 1, -1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1}));
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 10 * 10);
}

// Property: k = 1..4 random components into a vec4, through each path (a GPU buffer,
// the store, a constant), read back as the pixel GL's rule predicts: the k values, then
// 0, 0 for missing y, z and 1 for a missing w (a constant of one value fills all four).
TEST_F(ProgramInputs, EveryComponentCountReadsAsGLFillsIt) {
    RawTarget target(4, 4);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> level(0, 255);
    const std::vector<float> quad{-1, -1, 1, -1, -1, 1, 1, 1};
    for (int trial = 0; trial < 8; ++trial) {
        for (std::size_t k = 1; k <= 4; ++k) {
            std::vector<float> one(k);
            for (auto& v : one) v = static_cast<float>(level(rng)) / 255.0f;
            std::vector<float> all;
            for (int vertex = 0; vertex < 4; ++vertex) all.insert(all.end(), one.begin(), one.end());
            std::array<int, 4> expected{0, 0, 0, 255};
            for (std::size_t c = 0; c < k; ++c) expected[c] = static_cast<int>(std::lround(one[c] * 255.0f));
            for (int path = 0; path < 3; ++path) {
                std::optional<gloo::Program> p;
                if (path == 1) p.emplace(rgba_vs, rgba_fs, 4); else p.emplace(rgba_vs, rgba_fs);
                (*p)["a_position"] = gloo::VertexBuffer::from(quad, {4, 2});
                std::array<int, 4> want = expected;
                if (path == 0) (*p)["a_color"] = gloo::VertexBuffer::from(all, {4, k});
                if (path == 1) (*p)["a_color"] = Array::from<float>(all, {4, k});
                if (path == 2) {
                    auto& color = *p;
                    if (k == 1) color["a_color"] = one[0];
                    if (k == 2) color["a_color"] = glm::vec2(one[0], one[1]);
                    if (k == 3) color["a_color"] = glm::vec3(one[0], one[1], one[2]);
                    if (k == 4) color["a_color"] = glm::vec4(one[0], one[1], one[2], one[3]);
                    if (k == 1) want = {expected[0], expected[0], expected[0], expected[0]}; // broadcast
                }
                glClear(GL_COLOR_BUFFER_BIT);
                p->draw(gloo::Primitive::TriangleStrip);
                const auto got = target.pixel(2, 2);
                for (int c = 0; c < 4; ++c) EXPECT_NEAR(got[c], want[c], 1) << "k " << k << " path " << path << " c " << c;
            }
        }
    }
}

TEST_F(ProgramInputs, MoreComponentsThanTheTypeIsStillATypeError) {
    gloo::Program p(rgba_vs, rgba_fs);
    EXPECT_EQ(message_of<TypeError>([&] { p["a_position"] = gloo::VertexBuffer::zeros<float>({3, 3}); }),
              "Program: attribute 'a_position' (vec2) has 2 components but the array gives 3 (shape (3, 3))");
    EXPECT_EQ(message_of<TypeError>([&] { p["a_position"] = {1, 2, 3}; }),
              "Program: attribute 'a_position' (vec2) takes 1 to 2 values but 3 were given (per-vertex data: a list of "
              "tuples or an array)");
}

// --- 2. program.bind(buffer) -----------------------------------------------------------

TEST_F(ProgramInputs, BindMatchesFieldNamesAndSkipsFieldsTheShadersDoNotRead) {
    RawTarget target(16, 16);
    // glumpy's idiom: the dtype names its fields after the attributes, and carries one
    // (a_size) that these shaders never read.
    auto V = gloo::VertexBuffer::zeros(
        {4}, DType::parse("[('a_position', '<f4', (2,)), ('a_size', '<f4'), ('a_color', '<f4', (4,))]"));
    V["a_position"].assign(Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2}));
    V["a_color"].assign(Array::from<float>({0, 0, 1, 1}));
    V["a_size"].fill(7.0f);
    gloo::Program p(rgba_vs, rgba_fs);
    p.bind(V);
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(8, 8), (std::array<int, 4>{0, 0, 255, 255}));
    ctx.upload_log().clear();
    V["a_color"].view({0}).assign({1, 0, 0, 1}); // the buffer is what the program reads
    p.draw(gloo::Primitive::Points);
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].offset, 12u); // a_color of vertex 0: after 8 + 4 bytes
    EXPECT_EQ(ctx.upload_log().calls()[0].size, 16u);
}

TEST_F(ProgramInputs, BindReadsABufferOfTwoAxesFlattenedAsGlumpyRavels) {
    RawTarget target(20, 10);
    auto V = gloo::VertexBuffer::zeros({2, 2}, DType::parse("[('a_position', '<f4', (2,)), ('a_color', '<f4', (4,))]"));
    V["a_position"].assign(Array::from<float>(right_half, {2, 2, 2}));
    V["a_color"].fill(1.0f);
    gloo::Program p(rgba_vs, rgba_fs);
    p.bind(V);
    p.draw(gloo::Primitive::TriangleStrip); // 4 vertices: the count is the flattened length
    EXPECT_EQ(target.count_nonblack(), 10 * 10);
    EXPECT_EQ(message_of<ShapeError>([&] { p.bind(V.view({glumpp::all, slice({}, {}, -1)})); }),
              "Program::bind: a buffer of shape (2, 2) is read flattened and must be contiguous");
}

TEST_F(ProgramInputs, BindLeavesAttributesTheBufferLacks) {
    RawTarget target(16, 16);
    gloo::Program p(rgba_vs, rgba_fs);
    p["a_color"] = glm::vec4(1, 1, 0, 1);
    auto plain = Array::zeros({4}, DType::parse("[('a_position', '<f4', (2,)), ('a_unused', '<i4')]"));
    plain["a_position"].assign(Array::from<float>({-1, -1, 1, -1, -1, 1, 1, 1}, {4, 2}));
    p.bind(plain); // a plain Array: one GPU buffer over it
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(8, 8), (std::array<int, 4>{255, 255, 0, 255}));
}

TEST_F(ProgramInputs, BindRefusesPlainDtypesAndChangesNothingWhenAFieldDoesNotFit) {
    gloo::Program p(rgba_vs, rgba_fs);
    EXPECT_EQ(message_of<TypeError>([&] { p.bind(gloo::VertexBuffer::zeros<float>({4, 2})); }),
              "Program::bind: the dtype float32 has no fields to match attribute names (bind takes a structured "
              "buffer; assign a plain array with program[\"name\"] = ...)");
    auto bad = gloo::VertexBuffer::zeros({4}, DType::parse("[('a_position', '<f4', (2,)), ('a_color', '<f4', (5,))]"));
    EXPECT_EQ(message_of<TypeError>([&] { p.bind(bad); }),
              "Program::bind: field 'a_color': attribute 'a_color' (vec4) has 4 components but the array gives 5 "
              "(shape (4, 5))");
    // a_position, which fitted, was not bound either.
    EXPECT_EQ(message_of<ValueError>([&] { p.draw(gloo::Primitive::Points); }),
              "Program::draw: attribute 'a_position' has no data (assign an array or a value)");
}

// --- 3. compound writes ----------------------------------------------------------------

TEST_F(ProgramInputs, CompoundWritesOnTheStoreUploadOnlyThatAttribute) {
    // glumpy's oscilloscope: program["a_intensity"] -= 0.01 every frame.
    const char* vs = R"(#version 330 core
in vec2 a_position;
in float a_intensity;
out float v_i;
void main() { v_i = a_intensity; gl_Position = vec4(a_position, 0.0, 1.0); })";
    const char* fs = "#version 330 core\nin float v_i;\nout vec4 f;\nvoid main() { f = vec4(v_i); }\n";
    RawTarget target(8, 8);
    gloo::Program p(vs, fs, 1000);
    p["a_intensity"] = 1.0f;
    p.draw(gloo::Primitive::Points);
    ctx.upload_log().clear();
    ctx.reset_frame_stats();
    p["a_intensity"] -= 0.01;
    p.draw(gloo::Primitive::Points);
    const Array block = p.attribute("a_intensity");
    std::size_t sent = 0;
    for (const auto& c : ctx.upload_log().calls()) {
        EXPECT_GE(c.offset, block.offset());
        EXPECT_LE(c.offset + c.size, block.offset() + block.nbytes());
        sent += c.size;
    }
    EXPECT_EQ(sent, 4000u);
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_dirty, 4000u);
    EXPECT_FLOAT_EQ(block.value<float>({999}), 0.99f);
    p["a_intensity"] *= 2;
    p["a_intensity"] /= 4;
    p["a_intensity"] += 0.5f;
    EXPECT_FLOAT_EQ(block.value<float>({3}), 0.99f * 2 / 4 + 0.5f);
    p["a_intensity"].fill(0.25);
    EXPECT_EQ(block.value<float>({500}), 0.25f);
}

TEST_F(ProgramInputs, CompoundWritesThroughABoundViewAreTracked) {
    RawTarget target(8, 8);
    // 32 vertices: 32 dirty ranges, under the tracker's cap of 64, so dirty is exact.
    auto V = gloo::VertexBuffer::zeros({32}, DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (4,))]"));
    V["color"].fill(0.8f);
    gloo::Program p(rgba_vs, rgba_fs);
    p["a_position"] = V["position"];
    p["a_color"] = V["color"]; // stride 24, offset 8
    p.draw(gloo::Primitive::Points);
    ctx.upload_log().clear();
    ctx.reset_frame_stats();
    p["a_color"] *= 0.5f;
    p.draw(gloo::Primitive::Points);
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_dirty, 32u * 16u); // the colors, not the positions
    for (const auto& c : ctx.upload_log().calls()) {
        EXPECT_GE(c.offset, 8u);                // the first color
        EXPECT_LE(c.offset + c.size, 32u * 24u); // the last color ends the buffer
    }
    EXPECT_FLOAT_EQ(V["color"].value<float>({31, 3}), 0.4f);
    EXPECT_EQ(V["position"].value<float>({31, 0}), 0.0f);
    // Through a uint8 view NumPy's same_kind rule holds, and nothing is written.
    auto bytes = gloo::VertexBuffer::zeros<std::uint8_t>({100, 4});
    p["a_color"] = gloo::normalized(bytes);
    EXPECT_EQ(message_of<TypeError>([&] { p["a_color"] -= 0.01; }),
              "Program::operator-=: attribute 'a_color' (vec4) holds integers: a float operand (0.010000) would be "
              "truncated");
    bytes.clear_pending();
    p["a_color"] += 10;
    EXPECT_EQ(bytes.value<int>({99, 3}), 10);
    EXPECT_EQ(bytes.dirty_ranges().size(), 1u);
}

TEST_F(ProgramInputs, CompoundWritesOnUniformsChangeTheCachedValue) {
    const char* vs = R"(#version 330 core
in vec2 a_position;
uniform float u_scale;
uniform int u_step;
void main() { gl_Position = vec4(a_position * u_scale + vec2(float(u_step - 3), 0.0), 0.0, 1.0); })";
    RawTarget target(20, 20);
    gloo::Program p(vs, white_fs, 4);
    p["a_position"] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
    p["u_scale"] = 0.25f;
    p["u_scale"] *= 2; // 0.5: the middle half
    p["u_step"] += 3;  // 0 + 3: no offset
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 10 * 10);
    p["u_step"] += 1;
    EXPECT_EQ(message_of<TypeError>([&] { p["u_step"] *= 0.5; }),
              "Program::operator*=: uniform 'u_step' (int) holds integers: a float operand (0.500000) would be truncated");
    EXPECT_EQ(message_of<TypeError>([&] { p["u_step"] /= 2; }),
              "Program::operator/=: uniform 'u_step' (int) holds integers: /= would make floats");
    ctx.reset_frame_stats();
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 1u); // u_step only: u_scale did not change
    EXPECT_EQ(ctx.frame_stats().uniform_bytes, 4u);
    GLint step = 0;
    glGetUniformiv(p.handle(), glGetUniformLocation(p.handle(), "u_step"), &step);
    EXPECT_EQ(step, 4);
    gloo::Program q(rgba_vs, rgba_fs);
    EXPECT_EQ(message_of<ValueError>([&] { q["a_color"] -= 1; }),
              "Program::operator-=: attribute 'a_color' (vec4) has no data yet (assign an array or a value first)");
}

TEST_F(ProgramInputs, CompoundWritesOnAConstantAttribute) {
    RawTarget target(4, 4);
    gloo::Program p(rgba_vs, rgba_fs);
    p["a_position"] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
    p["a_color"] = glm::vec4(1, 0.5f, 0, 1);
    p["a_color"] -= 0.5; // (0.5, 0, -0.5, 0.5): red and alpha at half, blue clamped to 0
    p.draw(gloo::Primitive::TriangleStrip);
    const auto px = target.pixel(2, 2);
    EXPECT_NEAR(px[0], 128, 1);
    EXPECT_EQ(px[1], 0);
    EXPECT_EQ(px[2], 0);
    EXPECT_NEAR(px[3], 128, 1);
    p["a_color"].fill(1);
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.pixel(2, 2), (std::array<int, 4>{255, 255, 255, 255}));
}

// --- 4. lists of tuples ----------------------------------------------------------------

TEST_F(ProgramInputs, NestedListsFeedAttributes) {
    RawTarget target(16, 16);
    gloo::Program stored(rgba_vs, rgba_fs, 4);
    stored["a_position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    stored["a_color"] = {{1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}};
    EXPECT_EQ(stored.attribute("a_position").to_vector<float>(), (std::vector<float>{-1, -1, -1, 1, 1, -1, 1, 1}));
    stored.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 16 * 16);
    glClear(GL_COLOR_BUFFER_BIT);
    gloo::Program unstored(rgba_vs, rgba_fs); // a new float32 GPU buffer
    unstored["a_position"] = {{0, -1}, {1, -1}, {0, 1}, {1, 1}};
    unstored["a_color"] = {0.5, 0.5, 0.5};
    unstored.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 8 * 16);
    // Integers stay integers: an ivec2 uniform from a one-row list, an int attribute from rows.
    const char* ivs = R"(#version 330 core
in vec2 a_position;
in ivec2 a_id;
uniform ivec2 u_pair;
flat out int v_ok;
void main() { v_ok = int(a_id == u_pair); gl_Position = vec4(a_position, 0.0, 1.0); })";
    const char* ifs = "#version 330 core\nflat in int v_ok;\nout vec4 f;\nvoid main() { f = vec4(float(v_ok)); }\n";
    gloo::Program ints(ivs, ifs);
    ints["a_position"] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
    ints["a_id"] = {{2, 3}, {2, 3}, {2, 3}, {2, 3}}; // (rows of one number would read as a flat list)
    ints["u_pair"] = {{2, 3}};
    glClear(GL_COLOR_BUFFER_BIT);
    ints.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 16 * 16);
    EXPECT_EQ(message_of<TypeError>([&] { ints["a_id"] = {{0.5, 1}, {2, 3}}; }),
              "Program: attribute 'a_id' (ivec2) takes integers");
    EXPECT_EQ(message_of<ValueError>([&] { unstored["a_position"] = {{0, 1}, {1, 2, 3}}; }),
              "Program::operator[]: 'a_position': a nested list needs rows of equal length, not 2 and 3");
}

TEST_F(ProgramInputs, AFlatListFillsTheStoreInCOrderOrNamesTheShape) {
    gloo::Program p(rgba_vs, rgba_fs, 4);
    p["a_position"] = {-1, -1, -1, +1, +1, -1, +1, +1};
    EXPECT_EQ(p.attribute("a_position").to_vector<float>(), (std::vector<float>{-1, -1, -1, 1, 1, -1, 1, 1}));
    p["a_position"] = {0.5, 0.25}; // one vertex: every vertex
    EXPECT_EQ(p.attribute("a_position").value<float>({3, 1}), 0.25f);
    EXPECT_EQ(message_of<ShapeError>([&] { p["a_position"] = {1, 2, 3, 4, 5, 6}; }),
              "Program: attribute 'a_position' (vec2) holds shape (4, 2) in the program's store and cannot take shape "
              "(6,): give 1 to 2 values (every vertex), 8 (C order) or an array broadcastable to (4, 2)");
    EXPECT_EQ(p.attribute("a_position").value<float>({3, 1}), 0.25f); // unchanged
}

// --- 5. shader errors and files ---------------------------------------------------------

TEST_F(ProgramInputs, AMissingSemicolonQuotesTheLineBeforeTheReportedOne) {
    const char* broken = "#version 330 core\nin vec2 a_position;\nvoid main() {\n"
                         "    gl_Position = vec4(a_position, 0.0, 1.0)\n}\n";
    const std::string m = message_of<ShaderError>([&] { gloo::Program p(broken, white_fs); });
    // Mesa's own words: the error is at the token after the mistake.
    EXPECT_NE(m.find("0:5(1): error: syntax error"), std::string::npos) << m;
    EXPECT_NE(m.find("    4 |     gl_Position = vec4(a_position, 0.0, 1.0)\n  > 5 | }\n"), std::string::npos) << m;
}

TEST_F(ProgramInputs, SourcesFromFiles) {
    const auto vs = scratch("quad.vert"), fs = scratch("quad.frag"), bad = scratch("bad.frag");
    std::ofstream(vs) << "#version 330 core\nin vec2 a_position;\nvoid main() { gl_Position = vec4(a_position, 0.0, 1.0); }\n";
    std::ofstream(fs) << white_fs;
    std::ofstream(bad) << "#version 330 core\nout vec4 f;\nvoid main() { f = vec4(1.0) }\n";
    RawTarget target(20, 10);
    auto p = gloo::Program::from_files(vs, fs, 4);
    p["a_position"] = {{0, -1}, {1, -1}, {0, 1}, {1, 1}};
    p.draw(gloo::Primitive::TriangleStrip);
    EXPECT_EQ(target.count_nonblack(), 10 * 10);
    const auto missing = scratch("missing.vert");
    EXPECT_EQ(message_of<IoError>([&] { gloo::Program::from_files(missing, fs); }),
              "Program::from_files: cannot read '" + missing.string() + "': No such file or directory");
    const std::string m = message_of<ShaderError>([&] { gloo::Program::from_files(vs, bad); });
    EXPECT_EQ(m.rfind("Program: the fragment shader (" + bad.string() + ") does not compile:\n", 0), 0u) << m;
    std::filesystem::remove_all(vs.parent_path());
}

// --- 6. frame statistics of uniforms ------------------------------------------------------

TEST_F(ProgramInputs, FrameStatsCountUniformUploads) {
    const char* vs = R"(#version 330 core
in vec2 a_position;
uniform mat4 u_model;
uniform float u_scale;
void main() { gl_Position = u_model * vec4(a_position * u_scale, 0.0, 1.0); })";
    RawTarget target(4, 4);
    gloo::Program p(vs, white_fs, 3);
    p["u_model"] = glm::mat4(1.0f);
    p["u_scale"] = 1.0f;
    ctx.reset_frame_stats();
    p.draw(gloo::Primitive::Points);
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 2u);
    EXPECT_EQ(ctx.frame_stats().uniform_bytes, 64u + 4u);
    const std::size_t store = p.vertices().nbytes(); // the store's first upload: all of it
    EXPECT_EQ(ctx.frame_stats().str(), "uploads: 1 calls, " + std::to_string(store) + " B sent (" + std::to_string(store) +
                                           " B dirty, 0 B gaps); uniforms: 2 calls, 68 B; 1 draw call");
    ctx.reset_frame_stats();
    p["u_scale"] = 1.0f; // the value it has: not sent again
    p.draw(gloo::Primitive::Points);
    EXPECT_EQ(ctx.frame_stats().str(), "uploads: 0 calls, 0 B sent (0 B dirty, 0 B gaps); uniforms: 0 calls, 0 B; 1 draw call");
    ctx.reset_frame_stats();
    p["u_scale"] = 0.5f;
    p.draw(gloo::Primitive::Points);
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 1u);
    EXPECT_EQ(ctx.frame_stats().uniform_bytes, 4u);
    GLfloat scale = 0;
    glGetUniformfv(p.handle(), glGetUniformLocation(p.handle(), "u_scale"), &scale);
    EXPECT_EQ(scale, 0.5f);
}
