// FrameBuffers on real GL (llvmpipe): textured quads drawn and read back as pixels, integer
// and float targets, several attachments, depth and stencil, and every refusal's message.
#include "../TestUtil.hpp"
#include "GLTest.hpp"

#include <random>

using namespace glumpp;
using glumpp::test::GLTest;
using glumpp::test::message_of;

namespace {

const DType u1 = DType::of<std::uint8_t>();

const char* quad_vs = R"(#version 330 core
in vec2 a_position;
out vec2 v_texcoord;
void main() {
    v_texcoord = (a_position + 1.0) / 2.0;
    gl_Position = vec4(a_position, 0.0, 1.0);
})";

const char* textured_fs = R"(#version 330 core
uniform sampler2D u_texture;
in vec2 v_texcoord;
out vec4 color;
void main() { color = texture(u_texture, v_texcoord); })";

/// A quad over the whole viewport (or over y in [y0, y1] of NDC).
gloo::Program quad(const char* fs, float y0 = -1, float y1 = 1) {
    gloo::Program p(quad_vs, fs, 4);
    p["a_position"] = Array::from<float>({-1, y0, 1, y0, -1, y1, 1, y1}, {4, 2});
    return p;
}

/// Pixel (row, col) of a (h, w, 4) read_pixels result as four ints.
std::array<long long, 4> px(const Array& image, std::size_t row, std::size_t col) {
    std::array<long long, 4> out{};
    for (std::size_t c = 0; c < 4; ++c) out[c] = image.value<long long>({row, col, c});
    return out;
}

} // namespace

class FrameBuffer : public GLTest {};

TEST_F(FrameBuffer, DrawsATexturedQuadRowZeroOnTop) {
    // Texture row 0 is t = 0, the bottom of the quad; read_pixels puts the top first.
    auto T = gloo::Texture2D::zeros({2, 2, 4}, u1);
    T.view({0, 0}).assign({255, 0, 0, 255});   // bottom left: red
    T.view({0, 1}).assign({0, 255, 0, 255});   // bottom right: green
    T.view({1, 0}).assign({0, 0, 255, 255});   // top left: blue
    T.view({1, 1}).assign({255, 255, 0, 255}); // top right: yellow
    gloo::FrameBuffer fb({gloo::RenderBuffer(8, 6)});
    auto p = quad(textured_fs);
    p["u_texture"] = T;
    {
        auto on = fb.activated();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        p.draw(gloo::Primitive::TriangleStrip);
    }
    const Array image = fb.read_pixels();
    ASSERT_EQ(image.shape(), (std::vector<std::size_t>{6, 8, 4}));
    EXPECT_EQ(image.dtype(), u1);
    EXPECT_EQ(px(image, 0, 0), (std::array<long long, 4>{0, 0, 255, 255}));
    EXPECT_EQ(px(image, 0, 7), (std::array<long long, 4>{255, 255, 0, 255}));
    EXPECT_EQ(px(image, 5, 0), (std::array<long long, 4>{255, 0, 0, 255}));
    EXPECT_EQ(px(image, 5, 7), (std::array<long long, 4>{0, 255, 0, 255}));
    // A CPU write to the texture reaches the next draw (only that texel is sent).
    ctx.upload_log().clear();
    T.view({1, 1}).assign({255, 255, 255, 255});
    {
        auto on = fb.activated();
        p.draw(gloo::Primitive::TriangleStrip);
    }
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].width * ctx.upload_log().calls()[0].height, 1u);
    EXPECT_EQ(px(fb.read_pixels(), 0, 7), (std::array<long long, 4>{255, 255, 255, 255}));
}

