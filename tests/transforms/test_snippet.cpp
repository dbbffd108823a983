// Hooks and snippets: what is generated, when it relinks, what reaches the GPU, and the
// errors. Pictures are read back from llvmpipe (hand-computed pixels).
#include "../gloo/GLTest.hpp"
#include "../TestUtil.hpp"

#include <glumpp/transforms.hpp>

#include <epoxy/gl.h>

#include <chrono>
#include <cstdio>
#include <regex>

using namespace glumpp;
using namespace glumpp::transforms;
using glumpp::test::message_of;

namespace {

const char* scale_code = R"(
uniform float factor;
float forward(float x) { return factor * x; }
float inverse(float x) { return x / factor; }
)";

// A program drawing one point at the center whose red channel is <hook(0.25)>.
const char* fragment = R"(#version 330
in float v_value;
out vec4 color;
void main() { color = vec4(v_value, 0.0, 0.0, 1.0); }
)";
const char* vertex = R"(#version 330
in vec2 a_position;
out float v_value;
void main() {
    gl_Position = vec4(a_position, 0.0, 1.0);
    gl_PointSize = 1.0;
    v_value = <value(0.25)>;
}
)";

int red_after_draw(Program& p) {
    test::RawTarget target(4, 4);
    p.draw(gloo::Primitive::Points, 0, 1);
    return target.pixel(2, 2)[0];
}

class SnippetTest : public test::GLTest {};

} // namespace

TEST(Snippet, ParsesUniformsAndFunctionsAndMangles) {
    Snippet a(scale_code, "scale"), b(scale_code, "scale");
    EXPECT_NE(a.id(), b.id());
    ASSERT_EQ(a.uniforms().size(), 1u);
    EXPECT_EQ(a.uniforms()[0], (std::pair<std::string, std::string>{"float", "factor"}));
    ASSERT_EQ(a.functions().size(), 2u);
    EXPECT_EQ(a.functions()[0].name, "forward");
    EXPECT_EQ(a.functions()[0].params, std::vector<std::string>{"float"});
    const std::string id = std::to_string(a.id());
    const std::string code = a.code();
    EXPECT_NE(code.find("uniform float factor_" + id + ";"), std::string::npos) << code;
    EXPECT_NE(code.find("float forward_" + id + "(float x) { return factor_" + id + " * x; }"), std::string::npos) << code;
    EXPECT_EQ(code.find("factor "), std::string::npos) << code;
    // A member access is not ours even when it spells a declared name.
    Snippet c("uniform vec3 scale;\nvec3 f(vec3 p) { return p * scale + vec3(p.x); }\nstruct S { float scale; };\n"
              "float g(S s) { return s.scale; }");
    EXPECT_NE(c.code().find("return s.scale;"), std::string::npos) << c.code();
}

TEST(Snippet, Errors) {
    EXPECT_EQ(message_of<ValueError>([] { Snippet("uniform float x;", "empty"); }), "Snippet: 'empty' defines no function");
    Snippet a(scale_code, "scale");
    EXPECT_EQ(message_of<KeyError>([&] { a["facter"] = 1.0f; }),
              "Snippet::operator[]: snippet 'scale' declares no uniform 'facter'; it declares: factor");
    EXPECT_EQ(a.version(), 0u); // the throwing call changed nothing
    EXPECT_EQ(message_of<KeyError>([&] { a.call("backward"); }),
              "Snippet::call: snippet 'scale' has no function 'backward'; it has: forward, inverse");
}

