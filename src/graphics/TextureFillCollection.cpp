#include <glumpp/graphics/TextureFillCollection.hpp>

#include "Checks.hpp"
#include "Fill.hpp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace glumpp::graphics {

namespace {

/// Texel 0 color, texel 1 (order, alpha), texels 2-3 the world-to-texture map.
struct TextureFillRecord {
    glm::vec4 color;
    float order, alpha, padding0, padding1;
    glm::vec4 linear;
    glm::vec4 offset;
};
GLUMPP_DTYPE(TextureFillRecord, color, order, alpha, linear, offset);

const char* const vertex_shader = R"(
in vec2 a_position;
in uint a_item;
flat out float v_alpha;
out vec2 v_uv;
void main() {
    vec4 t1 = shared_texel(a_item, 1), m = shared_texel(a_item, 2), o = shared_texel(a_item, 3);
    v_alpha = t1.y;
    v_uv = vec2(m.x * a_position.x + m.z * a_position.y + o.x, m.y * a_position.x + m.w * a_position.y + o.y);
    gl_Position = to_clip(to_pixels(a_position), t1.x);
}
)";

const char* const fragment_shader = R"(
uniform sampler2D u_texture;
flat in float v_alpha;
in vec2 v_uv;
out vec4 frag_color;
void main() {
    vec4 p = texture(u_texture, v_uv);   // premultiplied
    if (p.a <= 0.0) discard;
    frag_color = vec4(p.rgb / p.a, p.a * v_alpha);
}
)";

} // namespace

TextureFillCollection::TextureFillCollection(gloo::Texture2D texture)
    : Collection({.local = detail::fill_vertex_dtype(),
                  .shared = DType::of<TextureFillRecord>(),
                  .vertex = vertex_shader,
                  .fragment = fragment_shader,
                  .geometry = Geometry::Triangles}),
      texture_(std::move(texture)) {}

std::size_t TextureFillCollection::append(std::span<const svg::Polyline> contours, svg::FillRule rule, const svg::Transform& m,
                                          float alpha, float order) {
    const char* caller = "TextureFillCollection::append";
    detail::check_order(order, caller);
    for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f})
        if (!std::isfinite(v)) throw ValueError(std::string(caller) + ": the texture map's numbers are not all finite");
    if (!(alpha >= 0.0f && alpha <= 1.0f))
        throw ValueError(std::string(caller) + ": alpha " + detail::number(alpha) + " is outside [0, 1]");
    const auto corners = detail::triangle_corners(tessellator_.fill(contours, rule));
    const auto f = [](double v) { return static_cast<float>(v); };
    const TextureFillRecord record{{1.0f, 1.0f, 1.0f, alpha}, order, alpha, 0.0f, 0.0f, {f(m.a), f(m.b), f(m.c), f(m.d)},
                                   {f(m.e), f(m.f), 0.0f, 0.0f}};
    return push(detail::position_elements(corners), Array::from(std::span<const TextureFillRecord>(&record, 1)).view({0}));
}

void TextureFillCollection::draw() {
    if (empty()) return;
    program()["u_texture"] = texture_;
    Collection::draw();
}

} // namespace glumpp::graphics
