#pragma once
// Markers (SVG 1.1 section 11.6): marker-start, marker-mid and marker-end on path, line,
// polyline and polygon. Private to the SVG reader: the tree walk (Document.cpp) asks
// `Markers::instances` where a shape's markers go, then visits each marker's children
// as ordinary shapes under the placement transform, right after the shape itself.
//
// What is read of a <marker>: markerWidth, markerHeight (3 when absent; 0 disables it),
// refX, refY, viewBox and preserveAspectRatio, orient (auto, auto-start-reverse, an
// angle in deg, rad, grad or turn, 0 when absent), markerUnits (strokeWidth: scaled by
// the shape's stroke-width; userSpaceOnUse) and overflow. Its content inherits style from
// the marker's own ancestors, not from the shape (SVG 1.1 11.6.2); its transform
// attribute has no effect, as SVG says.
//
// overflow hidden (the default, and scroll) clips the content to the marker's viewport.
// The reader has no clip (a renderer would need one per instance): content that lies
// inside the viewport is exact, content that reaches outside is drawn unclipped with a
// warning, once per marker.

#include "Style.hpp"
#include "Values.hpp"

#include <glumpp/svg/PathData.hpp>
#include <glumpp/svg/Shape.hpp>
#include <glumpp/svg/Transform.hpp>

#include <glm/vec2.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace glumpp::svg::detail {

/// One vertex of a path where markers go (SVG 1.1 11.6.2: every command's end point,
/// the movetos' included), with the direction `orient="auto"` gives it, in the path's
/// user units: degrees from +x towards +y.
struct MarkerVertex {
    enum class Kind { Start, Mid, End };
    Kind kind = Kind::Mid;
    glm::dvec2 at{0.0, 0.0};
    /// At a mid vertex, and at a closepath's (which goes on along its sub-path's first
    /// segment), the bisector of the incoming and outgoing directions; at a moveto's
    /// the outgoing one (a closed sub-path's start does not look back, as rsvg-convert
    /// reads SVG 1.1), at the path's last vertex the incoming one. Curves give their end tangents
    /// (a control point on the end point: the next one), arcs theirs; a zero-length
    /// segment takes the direction of the nearest segment that has one in its sub-path;
    /// with none, 0.
    double angle = 0.0;
};

/// The vertices of `path` in order: its first is Start, its last End, the others Mid (a
/// single vertex is Start and, again, End: two entries).
std::vector<MarkerVertex> marker_vertices(const PathData& path);

/// A <marker> read once (see the file comment).
struct MarkerDefinition {
    pugi::xml_node node;
    bool disabled = false; ///< markerWidth or markerHeight 0, or a viewBox of zero size
    double width = 3.0, height = 3.0;
    enum class Orient { Angle, Auto, AutoStartReverse };
    Orient orient = Orient::Angle;
    double angle = 0.0; ///< degrees, for Orient::Angle
    bool stroke_width_units = true;
    bool clip = true; ///< overflow hidden or scroll
    /// Content coordinates to the viewport's, (0, 0) to (width, height), in which the
    /// reference point is `ref`.
    Transform content;
    glm::dvec2 ref{0.0, 0.0};
    Viewport viewport;        ///< what percentages in the content refer to
    Style style;              ///< the marker's computed style (from its ancestors)
    std::size_t elements = 0; ///< elements below the marker, counted against max_marker_elements (Document.hpp)
    bool overflow_warned = false;
};

/// One marker to draw: its definition and the transform of its content.
struct MarkerInstance {
    MarkerDefinition* marker = nullptr;
    Transform ctm;       ///< content coordinates to final units
    Transform viewport;  ///< the marker's viewport coordinates to final units (for the overflow test)
};

/// The document's markers: definitions read once, the element budget, the markers being
/// instantiated (a marker drawn inside itself is a loop).
class Markers {
public:
    using FindId = std::function<pugi::xml_node(std::string_view)>;
    Markers(FindId find, const StyleSheet* sheet) : find_(std::move(find)), sheet_(sheet) {}

    /// Where the markers of a shape of `path` with `style` go, whose user units `ctm`
    /// maps to final units: start, mids, end in path order. Problems (a reference to
    /// nothing or to something else, a bad attribute, a loop, the budget reached) are
    /// appended to `warnings`, without the shape's name, once per marker and problem.
    std::vector<MarkerInstance> instances(const PathData& path, const Style& style, const Transform& ctm,
                                          const Viewport& viewport, std::vector<std::string>& warnings);

    /// Brackets a marker's instantiation (for the loop test).
    void enter(const MarkerDefinition* m) { active_.push_back(m); }
    void leave() { active_.pop_back(); }

    /// Warns (the first time for each marker that clips) when the shapes an instance
    /// made, their strokes' half widths included, reach outside its viewport.
    void check_overflow(MarkerInstance& instance, std::span<const Shape> shapes, std::vector<std::string>& warnings);

private:
    MarkerDefinition* definition(const std::string& reference, const Viewport& viewport, std::vector<std::string>& warnings);

    FindId find_;
    const StyleSheet* sheet_;
    std::unordered_map<std::string, MarkerDefinition> definitions_;
    std::unordered_map<std::string, bool> bad_references_; ///< warned once each
    std::vector<const MarkerDefinition*> active_;
    std::size_t elements_ = 0;
    bool budget_warned_ = false;
};

} // namespace glumpp::svg::detail