TEST_F(SnippetTest, HookForms) {
    // glumpy's examples/snippet-usage.py, the cases we support.
    Snippet t1(scale_code, "t1"), t2(scale_code, "t2");
    Snippet t3("vec2 compose(float x, float y) { return vec2(x, y); }\nvec2 compose(vec2 xy) { return xy; }\n", "t3");
    Program p(R"(#version 330
uniform float A, B, C, D;
out vec4 v;
void main() {
    float s = <h_uniform.factor>;
    float a = <h_arg>;
    float b = <h_text>(B);
    float c = <h_hook_arg(C)>;
    float e = <h_member.inverse>;
    vec2 g = <h_chain>;
    v = vec4(s, a + b + c + e, g);
    gl_Position = vec4(0.0);
}
)",
              "#version 330\nout vec4 o;\nvoid main() { o = vec4(1.0); }\n");
    EXPECT_EQ(p.hooks(), (std::vector<std::string>{"h_uniform", "h_arg", "h_text", "h_hook_arg", "h_member", "h_chain"}));
    p["h_uniform"] = t1;
    p["h_arg"] = t1("A");
    p["h_text"] = "forward_by_hand";
    p["h_hook_arg"] = t1();
    p["h_member"] = t2("D");
    p["h_chain"] = t3(t1("A"), t2("B"));
    // source() generates without compiling; forward_by_hand is declared nowhere, so
    // linking fails with gloo's own error (the line is outside every snippet).
    EXPECT_NE(p.source(ShaderStage::Vertex).find("float b = forward_by_hand(B);"), std::string::npos);
    EXPECT_EQ(p.generations(), 0u);
    const std::string m = message_of<ShaderError>([&] { p.gl(); });
    EXPECT_EQ(m.rfind("Program: the vertex shader does not compile:", 0), 0u) << m;
    EXPECT_NE(m.find("forward_by_hand(B)"), std::string::npos) << m;
    p["h_text"] = "float(B) * ";
    p.gl();
    const std::string src = p.source(ShaderStage::Vertex);
    const std::string i1 = std::to_string(t1.id()), i2 = std::to_string(t2.id()), i3 = std::to_string(t3.id());
    EXPECT_NE(src.find("float s = factor_" + i1 + ";"), std::string::npos) << src;
    EXPECT_NE(src.find("float a = forward_" + i1 + "(A);"), std::string::npos) << src;
    EXPECT_NE(src.find("float b = float(B) * (B);"), std::string::npos) << src;
    EXPECT_NE(src.find("float c = forward_" + i1 + "(C);"), std::string::npos) << src;
    EXPECT_NE(src.find("float e = inverse_" + i2 + "(D);"), std::string::npos) << src;
    EXPECT_NE(src.find("vec2 g = compose_" + i3 + "(forward_" + i1 + "(A), forward_" + i2 + "(B));"), std::string::npos) << src;
    // Each instance pasted once, after #version.
    const std::string decl = "uniform float factor_" + i1 + ";";
    EXPECT_EQ(src.find(decl), src.rfind(decl)) << src;
    EXPECT_EQ(src.rfind("#version 330\n", 0), 0u);
    EXPECT_LT(src.find(decl), src.find("void main"));
    EXPECT_EQ(p.generations(), 1u);
}

TEST_F(SnippetTest, UniformsReachEveryProgramAndOnlyChangesUpload) {
    Snippet s(scale_code, "scale");
    s["factor"] = 2.0f; // 0.25 * 2 = 0.5 -> 128
    Program p1(vertex, fragment), p2(vertex, fragment);
    p1["value"] = s;
    p2["value"] = s;
    p1["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    p2["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    EXPECT_EQ(red_after_draw(p1), 128);
    EXPECT_EQ(red_after_draw(p2), 128);
    s["factor"] = 4.0f; // set once, reaches both
    EXPECT_EQ(red_after_draw(p1), 255);
    EXPECT_EQ(red_after_draw(p2), 255);
    EXPECT_EQ(p1.generations(), 1u); // only uniforms changed: no GLSL generated
    // Setting the same value again, or nothing, sends no glUniform.
    s["factor"] = 4.0f;
    ctx.reset_frame_stats();
    red_after_draw(p1);
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 0u);
    s["factor"] = 1.0f;
    ctx.reset_frame_stats();
    EXPECT_EQ(red_after_draw(p1), 64);
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 1u);
    EXPECT_EQ(ctx.frame_stats().uniform_bytes, 4u);
}

