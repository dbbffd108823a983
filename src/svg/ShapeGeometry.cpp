#include "ShapeGeometry.hpp"

#include <glumpp/svg/Document.hpp>

#include <algorithm>

namespace glumpp::svg::detail {

PathData rect_path(double x, double y, double w, double h, double rx, double ry) {
    using C = PathCommand;
    PathData p;
    if (rx <= 0.0 || ry <= 0.0) {
        p.commands = {C::move_to({x, y}), C::line_to({x + w, y}), C::line_to({x + w, y + h}), C::line_to({x, y + h}),
                      C::close({x, y})};
        return p;
    }
    const glm::dvec2 r{rx, ry};
    p.commands = {C::move_to({x + rx, y}),
                  C::line_to({x + w - rx, y}),
                  C::arc_to(r, 0.0, false, true, {x + w, y + ry}),
                  C::line_to({x + w, y + h - ry}),
                  C::arc_to(r, 0.0, false, true, {x + w - rx, y + h}),
                  C::line_to({x + rx, y + h}),
                  C::arc_to(r, 0.0, false, true, {x, y + h - ry}),
                  C::line_to({x, y + ry}),
                  C::arc_to(r, 0.0, false, true, {x + rx, y}),
                  C::close({x + rx, y})};
    return p;
}

PathData ellipse_path(double cx, double cy, double rx, double ry) {
    using C = PathCommand;
    const glm::dvec2 r{rx, ry};
    PathData p;
    p.commands = {C::move_to({cx + rx, cy}),
                  C::arc_to(r, 0.0, false, true, {cx, cy + ry}),
                  C::arc_to(r, 0.0, false, true, {cx - rx, cy}),
                  C::arc_to(r, 0.0, false, true, {cx, cy - ry}),
                  C::arc_to(r, 0.0, false, true, {cx + rx, cy}),
                  C::close({cx + rx, cy})};
    return p;
}

std::optional<ShapeGeometry> shape_geometry(pugi::xml_node node, std::string_view name, const Viewport& viewport,
                                            std::vector<std::string>& warnings) {
    const auto length = [&](const char* attribute, Axis axis, bool allow_negative) {
        return length_attribute(node, attribute, axis, viewport, 0.0, allow_negative);
    };
    ShapeGeometry out;
    if (name == "path") {
        std::string error;
        out.path = PathData::parse_prefix(node.attribute("d").value(), error, max_path_commands);
        if (!error.empty()) warnings.push_back("attribute d: " + error + "; drawn up to the error");
    } else if (name == "rect") {
        const double x = length("x", Axis::X, true);
        const double y = length("y", Axis::Y, true);
        const double w = length("width", Axis::X, false);
        const double h = length("height", Axis::Y, false);
        const bool has_rx = static_cast<bool>(node.attribute("rx")), has_ry = static_cast<bool>(node.attribute("ry"));
        double rx = length("rx", Axis::X, false);
        double ry = length("ry", Axis::Y, false);
        // SVG 1.1 9.2: a missing radius takes the other's value; both at most half the
        // side.
        if (has_rx && !has_ry) ry = rx;
        if (has_ry && !has_rx) rx = ry;
        if (w == 0.0 || h == 0.0) return std::nullopt; // SVG: rendering disabled
        out.path = rect_path(x, y, w, h, std::min(rx, w / 2.0), std::min(ry, h / 2.0));
    } else if (name == "circle") {
        const double cx = length("cx", Axis::X, true);
        const double cy = length("cy", Axis::Y, true);
        const double r = length("r", Axis::Other, false);
        if (r == 0.0) return std::nullopt;
        out.path = ellipse_path(cx, cy, r, r);
    } else if (name == "ellipse") {
        const double cx = length("cx", Axis::X, true);
        const double cy = length("cy", Axis::Y, true);
        const double rx = length("rx", Axis::X, false);
        const double ry = length("ry", Axis::Y, false);
        if (rx == 0.0 || ry == 0.0) return std::nullopt;
        out.path = ellipse_path(cx, cy, rx, ry);
    } else if (name == "line") {
        const double x1 = length("x1", Axis::X, true);
        const double y1 = length("y1", Axis::Y, true);
        const double x2 = length("x2", Axis::X, true);
        const double y2 = length("y2", Axis::Y, true);
        out.path.commands = {PathCommand::move_to({x1, y1}), PathCommand::line_to({x2, y2})};
        out.fillable = false; // a line has no inside
    } else { // polyline, polygon
        std::string error;
        std::vector<double> v = parse_number_list(node.attribute("points").value(), error);
        if (!error.empty()) warnings.push_back("attribute points: " + error + "; drawn up to the error");
        if (v.size() % 2 != 0) {
            if (error.empty()) warnings.push_back("attribute points: odd number of coordinates; the last one is ignored");
            v.pop_back();
        }
        for (std::size_t i = 0; i + 1 < v.size(); i += 2)
            out.path.commands.push_back(i == 0 ? PathCommand::move_to({v[i], v[i + 1]}) : PathCommand::line_to({v[i], v[i + 1]}));
        if (name == "polygon" && !out.path.commands.empty()) out.path.commands.push_back(PathCommand::close({v[0], v[1]}));
    }
    return out;
}

} // namespace glumpp::svg::detail
