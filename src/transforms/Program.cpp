#include <glumpp/transforms/Program.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace glumpp::transforms {

namespace {

// A hook of a source: <name>, <name.member...>, <name(args)>; args may hold one level of
// parentheses and no < or >. Blanks are allowed after `<`, before `(` and before `>`.
struct HookMatch {
    std::size_t position, length;
    std::string name, members, args;
    bool has_args = false;
};

// Every hook of `src`, in order. A hand-written scan, not std::regex (whose recursion grows
// with the text and overflowed the stack on a hook of 100,000 characters): an attempt from
// a `<` stops at the next `<` or `>`, so each character is read a bounded number of times.
std::vector<HookMatch> find_hooks(const std::string& src) {
    std::vector<HookMatch> out;
    const std::size_t n = src.size();
    auto word = [&](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    auto blanks = [&](std::size_t& k) {
        while (k < n && std::isspace(static_cast<unsigned char>(src[k]))) ++k;
    };
    for (std::size_t open = src.find('<'); open != std::string::npos; open = src.find('<', open + 1)) {
        std::size_t k = open + 1;
        blanks(k);
        if (k >= n || !(std::isalpha(static_cast<unsigned char>(src[k])) || src[k] == '_')) continue;
        HookMatch m;
        const std::size_t name_begin = k;
        while (k < n && word(src[k])) ++k;
        m.name = src.substr(name_begin, k - name_begin);
        const std::size_t members_begin = k;
        while (k + 1 < n && src[k] == '.' && word(src[k + 1])) {
            ++k;
            while (k < n && word(src[k])) ++k;
        }
        m.members = src.substr(members_begin, k - members_begin);
        blanks(k);
        if (k < n && src[k] == '(') {
            int depth = 0;
            std::size_t e = k + 1;
            for (; e < n && src[e] != '<' && src[e] != '>'; ++e) {
                if (src[e] == '(' && ++depth > 1) break;
                if (src[e] == ')' && depth-- == 0) break;
            }
            if (e >= n || src[e] != ')' || depth != -1) continue;
            m.has_args = true;
            m.args = src.substr(k + 1, e - k - 1);
            k = e + 1;
            blanks(k);
        }
        if (k >= n || src[k] != '>') continue;
        m.position = open;
        m.length = k + 1 - open;
        out.push_back(std::move(m));
        open = k;
    }
    return out;
}

std::vector<std::string> split_args(const std::string& text) {
    std::vector<std::string> out;
    int depth = 0;
    std::string cur;
    for (char c : text) {
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == ',' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    auto trim = [](std::string s) {
        const auto b = s.find_first_not_of(" \t\n");
        return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
    };
    for (auto& s : out) s = trim(s);
    cur = trim(cur);
    if (!cur.empty() || !out.empty()) out.push_back(cur);
    return out;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

struct Renderer {
    const std::string& hook;
    std::vector<Snippet>& pasted; // in order of first use, innermost first

    void use(const Snippet& s) {
        for (const auto& p : pasted) {
            if (p.same(s)) return;
        }
        pasted.push_back(s);
    }

    // The GLSL of `c` with `hook_args` for its innermost argument-less call; `type` gets
    // its return type, or "" where it is not known. `member` (of `<hook.member>`) is the
    // function called instead of the default: of `c`, or of each operand of a composition.
    std::string render(const Call& c, const std::string* member, const std::vector<std::string>& hook_args, std::string& type) {
        if (c.op()) return render_op(c, member, hook_args, type);
        const std::string& function = member ? *member : c.function();
        std::vector<std::string> args;
        std::string arg_type;
        std::string inner_name;
        if (c.args().empty()) {
            args = hook_args;
        } else {
            for (const auto& a : c.args()) {
                if (a.call) {
                    std::string t;
                    args.push_back(render(*a.call, nullptr, hook_args, t)); // glumpy gives no member to arguments
                    if (c.args().size() == 1) {
                        arg_type = t;
                        inner_name = a.call->describe();
                    }
                } else if (!a.text.empty() && a.text[0] == '.' && !hook_args.empty()) {
                    args.push_back(hook_args[0] + a.text); // glumpy's field of the hook's argument
                } else {
                    args.push_back(a.text);
                }
            }
        }
        const Snippet& s = c.snippet();
        use(s);
        std::vector<const Function*> overloads, unary;
        for (const auto& f : s.functions()) {
            if (f.name != function) continue;
            overloads.push_back(&f);
            if (f.params.size() == 1) unary.push_back(&f);
        }
        if (overloads.empty())
            throw KeyError("Program: hook '" + hook + "': snippet '" + s.name() + "' has no function '" + function + "'");
        type.clear();
        if (!arg_type.empty()) {
            const Function* match = nullptr;
            for (const auto* f : unary) {
                if (f->params[0] == arg_type) match = f;
            }
            if (!match) {
                std::vector<std::string> takes;
                for (const auto* f : unary) takes.push_back(f->params[0]);
                throw TypeError("Program: hook '" + hook + "': " + s.name() + "." + function + " takes (" +
                                (takes.empty() ? std::string("no single argument") : join(takes, " or ")) + "), not the " +
                                arg_type + " that " + inner_name + " returns");
            }
            type = match->returns;
        } else if (!overloads.empty()) {
            type = overloads[0]->returns;
            for (const auto* f : overloads) {
                if (f->returns != type) type.clear();
            }
        }
        return s.mangled(function) + "(" + join(args) + ")"; // "name()" without arguments, as glumpy's mangled_call
    }

    static int precedence(char op) { return op == '+' || op == '-' ? 1 : 2; }

    std::string render_op(const Call& c, const std::string* member, const std::vector<std::string>& hook_args, std::string& type) {
        std::string lt, rt;
        std::string l = render(*c.lhs(), member, hook_args, lt), r = render(*c.rhs(), member, hook_args, rt);
        const int p = precedence(c.op());
        if (c.lhs()->op() && precedence(c.lhs()->op()) < p) l = "(" + l + ")";
        if (c.rhs()->op() && (precedence(c.rhs()->op()) < p || (precedence(c.rhs()->op()) == p && (c.op() == '-' || c.op() == '/'))))
            r = "(" + r + ")";
        const auto scalar = [](const std::string& t) { return t == "float" || t == "int" || t == "double"; };
        type = lt == rt ? lt : scalar(lt) && !rt.empty() ? rt : scalar(rt) && !lt.empty() ? lt : std::string();
        return l + " " + c.op() + " " + r;
    }
};

// The snippets of a chain in glumpy's order (Snippet.snippets: the call's own, then its
// arguments', then a composition's right operand's).
void chain_snippets(const Call& c, std::vector<const Snippet*>& out) {
    if (c.op()) {
        chain_snippets(*c.lhs(), out);
        chain_snippets(*c.rhs(), out);
        return;
    }
    out.push_back(&c.snippet());
    for (const auto& a : c.args()) {
        if (a.call) chain_snippets(*a.call, out);
    }
}

const char* stage_name(int k) { return k == 0 ? "vertex" : k == 1 ? "geometry" : "fragment"; }

// The number of the source's `#version` line, or 110 (GLSL's default) without one.
int glsl_version(const std::string& src) {
    const std::size_t at = src.find("#version");
    if (at == std::string::npos) return 110;
    std::size_t k = at + 8;
    while (k < src.size() && (src[k] == ' ' || src[k] == '\t')) ++k;
    int v = 0;
    for (int digits = 0; k < src.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(src[k])); ++k, ++digits)
        v = v * 10 + (src[k] - '0');
    return v ? v : 110;
}

// A snippet's `varying` and `attribute` keywords for stage k of GLSL 1.30 and later, which
// has in/out instead: a varying is `out` in the vertex stage and `in` in the fragment
// stage, an attribute `in` in the vertex stage. Whole words outside members only; other
// stages (and other words) unchanged.
std::string stage_keywords(const std::string& code, int k) {
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::string out;
    out.reserve(code.size());
    for (std::size_t i = 0; i < code.size();) {
        if (!ident(code[i]) || (i > 0 && (ident(code[i - 1]) || code[i - 1] == '.'))) {
            out += code[i++];
            continue;
        }
        std::size_t e = i;
        while (e < code.size() && ident(code[e])) ++e;
        const std::string_view word(code.data() + i, e - i);
        if (word == "varying" && k != 1)
            out += k == 0 ? "out" : "in";
        else if (word == "attribute" && k == 0)
            out += "in";
        else
            out += word;
        i = e;
    }
    return out;
}

} // namespace

Program::Program(std::string vertex, std::string fragment, std::size_t count, std::string geometry)
    : Program(std::move(vertex), std::move(fragment), std::move(geometry)) {
    count_ = count;
}

Program::Program(std::string vertex, std::string fragment, std::string geometry) {
    sources_[0] = std::move(vertex);
    sources_[1] = std::move(geometry);
    sources_[2] = std::move(fragment);
    for (const auto& src : sources_) {
        for (const auto& m : find_hooks(src)) {
            const std::string& name = m.name;
            if (!hooks_.count(name)) {
                hooks_[name];
                hook_names_.push_back(name);
            }
        }
    }
}

Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

Program::Variable& Program::Variable::operator=(const Call& call) {
    auto it = p_.hooks_.find(name_);
    if (it == p_.hooks_.end())
        throw KeyError("Program::operator[]: no hook '" + name_ + "'; hooks: " +
                       (p_.hook_names_.empty() ? std::string("(none)") : join(p_.hook_names_)));
    it->second = {true, call, {}};
    p_.stale_ = true;
    p_.generated_ok_ = false;
    return *this;
}

Program::Variable& Program::Variable::assign_text(const std::string& text) {
    auto it = p_.hooks_.find(name_);
    if (it == p_.hooks_.end())
        throw KeyError("Program::operator[]: no hook '" + name_ + "' to fill with \"" + text + "\"; hooks: " +
                       (p_.hook_names_.empty() ? std::string("(none)") : join(p_.hook_names_)));
    it->second = {true, std::nullopt, text};
    p_.stale_ = true;
    p_.generated_ok_ = false;
    return *this;
}

std::string Program::resolve(const std::string& name, const char* caller) const {
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos) return name;
    const std::string owner = name.substr(0, dot), attribute = name.substr(dot + 1);
    auto declaring = [&](const Snippet& s) {
        for (const auto& [t, a] : s.attributes()) {
            if (a == attribute) return true;
        }
        return false;
    };
    const Snippet* found = nullptr;
    std::vector<const Snippet*> chain;
    auto it = hooks_.find(owner);
    if (it != hooks_.end() && it->second.call) { // a hook: its chain, the last declaring it (as <hook.member>)
        chain_snippets(*it->second.call, chain);
        for (const Snippet* s : chain) {
            if (declaring(*s)) found = s;
        }
    } else { // a snippet's name, in any hook's chain
        for (const auto& [h, hook] : hooks_) {
            if (hook.call) chain_snippets(*hook.call, chain);
        }
        for (const Snippet* s : chain) {
            if (!found && s->name() == owner && declaring(*s)) found = s;
        }
    }
    if (found) return found->mangled(attribute);
    if (!caller) return {};
    throw KeyError(std::string(caller) + ": '" + name + "': no hook or snippet '" + owner + "' in this program declares an attribute '" +
                   attribute + "'");
}

Array Program::attribute(std::string_view name) {
    gloo::Program& gl = this->gl();
    return gl.attribute(resolve(std::string(name), "Program::attribute"));
}

void Program::Variable::keep(std::function<void(gloo::Program::Variable)> apply) {
    if (p_.hooks_.count(name_))
        throw TypeError("Program::operator[]: '" + name_ + "' is a hook: fill it with a snippet, a call or GLSL text");
    const std::string resolved = p_.resolve(name_, "Program::operator[]"); // "hook.attr": a snippet's attribute
    if (p_.gl_ && !p_.stale_) apply((*p_.gl_)[resolved]); // throws before anything is kept
    auto it = std::find_if(p_.kept_.begin(), p_.kept_.end(), [&](const auto& k) { return k.first == name_; });
    if (it != p_.kept_.end())
        it->second = std::move(apply);
    else
        p_.kept_.emplace_back(name_, std::move(apply));
}

void Program::generate(const char* caller) {
    for (const auto& name : hook_names_) {
        if (!hooks_[name].filled) throw ValueError(std::string(caller) + ": hook '" + name + "' is not filled");
    }
    std::string out[3];
    std::vector<Snippet> all;
    // Where each stage's snippets lie: (stage, first line, last line, snippet, hooks using it).
    std::vector<Range> ranges;
    for (int k = 0; k < 3; ++k) {
        const std::string& src = sources_[k];
        if (src.empty()) continue;
        std::vector<Snippet> pasted;
        std::map<std::uint64_t, std::string> first_hook;
        std::string body;
        std::size_t at = 0;
        for (const auto& m : find_hooks(src)) {
            body += src.substr(at, m.position - at);
            at = m.position + m.length;
            const std::string& name = m.name;
            const Hook& h = hooks_.at(name);
            const std::string& members = m.members;
            const std::vector<std::string> args = m.has_args ? split_args(m.args) : std::vector<std::string>{};
            if (!h.call) { // glumpy: the text, then the members; the hook's arguments are dropped
                body += h.text + members;
                continue;
            }
            const std::size_t before = pasted.size();
            Renderer r{name, pasted};
            std::string type;
            const std::string* function = nullptr;
            // <h.member>, or <h.n1.n2...member> through calls named n1, n2... (Call::named).
            std::vector<std::string> path;
            for (std::size_t b = 1; b < members.size();) {
                const std::size_t e = members.find('.', b);
                path.push_back(members.substr(b, e == std::string::npos ? std::string::npos : e - b));
                b = e == std::string::npos ? members.size() : e + 1;
            }
            const Call* target = &*h.call;
            for (std::size_t j = 0; j + 1 < path.size(); ++j) {
                const Call* found = target->find(path[j]);
                if (!found)
                    throw KeyError(std::string(caller) + ": hook '" + name + "': <" + name + members + ">: no call named '" +
                                   path[j] + "' in the chain");
                target = found;
            }
            if (!path.empty()) {
                const std::string& member = path.back();
                const Snippet& s = target->snippet();
                bool is_function = false;
                for (const auto& f : s.functions()) is_function = is_function || f.name == member;
                // A variable: of any snippet of the chain, the last in glumpy's order declaring
                // it (glumpy's Snippet.globals).
                std::vector<const Snippet*> chain;
                chain_snippets(*target, chain);
                const Snippet* declaring = nullptr;
                for (const Snippet* c : chain) {
                    if (c->declares(member)) declaring = c;
                }
                if (declaring) {
                    // glumpy pastes the hook's whole chain, used or not: so do we (the same text).
                    std::vector<const Snippet*> whole_chain;
                    chain_snippets(*h.call, whole_chain);
                    for (const Snippet* c : whole_chain) r.use(*c);
                    body += declaring->mangled(member);
                    for (std::size_t j = before; j < pasted.size(); ++j) first_hook.emplace(pasted[j].id(), name);
                    continue;
                }
                if (!is_function)
                    throw KeyError(std::string(caller) + ": hook '" + name + "': snippet '" + s.name() +
                                   "' has no function or variable '" + member + "'");
                function = &member;
            }
            body += r.render(*target, function, args, type);
            for (std::size_t j = before; j < pasted.size(); ++j) first_hook.emplace(pasted[j].id(), name);
        }
        body += src.substr(at);
        // The snippets go after #version and #extension lines.
        std::size_t insert = 0;
        {
            std::istringstream lines(body);
            std::string line;
            std::size_t pos = 0;
            while (std::getline(lines, line)) {
                pos += line.size() + 1;
                const auto b = line.find_first_not_of(" \t");
                if (b != std::string::npos && (line.compare(b, 8, "#version") == 0 || line.compare(b, 10, "#extension") == 0))
                    insert = std::min(pos, body.size());
            }
        }
        std::string head = body.substr(0, insert);
        if (!head.empty() && head.back() != '\n') head += '\n';
        std::string code;
        // The stage's name as a macro, where a pasted snippet asks for one (code only a
        // fragment shader may hold: discard, gl_FragCoord; a varying's writer, which only a
        // vertex shader may hold): GLUMPP_<STAGE>_SHADER, or glumpy's _GLUMPY__<STAGE>_SHADER__.
        bool staged = false;
        for (const auto& s : pasted) {
            const std::string c = s.code();
            for (const char* m : {"GLUMPP_VERTEX_SHADER", "GLUMPP_GEOMETRY_SHADER", "GLUMPP_FRAGMENT_SHADER", "_GLUMPY__VERTEX_SHADER__",
                                  "_GLUMPY__GEOMETRY_SHADER__", "_GLUMPY__FRAGMENT_SHADER__"})
                staged = staged || c.find(m) != std::string::npos;
        }
        const std::string stage_macro = k == 0 ? "VERTEX" : k == 1 ? "GEOMETRY" : "FRAGMENT";
        if (staged) code = "#define GLUMPP_" + stage_macro + "_SHADER\n#define _GLUMPY__" + stage_macro + "_SHADER__\n";
        int line = static_cast<int>(std::count(head.begin(), head.end(), '\n')) + 1 + (staged ? 2 : 0);
        const bool in_out = glsl_version(sources_[k]) >= 130;
        for (const auto& s : pasted) {
            std::string c = "// snippet '" + s.name() + "'\n" + (in_out ? stage_keywords(s.code(), k) : s.code());
            if (c.back() != '\n') c += '\n';
            const int n = static_cast<int>(std::count(c.begin(), c.end(), '\n'));
            ranges.push_back({k, line, line + n - 1, s, first_hook[s.id()]});
            line += n;
            code += c;
            bool seen = false;
            for (const auto& a : all) seen = seen || a.same(s);
            if (!seen) all.push_back(s);
        }
        out[k] = head + code + body.substr(insert);
    }
    for (int k = 0; k < 3; ++k) generated_[k] = std::move(out[k]);
    ranges_ = std::move(ranges);
    pasted_ = std::move(all);
    generated_ok_ = true;
}

void Program::link() {
    const std::string* out = generated_;
    const auto& ranges = ranges_;
    std::optional<gloo::Program> linked;
    try {
        if (out[1].empty())
            linked = count_ ? gloo::Program(out[0], out[2], *count_) : gloo::Program(out[0], out[2]);
        else
            linked = gloo::Program::with_geometry(out[0], out[1], out[2], count_);
    } catch (const ShaderError& e) {
        // Which stage failed: the message names it as gloo does ("vertex shader"); the line
        // numbers in the driver's log ("0:12(5)") point into our generated text.
        const std::string what = e.what();
        static const std::regex number(R"(\b\d+:(\d+)\()");
        for (std::sregex_iterator it(what.begin(), what.end(), number), end; it != end; ++it) {
            const int l = std::stoi((*it)[1].str());
            for (const auto& r : ranges) {
                if (l < r.first || l > r.last || what.find(std::string("the ") + stage_name(r.stage) + " shader") == std::string::npos) continue;
                std::ostringstream msg;
                msg << "Program: hook '" << r.hook << "': snippet '" << r.snippet.name() << "' does not compile (lines "
                    << r.first << "-" << r.last << " of the " << stage_name(r.stage) << " shader):\n";
                std::istringstream lines(out[r.stage]);
                std::string text;
                for (int n = 1; std::getline(lines, text); ++n) {
                    if (n >= r.first && n <= r.last) msg << (n == l ? "  > " : "    ") << n << " | " << text << "\n";
                }
                msg << what;
                throw ShaderError(msg.str());
            }
        }
        throw;
    }
    for (const auto& [name, apply] : kept_) {
        const std::string resolved = resolve(name, nullptr); // a snippet attribute follows its hook
        if (!resolved.empty()) apply((*linked)[resolved]);
    }
    if (count_ && gl_) { // what was written into the old store, through any view, carries over
        for (const auto& a : linked->attributes()) {
            for (const auto& old : gl_->attributes()) {
                if (old.name == a.name && old.gl_type == a.gl_type) linked->attribute(a.name).assign(gl_->attribute(a.name));
            }
        }
    }
    gl_ = std::move(linked);
    handed_.clear();
    stale_ = false;
    ++generations_;
}

gloo::Program& Program::prepare(const char* caller) {
    if (!generated_ok_) generate(caller);
    if (stale_ || !gl_) link();
    for (const auto& s : pasted_) {
        auto& seen = handed_[s.id()];
        if (seen == s.version() && seen != 0) continue;
        for (const auto& [name, value] : s.values()) (*gl_)[s.mangled(name)] = value;
        seen = s.version();
    }
    return *gl_;
}

const std::string& Program::source(ShaderStage stage) {
    if (!generated_ok_) generate("Program::source");
    return generated_[stage == ShaderStage::Vertex ? 0 : stage == ShaderStage::Geometry ? 1 : 2];
}

gloo::Program& Program::gl() { return prepare("Program::gl"); }

void Program::draw(gloo::Primitive mode, std::size_t first, std::optional<std::size_t> count) {
    prepare("Program::draw").draw(mode, first, count);
}

void Program::draw(gloo::Primitive mode, const gloo::IndexBuffer& indices) { prepare("Program::draw").draw(mode, indices); }

} // namespace glumpp::transforms
