#include <glumpp/svg/Flatten.hpp>

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace glumpp::svg {

namespace {

constexpr double pi = 3.14159265358979323846;
// Curves get this share of the tolerance, merging of close points the rest.
constexpr double curve_share = 0.999;
constexpr double merge_share = 0.001;

/// ceil(x) as a segment count in [1, max_segments_per_curve]; NaN (from infinite control
/// points) takes the maximum, so that no conversion of a non-finite double happens.
std::size_t clamp_segments(double x) {
    if (!(x <= static_cast<double>(max_segments_per_curve))) return max_segments_per_curve;
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(x)));
}

/// Euclidean norm without overflow for large finite components.
double norm(glm::dvec2 v) { return std::hypot(v.x, v.y); }

// Bernstein form: a convex combination of the control points, which cannot overflow
// for finite ones (a + t (b - a) could).
glm::dvec2 quad_at(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, double t) {
    const double s = 1.0 - t;
    return s * s * p0 + 2.0 * s * t * p1 + t * t * p2;
}
glm::dvec2 cubic_at(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, glm::dvec2 p3, double t) {
    const double s = 1.0 - t;
    return s * s * s * p0 + 3.0 * s * s * t * p1 + 3.0 * s * t * t * p2 + t * t * t * p3;
}

/// Second differences are computed as (p0 - p1) + (p2 - p1) so that finite points
/// near the top of the double range overflow as rarely as possible.
glm::dvec2 second_difference(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2) { return (p0 - p1) + (p2 - p1); }

/// Builds the polylines of one path, merging points closer than `merge`.
class Builder {
public:
    explicit Builder(double merge) : merge_(merge), merge_squared_(merge * merge) {}

    void start(glm::dvec2 p) {
        finish(false);
        current_.points.push_back(p);
        open_ = true;
        last_ = p;
    }
    void add(glm::dvec2 p) {
        if (!open_) start(last_);
        // Written so that a non-finite point is always kept, for the caller to see.
        if (!close(p, current_.points.back())) current_.points.push_back(p);
        last_ = p;
    }
    void finish(bool closed) {
        if (!open_) return;
        auto& pts = current_.points;
        if (closed)
            while (pts.size() > 1 && close(pts.back(), pts.front())) pts.pop_back();
        if (pts.size() >= 2) {
            current_.closed = closed;
            out_.push_back(std::move(current_));
        }
        current_ = {};
        open_ = false;
    }
    /// Where a drawing command with no open sub-path starts (after a Close).
    void set_pen(glm::dvec2 p) { last_ = p; }
    std::vector<Polyline> take() {
        finish(false);
        return std::move(out_);
    }

private:
    /// |p - q| <= merge_, as hypot says it, with hypot (a fifth of flattening's time)
    /// called only near the boundary: squares far below or far above merge_'s answer the
    /// same whatever their rounding. NaN is never close; infinite squares are far.
    bool close(glm::dvec2 p, glm::dvec2 q) const {
        const glm::dvec2 d = p - q;
        const double squared = d.x * d.x + d.y * d.y;
        if (merge_squared_ >= std::numeric_limits<double>::min() && std::isfinite(merge_squared_)) {
            if (squared < 0.25 * merge_squared_) return true;
            if (!(squared <= 4.0 * merge_squared_)) return false;
        }
        return norm(d) <= merge_;
    }
    double merge_;
    double merge_squared_;
    Polyline current_;
    bool open_ = false;
    glm::dvec2 last_{0.0, 0.0};
    std::vector<Polyline> out_;
};

} // namespace

glm::dvec2 ArcCenter::point(double theta) const {
    const double cr = std::cos(rotation), sr = std::sin(rotation);
    const double x = radii.x * std::cos(theta), y = radii.y * std::sin(theta);
    return {center.x + cr * x - sr * y, center.y + sr * x + cr * y};
}