TEST_F(FrameBuffer, ReadPixelsRowZeroIsTheTopOfTheImage) {
    gloo::FrameBuffer fb({gloo::RenderBuffer(4, 4)});
    auto top = quad(R"(#version 330 core
out vec4 color;
void main() { color = vec4(1.0, 0.0, 0.0, 1.0); })",
                    0, 1); // upper half of NDC
    fb.activate();
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    top.draw(gloo::Primitive::TriangleStrip);
    fb.deactivate();
    const Array image = fb.read_pixels();
    for (std::size_t x = 0; x < 4; ++x) {
        EXPECT_EQ(px(image, 0, x), (std::array<long long, 4>{255, 0, 0, 255}));
        EXPECT_EQ(px(image, 1, x), (std::array<long long, 4>{255, 0, 0, 255}));
        EXPECT_EQ(px(image, 2, x), (std::array<long long, 4>{0, 0, 0, 255}));
        EXPECT_EQ(px(image, 3, x), (std::array<long long, 4>{0, 0, 0, 255}));
    }
}

TEST_F(FrameBuffer, IntegerTexturesThroughUsamplerIntoAnIntegerTarget) {
    auto values = gloo::Texture2D::zeros({4, 4}, DType::of<std::uint32_t>());
    for (std::size_t y = 0; y < 4; ++y)
        for (std::size_t x = 0; x < 4; ++x) values.view({y, x}).fill(1000000 * y + x);
    auto bytes = gloo::Texture2D::zeros({4, 4}, u1, gloo::TextureFormat::Integer); // GL_R8UI
    bytes.view({2, 3}).fill(250);
    auto target = gloo::Texture2D::zeros({4, 4, 4}, DType::of<std::uint32_t>()); // GL_RGBA32UI
    gloo::FrameBuffer fb({target});
    auto p = quad(R"(#version 330 core
uniform usampler2D u_values;
uniform usampler2D u_bytes;
out uvec4 color;
void main() {
    ivec2 at = ivec2(gl_FragCoord.xy);
    color = uvec4(texelFetch(u_values, at, 0).r, texelFetch(u_bytes, at, 0).r, 7u, 9u);
})");
    p["u_values"] = values;
    p["u_bytes"] = bytes;
    {
        auto on = fb.activated();
        p.draw(gloo::Primitive::TriangleStrip);
    }
    const Array image = fb.read_pixels();
    EXPECT_EQ(image.dtype(), DType::of<std::uint32_t>());
    // GL row y is image row 3 - y.
    EXPECT_EQ(px(image, 3, 0), (std::array<long long, 4>{0, 0, 7, 9}));
    EXPECT_EQ(px(image, 0, 2), (std::array<long long, 4>{3000002, 0, 7, 9}));
    EXPECT_EQ(px(image, 1, 3), (std::array<long long, 4>{2000003, 250, 7, 9}));
    // The target texture's GPU copy holds the drawing, its CPU array does not (documented).
    const Array gpu = target.read_back();
    EXPECT_EQ(gpu.dtype(), DType::of<std::uint32_t>());
    EXPECT_EQ(gpu.view({2, 3}).to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{2000003, 250, 7, 9}));
    EXPECT_EQ(target.value<std::uint32_t>({2, 3, 0}), 0u);
    // A sampler of the wrong kind is refused when the texture is assigned.
    auto floats = quad(textured_fs);
    EXPECT_EQ(message_of<TypeError>([&] { floats["u_texture"] = values; }),
              "Program: uniform 'u_texture' is a sampler2D and needs a float or normalized texture of the matching "
              "dimension");
}

TEST_F(FrameBuffer, FloatsAreNotClampedOnTheWayThrough) {
    auto T = gloo::Texture2D::zeros({1, 1, 4}, DType::of<float>());
    T.assign(Array::from<float>({5.0f, -2.0f, 0.5f, 100.0f}, {1, 1, 4}));
    gloo::FrameBuffer fb({gloo::RenderBuffer(2, 2, gloo::RenderBufferFormat::RGBA32F)});
    auto p = quad(textured_fs);
    p["u_texture"] = T;
    {
        auto on = fb.activated();
        p.draw(gloo::Primitive::TriangleStrip);
    }
    const Array image = fb.read_pixels();
    EXPECT_EQ(image.dtype(), DType::of<float>());
    EXPECT_EQ(image.view({1, 1}).to_vector<float>(), (std::vector<float>{5.0f, -2.0f, 0.5f, 100.0f}));
}

