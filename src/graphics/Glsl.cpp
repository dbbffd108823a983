// The GLSL table (Glsl.hpp): the pieces of glumpy's shader library that the ports use,
// written here in GLSL 3.30 core (the same mathematics as glumpy's, our own code), and
// glumpy's include merging.
#include <glumpp/Error.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include <algorithm>
#include <string>
#include <vector>
#include <utility>

namespace glumpp::graphics::glsl {
namespace {

// --- The grid fragment shaders (misc/regular-grid.frag, misc/irregular-grid.frag) -------
// A grid quad has normalised coordinates n in [-0.5, 0.5]^2 (v_texcoord). They map to the
// cartesian box u_limits1 (xmin, xmax, ymin, ymax); a projection's inverse takes that point
// to the projected frame, whose box is u_limits2 and where the grid lines are straight
// (x = const, y = const). For each of the four families (major and minor, x and y) the
// nearest line's point is mapped back to n, and its distance in pixels (v_size) decides
// the pixel's coverage. The two shaders differ in the projection (Hammer, polar) and in
// where the nearest line comes from (computed from steps, read from a texture).

// The declarations both grid shaders share (the regular one adds its steps, the irregular
// one its texture).
constexpr char grid_interface[] = R"(
uniform float u_antialias;        // width of the antialiased edge, in pixels
uniform vec4 u_limits1;           // the cartesian box: xmin, xmax, ymin, ymax
uniform vec4 u_limits2;           // the projected frame's box, likewise
uniform float u_major_grid_width; // in pixels
uniform float u_minor_grid_width;
uniform vec4 u_major_grid_color;
uniform vec4 u_minor_grid_color;
in vec2 v_texcoord;               // n, in [-0.5, 0.5]^2
in vec2 v_size;                   // the quad's size in pixels
out vec4 frag_color;
)";

// The helpers both grid shaders share; each shader defines project(q) (projected frame to
// cartesian) and unproject(p) before them.
constexpr char grid_helpers[] = R"(
vec2 box_low(vec4 box) { return vec2(box[0], box[2]); }
vec2 box_extent(vec4 box) { return vec2(box[1] - box[0], box[3] - box[2]); }

// n in [-0.5, 0.5]^2 to the point of `box` it stands for, and back.
vec2 from_unit(vec2 n, vec4 box) { return box_low(box) + (n + 0.5) * box_extent(box); }
vec2 to_unit(vec2 p, vec4 box) { return (p - box_low(box)) / box_extent(box) - 0.5; }

// Pixels between this fragment and the point q of the projected frame.
float pixels_to(vec2 q) { return length(v_size * (v_texcoord - to_unit(project(q), u_limits1))); }

// Coverage of a line `width` pixels wide at `d` pixels from its centre: full over its
// core (the width less the antialiased edge), then a Gaussian fall-off, nothing beyond
// half the width plus the edge.
float line_coverage(float d, float width)
{
    float beyond = abs(d) - (0.5 * width - u_antialias);
    if (beyond < 0.0) return 1.0;
    if (beyond > 0.5 * width + u_antialias) return 0.0;
    float x = beyond / u_antialias;
    return exp(-x * x);
}

// The fragment's colour from its distances to the nearest major (Mx, My) and minor (mx, my)
// lines. Past the projected box (`outside`, per axis) only the border line is drawn, as far
// as half a major line's reach, so that it closes at the corners; elsewhere there is
// nothing. Where both kinds cover, the minor line wins only if it covers 1.5 times more.
void shade(float Mx, float My, float mx, float my, bvec2 outside)
{
    float major = min(Mx, My), minor = min(mx, my);
    float reach = 0.5 * (u_major_grid_width + u_antialias);
    if (outside.x && outside.y) {
        if (Mx > reach || My > reach) discard;
        major = max(Mx, My);
    } else if (outside.x) {
        if (Mx > reach) discard;
        major = minor = Mx;
    } else if (outside.y) {
        if (My > reach) discard;
        major = minor = My;
    }
    float a_major = line_coverage(major, u_major_grid_width);
    float a_minor = line_coverage(minor, u_minor_grid_width);
    bool minor_wins = a_minor > 1.5 * a_major;
    vec4 color = minor_wins ? u_minor_grid_color : u_major_grid_color;
    frag_color = vec4(color.rgb, color.a * (minor_wins ? a_minor : a_major));
}

// Where this fragment lies in the projected frame, and whether past its box per axis.
vec2 here() { return unproject(from_unit(v_texcoord, u_limits1)); }
bvec2 past_box(vec2 q) { return bvec2(q.x < u_limits2[0] || q.x > u_limits2[1], q.y < u_limits2[2] || q.y > u_limits2[3]); }
)";

