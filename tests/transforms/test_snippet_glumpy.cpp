// The code hooks generate, against glumpy's own (tests/golden/glumpy-snippets.txt, made by
// tests/tools/glumpy_snippets.py with glumpy 1.2.1): the same snippets in the same hooks
// must give the same lines, for the forms glumpy's Snippet and Program generate (calls
// without arguments, text, arithmetic, attributes and varyings, several names in one
// declaration) and for glumpy's own examples snippet-grids and snippet-cubes. Both sides are normalized as tests/examples/snippet_usage_check.py
// does: comments, blank lines and #define dropped, lines stripped, each snippet id renamed by
// its first appearance in the program's own code (glumpy and glumpp count ids differently;
// what matters is which names share an instance); the pasted snippets are compared as a
// set of lines (glumpy pastes them in a set's order), the program's code line by line.
#include "../TestUtil.hpp"

#include <glumpp/transforms.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace glumpp;
using namespace glumpp::transforms;

namespace {

const char* scale_code = R"(
uniform float factor;
float forward(float x) { return factor*x; }
float inverse(float x) { return x/factor; }
)";

Snippet S() { return Snippet(scale_code, "scale"); }

// "=== CASE STAGE" sections of glumpy's output.
const std::map<std::string, std::string>& glumpy_output() {
    static const std::map<std::string, std::string> sections = [] {
        std::ifstream in(GLUMPP_GLUMPY_SNIPPETS);
        std::map<std::string, std::string> out;
        std::string line, key;
        while (std::getline(in, line)) {
            if (line.rfind("=== ", 0) == 0)
                key = line.substr(4);
            else if (!key.empty())
                out[key] += line + "\n";
        }
        return out;
    }();
    return sections;
}

struct Normalized {
    std::vector<std::string> snippets, program;
};

// `first` is the first line of the program's own code: what comes before it is snippets.
Normalized normalize(const std::string& text, const std::string& first) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        const auto b = l.find_first_not_of(" \t"), e = l.find_last_not_of(" \t\r");
        if (b == std::string::npos) continue;
        l = l.substr(b, e - b + 1);
        if (l.rfind("//", 0) == 0 || l.rfind("#define", 0) == 0 || l.rfind("#version", 0) == 0) continue;
        lines.push_back(l);
    }
    const auto start = std::find(lines.begin(), lines.end(), first);
    Normalized n{{lines.begin(), start}, {start, lines.end()}};
    static const std::regex id(R"(\b([A-Za-z]\w*?)_(\d+)\b)");
    std::map<std::string, std::string> ids;
    auto rename = [&](const std::string& l) {
        std::string out;
        auto last = l.cbegin();
        for (std::sregex_iterator it(l.begin(), l.end(), id), end; it != end; ++it) {
            out.append(last, (*it)[0].first);
            auto [at, added] = ids.try_emplace((*it)[2].str(), "#" + std::to_string(ids.size()));
            out += (*it)[1].str() + "_" + at->second;
            last = (*it)[0].second;
        }
        return out.append(last, l.cend());
    };
    for (auto& l : n.program) l = rename(l);
    for (auto& l : n.snippets) l = rename(l);
    std::sort(n.snippets.begin(), n.snippets.end());
    return n;
}

void expect_as_glumpy(const std::string& name, Program& p, const std::string& vertex_first, const std::string& fragment_first) {
    for (auto [stage, label, first] : {std::tuple{ShaderStage::Vertex, "vertex", vertex_first},
                                       std::tuple{ShaderStage::Fragment, "fragment", fragment_first}}) {
        const auto it = glumpy_output().find(name + " " + label);
        ASSERT_NE(it, glumpy_output().end()) << "no '" << name << " " << label << "' in " << GLUMPP_GLUMPY_SNIPPETS;
        const std::string ours = p.source(stage);
        const Normalized a = normalize(ours, first), b = normalize(it->second, first);
        EXPECT_EQ(a.program, b.program) << name << " " << label << ", ours:\n" << ours << "\nglumpy's:\n" << it->second;
        EXPECT_EQ(a.snippets, b.snippets) << name << " " << label << ", ours:\n" << ours << "\nglumpy's:\n" << it->second;
        EXPECT_FALSE(a.program.empty()) << ours;
    }
}

} // namespace

TEST(SnippetGlumpy, CallsWithoutArguments) {
    // glumpy's mangled_call: a call with no arguments gives name(), at any depth.
    Program p("void main() {\n<h1>;\n<h2>;\n<h3(X)>;\n<h4(X)>;\n}\n", "void main() {}\n");
    p["h1"] = S()();
    p["h2"] = S()(S()());
    p["h3"] = S()(S()());
    p["h4"] = S()(S()("Y"));
    expect_as_glumpy("bare", p, "void main() {", "void main() {}");
}

