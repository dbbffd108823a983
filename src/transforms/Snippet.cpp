#include <glumpp/transforms/Snippet.hpp>

#include <glumpp/Error.hpp>

#include <atomic>
#include <map>
#include <regex>

namespace glumpp::transforms {

namespace detail {

struct SnippetState {
    std::uint64_t id = 0;
    std::string name, source;
    std::vector<Function> functions;
    std::vector<std::pair<std::string, std::string>> uniforms;
    std::map<std::string, std::pair<Array, std::vector<double>>> values;
    std::map<std::string, std::string, std::less<>> aliases;
    std::uint64_t version = 0;
    Snippet::Cpu forward, inverse;
    Snippet::CpuBatch forward_batch, inverse_batch;
};

} // namespace detail

namespace {

std::atomic<std::uint64_t> next_id{1};

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

const Snippet& Call::snippet() const { return *snippet_; }

Call Call::named(std::string name) const {
    Call c = *this;
    c.name_ = std::move(name);
    return c;
}

const Call* Call::find(std::string_view name) const {
    if (name_ == name) return this;
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
    static const std::regex uniform(R"(\buniform\s+(\w+)\s+(\w+)\s*(\[[^\]]*\])?\s*;)");
    static const std::regex function(R"(\b(\w+)\s+(\w+)\s*\(([^()]*)\)\s*\{)");
    for (std::sregex_iterator it(s_->source.begin(), s_->source.end(), uniform), end; it != end; ++it)
        s_->uniforms.emplace_back((*it)[1].str(), (*it)[2].str());
    for (std::sregex_iterator it(s_->source.begin(), s_->source.end(), function), end; it != end; ++it) {
        const std::string ret = (*it)[1].str();
        if (ret == "else" || ret == "return") continue;
        s_->functions.push_back({ret, (*it)[2].str(), param_types((*it)[3].str())});
    }
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

void Snippet::alias(std::string_view uniform, std::string glsl_name) {
    bool declared = false;
    for (const auto& [type, n] : s_->uniforms) declared = declared || n == uniform;
    if (!declared)
        throw KeyError("Snippet::alias: snippet '" + s_->name + "' declares no uniform '" + std::string(uniform) + "'");
    s_->aliases[std::string(uniform)] = std::move(glsl_name);
}

std::string Snippet::code() const {
    std::vector<std::string> names;
    for (const auto& [type, n] : s_->uniforms) names.push_back(n);
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
