#include <glumpp/plot/Colormap.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include "ColormapData.hpp"

#include <glm/glm.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

namespace glumpp::plot {

struct Colormap::Definition {
    std::string name;
    const std::uint16_t* table = nullptr;        ///< listed: 256 RGB entries, 16-bit fixed point
    std::function<Rgba(double)> function;        ///< glumpy's: t in [0, 1] to a colour
    mutable std::shared_ptr<gloo::Texture1D> lut; ///< texture(), made on first use
};

namespace {

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }
double smoothstep(double e0, double e1, double x) {
    const double t = clamp01((x - e0) / (e1 - e0));
    return t * t * (3 - 2 * t);
}
Rgba mix(Rgba a, Rgba b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}
Rgba ice(double t) {
    t = 1 - t;
    return mix(mix({1, 1, 1}, {0, 1, 1}, t), mix({0, 1, 1}, {0, 0, 1}, t * t), t);
}
Rgba fire(double t) { return mix(mix({1, 1, 1}, {1, 1, 0}, t), mix({1, 1, 0}, {1, 0, 0}, t * t), t); }
Rgba jet(double t) {
    // glumpy's four segments between five control colours.
    static const double stops[] = {0.0, 0.34, 0.64, 0.89, 1.0};
    static const Rgba colors[] = {{0, 0, 0.5}, {0, 0.8, 0.95}, {0.85, 1, 0.04}, {0.96, 0.7, 0}, {0.5, 0, 0}};
    int k = t < 0.34 ? 0 : t < 0.64 ? 1 : t < 0.89 ? 2 : 3;
    return mix(colors[k], colors[k + 1], (t - stops[k]) / (stops[k + 1] - stops[k]));
}
double fract(double x) { return x - std::floor(x); }

// Each of glumpy's maps: its formula in double, the CPU twin of graphics::glsl's
// `colormaps/NAME.glsl` (the GLSL itself lives only there; glsl() includes it).
struct FunctionMap {
    const char* name;
    Rgba (*cpu)(double);
};
const FunctionMap function_maps[] = {
    {"autumn", [](double t) { return mix({1, 0, 0}, {1, 1, 0}, t); }},
    {"blues", [](double t) { return mix({1, 1, 1}, {0, 0, 1}, t); }},
    {"cool", [](double t) { return mix({0, 1, 1}, {1, 0, 1}, t); }},
    {"fire", fire},
    {"gray", [](double t) { return Rgba{t, t, t, 1}; }},
    {"greens", [](double t) { return mix({1, 1, 1}, {0, 1, 0}, t); }},
    {"hot",
     [](double t) { return Rgba{smoothstep(0, 1.0 / 3, t), smoothstep(1.0 / 3, 2.0 / 3, t), smoothstep(2.0 / 3, 1, t), 1}; }},
    {"ice", ice},
    // glumpy's icefire: ice over [0, 0.5), fire over [0.5, 1), each stretched twice, and
    // black at exactly t = 1 (its segments are half-open), as glumpy draws it.
    {"icefire", [](double t) { return t < 0.5 ? ice(2 * t) : t < 1 ? fire(2 * (t - 0.5)) : Rgba{0, 0, 0, 1}; }},
    {"jet", jet},
    {"reds", [](double t) { return mix({1, 1, 1}, {1, 0, 0}, t); }},
    {"spring", [](double t) { return mix({1, 0, 1}, {1, 1, 0}, t); }},
    {"summer", [](double t) { return mix({0, 0.5, 0.4}, {1, 1, 0.4}, t); }},
    // Morgan McGuire's hue wheel, as glumpy: a triangle wave per channel, phase-shifted.
    {"wheel",
     [](double t) {
         auto c = [t](double phase) { return clamp01(std::abs(fract(t + phase) * 6 - 3) - 1); };
         return Rgba{c(1.0), c(2.0 / 3), c(1.0 / 3), 1};
     }},
    {"winter", [](double t) { return mix({0, 0, 1}, {0, 1, 0.5}, std::sqrt(t)); }},
};

struct ListedMap {
    const char* name;
    const std::uint16_t* table;
};
const ListedMap listed_maps[] = {
    {"cividis", detail::cividis_data}, {"inferno", detail::inferno_data}, {"magma", detail::magma_data},
    {"plasma", detail::plasma_data},   {"turbo", detail::turbo_data},     {"viridis", detail::viridis_data},
};

Rgba entry(const std::uint16_t* table, std::size_t k) {
    return {table[3 * k] / 65535.0, table[3 * k + 1] / 65535.0, table[3 * k + 2] / 65535.0, 1};
}

// The colour inside [0, 1], t already known to be there.
Rgba inside(const Colormap::Definition& d, double t) {
    if (d.table) return entry(d.table, std::min<std::size_t>(static_cast<std::size_t>(t * 256.0), 255));
    return d.function(t);
}

// graphics::glsl's `colormaps/NAME.glsl` with its includes merged, each merged piece
// (merge_includes marks it `// --- start of "X" ---` ... `// --- end of "X" ---`) put
// under an #ifndef guard of its own, so that a shader holding glsl() of two maps (fire and
// icefire, say) defines colormap_three and the others once.
std::string guarded_colormap(const std::string& name) {
    const std::string merged = graphics::glsl::merge_includes("#include \"colormaps/" + name + ".glsl\"\n");
    auto macro = [](std::string_view piece) {
        std::string m = "GLUMPP_GLSL_";
        for (char c : piece) m += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return m;
    };
    const std::string start = "// --- start of \"", end = "// --- end of \"";
    std::string out;
    std::size_t pos = 0;
    while (pos < merged.size()) {
        std::size_t eol = merged.find('\n', pos);
        if (eol == std::string::npos) eol = merged.size();
        const std::string_view line(merged.data() + pos, eol - pos);
        const bool opens = line.rfind(start, 0) == 0, closes = line.rfind(end, 0) == 0;
        if (opens || closes) {
            const std::size_t from = (opens ? start : end).size();
            const std::string piece(line.substr(from, line.find('"', from) - from));
            out += opens ? "#ifndef " + macro(piece) + "\n#define " + macro(piece) + "\n" : std::string("#endif\n");
        } else {
            out.append(line);
            out += '\n';
        }
        pos = eol + 1;
    }
    return out;
}

glm::vec4 to_vec4(Rgba c) {
    return {static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b), static_cast<float>(c.a)};
}

} // namespace

