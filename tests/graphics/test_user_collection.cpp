// UserCollection on llvmpipe through EGL: the user's dtype and GLSL, glumpy's raw modes,
// shared fields fetched by item index, and uploads of exactly what changed.
#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <glumpp/graphics/UserCollection.hpp>
#include <glumpp/transforms/Scales.hpp>
#include <glumpp/transforms/Transforms.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace glumpp;
using namespace glumpp::graphics;
using glumpp::test::GLTest;
using glumpp::test::message_of;
using Mode = UserCollection::Mode;

namespace {

constexpr int size = 64;

struct Image {
    std::vector<std::uint8_t> rgba;
    std::array<int, 4> at(int x, int y) const {
        const std::size_t k = (std::size_t(y) * size + std::size_t(x)) * 4;
        return {rgba[k], rgba[k + 1], rgba[k + 2], rgba[k + 3]};
    }
    int lit() const {
        int n = 0;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) n += at(x, y)[0] + at(x, y)[1] + at(x, y)[2] > 0;
        return n;
    }
};

const DType xy = DType::parse("[('position', '<f4', (2,))]");

/// Positions (x, y) as a (n, 2) float array.
Array points(std::vector<float> xy_pairs) {
    const std::size_t n = xy_pairs.size() / 2;
    return Array::from(xy_pairs, {n, 2});
}

// A vertex shader in pixels that passes the item's color on (the tests' common case).
const char* const pixel_vertex = R"(
out vec4 v_color;
void main() {
    fetch_uniforms();
    v_color = color;
    gl_Position = to_clip(to_pixels(position.xy), 0.0);
})";

std::size_t texture_bytes(const gloo::UploadLog& log) {
    std::size_t n = 0;
    for (const auto& c : log.calls()) n += c.kind == gloo::UploadCall::Kind::TexSubImage ? c.size : 0;
    return n;
}
std::size_t buffer_bytes(const gloo::UploadLog& log) {
    std::size_t n = 0;
    for (const auto& c : log.calls()) n += c.kind == gloo::UploadCall::Kind::TexSubImage ? 0 : c.size;
    return n;
}

} // namespace

class UserCollections : public GLTest {
protected:
    Image render(const std::function<void()>& draw) {
        auto on = target.activated();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        draw();
        return {target.read_pixels().to_vector<std::uint8_t>()};
    }
    gloo::FrameBuffer target{{gloo::RenderBuffer::color(size, size)}, gloo::RenderBuffer::depth(size, size)};
};

TEST_F(UserCollections, LineStripsAreOneStripPerItemInOneDrawCall) {
    UserCollection lines({.mode = Mode::LineStrips, .vertex = xy, .shared = {{"color", {1, 1, 1, 1}}}, .vertex_shader = pixel_vertex});
    // Item 0 along row 10, item 1 along row 50: a single strip would join (40, 10) to (8, 50).
    lines.append(points({8.5f, 10.5f, 24.5f, 10.5f, 40.5f, 10.5f, 8.5f, 50.5f, 40.5f, 50.5f}), std::vector<std::size_t>{3, 2});
    ctx.reset_frame_stats();
    const Image img = render([&] { lines.draw(); });
    EXPECT_EQ(ctx.frame_stats().draw_calls, 1u);
    EXPECT_EQ(img.at(20, 10), (std::array<int, 4>{255, 255, 255, 255}));
    EXPECT_EQ(img.at(20, 50), (std::array<int, 4>{255, 255, 255, 255}));
    // Every lit pixel is on one of the two rows: nothing joins the items.
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            if (img.at(x, y)[0]) {
                EXPECT_TRUE(y == 10 || y == 50) << x << ", " << y;
            }
    // GL's diamond rule: a horizontal line lights the pixels whose centres it passes,
    // [8, 40) on each row, 32 per row.
    EXPECT_EQ(img.lit(), 64);
}

