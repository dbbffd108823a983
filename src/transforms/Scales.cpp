#include <glumpp/transforms/Scales.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"

#include <algorithm>
#include <cmath>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

namespace {

enum class Kind { Linear, Log, Power };

// The GLSL of a scale: forward and inverse for float, vec2 and vec3, written once per type.
// `value` is what t is measured from (the input transformed), `back` what inverse returns
// from v, the domain value; `sign` multiplies forward's result.
std::string scale_code(Kind kind) {
    std::string s = "uniform vec2 domain;\nuniform vec2 range;\nuniform int clamping;\nuniform int discarding;\n";
    if (kind == Kind::Log) s += "uniform float base;\n";
    if (kind == Kind::Power) s += "uniform float exponent;\n";
    // Only a fragment shader may discard (Program defines GLUMPP_FRAGMENT_SHADER there).
    const std::string checks = "#ifdef GLUMPP_FRAGMENT_SHADER\n"
                               "    if (discarding > 0 && t != clamp(t, 0.0, 1.0)) discard;\n"
                               "#endif\n"
                               "    if (clamping > 0) t = clamp(t, 0.0, 1.0);\n";
    for (const char* T : {"float", "vec2", "vec3"}) {
        const std::string t(T);
        std::string value, sign, back, measured;
        switch (kind) {
        case Kind::Linear: value = "x", sign = "", back = "v", measured = "y"; break;
        case Kind::Log: value = "log(x) / log(base)", sign = "sign(x) * ", back = "pow(" + t + "(base), v)", measured = "y"; break;
        case Kind::Power:
            value = "pow(abs(x), " + t + "(exponent))", sign = "sign(x) * ";
            back = "sign(y) * pow(abs(v), " + t + "(1.0 / exponent))", measured = "abs(y)";
            break;
        }
        s += t + " forward(" + t + " x) {\n    " + t + " t = (" + value + " - domain.x) / (domain.y - domain.x);\n" + checks +
             "    return " + sign + "(range.x + t * (range.y - range.x));\n}\n";
        s += t + " inverse(" + t + " y) {\n    " + t + " t = (" + measured + " - range.x) / (range.y - range.x);\n" + checks +
             "    " + t + " v = domain.x + t * (domain.y - domain.x);\n    return " + back + ";\n}\n";
    }
    return s;
}

double sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0; }

glm::dvec2 vec2_of(const Snippet& s, const char* name) {
    const auto& n = s.numbers(name);
    return {n.at(0), n.at(1)};
}

// The CPU twin of one component, from the uniforms as the GPU reads them.
Snippet::Cpu twin(Kind kind, bool forward) {
    return [kind, forward](const Snippet& s, glm::dvec4 p) {
        const glm::dvec2 d = vec2_of(s, "domain"), r = vec2_of(s, "range");
        const bool clamping = s.numbers("clamping").at(0) > 0;
        const double base = kind == Kind::Log ? s.numbers("base").at(0) : 0.0;
        const double k = kind == Kind::Power ? s.numbers("exponent").at(0) : 1.0;
        auto one = [&](double x) {
            if (forward) {
                const double value = kind == Kind::Linear ? x : kind == Kind::Log ? std::log(x) / std::log(base) : std::pow(std::abs(x), k);
                double t = (value - d.x) / (d.y - d.x);
                if (clamping) t = std::clamp(t, 0.0, 1.0);
                const double y = r.x + t * (r.y - r.x);
                return kind == Kind::Linear ? y : sign(x) * y;
            }
            const double y = x;
            double t = ((kind == Kind::Power ? std::abs(y) : y) - r.x) / (r.y - r.x);
            if (clamping) t = std::clamp(t, 0.0, 1.0);
            const double v = d.x + t * (d.y - d.x);
            return kind == Kind::Linear ? v : kind == Kind::Log ? std::pow(base, v) : sign(y) * std::pow(std::abs(v), 1.0 / k);
        };
        return glm::dvec4(one(p.x), one(p.y), one(p.z), p.w);
    };
}

std::string pair(glm::dvec2 v) { return "(" + num(v.x) + ", " + num(v.y) + ")"; }

bool finite(glm::dvec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }

// The GPU divides by d1 - d0 of the float32 domain: a domain whose ends round to one float
// (1e10, 1e10 + 1), or overflow it (PowerScale's 1e30 ^ 2), would give inf or NaN there
// while the double CPU twin still gives numbers. Refused instead.
void check_gpu_domain(const std::string& who, glm::dvec2 domain, glm::dvec2 gpu) {
    const glm::vec2 f(gpu);
    if (!std::isfinite(f.x) || !std::isfinite(f.y) || f.x == f.y)
        throw ValueError(who + ": the domain " + pair(domain) + " is (" + num(f.x) + ", " + num(f.y) +
                         ") as the GPU's float32 reads it: empty or not finite");
}

glm::dvec2 power_domain(glm::dvec2 d, double k) {
    return {sign(d.x) * std::pow(std::abs(d.x), k), sign(d.y) * std::pow(std::abs(d.y), k)};
}

} // namespace

