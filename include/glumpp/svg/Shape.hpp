#pragma once
// One painted SVG element, flattened: what a renderer draws, in document order.
//
// Coordinates are final: every transform from the element up to the root viewport
// (viewBox included) has been applied, and curves are flattened to the document's
// tolerance in those units. Colors carry fill-opacity and stroke-opacity, and the opacity
// of a shape that is filled or stroked but not both (exact there); any other opacity is a
// compositing group's (Group.hpp), applied to the group as one layer.
//
// Written by Document; read by renderers. Plain data: copy, move and edit freely.

#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Transform.hpp>

#include <glm/vec2.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::svg {

/// stroke-linejoin and stroke-linecap as the document says them. The reader's own
/// vocabulary, so that it depends on no renderer: glumpp's stroke renderer has its own
/// (graphics::StrokeJoin and StrokeCap, PathCollection.hpp), to which SvgScene maps these.
enum class LineJoin : std::uint8_t { Miter, Round, Bevel };
enum class LineCap : std::uint8_t { Butt, Round, Square };

/// A linearGradient or radialGradient resolved for one shape (its href chain followed, its
/// units and gradientTransform composed with the shape's transform): what a renderer
/// evaluates per fragment. A gradient that paints one color everywhere (a single stop,
/// x1,y1 = x2,y2, r = 0) is never a Gradient: the reader paints that color instead.
struct Gradient {
    enum class Kind : std::uint8_t { Linear, Radial };
    /// spreadMethod: what t outside [0, 1] paints.
    enum class Spread : std::uint8_t { Pad, Reflect, Repeat };
    struct Stop {
        float offset = 0.0f; ///< in [0, 1], never below the previous stop's (SVG 1.1 13.2.4)
        Color color;         ///< stop-color, with stop-opacity and the shape's opacities in `a`
        friend bool operator==(const Stop&, const Stop&) = default;
    };
    Kind kind = Kind::Linear;
    Spread spread = Spread::Pad;
    std::vector<Stop> stops;  ///< at least 2
    /// Final units to the gradient's own coordinates, in which x1, y1, x2, y2 (start,
    /// end) or cx, cy, r, fx, fy (center, radius, focal) are given: the inverse of
    /// `shape transform * bounding box (objectBoundingBox) * gradientTransform`.
    Transform to_gradient;
    glm::dvec2 start{0.0, 0.0}, end{1.0, 0.0}; ///< Linear: (x1, y1), (x2, y2); never equal
    glm::dvec2 center{0.5, 0.5}, focal{0.5, 0.5}; ///< Radial: (cx, cy), (fx, fy)
    /// Radial: r > 0. The gradient is SVG 2's (and cairo's, so rsvg-convert's and the
    /// browsers'): the circles from the focal point (radius 0, t = 0) to the circle
    /// (t = 1) and beyond, a point taking the largest t of the circles through it. With
    /// the focal point inside the circle that is SVG 1.1's ray rule; outside, the
    /// circles sweep a cone and points outside it are not painted (SVG 1.1 moved the
    /// focal point onto the circle instead; rsvg-convert follows SVG 2).
    double radius = 0.5;

    /// The gradient's parameter at a point in final units, before spreadMethod: the
    /// projection on start-end (linear); for radial, the largest t >= 0 of the circles
    /// through the point (see `radius`), nothing where none passes (outside the cone of
    /// a focal point outside the circle). The CPU twin of GradientCollection's shader.
    std::optional<double> parameter(glm::dvec2 final_point) const;
    /// The color at parameter t, spreadMethod applied, the stops interpolated linearly
    /// in straight (not premultiplied) sRGB, as SVG 1.1 specifies.
    Color color_at(double t) const;
    /// The mean color over t in [0, 1]: what a renderer that cannot evaluate gradients
    /// paints (and what SvgScene's gradient collections report as an item's color).
    Color mean_color() const;
    friend bool operator==(const Gradient&, const Gradient&) = default;
};

struct Pattern;

