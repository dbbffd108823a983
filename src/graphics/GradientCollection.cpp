#include <glumpp/graphics/GradientCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"
#include "GradientPaint.hpp"

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

std::string fragment_shader() {
    return detail::gradient_glsl() + R"(
flat in vec3 v_paint;
flat in vec4 v_points;
flat in float v_radius;
in vec2 v_gradient;
out vec4 frag_color;
void main() { frag_color = gradient_color(v_gradient, v_paint, v_points, v_radius); }
)";
}

} // namespace

GradientCollection::GradientCollection()
    : Collection({.local = detail::fill_vertex_dtype(),
                  .shared = DType::of<GradientRecord>(),
                  .vertex = vertex_shader,
                  .fragment = fragment_shader(),
                  .geometry = Geometry::Triangles}),
      table_() {}

std::size_t GradientCollection::append(std::span<const svg::Polyline> contours, svg::FillRule rule, const svg::Gradient& g,
                                       float order) {
    const char* caller = "GradientCollection::append";
    detail::check_order(order, caller);
    detail::check_gradient(g, caller);
    const auto corners = detail::triangle_corners(tessellator_.fill(contours, rule));
    const svg::Color mean = g.mean_color();
    const detail::GradientTexels t = detail::gradient_texels(g, static_cast<float>(table_.add(g)));
    const GradientRecord record{{mean.r, mean.g, mean.b, mean.a}, order, t.paint.x, t.paint.y, t.paint.z, t.linear, t.offset, t.points};
    return push(detail::position_elements(corners), Array::from(std::span<const GradientRecord>(&record, 1)).view({0}));
}

const gloo::Texture2D& GradientCollection::table() const noexcept { return table_.texture(); }

void GradientCollection::draw() {
    if (empty()) return;
    program()["u_table"] = table_.texture();
    Collection::draw();
}

} // namespace glumpp::graphics
