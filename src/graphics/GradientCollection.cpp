#include <glumpp/graphics/GradientCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace glumpp::graphics {

namespace {

/// Texel 0 color (the mean, for Collection::color), texel 1 (order, kind, spread, row),
/// texels 2-3 the final-to-gradient transform (a, b, c, d), (e, f, radius, -), texel 4
/// (start, end) or (center, focal).
struct GradientRecord {
    glm::vec4 color;
    float order, kind, spread, row;
    glm::vec4 linear;
    glm::vec4 offset;
    glm::vec4 points;
};
GLUMPP_DTYPE(GradientRecord, color, order, kind, spread, row, linear, offset, points);

const std::string vertex_shader = R"(
in vec2 a_position;
in uint a_item;
flat out vec3 v_paint;   // kind, spread, row
flat out vec4 v_points;  // start, end | center, focal
flat out float v_radius;
out vec2 v_gradient;     // the fragment in gradient coordinates
void main() {
    vec4 t1 = shared_texel(a_item, 1), m = shared_texel(a_item, 2), o = shared_texel(a_item, 3);
    v_paint = t1.yzw;
    v_points = shared_texel(a_item, 4);
    v_radius = o.z;
    v_gradient = vec2(m.x * a_position.x + m.z * a_position.y + o.x, m.y * a_position.x + m.w * a_position.y + o.y);
    gl_Position = to_clip(to_pixels(a_position), t1.x);
}
)";

// The CPU twin is svg::Gradient::parameter and color_at (Shape.hpp).
const std::string fragment_shader = "#define TABLE_WIDTH " + std::to_string(GradientCollection::table_width) + R"(
uniform sampler2D u_table;
flat in vec3 v_paint;
flat in vec4 v_points;
flat in float v_radius;
in vec2 v_gradient;
out vec4 frag_color;
void main() {
    float t;
    if (v_paint.x < 0.5) {
        vec2 d = v_points.zw - v_points.xy;
        t = dot(v_gradient - v_points.xy, d) / dot(d, d);
    } else {
        // The largest t of the circles (focal + t (center - focal), t r) through the
        // fragment; none: outside the cone of a focal point outside the circle.
        vec2 cd = v_points.xy - v_points.zw, pd = v_gradient - v_points.zw;
        float a = dot(cd, cd) - v_radius * v_radius, b = dot(pd, cd), q = dot(pd, pd);
        if (a < 0.0) {
            t = q > 0.0 ? q / (b + sqrt(max(0.0, b * b - a * q))) : 0.0;
        } else {
            float disc = b * b - a * q;
            if (disc < 0.0 || (a == 0.0 && b <= 0.0)) discard;
            t = a == 0.0 ? q / (2.0 * b) : (b + sqrt(disc)) / a;
            if (t < 0.0) discard;
        }
    }
    if (v_paint.y > 1.5) t = fract(t);                          // repeat
    else if (v_paint.y > 0.5) t = 1.0 - abs(mod(t, 2.0) - 1.0); // reflect
    float x = clamp(t, 0.0, 1.0) * float(TABLE_WIDTH - 1);
    int i = min(int(x), TABLE_WIDTH - 2), row = int(v_paint.z);
    frag_color = mix(texelFetch(u_table, ivec2(i, row), 0), texelFetch(u_table, ivec2(i + 1, row), 0), x - float(i));
}
)";

std::vector<glm::vec2> corners_of(const svg::Triangulation& t) {
    std::vector<glm::vec2> out(t.indices.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
        const glm::dvec2& p = t.vertices[t.indices[k]];
        out[k] = {static_cast<float>(p.x), static_cast<float>(p.y)};
    }
    return out;
}

void check(const svg::Gradient& g, float order) {
    const char* caller = "GradientCollection::append";
    detail::check_order(order, caller);
    if (g.stops.size() < 2)
        throw ValueError(std::string(caller) + ": a gradient needs at least 2 stops, got " + std::to_string(g.stops.size()));
    const svg::Transform& m = g.to_gradient;
    for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f, g.start.x, g.start.y, g.end.x, g.end.y, g.center.x, g.center.y,
                           g.focal.x, g.focal.y, g.radius})
        if (!std::isfinite(v)) throw ValueError(std::string(caller) + ": the gradient's numbers are not all finite");
    if (g.kind == svg::Gradient::Kind::Linear && g.start == g.end)
        throw ValueError(std::string(caller) + ": a linear gradient's start and end are the same point (" + detail::number(g.start.x) +
                         ", " + detail::number(g.start.y) + ")");
    if (g.kind == svg::Gradient::Kind::Radial && !(g.radius > 0.0))
        throw ValueError(std::string(caller) + ": a radial gradient's radius " + detail::number(g.radius) + " is not positive");
}

} // namespace

GradientCollection::GradientCollection()
    : Collection({.local = detail::fill_vertex_dtype(),
                  .shared = DType::of<GradientRecord>(),
                  .vertex = vertex_shader,
                  .fragment = fragment_shader,
                  .geometry = Geometry::Triangles}),
      table_(gloo::Texture2D::zeros({4, table_width, 4}, DType::of<float>())) {}

void GradientCollection::grow_table(std::size_t rows) {
    if (rows <= table_.height()) return;
    auto bigger = gloo::Texture2D::zeros({std::max(rows, 2 * table_.height()), table_width, 4}, DType::of<float>());
    if (rows_used_) {
        const auto n = static_cast<std::ptrdiff_t>(rows_used_);
        bigger.view({slice(0, n)}).assign(table_.view({slice(0, n)}));
    }
    table_ = std::move(bigger);
}

std::size_t GradientCollection::append(std::span<const svg::Polyline> contours, svg::FillRule rule, const svg::Gradient& g,
                                       float order) {
    check(g, order);
    const auto corners = corners_of(tessellator_.fill(contours, rule));
    std::vector<float> row(table_width * 4);
    for (std::size_t k = 0; k < table_width; ++k) {
        const svg::Color c = g.color_at(double(k) / double(table_width - 1));
        row[4 * k] = c.r, row[4 * k + 1] = c.g, row[4 * k + 2] = c.b, row[4 * k + 3] = c.a;
    }
    const svg::Color mean = g.mean_color();
    const bool radial = g.kind == svg::Gradient::Kind::Radial;
    const svg::Transform& m = g.to_gradient;
    const auto f = [](double v) { return static_cast<float>(v); };
    const GradientRecord record{
        {mean.r, mean.g, mean.b, mean.a},
        order,
        radial ? 1.0f : 0.0f,
        static_cast<float>(g.spread == svg::Gradient::Spread::Reflect ? 1 : g.spread == svg::Gradient::Spread::Repeat ? 2 : 0),
        static_cast<float>(rows_used_),
        {f(m.a), f(m.b), f(m.c), f(m.d)},
        {f(m.e), f(m.f), f(g.radius), 0.0f},
        radial ? glm::vec4(f(g.center.x), f(g.center.y), f(g.focal.x), f(g.focal.y))
               : glm::vec4(f(g.start.x), f(g.start.y), f(g.end.x), f(g.end.y))};
    grow_table(rows_used_ + 1);
    table_.view({static_cast<std::ptrdiff_t>(rows_used_)}).assign(Array::from(std::span<const float>(row), {table_width, 4}));
    ++rows_used_;
    return push(detail::position_elements(corners), Array::from(std::span<const GradientRecord>(&record, 1)).view({0}));
}

void GradientCollection::draw() {
    if (empty()) return;
    program()["u_table"] = table_;
    Collection::draw();
}

} // namespace glumpp::graphics