TEST_F(SnippetTest, ReassigningAHookRelinksAndKeepsInputs) {
    Snippet twice(scale_code, "twice"), half(scale_code, "half");
    twice["factor"] = 2.0f;
    half["factor"] = 0.5f;
    Program p(vertex, fragment);
    p["value"] = twice;
    p["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    EXPECT_EQ(red_after_draw(p), 128);
    p["value"] = half; // 0.125 -> 32
    EXPECT_EQ(red_after_draw(p), 32);
    EXPECT_EQ(p.generations(), 2u);
    p["value"] = twice(half()); // 0.25 * 0.5 * 2
    EXPECT_EQ(red_after_draw(p), 64);
    EXPECT_NE(p.source(ShaderStage::Vertex).find("forward_" + std::to_string(twice.id()) + "(forward_" +
                                                 std::to_string(half.id()) + "(0.25))"),
              std::string::npos);
    // One snippet instance twice in a chain: one paste, one uniform, applied twice.
    p["value"] = twice(twice());
    EXPECT_EQ(red_after_draw(p), 255); // 1.0
}

TEST_F(SnippetTest, HookErrors) {
    Program p(vertex, fragment);
    p["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    EXPECT_EQ(message_of<ValueError>([&] { p.draw(gloo::Primitive::Points, 0, 1); }), "Program::draw: hook 'value' is not filled");
    EXPECT_EQ(message_of<KeyError>([&] { p["valeu"] = Snippet(scale_code); }), "Program::operator[]: no hook 'valeu'; hooks: value");
    EXPECT_EQ(message_of<TypeError>([&] { p["value"] = 1.0f; }),
              "Program::operator[]: 'value' is a hook: fill it with a snippet, a call or GLSL text");

    // A snippet that does not compile: named, its lines quoted.
    Snippet bad("uniform float factor;\nfloat forward(float x) {\n    return factor * y;\n}\n", "bad");
    p["value"] = bad;
    const std::string m = message_of<ShaderError>([&] { p.draw(gloo::Primitive::Points, 0, 1); });
    EXPECT_EQ(m.rfind("Program: hook 'value': snippet 'bad' does not compile (lines ", 0), 0u) << m;
    EXPECT_NE(m.find("of the vertex shader)"), std::string::npos) << m;
    EXPECT_NE(m.find(" | // snippet 'bad'"), std::string::npos) << m;
    EXPECT_NE(m.find("  > 5 |     return factor_" + std::to_string(bad.id()) + " * y;"), std::string::npos) << m;
    EXPECT_NE(m.find("`y' undeclared"), std::string::npos) << m; // the driver's log follows
    EXPECT_EQ(p.generations(), 0u);

    // Incompatible chain types.
    Snippet v2("vec2 f(vec2 p) { return p; }", "takes_vec2");
    Snippet f1(scale_code, "gives_float");
    p["value"] = v2(f1());
    EXPECT_EQ(message_of<TypeError>([&] { p.draw(gloo::Primitive::Points, 0, 1); }),
              "Program: hook 'value': takes_vec2.f takes (vec2), not the float that gives_float.forward returns");

    // A good fill afterwards works: the failures left nothing behind.
    Snippet good(scale_code, "good");
    good["factor"] = 1.0f;
    p["value"] = good;
    EXPECT_EQ(red_after_draw(p), 64);
    EXPECT_EQ(p.generations(), 1u);
}

TEST(Snippet, FieldArgumentsAliasesAndNamedCalls) {
    // glumpy's examples/snippet-usage.py, transform_6 and transform_8: no GL needed to
    // generate.
    Snippet t1(scale_code, "t1"), t2(scale_code, "t2");
    Snippet t3("vec2 compose(float x, float y) { return vec2(x, y); }\nvec2 compose(vec2 xy) { return xy; }\n", "t3");
    t2.alias("factor", "aliased_factor");
    Program p("void main() {\n  <h(H)>;\n  <h.x.factor>;\n  <h.y.factor>;\n  <a.factor>;\n}\n", "void main() {}\n");
    p["h"] = t3(t1(".x").named("x"), t2(".y").named("y"));
    p["a"] = t2("F");
    const std::string src = p.source(ShaderStage::Vertex);
    const std::string i1 = std::to_string(t1.id()), i2 = std::to_string(t2.id()), i3 = std::to_string(t3.id());
    EXPECT_NE(src.find("compose_" + i3 + "(forward_" + i1 + "(H.x), forward_" + i2 + "(H.y));"), std::string::npos) << src;
    EXPECT_NE(src.find("  factor_" + i1 + ";\n  aliased_factor;\n  aliased_factor;\n"), std::string::npos) << src;
    EXPECT_NE(src.find("uniform float aliased_factor;"), std::string::npos) << src;
    EXPECT_EQ(message_of<KeyError>([&] { t2.alias("scale", "s"); }), "Snippet::alias: snippet 't2' declares no uniform, attribute or varying 'scale'");
    Program q("void main() { <h.z.factor>; }", "void main() {}");
    q["h"] = t3(t1(".x").named("x"));
    EXPECT_EQ(message_of<KeyError>([&] { q.source(ShaderStage::Vertex); }),
              "Program::source: hook 'h': <h.z.factor>: no call named 'z' in the chain");
}

TEST_F(SnippetTest, AStoreSurvivesARelink) {
    Snippet twice(scale_code, "twice"), half(scale_code, "half");
    twice["factor"] = 2.0f;
    half["factor"] = 0.5f;
    Program p(vertex, fragment, 1);
    p["value"] = twice;
    p["a_position"] = glm::vec2(-0.75f, -0.75f); // pixel (0, 0)
    p.attribute("a_position").assign({0.25, 0.25}); // written into the store directly: pixel (2, 2)
    EXPECT_EQ(red_after_draw(p), 128);
    const auto t0 = std::chrono::steady_clock::now();
    p["value"] = half;
    EXPECT_EQ(red_after_draw(p), 32); // the new program's store has the written position
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("hook change + regenerate + relink + draw: %.2f ms\n", ms);
    EXPECT_EQ(p.generations(), 2u);
}

TEST_F(SnippetTest, OneHookInTwoStages) {
    // The snippet is pasted into each stage that uses it; its uniform, declared in both,
    // is one GL uniform, set once.
    Snippet s(scale_code, "scale");
    s["factor"] = 1.0f;
    Program p(vertex, R"(#version 330
in float v_value;
out vec4 color;
void main() { color = vec4(v_value, <value(0.5)>, 0.0, 1.0); }
)");
    p["value"] = s;
    p["a_position"] = glm::vec2(0.25f, 0.25f);
    const std::string decl = "uniform float factor_" + std::to_string(s.id()) + ";";
    EXPECT_NE(p.source(ShaderStage::Vertex).find(decl), std::string::npos);
    EXPECT_NE(p.source(ShaderStage::Fragment).find(decl), std::string::npos);
    EXPECT_TRUE(p.source(ShaderStage::Geometry).empty());
    test::RawTarget target(4, 4);
    p.draw(gloo::Primitive::Points, 0, 1);
    EXPECT_EQ(target.pixel(2, 2)[0], 64);
    EXPECT_EQ(target.pixel(2, 2)[1], 128);
    s["factor"] = 0.5f;
    p.draw(gloo::Primitive::Points, 0, 1);
    EXPECT_EQ(target.pixel(2, 2)[0], 32);
    EXPECT_EQ(target.pixel(2, 2)[1], 64);
    Program q("void main() { float f = <h.scael>; }", "void main() {}");
    q["h"] = s;
    EXPECT_EQ(message_of<KeyError>([&] { q.source(ShaderStage::Vertex); }),
              "Program::source: hook 'h': snippet 'scale' has no function or variable 'scael'");
}

TEST(Snippet, DeclarationsWithSeveralNames) {
    // GLSL's `uniform float rows, cols;` is one declaration of two uniforms (glumpy's
    // snippet-grids and snippet-cubes write theirs so); sizes and initializers are no names,
    // comments and parameter lists declare nothing.
    Snippet s(R"(
uniform float rows, cols;
uniform highp vec2 a[2] , b = vec2(1.0, 2.0), c;
// uniform float commented;
/* uniform float also_commented; */
float f(in float x);
float f(in float x) { return rows * cols * x + a[0].x + b.y + c.x; }
)", "grid");
    const std::vector<std::pair<std::string, std::string>> expected{
        {"float", "rows"}, {"float", "cols"}, {"vec2", "a"}, {"vec2", "b"}, {"vec2", "c"}};
    EXPECT_EQ(s.uniforms(), expected);
    const std::string id = std::to_string(s.id());
    const std::string code = s.code();
    EXPECT_NE(code.find("uniform float rows_" + id + ", cols_" + id + ";"), std::string::npos) << code;
    EXPECT_NE(code.find("uniform highp vec2 a_" + id + "[2] , b_" + id + " = vec2(1.0, 2.0), c_" + id + ";"), std::string::npos)
        << code;
    EXPECT_NE(code.find("return rows_" + id + " * cols_" + id + " * x"), std::string::npos) << code;
    s["cols"] = 2.0f; // each name is a uniform of its own
    EXPECT_EQ(s.numbers("cols"), std::vector<double>{2.0});
    EXPECT_TRUE(s.numbers("rows").empty());
    // Hostile text: a long declaration list and long runs without a `;` parse in one pass.
    std::string many = "uniform float u0";
    for (int k = 1; k < 20000; ++k) many += ", u" + std::to_string(k);
    many += ";\n";
    for (int k = 0; k < 20000; ++k) many += "in in out ( ";
    Snippet big(many + "\nfloat g(float x) { return u19999 * x; }\n", "big");
    ASSERT_EQ(big.uniforms().size(), 20000u);
    EXPECT_EQ(big.uniforms().back().second, "u19999");
}

TEST_F(SnippetTest, SeveralUniformsOfOneDeclarationReachTheGpu) {
    Snippet s("uniform float rows, cols;\nfloat forward(float x) { return rows * cols * x; }\n", "product");
    s["rows"] = 2.0f;
    s["cols"] = 1.5f; // 0.25 * 3 = 0.75 -> 191
    Program p(vertex, fragment);
    p["value"] = s;
    p["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    EXPECT_EQ(red_after_draw(p), 191);
    s["cols"] = 0.5f; // 0.25 -> 64
    EXPECT_EQ(red_after_draw(p), 64);
}

TEST_F(SnippetTest, ArithmeticCompositionDrawsAndHasCpuTwins) {
    Snippet twice(scale_code, "twice"), half(scale_code, "half");
    twice["factor"] = 2.0f;
    half["factor"] = 0.5f;
    for (Snippet* s : {&twice, &half}) {
        s->set_cpu([](const Snippet& t, glm::dvec4 q) { return t.numbers("factor")[0] * q; },
                   [](const Snippet& t, glm::dvec4 q) { return q / t.numbers("factor")[0]; });
    }
    Program p(vertex, fragment);
    p["a_position"] = glm::vec2(0.25f, 0.25f); // the center of pixel (2, 2)
    p["value"] = twice + half;                 // 0.25 * 2 + 0.25 * 0.5 = 0.625 -> 159
    EXPECT_EQ(red_after_draw(p), 159);
    const std::string t = std::to_string(twice.id()), h = std::to_string(half.id());
    EXPECT_NE(p.source(ShaderStage::Vertex).find("v_value = forward_" + t + "(0.25) + forward_" + h + "(0.25);"), std::string::npos)
        << p.source(ShaderStage::Vertex);
    // Where glumpy strings operators left to right ((a + b) * c as a + b * c), the
    // C++ expression's grouping is kept.
    p["value"] = (twice + half) * half; // 0.625 * 0.125 = 0.078125 -> 20
    EXPECT_EQ(red_after_draw(p), 20);
    EXPECT_NE(p.source(ShaderStage::Vertex).find("(forward_" + t + "(0.25) + forward_" + h + "(0.25)) * forward_" + h + "(0.25)"),
              std::string::npos);
    p["value"] = twice - (half - twice); // 0.5 - (0.125 - 0.5) = 0.875 -> 223
    EXPECT_EQ(red_after_draw(p), 223);
    p["value"] = twice(half() / twice()); // 2 * (0.125 / 0.5) = 0.5 -> 128
    EXPECT_EQ(red_after_draw(p), 128);
    EXPECT_NE(p.source(ShaderStage::Vertex).find("forward_" + t + "(forward_" + h + "(0.25) / forward_" + t + "(0.25))"),
              std::string::npos);

    // CPU twins, component by component, at hand-computed values.
    const glm::dvec4 q(1, -2, 4, 1);
    EXPECT_EQ((twice + half).forward(q), glm::dvec4(2.5, -5, 10, 2.5));
    EXPECT_EQ((twice - half).forward(q), glm::dvec4(1.5, -3, 6, 1.5));
    EXPECT_EQ((twice * half).forward(q), glm::dvec4(1, 4, 16, 1));
    EXPECT_EQ((twice / half).forward(q), glm::dvec4(4, 4, 4, 4));
    EXPECT_EQ(twice(half() + twice()).forward(q), glm::dvec4(5, -10, 20, 5));
    std::vector<glm::dvec4> many{q, {0, 1, 2, 3}};
    (twice(half) * half).forward_all(many);
    EXPECT_EQ(many[0], glm::dvec4(0.5, 2, 8, 0.5)); // (2 * 0.5 q) * (0.5 q)
    EXPECT_EQ(many[1], glm::dvec4(0, 0.5, 2, 4.5));
    EXPECT_EQ(message_of<ValueError>([&] { (twice + half).inverse(q); }),
              "Call::inverse: the composition (twice.forward + half.forward) has no inverse");
    std::vector<glm::dvec4> untouched{q};
    EXPECT_EQ(message_of<ValueError>([&] { twice(twice + half).inverse_all(untouched); }),
              "Call::inverse_all: the composition (twice.forward + half.forward) has no inverse");
    EXPECT_EQ(untouched[0], q);

    // Chain types: a composition's type is its operands'.
    Snippet v2("vec2 f(vec2 p) { return p; }", "takes_vec2");
    p["value"] = v2(twice() + half());
    EXPECT_EQ(message_of<TypeError>([&] { p.draw(gloo::Primitive::Points, 0, 1); }),
              "Program: hook 'value': takes_vec2.f takes (vec2), not the float that (twice.forward + half.forward) returns");
    // <hook.member> calls the member of each operand: each must have it.
    Snippet only_forward("float forward(float x) { return x; }", "only_forward");
    Program r("void main() { float f = <h.inverse(1.0)>; }", "void main() {}");
    r["h"] = twice + only_forward;
    EXPECT_EQ(message_of<KeyError>([&] { r.source(ShaderStage::Vertex); }),
              "Program: hook 'h': snippet 'only_forward' has no function 'inverse'");
    EXPECT_EQ(p.generations(), 4u);
}

TEST_F(SnippetTest, VaryingsAreMangledPerInstanceAlikeInBothStages) {
    // One snippet code, two instances, each pasted in both stages: each instance's varying
    // gets its own name, the same in the vertex stage (written, `out`) and the fragment
    // stage (read, `in`), so the two never mix. glumpy's _GLUMPY__VERTEX_SHADER__ keeps the
    // writer out of the fragment stage, where a varying is read-only.
    const char* code = R"(
varying float v_t;
#ifdef _GLUMPY__VERTEX_SHADER__
void forward(float x) { v_t = x; }
#endif
float shade(float y) { return v_t * y; }
)";
    Snippet t(code, "t"), u(code, "u");
    Program p(R"(#version 330
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = 1.0; <t(0.25)>; <u(0.125)>; }
)",
              R"(#version 330
out vec4 color;
void main() { color = vec4(<t.shade(2.0)>, <u.shade(1.0)>, 0.0, 1.0); }
)");
    p["t"] = t;
    p["u"] = u;
    p["a_position"] = glm::vec2(0.25f, 0.25f);
    const std::string vt = "v_t_" + std::to_string(t.id()), vu = "v_t_" + std::to_string(u.id());
    EXPECT_NE(p.source(ShaderStage::Vertex).find("out float " + vt + ";"), std::string::npos) << p.source(ShaderStage::Vertex);
    EXPECT_NE(p.source(ShaderStage::Vertex).find("out float " + vu + ";"), std::string::npos);
    EXPECT_NE(p.source(ShaderStage::Fragment).find("in float " + vt + ";"), std::string::npos) << p.source(ShaderStage::Fragment);
    EXPECT_NE(p.source(ShaderStage::Fragment).find("in float " + vu + ";"), std::string::npos);
    EXPECT_EQ(t.varyings(), (std::vector<std::pair<std::string, std::string>>{{"float", "v_t"}}));
    test::RawTarget target(4, 4);
    p.draw(gloo::Primitive::Points, 0, 1);
    EXPECT_EQ(target.pixel(2, 2)[0], 128); // 0.25 * 2
    EXPECT_EQ(target.pixel(2, 2)[1], 32);  // 0.125 * 1
    // Two snippets share a varying by alias: the reader takes the writer's name.
    Snippet writer("out float v_w;\nvoid forward(float x) { v_w = x; }\n", "writer");
    Snippet reader("in float v_w;\nfloat forward(float y) { return v_w * y; }\n", "reader");
    reader.alias("v_w", writer.mangled("v_w"));
    Program q(R"(#version 330
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = 1.0; <w(0.75)>; }
)",
              "#version 330\nout vec4 color;\nvoid main() { color = vec4(<r(1.0)>, 0.0, 0.0, 1.0); }\n");
    q["w"] = writer;
    q["r"] = reader;
    q["a_position"] = glm::vec2(0.25f, 0.25f);
    q.draw(gloo::Primitive::Points, 0, 1);
    EXPECT_EQ(target.pixel(2, 2)[0], 191); // 0.75
}

