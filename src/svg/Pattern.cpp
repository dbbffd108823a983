#include "Pattern.hpp"
// <pattern> (SVG 1.1 13.3): the href chain (attributes and children inherited), the
// tile's rectangle and the transforms of pattern space and of the content.

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>

namespace glumpp::svg::detail {

namespace {
/// How many patterns an href chain may pass through (as for gradients: real files use
/// one or two links).
constexpr int max_href_links = 16;

bool has_element_children(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return true;
    return false;
}
} // namespace

std::optional<PatternTile> pattern_tile(pugi::xml_node server, const std::function<pugi::xml_node(std::string_view)>& find_id,
                                        const Transform& ctm, const std::optional<Bounds>& user_box, const Viewport& viewport,
                                        std::string& why, std::vector<std::string>& warnings) {
    std::vector<pugi::xml_node> chain{server};
    for (pugi::xml_node n = server;;) {
        const std::string_view h = trim(href_of(n).value());
        if (!h.starts_with('#')) break;
        const pugi::xml_node next = find_id(h.substr(1));
        if (!next || local_name(next) != "pattern") break;
        if (std::find(chain.begin(), chain.end(), next) != chain.end()) {
            warnings.push_back("href loops back to " + quote(h) + "; the chain stops there");
            break;
        }
        if (static_cast<int>(chain.size()) > max_href_links) {
            warnings.push_back("href chain longer than " + std::to_string(max_href_links) + " patterns; the rest is ignored");
            break;
        }
        chain.push_back(next);
        n = next;
    }
    const auto holder = [&](const char* name) -> pugi::xml_node {
        for (const pugi::xml_node n : chain)
            if (n.attribute(name)) return n;
        return {};
    };
    const auto attribute = [&](const char* name) { return holder(name).attribute(name); };
    const auto units_of = [&](const char* name, bool bbox_default) {
        const std::string_view units = trim(attribute(name).value());
        if (units == "userSpaceOnUse") return false;
        if (units == "objectBoundingBox") return true;
        if (!units.empty())
            warnings.push_back(std::string(name) + " " + quote(units) + " is not a unit; using " +
                               (bbox_default ? "objectBoundingBox" : "userSpaceOnUse"));
        return bbox_default;
    };
    const bool bbox_units = units_of("patternUnits", true);
    const bool bbox_content = units_of("patternContentUnits", false);
    PatternTile tile;
    for (const pugi::xml_node n : chain)
        if (has_element_children(n)) {
            tile.content = n;
            break;
        }
    std::optional<ViewBox> box;
    AspectRatio aspect;
    try {
        if (const pugi::xml_node n = holder("viewBox")) box = view_box_attribute(n);
        if (const pugi::xml_node n = holder("preserveAspectRatio")) aspect = aspect_ratio_attribute(n);
    } catch (const Skip& skip) {
        why = skip.message;
        return std::nullopt;
    }
    const bool needs_box = bbox_units || (bbox_content && !box);
    glm::dvec2 origin{0.0, 0.0}, size{1.0, 1.0};
    if (needs_box) {
        if (!user_box || !(user_box->max.x > user_box->min.x) || !(user_box->max.y > user_box->min.y)) {
            why = "uses objectBoundingBox on a shape of zero width or height";
            return std::nullopt;
        }
        origin = user_box->min;
        size = user_box->max - user_box->min;
    }
    // Under objectBoundingBox, numbers are fractions of the box and percentages
    // hundredths: a viewport of 1 x 1 makes parse_length read them so.
    const Viewport units_viewport = bbox_units ? Viewport{1.0, 1.0} : viewport;
    const auto length = [&](const char* name, Axis axis) {
        const pugi::xml_attribute a = attribute(name);
        if (!a) return 0.0;
        return parse_length(trim(a.value()), axis, units_viewport);
    };
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
    try {
        x = length("x", Axis::X);
        y = length("y", Axis::Y);
        w = length("width", Axis::X);
        h = length("height", Axis::Y);
    } catch (const BadValue& bad) {
        why = bad.message;
        return std::nullopt;
    }
    if (w < 0.0 || h < 0.0) {
        why = "has a negative width or height";
        return std::nullopt;
    }
    if (bbox_units) {
        x = origin.x + x * size.x;
        y = origin.y + y * size.y;
        w *= size.x;
        h *= size.y;
    }
    Transform pattern_transform;
    if (const pugi::xml_attribute t = attribute("patternTransform")) {
        try {
            pattern_transform = Transform::parse(t.value());
        } catch (const ParseError& e) {
            warnings.push_back(std::string("patternTransform: ") + e.what() + "; ignored");
        }
    }
    tile.width = w;
    tile.height = h;
    tile.to_final = ctm * pattern_transform * Transform::translate(x, y);
    tile.content_viewport = viewport;
    if (w == 0.0 || h == 0.0) return tile; // SVG 1.1 13.3: rendering disabled
    if (box) {
        if (box->width == 0.0 || box->height == 0.0) {
            tile.width = tile.height = 0.0; // a viewBox of zero size disables rendering too
            return tile;
        }
        tile.content_transform = viewbox_transform(*box, 0.0, 0.0, w, h, aspect);
        tile.content_viewport = {box->width, box->height};
    } else if (bbox_content) {
        tile.content_transform = Transform::scale(size.x, size.y);
    }
    for (const double v : {tile.to_final.a, tile.to_final.b, tile.to_final.c, tile.to_final.d, tile.to_final.e, tile.to_final.f, w, h})
        if (!std::isfinite(v) || std::abs(v) > max_coordinate) {
            why = "has numbers out of range";
            return std::nullopt;
        }
    if (!tile.to_final.inverse()) {
        why = "has a patternTransform that is not invertible";
        return std::nullopt;
    }
    return tile;
}

} // namespace glumpp::svg::detail