std::optional<ArcCenter> arc_center(glm::dvec2 from, const PathCommand& arc) {
    const glm::dvec2 to = arc.to;
    if (from == to) return std::nullopt;
    double rx = std::abs(arc.radii.x), ry = std::abs(arc.radii.y);
    if (rx == 0.0 || ry == 0.0) return std::nullopt;
    const double phi = std::fmod(arc.rotation, 360.0) * (pi / 180.0);
    const double cp = std::cos(phi), sp = std::sin(phi);
    // F.6.5 step 1: the half chord in the ellipse's axes.
    const glm::dvec2 half = 0.5 * from - 0.5 * to;
    const double x1 = cp * half.x + sp * half.y;
    const double y1 = -sp * half.x + cp * half.y;
    // Working in units of the radii keeps every quantity near 1: the textbook form
    // multiplies rx^2 ry^2 x1^2, which overflows long before the geometry does.
    double ux = x1 / rx, uy = y1 / ry;
    const double lambda_root = std::hypot(ux, uy); // sqrt of F.6.6's Lambda
    if (!std::isfinite(lambda_root) || lambda_root == 0.0) return std::nullopt;
    double k = 0.0; // the centre's offset along (ry-scaled) normal, F.6.5 step 2
    if (lambda_root >= 1.0) {
        // F.6.6: radii too small for the chord are scaled up until the chord is a
        // diameter; the centre is then the chord's midpoint.
        rx *= lambda_root;
        ry *= lambda_root;
        ux /= lambda_root;
        uy /= lambda_root;
    } else {
        const double lambda = lambda_root * lambda_root;
        k = std::sqrt(std::max(0.0, (1.0 - lambda) / lambda));
        if (arc.large_arc == arc.sweep) k = -k;
    }
    // Centre in the ellipse's axes, in units of the radii: k * (uy, -ux).
    const double cxu = k * uy, cyu = -k * ux;
    ArcCenter out;
    out.radii = {rx, ry};
    out.rotation = phi;
    const glm::dvec2 mid = 0.5 * from + 0.5 * to;
    const double cx = cxu * rx, cy = cyu * ry;
    out.center = {cp * cx - sp * cy + mid.x, sp * cx + cp * cy + mid.y};
    // Step 3: angles of the start and end points seen from the centre, on the unit circle.
    const double theta1 = std::atan2(uy - cyu, ux - cxu);
    const double theta2 = std::atan2(-uy - cyu, -ux - cxu);
    double sweep = theta2 - theta1;
    if (arc.sweep && sweep < 0.0) sweep += 2.0 * pi;
    if (!arc.sweep && sweep > 0.0) sweep -= 2.0 * pi;
    out.start_angle = theta1;
    out.sweep_angle = sweep;
    return out;
}

std::size_t quad_segments(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, double tolerance) {
    const double m = norm(second_difference(p0, p1, p2));
    return clamp_segments(std::sqrt(m / (4.0 * tolerance)));
}

std::size_t cubic_segments(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 p2, glm::dvec2 p3, double tolerance) {
    const double m = std::max(norm(second_difference(p0, p1, p2)), norm(second_difference(p1, p2, p3)));
    return clamp_segments(std::sqrt(3.0 * m / (4.0 * tolerance)));
}

std::size_t arc_segments(const ArcCenter& arc, const Transform& to_final, double tolerance) {
    const Transform ellipse = to_final * Transform::rotate(arc.rotation * (180.0 / pi)) * Transform::scale(arc.radii.x, arc.radii.y);
    // Translation does not matter; only the linear part's largest stretch does.
    const double s = Transform{ellipse.a, ellipse.b, ellipse.c, ellipse.d, 0.0, 0.0}.max_scale();
    const double ratio = tolerance / (2.0 * s);
    if (ratio >= 1.0) return 1;
    const double step = 4.0 * std::asin(std::sqrt(ratio));
    return clamp_segments(std::abs(arc.sweep_angle) / step);
}

