#include "Marker.hpp"
// Marker vertices and placement (SVG 1.1 11.6.2 and SVG 2's "path directionality").

#include "Scanner.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/svg/Flatten.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace glumpp::svg::detail {

namespace {

constexpr double pi = std::numbers::pi;

bool zero(glm::dvec2 v) { return v.x == 0.0 && v.y == 0.0; }

/// The first non-zero of the candidates, or zero.
glm::dvec2 first_nonzero(std::initializer_list<glm::dvec2> candidates) {
    for (const glm::dvec2 v : candidates)
        if (!zero(v)) return v;
    return {0.0, 0.0};
}

/// A segment's tangents at its start and its end (zero for a segment of no length).
struct Tangents {
    glm::dvec2 start{0.0, 0.0}, end{0.0, 0.0};
};

Tangents tangents(glm::dvec2 from, const PathCommand& c) {
    switch (c.kind) {
    case PathCommand::Kind::LineTo:
    case PathCommand::Kind::Close:
        return {c.to - from, c.to - from};
    case PathCommand::Kind::QuadTo:
        return {first_nonzero({c.c1 - from, c.to - from}), first_nonzero({c.to - c.c1, c.to - from})};
    case PathCommand::Kind::CubicTo:
        return {first_nonzero({c.c1 - from, c.c2 - from, c.to - from}), first_nonzero({c.to - c.c2, c.to - c.c1, c.to - from})};
    case PathCommand::Kind::ArcTo: {
        if (from == c.to) return {}; // SVG: the arc is omitted
        const auto arc = arc_center(from, c);
        if (!arc) return {c.to - from, c.to - from}; // a radius 0: a straight line
        // d/dtheta of center + R(phi) (rx cos, ry sin), in the sweep's direction.
        const double sign = arc->sweep_angle >= 0.0 ? 1.0 : -1.0;
        const auto derivative = [&](double theta) {
            const glm::dvec2 local{-arc->radii.x * std::sin(theta), arc->radii.y * std::cos(theta)};
            const double cp = std::cos(arc->rotation), sp = std::sin(arc->rotation);
            return sign * glm::dvec2{cp * local.x - sp * local.y, sp * local.x + cp * local.y};
        };
        return {derivative(arc->start_angle), derivative(arc->start_angle + arc->sweep_angle)};
    }
    case PathCommand::Kind::MoveTo:
        break;
    }
    return {};
}

double degrees(glm::dvec2 v) { return std::atan2(v.y, v.x) * (180.0 / pi); }

/// The bisector of two directions given as angles (degrees), the one between them.
double bisect(double in, double out) {
    if (std::abs(out - in) > 180.0) out += out > in ? -360.0 : 360.0;
    return 0.5 * (in + out);
}

/// orient's angle: a number with an optional unit (deg, rad, grad, turn), in degrees.
double orient_angle(std::string_view text) {
    const std::string_view t = trim(text);
    for (const auto& [unit, factor] : {std::pair<std::string_view, double>{"grad", 0.9}, {"deg", 1.0}, {"rad", 180.0 / pi}, {"turn", 360.0}})
        if (t.ends_with(unit)) return parse_number(t.substr(0, t.size() - unit.size())) * factor;
    return parse_number(t);
}

} // namespace

