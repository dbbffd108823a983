#include <glumpp/graphics/svg/Document.hpp>

#include "Scanner.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/graphics/svg/PathData.hpp>

#include <glm/common.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace glumpp::graphics::svg {

namespace {

constexpr std::string_view svg_namespace = "http://www.w3.org/2000/svg";
// Recursion limits: the traversal recurses per element, and `use` can multiply
// elements exponentially (a uses b twice, b uses c twice...).
constexpr int max_depth = 256;
constexpr std::size_t max_use_instances = 100'000;

/// Computed style: inherited properties, plus the two that are not (opacity, display),
/// which each element resets before applying its own declarations.
struct Style {
    Paint fill = Paint::solid({0.0f, 0.0f, 0.0f, 1.0f});
    float fill_opacity = 1.0f;
    FillRule fill_rule = FillRule::NonZero;
    Paint stroke = Paint::none();
    float stroke_opacity = 1.0f;
    double stroke_width = 1.0; ///< user units
    LineJoin join = LineJoin::Miter;
    LineCap cap = LineCap::Butt;
    double miter_limit = 4.0;
    Color color{0.0f, 0.0f, 0.0f, 1.0f};
    bool visible = true;
    // Not inherited:
    float opacity = 1.0f;
    bool display = true;
};

struct Viewport {
    double width = 0.0, height = 0.0;
};

struct Context {
    Transform ctm;
    Style style;
    Viewport viewport;
    float alpha = 1.0f; ///< product of the ancestors' opacity (see Document.hpp)
    int depth = 0;
};

enum class Axis { X, Y, Other };

/// An attribute that makes its element unusable; becomes "<element>: <message>; skipped".
struct Skip {
    std::string message;
};

/// A value that does not parse; the caller says what happens to the element.
struct BadValue {
    std::string message;
};

std::string_view local_part(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// The element's name without prefix when it is in the SVG namespace (or in none: many
/// hand-written files omit xmlns), nothing when it belongs to another vocabulary.
std::optional<std::string_view> svg_name(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    const std::string prefix = colon == std::string_view::npos ? "" : std::string(name.substr(0, colon));
    const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (const pugi::xml_attribute a = n.attribute(declaration.c_str())) {
            if (std::string_view(a.value()) == svg_namespace) return local_part(name);
            return std::nullopt;
        }
    }
    if (prefix.empty()) return name;
    return std::nullopt;
}

/// Strict number: the whole (trimmed) text, nothing before or after.
double parse_number(std::string_view text) {
    const std::string_view t = detail::trim(text);
    const auto scan = detail::scan_number(t, 0);
    if (scan.status == detail::NumberScan::Status::OutOfRange) throw BadValue{"number out of range " + detail::quote(t)};
    if (scan.status != detail::NumberScan::Status::Ok || scan.end != t.size())
        throw BadValue{"expected a number, found " + detail::quote(t)};
    return scan.value;
}

/// opacity, fill-opacity, stroke-opacity: a number or a percentage, clamped to [0, 1].
float parse_alpha(std::string_view text) {
    std::string_view t = detail::trim(text);
    double scale = 1.0;
    if (!t.empty() && t.back() == '%') {
        t.remove_suffix(1);
        scale = 0.01;
    }
    const auto scan = detail::scan_number(t, 0);
    if (scan.status != detail::NumberScan::Status::Ok || scan.end != t.size())
        throw BadValue{"expected a number or a percentage, found " + detail::quote(detail::trim(text))};
    return static_cast<float>(std::clamp(scan.value * scale, 0.0, 1.0));
}

/// A length in user units. Percentages refer to the viewport: its width for x, its height
/// for y, and sqrt((w^2 + h^2) / 2) otherwise (SVG 1.1 7.10).
double parse_length(std::string_view text, Axis axis, const Viewport& viewport) {
    const std::string_view t = detail::trim(text);
    const auto scan = detail::scan_number(t, 0);
    if (scan.status == detail::NumberScan::Status::OutOfRange) throw BadValue{"number out of range " + detail::quote(t)};
    if (scan.status != detail::NumberScan::Status::Ok) throw BadValue{"expected a length, found " + detail::quote(t)};
    const std::string unit = detail::lower(t.substr(scan.end));
    double factor = 0.0;
    // CSS absolute units at 96 pixels per inch, as SVG and browsers use.
    if (unit.empty() || unit == "px") {
        factor = 1.0;
    } else if (unit == "in") {
        factor = 96.0;
    } else if (unit == "cm") {
        factor = 96.0 / 2.54;
    } else if (unit == "mm") {
        factor = 96.0 / 25.4;
    } else if (unit == "pt") {
        factor = 96.0 / 72.0;
    } else if (unit == "pc") {
        factor = 16.0;
    } else if (unit == "%") {
        const double reference = axis == Axis::X   ? viewport.width
                                 : axis == Axis::Y ? viewport.height
                                                   : std::sqrt((viewport.width * viewport.width +
                                                                viewport.height * viewport.height) / 2.0);
        factor = reference / 100.0;
    } else if (unit == "em" || unit == "ex") {
        throw BadValue{"unit \"" + unit + "\" is not supported in " + detail::quote(t)};
    } else {
        throw BadValue{"expected a length, found " + detail::quote(t)};
    }
    const double value = scan.value * factor;
    if (!std::isfinite(value)) throw BadValue{"number out of range " + detail::quote(t)};
    return value;
}

/// Numbers separated by comma-wsp (points, viewBox). Stops at the first error, which
/// goes to `error`; returns what was read before it.
std::vector<double> parse_number_list(std::string_view text, std::string& error) {
    std::vector<double> out;
    error.clear();
    std::size_t pos = 0;
    detail::skip_wsp(text, pos);
    while (pos < text.size()) {
        const auto scan = detail::scan_number(text, pos);
        if (scan.status == detail::NumberScan::Status::OutOfRange) {
            error = "number out of range " + detail::where(text, pos);
            return out;
        }
        if (scan.status != detail::NumberScan::Status::Ok) {
            error = "expected a number " + detail::where(text, pos);
            return out;
        }
        out.push_back(scan.value);
        pos = scan.end;
        const bool comma = detail::skip_comma_wsp(text, pos);
        if (comma && pos >= text.size()) {
            error = "expected a number " + detail::where(text, pos);
            return out;
        }
    }
    return out;
}

struct AspectRatio {
    enum class Align { None, Min, Mid, Max };
    Align x = Align::Mid, y = Align::Mid;
    bool slice = false;
};

AspectRatio parse_aspect_ratio(std::string_view text) {
    std::istringstream words{std::string(text)};
    std::string word;
    AspectRatio out;
    if (!(words >> word)) throw BadValue{"expected an alignment, found " + detail::quote(text)};
    if (word == "defer" && !(words >> word)) throw BadValue{"expected an alignment after defer"};
    if (word == "none") {
        out.x = out.y = AspectRatio::Align::None;
    } else {
        const auto align = [&](std::string_view part) {
            if (part == "Min") return AspectRatio::Align::Min;
            if (part == "Mid") return AspectRatio::Align::Mid;
            if (part == "Max") return AspectRatio::Align::Max;
            throw BadValue{"unknown alignment " + detail::quote(word)};
        };
        if (word.size() != 8 || word[0] != 'x' || word[4] != 'Y') throw BadValue{"unknown alignment " + detail::quote(word)};
        out.x = align(std::string_view(word).substr(1, 3));
        out.y = align(std::string_view(word).substr(5, 3));
    }
    if (words >> word) {
        if (word == "slice")
            out.slice = true;
        else if (word != "meet")
            throw BadValue{"expected meet or slice, found " + detail::quote(word)};
    }
    if (words >> word) throw BadValue{"unexpected " + detail::quote(word)};
    return out;
}

/// The viewBox-to-viewport transform (SVG 1.1 section 7.8).
Transform viewbox_transform(const ViewBox& box, double x, double y, double width, double height, const AspectRatio& ar) {
    double sx = width / box.width, sy = height / box.height;
    if (ar.x != AspectRatio::Align::None) sx = sy = ar.slice ? std::max(sx, sy) : std::min(sx, sy);
    double tx = x - box.x * sx, ty = y - box.y * sy;
    const auto offset = [](AspectRatio::Align align, double room) {
        return align == AspectRatio::Align::Mid ? room / 2.0 : align == AspectRatio::Align::Max ? room : 0.0;
    };
    tx += offset(ar.x, width - box.width * sx);
    ty += offset(ar.y, height - box.height * sy);
    return Transform::translate(tx, ty) * Transform::scale(sx, sy);
}

bool is_style_property(std::string_view name) {
    static constexpr std::string_view names[] = {
        "fill",           "fill-opacity",      "fill-rule", "stroke",   "stroke-opacity", "stroke-width",
        "stroke-linejoin", "stroke-linecap",   "stroke-miterlimit", "color", "opacity", "display",
        "visibility",     "clip-path",         "mask",      "filter",   "stroke-dasharray"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

std::string_view strip_important(std::string_view value) {
    const std::string low = detail::lower(value);
    const std::size_t bang = low.rfind('!');
    if (bang != std::string::npos && detail::trim(std::string_view(low).substr(bang + 1)) == "important")
        return detail::trim(value.substr(0, bang));
    return value;
}

} // namespace

/// Walks the XML tree once, in document order, carrying the inherited context down.
class DocumentBuilder {
public:
    DocumentBuilder(Document& doc, std::string_view text, const LoadOptions& options)
        : doc_(doc), tolerance_(options.tolerance / options.scale) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts_.push_back(i + 1);
    }

    void build(pugi::xml_node root, const std::string& function) {
        const auto name = svg_name(root);
        if (!name || *name != "svg")
            throw ParseError(function + ": the root element is <" + std::string(root.name()) + ">, not <svg>");
        root_ = root;
        Context context;
        // The root's viewport: width and height when they are absolute lengths; else the
        // viewBox's size; else unknown (0).
        std::optional<ViewBox> box;
        try {
            box = view_box(root);
        } catch (const Skip& skip) {
            warn(root, skip.message);
        }
        double width = 0.0, height = 0.0;
        const auto root_length = [&](const char* attribute, double fallback) {
            const pugi::xml_attribute a = root.attribute(attribute);
            const std::string_view value = detail::trim(a.value());
            if (!a || value.ends_with('%')) return fallback;
            try {
                const double v = parse_length(value, Axis::Other, {});
                if (v < 0.0) throw BadValue{"negative value " + detail::quote(value)};
                return v;
            } catch (const BadValue& bad) {
                warn(root, std::string("attribute ") + attribute + ": " + bad.message + "; using " + detail::number_text(fallback));
                return fallback;
            }
        };
        width = root_length("width", box ? box->width : 0.0);
        height = root_length("height", box ? box->height : 0.0);
        doc_.width_ = width;
        doc_.height_ = height;
        doc_.view_box_ = box;
        if (box && width > 0.0 && height > 0.0) {
            try {
                doc_.viewport_transform_ = viewbox_transform(*box, 0.0, 0.0, width, height, aspect_ratio(root));
            } catch (const Skip& skip) {
                warn(root, skip.message);
            }
        }
        context.ctm = doc_.viewport_transform_;
        context.viewport = box ? Viewport{box->width, box->height} : Viewport{width, height};
        if (box && (box->width == 0.0 || box->height == 0.0)) return; // SVG: rendering disabled
        visit_group_like(root, context);
    }

private:
    // --- messages ---------------------------------------------------------------------

    int line_of(pugi::xml_node node) const {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return 0;
        const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset));
        return static_cast<int>(it - line_starts_.begin());
    }

    std::string describe(pugi::xml_node node) const {
        Shape s;
        s.element = std::string(local_part(node.name()));
        s.id = node.attribute("id").value();
        s.line = line_of(node);
        return s.name();
    }

    void warn(pugi::xml_node node, const std::string& message) { doc_.warnings_.push_back(describe(node) + ": " + message); }

    // --- attributes -------------------------------------------------------------------

    /// A geometry length: `fallback` when absent; Skip when malformed or (unless allowed)
    /// negative.
    double length(pugi::xml_node node, const char* attribute, Axis axis, const Context& context, double fallback,
                  bool allow_negative) const {
        const pugi::xml_attribute a = node.attribute(attribute);
        if (!a) return fallback;
        double v = 0.0;
        try {
            v = parse_length(a.value(), axis, context.viewport);
        } catch (const BadValue& bad) {
            throw Skip{std::string("attribute ") + attribute + ": " + bad.message};
        }
        if (!allow_negative && v < 0.0)
            throw Skip{std::string("attribute ") + attribute + ": negative value " + detail::quote(detail::trim(a.value()))};
        return v;
    }

    std::optional<ViewBox> view_box(pugi::xml_node node) const {
        const pugi::xml_attribute a = node.attribute("viewBox");
        if (!a) return std::nullopt;
        std::string error;
        const std::vector<double> v = parse_number_list(a.value(), error);
        if (!error.empty()) throw Skip{"attribute viewBox: " + error};
        if (v.size() != 4)
            throw Skip{"attribute viewBox: expected 4 numbers, found " + std::to_string(v.size()) + " in " + detail::quote(a.value())};
        if (v[2] < 0.0 || v[3] < 0.0) throw Skip{"attribute viewBox: negative width or height in " + detail::quote(a.value())};
        return ViewBox{v[0], v[1], v[2], v[3]};
    }

    AspectRatio aspect_ratio(pugi::xml_node node) const {
        const pugi::xml_attribute a = node.attribute("preserveAspectRatio");
        if (!a) return {};
        try {
            return parse_aspect_ratio(a.value());
        } catch (const BadValue& bad) {
            throw Skip{"attribute preserveAspectRatio: " + bad.message};
        }
    }

    Transform transform_of(pugi::xml_node node) const {
        const pugi::xml_attribute a = node.attribute("transform");
        if (!a) return {};
        try {
            return Transform::parse(a.value());
        } catch (const ParseError& e) {
            throw Skip{std::string("attribute transform: ") + e.what()};
        }
    }

    // --- style ------------------------------------------------------------------------

    /// The element's declarations in the order they apply: presentation attributes, then
    /// the style attribute's (so that style wins).
    std::vector<std::pair<std::string, std::string>> declarations(pugi::xml_node node) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const pugi::xml_attribute a : node.attributes())
            if (is_style_property(a.name())) out.emplace_back(a.name(), a.value());
        const pugi::xml_attribute style = node.attribute("style");
        if (!style) return out;
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
            const std::string_view declaration = detail::trim(std::string_view(text).substr(start, end - start));
            start = end + 1;
            if (declaration.empty()) continue;
            const std::size_t colon = declaration.find(':');
            if (colon == std::string_view::npos) {
                warn(node, "style: expected \"name: value\", found " + detail::quote(declaration) + "; ignored");
                continue;
            }
            std::string name = detail::lower(detail::trim(declaration.substr(0, colon)));
            if (is_style_property(name))
                out.emplace_back(std::move(name), std::string(strip_important(detail::trim(declaration.substr(colon + 1)))));
        }
        return out;
    }

    Paint paint(pugi::xml_node node, const std::string& property, std::string_view value) {
        Paint p = Paint::parse(value);
        if (!p.url.empty()) {
            const std::string fallback = p.kind == Paint::Kind::None ? "none" : "its fallback color";
            warn(node, property + ": paint servers are not supported (url(" + p.url + ")); using " + fallback);
        }
        return p;
    }

    /// `style` is a copy of the parent's with the non-inherited properties reset.
    void apply(pugi::xml_node node, Style& style, const Style& parent, const Context& context) {
        for (const auto& [name, raw] : declarations(node)) {
            const std::string_view value = detail::trim(raw);
            const bool inherit = value == "inherit";
            try {
                if (name == "fill") {
                    style.fill = inherit ? parent.fill : paint(node, name, value);
                } else if (name == "stroke") {
                    style.stroke = inherit ? parent.stroke : paint(node, name, value);
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
                        throw BadValue{"expected nonzero or evenodd, found " + detail::quote(value)};
                } else if (name == "stroke-width") {
                    if (inherit) {
                        style.stroke_width = parent.stroke_width;
                    } else {
                        const double w = parse_length(value, Axis::Other, context.viewport);
                        if (w < 0.0) throw BadValue{"negative width " + detail::quote(value)};
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
                        throw BadValue{"expected miter, round or bevel, found " + detail::quote(value)};
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
                        throw BadValue{"expected butt, round or square, found " + detail::quote(value)};
                } else if (name == "stroke-miterlimit") {
                    if (inherit) {
                        style.miter_limit = parent.miter_limit;
                    } else {
                        const double m = parse_number(value);
                        if (m < 1.0) throw BadValue{"must be at least 1, found " + detail::quote(value)};
                        style.miter_limit = m;
                    }
                } else if (name == "color") {
                    // color="currentColor" is color="inherit" (CSS Color 3).
                    if (inherit || detail::lower(value) == "currentcolor")
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
                        throw BadValue{"expected visible, hidden or collapse, found " + detail::quote(value)};
                } else if (name == "display") {
                    style.display = value != "none";
                } else if (value != "none") { // clip-path, mask, filter, stroke-dasharray
                    warn(node, name + " is not supported; ignored");
                }
            } catch (const BadValue& bad) {
                warn(node, name + ": " + bad.message + "; ignored");
            } catch (const ParseError& e) {
                warn(node, name + ": " + e.what() + "; ignored");
            }
        }
    }

    // --- traversal --------------------------------------------------------------------

    /// The context an element's children (or its own geometry) see: its transform
    /// composed, its style applied. Nothing when it is not displayed.
    std::optional<Context> enter(pugi::xml_node node, const Context& parent, const Transform& extra = {}) {
        Context context = parent;
        context.depth = parent.depth + 1;
        context.ctm = parent.ctm * transform_of(node) * extra;
        context.style.opacity = 1.0f;
        context.style.display = true;
        apply(node, context.style, parent.style, parent);
        if (!context.style.display) return std::nullopt;
        context.alpha = parent.alpha * context.style.opacity;
        return context;
    }

    void visit_children(pugi::xml_node node, const Context& context) {
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
            if (child.type() == pugi::node_element) visit(child, context);
    }

    /// svg (root or nested) after its viewport has been set up, g, a.
    void visit_group_like(pugi::xml_node node, const Context& parent, const Transform& extra = {}) {
        if (const auto context = enter(node, parent, extra)) visit_children(node, *context);
    }

    void visit(pugi::xml_node node, const Context& parent) {
        const auto name = svg_name(node);
        if (!name) return; // another vocabulary (Inkscape, RDF...): ignored, as SVG says
        // A document without use is as large as its text; with use it can multiply.
        if (!use_stack_.empty() && ++use_instances_ > max_use_instances) {
            if (use_instances_ == max_use_instances + 1)
                warn(node, "use instantiates more than " + std::to_string(max_use_instances) + " elements; the rest is skipped");
            return;
        }
        if (parent.depth >= max_depth) {
            warn(node, "nested more than " + std::to_string(max_depth) + " levels deep; skipped");
            return;
        }
        try {
            dispatch(node, *name, parent);
        } catch (const Skip& skip) {
            warn(node, skip.message + "; skipped");
        }
    }

    void dispatch(pugi::xml_node node, std::string_view name, const Context& parent) {
        if (name == "g" || name == "a") {
            visit_group_like(node, parent);
        } else if (name == "svg") {
            nested_viewport(node, node, parent, {});
        } else if (name == "switch") {
            const auto context = enter(node, parent);
            if (!context) return;
            for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
                if (child.type() != pugi::node_element || !svg_name(child)) continue;
                if (!std::string_view(child.attribute("requiredExtensions").value()).empty()) continue;
                visit(child, *context);
                break;
            }
        } else if (name == "use") {
            use(node, parent);
        } else if (name == "path" || name == "rect" || name == "circle" || name == "ellipse" || name == "line" ||
                   name == "polyline" || name == "polygon") {
            shape(node, name, parent);
        } else if (name == "style") {
            warn(node, "CSS style sheets are not supported; ignored");
        } else if (name == "defs" || name == "symbol" || name == "title" || name == "desc" || name == "metadata" ||
                   name == "linearGradient" || name == "radialGradient" || name == "pattern" || name == "clipPath" ||
                   name == "mask" || name == "marker" || name == "filter" || name == "script") {
            // Definitions and metadata: drawn only through references, if at all.
        } else {
            warn(node, "element <" + std::string(name) + "> is not supported; skipped");
        }
    }

    /// A nested svg, or a symbol or svg instantiated by `use` (whose width and height win).
    void nested_viewport(pugi::xml_node node, pugi::xml_node sizing, const Context& parent, const Transform& use_offset) {
        const double x = node == sizing ? length(node, "x", Axis::X, parent, 0.0, true) : 0.0;
        const double y = node == sizing ? length(node, "y", Axis::Y, parent, 0.0, true) : 0.0;
        const auto size = [&](const char* attribute, Axis axis, double whole) {
            if (sizing.attribute(attribute)) return length(sizing, attribute, axis, parent, whole, false);
            return length(node, attribute, axis, parent, whole, false);
        };
        const double width = size("width", Axis::X, parent.viewport.width);
        const double height = size("height", Axis::Y, parent.viewport.height);
        if (width == 0.0 || height == 0.0) return; // SVG: rendering disabled
        const std::optional<ViewBox> box = view_box(node);
        Transform placement = use_offset * Transform::translate(x, y);
        Context inner = parent;
        inner.viewport = {width, height};
        if (box) {
            if (box->width == 0.0 || box->height == 0.0) return;
            placement = use_offset * viewbox_transform(*box, x, y, width, height, aspect_ratio(node));
            inner.viewport = {box->width, box->height};
        }
        // Percentages inside refer to the new viewport; the element's own attributes
        // (transform, style) to the outer one, which `enter` gets through `parent`.
        if (const auto context = enter(node, parent, placement)) {
            Context children = *context;
            children.viewport = inner.viewport;
            visit_children(node, children);
        }
    }

    pugi::xml_node find_id(std::string_view id) {
        if (!ids_built_) {
            ids_built_ = true;
            // Iterative, so that a deep document cannot exhaust the stack here.
            std::vector<pugi::xml_node> stack{root_};
            while (!stack.empty()) {
                const pugi::xml_node n = stack.back();
                stack.pop_back();
                if (const pugi::xml_attribute a = n.attribute("id")) ids_.emplace(a.value(), n); // first one wins
                for (pugi::xml_node child = n.last_child(); child; child = child.previous_sibling())
                    if (child.type() == pugi::node_element) stack.push_back(child);
            }
        }
        const auto it = ids_.find(std::string(id));
        return it == ids_.end() ? pugi::xml_node() : it->second;
    }

    void use(pugi::xml_node node, const Context& parent) {
        pugi::xml_attribute href = node.attribute("href");
        if (!href) href = node.attribute("xlink:href");
        const std::string_view target_text = detail::trim(href.value());
        if (!target_text.starts_with('#'))
            throw Skip{"href " + detail::quote(target_text) + " is not a reference to an element of this document (#id)"};
        const pugi::xml_node target = find_id(target_text.substr(1));
        if (!target) throw Skip{"href " + detail::quote(target_text) + " refers to no element"};
        // A use inside its own target, directly or through other uses, would never end.
        bool loops = std::find(use_stack_.begin(), use_stack_.end(), target) != use_stack_.end();
        for (pugi::xml_node n = node; n && !loops; n = n.parent()) loops = n == target;
        if (loops) throw Skip{"href " + detail::quote(target_text) + " refers back to itself"};
        const auto target_name = svg_name(target);
        if (!target_name) throw Skip{"href " + detail::quote(target_text) + " refers to an element of another vocabulary"};
        const double x = length(node, "x", Axis::X, parent, 0.0, true);
        const double y = length(node, "y", Axis::Y, parent, 0.0, true);
        // The use element is a group holding the target, translated by (x, y).
        const auto context = enter(node, parent, Transform::translate(x, y));
        if (!context) return;
        use_stack_.push_back(target);
        try {
            if (*target_name == "symbol" || *target_name == "svg") {
                if (context->depth >= max_depth) throw Skip{"nested more than " + std::to_string(max_depth) + " levels deep"};
                nested_viewport(target, node, *context, {});
            } else {
                visit(target, *context);
            }
        } catch (...) {
            use_stack_.pop_back();
            throw;
        }
        use_stack_.pop_back();
    }

    // --- shapes -----------------------------------------------------------------------

    static void rounded_rect(PathData& p, double x, double y, double w, double h, double rx, double ry) {
        using C = PathCommand;
        if (rx <= 0.0 || ry <= 0.0) {
            p.commands = {C::move_to({x, y}), C::line_to({x + w, y}), C::line_to({x + w, y + h}), C::line_to({x, y + h}),
                          C::close({x, y})};
            return;
        }
        const glm::dvec2 r{rx, ry};
        p.commands = {C::move_to({x + rx, y}),
                      C::line_to({x + w - rx, y}),
                      C::arc_to(r, 0.0, false, true, {x + w, y + ry}),
                      C::line_to({x + w, y + h - ry}),
                      C::arc_to(r, 0.0, false, true, {x + w - rx, y + h}),
                      C::line_to({x + rx, y + h}),
                      C::arc_to(r, 0.0, false, true, {x, y + h - ry}),
                      C::line_to({x, y + ry}),
                      C::arc_to(r, 0.0, false, true, {x + rx, y}),
                      C::close({x + rx, y})};
    }

    static void ellipse_path(PathData& p, double cx, double cy, double rx, double ry) {
        using C = PathCommand;
        const glm::dvec2 r{rx, ry};
        p.commands = {C::move_to({cx + rx, cy}),
                      C::arc_to(r, 0.0, false, true, {cx, cy + ry}),
                      C::arc_to(r, 0.0, false, true, {cx - rx, cy}),
                      C::arc_to(r, 0.0, false, true, {cx, cy - ry}),
                      C::arc_to(r, 0.0, false, true, {cx + rx, cy}),
                      C::close({cx + rx, cy})};
    }

    void shape(pugi::xml_node node, std::string_view name, const Context& parent) {
        // The element's transform and style first: a bad transform skips it whatever its
        // geometry, and percentages in its geometry use the parent's viewport.
        const auto context = enter(node, parent);
        if (!context) return;
        PathData path;
        bool fillable = true;
        if (name == "path") {
            std::string error;
            path = PathData::parse_prefix(node.attribute("d").value(), error);
            if (!error.empty()) warn(node, "attribute d: " + error + "; drawn up to the error");
        } else if (name == "rect") {
            const double x = length(node, "x", Axis::X, parent, 0.0, true);
            const double y = length(node, "y", Axis::Y, parent, 0.0, true);
            const double w = length(node, "width", Axis::X, parent, 0.0, false);
            const double h = length(node, "height", Axis::Y, parent, 0.0, false);
            const bool has_rx = static_cast<bool>(node.attribute("rx")), has_ry = static_cast<bool>(node.attribute("ry"));
            double rx = length(node, "rx", Axis::X, parent, 0.0, false);
            double ry = length(node, "ry", Axis::Y, parent, 0.0, false);
            // SVG 1.1 9.2: a missing radius takes the other's value; both at most half
            // the side.
            if (has_rx && !has_ry) ry = rx;
            if (has_ry && !has_rx) rx = ry;
            if (w == 0.0 || h == 0.0) return; // SVG: rendering disabled
            rounded_rect(path, x, y, w, h, std::min(rx, w / 2.0), std::min(ry, h / 2.0));
        } else if (name == "circle") {
            const double cx = length(node, "cx", Axis::X, parent, 0.0, true);
            const double cy = length(node, "cy", Axis::Y, parent, 0.0, true);
            const double r = length(node, "r", Axis::Other, parent, 0.0, false);
            if (r == 0.0) return;
            ellipse_path(path, cx, cy, r, r);
        } else if (name == "ellipse") {
            const double cx = length(node, "cx", Axis::X, parent, 0.0, true);
            const double cy = length(node, "cy", Axis::Y, parent, 0.0, true);
            const double rx = length(node, "rx", Axis::X, parent, 0.0, false);
            const double ry = length(node, "ry", Axis::Y, parent, 0.0, false);
            if (rx == 0.0 || ry == 0.0) return;
            ellipse_path(path, cx, cy, rx, ry);
        } else if (name == "line") {
            const double x1 = length(node, "x1", Axis::X, parent, 0.0, true);
            const double y1 = length(node, "y1", Axis::Y, parent, 0.0, true);
            const double x2 = length(node, "x2", Axis::X, parent, 0.0, true);
            const double y2 = length(node, "y2", Axis::Y, parent, 0.0, true);
            path.commands = {PathCommand::move_to({x1, y1}), PathCommand::line_to({x2, y2})};
            fillable = false; // a line has no inside
        } else { // polyline, polygon
            std::string error;
            std::vector<double> v = parse_number_list(node.attribute("points").value(), error);
            if (!error.empty()) warn(node, "attribute points: " + error + "; drawn up to the error");
            if (v.size() % 2 != 0) {
                if (error.empty()) warn(node, "attribute points: odd number of coordinates; the last one is ignored");
                v.pop_back();
            }
            for (std::size_t i = 0; i + 1 < v.size(); i += 2)
                path.commands.push_back(i == 0 ? PathCommand::move_to({v[i], v[i + 1]}) : PathCommand::line_to({v[i], v[i + 1]}));
            if (name == "polygon" && !path.commands.empty()) path.commands.push_back(PathCommand::close({v[0], v[1]}));
        }
        emit(node, name, path, *context, fillable);
    }

    static std::optional<Color> resolve(const Paint& paint, const Color& current_color, float alpha) {
        if (paint.kind == Paint::Kind::None) return std::nullopt;
        Color c = paint.kind == Paint::Kind::CurrentColor ? current_color : paint.color;
        c.a *= alpha;
        return c;
    }

    void emit(pugi::xml_node node, std::string_view name, const PathData& path, const Context& context, bool fillable) {
        const Style& st = context.style;
        if (!st.visible || path.commands.empty()) return;
        Shape s;
        if (fillable)
            if (const auto c = resolve(st.fill, st.color, st.fill_opacity * context.alpha)) s.fill = Fill{*c, st.fill_rule};
        if (st.stroke_width > 0.0) {
            if (const auto c = resolve(st.stroke, st.color, st.stroke_opacity * context.alpha)) {
                Stroke stroke;
                stroke.color = *c;
                stroke.user_width = st.stroke_width;
                stroke.width = st.stroke_width * context.ctm.mean_scale();
                stroke.join = st.join;
                stroke.cap = st.cap;
                stroke.miter_limit = st.miter_limit;
                s.stroke = stroke;
            }
        }
        if (!s.fill && !s.stroke) return;
        const Transform& m = context.ctm;
        for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f})
            if (!std::isfinite(v)) throw Skip{"coordinates overflow once transformed"};
        s.subpaths = flatten(path, context.ctm, tolerance_);
        for (const Polyline& p : s.subpaths)
            for (const glm::dvec2 q : p.points)
                if (!std::isfinite(q.x) || !std::isfinite(q.y)) throw Skip{"coordinates overflow once transformed"};
        if (s.stroke && !std::isfinite(s.stroke->width)) throw Skip{"stroke width overflows once transformed"};
        if (s.subpaths.empty()) return;
        s.element = std::string(name);
        s.id = node.attribute("id").value();
        s.line = line_of(node);
        s.transform = context.ctm;
        doc_.shapes_.push_back(std::move(s));
    }

    Document& doc_;
    double tolerance_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_node root_;
    std::size_t use_instances_ = 0;
    bool ids_built_ = false;
    std::unordered_map<std::string, pugi::xml_node> ids_;
    std::vector<pugi::xml_node> use_stack_;
};

