#pragma once
// The inherited text properties of the computed style (Style.hpp holds one): font-family,
// font-size, font-weight, font-style, text-anchor, and the `font` shorthand that sets the
// first four. Private to the SVG reader; Text.cpp reads <text> with them.

#include <glumpp/svg/Shape.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

struct TextStyle {
    TextFont font; ///< initial: no family (the renderer's default), 12 user units, 400, upright
    TextAnchor anchor = TextAnchor::Start;
};

/// Applies one text property declaration (`name` lower case, `value` trimmed) over
/// `style` (`parent`: the parent's, for inherit and relative sizes). Returns false when
/// `name` is not a text property. Throws BadValue for a bad value (the caller warns and
/// keeps the inherited value); appends "text-decoration is not supported; ignored" and
/// the like to `warnings` for text properties the reader does not render.
bool apply_text_property(std::string_view name, std::string_view value, TextStyle& style, const TextStyle& parent,
                         std::vector<std::string>& warnings);

/// Whether `name` is a text property apply_text_property knows (for the cascade's list).
bool is_text_property(std::string_view name);

} // namespace glumpp::svg::detail