TEST_F(UserCollections, LineLoopsCloseEachItem) {
    UserCollection loops({.mode = Mode::LineLoops, .vertex = xy, .shared = {{"color", {1, 1, 1, 1}}}});
    // Two squares' outlines (the raw shaders); each loop closes on its own first point.
    loops.append(points({8.5f, 8.5f, 24.5f, 8.5f, 24.5f, 24.5f, 8.5f, 24.5f, 40.5f, 40.5f, 56.5f, 40.5f, 56.5f, 56.5f, 40.5f, 56.5f}), 4);
    const Image img = render([&] { loops.draw(); });
    EXPECT_EQ(img.at(8, 16)[0], 255) << "the closing edge of item 0";
    EXPECT_EQ(img.at(40, 48)[0], 255) << "the closing edge of item 1";
    EXPECT_EQ(img.at(32, 32)[0], 0) << "nothing joins the items";
    // Every lit pixel is on an outline, and every edge is drawn (16 pixels long; where a
    // corner pixel goes is the rasterizer's tie-break at pixel centres).
    int off = 0;
    std::array<int, 8> per_edge{};
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            if (!img.at(x, y)[0]) continue;
            const int o = x < 32 ? 8 : 40, k = x < 32 ? 0 : 4;
            const bool in = x >= o && x <= o + 16 && y >= o && y <= o + 16;
            if (!in || (x != o && x != o + 16 && y != o && y != o + 16)) {
                ++off;
                continue;
            }
            per_edge[k + (y == o ? 0 : x == o + 16 ? 1 : y == o + 16 ? 2 : 3)]++;
        }
    EXPECT_EQ(off, 0);
    for (int e = 0; e < 8; ++e) EXPECT_GE(per_edge[e], 15) << "edge " << e;
}

TEST_F(UserCollections, RawPointsAreSquaresOfTheSizeUniform) {
    UserCollection dots({.mode = Mode::Points, .vertex = xy, .shared = {{"color", {0, 1, 0, 1}}}});
    dots.append(points({20.5f, 20.5f, 40.5f, 40.5f}), 1);
    EXPECT_EQ(dots.size(), 2u);
    Image img = render([&] { dots.draw(); });
    EXPECT_EQ(img.lit(), 2 * 9) << "glumpy's raw points: size 3 by default";
    EXPECT_EQ(img.at(19, 21), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(img.at(18, 20)[1], 0);
    dots.uniform("size") = 5.0f;
    img = render([&] { dots.draw(); });
    EXPECT_EQ(img.lit(), 2 * 25);
    GLboolean program_point_size = GL_TRUE;
    glGetBooleanv(GL_PROGRAM_POINT_SIZE, &program_point_size);
    EXPECT_EQ(program_point_size, GL_FALSE) << "draw() restores the state it changed";
}

TEST_F(UserCollections, RawLinesAndTrianglesWithLocalColors) {
    const DType vertex = DType::parse("[('position', '<f4', (3,)), ('color', '<f4', (4,))]");
    UserCollection triangles({.mode = Mode::Triangles, .vertex = vertex});
    // A 16 x 16 square as two triangles, red; its pixels are exactly [8, 24) x [8, 24).
    Array square = Array::zeros({6}, vertex);
    square["position"].assign(Array::from<float>({8, 8, 0, 24, 8, 0, 24, 24, 0, 8, 8, 0, 24, 24, 0, 8, 24, 0}, {6, 3}));
    square["color"].assign(Array::from<float>({1, 0, 0, 1}));
    triangles.append(square);
    UserCollection segments({.mode = Mode::Lines, .vertex = vertex});
    Array two = Array::zeros({4}, vertex);
    two["position"].assign(Array::from<float>({32.5f, 40.5f, 0, 56.5f, 40.5f, 0, 32.5f, 50.5f, 0, 56.5f, 50.5f, 0}, {4, 3}));
    two["color"].assign(Array::from<float>({0, 0, 1, 1}));
    segments.append(two, 4);
    const Image img = render([&] {
        triangles.draw();
        segments.draw();
    });
    int red = 0, blue = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const auto p = img.at(x, y);
            red += p == std::array<int, 4>{255, 0, 0, 255} && x >= 8 && x < 24 && y >= 8 && y < 24;
            blue += p == std::array<int, 4>{0, 0, 255, 255} && (y == 40 || y == 50);
        }
    EXPECT_EQ(red, 16 * 16);
    EXPECT_EQ(blue, 2 * 24);
    EXPECT_EQ(img.lit(), 16 * 16 + 2 * 24);
    EXPECT_EQ(message_of<ValueError>([&] { segments.append(two.view({slice(0, 3)})); }),
              "UserCollection::append: an item of 3 vertices is not whole segments (2 vertices each)");
    EXPECT_EQ(message_of<ValueError>([&] { triangles.append(two); }),
              "UserCollection::append: an item of 4 vertices is not whole triangles (3 vertices each)");
}

