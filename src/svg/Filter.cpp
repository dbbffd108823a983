#include "Filter.hpp"
// SVG 1.1 15: the primitives' inputs default to the previous result (SourceGraphic for the
// first); stdDeviation "sx [sy]" and dx, dy are in primitiveUnits (userSpaceOnUse: the
// referencing element's user space; objectBoundingBox: fractions of its box), measured
// in final units along the transform's x and y axes.

#include "Scanner.hpp"
#include "Style.hpp"

#include <glumpp/Error.hpp>

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string_view>
#include <unordered_map>

namespace glumpp::svg::detail {

namespace {
std::optional<std::string_view> svg_local(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    // Only the svg prefix or none: primitives from other vocabularies are not filters.
    if (colon == std::string_view::npos) return name;
    if (name.substr(0, colon) == "svg") return name.substr(colon + 1);
    return std::nullopt;
}

/// One property of `node` as declared by its attributes and style attribute (not by style
/// sheets: an approximation), the last declaration winning; nothing when not declared.
std::optional<std::string> property(pugi::xml_node node, std::string_view name) {
    std::optional<std::string> value;
    std::vector<std::string> ignored; // problems of the element's other properties are not the filter's
    for (auto& [n, v] : declarations(node, ignored))
        if (n == name) value = v;
    return value;
}

/// color-interpolation-filters of `node`: linearRGB (true), sRGB (false), else `parent`.
bool linear_rgb(pugi::xml_node node, bool parent, std::vector<std::string>& warnings) {
    const auto v = property(node, "color-interpolation-filters");
    if (!v || *v == "inherit") return parent;
    if (*v == "sRGB" || *v == "srgb") return false;
    if (*v == "linearRGB" || *v == "linearrgb" || *v == "auto") return true;
    warnings.push_back("filter: <" + std::string(node.name()) + "> color-interpolation-filters " + quote(*v) +
                       " is not auto, sRGB or linearRGB; ignored");
    return parent;
}

/// The filter region in final units (Group.hpp, Filter::region).
std::optional<Filter::Region> region(pugi::xml_node filter, const Transform& ctm, const std::optional<Bounds>& box,
                                     const Viewport& viewport, std::vector<std::string>& warnings) {
    const bool user = trim(filter.attribute("filterUnits").value()) == "userSpaceOnUse";
    if (!user && !box) return std::nullopt;
    const auto value = [&](const char* attribute, Axis axis, double fraction) {
        const pugi::xml_attribute a = filter.attribute(attribute);
        const double base = axis == Axis::X ? viewport.width : viewport.height;
        const double fallback = user ? fraction * base : fraction;
        if (!a) return fallback;
        try {
            const std::string_view text = trim(a.value());
            if (user) return parse_length(text, axis, viewport);
            if (!text.empty() && text.back() == '%') return parse_number(trim(text.substr(0, text.size() - 1))) / 100.0;
            return parse_number(text);
        } catch (const BadValue& bad) {
            warnings.push_back(std::string("filter: ") + attribute + ": " + bad.message + "; using the default");
            return fallback;
        }
    };
    double x = value("x", Axis::X, -0.1), y = value("y", Axis::Y, -0.1);
    double w = value("width", Axis::X, 1.2), h = value("height", Axis::Y, 1.2);
    if (!(w > 0.0) || !(h > 0.0)) {
        warnings.push_back("filter: region width or height is not positive; the element is not drawn");
        return Filter::Region{};
    }
    if (!user) {
        const glm::dvec2 extent = box->max - box->min;
        x = box->min.x + x * extent.x;
        y = box->min.y + y * extent.y;
        w *= extent.x;
        h *= extent.y;
    }
    Filter::Region r{glm::dvec2(std::numeric_limits<double>::infinity()), glm::dvec2(-std::numeric_limits<double>::infinity())};
    for (const glm::dvec2 corner : {glm::dvec2(x, y), glm::dvec2(x + w, y), glm::dvec2(x, y + h), glm::dvec2(x + w, y + h)}) {
        const glm::dvec2 p = ctm.apply(corner);
        r.min = glm::min(r.min, p);
        r.max = glm::max(r.max, p);
    }
    if (!std::isfinite(r.min.x) || !std::isfinite(r.min.y) || !std::isfinite(r.max.x) || !std::isfinite(r.max.y))
        return std::nullopt;
    return r;
}

/// feColorMatrix's type and values as the 4 x 5 matrix (Group.hpp); nothing when the
/// type is not supported.
std::optional<std::array<float, 20>> color_matrix(pugi::xml_node node, std::vector<std::string>& warnings) {
    std::array<float, 20> m{1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0};
    const std::string_view type = trim(node.attribute("type").value());
    const pugi::xml_attribute values = node.attribute("values");
    std::string error;
    const std::vector<double> v = parse_number_list(values.value(), error);
    const auto bad = [&](const std::string& expected, const char* result) {
        warnings.push_back("filter: feColorMatrix values " + quote(values.value()) + " is not " + expected + "; using " + result);
    };
    if (type.empty() || type == "matrix") {
        if (!values) return m;
        if (!error.empty() || v.size() != 20) {
            bad("20 numbers", "the identity");
            return m;
        }
        for (std::size_t i = 0; i < 20; ++i) m[i] = float(v[i]);
        return m;
    }
    if (type == "saturate") {
        double s = 1.0;
        if (values) {
            if (!error.empty() || v.size() != 1 || v[0] < 0.0) bad("one number >= 0", "1");
            else s = v[0];
        }
        m = {float(0.213 + 0.787 * s), float(0.715 - 0.715 * s), float(0.072 - 0.072 * s), 0, 0,
             float(0.213 - 0.213 * s), float(0.715 + 0.285 * s), float(0.072 - 0.072 * s), 0, 0,
             float(0.213 - 0.213 * s), float(0.715 - 0.715 * s), float(0.072 + 0.928 * s), 0, 0,
             0, 0, 0, 1, 0};
        return m;
    }
    if (type == "hueRotate") {
        double degrees = 0.0;
        if (values) {
            if (!error.empty() || v.size() != 1) bad("one number", "0");
            else degrees = v[0];
        }
        const double a = degrees * std::numbers::pi / 180.0, c = std::cos(a), s = std::sin(a);
        m = {float(0.213 + 0.787 * c - 0.213 * s), float(0.715 - 0.715 * c - 0.715 * s), float(0.072 - 0.072 * c + 0.928 * s), 0, 0,
             float(0.213 - 0.213 * c + 0.143 * s), float(0.715 + 0.285 * c + 0.140 * s), float(0.072 - 0.072 * c - 0.283 * s), 0, 0,
             float(0.213 - 0.213 * c - 0.787 * s), float(0.715 - 0.715 * c + 0.715 * s), float(0.072 + 0.928 * c + 0.072 * s), 0, 0,
             0, 0, 0, 1, 0};
        return m;
    }
    if (type == "luminanceToAlpha") {
        m = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2125f, 0.7154f, 0.0721f, 0, 0};
        return m;
    }
    warnings.push_back("filter: feColorMatrix type " + quote(type) +
                       " is not matrix, saturate, hueRotate or luminanceToAlpha; drawn unfiltered");
    return std::nullopt;
}
} // namespace