TEST_F(FrameBuffer, InterpolationChangesSamplingNotContents) {
    auto T = gloo::Texture2D::zeros({1, 2}, u1); // one row: 0, 255
    T.view({0, 1}).fill(255);
    gloo::FrameBuffer fb({gloo::RenderBuffer(8, 1)});
    auto p = quad(textured_fs);
    p["u_texture"] = T;
    auto red_row = [&] {
        {
            auto on = fb.activated();
            p.draw(gloo::Primitive::TriangleStrip);
        }
        std::vector<long long> out;
        const Array image = fb.read_pixels();
        for (std::size_t x = 0; x < 8; ++x) out.push_back(image.value<long long>({0, x, 0}));
        return out;
    };
    EXPECT_EQ(red_row(), (std::vector<long long>{0, 0, 0, 0, 255, 255, 255, 255}));
    const std::vector<std::uint8_t> before = T.read_back().to_vector<std::uint8_t>();
    T.set_interpolation(gloo::Interpolation::Linear);
    const auto linear = red_row();
    EXPECT_EQ(linear.front(), 0);
    EXPECT_EQ(linear.back(), 255);
    EXPECT_GT(linear[4], 0); // blended in the middle
    EXPECT_LT(linear[3], 255);
    EXPECT_TRUE(std::is_sorted(linear.begin(), linear.end()));
    EXPECT_EQ(T.read_back().to_vector<std::uint8_t>(), before);
}

TEST_F(FrameBuffer, SeveralColorAttachmentsDepthAndStencil) {
    auto a = gloo::Texture2D::zeros({4, 4, 4}, u1);
    auto b = gloo::Texture2D::zeros({4, 4, 4}, DType::of<float>());
    auto depth = gloo::DepthTexture::zeros({4, 4});
    gloo::FrameBuffer fb({a, b}, depth);
    auto two = quad(R"(#version 330 core
layout(location = 0) out vec4 first;
layout(location = 1) out vec4 second;
void main() { first = vec4(0.0, 1.0, 0.0, 1.0); second = vec4(0.25, 2.0, -1.0, 3.0); })",
                    -1, 0); // lower half
    {
        auto on = fb.activated();
        glClearColor(0, 0, 0, 0);
        glClearDepth(1.0);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        glEnable(GL_DEPTH_TEST);
        two.draw(gloo::Primitive::TriangleStrip);
        glDisable(GL_DEPTH_TEST);
    }
    EXPECT_EQ(px(fb.read_pixels(0), 3, 0), (std::array<long long, 4>{0, 255, 0, 255}));
    EXPECT_EQ(px(fb.read_pixels(0), 0, 0), (std::array<long long, 4>{0, 0, 0, 0}));
    const Array second = fb.read_pixels(1);
    EXPECT_EQ(second.view({3, 2}).to_vector<float>(), (std::vector<float>{0.25f, 2.0f, -1.0f, 3.0f}));
    const Array z = fb.read_depth();
    EXPECT_EQ(z.shape(), (std::vector<std::size_t>{4, 4}));
    EXPECT_EQ(z.value<float>({3, 1}), 0.5f); // z = 0 in NDC
    EXPECT_EQ(z.value<float>({0, 1}), 1.0f); // cleared
    // The depth texture's GPU copy is the depth buffer: its row 0 is the bottom.
    const Array gpu = depth.read_back();
    EXPECT_EQ(gpu.shape(), (std::vector<std::size_t>{4, 4, 1}));
    EXPECT_EQ(gpu.value<float>({0, 0, 0}), 0.5f);

    // Stencil: mark the left half, then draw everywhere the mark is.
    gloo::FrameBuffer masked({gloo::RenderBuffer(4, 2)}, gloo::RenderBuffer::depth_stencil(4, 2));
    gloo::Program left(quad_vs, R"(#version 330 core
out vec4 color;
void main() { color = vec4(1.0); })",
                       4);
    left["a_position"] = Array::from<float>({-1, -1, 0, -1, -1, 1, 0, 1}, {4, 2});
    auto everywhere = quad(R"(#version 330 core
out vec4 color;
void main() { color = vec4(0.0, 0.0, 1.0, 1.0); })");
    {
        auto on = masked.activated();
        glClearColor(0, 0, 0, 1);
        glClearStencil(0);
        glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
        glEnable(GL_STENCIL_TEST);
        glStencilFunc(GL_ALWAYS, 1, 0xff);
        glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        left.draw(gloo::Primitive::TriangleStrip);
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glStencilFunc(GL_EQUAL, 1, 0xff);
        everywhere.draw(gloo::Primitive::TriangleStrip);
        glDisable(GL_STENCIL_TEST);
    }
    const Array image = masked.read_pixels();
    EXPECT_EQ(px(image, 1, 0), (std::array<long long, 4>{0, 0, 255, 255}));
    EXPECT_EQ(px(image, 1, 3), (std::array<long long, 4>{0, 0, 0, 255}));
}

