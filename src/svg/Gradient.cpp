#include "Gradient.hpp"
// Gradients: the href chain (attributes and stops inherited, SVG 1.1 13.2.2-13.2.4), the
// units and transforms composed, and the CPU evaluation Shape.hpp declares.

#include "Scanner.hpp"
#include "Style.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>

namespace glumpp::svg {

namespace {
/// How many gradients an href chain may pass through: real files use one or two links;
/// the bound keeps a long chain from costing more than a few lookups per shape.
constexpr int max_href_links = 16;

Color mix(const Color& a, const Color& b, float w) {
    return {a.r + (b.r - a.r) * w, a.g + (b.g - a.g) * w, a.b + (b.b - a.b) * w, a.a + (b.a - a.a) * w};
}
} // namespace

std::optional<double> Gradient::parameter(glm::dvec2 final_point) const {
    const glm::dvec2 p = to_gradient.apply(final_point);
    if (kind == Kind::Linear) {
        const glm::dvec2 d = end - start;
        return ((p.x - start.x) * d.x + (p.y - start.y) * d.y) / (d.x * d.x + d.y * d.y);
    }
    // The circle of parameter t: center f + t (c - f), radius t r. A point on it solves
    // a t^2 - 2 b t + q = 0 with a = |c - f|^2 - r^2, b = (p - f).(c - f), q = |p - f|^2.
    const glm::dvec2 cd = center - focal, pd = p - focal;
    const double a = cd.x * cd.x + cd.y * cd.y - radius * radius;
    const double b = pd.x * cd.x + pd.y * cd.y;
    const double q = pd.x * pd.x + pd.y * pd.y;
    if (a < 0.0) return q > 0.0 ? q / (b + std::sqrt(b * b - a * q)) : 0.0; // focal point inside: one root >= 0
    if (a == 0.0) {
        if (b > 0.0) return q / (2.0 * b);
        return std::nullopt;
    }
    const double disc = b * b - a * q;
    if (disc < 0.0) return std::nullopt;
    const double t = (b + std::sqrt(disc)) / a;
    if (t < 0.0) return std::nullopt;
    return t;
}

Color Gradient::color_at(double t) const {
    if (spread == Spread::Repeat) {
        t -= std::floor(t);
    } else if (spread == Spread::Reflect) {
        t = std::fmod(std::abs(t), 2.0);
        if (t > 1.0) t = 2.0 - t;
    }
    t = std::clamp(t, 0.0, 1.0);
    if (stops.empty()) return {};
    if (t <= stops.front().offset) return stops.front().color;
    for (std::size_t k = 1; k < stops.size(); ++k) {
        const Stop &a = stops[k - 1], &b = stops[k];
        if (t <= b.offset) {
            const float span = b.offset - a.offset;
            return span > 0.0f ? mix(a.color, b.color, static_cast<float>((t - a.offset) / span)) : b.color;
        }
    }
    return stops.back().color;
}

Color Gradient::mean_color() const {
    // 256 samples: the mean within 1/256 of the integral, plenty for a fallback color.
    Color sum{0.0f, 0.0f, 0.0f, 0.0f};
    constexpr int n = 256;
    for (int k = 0; k < n; ++k) {
        const Color c = color_at((k + 0.5) / n);
        sum = {sum.r + c.r / n, sum.g + c.g / n, sum.b + c.b / n, sum.a + c.a / n};
    }
    return sum;
}

namespace detail {

namespace {

/// A gradient's own stops: stop children with offset, stop-color, stop-opacity
/// (attributes or style). Offsets are clamped to [0, 1] and to the previous one.
std::vector<Gradient::Stop> stops_of(pugi::xml_node gradient, const Color& current_color, float alpha,
                                     std::vector<std::string>& warnings, const StyleSheet* sheet) {
    std::vector<Gradient::Stop> out;
    for (pugi::xml_node stop = gradient.first_child(); stop; stop = stop.next_sibling()) {
        if (stop.type() != pugi::node_element || local_name(stop) != "stop") continue;
        // A gradient of millions of stops draws as one of a few hundred: the table a
        // renderer samples has no more texels.
        if (out.size() >= 4096) {
            warnings.push_back("gradient " + quote(gradient.attribute("id").value()) + ": more than 4096 stops; the rest are ignored");
            break;
        }
        Gradient::Stop s;
        const std::string_view offset = trim(stop.attribute("offset").value());
        try {
            if (!offset.empty()) s.offset = parse_alpha(offset); // a number or a percentage, clamped to [0, 1]
        } catch (const BadValue& bad) {
            warnings.push_back("stop offset: " + bad.message + "; taken as 0");
        }
        if (!out.empty()) s.offset = std::max(s.offset, out.back().offset);
        Color color{0.0f, 0.0f, 0.0f, 1.0f}, own_color = current_color;
        float opacity = 1.0f;
        std::vector<std::string> problems;
        const auto stop_declarations = declarations(stop, problems, sheet);
        for (const auto& [name, value] : stop_declarations) {
            try {
                if (name == "color" && lower(value) != "currentcolor" && value != "inherit") own_color = Color::parse(value);
            } catch (const ParseError&) {
            }
        }
        for (const auto& [name, value] : stop_declarations) {
            try {
                if (name == "stop-color") {
                    const std::string low = lower(value);
                    color = low == "currentcolor" ? own_color : low == "inherit" ? Color{0.0f, 0.0f, 0.0f, 1.0f} : Color::parse(value);
                } else if (name == "stop-opacity" && value != "inherit") {
                    opacity = parse_alpha(value);
                }
            } catch (const BadValue& bad) {
                problems.push_back(name + ": " + bad.message + "; ignored");
            } catch (const ParseError& e) {
                problems.push_back(name + ": " + e.what() + "; ignored");
            }
        }
        for (const std::string& p : problems) warnings.push_back("stop: " + p);
        color.a *= opacity * alpha;
        s.color = color;
        out.push_back(s);
    }
    return out;
}

} // namespace

ResolvedPaint resolve_url(const Paint& paint, const std::function<pugi::xml_node(std::string_view)>& find_id,
                          const Transform& ctm, const std::optional<Bounds>& user_box, const Viewport& viewport, float alpha,
                          const Color& current_color, const std::string& property, std::vector<std::string>& warnings,
                          const StyleSheet* sheet) {
    const auto fallback = [&](const std::string& why) {
        const std::string what = paint.kind == Paint::Kind::None ? "nothing" : "its fallback color";
        warnings.push_back(property + ": url(" + paint.url + ") " + why + "; painting " + what);
        ResolvedPaint out;
        if (paint.kind == Paint::Kind::Color) out.color = paint.color;
        if (paint.kind == Paint::Kind::CurrentColor) out.color = current_color;
        if (out.color) out.color->a *= alpha;
        return out;
    };
    const std::string_view url = trim(paint.url);
    if (!url.starts_with('#')) return fallback("is not a reference to an element of this document (#id)");
    pugi::xml_node server = find_id(url.substr(1));
    if (!server) return fallback("refers to no element");
    const std::string_view kind_name = local_name(server);
    if (kind_name == "pattern") return fallback("is a pattern, which is supported on the fill of shapes only");
    if (kind_name != "linearGradient" && kind_name != "radialGradient")
        return fallback("refers to a <" + std::string(kind_name) + ">, not a paint server");

    // The chain: the gradient, then what its href refers to, and so on. Each attribute
    // and the stops come from the first gradient of the chain that has them.
    std::vector<pugi::xml_node> chain{server};
    for (pugi::xml_node n = server;;) {
        const std::string_view h = trim(href_of(n).value());
        if (!h.starts_with('#')) break;
        const pugi::xml_node next = find_id(h.substr(1));
        const std::string_view next_name = next ? local_name(next) : std::string_view();
        if (!next || (next_name != "linearGradient" && next_name != "radialGradient")) break;
        if (std::find(chain.begin(), chain.end(), next) != chain.end()) {
            warnings.push_back(property + ": url(" + paint.url + "): href loops back to " + quote(h) + "; the chain stops there");
            break;
        }
        if (static_cast<int>(chain.size()) > max_href_links) {
            warnings.push_back(property + ": url(" + paint.url + "): href chain longer than " + std::to_string(max_href_links) +
                               " gradients; the rest is ignored");
            break;
        }
        chain.push_back(next);
        n = next;
    }
    // Attribute `name` from the first gradient of the chain that has it; for the
    // geometry, only gradients of the server's own kind count.
    const auto attribute = [&](const char* name, bool geometry) -> pugi::xml_attribute {
        for (const pugi::xml_node n : chain) {
            if (geometry && local_name(n) != kind_name) continue;
            if (const pugi::xml_attribute a = n.attribute(name)) return a;
        }
        return {};
    };
    std::vector<Gradient::Stop> stops;
    for (const pugi::xml_node n : chain) {
        stops = stops_of(n, current_color, alpha, warnings, sheet);
        if (!stops.empty()) break;
    }
    ResolvedPaint out;
    if (stops.empty()) return out; // no stops: none (SVG 1.1 13.2.4)
    if (stops.size() == 1) {
        out.color = stops[0].color;
        return out;
    }
    Gradient g;
    g.kind = kind_name == "linearGradient" ? Gradient::Kind::Linear : Gradient::Kind::Radial;
    g.stops = std::move(stops);
    const auto last_color = [&] {
        ResolvedPaint solid;
        solid.color = g.stops.back().color;
        return solid;
    };
    try {
        const std::string_view units = trim(attribute("gradientUnits", false).value());
        const bool bbox_units = units != "userSpaceOnUse";
        if (!units.empty() && units != "userSpaceOnUse" && units != "objectBoundingBox")
            warnings.push_back(property + ": url(" + paint.url + "): gradientUnits " + quote(units) + " is not a unit; using objectBoundingBox");
        const std::string_view spread = trim(attribute("spreadMethod", false).value());
        if (spread == "reflect")
            g.spread = Gradient::Spread::Reflect;
        else if (spread == "repeat")
            g.spread = Gradient::Spread::Repeat;
        else if (!spread.empty() && spread != "pad")
            warnings.push_back(property + ": url(" + paint.url + "): spreadMethod " + quote(spread) + " is not one; using pad");
        Transform gradient_transform;
        if (const pugi::xml_attribute t = attribute("gradientTransform", false)) {
            try {
                gradient_transform = Transform::parse(t.value());
            } catch (const ParseError& e) {
                warnings.push_back(property + ": url(" + paint.url + "): gradientTransform: " + e.what() + "; ignored");
            }
        }
        // Under objectBoundingBox, numbers are fractions of the box and percentages
        // hundredths: a viewport of 1 x 1 makes parse_length read them so.
        const Viewport units_viewport = bbox_units ? Viewport{1.0, 1.0} : viewport;
        const auto length = [&](const char* name, Axis axis, const char* fallback_text) {
            const pugi::xml_attribute a = attribute(name, true);
            const std::string_view text = a ? trim(a.value()) : std::string_view(fallback_text);
            try {
                return parse_length(text, axis, units_viewport);
            } catch (const BadValue& bad) {
                warnings.push_back(property + ": url(" + paint.url + "): " + name + ": " + bad.message + "; using " + fallback_text);
                return parse_length(fallback_text, axis, units_viewport);
            }
        };
        Transform units_transform;
        if (bbox_units) {
            if (!user_box || !(user_box->max.x > user_box->min.x) || !(user_box->max.y > user_box->min.y))
                return fallback("uses objectBoundingBox on a shape of zero width or height");
            units_transform = Transform::matrix(user_box->max.x - user_box->min.x, 0.0, 0.0, user_box->max.y - user_box->min.y,
                                                user_box->min.x, user_box->min.y);
        }
        const auto inverse = (ctm * units_transform * gradient_transform).inverse();
        if (!inverse) return last_color(); // a flat gradient space: nothing varies
        g.to_gradient = *inverse;
        if (g.kind == Gradient::Kind::Linear) {
            g.start = {length("x1", Axis::X, "0%"), length("y1", Axis::Y, "0%")};
            g.end = {length("x2", Axis::X, "100%"), length("y2", Axis::Y, "0%")};
            if (g.start == g.end) return last_color(); // SVG 1.1 13.2.2: the last stop's color
        } else {
            g.center = {length("cx", Axis::X, "50%"), length("cy", Axis::Y, "50%")};
            g.radius = length("r", Axis::Other, "50%");
            if (g.radius < 0.0) return fallback("has a negative radius");
            if (g.radius == 0.0) return last_color(); // SVG 1.1 13.2.3: the last stop's color
            g.focal = {attribute("fx", true) ? length("fx", Axis::X, "50%") : g.center.x,
                       attribute("fy", true) ? length("fy", Axis::Y, "50%") : g.center.y};
        }
    } catch (const BadValue& bad) {
        return fallback(bad.message);
    }
    // Numbers a float shader cannot hold: the gradient is drawn as its mean color.
    for (const double v : {g.to_gradient.a, g.to_gradient.b, g.to_gradient.c, g.to_gradient.d, g.to_gradient.e, g.to_gradient.f,
                           g.start.x, g.start.y, g.end.x, g.end.y, g.center.x, g.center.y, g.focal.x, g.focal.y, g.radius})
        if (!std::isfinite(v) || std::abs(v) > 1e30) {
            out.color = g.mean_color();
            warnings.push_back(property + ": url(" + paint.url + "): numbers out of range; painting its mean color");
            return out;
        }
    out.color = g.mean_color();
    out.gradient = std::move(g);
    return out;
}

} // namespace detail
} // namespace glumpp::svg