TEST(SnippetGlumpy, TextFills) {
    // Text is pasted as written, then the members; the hook's arguments are dropped.
    Program p("void main() {\n<t1>;\n<t2(X)>;\n<t3.x>;\n<t4>(X);\n}\n", "void main() {}\n");
    p["t1"] = "foo";
    p["t2"] = "bar";
    p["t3"] = "baz";
    p["t4"] = "qux";
    expect_as_glumpy("text", p, "void main() {", "void main() {}");
}

TEST(SnippetGlumpy, ArithmeticComposition) {
    // glumpy's Snippet.__add__, __mul__, __sub__ and __op__("/"): both results combined,
    // the hook's arguments and member given to each operand.
    Program p("void main() {\n<h1>;\n<h2(X)>;\n<h3.inverse>;\n<h4>;\n<h5>;\n<h6>;\n<h7(X)>;\n<h8.factor>;\n}\n",
              "void main() {}\n");
    p["h1"] = S()("P") + S()("P");
    p["h2"] = S()() * S()();
    p["h3"] = S()("P") - S()("P");
    p["h4"] = S()("P") + S()("P") * S()("P");
    p["h5"] = S()("P") * S()("P") + S()("P");
    p["h6"] = S()(S()("P") + S()("Q"));
    p["h7"] = S()() / S()();
    p["h8"] = S()("P") + S()("P"); // glumpy's Snippet.globals: the last snippet declaring it
    expect_as_glumpy("arithmetic", p, "void main() {", "void main() {}");
}

TEST(SnippetGlumpy, AttributesVaryingsAndSeveralNames) {
    // One instance in both stages: the same mangled declarations in each (GLSL 1.10 here,
    // as glumpy's, so `attribute` and `varying` stay as written), <grid.v_x> its varying.
    Snippet grid(R"(
uniform float rows, cols;
attribute vec2 offset;
varying float v_index, v_x;
vec2 cell(vec2 position, float index)
{
    v_index = index;
    v_x = position.x;
    return position + offset * vec2(rows, cols);
}
float cell(float index) { return v_index + v_x + index; }
)",
                 "grid");
    Program p("attribute vec2 position;\nattribute float index;\nvoid main() {\ngl_Position = vec4(<grid(position, index)>, 0.0, "
              "1.0);\n<grid.v_x>;\n}\n",
              "void main() {\ngl_FragColor = vec4(<grid.cell(1.0)>);\n<grid.v_x>;\n}\n");
    p["grid"] = grid;
    expect_as_glumpy("declarations", p, "attribute vec2 position;", "void main() {");
}

namespace {

const std::string& input(const std::string& key) {
    static const std::string none;
    const auto it = glumpy_output().find(key);
    return it == glumpy_output().end() ? none : it->second;
}

// The first line of a shader's own code (stripped), where normalize() starts the program.
std::string first_line(const std::string& text) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        const auto b = l.find_first_not_of(" \t"), e = l.find_last_not_of(" \t\r");
        if (b != std::string::npos && l.compare(b, 2, "//") != 0) return l.substr(b, e - b + 1);
    }
    return {};
}

} // namespace

TEST(SnippetGlumpy, GlumpyExamplesHooks) {
    // glumpy's examples/snippet-grids.py and snippet-cubes.py: their snippets and shaders as
    // the scripts write them (GLSL 1.20; read from the reference, which holds glumpy's text),
    // their hooks filled as the scripts fill them. Where glumpy's snippet-grids cannot link
    // (Grid and Clip mangle their varyings apart), ours gives the same text: the port links
    // by an alias (examples/snippet-grids.cpp).
    {
        const std::string vertex = input("snippet-grids input vertex"), fragment = input("snippet-grids input fragment");
        ASSERT_FALSE(vertex.empty()) << GLUMPP_GLUMPY_SNIPPETS;
        Snippet Position(input("snippet-grids input Position")), XScale(input("snippet-grids input XScale")),
            Grid(input("snippet-grids input Grid")), Clip(input("snippet-grids input Clip"));
        Program p(vertex, fragment);
        p["grid"] = Position(Grid(XScale("vec2(posx,posy)"), "index"));
        p["clip"] = Clip();
        expect_as_glumpy("snippet-grids", p, first_line(vertex), first_line(fragment));
    }
    {
        const std::string vertex = input("snippet-cubes input vertex"), fragment = input("snippet-cubes input fragment");
        ASSERT_FALSE(vertex.empty()) << GLUMPP_GLUMPY_SNIPPETS;
        Snippet Grid(input("snippet-cubes input Grid")), Clip(input("snippet-cubes input Clip"));
        Program p(vertex, fragment);
        p["grid"] = Grid("pos", "index");
        p["clip"] = Clip("v_index");
        expect_as_glumpy("snippet-cubes", p, first_line(vertex), first_line(fragment));
    }
}