TEST_F(FrameBuffer, DepthTexturesSampledAsFloatsOrCompared) {
    auto D = gloo::DepthTexture::zeros({1, 2});
    D.view({0, 0}).fill(0.25);
    D.view({0, 1}).fill(0.75);
    gloo::FrameBuffer fb({gloo::RenderBuffer(2, 1, gloo::RenderBufferFormat::RGBA32F)});
    auto draw = [&](gloo::Program& p) {
        {
            auto on = fb.activated();
            p.draw(gloo::Primitive::TriangleStrip);
        }
        const Array image = fb.read_pixels();
        return std::vector<float>{image.value<float>({0, 0, 0}), image.value<float>({0, 1, 0})};
    };
    auto plain = quad(textured_fs); // sampler2D: the depth value itself
    plain["u_texture"] = D;
    EXPECT_EQ(draw(plain), (std::vector<float>{0.25f, 0.75f}));
    auto shadow = quad(R"(#version 330 core
uniform sampler2DShadow u_shadow;
in vec2 v_texcoord;
out vec4 color;
void main() { color = vec4(texture(u_shadow, vec3(v_texcoord, 0.5))); })");
    EXPECT_EQ(message_of<TypeError>([&] { shadow["u_shadow"] = D; }),
              "Program: uniform 'u_shadow' is a sampler2DShadow and needs a depth texture of the matching dimension");
    D.set_compare(gloo::DepthCompare::LessEqual); // 1 where the reference 0.5 <= the stored depth
    shadow["u_shadow"] = D;
    EXPECT_EQ(draw(shadow), (std::vector<float>{0.0f, 1.0f}));
    D.set_compare(gloo::DepthCompare::Greater);
    EXPECT_EQ(draw(shadow), (std::vector<float>{1.0f, 0.0f}));
}

TEST_F(FrameBuffer, ActivationsNestAndRestoreBindingAndViewport) {
    gloo::FrameBuffer outer({gloo::RenderBuffer(16, 8)});
    gloo::FrameBuffer inner({gloo::RenderBuffer(4, 2)});
    glViewport(1, 2, 3, 4);
    auto binding = [] {
        GLint v = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &v);
        return static_cast<unsigned>(v);
    };
    auto viewport = [] {
        std::array<GLint, 4> v{};
        glGetIntegerv(GL_VIEWPORT, v.data());
        return v;
    };
    EXPECT_EQ(outer.handle(), 0u); // lazy
    {
        auto a = outer.activated();
        EXPECT_NE(outer.handle(), 0u);
        EXPECT_EQ(binding(), outer.handle());
        EXPECT_EQ(viewport(), (std::array<GLint, 4>{0, 0, 16, 8}));
        {
            auto b = inner.activated();
            EXPECT_EQ(binding(), inner.handle());
            EXPECT_EQ(viewport(), (std::array<GLint, 4>{0, 0, 4, 2}));
        }
        EXPECT_EQ(binding(), outer.handle());
        EXPECT_EQ(viewport(), (std::array<GLint, 4>{0, 0, 16, 8}));
    }
    EXPECT_EQ(binding(), 0u);
    EXPECT_EQ(viewport(), (std::array<GLint, 4>{1, 2, 3, 4}));
    EXPECT_EQ(outer.width(), 16u);
    EXPECT_EQ(outer.height(), 8u);
}

