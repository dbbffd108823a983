#pragma once
// transforms::Program: a gloo::Program whose sources have hooks (glumpy's gloo.Program
// with snippets).
//
//   transforms::Program p(R"(
//       #version 330
//       in vec2 a_position;
//       void main() { gl_Position = <transform(a_position)>; }
//   )", fragment);
//   transforms::PanZoom pan_zoom;
//   p["transform"] = pan_zoom(transforms::Position());   // a hook: filled with a Call
//   p["a_position"] = positions;                           // anything else: gloo::Program's
//   p.draw(gloo::Primitive::Points);
//
// Hooks (glumpy's syntax): `<name>`, `<name(args)>`, `<name.member>`, anywhere in any
// stage; the same name may appear several times and in several stages. A hook is filled
// with a Call (a snippet, or a chain `a(b(c))`), or with GLSL text. What a hook becomes is
// what glumpy 1.2.1's gloo generates for it (tests/golden/glumpy-snippets.txt is glumpy's
// own output, compared by test_snippet_glumpy):
//  - `<name(args)>` with a chain: the chain's calls, the hook's args given to the innermost
//    call that has no arguments of its own (`scale(position())` in `<t(P)>` gives
//    `forward_3(position_2(P))`); a call with text arguments keeps them;
//  - `<name>`: the same without hook args: a call with no arguments becomes `name()`
//    (glumpy's mangled_call), so `scale(position())` gives `forward_3(position_2())`. A
//    snippet's function cannot take arguments from after the hook (`<name>(B)` would be
//    `forward_3()(B)`): give them in the hook, `<name(B)>`, or fill the hook with text;
//  - `<name.member>`: `member` is a function of the outermost snippet (that function is
//    called instead of the default; of each operand, for an arithmetic composition: see
//    Call), or a uniform of any snippet of the chain (its mangled name: read it; where
//    several declare it, the last in glumpy's order, the call's own snippet, then its
//    arguments' in order, then a composition's right operand's, as glumpy's
//    Snippet.globals; the whole chain is then pasted, as glumpy pastes it);
//  - filled with text (`p["h"] = "forward"`): the text as written, then `.member` for
//    `<name.member>`; the hook's own `(args)` are dropped, as glumpy drops them, so
//    `<h>(B)` gives `forward(B)` and `<h(B)>` gives `forward`.
// Each distinct snippet instance is pasted once per stage, mangled (Snippet.hpp), after the
// stage's `#version`/`#extension` lines. Where a pasted snippet's code names one of the
// macros GLUMPP_VERTEX_SHADER, GLUMPP_GEOMETRY_SHADER, GLUMPP_FRAGMENT_SHADER, the stage's
// own is #defined before the snippets (glumpy's _GLUMPY__FRAGMENT_SHADER__), so one snippet
// may hold code only some stages accept (a scale's discard, Viewport's clipping).
// glumpy's own names for these macros, _GLUMPY__VERTEX_SHADER__, _GLUMPY__GEOMETRY_SHADER__
// and _GLUMPY__FRAGMENT_SHADER__, work alike (glumpy's snippets test them), and are
// #defined with GLUMPP's where a snippet names either (a fragment stage may not write a
// varying: a snippet in both stages keeps its writer to the vertex one so).
//
// Snippet attributes and varyings (glumpy's snippets declare them: `attribute vec2
// position;`, `varying vec4 v_color;`): mangled per instance like uniforms, so one instance
// in both stages declares the same varying name in both and they meet at link (glumpy does
// the same; two different snippets meet only by alias: Snippet::alias). In a stage whose
// `#version` is 130 or more, a snippet's `varying` is written `out` in the vertex stage and
// `in` in the fragment stage, its `attribute` `in` in the vertex stage (glumpy's GLSL 1.20
// snippets then work in a 3.30 core program); `in`/`out` written by the snippet, and any
// geometry stage, are left as written. A snippet attribute is assigned as
// `program["HOOK.attr"] = data` (the last snippet of the hook's chain declaring `attr`, as
// `<HOOK.attr>` finds it) or `program["SNIPPET.attr"]` (by Snippet::name(), in any hook's
// chain): the mangled name is looked up at the assignment (KeyError "Program::operator[]:
// 'HOOK.attr': ..." where nothing declares it: fill the hook first) and again at each
// link, so the value follows the hook to a new chain that declares it (and is left out of
// one that does not). glumpy's way, `snippet["attr"] = data`, would need a snippet to know
// its programs' vertex counts: here a snippet holds uniforms only. attribute("HOOK.attr")
// reads a store's block likewise; a relink carries a store's blocks by GL name, so a
// snippet attribute's block is carried only while the instance stays.
//
// Chain types are checked where known: a call's argument that is a call has a return type
// (the overload taking its argument's type, or the one all one-parameter overloads share),
// and the outer function must have a one-parameter overload taking it; otherwise a
// TypeError "Program: hook 'NAME': ...", naming both functions and the types.
//
// When GLSL is generated and linked: lazily. source() generates the text (no GL call, no
// context needed; what it returns is what would be compiled) if a hook changed since the
// last generation. The first draw or gl() after a change generates if needed and links a
// new GL program (glCreateProgram, compile, link: with the draw, 0.8 to 1.1 ms on llvmpipe
// for a small program, 15 ms on a cold start; printed by test_transforms
// AStoreSurvivesARelink); reassigning a hook, even with the same chain, counts as a change. The new program then gets every attribute
// and uniform assigned through operator[] again (kept here by name, the last assignment of
// each; arrays are kept as views, so what was written into them since is what it reads),
// and a program with a store gets the old store's blocks copied in. A failed link keeps
// the old GL program; the next draw tries again.
// A frame that only changes uniforms generates no GLSL and links nothing (generations()
// counts links): each draw compares each pasted snippet's version with the one last handed
// over, gives the changed snippets' values to the GL program (by mangled name), and
// gloo::Program's cache uploads only values that differ (glUniform*, one call each).
//
// Errors:
//  - a hook unfilled when GLSL is generated (first draw, source()): ValueError
//    "Program::draw: hook 'NAME' is not filled" (the caller named), the program unchanged;
//  - assigning a Call or text to a name that is no hook: KeyError "Program::operator[]:
//    no hook 'NAME'; hooks: ...";
//  - GLSL of a snippet that does not compile: ShaderError "Program: hook 'NAME': snippet
//    'S' does not compile", quoting the snippet's generated lines with their numbers, then
//    the driver's log; a compile error outside snippets is gloo's ShaderError unchanged;
//  - incompatible chain types: TypeError (above).
// Not supported: per-program values of a shared snippet's uniform (glumpy neither: values live in the
// snippet), in-place arithmetic (`p["u"] *= 2`: assign the new value).