namespace {

Document parse_document(std::string_view xml, const LoadOptions& options, const std::string& function) {
    const auto positive = [&](double v, const char* what) {
        if (!(v > 0.0) || !std::isfinite(v))
            throw ValueError(function + ": " + what + " must be a positive finite number, got " + detail::number_text(v));
    };
    positive(options.tolerance, "tolerance");
    positive(options.scale, "scale");
    pugi::xml_document xml_doc;
    // No end-of-line normalisation, so that node offsets (for line numbers in messages)
    // are offsets in `xml` itself.
    const unsigned flags = pugi::parse_default & ~pugi::parse_eol;
    const pugi::xml_parse_result result = xml_doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
    if (!result) {
        const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
        const std::size_t clipped = std::min(offset, xml.size());
        const std::string_view before = xml.substr(0, clipped);
        const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
        const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        throw ParseError(function + ": malformed XML at line " + std::to_string(line) + ", column " +
                         std::to_string(clipped - line_start + 1) + " (offset " + std::to_string(offset) +
                         "): " + result.description());
    }
    Document doc;
    DocumentBuilder builder(doc, xml, options);
    builder.build(xml_doc.document_element(), function);
    return doc;
}

} // namespace

Document Document::parse(std::string_view xml, const LoadOptions& options) {
    return parse_document(xml, options, "Document::parse");
}

Document Document::load(const std::filesystem::path& path, const LoadOptions& options) {
    const std::string function = "Document::load: " + detail::quote(path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(function + ": cannot open: " + std::strerror(errno));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw IoError(function + ": cannot read: " + std::strerror(errno));
    return parse_document(text, options, function);
}

std::optional<Bounds> Document::bounds() const {
    std::optional<Bounds> out;
    for (const Shape& s : shapes_)
        for (const Polyline& p : s.subpaths)
            for (const glm::dvec2 q : p.points) {
                if (!out) out = Bounds{q, q};
                out->min = glm::min(out->min, q);
                out->max = glm::max(out->max, q);
            }
    return out;
}

} // namespace glumpp::graphics::svg