TEST_F(FrameBuffer, EveryRefusalSaysWhatAndWhere) {
    auto color = gloo::Texture2D::zeros({8, 8, 4}, u1);
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::FrameBuffer({color, gloo::RenderBuffer(8, 4)}); }),
              "FrameBuffer::FrameBuffer: color attachment 1 is 8x4 but color attachment 0 is 8x8; all attachments must "
              "have the same size");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::FrameBuffer({color}, gloo::DepthTexture::zeros({8, 9})); }),
              "FrameBuffer::FrameBuffer: the depth attachment is 9x8 but color attachment 0 is 8x8; all attachments "
              "must have the same size");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({gloo::DepthTexture::zeros({8, 8})}); }),
              "FrameBuffer::FrameBuffer: color attachment 0 is a DepthTexture (GL_DEPTH_COMPONENT32F); attach it as the "
              "depth attachment");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({}, color); }),
              "FrameBuffer::FrameBuffer: the depth attachment is a Texture2D (GL_RGBA8); it takes a DepthTexture or a "
              "depth RenderBuffer");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({gloo::RenderBuffer::depth(8, 8)}); }),
              "FrameBuffer::FrameBuffer: color attachment 0 is a GL_DEPTH_COMPONENT24 RenderBuffer; it takes a Texture2D "
              "or a color RenderBuffer");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({color}, gloo::RenderBuffer::stencil(8, 8)); }),
              "FrameBuffer::FrameBuffer: the depth attachment is a GL_STENCIL_INDEX8 RenderBuffer; it takes a "
              "DepthTexture or a depth RenderBuffer");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({color}, {}, gloo::RenderBuffer(8, 8)); }),
              "FrameBuffer::FrameBuffer: the stencil attachment is a GL_RGBA8 RenderBuffer; it takes a stencil or "
              "depth-stencil RenderBuffer");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::FrameBuffer({}, {}, color); }),
              "FrameBuffer::FrameBuffer: the stencil attachment is a Texture2D; it takes a stencil or depth-stencil "
              "RenderBuffer");
    EXPECT_EQ(message_of<ValueError>([&] { gloo::FrameBuffer({gloo::Texture2D()}); }),
              "FrameBuffer::FrameBuffer: color attachment 0 is a null handle");
    EXPECT_EQ(message_of<ValueError>([&] { gloo::RenderBuffer(0, 4); }),
              "RenderBuffer::RenderBuffer: a 0x4 render buffer is empty");

    gloo::FrameBuffer empty({});
    EXPECT_EQ(message_of<GLError>([&] { empty.activate(); }),
              "FrameBuffer::activate: GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT: the framebuffer has no attachment; "
              "give it at least one color, depth or stencil attachment [no attachments]");
    EXPECT_EQ(empty.handle(), 0u); // nothing kept: the next activation checks again
    if (ctx.renderer().find("llvmpipe") != std::string::npos) { // Mesa wants depth and stencil in one buffer
        gloo::FrameBuffer split({gloo::RenderBuffer(4, 4)}, gloo::RenderBuffer::depth(4, 4), gloo::RenderBuffer::stencil(4, 4));
        EXPECT_EQ(message_of<GLError>([&] { split.activate(); }),
                  "FrameBuffer::activate: GL_FRAMEBUFFER_UNSUPPORTED: this GL cannot render to this combination of "
                  "attachment formats [color attachment 0: RenderBuffer GL_RGBA8 4x4; the depth attachment: RenderBuffer "
                  "GL_DEPTH_COMPONENT24 4x4; the stencil attachment: RenderBuffer GL_STENCIL_INDEX8 4x4]");
    }
    EXPECT_EQ(message_of<ValueError>([&] { empty.deactivate(); }), "FrameBuffer::deactivate: the framebuffer is not active");

    gloo::FrameBuffer fb({color});
    EXPECT_EQ(message_of<IndexError>([&] { fb.read_pixels(1); }),
              "FrameBuffer::read_pixels: color attachment 1 does not exist (this framebuffer has 1)");
    EXPECT_EQ(message_of<ValueError>([&] { fb.read_depth(); }), "FrameBuffer::read_depth: this framebuffer has no depth attachment");

    GLint limit = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &limit);
    gloo::FrameBuffer huge({gloo::RenderBuffer(std::size_t(limit) + 1, 1)});
    EXPECT_EQ(message_of<ValueError>([&] { huge.activate(); }),
              "FrameBuffer::activate: a " + std::to_string(limit + 1) + "x1 RenderBuffer is larger than "
              "GL_MAX_RENDERBUFFER_SIZE (" + std::to_string(limit) + ") of " + ctx.renderer());

    fb.activate();
    fb.deactivate();
    gloo::ContextOptions options;
    options.costs = glumpp::test::fixed_costs();
    auto other = gloo::Context::headless(options);
    EXPECT_EQ(message_of<ContextError>([&] { fb.activate(); }),
              "FrameBuffer::activate: this FrameBuffer belongs to another GL context; framebuffers cannot be shared "
              "between contexts: make one per context");
    ctx.make_current();
}

