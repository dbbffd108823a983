#include "Filter.hpp"
// SVG 1.1 15: the primitives' inputs default to the previous result (SourceGraphic for the
// first); stdDeviation "sx [sy]" and dx, dy are in primitiveUnits (userSpaceOnUse: the
// referencing element's user space; objectBoundingBox: fractions of its box), measured
// in final units along the transform's x and y axes.

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <cmath>
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
} // namespace

std::optional<Filter> read_filter(pugi::xml_node filter, const Transform& ctm, const std::optional<Bounds>& box,
                                  std::vector<std::string>& warnings) {
    Filter out;
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
        } else {
            warnings.push_back("filter: primitive <" + std::string(*name) + "> is not supported; drawn unfiltered");
            return std::nullopt;
        }
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