TEST_F(SnippetTest, SnippetAttributesAreAssignedThroughTheirHook) {
    // glumpy's `attribute` in a snippet (its transforms declare theirs): mangled per
    // instance, written `in` for GLSL 3.30, and assigned as program["hook.attr"] (or
    // program["snippet.attr"], by the snippet's name), which follows the hook to a new
    // instance at the next link.
    const char* code = "attribute vec2 offset;\nvec4 forward(vec2 p) { return vec4(p + offset, 0.0, 1.0); }\n";
    Snippet a(code, "shift"), b(code, "shift2");
    Program p(R"(#version 330
in vec2 a_position;
void main() { gl_Position = <transform(a_position)>; gl_PointSize = 1.0; }
)",
              "#version 330\nout vec4 color;\nvoid main() { color = vec4(1.0); }\n");
    EXPECT_EQ(message_of<KeyError>([&] { p["transform.offset"] = glm::vec2(0.5f, 0.0f); }),
              "Program::operator[]: 'transform.offset': no hook or snippet 'transform' in this program declares an attribute 'offset'");
    p["transform"] = a;
    p["a_position"] = glm::vec2(-0.25f, 0.25f);
    p["transform.offset"] = glm::vec2(0.5f, 0.0f); // (-0.25, 0.25) + (0.5, 0) -> pixel (2, 2)
    EXPECT_NE(p.source(ShaderStage::Vertex).find("in vec2 offset_" + std::to_string(a.id()) + ";"), std::string::npos)
        << p.source(ShaderStage::Vertex);
    {
        test::RawTarget target(4, 4);
        p.draw(gloo::Primitive::Points, 0, 1);
        EXPECT_EQ(target.pixel(2, 2)[0], 255);
        EXPECT_EQ(target.pixel(1, 2)[0], 0);
    }
    p["transform"] = b; // relinks: offset_<b> gets the kept value
    {
        test::RawTarget target(4, 4);
        p.draw(gloo::Primitive::Points, 0, 1);
        EXPECT_EQ(target.pixel(2, 2)[0], 255);
    }
    p["shift2.offset"] = glm::vec2(0.0f, 0.0f); // by the snippet's name: now at pixel (1, 2)
    {
        test::RawTarget target(4, 4);
        p.draw(gloo::Primitive::Points, 0, 1);
        EXPECT_EQ(target.pixel(1, 2)[0], 255);
        EXPECT_EQ(target.pixel(2, 2)[0], 0);
    }
    EXPECT_EQ(message_of<KeyError>([&] { p["transform.offst"] = glm::vec2(0.0f); }),
              "Program::operator[]: 'transform.offst': no hook or snippet 'transform' in this program declares an attribute 'offst'");
}

TEST(Snippet, HooksInHostileText) {
    // Hooks are found by a linear scan: a hook of 200,000 characters, comparisons, unclosed
    // and doubly nested parentheses neither crash nor hang, and only real hooks are hooks.
    const std::string long_arg(200000, 'a');
    Program p("void main() { <h(" + long_arg + ")>; <g((x)(y))>; < k >; a < b; c > e; <d>; <m(((n)))>; <(; <p(q; }\n",
              "void main() {}\n");
    EXPECT_EQ(p.hooks(), (std::vector<std::string>{"h", "g", "k", "d"}));
    Snippet s("float f(float x) { return x; }", "f");
    for (const char* h : {"h", "g", "k", "d"}) p[h] = s;
    const std::string src = p.source(ShaderStage::Vertex);
    const std::string f = "f_" + std::to_string(s.id());
    EXPECT_NE(src.find(f + "(" + long_arg + "); " + f + "((x)(y)); " + f + "(); a < b; c > e; " + f + "(); <m(((n)))>;"), std::string::npos)
        << src.substr(0, 300);
}