namespace {

// Writes each pixel's own coordinates (GL's, centres at +0.5) as unclamped floats.
const char* coordinates_fs = R"(#version 330 core
out vec4 color;
void main() { color = vec4(gl_FragCoord.x, gl_FragCoord.y, -gl_FragCoord.x * gl_FragCoord.y, 7.0); })";

// Samples u_texture texel by texel and doubles it.
const char* doubled_fs = R"(#version 330 core
uniform sampler2D u_texture;
out vec4 color;
void main() { color = 2.0 * texelFetch(u_texture, ivec2(gl_FragCoord.xy), 0); })";

/// What coordinates_fs draws at texel (row y, column x): hand-computed.
std::vector<float> coordinates_at(std::size_t y, std::size_t x) {
    const float fx = float(x) + 0.5f, fy = float(y) + 0.5f;
    return {fx, fy, -fx * fy, 7.0f};
}

} // namespace

TEST_F(FrameBuffer, GpuOnlyTargetsAreDrawnAndSampledWithoutUploads) {
    auto target = gloo::Texture2D::gpu_only({6, 10, 4}, DType::of<float>()); // h, w, c
    auto depth = gloo::DepthTexture::gpu_only({6, 10});
    gloo::FrameBuffer fb({target}, depth);
    auto draw = quad(coordinates_fs);
    {
        auto on = fb.activated();
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        draw.draw(gloo::Primitive::TriangleStrip);
    }
    // Sampled in a second pass into a float render buffer.
    gloo::FrameBuffer out({gloo::RenderBuffer(10, 6, gloo::RenderBufferFormat::RGBA32F)});
    auto sample = quad(doubled_fs);
    sample["u_texture"] = target;
    {
        auto on = out.activated();
        sample.draw(gloo::Primitive::TriangleStrip);
    }
    const Array gpu = target.read_back();
    ASSERT_EQ(gpu.shape(), (std::vector<std::size_t>{6, 10, 4}));
    const Array image = out.read_pixels(); // row 0 = top = GL row 5
    for (std::size_t y = 0; y < 6; ++y) {
        for (std::size_t x = 0; x < 10; ++x) {
            const std::vector<float> want = coordinates_at(y, x);
            ASSERT_EQ(gpu.view({y, x}).to_vector<float>(), want) << y << ", " << x;
            std::vector<float> doubled = want;
            for (float& v : doubled) v *= 2;
            ASSERT_EQ(image.view({5 - y, x}).to_vector<float>(), doubled) << y << ", " << x;
        }
    }
    // The texture and the depth texture were allocated (two TexImage entries of 0 bytes);
    // no texel byte went to either. (The quads' vertices are buffers.)
    std::size_t texture_calls = 0;
    for (const gloo::UploadCall& c : ctx.upload_log().calls()) {
        if (c.object == target.handle() || c.object == depth.handle()) {
            if (c.kind == gloo::UploadCall::Kind::BufferData) continue; // a buffer with the same name
            ++texture_calls;
            EXPECT_EQ(c.kind, gloo::UploadCall::Kind::TexImage);
            EXPECT_EQ(c.size, 0u);
        }
    }
    EXPECT_EQ(texture_calls, 2u);
    EXPECT_EQ(target.upload_stats().bytes_sent + depth.upload_stats().bytes_sent, 0u);
}

