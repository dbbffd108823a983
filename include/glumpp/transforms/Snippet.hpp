#pragma once
// Snippet and Call: glumpy's shader composition (gloo.Snippet), the GLSL half.
//
//   transforms::Snippet scale(R"(
//       uniform float factor;
//       vec4 forward(vec4 p) { return vec4(factor * p.xyz, p.w); }
//   )", "scale");
//   scale["factor"] = 2.0f;                  // reaches every program using `scale`
//   program["transform"] = scale(position("a_position"));   // a Call: scale(position(..))
//
// A snippet is GLSL source declaring uniforms, attributes, varyings and functions (several
// overloads of one name are fine). Its instance gets an id at construction, and every name
// it declares (uniform, attribute, varying, function) is mangled to `name_<id>` when it is pasted into a program (code()), so one
// snippet may appear in several hooks of one program (pasted once, its uniforms shared)
// and two snippets declaring the same names never collide. Copies of a Snippet are the
// same instance (shared state, same id, same uniform values); make a second instance by
// constructing again.
//
// Parsing is by pattern, not a GLSL compiler, on the text with its comments blanked:
// declarations `QUALIFIER TYPE NAME[, NAME...];`, QUALIFIER one of uniform, attribute,
// in, varying, out (one declaration may name several, as
// `uniform float rows, cols;`; precision words are skipped, array sizes and initializers
// are no names; a hand-written scan in one pass, so hostile text costs time linear in
// its length) and function definitions `TYPE NAME(PARAMS) {` at any depth of the text (a
// snippet holds no nested functions, GLSL has none). The default function is the first one defined
// (glumpy's rule). Nothing here calls GL: a snippet's GLSL is compiled with the program
// that uses it, and its compile errors name it (see Program.hpp).
//
// Uniform values are kept here (as the Array gloo::Program would be given, and as doubles
// for the CPU twin) with a version counter bumped at each assignment; a program compares
// versions at each draw and hands changed values to its gloo::Program, whose cache uploads
// only what really changed.
//
// CPU twins: a snippet may carry `forward`/`inverse` functions on dvec4 giving the
// numbers its GLSL gives (set_cpu); Call::forward evaluates a chain innermost first. For
// many points, a snippet may also carry batch twins (set_cpu_batch: the same maths over a
// span, in place, reading its uniforms once per call instead of once per point), and
// Call::forward_all / inverse_all run a chain over a span, one snippet at a time, with the
// batch twin where there is one and the per-point twin otherwise: the same numbers as
// forward() point by point, at a fraction of the cost (bench_transforms: cpu_twin).

#include <glumpp/array/Array.hpp>

#include <glm/glm.hpp>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace glumpp::transforms {

class Snippet;
class Call;

namespace detail {
struct SnippetState;
}

/// One argument of a call: another call, or GLSL text (an attribute name, "P.xy").
struct Arg {
    std::shared_ptr<const Call> call; ///< set for a nested call
    std::string text;                 ///< otherwise
    Arg(const Call& c);
    Arg(const Snippet& s);
    Arg(std::string t) : text(std::move(t)) {}
    Arg(const char* t) : text(t) {}
};

/// A function declared by a snippet: `vec4 forward(vec4 p)` is {"vec4", "forward", {"vec4"}}.
struct Function {
    std::string returns, name;
    std::vector<std::string> params; ///< parameter types
};

