// Textures on real GL (llvmpipe): shapes, formats, exact upload calls, and the GPU's copy
// always equal to the CPU's.
#include "../TestUtil.hpp"
#include "GLTest.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace glumpp;
using glumpp::test::message_of;
using glumpp::test::GLTest;
using Kind = gloo::UploadCall::Kind;

namespace {

std::vector<std::byte> cpu_bytes(const Array& t) {
    return {t.base_data() + t.offset(), t.base_data() + t.offset() + t.nbytes()};
}

/// The GPU's copy as bytes, once read_back() is checked to have the texture's shape and dtype.
std::vector<std::byte> gpu_bytes(const gloo::Texture& t) {
    const Array a = t.read_back();
    if (!a) return {};
    EXPECT_EQ(a.shape(), t.shape());
    EXPECT_EQ(a.dtype(), t.dtype());
    EXPECT_TRUE(a.is_contiguous());
    return cpu_bytes(a);
}

std::vector<gloo::UploadCall> calls(const gloo::Context& ctx) { return ctx.upload_log().calls(); }

/// A TexSubImage entry as the log records it.
gloo::UploadCall sub(unsigned target, unsigned object, std::size_t bytes, std::size_t x, std::size_t y, std::size_t z,
                     std::size_t w, std::size_t h, std::size_t d) {
    return {Kind::TexSubImage, target, object, 0, bytes, x, y, z, w, h, d};
}

template <class T>
T at(const std::vector<std::byte>& bytes, std::size_t index) {
    T v;
    std::memcpy(&v, bytes.data() + index * sizeof(T), sizeof(T));
    return v;
}

GLint parameter(GLenum target, unsigned texture, GLenum name) {
    GLint v = 0;
    glBindTexture(target, texture);
    glGetTexParameteriv(target, name, &v);
    return v;
}

const DType u1 = DType::of<std::uint8_t>();

} // namespace

class Texture : public GLTest {};

TEST_F(Texture, NothingTouchesTheGpuUntilSynced) {
    auto T = gloo::Texture2D::zeros({8, 10, 3}, u1);
    T.view({2, 3}).assign({1, 2, 3});
    EXPECT_EQ(T.handle(), 0u);
    EXPECT_FALSE(T.read_back()); // a null Array: no GPU copy yet
    EXPECT_TRUE(calls(ctx).empty());
    T.sync();
    ASSERT_NE(T.handle(), 0u);
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{
                              {Kind::TexImage, GL_TEXTURE_2D, T.handle(), 0, 240, 0, 0, 0, 10, 8, 1}}));
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
    EXPECT_EQ(T.pending_data(), std::nullopt);
    ctx.upload_log().clear();
    T.sync(); // nothing written: nothing sent
    EXPECT_TRUE(calls(ctx).empty());
}

TEST_F(Texture, ShapesFollowGlumpy) {
    auto plain = Array::zeros({8, 10}, u1);
    auto T = gloo::Texture2D::over(plain); // exactly two axes: one channel added, as a view
    EXPECT_EQ(T.shape(), (std::vector<std::size_t>{8, 10, 1}));
    EXPECT_EQ(T.storage(), plain.storage());
    EXPECT_EQ((std::vector<std::size_t>{T.width(), T.height(), T.depth(), T.channels()}), (std::vector<std::size_t>{10, 8, 1, 1}));
    EXPECT_EQ(T.gl_target(), unsigned(GL_TEXTURE_2D));
    auto one = gloo::Texture1D::zeros({5}, u1);
    EXPECT_EQ(one.shape(), (std::vector<std::size_t>{5, 1}));
    EXPECT_EQ(gloo::Texture1D::zeros({5, 3}, u1).channels(), 3u); // two axes: the last is channels
    auto three = gloo::Texture3D::zeros({2, 3, 4}, u1);
    EXPECT_EQ(three.shape(), (std::vector<std::size_t>{2, 3, 4, 1}));
    EXPECT_EQ((std::vector<std::size_t>{three.width(), three.height(), three.depth()}), (std::vector<std::size_t>{4, 3, 2}));
    auto cube = gloo::TextureCube::zeros({6, 4, 4, 2}, u1);
    EXPECT_EQ((std::vector<std::size_t>{cube.width(), cube.height(), cube.depth(), cube.channels()}),
              (std::vector<std::size_t>{4, 4, 1, 2}));
    EXPECT_EQ(cube.gl_target(), unsigned(GL_TEXTURE_CUBE_MAP));
    EXPECT_EQ(gloo::DepthTexture::zeros({3, 5}).shape(), (std::vector<std::size_t>{3, 5, 1}));
    // Writes through the user's array reach the texture, which shares its storage.
    T.sync();
    plain.view({7, 9}).fill(42);
    T.sync();
    EXPECT_EQ(at<std::uint8_t>(gpu_bytes(T), 79), 42);
}

