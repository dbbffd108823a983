#include <glumpp/graphics/GradientPathCollection.hpp>

#include "GradientPaint.hpp"
#include "Stroke.hpp"

#include <cstddef>
#include <string>

namespace glumpp::graphics {

namespace {

/// The stroke's three texels (Stroke.hpp's StrokeRecord, field for field), then the
/// gradient's four (GradientPaint.hpp).
struct GradientStrokeRecord {
    glm::vec4 color;
    float order, width, join, cap;
    float miter_limit, edge;
    float padding[2];
    glm::vec4 paint, linear, offset, points;
};
GLUMPP_DTYPE(GradientStrokeRecord, color, order, width, join, cap, miter_limit, edge, paint, linear, offset, points);
static_assert(offsetof(GradientStrokeRecord, paint) == sizeof(detail::StrokeRecord));

std::string vertex_shader() { return std::string("#define STROKE_GRADIENT\n") + detail::stroke_vertex_shader; }
std::string fragment_shader() { return "#define STROKE_GRADIENT\n" + detail::gradient_glsl() + detail::stroke_fragment_shader; }

} // namespace

GradientPathCollection::GradientPathCollection()
    : Collection({.local = detail::stroke_segment_dtype(),
                  .shared = DType::of<GradientStrokeRecord>(),
                  .vertex = vertex_shader(),
                  .fragment = fragment_shader(),
                  .geometry = Geometry::Quads,
                  .state = State::Stroke}) {}

std::size_t GradientPathCollection::append(std::span<const Polyline> polylines, const StrokeStyle& style,
                                           const svg::Gradient& g) {
    const char* caller = "GradientPathCollection::append";
    detail::check_gradient(g, caller);
    StrokeStyle s = style;
    const svg::Color mean = g.mean_color();
    s.color = {mean.r, mean.g, mean.b, mean.a};
    const auto stroke = detail::stroke_record(s, caller).value<detail::StrokeRecord>();
    const Array segments = detail::stroke_segments(polylines);
    const detail::GradientTexels t = detail::gradient_texels(g, static_cast<float>(table_.add(g)));
    const GradientStrokeRecord r{stroke.color, stroke.order, stroke.width, stroke.join, stroke.cap, stroke.miter_limit,
                                 stroke.edge, {}, t.paint, t.linear, t.offset, t.points};
    return push(segments, Array::from(std::span<const GradientStrokeRecord>(&r, 1)).view({0}));
}

void GradientPathCollection::draw() {
    if (empty()) return;
    program()["u_table"] = table_.texture();
    Collection::draw();
}

} // namespace glumpp::graphics
