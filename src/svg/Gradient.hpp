#pragma once
// Paint servers: fill="url(#g)" and stroke="url(#g)" resolved for one shape (Gradient.cpp).
// Private to the SVG reader; Shape.hpp's Gradient is what comes out, Document.hpp says
// what is supported.

#include "Css.hpp"
#include "Values.hpp"

#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Shape.hpp>

#include <pugixml.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

/// What a shape is painted with: nothing (none), one color, or a gradient (whose mean
/// color is `color`).
struct ResolvedPaint {
    std::optional<Color> color;
    std::optional<Gradient> gradient;
};

/// The paint `paint` (of kind url) gives a shape whose transform is `ctm`, whose
/// user-space box is `user_box` (nothing: the shape has no extent), in `viewport`
/// (userSpaceOnUse percentages), with `alpha` (fill- or stroke-opacity times opacity)
/// multiplied in and `current_color` for stop-color="currentColor". `find_id` finds
/// an element by id (a null node when none). Where the reference cannot be used (no
/// such element, a pattern, a loop in href, a bounding box of zero width or height
/// under objectBoundingBox) the fallback is painted and a message naming `property`
/// goes to `warnings`; a gradient without stops paints nothing, one with one stop its
/// color, as SVG 1.1 (13.2.4) says. Stops are styled by `sheet` too (may be null).
ResolvedPaint resolve_url(const Paint& paint, const std::function<pugi::xml_node(std::string_view)>& find_id,
                          const Transform& ctm, const std::optional<Bounds>& user_box, const Viewport& viewport, float alpha,
                          const Color& current_color, const std::string& property, std::vector<std::string>& warnings,
                          const StyleSheet* sheet = nullptr);

} // namespace glumpp::svg::detail
