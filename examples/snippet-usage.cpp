// glumpy's examples/snippet-usage.py: hooks filled with snippets in every form glumpy
// documents, and the generated vertex code printed. No window: glumpy's script never draws
// (its code calls a 'forward' it does not declare), and neither does this port.
//
// Same snippets, same hooks, same assignments, with glumpy's keywords spelled in C++:
// `transform_2("F", scale="aliased_scale")` is `transform_2.alias("scale", ...)`, and
// `transform_1('.x', name='x')` is `transform_1(".x").named("x")`. One difference, on
// purpose: in glumpy calling a snippet links it to its arguments in place, so each later
// call of transform_1 rewrites the earlier ones (glumpy prints forward_2(.x) for
// transform_1("A")); here every call is its own value, and each hook shows its own call.
// tests/examples/snippet_usage_check.py compares this output with glumpy's.
#include <glumpp/transforms.hpp>

#include <cstdio>

using namespace glumpp;
using transforms::Snippet;

int main() {
    Snippet transform_1(R"(
uniform float scale;
float forward(float x) { return scale*x; }
float inverse(float x) { return scale*x; }
)", "transform_1");
    Snippet transform_2(R"(
uniform float scale;
float forward(float x) { return scale*x; }
float inverse(float x) { return scale*x; }
)", "transform_2");
    Snippet transform_3(R"(
vec2 compose(float x, float y) { return vec2(x,y); }
vec2 compose(vec2 xy) { return xy; }
)", "transform_3");

    const char* code = R"(
uniform float scale;

void main(void)
{
    // ---
    float scale_t1 = <transform_1.scale>;
    float scale_t2 = <transform_6.scale>;

    // ---
    // Argument must be given through snippet
    <transform_1>;

    // Argument cannot be given through snippet
    <transform_2>(B);

    // Argument can be overriden throught snippet
    <transform_3(C)>;

    // ---
    // Default function (first defined) is used
    <transform_4>;

    // Forward function is used
    <transform_5.forward>;

    // Inverse function is used
    <transform_6.inverse>;

    // ---
    // Compose snippet with specific field affectation
    <transform_7>;

    // Compose snippet with generic field affectation
    // Note yet done
    <transform_8(H)>;

    <transform_8.x.scale>;
    <transform_8.y.scale>;
} )";

    transforms::Program program(code, "void main(){}");
    transform_2.alias("scale", "aliased_scale"); // glumpy: transform_2("F", scale="aliased_scale")
    program["transform_1"] = transform_1("A");
    program["transform_2"] = "forward";
    program["transform_3"] = transform_1();
    program["transform_4"] = transform_1("D");
    program["transform_5"] = transform_1(transform_2("E"));
    program["transform_6"] = transform_2("F");
    program["transform_7"] = transform_3(transform_1("G.x"), transform_2("G.y"));
    program["transform_8"] = transform_3(transform_1(".x").named("x"), transform_2(".y").named("y"));
    std::printf("%s\n", program.source(transforms::ShaderStage::Vertex).c_str());

    // A snippet already pasted into another program is pasted into a new one too.
    transforms::Program second("\nvoid main(void)\n{\n    // Argument must be given through snippet\n    <transform>;\n}\n",
                               "void main(){}");
    second["transform"] = transform_1("A");
    (void)second.source(transforms::ShaderStage::Vertex); // glumpy's script leaves its print commented out
    return 0;
}