TEST_F(Texture, FormatsComeFromTheDtype) {
    using F = gloo::TextureFormat;
    struct Row {
        const char* dtype;
        std::size_t channels;
        F format;
        GLenum expected;
    };
    const Row rows[] = {
        {"u1", 4, F::Auto, GL_RGBA8},          {"u1", 1, F::Integer, GL_R8UI},     {"i1", 2, F::Auto, GL_RG8_SNORM},
        {"i1", 3, F::Integer, GL_RGB8I},       {"<u2", 1, F::Normalized, GL_R16},  {"<u2", 4, F::Integer, GL_RGBA16UI},
        {"<i2", 1, F::Auto, GL_R16_SNORM},     {"<i2", 2, F::Integer, GL_RG16I},   {"<u4", 1, F::Auto, GL_R32UI},
        {"<i4", 4, F::Auto, GL_RGBA32I},       {"<f2", 3, F::Auto, GL_RGB16F},     {"<f4", 1, F::Auto, GL_R32F},
        {"<f4", 4, F::Normalized, GL_RGBA32F},
    };
    for (const Row& r : rows) {
        SCOPED_TRACE(r.dtype);
        auto T = gloo::Texture2D::zeros({2, 3, r.channels}, DType::parse(r.dtype), r.format);
        EXPECT_EQ(T.internal_format(), unsigned(r.expected));
        T.view({1, 2, r.channels - 1}).fill(1);
        T.sync(); // GL accepts the format and the data
        EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
        GLint internal = 0;
        glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_INTERNAL_FORMAT, &internal);
        EXPECT_EQ(internal, GLint(r.expected));
    }
    EXPECT_EQ(gloo::DepthTexture::zeros({2, 2}).internal_format(), unsigned(GL_DEPTH_COMPONENT32F));
    EXPECT_EQ(gloo::DepthTexture::zeros({2, 2}, DType::parse("<u2")).internal_format(), unsigned(GL_DEPTH_COMPONENT16));
    EXPECT_EQ(gloo::DepthTexture::zeros({2, 2}, DType::parse("<u4")).internal_format(), unsigned(GL_DEPTH_COMPONENT24));
}

