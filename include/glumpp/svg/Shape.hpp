#pragma once
// One painted SVG element, flattened: what a renderer draws, in document order.
//
// Coordinates are final: every transform from the element up to the root viewport
// (viewBox included) has been applied, and curves are flattened to the document's
// tolerance in those units. Colors carry the element's opacities already multiplied in
// (see Document.hpp for the approximation this makes of group opacity).
//
// Written by Document; read by renderers. Plain data: copy, move and edit freely.

#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Transform.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::svg {

/// stroke-linejoin and stroke-linecap as the document says them. The reader's own
/// vocabulary, so that it depends on no renderer: glumpp's stroke renderer has its own
/// (graphics::StrokeJoin and StrokeCap, PathCollection.hpp), to which SvgScene maps these.
enum class LineJoin : std::uint8_t { Miter, Round, Bevel };
enum class LineCap : std::uint8_t { Butt, Round, Square };

struct Fill {
    Color color;                             ///< fill-opacity and opacity included in `a`
    FillRule rule = FillRule::NonZero;       ///< fill-rule
};

struct Stroke {
    Color color;              ///< stroke-opacity and opacity included in `a`
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
    /// user's times `transform.mean_scale()`, as the width is.
    std::optional<std::vector<Polyline>> dashes;
};

struct Shape {
    std::string element;         ///< the SVG element: "path", "rect", "circle"...
    std::string id;              ///< its id attribute, or empty
    int line = 0;                ///< its line in the source, from 1 (0: unknown)
    std::vector<Polyline> subpaths;
    std::optional<Fill> fill;     ///< nothing: not filled
    std::optional<Stroke> stroke; ///< nothing: not stroked
    Transform transform;          ///< the element's user units to final units

    /// "path#path4 (line 57)", or "rect (line 3)" without an id: for messages.
    std::string name() const {
        std::string out = element;
        if (!id.empty()) out += "#" + id;
        if (line > 0) out += " (line " + std::to_string(line) + ")";
        return out;
    }
};

} // namespace glumpp::svg