struct Entry {
    std::string_view name;
    std::string text;
};

// Built once, at the first use (the grid shaders are assembled from the pieces above).
const std::vector<Entry>& table() {
    static const std::vector<Entry> entries = {
    {"antialias/filled.glsl", R"(
// A filled shape's colour at `distance` pixels from its border (negative inside): the fill
// inside and over the border's core (half of `linewidth` less `antialias`), then the fill
// fading out as a Gaussian of the distance past that core, in units of `antialias`.
vec4 filled(float distance, float linewidth, float antialias, vec4 fill)
{
    float beyond = abs(distance) - (0.5 * linewidth - antialias);
    if (distance < 0.0 || beyond < 0.0) return fill;
    float x = beyond / antialias;
    return vec4(fill.rgb, fill.a * exp(-x * x));
}
)"},
    {"colormaps/autumn.glsl", R"(
// red to yellow
vec3 colormap_autumn(float t) { return vec3(1.0, t, 0.0); }
)"},
    {"colormaps/blues.glsl", R"(
// white to blue
vec3 colormap_blues(float t) { return vec3(1.0 - t, 1.0 - t, 1.0); }
)"},
    {"colormaps/colormaps.glsl", R"(
#include "colormaps/util.glsl"
#include "colormaps/hot.glsl"
#include "colormaps/gray.glsl"
#include "colormaps/cool.glsl"
#include "colormaps/jet.glsl"
#include "colormaps/wheel.glsl"
#include "colormaps/stripes.glsl"
#include "colormaps/discrete.glsl"
#include "colormaps/autumn.glsl"
#include "colormaps/winter.glsl"
#include "colormaps/spring.glsl"
#include "colormaps/summer.glsl"
#include "colormaps/ice.glsl"
#include "colormaps/fire.glsl"
#include "colormaps/icefire.glsl"
#include "colormaps/reds.glsl"
#include "colormaps/blues.glsl"
#include "colormaps/greens.glsl"
)"},
    {"colormaps/cool.glsl", R"(
// cyan to magenta
vec3 colormap_cool(float t) { return vec3(t, 1.0 - t, 1.0); }
)"},
    {"colormaps/discrete.glsl", R"(
#include "colormaps/util.glsl"
// three flat bands: red below 0.2, green below 0.5, blue below 1; black elsewhere
vec3 colormap_discrete(float t)
{
    if (colormap_segment(0.0, 0.2, t) > 0.0) return vec3(1.0, 0.0, 0.0);
    if (colormap_segment(0.2, 0.5, t) > 0.0) return vec3(0.0, 1.0, 0.0);
    if (colormap_segment(0.5, 1.0, t) > 0.0) return vec3(0.0, 0.0, 1.0);
    return vec3(0.0);
}
)"},
    {"colormaps/fire.glsl", R"(
#include "colormaps/util.glsl"
// white through yellow to red
vec3 colormap_fire(float t) { return colormap_three(vec3(1.0), vec3(1.0, 1.0, 0.0), vec3(1.0, 0.0, 0.0), t); }
)"},
    {"colormaps/gray.glsl", R"(
#include "colormaps/util.glsl"
// black to white; the second form shows `under` below 0 and `over` from 1 on
vec3 colormap_gray(float t) { return vec3(t); }
vec3 colormap_gray(float t, vec3 under, vec3 over) { return colormap_underover(t, colormap_gray(t), under, over); }
)"},
    {"colormaps/greens.glsl", R"(
// white to green
vec3 colormap_greens(float t) { return vec3(1.0 - t, 1.0, 1.0 - t); }
)"},
    {"colormaps/hot.glsl", R"(
// black, red, yellow, white: each channel rises smoothly over its third of [0, 1]
vec3 colormap_hot(float t)
{
    const vec3 from = vec3(0.0, 1.0, 2.0) / 3.0;
    const vec3 to = vec3(1.0, 2.0, 3.0) / 3.0;
    return smoothstep(from, to, vec3(t));
}
)"},
    {"colormaps/ice.glsl", R"(
#include "colormaps/util.glsl"
// blue through cyan to white (fire's blend, run backwards over cold colours)
vec3 colormap_ice(float t) { return colormap_three(vec3(1.0), vec3(0.0, 1.0, 1.0), vec3(0.0, 0.0, 1.0), 1.0 - t); }
)"},
    {"colormaps/icefire.glsl", R"(
#include "colormaps/util.glsl"
#include "colormaps/ice.glsl"
#include "colormaps/fire.glsl"
// ice over the first half of [0, 1), fire over the second; black elsewhere
vec3 colormap_icefire(float t)
{
    if (colormap_segment(0.0, 0.5, t) > 0.0) return colormap_ice(2.0 * t);
    if (colormap_segment(0.5, 1.0, t) > 0.0) return colormap_fire(2.0 * (t - 0.5));
    return vec3(0.0);
}
)"},
    {"colormaps/jet.glsl", R"(
// dark blue, cyan-blue, yellow-green, orange, dark red: linear between knots
vec3 colormap_jet(float t)
{
    const float knot[5] = float[5](0.0, 0.34, 0.64, 0.89, 1.0);
    const vec3 color[5] = vec3[5](vec3(0.0, 0.0, 0.5), vec3(0.0, 0.8, 0.95), vec3(0.85, 1.0, 0.04),
                                  vec3(0.96, 0.7, 0.0), vec3(0.5, 0.0, 0.0));
    int k = t < knot[1] ? 0 : t < knot[2] ? 1 : t < knot[3] ? 2 : 3;
    return mix(color[k], color[k + 1], (t - knot[k]) / (knot[k + 1] - knot[k]));
}
)"},
    {"colormaps/reds.glsl", R"(
// white to red
vec3 colormap_reds(float t) { return vec3(1.0, 1.0 - t, 1.0 - t); }
)"},
    {"colormaps/spring.glsl", R"(
// magenta to yellow
vec3 colormap_spring(float t) { return vec3(1.0, t, 1.0 - t); }
)"},
    {"colormaps/stripes.glsl", R"(
// 64 bands over [0, 1], light grey (0.8) and white in turn
vec3 colormap_stripes(float t)
{
    float odd = mod(floor(64.0 * t), 2.0);
    return vec3(0.8 + 0.2 * odd);
}
)"},
    {"colormaps/summer.glsl", R"(
// green-teal to yellow
vec3 colormap_summer(float t) { return vec3(t, 0.5 + 0.5 * t, 0.4); }
)"},
    {"colormaps/util.glsl", R"(
// 1.0 where edge0 <= x < edge1, else 0.0.
float colormap_segment(float edge0, float edge1, float x) { return (x >= edge0 && x < edge1) ? 1.0 : 0.0; }

// `under` where t <= 0, `color` where 0 <= t < 1, `over` where t >= 1; at t = 0 exactly
// both of the first two count, and add (glumpy's weights).
vec3 colormap_underover(float t, vec3 color, vec3 under, vec3 over)
{
    float below = t <= 0.0 ? 1.0 : 0.0;
    float above = t >= 1.0 ? 1.0 : 0.0;
    return below * under + colormap_segment(0.0, 1.0, t) * color + above * over;
}

// A three-colour blend: a to b linearly and b to c quadratically, the two mixed by t.
vec3 colormap_three(vec3 a, vec3 b, vec3 c, float t) { return mix(mix(a, b, t), mix(b, c, t * t), t); }
)"},
    {"colormaps/wheel.glsl", R"(
// the hue circle at full saturation and value: red, yellow, green, cyan, blue, magenta, red
vec3 colormap_wheel(float t)
{
    vec3 phase = fract(t + vec3(3.0, 2.0, 1.0) / 3.0);
    return clamp(abs(6.0 * phase - 3.0) - 1.0, 0.0, 1.0);
}
)"},
    {"colormaps/winter.glsl", R"(
// blue to green-cyan, along the square root of t
vec3 colormap_winter(float t) { float s = sqrt(t); return vec3(0.0, s, 1.0 - 0.5 * s); }
)"},
    {"markers/square.glsl", R"(
// Signed distance from P to the border of a square of side `size` centred at the origin
// (negative inside; the Chebyshev distance less the half side).
float marker_square(vec2 P, float size)
{
    vec2 q = abs(P);
    return max(q.x, q.y) - 0.5 * size;
}
)"},
    {"misc/irregular-grid.frag", R"(
)" + std::string(grid_interface) + R"(
uniform sampler2D u_grid; // per sample of each axis (the projected box over [0, 1]): the
                          // nearest major x, minor x, major y, minor y line

// Polar: the projected frame is (radius, angle in [0, 2 pi)).
const float TAU = 6.28318530717958647692;
vec2 project(vec2 q) { return q.x * vec2(cos(q.y), sin(q.y)); }
vec2 unproject(vec2 p)
{
    float angle = atan(p.y, p.x);
    return vec2(length(p), angle < 0.0 ? angle + TAU : angle);
}
)" + std::string(grid_helpers) + R"(
void main()
{
    vec2 q = here();
    vec2 u = to_unit(q, u_limits2) + 0.5;
    vec4 along_x = texture(u_grid, vec2(u.x, 0.5));
    vec4 along_y = texture(u_grid, vec2(u.y, 0.5));
    shade(pixels_to(vec2(along_x.x, q.y)), pixels_to(vec2(q.x, along_y.z)),
          pixels_to(vec2(along_x.y, q.y)), pixels_to(vec2(q.x, along_y.w)), past_box(q));
}
)"},
    {"misc/regular-grid.frag", R"(
)" + std::string(grid_interface) + R"(
uniform vec2 u_major_grid_step; // the lines' spacing in the projected frame, x and y
uniform vec2 u_minor_grid_step;

// Hammer's equal-area projection: the projected frame is (longitude, latitude) in radians;
// points outside the ellipse x^2 / 8 + y^2 / 2 <= 1 are not on the map (discarded).
vec2 project(vec2 q)
{
    float c = cos(q.y);
    float d = sqrt(1.0 + c * cos(0.5 * q.x));
    return sqrt(2.0) * vec2(2.0 * c * sin(0.5 * q.x), sin(q.y)) / d;
}
vec2 unproject(vec2 p)
{
    float zz = 1.0 - p.x * p.x / 16.0 - p.y * p.y / 4.0;
    if (zz < 0.0) discard;
    float z = sqrt(zz);
    return vec2(2.0 * atan(z * p.x, 2.0 * (2.0 * z * z - 1.0)), asin(z * p.y));
}
)" + std::string(grid_helpers) + R"(
// The line nearest to v along [lo, hi] for lines every `step` (multiples of it), the box's
// edges counting as lines: below half-way to the first multiple it is lo, past half-way
// from the last one it is hi.
float nearest_line(float v, float lo, float hi, float step)
{
    float first = floor((lo + 0.5 * step) / step) * step;
    float last = floor((hi - 0.5 * step) / step) * step;
    if (v < lo + 0.5 * (first - lo)) return lo;
    if (v > last + 0.5 * (hi - last)) return hi;
    return clamp(floor((v + 0.5 * step) / step) * step, lo, hi);
}

void main()
{
    vec2 q = here();
    // q again, through the box's unit coordinates (as the line search sees it)
    vec2 v = box_low(u_limits2) + (to_unit(q, u_limits2) + 0.5) * box_extent(u_limits2);
    shade(pixels_to(vec2(nearest_line(v.x, u_limits2[0], u_limits2[1], u_major_grid_step.x), q.y)),
          pixels_to(vec2(q.x, nearest_line(v.y, u_limits2[2], u_limits2[3], u_major_grid_step.y))),
          pixels_to(vec2(nearest_line(v.x, u_limits2[0], u_limits2[1], u_minor_grid_step.x), q.y)),
          pixels_to(vec2(q.x, nearest_line(v.y, u_limits2[2], u_limits2[3], u_minor_grid_step.y))),
          past_box(q));
}
)"},
    };
    return entries;
}