TEST_F(FrameBuffer, ResizeReallocatesTheAttachmentsAndKeepsThemAttached) {
    auto target = gloo::Texture2D::gpu_only({4, 4, 4}, DType::of<float>());
    auto depth = gloo::RenderBuffer::depth(4, 4);
    gloo::FrameBuffer fb({target}, depth);
    auto draw = quad(coordinates_fs);
    {
        auto on = fb.activated();
        draw.draw(gloo::Primitive::TriangleStrip);
    }
    const unsigned fbo = fb.handle(), texture = target.handle();
    ctx.upload_log().clear();
    fb.resize(12, 5);
    // Re-specified now, empty, under the same names.
    EXPECT_EQ(ctx.upload_log().calls(),
              (std::vector<gloo::UploadCall>{{gloo::UploadCall::Kind::TexImage, GL_TEXTURE_2D, texture, 0, 0, 0, 0, 0, 12, 5, 1}}));
    EXPECT_EQ(fb.width(), 12u);
    EXPECT_EQ(fb.height(), 5u);
    EXPECT_EQ(target.width(), 12u);
    EXPECT_EQ(target.height(), 5u);
    EXPECT_EQ(depth.width(), 12u);
    GLint viewport[4] = {};
    {
        auto on = fb.activated();
        glGetIntegerv(GL_VIEWPORT, viewport);
        glClear(GL_DEPTH_BUFFER_BIT);
        draw.draw(gloo::Primitive::TriangleStrip);
    }
    EXPECT_EQ(fb.handle(), fbo);
    EXPECT_EQ(target.handle(), texture);
    EXPECT_EQ((std::array<GLint, 4>{viewport[0], viewport[1], viewport[2], viewport[3]}), (std::array<GLint, 4>{0, 0, 12, 5}));
    const Array gpu = target.read_back();
    ASSERT_EQ(gpu.shape(), (std::vector<std::size_t>{5, 12, 4}));
    const Array image = fb.read_pixels();
    ASSERT_EQ(image.shape(), (std::vector<std::size_t>{5, 12, 4}));
    for (std::size_t y = 0; y < 5; ++y) {
        for (std::size_t x = 0; x < 12; ++x) {
            ASSERT_EQ(gpu.view({y, x}).to_vector<float>(), coordinates_at(y, x)) << y << ", " << x;
            ASSERT_EQ(image.view({4 - y, x}).to_vector<float>(), coordinates_at(y, x)) << y << ", " << x;
        }
    }
    // The depth render buffer has the new size too: GL reports it.
    GLint rb_width = 0, rb_height = 0;
    glBindRenderbuffer(GL_RENDERBUFFER, depth.handle());
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_WIDTH, &rb_width);
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_HEIGHT, &rb_height);
    EXPECT_EQ(rb_width, 12);
    EXPECT_EQ(rb_height, 5);
    // Before the first activation a resize only changes the sizes to allocate.
    auto later = gloo::Texture2D::gpu_only({2, 2, 4}, u1);
    gloo::FrameBuffer fresh({later});
    ctx.upload_log().clear();
    fresh.resize(3, 7);
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    EXPECT_EQ(fresh.read_pixels().shape(), (std::vector<std::size_t>{7, 3, 4}));
    EXPECT_EQ(ctx.upload_log().calls(),
              (std::vector<gloo::UploadCall>{{gloo::UploadCall::Kind::TexImage, GL_TEXTURE_2D, later.handle(), 0, 0, 0, 0, 0, 3, 7, 1}}));
}