TEST_F(Texture, EveryRefusalSaysWhatAndWhere) {
    const DType f4 = DType::of<float>();
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture2D::zeros({4}, u1); }),
              "Texture2D::zeros: shape (4,) has 1 axis; a Texture2D takes (h, w) or (h, w, c)");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture1D::zeros({4, 4, 4}, u1); }),
              "Texture1D::zeros: shape (4, 4, 4) has 3 axes; a Texture1D takes (w) or (w, c)");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture3D::zeros({4, 4}, u1); }),
              "Texture3D::zeros: shape (4, 4) has 2 axes; a Texture3D takes (d, h, w) or (d, h, w, c)");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture2D::zeros({8, 10, 5}, u1); }),
              "Texture2D::zeros: shape (8, 10, 5) has 5 channels in its last axis; textures take 1 to 4");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture2D::zeros({0, 10, 4}, u1); }),
              "Texture2D::zeros: shape (0, 10, 4) has an empty axis");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::TextureCube::zeros({5, 8, 8, 4}, u1); }),
              "TextureCube::zeros: shape (5, 8, 8, 4) has 5 faces; a TextureCube takes (6, s, s) or (6, s, s, c)");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::TextureCube::zeros({6, 8, 9, 4}, u1); }),
              "TextureCube::zeros: cube faces must be square; shape (6, 8, 9, 4) has 9x8 faces");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::DepthTexture::zeros({4, 4, 2}); }),
              "DepthTexture::zeros: shape (4, 4, 2) has 2 channels; a depth texture has 1");
    const std::string takes = " has no texture format; textures take native uint8, int8, uint16, int16, uint32, int32, "
                              "float16 or float32";
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture2D::zeros({2, 2}, DType::of<double>()); }),
              "Texture2D::zeros: float64" + takes);
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture2D::zeros({2, 2}, DType::parse(">f4")); }),
              "Texture2D::zeros: >f4" + takes);
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture3D::zeros({2, 2, 2}, DType::of<bool>()); }),
              "Texture3D::zeros: bool" + takes);
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture1D::zeros({2}, DType::of<std::int64_t>()); }),
              "Texture1D::zeros: int64" + takes);
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture2D::zeros({2, 2}, DType::parse("[('a', '<f4'), ('b', '<f4')]")); }),
              "Texture2D::zeros: [('a', '<f4'), ('b', '<f4')]" + takes);
    EXPECT_EQ(message_of<TypeError>([&] {
                  gloo::Texture2D::zeros({2, 2}, DType::of<std::uint32_t>(), gloo::TextureFormat::Normalized);
              }),
              "Texture2D::zeros: uint32 cannot be sampled normalized (GL has no 32-bit normalized format); use "
              "TextureFormat::Integer");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::TextureCube::zeros({6, 2, 2}, f4, gloo::TextureFormat::Integer); }),
              "TextureCube::zeros: float32 cannot be sampled as integers; TextureFormat::Integer needs an integer dtype");
    EXPECT_EQ(message_of<TypeError>([&] { gloo::DepthTexture::zeros({2, 2}, DType::of<std::int8_t>()); }),
              "DepthTexture::zeros: int8 has no depth format; depth textures take float32, uint16 or uint32");
    // Over existing arrays: over() names itself.
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture2D::over(Array::zeros({8, 10, 3}, u1).transpose({1, 0, 2})); }),
              "Texture2D::over: the array (shape (10, 8, 3)) is not C-contiguous; a texture reads its rows in "
              "place: pass array.copy()");
    EXPECT_EQ(message_of<ShapeError>([&] { gloo::Texture3D::over(Array::zeros({2, 2, 2, 5}, u1)); }),
              "Texture3D::over: shape (2, 2, 2, 5) has 5 channels in its last axis; textures take 1 to 4");
    EXPECT_EQ(message_of<ValueError>([&] { gloo::Texture2D::over(Array()); }), "Texture2D::over: the array is a null handle");
    EXPECT_EQ(message_of<ValueError>([&] { gloo::DepthTexture::over(Array()); }),
              "DepthTexture::over: the array is a null handle");
    EXPECT_EQ(message_of<ValueError>([&] { gloo::Texture2D().sync(); }),
              "Texture: the texture is a null handle (default-constructed)");
    auto I = gloo::Texture2D::zeros({2, 2}, DType::of<std::uint32_t>());
    EXPECT_EQ(message_of<ValueError>([&] { I.set_interpolation(gloo::Interpolation::Linear); }),
              "Texture2D::set_interpolation: GL_R32UI is an integer format and cannot be filtered linearly (GL would "
              "sample zeros); use Interpolation::Nearest");
    EXPECT_EQ(I.min_interpolation(), gloo::Interpolation::Nearest); // refused: nothing changed
}

TEST_F(Texture, TooLargeForTheGlIsAValueErrorAndLosesNothing) {
    GLint limit = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &limit);
    const auto n = static_cast<std::size_t>(limit) + 1;
    auto T = gloo::Texture1D::zeros({n}, u1);
    EXPECT_EQ(message_of<ValueError>([&] { T.sync(); }), "Texture1D::sync: a " + std::to_string(n) +
                                                             " Texture1D is larger than GL_MAX_TEXTURE_SIZE (" +
                                                             std::to_string(limit) + ") of " + ctx.renderer());
    EXPECT_EQ(T.handle(), 0u);
    EXPECT_EQ(T.dirty_ranges(), (std::vector<ByteRange>{{0, n}})); // still all to send
}

// glumpy bug A: a partial update below the first row sent rows 0.. of the CPU array.
TEST_F(Texture, SubRectanglesBelowTheFirstRowReadTheirOwnRows) {
    auto T = gloo::Texture2D::zeros({64, 64, 4}, u1);
    for (std::size_t y = 0; y < 64; ++y) T.view({y}).fill(y); // every row different
    T.sync();
    ctx.upload_log().clear();
    T.view({slice(5, 8), slice(10, 14)}).fill(200);
    T.view({slice(5, 8), 15, 0}).fill(201); // near enough to join: one rectangle
    T.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_2D, T.handle(), 6 * 3 * 4, 10, 5, 0, 6, 3, 1)}));
    const auto gpu = gpu_bytes(T);
    EXPECT_EQ(gpu, cpu_bytes(T));
    EXPECT_EQ(at<std::uint8_t>(gpu, (5 * 64 + 10) * 4), 200);
    EXPECT_EQ(at<std::uint8_t>(gpu, (5 * 64 + 14) * 4), 5);   // the gap texel: row 5's own value
    EXPECT_EQ(at<std::uint8_t>(gpu, (7 * 64 + 15) * 4), 201);
    EXPECT_EQ(at<std::uint8_t>(gpu, (0 * 64 + 10) * 4), 0);   // row 0 untouched
    // Calls dearer than the gap texel: two rectangles, each at its rows.
    ctx.set_upload_costs(gloo::UploadCosts{0.1, 0.03, 1.0});
    ctx.upload_log().clear();
    T.view({slice(40, 42), slice(1, 3)}).fill(7);
    T.view({slice(40, 42), 4}).fill(8);
    T.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_2D, T.handle(), 16, 1, 40, 0, 2, 2, 1),
                                                        sub(GL_TEXTURE_2D, T.handle(), 8, 4, 40, 0, 1, 2, 1)}));
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
}

