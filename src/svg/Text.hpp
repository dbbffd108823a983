#pragma once
// <text> and its tspans read into an svg::Text (Shape.hpp): characters with white space
// handled, per-character positions, and each span's style. Private to the SVG reader;
// Document.cpp's tree walk calls read_text with hooks into its own style and paint code.

#include "Style.hpp"
#include "Values.hpp"

#include <glumpp/svg/Shape.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace glumpp::svg::detail {

struct TextHooks {
    /// The computed style of a text child element (tspan, a) under `parent`; nothing when
    /// it is not displayed (display none: its characters are not laid out).
    std::function<std::optional<Style>(pugi::xml_node, const Style& parent)> style;
    /// The span's fill and stroke from its element's computed style.
    std::function<void(pugi::xml_node, const Style&, TextSpan&)> paint;
    /// A warning about an element.
    std::function<void(pugi::xml_node, const std::string&)> warn;
    /// The element's SVG name, nothing for other vocabularies (Document.cpp's svg_name).
    std::function<std::optional<std::string_view>(pugi::xml_node)> name;
    /// The element's line in the source.
    std::function<int(pugi::xml_node)> line;
};

/// Reads `text` (whose computed style is `style`, percentages of `viewport`) and its
/// descendants. `characters_left` is the document's remaining budget of code points
/// (Document.hpp: max_text_characters); characters past it are dropped, with one warning
/// for the document (`limit_reached` says it was given). Problems go through hooks.warn;
/// nothing is thrown.
Text read_text(pugi::xml_node text, const Style& style, const Viewport& viewport, const TextHooks& hooks,
               std::size_t& characters_left, bool& limit_reached);

} // namespace glumpp::svg::detail