struct Fill {
    /// fill-opacity and opacity included in `a`; under a gradient, its mean_color();
    /// under a pattern, the paint's fallback color ("url(#p) red"), else the color of the
    /// pattern's first filled content shape (what a renderer without patterns paints).
    Color color;
    FillRule rule = FillRule::NonZero;       ///< fill-rule
    std::optional<Gradient> gradient;        ///< fill="url(#g)" of a linear or radial gradient
    /// fill="url(#p)" of a <pattern> (below). Shared and const, so that copying a Shape
    /// copies no tile content.
    std::shared_ptr<const Pattern> pattern;
};

struct Stroke {
    Color color;              ///< stroke-opacity and opacity included in `a`; under a gradient, its mean_color()
    std::optional<Gradient> gradient; ///< stroke="url(#g)" of a linear or radial gradient
    /// stroke-width in final units: `user_width * transform.mean_scale()`. A non-uniform
    /// transform would make the true outline's width vary with direction; renderers
    /// that care can use `user_width` and `transform` instead.
    double width = 1.0;
    double user_width = 1.0;  ///< stroke-width as the element's user units measure it
    LineJoin join = LineJoin::Miter;
    LineCap cap = LineCap::Butt;
    double miter_limit = 4.0; ///< stroke-miterlimit, >= 1
    /// stroke-dasharray: the dashes to stroke instead of the shape's sub-paths (open
    /// polylines, possibly none at all); nothing: a solid stroke. Dash lengths are the
    /// user's times `transform.mean_scale()`, as the width is. Under round or square caps
    /// a zero-length dash is a dot: two points width / 1024 apart along the path.
    std::optional<std::vector<Polyline>> dashes;
};

/// text-anchor: where a text chunk's position is, at its start, middle or end.
enum class TextAnchor : std::uint8_t { Start, Middle, End };

/// The font a run of text asks for, as the document says it (fonts are a renderer's:
/// SvgScene asks fontconfig for the families in order, graphics/SvgText.hpp).
struct TextFont {
    /// font-family, in order of preference, unquoted; generic names (serif, sans-serif,
    /// monospace...) as written. Empty: the renderer's default.
    std::vector<std::string> families;
    double size = 12.0;   ///< font-size in the element's user units (> 0; `transform` scales it)
    int weight = 400;     ///< font-weight, 100 to 900 (normal 400, bold 700)
    bool italic = false;  ///< font-style italic or oblique
    friend bool operator==(const TextFont&, const TextFont&) = default;
};

/// A run of characters of one <text> with one style: the text element's own characters
/// or a tspan's (each tspan, and the text after it, starts a new span).
struct TextSpan {
    /// UTF-8; white space already handled as xml:space says (SVG 1.1 10.15: default
    /// drops newlines, makes tabs spaces, collapses runs of spaces across spans and
    /// strips them at the element's start and end; preserve makes newlines and tabs
    /// spaces and keeps all).
    std::string characters;
    TextFont font;
    TextAnchor anchor = TextAnchor::Start; ///< text-anchor of the span's element
    /// Per code point of `characters`: the absolute x and y (user units) the nearest
    /// element with a value for it gives (SVG 1.1 10.4: each entry of a list belongs to
    /// one character); a character with either starts a new text chunk. Shorter than
    /// the characters: none for the rest.
    std::vector<std::optional<double>> x, y;
    /// Per code point: dx and dy shifts (user units), shorter: 0 for the rest.
    std::vector<double> dx, dy;
    std::optional<Fill> fill;      ///< the span's own paint (tspans can change it)
    std::optional<Stroke> stroke;
    bool visible = true;           ///< visibility hidden: the characters take their place, unpainted
    int line = 0;                  ///< the line of the span's element, for messages
};

/// A <text> element: its spans in document (logical) order. What a renderer needs to lay
/// it out (SvgScene: shaped by HarfBuzz, outlined by FreeType, graphics/SvgText.hpp).
struct Text {
    std::vector<TextSpan> spans;
    /// The document's flattening tolerance in final units (LoadOptions), so that a
    /// renderer flattens glyph outlines as finely as the reader flattened the paths.
    double tolerance = 0.25;
};