TEST_F(FrameBuffer, ResizeRefusalsChangeNothing) {
    auto cpu = gloo::Texture2D::zeros({4, 4, 4}, u1);
    auto gpu = gloo::Texture2D::gpu_only({4, 4, 4}, u1);
    gloo::FrameBuffer mixed({gpu, cpu});
    EXPECT_EQ(message_of<TypeError>([&] { mixed.resize(8, 8); }),
              "FrameBuffer::resize: color attachment 1 is a CPU-backed Texture2D (GL_RGBA8 4x4), whose Array cannot "
              "change shape; make it with Texture2D::gpu_only, or make a new FrameBuffer with new textures");
    EXPECT_EQ(gpu.width(), 4u); // the GPU-only one before it was left alone
    EXPECT_EQ(mixed.width(), 4u);
    gloo::FrameBuffer fb({gpu});
    EXPECT_EQ(message_of<ValueError>([&] { fb.resize(0, 3); }), "FrameBuffer::resize: a 0x3 framebuffer is empty");
    fb.activate();
    EXPECT_EQ(message_of<ValueError>([&] { fb.resize(8, 8); }),
              "FrameBuffer::resize: the framebuffer is active (its viewport is the old size); deactivate it first");
    fb.deactivate();
    GLint limit = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &limit);
    GLint rb_limit = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb_limit);
    limit = std::min(limit, rb_limit);
    EXPECT_EQ(message_of<ValueError>([&] { fb.resize(std::size_t(limit) + 1, 2); }),
              "FrameBuffer::resize: " + std::to_string(limit + 1) + "x2 is larger than GL_MAX_TEXTURE_SIZE or "
              "GL_MAX_RENDERBUFFER_SIZE (" + std::to_string(limit) + ") of " + ctx.renderer());
    EXPECT_EQ(fb.width(), 4u);
    EXPECT_EQ(gpu.width(), 4u);
    gloo::ContextOptions options;
    options.costs = glumpp::test::fixed_costs();
    auto other = gloo::Context::headless(options);
    EXPECT_EQ(message_of<ContextError>([&] { fb.resize(8, 8); }),
              "FrameBuffer::resize: this FrameBuffer belongs to another GL context; framebuffers cannot be shared "
              "between contexts: make one per context");
    ctx.make_current();
    EXPECT_EQ(fb.width(), 4u);
    fb.resize(8, 8);
    EXPECT_EQ(fb.read_pixels().shape(), (std::vector<std::size_t>{8, 8, 4}));
}

TEST_F(FrameBuffer, PropertyEveryResizeDrawsAtItsNewSize) {
    // Random sizes, growing and shrinking, of a float color texture and a depth texture,
    // both GPU-only: after each resize a pass covers exactly the new size, and each texel
    // holds its own pixel centre (the hand-computed oracle) and depth 0.5 (z = 0 in NDC).
    std::mt19937 rng(7);
    auto color = gloo::Texture2D::gpu_only({4, 4, 4}, DType::of<float>());
    auto depth = gloo::DepthTexture::gpu_only({4, 4});
    gloo::FrameBuffer fb({color}, depth);
    auto draw = quad(coordinates_fs);
    for (int trial = 0; trial < 25; ++trial) {
        const std::size_t w = 1 + rng() % 48, h = 1 + rng() % 48;
        fb.resize(w, h);
        {
            auto on = fb.activated();
            glClearDepth(1.0);
            glClear(GL_DEPTH_BUFFER_BIT);
            glEnable(GL_DEPTH_TEST);
            draw.draw(gloo::Primitive::TriangleStrip);
            glDisable(GL_DEPTH_TEST);
        }
        const Array gpu = color.read_back();
        ASSERT_EQ(gpu.shape(), (std::vector<std::size_t>{h, w, 4})) << "trial " << trial;
        const Array z = depth.read_back();
        ASSERT_EQ(z.shape(), (std::vector<std::size_t>{h, w, 1})) << "trial " << trial;
        for (std::size_t y = 0; y < h; ++y) {
            for (std::size_t x = 0; x < w; ++x) {
                ASSERT_EQ(gpu.view({y, x}).to_vector<float>(), coordinates_at(y, x)) << "trial " << trial << " " << w << "x" << h;
                ASSERT_EQ(z.value<float>({y, x, 0}), 0.5f) << "trial " << trial;
            }
        }
    }
    EXPECT_EQ(color.upload_stats().bytes_sent + depth.upload_stats().bytes_sent, 0u);
}
