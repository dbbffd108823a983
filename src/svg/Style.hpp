#pragma once
// SVG style properties: an element's declarations (presentation attributes, then its
// style attribute, so that style wins) applied over its parent's computed style. Private
// to the SVG reader; Document.hpp lists the properties and what is not supported.

#include "Css.hpp"
#include "TextStyle.hpp"
#include "Values.hpp"

#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Shape.hpp>

#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace glumpp::svg::detail {

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
    std::vector<double> dash_array; ///< user units, an even count; empty: solid
    double dash_offset = 0.0;       ///< user units
    Color color{0.0f, 0.0f, 0.0f, 1.0f};
    bool visible = true;
    /// marker-start, marker-mid, marker-end (and the `marker` shorthand): the ids of
    /// url(#id) references; empty: none (Marker.hpp draws them).
    std::string marker_start, marker_mid, marker_end;
    /// paint-order: fill, stroke and markers in the order they are painted.
    enum class PaintPart : std::uint8_t { Fill, Stroke, Markers };
    std::array<PaintPart, 3> paint_order{PaintPart::Fill, PaintPart::Stroke, PaintPart::Markers};
    FillRule clip_rule = FillRule::NonZero; ///< clip-rule (inherited; used inside clipPath)
    TextStyle text; ///< font-family, font-size, font-weight, font-style, text-anchor (TextStyle.hpp)
    // Not inherited:
    float opacity = 1.0f;
    bool display = true;
    /// overflow hidden or scroll (the default for markers); only markers read it
    /// (Marker.cpp resets it per element; the tree walk need not).
    bool overflow_clips = true;
    /// clip-path, mask, filter: the id of url(#id); empty for none.
    std::string clip_path, mask, filter;
};

/// The element's style declarations in the order they apply (CSS 2.1 6.4.1, SVG 1.1
/// 6.4): presentation attributes, then the style sheets' normal declarations (by
/// specificity, then source order), then its style attribute's, then the sheets'
/// !important ones; names lower case, values trimmed and without "!important". Only the
/// properties the reader knows (Document.hpp). `sheet` may be null (no <style>).
std::vector<std::pair<std::string, std::string>> declarations(pugi::xml_node node, std::vector<std::string>& warnings,
                                                              const StyleSheet* sheet = nullptr);

/// Applies `node`'s declarations to `style`, a copy of `parent` whose non-inherited
/// properties the caller has reset. `inherit` takes the parent's value; a bad value is
/// ignored (the inherited one stays, as CSS does). Lengths' percentages refer to
/// `viewport`. Each problem is appended to `warnings`, in document order, without the
/// element's name ("fill: ...; ignored"); nothing is thrown for bad values.
void apply_style(pugi::xml_node node, Style& style, const Style& parent, const Viewport& viewport,
                 std::vector<std::string>& warnings, const StyleSheet* sheet = nullptr);

} // namespace glumpp::svg::detail