/// A snippet called with arguments: what a hook is filled with. Cheap to copy (shares the
/// snippet). No GL call.
///
/// Or an arithmetic composition of two calls (glumpy's `A("P") + B("P")`): `a + b`, `a - b`,
/// `a * b`, `a / b` on calls or snippets give a Call whose GLSL is both results combined,
/// `forward_1(P) + forward_2(P)`, as glumpy's Snippet.__add__ and friends generate it. Each
/// operand is rendered as a hook would render it alone (the hook's arguments reach both:
/// `<h(X)>` with `a() * b()` gives `forward_1(X) * forward_2(X)`; `<h.inverse>` calls each
/// operand's inverse, as glumpy's). Unlike glumpy, which strings operators left to right
/// and so reads `(a + b) * c` as `a + b * c`, an operand of lower precedence (or a right
/// operand of `-` or `/` of the same) is parenthesized: the text is glumpy's wherever
/// glumpy's means what the C++ expression says. Its return type, for chain checks, is the
/// operands' shared type, or the vector/matrix one of a scalar and a vector/matrix pair.
/// Its CPU twin combines the operands' twins component by component (GLSL's arithmetic on
/// vec4 is component-wise too); it has no inverse (ValueError). Of glumpy's other
/// operators, `&` and `>>` generate no code in glumpy at all and are not offered.
class Call {
public:
    Call(const Snippet& snippet, std::string function = {}, std::vector<Arg> args = {});
    /// The snippet called; for a composition its left operand's (glumpy's composition is a
    /// copy of its first snippet).
    const Snippet& snippet() const;
    /// The function called: the one named at the call, else the snippet's default (for a
    /// composition its left operand's).
    const std::string& function() const { return function_; }
    const std::vector<Arg>& args() const { return args_; }
    /// '+', '-', '*' or '/' for an arithmetic composition, 0 for a call of a snippet.
    char op() const { return op_; }
    /// A composition's operands (null for a call of a snippet).
    const Call* lhs() const { return lhs_.get(); }
    const Call* rhs() const { return rhs_.get(); }
    /// "scale.forward", or "(scale.forward + offset.forward)" for a composition: what
    /// errors call it.
    std::string describe() const;
    /// This call, named: `<hook.NAME.member>` reaches it (glumpy's `name=` keyword).
    Call named(std::string name) const;
    const std::string& name() const { return name_; }
    /// The call named `name` in this chain (itself included), or nullptr.
    const Call* find(std::string_view name) const;

    /// The CPU twin of the chain for the hook's argument p: the innermost call's snippet
    /// first, outward. A text argument ".xy" (glumpy's) reads those components of p, padded
    /// with (0, 0, 0, 1) as Position pads; other text reads p whole. A call with several
    /// arguments reads them end to end, as GLSL's position(float, float) does: each gives
    /// as many components as its function's return type (float 1 ... vec4 4) or, for a
    /// function overloaded on its argument (a scale), as its one argument. ValueError
    /// "Call::forward: ..." naming the snippet for one without a CPU twin, or a width that
    /// cannot be told.
    glm::dvec4 forward(glm::dvec4 p) const;
    /// The inverse chain: outermost inverse first, each argument's components handed to
    /// its own inverse and written back where its swizzle read them; components no
    /// argument read pass through from p. ValueError for a snippet with no inverse.
    glm::dvec4 inverse(glm::dvec4 p) const;
    /// forward() and inverse() over every point of `points`, in place (see above). The same
    /// ValueError as forward()/inverse() ("Call::forward_all: ..."), thrown before any point
    /// is changed.
    void forward_all(std::span<glm::dvec4> points) const;
    void inverse_all(std::span<glm::dvec4> points) const;

private:
    friend Call operator+(const Call& a, const Call& b);
    friend Call operator-(const Call& a, const Call& b);
    friend Call operator*(const Call& a, const Call& b);
    friend Call operator/(const Call& a, const Call& b);
    Call(char op, const Call& a, const Call& b);
    void check_cpu(bool inverse, const char* caller) const; // throws before anything changes
    std::shared_ptr<Snippet> snippet_;
    std::string function_, name_;
    std::vector<Arg> args_;
    std::shared_ptr<const Call> lhs_, rhs_;
    char op_ = 0;
};

/// glumpy's arithmetic composition (see Call). Snippets convert: `a + b` is `a() + b()`.
Call operator+(const Call& a, const Call& b);
Call operator-(const Call& a, const Call& b);
Call operator*(const Call& a, const Call& b);
Call operator/(const Call& a, const Call& b);

class Snippet {
public:
    /// Parses `code` (see above). `name` is what errors call it (default "snippet<id>").
    /// ValueError "Snippet: ..." for code declaring no function.
    explicit Snippet(std::string code, std::string name = {});

    /// `s(args...)`: a call of the default function; `s.call("inverse", {...})` another.
    template <class... A>
    Call operator()(A&&... args) const {
        return Call(*this, {}, std::vector<Arg>{Arg(std::forward<A>(args))...});
    }
    Call call(std::string function, std::vector<Arg> args = {}) const { return Call(*this, std::move(function), std::move(args)); }