Colormap::Colormap(std::shared_ptr<const Definition> d) : def_(std::move(d)) {
    under_ = inside(*def_, 0.0);
    over_ = inside(*def_, 1.0);
}

std::vector<std::string> Colormap::names() {
    std::vector<std::string> out;
    for (const auto& m : function_maps) out.emplace_back(m.name);
    for (const auto& m : listed_maps) out.emplace_back(m.name);
    std::sort(out.begin(), out.end());
    return out;
}

Colormap Colormap::named(std::string_view name) {
    auto d = std::make_shared<Definition>();
    d->name = std::string(name);
    for (const auto& m : function_maps)
        if (name == m.name) {
            d->function = m.cpu;
            return Colormap(std::move(d));
        }
    for (const auto& m : listed_maps)
        if (name == m.name) {
            d->table = m.table;
            return Colormap(std::move(d));
        }
    std::string known;
    for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
    throw KeyError("Colormap::named: no colormap '" + std::string(name) + "' (known: " + known + ")");
}

Rgba Colormap::operator()(double t) const {
    if (std::isnan(t)) return bad_;
    if (t < 0) return under_;
    if (t > 1) return over_;
    return inside(*def_, t);
}

Array Colormap::operator()(std::span<const double> values) const {
    std::vector<float> rgba;
    rgba.reserve(values.size() * 4);
    for (double t : values) {
        const glm::vec4 c = to_vec4((*this)(t));
        rgba.insert(rgba.end(), {c.r, c.g, c.b, c.a});
    }
    return Array::from(rgba, {values.size(), 4});
}

const std::string& Colormap::name() const { return def_->name; }
bool Colormap::is_listed() const { return def_->table != nullptr; }
Colormap& Colormap::set_under(Rgba c) {
    under_ = c;
    return *this;
}
Colormap& Colormap::set_over(Rgba c) {
    over_ = c;
    return *this;
}
Colormap& Colormap::set_bad(Rgba c) {
    bad_ = c;
    return *this;
}
Rgba Colormap::under() const { return under_; }
Rgba Colormap::over() const { return over_; }
Rgba Colormap::bad() const { return bad_; }

std::string Colormap::glsl(std::string_view prefix) const {
    const std::string p(prefix);
    std::string s = "uniform vec4 " + p + "_under;\nuniform vec4 " + p + "_over;\nuniform vec4 " + p + "_bad;\n";
    if (is_listed()) {
        s += "uniform sampler1D " + p + "_lut;\n";
    } else {
        s += guarded_colormap(def_->name);
        s += "vec3 " + p + "_map(float t) { return colormap_" + def_->name + "(t); }\n";
    }
    s += "vec4 " + p + "(float t) {\n";
    s += "    if (isnan(t)) return " + p + "_bad;\n";
    s += "    if (t < 0.0) return " + p + "_under;\n";
    s += "    if (t > 1.0) return " + p + "_over;\n";
    if (is_listed()) // GL_NEAREST at t is entry floor(t * 256); t = 1 clamps to the last
        s += "    return vec4(texture(" + p + "_lut, t).rgb, 1.0);\n";
    else
        s += "    return vec4(" + p + "_map(t), 1.0);\n";
    s += "}\n";
    return s;
}

gloo::Texture1D Colormap::texture() const {
    if (!def_->lut) {
        std::vector<float> rgba(256 * 4);
        for (std::size_t k = 0; k < 256; ++k) {
            // Listed maps: entry k itself; functions: sampled at the entry's centre.
            const glm::vec4 c = to_vec4(def_->table ? entry(def_->table, k) : def_->function((k + 0.5) / 256.0));
            for (int i = 0; i < 4; ++i) rgba[4 * k + i] = c[i];
        }
        def_->lut = std::make_shared<gloo::Texture1D>(gloo::Texture1D::over(Array::from(rgba, {256, 4})));
    }
    return *def_->lut;
}

void Colormap::bind(gloo::Program& program, std::string_view prefix) const {
    const std::string p(prefix);
    program[p + "_under"] = to_vec4(under_);
    program[p + "_over"] = to_vec4(over_);
    program[p + "_bad"] = to_vec4(bad_);
    if (is_listed()) program[p + "_lut"] = texture();
}

} // namespace glumpp::plot