// fetch_uniforms() against the values written from C++: fields of 1, 3, 4 and 2 floats
// packed densely (10 floats, 3 texels, the vec4 straddling two of them), random values
// per item, read back through the pixels of one point per item.
TEST_F(UserCollections, FetchUniformsReadsEveryFieldOfEveryItem) {
    UserCollection dots({.mode = Mode::Points,
                         .vertex = xy,
                         .shared = {{"a", {0}}, {"b", {0, 0, 0}}, {"c", {0, 0, 0, 0}}, {"d", {0, 0}}},
                         .vertex_shader = R"(
uniform int which;
out vec4 v_color;
void main() {
    fetch_uniforms();
    v_color = which == 0 ? vec4(a, b) : which == 1 ? c : vec4(d, 0.0, 1.0);
    gl_Position = to_clip(to_pixels(position), 0.0);
    gl_PointSize = 1.0;
})"});
    EXPECT_EQ(dots.shared_dtype().itemsize(), 48u);
    constexpr int items = 2000; // past the first texture row (1024 texels, 341 items)
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<std::array<int, 10>> expected(items);
    for (int k = 0; k < items; ++k) {
        dots.append(points({float(k % 64) + 0.5f, float(k / 64) + 0.5f}));
        for (int& v : expected[k]) v = byte(rng);
    }
    for (int k = 0; k < items; ++k) {
        const auto& e = expected[k];
        auto f = [&](int j) { return float(e[j]) / 255.0f; };
        dots["a"].view({k}).fill(f(0));
        dots["b"].view({k}).assign({f(1), f(2), f(3)});
        dots["c"].view({k}).assign({f(4), f(5), f(6), f(7)});
        dots["d"].view({k}).assign({f(8), f(9)});
    }
    for (int which = 0; which < 3; ++which) {
        dots.uniform("which") = which;
        const Image img = render([&] { dots.draw(); });
        int wrong = 0;
        for (int k = 0; k < items; ++k) {
            const auto p = img.at(k % 64, k / 64);
            const auto& e = expected[k];
            const std::array<int, 4> want = which == 0   ? std::array<int, 4>{e[0], e[1], e[2], e[3]}
                                            : which == 1 ? std::array<int, 4>{e[4], e[5], e[6], e[7]}
                                                         : std::array<int, 4>{e[8], e[9], 0, 255};
            wrong += p != want;
        }
        EXPECT_EQ(wrong, 0) << "fields set " << which;
    }
}

TEST_F(UserCollections, SettingOneItemsSharedFieldUploadsOnlyItsTexels) {
    // amplitude (float 0), color (floats 1-4: texels 0 and 1), xscale (float 5): 2 texels.
    UserCollection lines({.mode = Mode::LineStrips,
                          .vertex = DType::parse("[('position', '<f4', (3,))]"),
                          .shared = {{"amplitude", {1}}, {"color", {0, 0, 0, 1}}, {"xscale", {1}}},
                          .vertex_shader = pixel_vertex});
    std::vector<float> xyz(3 * 10 * 4, 1.0f);
    lines.append(Array::from(xyz, {40, 3}), 4);
    EXPECT_EQ(lines.size(), 10u);
    EXPECT_EQ(lines["amplitude"].shape(), (std::vector<std::size_t>{10}));
    EXPECT_EQ(lines["color"].shape(), (std::vector<std::size_t>{10, 4}));
    EXPECT_EQ(lines["position"].shape(), (std::vector<std::size_t>{40, 3}));
    EXPECT_EQ(lines.color(3), glm::vec4(0, 0, 0, 1)) << "the defaults";
    render([&] { lines.draw(); });

    auto sent = [&](const std::function<void()>& edit) {
        ctx.upload_log().clear();
        edit();
        render([&] { lines.draw(); });
        return ctx.upload_log().calls();
    };
    // Item 5's amplitude: texel 10, 16 bytes in one call, nothing else.
    auto calls = sent([&] { lines["amplitude"].view({5}).fill(0.5f); });
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].kind, gloo::UploadCall::Kind::TexSubImage);
    EXPECT_EQ(calls[0].size, 16u);
    EXPECT_EQ(calls[0].x, 10u);
    // Item 5's xscale: texel 11.
    calls = sent([&] { lines["xscale"].view({5}).fill(2.0f); });
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].x, 11u);
    EXPECT_EQ(calls[0].size, 16u);
    // Its color straddles both texels: 32 bytes.
    calls = sent([&] { lines.set_color(5, {1, 0, 0, 1}); });
    EXPECT_EQ(texture_bytes(ctx.upload_log()), 32u);
    EXPECT_EQ(buffer_bytes(ctx.upload_log()), 0u);
    // glumpy's lines["selected"] = 0 over all items: every record's texel 0, 10 x 16 bytes.
    calls = sent([&] { lines["amplitude"].fill(0.25f); });
    EXPECT_EQ(texture_bytes(ctx.upload_log()), 10u * 32 - 16) << "texels 0 to 18: the planner joins the gaps";
    const auto gpu = lines.shared_texture().read_back();
    const auto& cpu = lines.shared_texture();
    ASSERT_EQ(gpu.nbytes(), cpu.nbytes());
    EXPECT_EQ(std::memcmp(gpu.data(), cpu.base_data(), gpu.nbytes()), 0) << "the GPU's texels are the CPU's";
}