std::string list_names() {
    std::string list;
    for (const auto& [name, text] : table()) list += (list.empty() ? "" : ", ") + std::string(name);
    return list;
}

const std::string* find(std::string_view name) {
    for (const auto& entry : table())
        if (entry.name == name) return &entry.text;
    return nullptr;
}

// Expands the directives of `text` into `out`, skipping names already in `done`.
// `top_line`: 0 for the caller's source, else the line of that source whose directive
// brought `text` in (what an error names).
void expand(std::string_view text, std::vector<std::string_view>& done, std::string& out, std::size_t top_line) {
    std::size_t pos = 0, line = 1;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view row = text.substr(pos, end - pos);
        const std::size_t at = top_line ? top_line : line;
        // A directive: optional blanks, '#', optional blanks, "include", blanks, "NAME".
        std::size_t k = row.find_first_not_of(" \t");
        bool directive = false;
        if (k != std::string_view::npos && row[k] == '#') {
            k = row.find_first_not_of(" \t", k + 1);
            if (k != std::string_view::npos && row.substr(k, 7) == "include") {
                const std::size_t open = row.find('"', k + 7);
                const std::size_t close = open == std::string_view::npos ? open : row.find('"', open + 1);
                if (close != std::string_view::npos && row.substr(k + 7, open - k - 7).find_first_not_of(" \t") == std::string_view::npos) {
                    directive = true;
                    const std::string_view name = row.substr(open + 1, close - open - 1);
                    const std::string* included = find(name);
                    if (!included)
                        throw KeyError("glsl::merge_includes: no GLSL named '" + std::string(name) + "' (line " + std::to_string(at) +
                                       " of the source); names: " + list_names());
                    if (std::find(done.begin(), done.end(), name) == done.end()) {
                        done.push_back(name);
                        out += "// --- start of \"" + std::string(name) + "\" ---\n";
                        expand(*included, done, out, at);
                        out += "// --- end of \"" + std::string(name) + "\" ---";
                    }
                }
            }
        }
        if (!directive) out += row;
        if (end == text.size()) break;
        out += '\n';
        pos = end + 1;
        ++line;
    }
}

} // namespace

std::string_view get(std::string_view name) {
    if (const std::string* text = find(name)) return *text;
    throw KeyError("glsl::get: no GLSL named '" + std::string(name) + "'; names: " + list_names());
}

std::vector<std::string> names() {
    std::vector<std::string> all;
    for (const auto& entry : table()) all.emplace_back(entry.name);
    std::sort(all.begin(), all.end());
    return all;
}

std::string merge_includes(std::string_view source) {
    std::vector<std::string_view> done;
    std::string out;
    expand(source, done, out, 0);
    return out;
}

} // namespace glumpp::graphics::glsl