std::vector<Polyline> flatten(const PathData& path, const Transform& to_final, double tolerance, std::size_t max_points) {
    if (!(tolerance > 0.0) || !std::isfinite(tolerance))
        throw ValueError("flatten: tolerance must be a positive finite number, got " + detail::number_text(tolerance));
    // Points computed so far (before merging), checked before each command's points are:
    // the bound holds for what is allocated, not only for what is kept.
    std::size_t produced = 0;
    const auto spend = [&](std::size_t n) {
        produced += n;
        if (produced > max_points)
            throw ValueError("flatten: more than " + std::to_string(max_points) + " points");
    };
    const double curve_tolerance = curve_share * tolerance;
    Builder builder(merge_share * tolerance);
    glm::dvec2 current{0.0, 0.0}; // in the path's coordinates
    builder.set_pen(to_final(current));
    for (const PathCommand& c : path.commands) {
        switch (c.kind) {
        case PathCommand::Kind::MoveTo:
            spend(1);
            builder.start(to_final(c.to));
            break;
        case PathCommand::Kind::LineTo:
            spend(1);
            builder.add(to_final(c.to));
            break;
        case PathCommand::Kind::QuadTo: {
            const glm::dvec2 p0 = to_final(current), p1 = to_final(c.c1), p2 = to_final(c.to);
            const std::size_t n = quad_segments(p0, p1, p2, curve_tolerance);
            spend(n);
            for (std::size_t i = 1; i < n; ++i) builder.add(quad_at(p0, p1, p2, static_cast<double>(i) / static_cast<double>(n)));
            builder.add(p2);
            break;
        }
        case PathCommand::Kind::CubicTo: {
            const glm::dvec2 p0 = to_final(current), p1 = to_final(c.c1), p2 = to_final(c.c2), p3 = to_final(c.to);
            const std::size_t n = cubic_segments(p0, p1, p2, p3, curve_tolerance);
            spend(n);
            for (std::size_t i = 1; i < n; ++i)
                builder.add(cubic_at(p0, p1, p2, p3, static_cast<double>(i) / static_cast<double>(n)));
            builder.add(p3);
            break;
        }
        case PathCommand::Kind::ArcTo: {
            if (const auto arc = arc_center(current, c)) {
                const std::size_t n = arc_segments(*arc, to_final, curve_tolerance);
                spend(n);
                // ArcCenter::point's arithmetic with the rotation's cosine and sine taken once.
                const double cr = std::cos(arc->rotation), sr = std::sin(arc->rotation);
                for (std::size_t i = 1; i < n; ++i) {
                    const double theta = arc->start_angle + arc->sweep_angle * static_cast<double>(i) / static_cast<double>(n);
                    const double x = arc->radii.x * std::cos(theta), y = arc->radii.y * std::sin(theta);
                    builder.add(to_final(glm::dvec2{arc->center.x + cr * x - sr * y, arc->center.y + sr * x + cr * y}));
                }
            }
            // The exact end point, not the last angle's (which rounding moves); also the
            // whole arc when it degenerated to a line. Equal end points add nothing.
            spend(1);
            builder.add(to_final(c.to));
            break;
        }
        case PathCommand::Kind::Close:
            builder.finish(true);
            builder.set_pen(to_final(c.to));
            break;
        }
        current = c.to;
    }
    return builder.take();
}

std::vector<glm::dvec2> zero_length_subpaths(const PathData& path) {
    std::vector<glm::dvec2> out;
    glm::dvec2 start{0.0, 0.0};
    bool drawn = false, zero = true; // the current sub-path has a drawing command; all of them on `start`
    const auto finish = [&] {
        if (drawn && zero) out.push_back(start);
        drawn = false;
        zero = true;
    };
    for (const PathCommand& c : path.commands) {
        if (c.kind == PathCommand::Kind::MoveTo) {
            finish();
            start = c.to;
            continue;
        }
        drawn = true;
        zero = zero && c.to == start;
        if (c.kind == PathCommand::Kind::QuadTo) zero = zero && c.c1 == start;
        if (c.kind == PathCommand::Kind::CubicTo) zero = zero && c.c1 == start && c.c2 == start;
        if (c.kind == PathCommand::Kind::Close) finish();
    }
    finish();
    return out;
}