TEST_F(UserCollections, EraseMovesLaterItemsAndAppendSendsOnlyTheNew) {
    UserCollection lines({.mode = Mode::LineStrips, .vertex = xy, .shared = {{"color", {1, 1, 1, 1}}}, .vertex_shader = pixel_vertex});
    const glm::vec4 colors[] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}};
    for (int k = 0; k < 3; ++k) {
        const float y = 10.5f + 20.0f * float(k);
        lines.append(points({8.5f, y, 56.5f, y}), 0, {{"color", {colors[k].r, colors[k].g, colors[k].b, 1}}});
    }
    render([&] { lines.draw(); });
    ctx.upload_log().clear();
    lines.erase(0);
    Image img = render([&] { lines.draw(); });
    EXPECT_EQ(img.at(20, 10), (std::array<int, 4>{0, 0, 0, 255}));
    EXPECT_EQ(img.at(20, 30), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(img.at(20, 50), (std::array<int, 4>{0, 0, 255, 255}));
    // Two items of 2 vertices (12 bytes: position and collection_index) moved, and their
    // records (1 texel each).
    EXPECT_EQ(buffer_bytes(ctx.upload_log()), 2u * 2 * 12);
    EXPECT_EQ(texture_bytes(ctx.upload_log()), 2u * 16);
    EXPECT_EQ(lines.vertices().buffer()["collection_index"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{0, 0, 1, 1}));
    // Appending within the capacity: the new item's 2 vertices and 1 texel.
    ctx.upload_log().clear();
    EXPECT_EQ(lines.append(points({8.5f, 10.5f, 56.5f, 10.5f})), 2u);
    img = render([&] { lines.draw(); });
    EXPECT_EQ(buffer_bytes(ctx.upload_log()), 2u * 12);
    EXPECT_EQ(texture_bytes(ctx.upload_log()), 16u);
    EXPECT_EQ(img.at(20, 10), (std::array<int, 4>{255, 255, 255, 255})) << "the default color";
    // set() with the same count rewrites the item in place.
    ctx.upload_log().clear();
    lines.set(2, points({8.5f, 12.5f, 56.5f, 12.5f}));
    img = render([&] { lines.draw(); });
    EXPECT_EQ(buffer_bytes(ctx.upload_log()), 2u * 12);
    EXPECT_EQ(img.at(20, 12), (std::array<int, 4>{255, 255, 255, 255}));
    EXPECT_EQ(img.at(20, 10), (std::array<int, 4>{0, 0, 0, 255}));
}

