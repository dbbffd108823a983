#pragma once
// Colors and paints as SVG 1.1 / CSS Color 3 write them.
//
// Color::parse accepts
//  - the 147 SVG 1.1 / CSS 3 color keywords ("red", "lightgoldenrodyellow", both
//    spellings of grey) plus CSS 4's "rebeccapurple" and "transparent" (black, alpha 0);
//  - "#rgb", "#rrggbb", and CSS 4's "#rgba", "#rrggbbaa";
//  - "rgb(r, g, b)" and "rgba(r, g, b, a)" with numbers 0-255 or percentages 0%-100%
//    (mixing is allowed, as browsers do), alpha as a number 0-1 or a percentage;
//    out-of-range components are clamped, as CSS requires.
// Keywords, hex digits and function names are case-insensitive; surrounding white space
// is ignored. Anything else is a ParseError naming the text.
//
// "none", "currentColor" and "url(...)" are paints, not colors: Paint::parse reads
// them. currentColor is kept as a keyword and resolved against the element's `color`
// property where the paint is used (CSS 3 computes it that way, so a group's
// fill="currentColor" follows each child's own color).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace glumpp::svg {

/// Straight (not premultiplied) RGBA, each component in [0, 1].
struct Color {
    float r = 0.0f, g = 0.0f, b = 0.0f, a = 1.0f;

    /// 8-bit components, as hex and rgb() integers give them.
    static constexpr Color rgb8(std::uint8_t red, std::uint8_t green, std::uint8_t blue, std::uint8_t alpha = 255) {
        return {red / 255.0f, green / 255.0f, blue / 255.0f, alpha / 255.0f};
    }

    /// See the file comment. Throws ParseError("Color::parse: ...") quoting the text.
    static Color parse(std::string_view text);

    /// The color keyword `name` (case-insensitive), or nothing.
    static std::optional<Color> named(std::string_view name);

    /// Every color keyword `named` knows, lower case, sorted (148: SVG 1.1's 147 and
    /// rebeccapurple; "transparent" is special and not listed).
    static std::span<const std::string_view> names();

    friend bool operator==(const Color&, const Color&) = default;
};

/// What fills or strokes a shape.
struct Paint {
    enum class Kind : std::uint8_t {
        None,         ///< "none": nothing is painted
        Color,        ///< `color`
        CurrentColor, ///< "currentColor": the element's `color` property
    };
    Kind kind = Kind::None;
    svg::Color color;
    /// The IRI of "url(#id) [fallback]" (empty for other paints). `kind` and `color`
    /// describe the fallback ("none" when none was given): the Document paints it where
    /// the reference does not lead to a gradient it can use (a missing element, a
    /// pattern), with a warning.
    std::string url;

    static Paint none() { return {}; }
    static Paint solid(svg::Color c) { return {Kind::Color, c, {}}; }

    /// "none", "currentColor", a color, or "url(#id)" with an optional fallback
    /// ("none", "currentColor" or a color). Throws ParseError("Paint::parse: ...").
    static Paint parse(std::string_view text);

    friend bool operator==(const Paint&, const Paint&) = default;
};

} // namespace glumpp::svg