    /// Assigning a snippet uniform: `s["scale"] = 2.0f`, a glm vector or matrix.
    class Uniform {
    public:
        template <class T>
        Uniform& operator=(const T& value) {
            static_assert(std::is_arithmetic_v<T> || (sizeof(T) % sizeof(float) == 0 && std::is_trivially_copyable_v<T>));
            const T one[1] = {value};
            std::vector<double> numbers;
            if constexpr (std::is_arithmetic_v<T>) {
                numbers.push_back(static_cast<double>(value));
            } else { // glm float vectors and matrices (matrices column by column, as GL reads them)
                std::vector<float> f(sizeof(T) / sizeof(float));
                std::memcpy(f.data(), &value, sizeof(T));
                numbers.assign(f.begin(), f.end());
            }
            set(Array::from(std::span<const T>(one)), std::move(numbers));
            return *this;
        }

    private:
        friend class Snippet;
        Uniform(Snippet& s, std::string name) : s_(s), name_(std::move(name)) {}
        void set(const Array& value, std::vector<double> numbers);
        Snippet& s_;
        std::string name_;
    };
    /// KeyError "Snippet::operator[]: ..." naming the snippet and its uniforms for a name it
    /// does not declare. No GL call; programs upload at their next draw.
    Uniform operator[](std::string_view uniform) { return Uniform(*this, std::string(uniform)); }
    /// A uniform's value as numbers (empty until set), for CPU twins.
    const std::vector<double>& numbers(std::string_view uniform) const;

    const std::string& name() const;
    std::uint64_t id() const;
    /// `name` mangled for this instance: "scale" -> "scale_7", or its alias. Only declared
    /// names.
    std::string mangled(std::string_view name) const;
    /// glumpy's `snippet(..., scale="aliased_scale")`: the uniform, attribute or varying
    /// keeps the GLSL name `glsl_name` instead of a mangled one (to share it with code
    /// outside snippets, or with another snippet: `clip.alias("v_x", grid.mangled("v_x"))`
    /// makes a fragment snippet read the varying a vertex snippet writes; two snippets
    /// aliasing one name then declare it twice: GLSL allows that for one type).
    /// Programs already linked keep the old name until a hook of theirs changes. KeyError
    /// "Snippet::alias: ..." for a name the snippet does not declare.
    void alias(std::string_view variable, std::string glsl_name);
    /// The source with every declared name mangled: what programs paste in.
    std::string code() const;
    const std::vector<Function>& functions() const;
    /// Declared uniforms as (type, name).
    const std::vector<std::pair<std::string, std::string>>& uniforms() const;
    /// Declared attributes (`attribute` or `in`, glumpy's classing: in a fragment-stage
    /// snippet an `in` is the stage's input) and varyings (`varying` or `out`), as (type,
    /// name). Mangled per instance like uniforms, so one instance pasted in two stages
    /// declares the same names in both (Program.hpp says how `varying` and `attribute`
    /// are written for GLSL 1.30 and later).
    const std::vector<std::pair<std::string, std::string>>& attributes() const;
    const std::vector<std::pair<std::string, std::string>>& varyings() const;
    /// Whether `variable` is a declared uniform, attribute or varying.
    bool declares(std::string_view variable) const;
    /// Bumped by every uniform assignment.
    std::uint64_t version() const;
    /// The uniform values as set: (unmangled name, value).
    std::vector<std::pair<std::string, Array>> values() const;

    using Cpu = std::function<glm::dvec4(const Snippet&, glm::dvec4)>;
    void set_cpu(Cpu forward, Cpu inverse = {});
    const Cpu& cpu_forward() const;
    const Cpu& cpu_inverse() const;
    /// Batch twins: the per-point twins' numbers over a span, in place (optional; a snippet
    /// with a batch twin keeps its per-point one too). set_cpu() clears them (they must
    /// give its numbers): set the batch twins after it.
    using CpuBatch = std::function<void(const Snippet&, std::span<glm::dvec4>)>;
    void set_cpu_batch(CpuBatch forward, CpuBatch inverse = {});
    const CpuBatch& cpu_forward_batch() const;
    const CpuBatch& cpu_inverse_batch() const;

    bool same(const Snippet& o) const { return s_ == o.s_; }

private:
    std::shared_ptr<detail::SnippetState> s_;
};

} // namespace glumpp::transforms
