#pragma once
// The basic shapes as path data: what path, rect, circle, ellipse, line, polyline and
// polygon draw, from their geometry attributes (SVG 1.1 chapter 9). Private to the SVG
// reader; the tree walk (Document.cpp) applies the element's transform and style.

#include "Values.hpp"

#include <glumpp/svg/PathData.hpp>

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

struct ShapeGeometry {
    PathData path;
    bool fillable = true; ///< false for line, which has no inside
};

/// The geometry of element `name` (one of the seven above). Nothing when SVG disables its
/// rendering (a zero width, height or radius). Percentages refer to `viewport`.
/// Throws Skip for a bad geometry attribute, before any warning. Path data and point
/// lists with an error keep what precedes it, and say so in `warnings` (without the
/// element's name).
std::optional<ShapeGeometry> shape_geometry(pugi::xml_node node, std::string_view name, const Viewport& viewport,
                                            std::vector<std::string>& warnings);

/// The outline of a rectangle, clockwise in SVG's y-down frame from (x + rx, y), with
/// elliptic corners of radii rx, ry (square corners when either is 0). The radii must
/// already be clamped to half the sides.
PathData rect_path(double x, double y, double w, double h, double rx, double ry);

/// An ellipse as four quarter arcs, from (cx + rx, cy) through (cx, cy + ry).
PathData ellipse_path(double cx, double cy, double rx, double ry);

} // namespace glumpp::svg::detail
