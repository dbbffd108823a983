#include "Style.hpp"

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <utility>

namespace glumpp::svg::detail {

namespace {

bool is_style_property(std::string_view name) {
    static constexpr std::string_view names[] = {
        "fill",           "fill-opacity",      "fill-rule", "stroke",   "stroke-opacity", "stroke-width",
        "stroke-linejoin", "stroke-linecap",   "stroke-miterlimit", "color", "opacity", "display",
        "visibility",     "clip-path",         "mask",      "filter",   "stroke-dasharray", "stroke-dashoffset",
        "marker",         "marker-start",      "marker-mid", "marker-end", "mix-blend-mode", "stop-color", "stop-opacity",
        "flood-color",    "flood-opacity",
        "overflow",       "paint-order",       "vector-effect", "isolation", "enable-background",
        "shape-rendering", "color-interpolation-filters", "clip-rule"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names) || is_text_property(name);
}

std::string_view strip_important(std::string_view value) {
    const std::string low = lower(value);
    const std::size_t bang = low.rfind('!');
    if (bang != std::string::npos && trim(std::string_view(low).substr(bang + 1)) == "important")
        return trim(value.substr(0, bang));
    return value;
}

/// "url(#id)" (quotes allowed inside) to "id"; BadValue otherwise.
std::string marker_id(std::string_view value) {
    std::string_view v = trim(value);
    if (!v.starts_with("url(") || !v.ends_with(')')) throw BadValue{"expected url(#id) or none, found " + quote(v)};
    v = trim(v.substr(4, v.size() - 5));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    if (!v.starts_with('#') || v.size() < 2)
        throw BadValue{"only references to this document's elements (#id) are supported, found " + quote(v)};
    return std::string(v.substr(1));
}

/// paint-order: normal, or fill, stroke and markers in any order, each at most once;
/// those not named follow in their normal order (SVG 2 13.7).
std::array<Style::PaintPart, 3> parse_paint_order(std::string_view value) {
    using Part = Style::PaintPart;
    std::array<Part, 3> out{Part::Fill, Part::Stroke, Part::Markers};
    if (value == "normal") return out;
    std::vector<Part> given;
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' || value[i] == '\r')) ++i;
        std::size_t end = i;
        while (end < value.size() && !(value[end] == ' ' || value[end] == '\t' || value[end] == '\n' || value[end] == '\r')) ++end;
        if (end == i) break;
        const std::string_view word = value.substr(i, end - i);
        const Part p = word == "fill" ? Part::Fill : word == "stroke" ? Part::Stroke : word == "markers" ? Part::Markers
                                                                                                        : throw BadValue{"expected normal or fill, stroke and markers, found " + quote(value)};
        if (std::find(given.begin(), given.end(), p) != given.end()) throw BadValue{quote(word) + " twice in " + quote(value)};
        given.push_back(p);
        i = end;
    }
    if (given.empty()) throw BadValue{"expected normal or fill, stroke and markers, found " + quote(value)};
    for (const Part p : out)
        if (std::find(given.begin(), given.end(), p) == given.end()) given.push_back(p);
    std::copy(given.begin(), given.end(), out.begin());
    return out;
}

} // namespace

std::vector<std::pair<std::string, std::string>> declarations(pugi::xml_node node, std::vector<std::string>& warnings,
                                                              const StyleSheet* sheet) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const pugi::xml_attribute a : node.attributes())
        if (is_style_property(a.name())) out.emplace_back(a.name(), a.value());
    std::vector<std::pair<std::string, std::string>> important;
    if (sheet && !sheet->empty()) {
        std::vector<std::pair<std::string, std::string>> normal;
        sheet->match(node, normal, important, warnings);
        for (auto& d : normal)
            if (is_style_property(d.first)) out.push_back(std::move(d));
    }
    const auto finish = [&] {
        for (auto& d : important)
            if (is_style_property(d.first)) out.push_back(std::move(d));
        return out;
    };
    const pugi::xml_attribute style = node.attribute("style");
    if (!style) return finish();
    // Comments may hide semicolons, so they go first.
    std::string text = style.value();
    for (std::size_t open; (open = text.find("/*")) != std::string::npos;) {
        const std::size_t close = text.find("*/", open + 2);
        text.erase(open, close == std::string::npos ? std::string::npos : close + 2 - open);
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view declaration = trim(std::string_view(text).substr(start, end - start));
        start = end + 1;
        if (declaration.empty()) continue;
        const std::size_t colon = declaration.find(':');
        if (colon == std::string_view::npos) {
            warnings.push_back("style: expected \"name: value\", found " + quote(declaration) + "; ignored");
            continue;
        }
        std::string name = lower(trim(declaration.substr(0, colon)));
        if (is_style_property(name))
            out.emplace_back(std::move(name), std::string(strip_important(trim(declaration.substr(colon + 1)))));
    }
    return finish();
}