std::vector<Polyline> dash(std::span<const Polyline> polylines, std::span<const double> pattern, double offset,
                           std::size_t max_points, double dot) {
    double total = 0.0;
    for (const double v : pattern) {
        if (!(v >= 0.0) || !std::isfinite(v))
            throw ValueError("dash: pattern length " + detail::number_text(v) + " is not a finite number >= 0");
        total += v;
    }
    if (!(total > 0.0) || !std::isfinite(total)) throw ValueError("dash: the pattern's lengths must add up to a positive finite number");
    if (!std::isfinite(offset)) throw ValueError("dash: offset " + detail::number_text(offset) + " is not finite");
    std::vector<Polyline> out;
    std::size_t points = 0;
    // `direction`: the unit direction of the segment the dash ends on.
    const auto emit = [&](Polyline& dash_line, glm::dvec2 direction) {
        const bool zero_length = std::all_of(dash_line.points.begin(), dash_line.points.end(),
                                             [&](glm::dvec2 p) { return p == dash_line.points.front(); });
        if (!dash_line.points.empty() && zero_length && dot > 0.0) {
            const glm::dvec2 at = dash_line.points.front();
            dash_line.points = {at - 0.5 * dot * direction, at + 0.5 * dot * direction};
        }
        if (dash_line.points.size() >= 2 && !zero_length) {
            points += dash_line.points.size();
            if (points > max_points) throw ValueError("dash: more than " + std::to_string(max_points) + " points");
            out.push_back(std::move(dash_line));
        } else if (dash_line.points.size() == 2 && dot > 0.0) {
            points += 2;
            if (points > max_points) throw ValueError("dash: more than " + std::to_string(max_points) + " points");
            out.push_back(std::move(dash_line));
        }
        dash_line = Polyline{};
    };
    glm::dvec2 direction{1.0, 0.0};
    const std::size_t n = pattern.size();
    for (const Polyline& line : polylines) {
        if (line.points.size() < 2) continue;
        // Where the pattern starts: `offset` into it, modulo its length.
        double into = std::fmod(offset, total);
        if (into < 0.0) into += total;
        std::size_t k = 0;
        while (into >= pattern[k] && into > 0.0) {
            into -= pattern[k];
            k = (k + 1) % n;
        }
        double left = pattern[k] - into; // of the current entry
        bool on = k % 2 == 0;
        Polyline current;
        if (on) current.points.push_back(line.points[0]);
        const std::size_t count = line.points.size() + (line.closed ? 1 : 0);
        for (std::size_t i = 1; i < count; ++i) {
            const glm::dvec2 a = line.points[i - 1], b = line.points[i % line.points.size()];
            const double length = norm(b - a);
            if (length > 0.0) direction = (b - a) / length;
            double t = 0.0;
            while (length - t > left) {
                t += left;
                const glm::dvec2 q = a + (b - a) * (t / length);
                if (on) {
                    current.points.push_back(q);
                    emit(current, direction);
                } else {
                    current.points.assign(1, q);
                }
                on = !on;
                k = (k + 1) % n;
                left = pattern[k];
                // Every switch costs a point at least: bounded by max_points, even for
                // zero-length entries (the pattern's total is positive, so t advances).
                if (++points > max_points) throw ValueError("dash: more than " + std::to_string(max_points) + " points");
            }
            left -= length - t;
            if (on) current.points.push_back(b);
        }
        if (on) emit(current, direction);
    }
    return out;
}

} // namespace glumpp::svg