// glumpy's collection-update scrolls every plot by rewriting the y of every vertex. Only
// those bytes change (checked against a copy scrolled with plain loops); the tracker
// keeps at most 64 ranges, so what is sent is the span from the first y to the last, in
// one call: 5,119,988 B of 320 x 1000 vertices of 16 B (glumpy re-sent its whole buffer of
// 320 x 1002 vertices of 20 B, 6,412,800 B).
TEST_F(UserCollections, ScrollingRewritesOnlyTheYComponents) {
    constexpr std::size_t n = 320, p = 1000;
    UserCollection lines({.mode = Mode::LineStrips,
                          .vertex = DType::parse("[('position', '<f4', (3,))]"),
                          .shared = {{"color", {1, 1, 1, 1}}},
                          .vertex_shader = pixel_vertex});
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> xyz(n * p * 3);
    for (float& v : xyz) v = uniform(rng);
    lines.append(Array::from(xyz, {n * p, 3}), p);
    render([&] { lines.draw(); });
    const auto& buffer = lines.vertices().buffer();
    const std::vector<std::byte> before(buffer.base_data(), buffer.base_data() + n * p * 16);

    Array positions = lines["position"].reshape({n, p, 3});
    positions.view({all, slice(0, -10), 1}).assign(positions.view({all, slice(10), 1}));
    positions.view({all, slice(-10), 1}).fill(0.5f);

    std::size_t other_bytes_changed = 0, wrong_y = 0;
    for (std::size_t v = 0; v < n * p; ++v) {
        const std::size_t item = v / p, k = v % p;
        const float want = k + 10 < p ? xyz[3 * (item * p + k + 10) + 1] : 0.5f;
        float y = 0;
        std::memcpy(&y, buffer.base_data() + 16 * v + 4, 4);
        wrong_y += y != want;
        for (std::size_t b : {0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15}) other_bytes_changed += buffer.base_data()[16 * v + b] != before[16 * v + b];
    }
    EXPECT_EQ(wrong_y, 0u);
    EXPECT_EQ(other_bytes_changed, 0u) << "x, z and collection_index untouched";

    ctx.upload_log().clear();
    ctx.reset_frame_stats();
    render([&] { lines.draw(); });
    const auto& up = ctx.frame_stats().uploads;
    EXPECT_EQ(up.calls, 1u);
    EXPECT_EQ(up.bytes_sent, n * p * 16 - 12) << "from the first y (byte 4) to the end of the last (16 n p - 8)";
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].offset, 4u);
    EXPECT_EQ(texture_bytes(ctx.upload_log()), 0u);
}

