// graphics::glsl: every piece of the table compiles and links on real GL (llvmpipe), the
// include merging pastes each name once, and unknown names are KeyErrors that say where.
// What the pieces draw is checked against glumpy's own screenshots by the golden tests of
// the ports that use them (gloo-regular-grids, gloo-irregular-grids, heatmap, colormaps).
#include <glumpp/graphics/Glsl.hpp>

#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <cstdint>
#include <regex>
#include <set>
#include <sstream>

using namespace glumpp;
namespace glsl = graphics::glsl;

namespace {

const char* vertex = R"(#version 330 core
in vec2 position;
out vec2 v_texcoord;
out vec2 v_size;
void main() { v_texcoord = 0.5 * position; v_size = vec2(64.0); gl_Position = vec4(position, 0.0, 1.0); })";

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

class Glsl : public test::GLTest {};

// A fragment shader of each piece: the .frag ones as they are, the others included by a
// main() that calls nothing (the compiler still checks every function).
TEST_F(Glsl, EveryPieceCompilesAndLinks) {
    test::RawTarget target(8, 8);
    const auto names = glsl::names();
    ASSERT_GE(names.size(), 21u);
    for (const auto& name : names) {
        SCOPED_TRACE(name);
        std::string fragment = "#version 330 core\n";
        if (name.ends_with(".frag"))
            fragment += std::string(glsl::get(name));
        else
            fragment += glsl::merge_includes("#include \"" + name + "\"\nout vec4 frag_color;\nvoid main() { frag_color = vec4(1.0); }\n");
        gloo::Program program(vertex, fragment, 4);
        program["position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
        if (name == "misc/irregular-grid.frag") program["u_grid"] = gloo::Texture2D::zeros({1, 16, 4}, DType::of<float>());
        EXPECT_NO_THROW(program.draw(gloo::Primitive::TriangleStrip));
    }
}

TEST_F(Glsl, AColormapDrawsGlumpysValue) {
    // colormap_hot(0.5) = (smoothstep(0, 1/3, 0.5), smoothstep(1/3, 2/3, 0.5), smoothstep(2/3, 1, 0.5))
    //                   = (1, 0.5, 0): (255, 127 or 128, 0) in 8 bits (GL may round 127.5 either way).
    test::RawTarget target(4, 4);
    gloo::Program program(vertex, "#version 330 core\n" + glsl::merge_includes(R"(#include "colormaps/colormaps.glsl"
out vec4 frag_color;
void main() { frag_color = vec4(colormap_hot(0.5), 1.0); })"), 4);
    program["position"] = {{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}};
    program.draw(gloo::Primitive::TriangleStrip);
    const auto pixel = target.pixel(1, 1);
    EXPECT_EQ(pixel[0], 255);
    EXPECT_NEAR(pixel[1], 127.5, 0.5);
    EXPECT_EQ(pixel[2], 0);
}

TEST(GlslText, IncludesAreMergedOnceEach) {
    const std::string merged = glsl::merge_includes("#include \"colormaps/colormaps.glsl\"\n  #  include \"colormaps/util.glsl\"\nvoid f();");
    // util.glsl is asked for by the umbrella, by gray, discrete, icefire and again here.
    EXPECT_EQ(count(merged, "float colormap_segment("), 1u);
    EXPECT_EQ(count(merged, "vec3 colormap_ice("), 1u); // the umbrella's and icefire's
    EXPECT_EQ(count(merged, "#include"), 0u);
    EXPECT_TRUE(merged.ends_with("\nvoid f();"));
    EXPECT_NE(merged.find("// --- start of \"colormaps/hot.glsl\" ---"), std::string::npos);
    // Lines that are not directives stay as written, an unclosed one too.
    EXPECT_EQ(glsl::merge_includes("// #include \"nope\"\n#include \"unclosed\nx"), "// #include \"nope\"\n#include \"unclosed\nx");
    EXPECT_EQ(glsl::merge_includes(""), "");
}

TEST(GlslText, UnknownNamesAreKeyErrorsThatSayWhere) {
    const auto message = test::message_of<KeyError>([] { glsl::get("colormaps/viridis.glsl"); });
    EXPECT_TRUE(message.starts_with("glsl::get: no GLSL named 'colormaps/viridis.glsl'; names: antialias/filled.glsl, ")) << message;
    const auto merged = test::message_of<KeyError>([] { glsl::merge_includes("void f();\n#include \"markers/disc.glsl\"\n"); });
    EXPECT_TRUE(merged.starts_with("glsl::merge_includes: no GLSL named 'markers/disc.glsl' (line 2 of the source); names: ")) << merged;
    EXPECT_NE(merged.find("markers/square.glsl"), std::string::npos) << merged;
}

// Hostile input: random lines of directive fragments, names, quotes and blanks. Every
// call ends, with text or a KeyError naming the function; a text has no directive left whose
// name the table knows.
TEST(GlslText, RandomSourcesEndWithTextOrAKeyError) {
    const std::vector<std::string> pieces = {"#", "include", " ", "\t", "\"", "\n", "colormaps/util.glsl", "colormaps/colormaps.glsl",
                                             "misc/regular-grid.frag", "nope", "x", "//", "#include \"colormaps/icefire.glsl\"\n",
                                             "\n#include \"markers/nope.glsl\"", "#include \""};
    std::uint64_t state = 12345; // a small LCG: the test's own stream, reproducible
    auto next = [&state](std::size_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    // The rule, restated as a regular expression over lines.
    const std::regex directive(R"re(^[ \t]*#[ \t]*include[ \t]*"([^"]*)")re");
    const auto names = glsl::names();
    const std::set<std::string> known(names.begin(), names.end());
    std::size_t texts = 0, errors = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string source;
        for (std::size_t k = next(40); k > 0; --k) source += pieces[next(pieces.size())];
        try {
            const std::string merged = glsl::merge_includes(source);
            ++texts;
            std::istringstream lines(merged);
            std::smatch m;
            for (std::string line; std::getline(lines, line);)
                if (std::regex_search(line, m, directive)) {
                    EXPECT_FALSE(known.count(m[1].str())) << "left: " << line << "\nin: " << source;
                }
        } catch (const KeyError& e) {
            ++errors;
            EXPECT_TRUE(std::string(e.what()).starts_with("glsl::merge_includes: no GLSL named '")) << e.what();
        }
    }
    EXPECT_GT(texts, 100u);
    EXPECT_GT(errors, 100u) << texts;
}

} // namespace
