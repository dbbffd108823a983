#include "GradientPaint.hpp"

#include "Checks.hpp"

#include <glumpp/Error.hpp>

#include <cmath>
#include <vector>

namespace glumpp::graphics::detail {

const std::string& gradient_glsl() {
    static const std::string text = "#define TABLE_WIDTH " + std::to_string(gradient_table_width) + R"(
uniform sampler2D u_table;
vec4 gradient_color(vec2 g, vec3 paint, vec4 points, float radius) {
    float t;
    if (paint.x < 0.5) {
        vec2 d = points.zw - points.xy;
        t = dot(g - points.xy, d) / dot(d, d);
    } else {
        // The largest t of the circles (focal + t (center - focal), t r) through the
        // fragment; none: outside the cone of a focal point outside the circle.
        vec2 cd = points.xy - points.zw, pd = g - points.zw;
        float a = dot(cd, cd) - radius * radius, b = dot(pd, cd), q = dot(pd, pd);
        if (a < 0.0) {
            t = q > 0.0 ? q / (b + sqrt(max(0.0, b * b - a * q))) : 0.0;
        } else {
            float disc = b * b - a * q;
            if (disc < 0.0 || (a == 0.0 && b <= 0.0)) discard;
            t = a == 0.0 ? q / (2.0 * b) : (b + sqrt(disc)) / a;
            if (t < 0.0) discard;
        }
    }
    if (paint.y > 1.5) t = fract(t);                          // repeat
    else if (paint.y > 0.5) t = 1.0 - abs(mod(t, 2.0) - 1.0); // reflect
    float x = clamp(t, 0.0, 1.0) * float(TABLE_WIDTH - 1);
    int i = min(int(x), TABLE_WIDTH - 2), row = int(paint.z);
    return mix(texelFetch(u_table, ivec2(i, row), 0), texelFetch(u_table, ivec2(i + 1, row), 0), x - float(i));
}
)";
    return text;
}

void check_gradient(const svg::Gradient& g, const char* caller) {
    if (g.stops.size() < 2)
        throw ValueError(std::string(caller) + ": a gradient needs at least 2 stops, got " + std::to_string(g.stops.size()));
    const svg::Transform& m = g.to_gradient;
    for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f, g.start.x, g.start.y, g.end.x, g.end.y, g.center.x, g.center.y,
                           g.focal.x, g.focal.y, g.radius})
        if (!std::isfinite(v)) throw ValueError(std::string(caller) + ": the gradient's numbers are not all finite");
    if (g.kind == svg::Gradient::Kind::Linear && g.start == g.end)
        throw ValueError(std::string(caller) + ": a linear gradient's start and end are the same point (" + number(g.start.x) +
                         ", " + number(g.start.y) + ")");
    if (g.kind == svg::Gradient::Kind::Radial && !(g.radius > 0.0))
        throw ValueError(std::string(caller) + ": a radial gradient's radius " + number(g.radius) + " is not positive");
}

GradientTexels gradient_texels(const svg::Gradient& g, float row) {
    const bool radial = g.kind == svg::Gradient::Kind::Radial;
    const svg::Transform& m = g.to_gradient;
    const auto f = [](double v) { return static_cast<float>(v); };
    const float spread =
        static_cast<float>(g.spread == svg::Gradient::Spread::Reflect ? 1 : g.spread == svg::Gradient::Spread::Repeat ? 2 : 0);
    return {{radial ? 1.0f : 0.0f, spread, row, 0.0f},
            {f(m.a), f(m.b), f(m.c), f(m.d)},
            {f(m.e), f(m.f), f(g.radius), 0.0f},
            radial ? glm::vec4(f(g.center.x), f(g.center.y), f(g.focal.x), f(g.focal.y))
                   : glm::vec4(f(g.start.x), f(g.start.y), f(g.end.x), f(g.end.y))};
}

GradientTable::GradientTable() : texture_(gloo::Texture2D::zeros({4, gradient_table_width, 4}, DType::of<float>())) {}

std::size_t GradientTable::add(const svg::Gradient& g) {
    if (rows_used_ + 1 > texture_.height()) {
        auto bigger = gloo::Texture2D::zeros({2 * texture_.height(), gradient_table_width, 4}, DType::of<float>());
        if (rows_used_) {
            const auto n = static_cast<std::ptrdiff_t>(rows_used_);
            bigger.view({slice(0, n)}).assign(texture_.view({slice(0, n)}));
        }
        texture_ = std::move(bigger);
    }
    std::vector<float> row(gradient_table_width * 4);
    for (std::size_t k = 0; k < gradient_table_width; ++k) {
        const svg::Color c = g.color_at(double(k) / double(gradient_table_width - 1));
        row[4 * k] = c.r, row[4 * k + 1] = c.g, row[4 * k + 2] = c.b, row[4 * k + 3] = c.a;
    }
    texture_.view({static_cast<std::ptrdiff_t>(rows_used_)})
        .assign(Array::from(std::span<const float>(row), {gradient_table_width, 4}));
    return rows_used_++;
}

} // namespace glumpp::graphics::detail