namespace {
/// clip-path, mask, filter: "none" or url(#id) (quotes allowed inside the parentheses).
std::string reference(std::string_view value) {
    if (value == "none") return {};
    const std::string low = lower(value);
    if (!low.starts_with("url(") || !value.ends_with(')')) throw BadValue{"expected none or url(#id), found " + quote(value)};
    std::string_view inner = trim(value.substr(4, value.size() - 5));
    if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') && inner.back() == inner.front())
        inner = trim(inner.substr(1, inner.size() - 2));
    if (!inner.starts_with('#') || inner.size() < 2)
        throw BadValue{"only references to this document's elements (url(#id)) are supported, found " + quote(value)};
    return std::string(inner.substr(1));
}

// url(#id) is resolved where the shape is painted (Document.cpp: it needs the shape's
// box), and warned about there when it cannot be used.
Paint paint(const std::string&, std::string_view value, std::vector<std::string>&) { return Paint::parse(value); }
} // namespace

void apply_style(pugi::xml_node node, Style& style, const Style& parent, const Viewport& viewport,
                 std::vector<std::string>& warnings, const StyleSheet* sheet) {
    for (const auto& [name, raw] : declarations(node, warnings, sheet)) {
        const std::string_view value = trim(raw);
        const bool inherit = value == "inherit";
        try {
            if (apply_text_property(name, value, style.text, parent.text, warnings)) {
                // font-family, font-size... (Text.cpp)
            } else if (name == "fill") {
                style.fill = inherit ? parent.fill : paint(name, value, warnings);
            } else if (name == "stroke") {
                style.stroke = inherit ? parent.stroke : paint(name, value, warnings);
            } else if (name == "fill-opacity") {
                style.fill_opacity = inherit ? parent.fill_opacity : parse_alpha(value);
            } else if (name == "stroke-opacity") {
                style.stroke_opacity = inherit ? parent.stroke_opacity : parse_alpha(value);
            } else if (name == "opacity") {
                style.opacity = inherit ? parent.opacity : parse_alpha(value);
            } else if (name == "fill-rule") {
                if (inherit)
                    style.fill_rule = parent.fill_rule;
                else if (value == "nonzero")
                    style.fill_rule = FillRule::NonZero;
                else if (value == "evenodd")
                    style.fill_rule = FillRule::EvenOdd;
                else
                    throw BadValue{"expected nonzero or evenodd, found " + quote(value)};
            } else if (name == "stroke-width") {
                if (inherit) {
                    style.stroke_width = parent.stroke_width;
                } else {
                    const double w = parse_length(value, Axis::Other, viewport);
                    if (w < 0.0) throw BadValue{"negative width " + quote(value)};
                    style.stroke_width = w;
                }
            } else if (name == "stroke-linejoin") {
                if (inherit)
                    style.join = parent.join;
                else if (value == "miter")
                    style.join = LineJoin::Miter;
                else if (value == "round")
                    style.join = LineJoin::Round;
                else if (value == "bevel")
                    style.join = LineJoin::Bevel;
                else
                    throw BadValue{"expected miter, round or bevel, found " + quote(value)};
            } else if (name == "stroke-linecap") {
                if (inherit)
                    style.cap = parent.cap;
                else if (value == "butt")
                    style.cap = LineCap::Butt;
                else if (value == "round")
                    style.cap = LineCap::Round;
                else if (value == "square")
                    style.cap = LineCap::Square;
                else
                    throw BadValue{"expected butt, round or square, found " + quote(value)};
            } else if (name == "stroke-miterlimit") {
                if (inherit) {
                    style.miter_limit = parent.miter_limit;
                } else {
                    const double m = parse_number(value);
                    if (m < 1.0) throw BadValue{"must be at least 1, found " + quote(value)};
                    style.miter_limit = m;
                }
            } else if (name == "color") {
                // color="currentColor" is color="inherit" (CSS Color 3).
                if (inherit || lower(value) == "currentcolor")
                    style.color = parent.color;
                else
                    style.color = Color::parse(value);
            } else if (name == "visibility") {
                if (inherit)
                    style.visible = parent.visible;
                else if (value == "visible")
                    style.visible = true;
                else if (value == "hidden" || value == "collapse")
                    style.visible = false;
                else
                    throw BadValue{"expected visible, hidden or collapse, found " + quote(value)};
            } else if (name == "stroke-dasharray") {
                if (inherit) {
                    style.dash_array = parent.dash_array;
                } else if (value == "none") {
                    style.dash_array.clear();
                } else {
                    std::vector<double> dashes;
                    std::string text(value);
                    std::replace(text.begin(), text.end(), ',', ' ');
                    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
                    std::size_t i = 0;
                    while (true) {
                        while (i < text.size() && space(text[i])) ++i;
                        if (i >= text.size()) break;
                        std::size_t end = i;
                        while (end < text.size() && !space(text[end])) ++end;
                        const double d = parse_length(std::string_view(text).substr(i, end - i), Axis::Other, viewport);
                        if (d < 0.0) throw BadValue{"negative length in " + quote(value)};
                        dashes.push_back(d);
                        if (dashes.size() > 1024) throw BadValue{"more than 1024 lengths in " + quote(value.substr(0, 64))};
                        i = end;
                    }
                    if (dashes.empty()) throw BadValue{"expected lengths, found " + quote(value)};
                    // An odd list is repeated to make it even; all zeros is a solid line.
                    if (dashes.size() % 2 == 1) dashes.insert(dashes.end(), dashes.begin(), dashes.end());
                    double sum = 0.0;
                    for (const double d : dashes) sum += d;
                    if (!std::isfinite(sum)) throw BadValue{"lengths overflow in " + quote(value.substr(0, 64))};
                    if (sum == 0.0) dashes.clear();
                    style.dash_array = std::move(dashes);
                }
            } else if (name == "stroke-dashoffset") {
                style.dash_offset = inherit ? parent.dash_offset : parse_length(value, Axis::Other, viewport);
            } else if (name == "clip-rule") {
                if (inherit)
                    style.clip_rule = parent.clip_rule;
                else if (value == "nonzero")
                    style.clip_rule = FillRule::NonZero;
                else if (value == "evenodd")
                    style.clip_rule = FillRule::EvenOdd;
                else
                    throw BadValue{"expected nonzero or evenodd, found " + quote(value)};
            } else if (name == "clip-path") {
                style.clip_path = inherit ? parent.clip_path : reference(value);
            } else if (name == "mask") {
                style.mask = inherit ? parent.mask : reference(value);
            } else if (name == "filter") {
                style.filter = inherit ? parent.filter : reference(value);
            } else if (name == "display") {
                style.display = value != "none";
            } else if (name == "marker" || name == "marker-start" || name == "marker-mid" || name == "marker-end") {
                std::string id;
                if (inherit)
                    id = name == "marker-mid" ? parent.marker_mid : name == "marker-end" ? parent.marker_end : parent.marker_start;
                else if (value != "none")
                    id = marker_id(value);
                if (name == "marker" || name == "marker-start") style.marker_start = id;
                if (name == "marker" || name == "marker-mid") style.marker_mid = id;
                if (name == "marker" || name == "marker-end") style.marker_end = id;
            } else if (name == "paint-order") {
                style.paint_order = inherit ? parent.paint_order : parse_paint_order(value);
            } else if (name == "overflow") {
                // Read by markers only (Marker.hpp); viewports are clipped by renderers.
                if (!inherit && value != "visible" && value != "auto" && value != "hidden" && value != "scroll")
                    throw BadValue{"expected visible, auto, hidden or scroll, found " + quote(value)};
                style.overflow_clips = inherit ? parent.overflow_clips : value == "hidden" || value == "scroll";
            } else if (name == "shape-rendering" || name == "color-interpolation-filters" || name == "enable-background") {
                // Silently, by decision: shape-rendering is a hint (glumpp always
                // antialiases, which every value allows but crispEdges, whose difference
                // is a fraction of a pixel at edges); color-interpolation-filters is read
                // by Filter.cpp on filters and their primitives; enable-background matters
                // only to BackgroundImage inputs, which are warned about.
            } else if (name == "stop-color" || name == "stop-opacity" || name == "flood-color" || name == "flood-opacity") {
                // Properties of a gradient's stops (Gradient.cpp reads them there) and of
                // feFlood (Filter.cpp); on
                // anything else they mean nothing, as CSS says, so silently.
            } else if (value != "none" && !((name == "mix-blend-mode" || name == "vector-effect") && value == "normal") &&
                       !(name == "isolation" && value == "auto") &&
                       !(name == "vector-effect" && value == "none")) {
                // mix-blend-mode, isolation, vector-effect
                warnings.push_back(name + " is not supported; ignored");
            }
        } catch (const BadValue& bad) {
            warnings.push_back(name + ": " + bad.message + "; ignored");
        } catch (const ParseError& e) {
            warnings.push_back(name + ": " + e.what() + "; ignored");
        }
    }
}

} // namespace glumpp::svg::detail