std::vector<MarkerVertex> marker_vertices(const PathData& path) {
    struct Vertex {
        glm::dvec2 at, in, out;
        bool has_in = false, has_out = false;
        std::size_t subpath = 0; ///< index of the sub-path's first vertex
    };
    std::vector<Vertex> v;
    v.reserve(path.commands.size());
    glm::dvec2 current{0.0, 0.0};
    std::size_t start = 0;
    for (const PathCommand& c : path.commands) {
        if (c.kind == PathCommand::Kind::MoveTo) {
            start = v.size();
            v.push_back({c.to, {}, {}, false, false, start});
        } else {
            if (v.empty()) v.push_back({current, {}, {}, false, false, 0}); // PathData starts with a moveto; to be safe
            const Tangents t = tangents(current, c);
            v.back().out = t.start;
            v.back().has_out = true;
            v.push_back({c.to, t.end, {}, true, false, start});
            if (c.kind == PathCommand::Kind::Close) {
                // The closepath's vertex goes on along the sub-path's first segment; the
                // start does not look back at the closepath (rsvg-convert's reading,
                // which the corpus compares with; SVG 1.1 leaves it open).
                v.back().out = v[start].out;
                v.back().has_out = v[start].has_out;
            }
        }
        current = c.to;
    }
    // Zero-length segments: the nearest direction in the sub-path, backwards for the
    // incoming ones, forwards for the outgoing ones.
    for (std::size_t i = 1; i < v.size(); ++i)
        if (v[i].has_in && zero(v[i].in) && v[i - 1].subpath == v[i].subpath && v[i - 1].has_in) v[i].in = v[i - 1].in;
    for (std::size_t i = v.size(); i-- > 1;)
        if (v[i - 1].has_out && zero(v[i - 1].out) && v[i - 1].subpath == v[i].subpath && v[i].has_out) v[i - 1].out = v[i].out;
    for (Vertex& x : v) {
        if (x.has_in && zero(x.in) && x.has_out) x.in = x.out;
        if (x.has_out && zero(x.out) && x.has_in) x.out = x.in;
    }
    std::vector<MarkerVertex> out;
    out.reserve(v.size() + 1);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const Vertex& x = v[i];
        double angle = 0.0;
        const bool in = x.has_in && !zero(x.in), o = x.has_out && !zero(x.out);
        // A sub-path's first vertex looks only forward, the path's last only back (but
        // a closepath's: see above).
        if (in && o)
            angle = bisect(degrees(x.in), degrees(x.out));
        else if (o)
            angle = degrees(x.out);
        else if (in)
            angle = degrees(x.in);
        MarkerVertex m{MarkerVertex::Kind::Mid, x.at, angle};
        if (i == 0) {
            m.kind = MarkerVertex::Kind::Start;
            out.push_back(m);
            if (v.size() == 1) {
                m.kind = MarkerVertex::Kind::End;
                out.push_back(m);
            }
            continue;
        }
        if (i + 1 == v.size()) m.kind = MarkerVertex::Kind::End;
        out.push_back(m);
    }
    return out;
}

MarkerDefinition* Markers::definition(const std::string& reference, const Viewport& viewport, std::vector<std::string>& warnings) {
    if (const auto it = definitions_.find(reference); it != definitions_.end()) return &it->second;
    const auto bad = [&](const std::string& message) -> MarkerDefinition* {
        if (!bad_references_[reference]) warnings.push_back(message);
        bad_references_[reference] = true;
        return nullptr;
    };
    if (bad_references_.count(reference)) return nullptr;
    const pugi::xml_node node = find_(reference);
    if (!node) return bad("marker " + quote("#" + reference) + " refers to no element; ignored");
    std::string_view name = node.name();
    if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name != "marker") return bad("marker " + quote("#" + reference) + " refers to a <" + std::string(name) + ">, not a <marker>; ignored");
    MarkerDefinition m;
    m.node = node;
    try {
        m.width = length_attribute(node, "markerWidth", Axis::X, viewport, 3.0, false);
        m.height = length_attribute(node, "markerHeight", Axis::Y, viewport, 3.0, false);
        const std::optional<ViewBox> box = view_box_attribute(node);
        m.disabled = m.width == 0.0 || m.height == 0.0 || (box && (box->width == 0.0 || box->height == 0.0));
        if (box && !m.disabled) m.content = viewbox_transform(*box, 0.0, 0.0, m.width, m.height, aspect_ratio_attribute(node));
        m.viewport = box ? Viewport{box->width, box->height} : Viewport{m.width, m.height};
        const glm::dvec2 ref{length_attribute(node, "refX", Axis::X, m.viewport, 0.0, true),
                             length_attribute(node, "refY", Axis::Y, m.viewport, 0.0, true)};
        m.ref = m.content.apply(ref);
        const std::string_view units = trim(node.attribute("markerUnits").value());
        if (units == "userSpaceOnUse")
            m.stroke_width_units = false;
        else if (!units.empty() && units != "strokeWidth")
            warnings.push_back("marker " + quote("#" + reference) + ": markerUnits: expected strokeWidth or userSpaceOnUse, found " +
                               quote(units) + "; using strokeWidth");
        const std::string_view orient = trim(node.attribute("orient").value());
        if (orient == "auto") {
            m.orient = MarkerDefinition::Orient::Auto;
        } else if (orient == "auto-start-reverse") {
            m.orient = MarkerDefinition::Orient::AutoStartReverse;
        } else if (!orient.empty()) {
            try {
                m.angle = orient_angle(orient);
            } catch (const BadValue&) {
                warnings.push_back("marker " + quote("#" + reference) + ": orient: expected auto, auto-start-reverse or an angle, found " +
                                   quote(orient) + "; using 0");
            }
        }
    } catch (const Skip& skip) {
        return bad("marker " + quote("#" + reference) + ": " + skip.message + "; ignored");
    }
    // Style: the marker's ancestors' cascade (not the shape's), root first. Their
    // problems were warned where the walk met them; the marker's own are warned here.
    std::vector<pugi::xml_node> chain;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) chain.push_back(n);
    Style style;
    for (std::size_t i = chain.size(); i-- > 0;) {
        const Style parent = style;
        style.opacity = 1.0f;
        style.display = true;
        style.overflow_clips = true;
        std::vector<std::string> problems;
        apply_style(chain[i], style, parent, viewport, problems, sheet_);
        if (i == 0)
            for (const std::string& p : problems) warnings.push_back("marker " + quote("#" + reference) + ": " + p);
    }
    m.clip = style.overflow_clips;
    style.opacity = 1.0f; // the marker's own opacity and display do not apply to its content
    style.display = true;
    m.style = style;
    std::vector<pugi::xml_node> stack{node};
    while (!stack.empty()) {
        const pugi::xml_node n = stack.back();
        stack.pop_back();
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) {
                ++m.elements;
                stack.push_back(c);
            }
    }
    return &definitions_.emplace(reference, std::move(m)).first->second;
}

