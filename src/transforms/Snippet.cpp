#include <glumpp/transforms/Snippet.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>

namespace glumpp::transforms {

namespace detail {

struct SnippetState {
    std::uint64_t id = 0;
    std::string name, source;
    std::vector<Function> functions;
    std::vector<std::pair<std::string, std::string>> uniforms, attributes, varyings;
    std::map<std::string, std::pair<Array, std::vector<double>>> values;
    std::map<std::string, std::string, std::less<>> aliases;
    std::uint64_t version = 0;
    Snippet::Cpu forward, inverse;
    Snippet::CpuBatch forward_batch, inverse_batch;
};

} // namespace detail

namespace {

std::atomic<std::uint64_t> next_id{1};

struct Declaration {
    std::string qualifier, type, name;
};

bool ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The type of each parameter in "float x, in vec2 y" (qualifiers dropped).
std::vector<std::string> param_types(const std::string& params) {
    std::vector<std::string> out;
    std::string p = trim(params);
    if (p.empty() || p == "void") return out;
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t comma = p.find(',', start);
        std::string one = trim(p.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        std::vector<std::string> words;
        std::size_t k = 0;
        while (k < one.size()) {
            while (k < one.size() && !ident(one[k])) ++k;
            std::size_t e = k;
            while (e < one.size() && ident(one[e])) ++e;
            if (e > k) words.push_back(one.substr(k, e - k));
            k = e;
        }
        std::string type;
        for (const auto& w : words) {
            if (w == "in" || w == "out" || w == "inout" || w == "const" || w == "highp" || w == "mediump" || w == "lowp") continue;
            type = w;
            break;
        }
        out.push_back(type);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// The source with comments blanked (same length, newlines kept), so that a declaration
// in a comment is not read as one.
std::string without_comments(const std::string& src) {
    std::string out = src;
    for (std::size_t k = 0; k + 1 < out.size(); ++k) {
        if (out[k] == '/' && out[k + 1] == '/') {
            while (k < out.size() && out[k] != '\n') out[k++] = ' ';
        } else if (out[k] == '/' && out[k + 1] == '*') {
            const std::size_t e = out.find("*/", k + 2);
            const std::size_t stop = e == std::string::npos ? out.size() : e + 2;
            for (; k < stop; ++k) {
                if (out[k] != '\n') out[k] = ' ';
            }
            --k;
        }
    }
    return out;
}

// Every `QUALIFIER TYPE NAME[, NAME...];` of `src` (comments blanked) whose qualifier is
// one of `qualifiers`, as (qualifier, type, name), in order: `uniform float rows, cols;` is
// two. Precision and interpolation words between qualifier and type are skipped; a name
// keeps no array size or initializer (`x[2]`, `b = vec2(1.0, 2.0)` are x and b). Text
// between the qualifier and `;` with unbalanced parentheses is a parameter list
// (`float f(in float x);`), no declaration. A hand-written scan, not std::regex (whose
// recursion grows with the text): each character is read a bounded number of times, as
// scanning goes on after each candidate's `;`, `{` or `}`.
std::vector<Declaration> declarations(const std::string& src, std::initializer_list<std::string_view> qualifiers) {
    static constexpr std::string_view skipped[] = {"highp", "mediump", "lowp", "flat", "smooth", "noperspective", "centroid", "invariant"};
    std::vector<Declaration> out;
    const std::size_t n = src.size();
    auto word_at = [&](std::size_t& k) { // the identifier at k (after blanks), k moved past it
        while (k < n && std::isspace(static_cast<unsigned char>(src[k]))) ++k;
        const std::size_t b = k;
        while (k < n && ident(src[k])) ++k;
        return std::string_view(src).substr(b, k - b);
    };
    std::size_t k = 0;
    while (k < n) {
        if (!ident(src[k]) || (k > 0 && ident(src[k - 1]))) {
            ++k;
            continue;
        }
        std::size_t e = k;
        const std::string_view qualifier = word_at(e);
        if (std::find(qualifiers.begin(), qualifiers.end(), qualifier) == qualifiers.end()) {
            k = e;
            continue;
        }
        std::string_view type = word_at(e);
        while (std::find(std::begin(skipped), std::end(skipped), type) != std::end(skipped)) type = word_at(e);
        std::size_t stop = e;
        while (stop < n && src[stop] != ';' && src[stop] != '{' && src[stop] != '}') ++stop;
        if (stop < n && src[stop] == ';' && !type.empty() && !std::isdigit(static_cast<unsigned char>(type[0]))) {
            std::vector<Declaration> found;
            int depth = 0;
            bool ok = true, expect_name = true;
            for (std::size_t j = e; j < stop && ok; ++j) {
                const char c = src[j];
                if (c == '(' || c == '[') ++depth;
                if (c == ')' || c == ']') ok = --depth >= 0;
                if (depth == 0 && c == ',') expect_name = true;
                if (expect_name && ident(c)) {
                    std::size_t w = j;
                    const std::string_view name = word_at(w);
                    ok = !std::isdigit(static_cast<unsigned char>(name[0]));
                    found.push_back({std::string(qualifier), std::string(type), std::string(name)});
                    expect_name = false;
                    j = w - 1;
                } else if (expect_name && c != ',' && !std::isspace(static_cast<unsigned char>(c))) {
                    ok = false;
                }
            }
            if (ok && depth == 0 && !expect_name) out.insert(out.end(), found.begin(), found.end());
        }
        k = stop + 1;
    }
    return out;
}

// Every function definition `TYPE NAME(PARAMS) {` of `src` (comments blanked), in order.
// A hand-written scan (see declarations()): from each `(`, back over NAME and TYPE, forward
// to its `)` (GLSL parameters hold no parentheses) and the `{`.
std::vector<Function> definitions(const std::string& src) {
    std::vector<Function> out;
    const std::size_t n = src.size();
    auto space = [&](std::size_t k) { return std::isspace(static_cast<unsigned char>(src[k])) != 0; };
    for (std::size_t open = src.find('('); open != std::string::npos; open = src.find('(', open + 1)) {
        std::size_t b = open;
        while (b > 0 && space(b - 1)) --b;
        const std::size_t name_end = b;
        while (b > 0 && ident(src[b - 1])) --b;
        const std::size_t name_begin = b;
        while (b > 0 && space(b - 1)) --b;
        const std::size_t type_end = b;
        while (b > 0 && ident(src[b - 1])) --b;
        if (name_begin == name_end || b == type_end || name_begin == type_end) continue;
        if (std::isdigit(static_cast<unsigned char>(src[name_begin])) || std::isdigit(static_cast<unsigned char>(src[b]))) continue;
        const std::string type = src.substr(b, type_end - b);
        if (type == "else" || type == "return") continue;
        std::size_t close = open + 1;
        while (close < n && src[close] != ')' && src[close] != '(' && src[close] != ';' && src[close] != '{' && src[close] != '}') ++close;
        if (close >= n || src[close] != ')') continue;
        std::size_t brace = close + 1;
        while (brace < n && space(brace)) ++brace;
        if (brace >= n || src[brace] != '{') continue;
        out.push_back({type, src.substr(name_begin, name_end - name_begin), param_types(src.substr(open + 1, close - open - 1))});
    }
    return out;
}

} // namespace

Arg::Arg(const Call& c) : call(std::make_shared<Call>(c)) {}
Arg::Arg(const Snippet& s) : call(std::make_shared<Call>(s)) {}

Call::Call(const Snippet& snippet, std::string function, std::vector<Arg> args)
    : snippet_(std::make_shared<Snippet>(snippet)), function_(std::move(function)), args_(std::move(args)) {
    if (function_.empty()) function_ = snippet.functions().front().name;
    bool found = false;
    for (const auto& f : snippet.functions()) found = found || f.name == function_;
    if (!found) {
        std::string names;
        for (const auto& f : snippet.functions()) names += (names.empty() ? "" : ", ") + f.name;
        throw KeyError("Snippet::call: snippet '" + snippet.name() + "' has no function '" + function_ + "'; it has: " + names);
    }
}

Call::Call(char op, const Call& a, const Call& b)
    : snippet_(a.snippet_), function_(a.function_), lhs_(std::make_shared<Call>(a)), rhs_(std::make_shared<Call>(b)), op_(op) {}

Call operator+(const Call& a, const Call& b) { return Call('+', a, b); }
Call operator-(const Call& a, const Call& b) { return Call('-', a, b); }
Call operator*(const Call& a, const Call& b) { return Call('*', a, b); }
Call operator/(const Call& a, const Call& b) { return Call('/', a, b); }

const Snippet& Call::snippet() const { return *snippet_; }

std::string Call::describe() const {
    if (op_) return "(" + lhs_->describe() + " " + op_ + " " + rhs_->describe() + ")";
    return snippet_->name() + "." + function_;
}

namespace {
glm::dvec4 combine(char op, const glm::dvec4& a, const glm::dvec4& b) {
    switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return a / b;
    }
}
} // namespace

Call Call::named(std::string name) const {
    Call c = *this;
    c.name_ = std::move(name);
    return c;
}

const Call* Call::find(std::string_view name) const {
    if (name_ == name) return this;
    if (op_) {
        if (const Call* f = lhs_->find(name)) return f;
        return rhs_->find(name);
    }
    for (const auto& a : args_) {
        if (!a.call) continue;
        if (const Call* f = a.call->find(name)) return f;
    }
    return nullptr;
}

namespace {

// ".xy" -> {0, 1} (xyzw, rgba or stpq); empty for text that is no swizzle of the hook's argument.
std::vector<int> swizzle(const std::string& text) {
    std::vector<int> out;
    if (text.size() < 2 || text.size() > 5 || text[0] != '.') return {};
    for (std::size_t k = 1; k < text.size(); ++k) {
        const char c = text[k];
        const char* sets[] = {"xyzw", "rgba", "stpq"};
        int at = -1;
        for (const char* set : sets) {
            for (int j = 0; j < 4; ++j) {
                if (set[j] == c) at = j;
            }
        }
        if (at < 0) return {};
        out.push_back(at);
    }
    return out;
}

glm::dvec4 pick(glm::dvec4 p, const std::vector<int>& s) {
    glm::dvec4 v(0, 0, 0, 1); // what Position gives missing components
    for (std::size_t j = 0; j < s.size(); ++j) v[static_cast<int>(j)] = p[s[j]];
    return v;
}

const Snippet::Cpu& twin(const Call& c, bool inverse, const char* caller) {
    const bool flip = (c.function() == "inverse") != inverse;
    const auto& f = flip ? c.snippet().cpu_inverse() : c.snippet().cpu_forward();
    if (!f)
        throw ValueError(std::string(caller) + ": snippet '" + c.snippet().name() + "' has no CPU " + (inverse ? "inverse" : "twin") +
                         " for '" + c.function() + "'");
    return f;
}

int width(const Arg& a, const char* caller);

// How many components a call gives: its function's return type where all its overloads
// share one, else what its one argument gives.
int width(const Call& c, const char* caller) {
    if (c.op()) return std::max(width(*c.lhs(), caller), width(*c.rhs(), caller)); // GLSL: scalar op vector is a vector
    std::string type;
    bool one = true;
    for (const auto& f : c.snippet().functions()) {
        if (f.name != c.function()) continue;
        if (!type.empty() && f.returns != type) one = false;
        type = f.returns;
    }
    if (one && (type == "float" || type == "vec2" || type == "vec3" || type == "vec4")) return type == "float" ? 1 : type[3] - '0';
    if (c.args().size() == 1) return width(c.args()[0], caller);
    throw ValueError(std::string(caller) + ": how many components snippet '" + c.snippet().name() + "." + c.function() +
                     "' gives depends on its argument's type: give it a swizzle of the hook's argument (\".xy\")");
}

int width(const Arg& a, const char* caller) {
    if (a.call) return width(*a.call, caller);
    const auto s = swizzle(a.text);
    return s.empty() ? 4 : static_cast<int>(s.size());
}

glm::dvec4 eval(const Call& c, glm::dvec4 p, const char* caller);

glm::dvec4 value(const Arg& a, glm::dvec4 p, const char* caller) {
    if (a.call) return eval(*a.call, p, caller);
    const auto s = swizzle(a.text);
    return s.empty() ? p : pick(p, s);
}

// The chain's value for the hook argument p: arguments first (several are laid end to
// end, as GLSL's position(float, float) reads them), then the call's own twin.
glm::dvec4 eval(const Call& c, glm::dvec4 p, const char* caller) {
    if (c.op()) return combine(c.op(), eval(*c.lhs(), p, caller), eval(*c.rhs(), p, caller));
    glm::dvec4 in = p;
    if (c.args().size() == 1) {
        in = value(c.args()[0], p, caller);
    } else if (c.args().size() > 1) {
        in = glm::dvec4(0, 0, 0, 1);
        int at = 0;
        for (const auto& a : c.args()) {
            const int w = width(a, caller);
            const glm::dvec4 v = value(a, p, caller);
            if (at + w > 4)
                throw ValueError(std::string(caller) + ": the arguments of snippet '" + c.snippet().name() + "' give more than 4 components");
            for (int j = 0; j < w; ++j) in[at + j] = v[j];
            at += w;
        }
    }
    return twin(c, false, caller)(c.snippet(), in);
}

void invert(const Call& c, glm::dvec4 q, glm::dvec4& out, const char* caller);

void invert(const Arg& a, glm::dvec4 v, glm::dvec4& out, const char* caller) {
    if (a.call) return invert(*a.call, v, out, caller);
    const auto s = swizzle(a.text);
    if (s.empty()) {
        out = v;
        return;
    }
    for (std::size_t j = 0; j < s.size(); ++j) out[s[j]] = v[static_cast<int>(j)];
}

// Undoes eval: the call's inverse twin, then each argument's share of the result handed
// to that argument's inverse, down to the hook argument's components (written into out).
void invert(const Call& c, glm::dvec4 q, glm::dvec4& out, const char* caller) {
    if (c.op()) throw ValueError(std::string(caller) + ": the composition " + c.describe() + " has no inverse");
    const glm::dvec4 r = twin(c, true, caller)(c.snippet(), q);
    if (c.args().empty()) {
        out = r;
    } else if (c.args().size() == 1) {
        invert(c.args()[0], r, out, caller);
    } else {
        int at = 0;
        for (const auto& a : c.args()) {
            const int w = width(a, caller);
            glm::dvec4 v(0, 0, 0, 1);
            for (int j = 0; j < w && at + j < 4; ++j) v[j] = r[at + j];
            invert(a, v, out, caller);
            at += w;
        }
    }
}

} // namespace

glm::dvec4 Call::forward(glm::dvec4 p) const { return eval(*this, p, "Call::forward"); }

glm::dvec4 Call::inverse(glm::dvec4 p) const {
    glm::dvec4 out = p; // components no argument reads pass through
    invert(*this, p, out, "Call::inverse");
    return out;
}

void Call::check_cpu(bool inverse, const char* caller) const {
    if (op_) {
        if (inverse) throw ValueError(std::string(caller) + ": the composition " + describe() + " has no inverse");
        lhs_->check_cpu(inverse, caller);
        rhs_->check_cpu(inverse, caller);
        return;
    }
    const bool inv = function_ == "inverse";
    const bool forward_side = inverse == inv; // inverse of "inverse" is the forward twin
    const bool has = forward_side ? bool(snippet_->cpu_forward()) || bool(snippet_->cpu_forward_batch())
                                  : bool(snippet_->cpu_inverse()) || bool(snippet_->cpu_inverse_batch());
    if (!has)
        throw ValueError(std::string(caller) + ": snippet '" + snippet_->name() + "' has no CPU " + (inverse ? "inverse" : "twin") +
                         " for '" + function_ + "'");
    for (const auto& a : args_) {
        if (a.call) {
            a.call->check_cpu(inverse, caller);
            break;
        }
    }
}

void Call::forward_all(std::span<glm::dvec4> points) const {
    check_cpu(false, "Call::forward_all");
    if (op_) {
        std::vector<glm::dvec4> right(points.begin(), points.end());
        lhs_->forward_all(points);
        rhs_->forward_all(right);
        for (std::size_t k = 0; k < points.size(); ++k) points[k] = combine(op_, points[k], right[k]);
        return;
    }
    for (const auto& a : args_) {
        if (a.call) {
            a.call->forward_all(points);
            break;
        }
    }
    const bool inverse = function_ == "inverse";
    const auto& batch = inverse ? snippet_->cpu_inverse_batch() : snippet_->cpu_forward_batch();
    if (batch) return batch(*snippet_, points);
    const auto& f = inverse ? snippet_->cpu_inverse() : snippet_->cpu_forward();
    for (auto& p : points) p = f(*snippet_, p);
}

void Call::inverse_all(std::span<glm::dvec4> points) const {
    check_cpu(true, "Call::inverse_all");
    const bool inverse = function_ == "inverse";
    const auto& batch = inverse ? snippet_->cpu_forward_batch() : snippet_->cpu_inverse_batch();
    if (batch) {
        batch(*snippet_, points);
    } else {
        const auto& f = inverse ? snippet_->cpu_forward() : snippet_->cpu_inverse();
        for (auto& p : points) p = f(*snippet_, p);
    }
    for (const auto& a : args_) {
        if (a.call) return a.call->inverse_all(points);
    }
}

Snippet::Snippet(std::string code, std::string name) : s_(std::make_shared<detail::SnippetState>()) {
    s_->id = next_id++;
    s_->name = name.empty() ? "snippet" + std::to_string(s_->id) : std::move(name);
    s_->source = std::move(code);
    const std::string text = without_comments(s_->source);
    for (const auto& d : declarations(text, {"uniform"})) s_->uniforms.emplace_back(d.type, d.name);
    for (const auto& d : declarations(text, {"attribute", "in"})) s_->attributes.emplace_back(d.type, d.name);
    for (const auto& d : declarations(text, {"varying", "out"})) s_->varyings.emplace_back(d.type, d.name);
    s_->functions = definitions(text);
    if (s_->functions.empty()) throw ValueError("Snippet: '" + s_->name + "' defines no function");
}

void Snippet::Uniform::set(const Array& value, std::vector<double> numbers) {
    auto& st = *s_.s_;
    bool declared = false;
    for (const auto& [type, n] : st.uniforms) declared = declared || n == name_;
    if (!declared) {
        std::string names;
        for (const auto& [type, n] : st.uniforms) names += (names.empty() ? "" : ", ") + n;
        throw KeyError("Snippet::operator[]: snippet '" + st.name + "' declares no uniform '" + name_ + "'; it declares: " +
                       (names.empty() ? "(none)" : names));
    }
    st.values[name_] = {value, std::move(numbers)};
    ++st.version;
}

const std::vector<double>& Snippet::numbers(std::string_view uniform) const {
    static const std::vector<double> none;
    auto it = s_->values.find(std::string(uniform));
    return it == s_->values.end() ? none : it->second.second;
}

const std::string& Snippet::name() const { return s_->name; }
std::uint64_t Snippet::id() const { return s_->id; }
std::string Snippet::mangled(std::string_view name) const {
    auto it = s_->aliases.find(name);
    if (it != s_->aliases.end()) return it->second;
    return std::string(name) + "_" + std::to_string(s_->id);
}

void Snippet::alias(std::string_view variable, std::string glsl_name) {
    bool declared = false;
    for (const auto* list : {&s_->uniforms, &s_->attributes, &s_->varyings}) {
        for (const auto& [type, n] : *list) declared = declared || n == variable;
    }
    if (!declared)
        throw KeyError("Snippet::alias: snippet '" + s_->name + "' declares no uniform, attribute or varying '" +
                       std::string(variable) + "'");
    s_->aliases[std::string(variable)] = std::move(glsl_name);
}

std::string Snippet::code() const {
    std::vector<std::string> names;
    for (const auto* list : {&s_->uniforms, &s_->attributes, &s_->varyings}) {
        for (const auto& [type, n] : *list) names.push_back(n);
    }
    for (const auto& f : s_->functions) names.push_back(f.name);
    const std::string& src = s_->source;
    std::string out;
    out.reserve(src.size() + 64);
    std::size_t k = 0;
    while (k < src.size()) {
        if (ident(src[k]) && (k == 0 || !ident(src[k - 1]))) {
            std::size_t e = k;
            while (e < src.size() && ident(src[e])) ++e;
            std::string word = src.substr(k, e - k);
            const bool member = k > 0 && src[k - 1] == '.'; // p.scale is a swizzle or field, not ours
            bool ours = false;
            for (const auto& n : names) ours = ours || n == word;
            out += ours && !member ? mangled(word) : word;
            k = e;
        } else {
            out += src[k++];
        }
    }
    return out;
}

const std::vector<Function>& Snippet::functions() const { return s_->functions; }
const std::vector<std::pair<std::string, std::string>>& Snippet::uniforms() const { return s_->uniforms; }
const std::vector<std::pair<std::string, std::string>>& Snippet::attributes() const { return s_->attributes; }
const std::vector<std::pair<std::string, std::string>>& Snippet::varyings() const { return s_->varyings; }
bool Snippet::declares(std::string_view variable) const {
    for (const auto* list : {&s_->uniforms, &s_->attributes, &s_->varyings}) {
        for (const auto& [type, n] : *list) {
            if (n == variable) return true;
        }
    }
    return false;
}
std::uint64_t Snippet::version() const { return s_->version; }

std::vector<std::pair<std::string, Array>> Snippet::values() const {
    std::vector<std::pair<std::string, Array>> out;
    for (const auto& [n, v] : s_->values) out.emplace_back(n, v.first);
    return out;
}

void Snippet::set_cpu(Cpu forward, Cpu inverse) {
    s_->forward = std::move(forward);
    s_->inverse = std::move(inverse);
    s_->forward_batch = {}; // batch twins give the per-point twins' numbers: those changed
    s_->inverse_batch = {};
}
const Snippet::Cpu& Snippet::cpu_forward() const { return s_->forward; }
const Snippet::Cpu& Snippet::cpu_inverse() const { return s_->inverse; }
void Snippet::set_cpu_batch(CpuBatch forward, CpuBatch inverse) {
    s_->forward_batch = std::move(forward);
    s_->inverse_batch = std::move(inverse);
}
const Snippet::CpuBatch& Snippet::cpu_forward_batch() const { return s_->forward_batch; }
const Snippet::CpuBatch& Snippet::cpu_inverse_batch() const { return s_->inverse_batch; }

} // namespace glumpp::transforms