// glumpy bug B: one channel of one texel rounded to an empty upload.
TEST_F(Texture, OneChannelOfOneTexelSendsThatTexel) {
    auto T = gloo::Texture2D::zeros({32, 32, 4}, DType::of<float>());
    T.sync();
    ctx.upload_log().clear();
    T.view({3, 7, 2}).fill(0.25);
    T.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_2D, T.handle(), 16, 7, 3, 0, 1, 1, 1)}));
    const auto gpu = gpu_bytes(T);
    EXPECT_EQ(at<float>(gpu, (3 * 32 + 7) * 4 + 2), 0.25f);
    EXPECT_EQ(gpu, cpu_bytes(T));
    const auto& s = T.upload_stats();
    EXPECT_EQ(s.calls, 2u);
    EXPECT_EQ(s.bytes_sent, 32u * 32 * 16 + 16);
    EXPECT_EQ(s.bytes_dirty, 32u * 32 * 16 + 4);
    EXPECT_EQ(s.gap_bytes, 12u);
    EXPECT_EQ(s.whole_sends, 1u);
}

TEST_F(Texture, OneChannelOfEveryTexelIsUploadedRight) {
    auto T = gloo::Texture2D::zeros({16, 16, 3}, u1);
    T.sync();
    T.view({all, all, 1}).fill(77);
    T.sync();
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
    T.view({slice({}, {}, -3), slice(1, {}, 2), 2}).fill(5); // every third row from the end, odd columns
    T.sync();
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
}

TEST_F(Texture, OneAndThreeDimensionsUploadInPlace) {
    auto L = gloo::Texture1D::zeros({100, 2}, DType::parse("<u2"));
    L.sync();
    ctx.upload_log().clear();
    L.view({37}).assign({1000, 2000});
    L.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_1D, L.handle(), 4, 37, 0, 0, 1, 1, 1)}));
    EXPECT_EQ(gpu_bytes(L), cpu_bytes(L));

    auto V = gloo::Texture3D::zeros({8, 16, 16}, DType::of<float>());
    V.sync();
    ctx.upload_log().clear();
    V.view({slice(2, 4), slice(3, 5), slice(6, 9)}).fill(1.5);
    V.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_3D, V.handle(), 12 * 4, 6, 3, 2, 3, 2, 2)}));
    const auto gpu = gpu_bytes(V);
    EXPECT_EQ(gpu, cpu_bytes(V));
    EXPECT_EQ(at<float>(gpu, (3 * 16 + 4) * 16 + 8), 1.5f);
    // Whole slices below the first are one box too.
    ctx.upload_log().clear();
    V.view({slice(5, 7)}).fill(2.0);
    V.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_3D, V.handle(), 2 * 256 * 4, 0, 0, 5, 16, 16, 2)}));
    EXPECT_EQ(gpu_bytes(V), cpu_bytes(V));
}

TEST_F(Texture, CubeFacesAreUploadedFaceByFace) {
    auto C = gloo::TextureCube::zeros({6, 16, 16, 4}, u1);
    C.sync();
    std::vector<gloo::UploadCall> first;
    for (unsigned f = 0; f < 6; ++f) {
        first.push_back({Kind::TexImage, GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, C.handle(), 0, 1024, 0, 0, 0, 16, 16, 1});
    }
    EXPECT_EQ(calls(ctx), first);
    ctx.upload_log().clear();
    C.view({3, 5, 6}).fill(9);                           // face 3 (-Y), one texel
    C.view({0, slice(10, 12), slice(0, 4), 3}).fill(1); // face 0 (+X), a block of alpha
    C.view({4, 15}).fill(2);                             // face 4 (+Z), its last row
    C.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{
                              sub(GL_TEXTURE_CUBE_MAP_POSITIVE_X, C.handle(), 32, 0, 10, 0, 4, 2, 1),
                              sub(GL_TEXTURE_CUBE_MAP_NEGATIVE_Y, C.handle(), 4, 6, 5, 0, 1, 1, 1),
                              sub(GL_TEXTURE_CUBE_MAP_POSITIVE_Z, C.handle(), 64, 0, 15, 0, 16, 1, 1),
                          }));
    const auto gpu = gpu_bytes(C);
    EXPECT_EQ(gpu, cpu_bytes(C));
    EXPECT_EQ(at<std::uint8_t>(gpu, 3 * 1024 + (5 * 16 + 6) * 4), 9);
}