std::vector<MarkerInstance> Markers::instances(const PathData& path, const Style& style, const Transform& ctm,
                                               const Viewport& viewport, std::vector<std::string>& warnings) {
    std::vector<MarkerInstance> out;
    if (style.marker_start.empty() && style.marker_mid.empty() && style.marker_end.empty()) return out;
    MarkerDefinition* start = style.marker_start.empty() ? nullptr : definition(style.marker_start, viewport, warnings);
    MarkerDefinition* mid = style.marker_mid.empty() ? nullptr : definition(style.marker_mid, viewport, warnings);
    MarkerDefinition* end = style.marker_end.empty() ? nullptr : definition(style.marker_end, viewport, warnings);
    for (MarkerDefinition** m : {&start, &mid, &end}) {
        if (*m && (*m)->disabled) *m = nullptr;
        if (*m && std::find(active_.begin(), active_.end(), *m) != active_.end()) {
            warnings.push_back("marker " + quote("#" + std::string((*m)->node.attribute("id").value())) +
                               " is drawn inside itself; skipped there");
            *m = nullptr;
        }
    }
    if (!start && !mid && !end) return out;
    for (const MarkerVertex& v : marker_vertices(path)) {
        MarkerDefinition* m = v.kind == MarkerVertex::Kind::Start ? start : v.kind == MarkerVertex::Kind::End ? end : mid;
        if (!m) continue;
        // The budget: every instance costs its marker's elements (at least 1).
        const std::size_t cost = std::max<std::size_t>(m->elements, 1);
        if (elements_ + cost > max_marker_elements) {
            if (!budget_warned_)
                warnings.push_back("markers instantiate more than " + std::to_string(max_marker_elements) +
                                   " elements; the rest are skipped");
            budget_warned_ = true;
            break;
        }
        elements_ += cost;
        double angle = m->angle;
        if (m->orient != MarkerDefinition::Orient::Angle) {
            angle = v.angle;
            if (m->orient == MarkerDefinition::Orient::AutoStartReverse && v.kind == MarkerVertex::Kind::Start) angle += 180.0;
        }
        const double scale = m->stroke_width_units ? style.stroke_width : 1.0;
        MarkerInstance instance;
        instance.marker = m;
        instance.viewport = ctm * Transform::translate(v.at.x, v.at.y) * Transform::rotate(angle) * Transform::scale(scale) *
                            Transform::translate(-m->ref.x, -m->ref.y);
        instance.ctm = instance.viewport * m->content;
        out.push_back(instance);
    }
    return out;
}

void Markers::check_overflow(MarkerInstance& instance, std::span<const Shape> shapes, std::vector<std::string>& warnings) {
    MarkerDefinition& m = *instance.marker;
    if (!m.clip || m.overflow_warned) return;
    const auto back = instance.viewport.inverse();
    if (!back) return;
    // A hundredth of the viewport's size, for rounding and antialiasing's sake.
    const double slack = 0.01 * std::max(m.width, m.height);
    const double to_viewport = 1.0 / std::max(instance.viewport.mean_scale(), 1e-300);
    for (const Shape& s : shapes) {
        const double margin = (s.stroke ? 0.5 * s.stroke->width * to_viewport : 0.0) - slack;
        for (const Polyline& p : s.subpaths)
            for (const glm::dvec2 q : p.points) {
                const glm::dvec2 u = back->apply(q);
                if (u.x - margin < 0.0 || u.y - margin < 0.0 || u.x + margin > m.width || u.y + margin > m.height) {
                    warnings.push_back("marker " + quote("#" + std::string(m.node.attribute("id").value())) +
                                       ": its content reaches outside its viewport, which overflow=\"hidden\" (the default) "
                                       "clips; drawn unclipped (the reader does not clip)");
                    m.overflow_warned = true;
                    return;
                }
            }
    }
}

} // namespace glumpp::svg::detail