QuantitativeScale::QuantitativeScale(std::string code, std::string name, const Options& options)
    : Snippet(std::move(code), name), state_(std::make_shared<State>()) {
    state_->name = std::move(name);
    const std::string who = state_->name;
    if (!finite(options.domain) || options.domain.x == options.domain.y)
        throw ValueError(who + ": the domain " + pair(options.domain) + " is empty or not finite");
    if (!finite(options.range)) throw ValueError(who + ": the range " + pair(options.range) + " is not finite");
    state_->options = options;
    (*this)["range"] = glm::vec2(options.range);
    (*this)["clamping"] = int(options.clamp);
    (*this)["discarding"] = int(options.discard);
}

glm::dvec2 QuantitativeScale::domain() const { return state_->options.domain; }
void QuantitativeScale::set_domain(glm::dvec2 domain) {
    if (!finite(domain) || domain.x == domain.y)
        throw ValueError(state_->name + "::set_domain: the domain " + pair(domain) + " is empty or not finite");
    check_gpu_domain(state_->name + "::set_domain", domain, gpu_domain(domain));
    state_->options.domain = domain;
    upload_domain();
}
glm::dvec2 QuantitativeScale::range() const { return state_->options.range; }
void QuantitativeScale::set_range(glm::dvec2 range) {
    if (!finite(range)) throw ValueError(state_->name + "::set_range: the range " + pair(range) + " is not finite");
    state_->options.range = range;
    (*this)["range"] = glm::vec2(range);
}
bool QuantitativeScale::clamp() const { return state_->options.clamp; }
void QuantitativeScale::set_clamp(bool clamp) {
    state_->options.clamp = clamp;
    (*this)["clamping"] = int(clamp);
}
bool QuantitativeScale::discard() const { return state_->options.discard; }
void QuantitativeScale::set_discard(bool discard) {
    state_->options.discard = discard;
    (*this)["discarding"] = int(discard);
}
bool QuantitativeScale::discards(double x) const {
    if (!state_->options.discard) return false;
    const glm::dvec2 d = gpu_domain(state_->options.domain);
    const double t = (transformed(x) - d.x) / (d.y - d.x);
    return !(t >= 0.0 && t <= 1.0);
}
void QuantitativeScale::upload_domain() {
    // Constructors reach here first (the virtual gpu_domain needs the derived scale).
    check_gpu_domain(state_->name, state_->options.domain, gpu_domain(state_->options.domain));
    (*this)["domain"] = glm::vec2(gpu_domain(state_->options.domain));
}

LinearScale::LinearScale(const Options& options) : QuantitativeScale(scale_code(Kind::Linear), "LinearScale", options) {
    set_cpu(twin(Kind::Linear, true), twin(Kind::Linear, false));
    upload_domain();
}

LogScale::LogScale(const Options& options, double base) : QuantitativeScale(scale_code(Kind::Log), "LogScale", options) {
    set_cpu(twin(Kind::Log, true), twin(Kind::Log, false));
    set_base(base);
    upload_domain();
}
double LogScale::base() const { return state_->base; }
void LogScale::set_base(double base) {
    if (!(base > 0) || !std::isfinite(base) || base == 1)
        throw ValueError("LogScale::set_base: the base " + num(base) + " is not positive, finite and other than 1");
    state_->base = base;
    (*this)["base"] = float(base);
}
double LogScale::transformed(double x) const { return std::log(x) / std::log(state_->base); }

PowerScale::PowerScale(const Options& options, double exponent) : QuantitativeScale(scale_code(Kind::Power), "PowerScale", options) {
    set_cpu(twin(Kind::Power, true), twin(Kind::Power, false));
    set_exponent(exponent);
}
double PowerScale::exponent() const { return state_->exponent; }
void PowerScale::set_exponent(double exponent) {
    if (!(exponent > 0) || !std::isfinite(exponent))
        throw ValueError("PowerScale::set_exponent: the exponent " + num(exponent) + " is not positive and finite");
    check_gpu_domain("PowerScale::set_exponent", state_->options.domain, power_domain(state_->options.domain, exponent));
    state_->exponent = exponent;
    (*this)["exponent"] = float(exponent);
    upload_domain();
}
glm::dvec2 PowerScale::gpu_domain(glm::dvec2 d) const {
    return power_domain(d, state_->exponent);
}
double PowerScale::transformed(double x) const { return std::pow(std::abs(x), state_->exponent); }

namespace {

std::string selector(char c, int from) {
    std::string s;
    const char* types[] = {"float", "vec2", "vec3", "vec4"};
    for (int k = from; k < 4; ++k)
        s += std::string("float get_") + c + "(" + types[k] + " P) { return " + (k == 0 ? std::string("P") : std::string("P.") + c) + "; }\n";
    return s;
}

} // namespace

X::X() : Snippet(selector('x', 0), "X") {
    set_cpu([](const Snippet&, glm::dvec4 p) { return glm::dvec4(p.x, 0, 0, 1); });
}
Y::Y() : Snippet(selector('y', 1), "Y") {
    set_cpu([](const Snippet&, glm::dvec4 p) { return glm::dvec4(p.y, 0, 0, 1); });
}
Z::Z() : Snippet(selector('z', 2), "Z") {
    set_cpu([](const Snippet&, glm::dvec4 p) { return glm::dvec4(p.z, 0, 0, 1); });
}

} // namespace glumpp::transforms