TEST_F(Texture, ParametersNeverDiscardTheContents) {
    auto T = gloo::Texture2D::zeros({8, 8, 4}, u1);
    T.set_interpolation(gloo::Interpolation::Linear, gloo::Interpolation::Nearest); // before creation: remembered
    T.set_wrapping(gloo::Wrapping::Repeat, gloo::Wrapping::MirroredRepeat);
    for (std::size_t k = 0; k < 8; ++k) T.view({k, slice(k)}).fill(10 * k + 1);
    T.sync();
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_MIN_FILTER), GL_LINEAR);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_MAG_FILTER), GL_NEAREST);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_WRAP_S), GL_REPEAT);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_WRAP_T), GL_MIRRORED_REPEAT);
    const auto before = gpu_bytes(T);
    ASSERT_EQ(before, cpu_bytes(T));
    ctx.upload_log().clear();
    T.set_interpolation(gloo::Interpolation::Nearest);
    T.set_wrapping(gloo::Wrapping::ClampToBorder);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_MIN_FILTER), GL_LINEAR); // at the next sync
    T.sync();
    EXPECT_TRUE(calls(ctx).empty()); // no data sent, storage never re-specified
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_MIN_FILTER), GL_NEAREST);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, T.handle(), GL_TEXTURE_WRAP_R), GL_CLAMP_TO_BORDER);
    EXPECT_EQ(T.wrapping_t(), gloo::Wrapping::ClampToBorder);
    EXPECT_EQ(gpu_bytes(T), before);
}

TEST_F(Texture, FloatsAreNeverClamped) { // glumpy issue #288
    auto T = gloo::Texture2D::zeros({2, 2, 1}, DType::of<float>());
    T.view({0, 0}).fill(5.0);
    T.view({1, 1}).fill(-3.5);
    T.sync();
    const Array gpu = T.read_back(); // indexed like the texture (glumpy's T.get())
    EXPECT_EQ(gpu.shape(), (std::vector<std::size_t>{2, 2, 1}));
    EXPECT_EQ(gpu.value<float>({0, 0, 0}), 5.0f);
    EXPECT_EQ(gpu.value<float>({1, 1, 0}), -3.5f);
    EXPECT_EQ(gpu.value<float>({0, 1, 0}), 0.0f);
    auto H = gloo::Texture1D::zeros({3}, DType::parse("<f2"));
    H.view({1}).fill(1000.0);
    H.sync();
    EXPECT_EQ(gpu_bytes(H), cpu_bytes(H));
    EXPECT_EQ(H.value<double>({1, 0}), 1000.0);
}

TEST_F(Texture, DepthTexturesRoundTrip) {
    auto D = gloo::DepthTexture::zeros({4, 4});
    D.view({1, 2}).fill(0.75);
    D.sync();
    EXPECT_EQ(gpu_bytes(D), cpu_bytes(D));
    auto S = gloo::DepthTexture::zeros({4, 4}, DType::parse("<u2"));
    S.view({3}).fill(60000);
    S.sync();
    EXPECT_EQ(gpu_bytes(S), cpu_bytes(S));
    // uint32 depth keeps 24 bits on the GPU: values come back within one 24-bit step.
    auto W = gloo::DepthTexture::zeros({2, 2}, DType::parse("<u4"));
    W.view({0, 1}).fill(0x12345678u);
    W.view({1, 1}).fill(0xffffffffu);
    W.sync();
    const auto gpu = gpu_bytes(W);
    EXPECT_NEAR(double(at<std::uint32_t>(gpu, 1)), double(0x12345678u), 257.0);
    EXPECT_EQ(at<std::uint32_t>(gpu, 3), 0xffffffffu);
    EXPECT_EQ(W.depth(), 1u);
    EXPECT_EQ(D.compare(), gloo::DepthCompare::Off);
    D.set_compare(gloo::DepthCompare::LessEqual);
    D.sync();
    EXPECT_EQ(parameter(GL_TEXTURE_2D, D.handle(), GL_TEXTURE_COMPARE_MODE), GL_COMPARE_REF_TO_TEXTURE);
    EXPECT_EQ(parameter(GL_TEXTURE_2D, D.handle(), GL_TEXTURE_COMPARE_FUNC), GL_LEQUAL);
    EXPECT_EQ(gpu_bytes(D), cpu_bytes(D));
}