TEST_F(UserCollections, UniformsByName) {
    UserCollection lines({.mode = Mode::Lines, .vertex = xy, .shared = {{"color", {1, 1, 1, 1}}}, .vertex_shader = R"(
uniform float shift;   // pixels, added to x
uniform float unused;  // the compiler drops it: accepted, ignored
out vec4 v_color;
void main() {
    fetch_uniforms();
    v_color = color;
    gl_Position = to_clip(to_pixels(position) + vec2(shift, 0.0), 0.0);
})"});
    lines.append(points({4.5f, 4.5f, 4.5f, 60.5f}));
    lines.uniform("shift") = 20.0f;
    lines.uniform("unused") = 1.0f;
    const Image img = render([&] { lines.draw(); });
    EXPECT_EQ(img.at(24, 30)[0], 255);
    EXPECT_EQ(img.at(4, 30)[0], 0);
    EXPECT_EQ(message_of<KeyError>([&] { lines.uniform("shfit"); }),
              "UserCollection::uniform: no uniform 'shfit' in the shaders (their uniforms: shift)");
    // A change of chain relinks the GL program: the shift set before is set again (it was
    // dropped, the line drawn at x = 4.5 again).
    lines.set_transform(transforms::Position()(transforms::LinearScale()));
    lines.reset_transform();
    const Image relinked = render([&] { lines.draw(); });
    EXPECT_EQ(relinked.at(24, 30)[0], 255);
    EXPECT_EQ(relinked.at(4, 30)[0], 0);
}

TEST_F(UserCollections, BadSpecsAreTypedErrorsNamingTheValues) {
    EXPECT_EQ(message_of<TypeError>([] { UserCollection c({.vertex = DType::parse("<f4")}); }),
              "UserCollection: vertex dtype float32 is not a record of named fields (e.g. [('position', '<f4', (3,))])");
    EXPECT_EQ(message_of<TypeError>([] { UserCollection c({.vertex = DType::parse("[('position', '<f4', (2,)), ('c', '|u1')]")}); }),
              "UserCollection: vertex field 'c' of dtype uint8 has no GLSL input type (float32, int32 or uint32, 1 to 4 "
              "components)");
    EXPECT_EQ(message_of<ValueError>([] { UserCollection c({.vertex = DType::parse("[('collection_index', '<u4')]")}); }),
              "UserCollection: vertex field 'collection_index' is reserved (the item number the collection writes)");
    EXPECT_EQ(message_of<ValueError>([] { UserCollection c({.vertex = xy, .shared = {{"position", {1}}}}); }),
              "UserCollection: field 'position' is named twice");
    EXPECT_EQ(message_of<ValueError>([] { UserCollection c({.vertex = xy, .shared = {{"color", {0, 0, 0, 0, 1}}}}); }),
              "UserCollection: shared field 'color' has 5 default values (1 to 4 float32 components)");
    EXPECT_EQ(message_of<KeyError>([] { UserCollection c({.vertex = DType::parse("[('p', '<f4', (2,))]"), .shared = {{"color", {1, 1, 1, 1}}}}); }),
              "UserCollection: the raw shaders need a vertex field 'position' of 2 or 3 float32; the vertex dtype is [('p', "
              "'<f4', (2,))]");
    EXPECT_EQ(message_of<KeyError>([] { UserCollection c({.vertex = xy}); }),
              "UserCollection: the raw shaders need a vertex or shared field 'color' of 4 float32");
    // A compile error quotes the user's line, numbered in the full source.
    const std::string shader_error = message_of<ShaderError>(
        [] { UserCollection c({.vertex = xy, .shared = {{"color", {1, 1, 1, 1}}}, .vertex_shader = "void main() { nonsense; }"}); });
    EXPECT_NE(shader_error.find("void main() { nonsense; }"), std::string::npos) << shader_error;
}

TEST_F(UserCollections, BadVerticesAndNamesChangeNothing) {
    const DType vertex = DType::parse("[('position', '<f4', (2,)), ('id', '<f4')]");
    UserCollection lines({.mode = Mode::LineStrips, .vertex = vertex, .shared = {{"color", {1, 1, 1, 1}}, {"amplitude", {1}}},
                          .vertex_shader = pixel_vertex});
    lines.append(Array::zeros({4}, vertex), 2);
    render([&] { lines.draw(); });
    ctx.upload_log().clear();
    EXPECT_EQ(message_of<ValueError>([&] { lines.append(Array::zeros({10}, vertex), 3); }),
              "UserCollection::append: 10 vertices do not split into items of 3");
    EXPECT_EQ(message_of<ValueError>([&] { lines.append(Array::zeros({10}, vertex), std::vector<std::size_t>{4, 4}); }),
              "UserCollection::append: the item sizes add up to 8 vertices but there are 10");
    EXPECT_EQ(message_of<KeyError>([&] { lines.append(Array::zeros({2}, DType::parse("[('position', '<f4', (2,))]"))); }),
              "UserCollection::append: the vertices have no field 'id' (the vertex dtype is [('position', '<f4', (2,)), "
              "('id', '<f4')])");
    EXPECT_EQ(message_of<KeyError>([&] {
                  lines.append(Array::zeros({2}, DType::parse("[('position', '<f4', (2,)), ('id', '<f4'), ('idd', '<f4')]")));
              }),
              "UserCollection::append: the vertices' field 'idd' is not in the vertex dtype [('position', '<f4', (2,)), ('id', "
              "'<f4')]");
    EXPECT_EQ(message_of<ShapeError>([&] { lines.append(Array::zeros({2}, DType::parse("[('position', '<f4', (3,)), ('id', '<f4')]"))); }),
              "UserCollection::append: the vertices' field 'position' has shape (2, 3) where (2, 2) is needed");
    EXPECT_EQ(message_of<ShapeError>([&] { lines.append(Array::zeros<float>({5, 3})); }),
              "UserCollection::append: plain vertices for the first field 'position' has shape (5, 3) where (5, 2) is needed");
    EXPECT_EQ(message_of<KeyError>([&] { lines.append(Array::zeros<float>({2, 2}), 0, {{"colour", {1, 0, 0, 1}}}); }),
              "UserCollection::append: no shared field 'colour' (shared fields: color, amplitude)");
    EXPECT_EQ(message_of<ValueError>([&] { lines.append(Array::zeros<float>({2, 2}), 0, {{"color", {1, 0, 0}}}); }),
              "UserCollection::append: shared field 'color' takes 4 values, not 3");
    EXPECT_EQ(message_of<KeyError>([&] { (void)lines["amplitdue"]; }),
              "UserCollection::operator[]: no field 'amplitdue' (vertex fields: position, id; shared fields: color, amplitude)");
    EXPECT_EQ(message_of<IndexError>([&] { lines.set(2, Array::zeros({2}, vertex)); }),
              "UserCollection::set: item 2 is out of range for a collection of 2 items");
    EXPECT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines.vertices().count(), 4u);
    render([&] { lines.draw(); });
    EXPECT_TRUE(ctx.upload_log().calls().empty()) << "nothing was written";
    // Records of another layout (float64, reordered, 24-byte items with a gap) convert
    // field by field, as NumPy's astype does.
    const DType other = DType::record_at({{"id", DType::of<double>(), 0}, {"position", DType::parse("('<f8', (2,))"), 8}}, 32);
    Array wide = Array::zeros({2}, other);
    wide["position"].assign(Array::from<double>({5, 6, 7, 8}, {2, 2}));
    wide["id"].assign(Array::from<double>({1, 2}));
    lines.append(wide);
    EXPECT_EQ(lines["position"].view({slice(4, 6)}).to_vector<float>(), (std::vector<float>{5, 6, 7, 8}));
    EXPECT_EQ(lines["id"].view({slice(4, 6)}).to_vector<float>(), (std::vector<float>{1, 2}));
    // A plain array fills the first field; the others are 0.
    lines.append(Array::from<float>({1, 2, 3, 4}, {2, 2}));
    EXPECT_EQ(lines["position"].view({slice(6)}).to_vector<float>(), (std::vector<float>{1, 2, 3, 4}));
    EXPECT_EQ(lines["id"].view({slice(6)}).to_vector<float>(), (std::vector<float>{0, 0}));
    UserCollection plain({.mode = Mode::Lines, .vertex = xy, .shared = {{"order", {0}}}, .vertex_shader = R"(
void main() {
    fetch_uniforms();
    gl_Position = to_clip(to_pixels(position), order);
})",
                          .fragment_shader = "out vec4 c; void main() { c = vec4(1.0); }"});
    plain.append(points({0, 0, 1, 1}));
    EXPECT_EQ(message_of<KeyError>([&] { (void)plain.color(0); }), "Collection::color: this collection has no shared field 'color'");
    plain.set_order(0, 3);
    EXPECT_EQ(plain["order"].to_vector<float>(), std::vector<float>{3});
}