/// An <image>'s decoded picture and where it goes (src/svg/Image.cpp). The shape's
/// `subpaths` are the rectangle it paints (the image's box, cut to its viewport under
/// preserveAspectRatio's slice), and `fill` and `stroke` are empty.
struct Image {
    int width = 0, height = 0; ///< in pixels, both >= 1
    /// width * height * 4 bytes: straight (not premultiplied) RGBA8, rows top to bottom.
    /// Shared and const, so that copying a Shape copies no pixels.
    std::shared_ptr<const std::vector<std::uint8_t>> pixels;
    /// Image pixels (0, 0)-(width, height), y down, to final units: the shape's transform
    /// times the x, y, width, height and preserveAspectRatio placement.
    Transform to_final;
    float alpha = 1.0f; ///< opacity (the element's and its ancestors') to multiply in
    /// image-rendering: optimizeSpeed or pixelated ask for the nearest pixel; otherwise
    /// (auto, optimizeQuality, smooth) pixels are interpolated, as rsvg-convert does.
    bool smooth = true;
};

struct Shape {
    std::string element;         ///< the SVG element: "path", "rect", "circle"...
    std::string id;              ///< its id attribute, or empty
    int line = 0;                ///< its line in the source, from 1 (0: unknown)
    /// Under round or square caps a zero-length sub-path ("M 1 1 z") is a dot: two points
    /// stroke width / 1024 apart along the user x axis (fills ignore it: no area).
    std::vector<Polyline> subpaths;
    std::optional<Fill> fill;     ///< nothing: not filled
    std::optional<Stroke> stroke; ///< nothing: not stroked
    std::optional<Image> image;   ///< an <image> element's picture (then no fill, no stroke)
    Transform transform;          ///< the element's user units to final units
    /// A <text> element: no subpaths until a renderer outlines its glyphs (fonts are not
    /// the reader's); its spans' fill and stroke paint them, `fill` and `stroke` are the
    /// text element's own.
    std::optional<Text> text;
    /// The innermost compositing group (Group.hpp) it belongs to, an index in
    /// Document::groups(); -1: none (drawn straight onto the document).
    int group = -1;

    /// "path#path4 (line 57)", or "rect (line 3)" without an id: for messages.
    std::string name() const {
        std::string out = element;
        if (!id.empty()) out += "#" + id;
        if (line > 0) out += " (line " + std::to_string(line) + ")";
        return out;
    }
};

/// A <pattern> resolved for one shape's fill (src/svg/Pattern.cpp): its href chain
/// followed (attributes and children inherited), patternUnits, patternContentUnits,
/// patternTransform, viewBox and preserveAspectRatio composed. The plane is tiled with
/// copies of the tile [0, width] x [0, height] of pattern space, each showing `shapes`
/// clipped to it (overflow hidden, as rsvg-convert draws).
struct Pattern {
    double width = 1.0, height = 1.0; ///< the tile's size in pattern space, both > 0
    /// Final units to pattern space: the inverse of `shape transform * patternTransform *
    /// translate(tile x, tile y)` (x, y, width, height in the shape's user units, from
    /// its bounding box under objectBoundingBox), so that a tile's origin is at (0, 0).
    Transform to_pattern;
    /// The tile's content in pattern space (viewBox or patternContentUnits applied),
    /// flattened as the document's shapes are, finely enough for the tile's size in
    /// final units (and never finer than max(width, height) / 4096). At most max_pattern_shapes (Document.hpp); no groups (opacity is
    /// multiplied into each shape), no text, images or nested patterns.
    std::vector<Shape> shapes;
    float alpha = 1.0f;  ///< fill-opacity times the shape's opacity, to multiply into the tile
    std::string name;    ///< "pattern#p (line 3)", for messages
};

} // namespace glumpp::svg