TEST_F(Texture, OverASlabOfABiggerArrayOnlyItsBytesCount) {
    auto big = Array::zeros({10, 8, 4}, u1);
    auto T = gloo::Texture2D::over(big.view({slice(2, 6)}));
    EXPECT_EQ(T.offset(), 2u * 32);
    T.sync();
    ctx.upload_log().clear();
    big.view({slice(0, 2)}).fill(1); // outside the texture: nothing to send
    big.view({slice(7, 10)}).fill(1);
    T.sync();
    EXPECT_TRUE(calls(ctx).empty());
    big.view({3, 5}).fill(9); // row 1 of the texture
    T.sync();
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{sub(GL_TEXTURE_2D, T.handle(), 4, 5, 1, 0, 1, 1, 1)}));
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
    EXPECT_EQ(T.upload_stats().bytes_dirty, 4u * 8 * 4 + 4);
}

TEST_F(Texture, StatsAddUpInTheFrame) {
    ctx.reset_frame_stats();
    auto T = gloo::Texture2D::zeros({32, 32, 4}, u1);
    T.sync();
    T.view({10, 10}).fill(1);
    T.view({20, 20}).fill(1);
    T.sync(); // the 11x11 box between them adds 476 bytes, cheaper than a call on llvmpipe
    const auto& s = T.upload_stats();
    EXPECT_EQ(s.calls, 2u);
    EXPECT_EQ(s.bytes_sent, 4096u + 11 * 11 * 4);
    EXPECT_EQ(s.bytes_dirty, 4096u + 8);
    EXPECT_EQ(s.gap_bytes, 476u);
    EXPECT_EQ(s.whole_sends, 1u);
    EXPECT_EQ(ctx.frame_stats().uploads.calls, 2u);
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 4096u + 11 * 11 * 4);
    EXPECT_EQ(ctx.frame_stats().uploads.gap_bytes, 476u);
}

TEST_F(Texture, EachContextNeedsItsOwnTexture) {
    auto T = gloo::Texture2D::zeros({4, 4, 4}, u1);
    T.view({1, 1}).fill(3);
    T.sync();
    gloo::ContextOptions options;
    options.costs = glumpp::test::fixed_costs();
    auto other = gloo::Context::headless(options); // current now
    const std::string why = " belongs to another GL context; make one texture per context over the same array "
                            "(gloo::Texture2D::over(array)) to use it there";
    T.view({2, 2}).fill(4);
    EXPECT_EQ(message_of<ContextError>([&] { T.sync(); }), "Texture2D::sync: this Texture2D" + why);
    EXPECT_EQ(message_of<ContextError>([&] { (void)T.read_back(); }), "Texture2D::read_back: this Texture2D" + why);
    gloo::Texture2D copy(T); // a copy is the same GPU texture
    EXPECT_EQ(copy.handle(), T.handle());
    auto there = gloo::Texture2D::over(T); // a second GPU texture over the same bytes
    EXPECT_EQ(there.handle(), 0u);
    EXPECT_EQ(there.storage(), T.storage());
    there.sync();
    EXPECT_EQ(gpu_bytes(there), cpu_bytes(T));
    ctx.make_current();
    T.sync(); // the refused sync lost nothing
    EXPECT_EQ(gpu_bytes(T), cpu_bytes(T));
}

