#pragma once
// What GradientCollection (fills) and GradientPathCollection (strokes) share: the one copy
// of the gradient's GLSL, its record texels, and the table of stops.
#include <glumpp/graphics/GradientCollection.hpp>
#include <glumpp/svg/Shape.hpp>

#include <glm/vec4.hpp>

#include <cstddef>
#include <string>

namespace glumpp::graphics::detail {

/// Texels of stops per table row (GradientCollection::table_width).
inline constexpr std::size_t gradient_table_width = GradientCollection::table_width;

/// GLSL (fragment shaders), gradient_glsl(): `uniform sampler2D u_table;` and
/// `vec4 gradient_color(vec2 g, vec3 paint, vec4 points, float radius)`: the color at
/// gradient coordinates g of the gradient whose record texels are paint = (kind, spread,
/// row), points = (start, end | center, focal), radius; it discards the fragment where a
/// radial gradient paints nothing. The CPU twin is svg::Gradient::parameter and color_at.
/// A function, not a global: the collections build their shaders from it during static
/// initialisation of other files.
const std::string& gradient_glsl();

/// A gradient's four record texels: (kind, spread, row, 0), the final-to-gradient map
/// (a, b, c, d), (e, f, radius, 0), and the points.
struct GradientTexels {
    glm::vec4 paint, linear, offset, points;
};
/// ValueError naming `caller` for fewer than 2 stops, a zero-length linear gradient, a
/// radius that is not positive, or numbers that are not finite.
void check_gradient(const svg::Gradient& g, const char* caller);
GradientTexels gradient_texels(const svg::Gradient& g, float row);

// GradientTable (the stops table) is declared in GradientCollection.hpp, whose member it is.

} // namespace glumpp::graphics::detail