#include <glumpp/gloo/Program.hpp>
#include <glumpp/transforms/Snippet.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::transforms {

enum class ShaderStage { Vertex, Geometry, Fragment };

class Program {
public:
    Program(std::string vertex, std::string fragment, std::string geometry = {});
    /// With a program-owned store of `count` vertices (gloo::Program's; see there). A relink
    /// makes a new store and copies every block the old one had for an attribute of the
    /// same name and type into it, so data written through attribute() survives.
    Program(std::string vertex, std::string fragment, std::size_t count, std::string geometry = {});
    ~Program();
    Program(Program&&) noexcept;
    Program& operator=(Program&&) noexcept;

    class Variable {
    public:
        /// Fills the hook (KeyError if `name` is no hook). Marks the program stale.
        Variable& operator=(const Call& call);
        Variable& operator=(const Snippet& snippet) { return *this = Call(snippet); }
        /// GLSL text for a hook; for any other name a gloo value (a string is no uniform).
        Variable& operator=(const char* text) { return assign_text(text); }
        Variable& operator=(const std::string& text) { return assign_text(text); }
        /// Anything gloo::Program::Variable takes: applied now if the GL program exists
        /// (its errors thrown now), kept and re-applied after every relink.
        template <class T>
        Variable& operator=(const T& value)
            requires(!std::is_convertible_v<T, Call> && !std::is_convertible_v<T, std::string>)
        {
            keep([value](gloo::Program::Variable v) { v = value; });
            return *this;
        }
        Variable& operator=(std::initializer_list<double> values) {
            std::vector<double> copy(values);
            keep([copy](gloo::Program::Variable v) { v = Array::from(copy); });
            return *this;
        }

    private:
        friend class Program;
        Variable(Program& p, std::string name) : p_(p), name_(std::move(name)) {}
        Variable& assign_text(const std::string& text);
        void keep(std::function<void(gloo::Program::Variable)> apply);
        Program& p_;
        std::string name_;
    };
    Variable operator[](std::string_view name) { return Variable(*this, std::string(name)); }

    /// The hook names found in the sources, in order of first appearance.
    const std::vector<std::string>& hooks() const { return hook_names_; }
    /// The generated source of a stage (generating it first if stale; no GL call, no link). Empty for
    /// a geometry stage the program does not have.
    const std::string& source(ShaderStage stage);
    /// The GL program, generated and linked if stale, snippet uniforms handed over.
    gloo::Program& gl();
    /// The store's block for an attribute (after gl(); see gloo::Program::attribute); a
    /// snippet's attribute as "hook.attr" (see operator[]).
    Array attribute(std::string_view name);
    /// How many times GLSL was generated and linked.
    std::size_t generations() const { return generations_; }

    /// gloo::Program's draws, after gl() (see there).
    void draw(gloo::Primitive mode, std::size_t first = 0, std::optional<std::size_t> count = {});
    void draw(gloo::Primitive mode, const gloo::IndexBuffer& indices);

private:
    struct Hook {
        bool filled = false;
        std::optional<Call> call;
        std::string text;
    };
    struct Range { // where a pasted snippet lies in a generated stage, for compile errors
        int stage, first, last;
        Snippet snippet;
        std::string hook;
    };
    // "hook.attr" or "snippet.attr" -> the mangled name of that snippet attribute; other
    // names unchanged. Unresolved: KeyError naming `caller`, or "" without a caller.
    std::string resolve(const std::string& name, const char* caller) const;
    gloo::Program& prepare(const char* caller);
    void generate(const char* caller); // GLSL text only (no GL call)
    void link();                       // a new gloo::Program from generated_
    std::vector<Range> ranges_;
    bool generated_ok_ = false;
    std::string sources_[3];
    std::string generated_[3];
    std::vector<std::string> hook_names_;
    std::map<std::string, Hook> hooks_;
    std::vector<std::pair<std::string, std::function<void(gloo::Program::Variable)>>> kept_;
    std::vector<Snippet> pasted_;                      // distinct snippet instances in use
    std::map<std::uint64_t, std::uint64_t> handed_;    // snippet id -> version handed over
    std::optional<gloo::Program> gl_;
    std::optional<std::size_t> count_;
    bool stale_ = true;
    std::size_t generations_ = 0;
};

} // namespace glumpp::transforms
