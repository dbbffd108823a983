#pragma once
// SVG values as the document reader reads them: numbers, lengths, opacities, number
// lists, preserveAspectRatio and the viewBox transform, from attribute text; and the
// geometry attributes of an element read through them. Private to the SVG reader
// (Document.cpp, Style.cpp, ShapeGeometry.cpp).
//
// Two failures, two types, because their callers treat them apart:
//  - BadValue: a value that does not parse; the caller decides (a style property is
//    ignored, a root width falls back);
//  - Skip: an attribute that makes its element unusable; the tree walk warns
//    "<element>: <message>; skipped" and skips the element with its children.

#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Transform.hpp>

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

struct Skip {
    std::string message;
};

struct BadValue {
    std::string message;
};

/// Which viewport dimension a percentage refers to.
enum class Axis { X, Y, Other };

/// The size that percentages refer to, in user units.
struct Viewport {
    double width = 0.0, height = 0.0;
};

/// Strict number: the whole (trimmed) text, nothing before or after. BadValue otherwise.
double parse_number(std::string_view text);

/// opacity, fill-opacity, stroke-opacity: a number or a percentage, clamped to [0, 1].
float parse_alpha(std::string_view text);

/// A length in user units: px, pt, pc, mm, cm, in (96 per inch) or a percentage of the
/// viewport: its width for x, its height for y, and sqrt((w^2 + h^2) / 2) otherwise
/// (SVG 1.1 7.10). em and ex are BadValue ("not supported").
double parse_length(std::string_view text, Axis axis, const Viewport& viewport);

/// Numbers separated by comma-wsp (points, viewBox). Stops at the first error, which
/// goes to `error` (empty when none); returns what was read before it.
std::vector<double> parse_number_list(std::string_view text, std::string& error);

struct AspectRatio {
    enum class Align { None, Min, Mid, Max };
    Align x = Align::Mid, y = Align::Mid;
    bool slice = false;
};

/// preserveAspectRatio: ["defer"] (none | xMinYMin ... xMaxYMax) [meet | slice].
AspectRatio parse_aspect_ratio(std::string_view text);

/// The viewBox-to-viewport transform (SVG 1.1 section 7.8).
Transform viewbox_transform(const ViewBox& box, double x, double y, double width, double height, const AspectRatio& ar);

// --- attributes of an element ---------------------------------------------------------
// Each throws Skip naming the attribute when its value is bad.

/// A geometry length: `fallback` when absent; Skip when malformed or (unless allowed)
/// negative.
double length_attribute(pugi::xml_node node, const char* attribute, Axis axis, const Viewport& viewport,
                        double fallback, bool allow_negative);
/// viewBox: nothing when absent.
std::optional<ViewBox> view_box_attribute(pugi::xml_node node);
/// preserveAspectRatio: xMidYMid meet when absent.
AspectRatio aspect_ratio_attribute(pugi::xml_node node);
/// transform: the identity when absent.
Transform transform_attribute(pugi::xml_node node);
/// The element's name without its namespace prefix ("svg:rect" -> "rect").
std::string_view local_name(pugi::xml_node node);
/// href, or SVG 1.1's xlink:href when it is absent (an empty attribute when neither is).
pugi::xml_attribute href_of(pugi::xml_node node);

} // namespace glumpp::svg::detail