std::optional<Filter> read_filter(pugi::xml_node filter, const Transform& ctm, const std::optional<Bounds>& box,
                                  const Viewport& viewport, std::vector<std::string>& warnings) {
    Filter out;
    out.region = region(filter, ctm, box, viewport, warnings);
    const bool filter_linear = linear_rgb(filter, true, warnings);
    const std::string_view units = trim(filter.attribute("primitiveUnits").value());
    const bool bbox_units = units == "objectBoundingBox";
    const glm::dvec2 extent = box ? box->max - box->min : glm::dvec2(0.0);
    // Final units per user unit along x and y.
    const glm::dvec2 scale{std::hypot(ctm.a, ctm.b), std::hypot(ctm.c, ctm.d)};
    const glm::dvec2 unit = bbox_units ? extent * scale : scale;
    std::unordered_map<std::string, int> results;
    const auto input = [&](pugi::xml_node node, const char* attribute) -> std::optional<int> {
        const std::string_view name = trim(node.attribute(attribute).value());
        if (name.empty()) return out.primitives.empty() ? FilterPrimitive::source_graphic : int(out.primitives.size()) - 1;
        if (name == "SourceGraphic") return FilterPrimitive::source_graphic;
        if (name == "SourceAlpha") return FilterPrimitive::source_alpha;
        if (const auto it = results.find(std::string(name)); it != results.end()) return it->second;
        if (name == "BackgroundImage" || name == "BackgroundAlpha" || name == "FillPaint" || name == "StrokePaint") {
            warnings.push_back("filter: input " + quote(name) + " of <" + std::string(node.name()) +
                               "> is not supported; drawn unfiltered");
            return std::nullopt;
        }
        // SVG 1.1 15.7.2: a reference to no result is the previous result.
        warnings.push_back("filter: <" + std::string(node.name()) + "> input " + quote(name) +
                           " names no earlier result; using the previous one");
        return out.primitives.empty() ? FilterPrimitive::source_graphic : int(out.primitives.size()) - 1;
    };
    const auto number = [&](pugi::xml_node node, const char* attribute, double fallback) {
        const pugi::xml_attribute a = node.attribute(attribute);
        if (!a) return fallback;
        try {
            return parse_number(trim(a.value()));
        } catch (const BadValue& bad) {
            warnings.push_back(std::string("filter: <") + node.name() + "> " + attribute + ": " + bad.message + "; using " +
                               number_text(fallback));
            return fallback;
        }
    };
    for (pugi::xml_node node = filter.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) continue;
        const auto name = svg_local(node);
        if (!name || *name == "title" || *name == "desc") continue;
        if (out.primitives.size() >= max_filter_primitives) {
            warnings.push_back("filter: more than " + std::to_string(max_filter_primitives) + " primitives; drawn unfiltered");
            return std::nullopt;
        }
        FilterPrimitive p;
        if (*name == "feGaussianBlur") {
            p.kind = FilterPrimitive::Kind::GaussianBlur;
            const auto in = input(node, "in");
            if (!in) return std::nullopt;
            p.inputs = {*in};
            std::string error;
            const std::vector<double> sd = parse_number_list(node.attribute("stdDeviation").value(), error);
            if (!error.empty() || sd.size() > 2 || (sd.size() == 2 && (sd[0] < 0.0 || sd[1] < 0.0)) ||
                (sd.size() == 1 && sd[0] < 0.0)) {
                // SVG 1.1: a negative value is an error: the filter is disabled.
                warnings.push_back("filter: feGaussianBlur stdDeviation " + quote(node.attribute("stdDeviation").value()) +
                                   " is not one or two numbers >= 0; drawn unfiltered");
                return std::nullopt;
            }
            const glm::dvec2 user = sd.empty() ? glm::dvec2(0.0) : sd.size() == 1 ? glm::dvec2(sd[0]) : glm::dvec2(sd[0], sd[1]);
            p.std_deviation = user * unit;
            if (!std::isfinite(p.std_deviation.x) || !std::isfinite(p.std_deviation.y)) p.std_deviation = glm::dvec2(0.0);
        } else if (*name == "feOffset") {
            p.kind = FilterPrimitive::Kind::Offset;
            const auto in = input(node, "in");
            if (!in) return std::nullopt;
            p.inputs = {*in};
            p.offset = glm::dvec2(number(node, "dx", 0.0), number(node, "dy", 0.0)) * unit;
            if (!std::isfinite(p.offset.x) || !std::isfinite(p.offset.y)) p.offset = glm::dvec2(0.0);
        } else if (*name == "feMerge") {
            p.kind = FilterPrimitive::Kind::Merge;
            for (pugi::xml_node m = node.first_child(); m; m = m.next_sibling()) {
                if (m.type() != pugi::node_element || svg_local(m) != std::optional<std::string_view>("feMergeNode")) continue;
                if (p.inputs.size() >= max_filter_primitives) {
                    warnings.push_back("filter: feMerge has more than " + std::to_string(max_filter_primitives) +
                                       " nodes; the rest ignored");
                    break;
                }
                const auto in = input(m, "in");
                if (!in) return std::nullopt;
                p.inputs.push_back(*in);
            }
        } else if (*name == "feFlood") {
            p.kind = FilterPrimitive::Kind::Flood;
            p.linear_rgb = linear_rgb(node, filter_linear, warnings);
            float opacity = 1.0f;
            if (const auto c = property(node, "flood-color"); c && *c != "inherit") {
                try {
                    if (lower(*c) == "currentcolor") throw BadValue{"currentColor is not supported"};
                    p.flood = Color::parse(*c);
                } catch (const BadValue& bad) {
                    warnings.push_back("filter: feFlood flood-color: " + bad.message + "; using black");
                } catch (const ParseError& e) {
                    warnings.push_back(std::string("filter: feFlood flood-color: ") + e.what() + "; using black");
                }
            }
            if (const auto o = property(node, "flood-opacity"); o && *o != "inherit") {
                try {
                    opacity = parse_alpha(*o);
                } catch (const BadValue& bad) {
                    warnings.push_back("filter: feFlood flood-opacity: " + bad.message + "; using 1");
                }
            }
            p.flood.a *= opacity;
        } else if (*name == "feComposite" || *name == "feBlend") {
            p.kind = FilterPrimitive::Kind::Composite;
            p.linear_rgb = linear_rgb(node, filter_linear, warnings);
            const auto in = input(node, "in");
            if (!in) return std::nullopt;
            const auto in2 = input(node, "in2");
            if (!in2) return std::nullopt;
            p.inputs = {*in, *in2};
            if (*name == "feBlend") {
                const std::string_view mode = trim(node.attribute("mode").value());
                if (!mode.empty() && mode != "normal") {
                    warnings.push_back("filter: feBlend mode " + quote(mode) + " is not supported (only normal); drawn unfiltered");
                    return std::nullopt;
                }
            } else {
                const std::string_view op = trim(node.attribute("operator").value());
                using O = FilterPrimitive::Operator;
                if (op.empty() || op == "over") p.op = O::Over;
                else if (op == "in") p.op = O::In;
                else if (op == "out") p.op = O::Out;
                else if (op == "atop") p.op = O::Atop;
                else if (op == "xor") p.op = O::Xor;
                else if (op == "arithmetic") p.op = O::Arithmetic;
                else
                    warnings.push_back("filter: feComposite operator " + quote(op) +
                                       " is not over, in, out, atop, xor or arithmetic; using over");
                if (p.op == O::Arithmetic) {
                    const char* names[] = {"k1", "k2", "k3", "k4"};
                    for (std::size_t i = 0; i < 4; ++i) {
                        const double k = number(node, names[i], 0.0);
                        p.k[i] = std::isfinite(k) ? float(std::clamp(k, -1e6, 1e6)) : 0.0f;
                    }
                }
            }
        } else if (*name == "feColorMatrix") {
            p.kind = FilterPrimitive::Kind::ColorMatrix;
            p.linear_rgb = linear_rgb(node, filter_linear, warnings);
            const auto in = input(node, "in");
            if (!in) return std::nullopt;
            p.inputs = {*in};
            const auto m = color_matrix(node, warnings);
            if (!m) return std::nullopt;
            p.matrix = *m;
        } else {
            warnings.push_back("filter: primitive <" + std::string(*name) + "> is not supported; drawn unfiltered");
            return std::nullopt;
        }
        if (node.attribute("x") || node.attribute("y") || node.attribute("width") || node.attribute("height"))
            warnings.push_back("filter: <" + std::string(*name) + "> x, y, width, height (a primitive subregion) are not supported; ignored");
        if (const std::string_view r = trim(node.attribute("result").value()); !r.empty())
            results[std::string(r)] = int(out.primitives.size());
        out.primitives.push_back(std::move(p));
    }
    if (out.primitives.empty()) {
        // SVG 1.1 15.6: a filter without primitives makes the element invisible; an empty
        // merge draws nothing as well.
        FilterPrimitive nothing;
        nothing.kind = FilterPrimitive::Kind::Merge;
        out.primitives.push_back(nothing);
    }
    return out;
}

} // namespace glumpp::svg::detail