// The differential property test: random textures, random writes through random views,
// random sync points; after every sync the GPU's copy equals the CPU's bytes.
TEST_F(Texture, PropertyTheGpuCopyAlwaysEqualsTheCpuBytes) {
    std::mt19937 rng(20240607);
    auto pick = [&](std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    const DType dtypes[] = {u1, DType::of<float>(), DType::parse("<u2"), DType::parse("<i4"), DType::parse("<f2")};
    const gloo::UploadCosts costs[] = {glumpp::test::fixed_costs(), {0.5, 0.03, 1.0}, {0, 1, 1.0}, {50, 0.03, 0.3}};

    // A value that the dtype holds and the GPU keeps bit for bit (no NaN).
    auto value = [&](const DType& d) -> double {
        switch (d.scalar_kind()) {
        case ScalarKind::Float: return std::uniform_real_distribution<double>(-1000, 1000)(rng);
        case ScalarKind::Int: return double(std::uniform_int_distribution<std::int64_t>(-2000000000, 2000000000)(rng));
        default: return double(pick(0, d.itemsize() == 1 ? 255 : 65535));
        }
    };
    auto random_index = [&](const Array& a) {
        std::vector<Index> index;
        const std::size_t n = pick(0, a.ndim());
        for (std::size_t k = 0; k < n; ++k) {
            const auto extent = static_cast<std::ptrdiff_t>(a.shape()[k]);
            const std::size_t r = pick(0, 9);
            auto bound = [&] { return std::uniform_int_distribution<std::ptrdiff_t>(-extent - 1, extent + 1)(rng); };
            if (r < 3) {
                index.emplace_back(std::uniform_int_distribution<std::ptrdiff_t>(-extent, extent - 1)(rng));
            } else if (r < 5) {
                index.emplace_back(all);
            } else {
                const std::ptrdiff_t steps[] = {1, 1, 2, 3, -1, -2};
                std::optional<std::ptrdiff_t> start, stop;
                if (chance(0.7)) start = bound();
                if (chance(0.7)) stop = bound();
                index.emplace_back(slice(start, stop, steps[pick(0, 5)]));
            }
        }
        return a.view(std::span<const Index>(index));
    };

    std::size_t checks = 0, steps = 0;
    for (int trial = 0; trial < 600; ++trial) {
        const int dims = trial % 4; // 1-D, 2-D, 3-D, cube
        const DType dtype = dtypes[pick(0, 4)];
        const std::size_t c = pick(1, 4);
        ctx.set_upload_costs(costs[pick(0, 3)]);
        std::vector<std::size_t> shape;
        const std::size_t big = chance(0.25) ? 4 : 1; // now and then large enough for the cost model to matter
        switch (dims) {
        case 0: shape = {pick(1, 40 * big * big)}; break;
        case 1: shape = {pick(1, 12 * big), pick(1, 17 * big)}; break;
        case 2: shape = {pick(1, 5 * big), pick(1, 7 * big), pick(1, 9 * big)}; break;
        default: {
            const std::size_t s = pick(1, 7 * big);
            shape = {6, s, s};
        }
        }
        if (c > 1 || chance(0.5)) shape.push_back(c);
        // Sometimes a slab of a bigger array: writes outside it must be ignored.
        const bool slab = chance(0.3);
        std::vector<std::size_t> outer_shape = shape;
        const std::size_t before = slab ? pick(0, 2) : 0;
        if (slab) outer_shape[0] += before + pick(1, 2);
        Array outer = Array::zeros(outer_shape, dtype);
        Array inner = slab ? outer.view({slice(static_cast<std::ptrdiff_t>(before), static_cast<std::ptrdiff_t>(before + shape[0]))})
                           : outer;
        std::vector<gloo::Texture> gpu; // one texture, sometimes a twin over the same bytes
        const std::size_t twins = chance(0.2) ? 2 : 1;
        for (std::size_t k = 0; k < twins; ++k) {
            switch (dims) {
            case 0: gpu.push_back(gloo::Texture1D::over(inner)); break;
            case 1: gpu.push_back(gloo::Texture2D::over(inner)); break;
            case 2: gpu.push_back(gloo::Texture3D::over(inner)); break;
            default: gpu.push_back(gloo::TextureCube::over(inner)); break;
            }
        }
        const Array& T = gpu[0];
        for (int step = 0; step < 40; ++step, ++steps) {
            Array target = chance(0.1) && slab ? random_index(outer) : random_index(T);
            if (chance(0.15) && target.ndim() > 0 && target.size() > 0) target = target.view({ellipsis, pick(0, target.shape().back() - 1)}); // a channel or column
            switch (pick(0, 4)) {
            case 0: target.fill(value(dtype)); break;
            case 1:
                if (target.ndim() > 0 && target.size() > 0) {
                    std::vector<double> values(target.size());
                    for (auto& v : values) v = value(dtype);
                    target.assign(Array::from(values, target.shape()));
                } else {
                    target.fill(value(dtype));
                }
                break;
            case 2: target += static_cast<int>(pick(1, 3)); break;
            case 3: T.view({ellipsis, slice(0, 1)}).fill(value(dtype)); break; // first channel of all
            default:
                if (dtype.scalar_kind() != ScalarKind::Float && target.size() > 0) { // raw bytes: any pattern is a value
                    std::vector<Index> element;
                    for (std::size_t extent : target.shape()) element.emplace_back(pick(0, extent - 1));
                    Array one = target.view(std::span<const Index>(element));
                    WriteScope w = one.write();
                    for (std::size_t b = 0; b < one.itemsize(); ++b) w.data()[b] = std::byte(pick(0, 255));
                } else {
                    target.fill(value(dtype));
                }
            }
            for (gloo::Texture& t : gpu) {
                if (!chance(0.3)) continue;
                t.sync();
                ASSERT_EQ(gpu_bytes(t), cpu_bytes(t)) << "trial " << trial << " step " << step << " dtype " << dtype.name()
                                                       << " shape " << glumpp::detail::shape_str(t.shape());
                ++checks;
            }
        }
        for (gloo::Texture& t : gpu) {
            t.sync();
            ASSERT_EQ(gpu_bytes(t), cpu_bytes(t)) << "trial " << trial << " final";
            ++checks;
        }
    }
    EXPECT_EQ(steps, 24000u);
    EXPECT_GE(checks, 7000u);
    const auto& log = ctx.upload_log().calls();
    EXPECT_GT(std::count_if(log.begin(), log.end(), [](const gloo::UploadCall& c) { return c.kind == Kind::TexSubImage; }),
              5000); // sub-updates happened, not only whole sends
}

TEST_F(Texture, GpuOnlyTexturesHaveNoCpuTexelsAndSendNone) {
    // The size of glumpy's float render targets: 4 MB that a zeros() texture would upload.
    auto T = gloo::Texture2D::gpu_only({1024, 1024, 4}, DType::of<float>());
    EXPECT_TRUE(T.is_gpu_only());
    EXPECT_FALSE(gloo::Texture2D::zeros({2, 2}, u1).is_gpu_only());
    EXPECT_EQ(T.shape(), (std::vector<std::size_t>{1024, 1024, 4}));
    EXPECT_EQ(T.dtype(), DType::of<float>());
    EXPECT_EQ(T.internal_format(), unsigned(GL_RGBA32F));
    EXPECT_EQ(T.base_nbytes(), 4u); // one placeholder element, not 16 MiB
    EXPECT_EQ(T.value<float>({1023, 5, 2}), 0.0f);
    EXPECT_FALSE(T.read_back()); // nothing on the GPU yet either
    T.sync();
    // One allocation, no texel bytes.
    EXPECT_EQ(calls(ctx), (std::vector<gloo::UploadCall>{{Kind::TexImage, GL_TEXTURE_2D, T.handle(), 0, 0, 0, 0, 0, 1024,
                                                          1024, 1}}));
    EXPECT_EQ(T.upload_stats().bytes_sent, 0u);
    EXPECT_EQ(T.upload_stats().calls, 0u);
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 0u);
    EXPECT_EQ(T.read_back().shape(), (std::vector<std::size_t>{1024, 1024, 4}));
    EXPECT_EQ(T.read_back().dtype(), DType::of<float>());
    // CPU writes are refused through every door, and change nothing.
    const std::string why = ": the array is read-only (a GPU-only texture has no CPU texels: draw into it through a "
                            "FrameBuffer, or make it with zeros() to write it from the CPU)";
    EXPECT_EQ(message_of<ReadOnlyError>([&] { T.view({0, 0}).fill(1.0); }), "Array::fill" + why);
    EXPECT_EQ(message_of<ReadOnlyError>([&] { T.view({3}).assign(Array::zeros<float>({1024, 4})); }), "Array::assign" + why);
    EXPECT_THROW((void)T.as<float>(), ReadOnlyError);
    EXPECT_THROW({ WriteScope scope(T); }, ReadOnlyError);
    ctx.upload_log().clear();
    T.sync();
    EXPECT_TRUE(calls(ctx).empty());
    EXPECT_EQ(message_of<TypeError>([&] { gloo::Texture2D::over(T); }),
              "Texture2D::over: the array is a GPU-only Texture2D, which has no CPU texels to share; copy its GPU "
              "texels with read_back() first");
    // The same checks as zeros(), named after gpu_only.
    EXPECT_EQ(message_of<ShapeError>([] { gloo::Texture2D::gpu_only({4, 4, 5}, u1); }),
              "Texture2D::gpu_only: shape (4, 4, 5) has 5 channels in its last axis; textures take 1 to 4");
    EXPECT_EQ(message_of<TypeError>([] { gloo::DepthTexture::gpu_only({4, 4}, DType::of<double>()); }),
              "DepthTexture::gpu_only: float64 has no depth format; depth textures take float32, uint16 or uint32");
    auto D = gloo::DepthTexture::gpu_only({16, 8});
    D.sync();
    EXPECT_EQ(calls(ctx).back(), (gloo::UploadCall{Kind::TexImage, GL_TEXTURE_2D, D.handle(), 0, 0, 0, 0, 0, 8, 16, 1}));
    EXPECT_EQ(D.internal_format(), unsigned(GL_DEPTH_COMPONENT32F));
}