// The gloo call LineStrips draws with (tested here, beside its one user).
TEST_F(UserCollections, ProgramMultiDrawChecksItsRuns) {
    gloo::Program program("#version 330 core\nin vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); }",
                          "#version 330 core\nout vec4 c; void main() { c = vec4(1.0); }");
    program["p"] = Array::zeros<float>({5, 2});
    const std::vector<int> firsts = {0, 3}, counts = {3, 2}, too_far = {3, 3}, one = {5};
    auto on = target.activated();
    ctx.reset_frame_stats();
    program.multi_draw(gloo::Primitive::LineStrip, firsts, counts);
    EXPECT_EQ(ctx.frame_stats().draw_calls, 1u);
    EXPECT_EQ(message_of<ValueError>([&] { program.multi_draw(gloo::Primitive::LineStrip, firsts, one); }),
              "Program::multi_draw: 2 firsts but 1 counts");
    EXPECT_EQ(message_of<IndexError>([&] { program.multi_draw(gloo::Primitive::LineStrip, firsts, too_far); }),
              "Program::multi_draw: run 1 is vertices [3, 6) but the attribute arrays hold 5");
    EXPECT_EQ(message_of<ValueError>([&] { program.multi_draw(gloo::Primitive::LineStrip, std::vector<int>{-1}, one); }),
              "Program::multi_draw: run 0 has first -1 and count 5 (both must be >= 0)");
    EXPECT_EQ(ctx.frame_stats().draw_calls, 1u) << "a refused draw draws nothing";
}
