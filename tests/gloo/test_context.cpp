// Headless contexts, context rules for GL objects, calibration.
#include "GLTest.hpp"

#include <epoxy/gl.h>

using namespace glumpp;

TEST(Context, HeadlessOnLlvmpipe) {
    auto ctx = gloo::Context::headless();
    EXPECT_TRUE(ctx.is_current());
    EXPECT_TRUE(gloo::Context::has_current());
    EXPECT_GE(ctx.gl_major() * 10 + ctx.gl_minor(), 33);
    EXPECT_NE(ctx.renderer().find("llvmpipe"), std::string::npos) << ctx.renderer();
    EXPECT_NE(ctx.describe().find("EGL"), std::string::npos);
    EXPECT_TRUE(ctx.has_extension("GL_KHR_debug"));
    // Calibration measured something plausible for a software renderer.
    EXPECT_GT(ctx.upload_costs().call_ns, 0.0);
    EXPECT_LT(ctx.upload_costs().call_ns, 1e6);
    EXPECT_GT(ctx.upload_costs().byte_ns, 0.0);
    EXPECT_LT(ctx.upload_costs().byte_ns, 100.0);
}

TEST(Context, TwoContextsSwitch) {
    auto a = gloo::Context::headless();
    auto b = gloo::Context::headless();
    EXPECT_TRUE(b.is_current());
    EXPECT_FALSE(a.is_current());
    a.make_current();
    EXPECT_TRUE(a.is_current());
    EXPECT_TRUE(gloo::Context::current() == a);
}

TEST(Context, NoCurrentContextIsAClearError) {
    {
        auto ctx = gloo::Context::headless();
    } // destroyed: nothing is current any more
    EXPECT_FALSE(gloo::Context::has_current());
    try {
        gloo::Context::current();
        ADD_FAILURE();
    } catch (const ContextError& e) {
        EXPECT_STREQ(e.what(), "Context::current: no current GL context; create a gloo::Context (or an app::Window) first");
    }
    auto V = gloo::VertexBuffer::zeros<float>({4});
    EXPECT_THROW(V.sync(), ContextError);
}

TEST(Context, ObjectsBelongToTheirContext) {
    auto a = gloo::Context::headless();
    auto V = gloo::VertexBuffer::zeros<float>({16});
    V.sync();
    auto b = gloo::Context::headless();
    try {
        V.sync();
        ADD_FAILURE();
    } catch (const ContextError& e) {
        EXPECT_NE(std::string(e.what()).find("Buffer::sync: this GL object belongs to another context"), std::string::npos);
    }
    // A second buffer over the same array is the way to use it in b.
    auto W = gloo::VertexBuffer::over(V);
    W.sync();
    EXPECT_NE(W.handle(), 0u);
}

TEST(Context, ObjectsOutlivingTheirContextDoNotCrash) {
    gloo::VertexBuffer V;
    {
        auto ctx = gloo::Context::headless();
        V = gloo::VertexBuffer::zeros<float>({8});
        V.sync();
    }
    V.view({1}).fill(2); // still an array
    EXPECT_EQ(V.value<float>({1}), 2.f);
    EXPECT_THROW(V.sync(), ContextError);
}

TEST(Context, DebugMessagesReachTheLogger) {
    gloo::ContextOptions options;
    options.debug = true;
    auto ctx = gloo::Context::headless(options);
    std::vector<std::string> lines;
    ctx.set_debug_logger([&](std::string_view s) { lines.emplace_back(s); });
    glBindBuffer(0x1234, 0); // invalid target
    glGetError();
    ASSERT_FALSE(lines.empty());
    EXPECT_NE(lines.front().find("GL debug"), std::string::npos);
}
