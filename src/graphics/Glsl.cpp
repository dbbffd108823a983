// The GLSL table (Glsl.hpp): glumpy's library pieces that the ports use, in GLSL 3.30
// core, and glumpy's include merging.
#include <glumpp/Error.hpp>
#include <glumpp/graphics/Glsl.hpp>

#include <algorithm>
#include <string>
#include <vector>
#include <utility>

namespace glumpp::graphics::glsl {
namespace {

// Shared by both grid shaders: glumpy's scale and stroke functions, word for word.
constexpr char grid_common[] = R"(
// [-0.5,-0.5]x[0.5,0.5] -> [xmin,xmax]x[ymin,ymax]
vec2 scale_forward(vec2 P, vec4 limits)
{
    P += vec2(.5,.5);
    P *= vec2(limits[1] - limits[0], limits[3]-limits[2]);
    P += vec2(limits[0], limits[2]);
    return P;
}

// [xmin,xmax]x[ymin,ymax] -> [-0.5,-0.5]x[0.5,0.5]
vec2 scale_inverse(vec2 P, vec4 limits)
{
    P -= vec2(limits[0], limits[2]);
    P /= vec2(limits[1]-limits[0], limits[3]-limits[2]);
    return P - vec2(.5,.5);
}

// Antialias stroke alpha coeff
float stroke_alpha(float distance, float linewidth, float antialias)
{
    float t = linewidth/2.0 - antialias;
    float signed_distance = distance;
    float border_distance = abs(signed_distance) - t;
    float alpha = border_distance/antialias;
    alpha = exp(-alpha*alpha);

    if( border_distance > (linewidth/2.0 + antialias) )
        return 0.0;
    else if( border_distance < 0.0 )
        return 1.0;
    else
        return alpha;
}
)";

// The end of both grid shaders' main(): the border lines finished outside the limits, then
// major and minor colours mixed (glumpy's code).
constexpr char grid_finish[] = R"(
    float M = min(Mx,My);
    float m = min(mx,my);

    // Here we take care of "finishing" the border lines
    if( outside.x && outside.y ) {
        if (Mx > 0.5*(u_major_grid_width + u_antialias)) {
            discard;
        } else if (My > 0.5*(u_major_grid_width + u_antialias)) {
            discard;
        } else {
            M = max(Mx,My);
        }
    } else if( outside.x ) {
        if (Mx > 0.5*(u_major_grid_width + u_antialias)) {
            discard;
        } else {
            M = m = Mx;
        }
    } else if( outside.y ) {
        if (My > 0.5*(u_major_grid_width + u_antialias)) {
            discard;
        } else {
            M = m = My;
        }
    }

    // Mix major/minor colors to get dominant color
    vec4 color = u_major_grid_color;
    float alpha1 = stroke_alpha( M, u_major_grid_width, u_antialias);
    float alpha2 = stroke_alpha( m, u_minor_grid_width, u_antialias);
    float alpha  = alpha1;
    if( alpha2 > alpha1*1.5 )
    {
        alpha = alpha2;
        color = u_minor_grid_color;
    }
    frag_color = vec4(color.rgb, color.a*alpha);
}
)";

// The uniforms and varyings both grid shaders declare (the regular one adds its steps, the
// irregular one its texture).
constexpr char grid_interface[] = R"(
uniform float u_antialias;        // line antialias area (usually 1 pixel)
uniform vec4 u_limits1;           // cartesian limits
uniform vec4 u_limits2;           // projected limits
uniform float u_major_grid_width; // pixels
uniform float u_minor_grid_width;
uniform vec4 u_major_grid_color;
uniform vec4 u_minor_grid_color;
in vec2 v_texcoord;               // from (-0.5, -0.5) to (+0.5, +0.5)
in vec2 v_size;                   // the quad's size in pixels
out vec4 frag_color;
)";

struct Entry {
    std::string_view name;
    std::string text;
};

// Built once, at the first use (the grid shaders are assembled from the pieces above).
const std::vector<Entry>& table() {
    static const std::vector<Entry> entries = {
    {"antialias/filled.glsl", R"(
// Antialiased colour of a filled shape: distance is the signed distance to its border in
// pixels (negative inside).
vec4 filled(float distance, float linewidth, float antialias, vec4 bg_color)
{
    vec4 frag_color;
    float t = linewidth/2.0 - antialias;
    float signed_distance = distance;
    float border_distance = abs(signed_distance) - t;
    float alpha = border_distance/antialias;
    alpha = exp(-alpha*alpha);

    if( border_distance < 0.0 )
        frag_color = bg_color;
    else if( signed_distance < 0.0 )
        frag_color = bg_color;
    else
        frag_color = vec4(bg_color.rgb, alpha * bg_color.a);

    return frag_color;
}
)"},
    {"colormaps/autumn.glsl", R"(
vec3 colormap_autumn(float t) { return mix(vec3(1.0,0.0,0.0), vec3(1.0,1.0,0.0), t); }
)"},
    {"colormaps/blues.glsl", R"(
vec3 colormap_blues(float t) { return mix(vec3(1,1,1), vec3(0,0,1), t); }
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
vec3 colormap_cool(float t) { return mix(vec3(0.0,1.0,1.0), vec3(1.0,0.0,1.0), t); }
)"},
    {"colormaps/discrete.glsl", R"(
#include "colormaps/util.glsl"
vec3 colormap_discrete(float t)
{
    return colormap_segment(0.0,0.2,t) * vec3(1,0,0)
         + colormap_segment(0.2,0.5,t) * vec3(0,1,0)
         + colormap_segment(0.5,1.0,t) * vec3(0,0,1);
}
)"},
    {"colormaps/fire.glsl", R"(
vec3 colormap_fire(float t)
{
    return mix(mix(vec3(1,1,1), vec3(1,1,0), t),
               mix(vec3(1,1,0), vec3(1,0,0), t*t), t);
}
)"},
    {"colormaps/gray.glsl", R"(
#include "colormaps/util.glsl"
vec3 colormap_gray(float t) { return vec3(t); }
vec3 colormap_gray(float t, vec3 under, vec3 over)
{
    return colormap_underover(t, colormap_gray(t), under, over);
}
)"},
    {"colormaps/greens.glsl", R"(
vec3 colormap_greens(float t) { return mix(vec3(1,1,1), vec3(0,1,0), t); }
)"},
    {"colormaps/hot.glsl", R"(
vec3 colormap_hot(float t)
{
    return vec3(smoothstep(0.0,    1.0/3.0,t),
                smoothstep(1.0/3.0,2.0/3.0,t),
                smoothstep(2.0/3.0,1.0,    t));
}
)"},
    {"colormaps/ice.glsl", R"(
vec3 colormap_ice(float t)
{
   t = 1.0 - t;
   return mix(mix(vec3(1,1,1), vec3(0,1,1), t),
              mix(vec3(0,1,1), vec3(0,0,1), t*t), t);
}
)"},
    {"colormaps/icefire.glsl", R"(
#include "colormaps/util.glsl"
#include "colormaps/ice.glsl"
#include "colormaps/fire.glsl"
vec3 colormap_icefire(float t)
{
    return colormap_segment(0.0,0.5,t) * colormap_ice(2.0*(t-0.0)) +
           colormap_segment(0.5,1.0,t) * colormap_fire(2.0*(t-0.5));
}
)"},
    {"colormaps/jet.glsl", R"(
vec3 colormap_jet(float t)
{
    vec3 a, b;
    float c;
    if (t < 0.34) {
        a = vec3(0, 0, 0.5);
        b = vec3(0, 0.8, 0.95);
        c = (t - 0.0) / (0.34 - 0.0);
    } else if (t < 0.64) {
        a = vec3(0, 0.8, 0.95);
        b = vec3(0.85, 1, 0.04);
        c = (t - 0.34) / (0.64 - 0.34);
    } else if (t < 0.89) {
        a = vec3(0.85, 1, 0.04);
        b = vec3(0.96, 0.7, 0);
        c = (t - 0.64) / (0.89 - 0.64);
    } else {
        a = vec3(0.96, 0.7, 0);
        b = vec3(0.5, 0, 0);
        c = (t - 0.89) / (1.0 - 0.89);
    }
    return mix(a, b, c);
}
)"},
    {"colormaps/reds.glsl", R"(
vec3 colormap_reds(float t) { return mix(vec3(1,1,1), vec3(1,0,0), t); }
)"},
    {"colormaps/spring.glsl", R"(
vec3 colormap_spring(float t) { return mix(vec3(1.0,0.0,1.0), vec3(1.0,1.0,0.0), t); }
)"},
    {"colormaps/stripes.glsl", R"(
vec3 colormap_stripes(float t) { return vec3(mod(floor(t * 64.0), 2.0) * 0.2 + 0.8); }
)"},
    {"colormaps/summer.glsl", R"(
vec3 colormap_summer(float t) { return mix(vec3(0.0,0.5,0.4), vec3(1.0,1.0,0.4), t); }
)"},
    {"colormaps/util.glsl", R"(
// 1 for edge0 <= x < edge1, 0 elsewhere
float colormap_segment(float edge0, float edge1, float x)
{
    return step(edge0,x) * (1.0-step(edge1,x));
}
// under for t <= 0, color for 0 < t < 1, over for t >= 1
vec3 colormap_underover(float t, vec3 color, vec3 under, vec3 over)
{
    return step(t,0.0)*under +
           colormap_segment(0.0,1.0,t)*color +
           step(1.0,t)*over;
}
)"},
    {"colormaps/wheel.glsl", R"(
vec3 colormap_wheel(float t)
{
    return clamp(abs(fract(t + vec3(1.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0) -1.0, 0.0, 1.0);
}
)"},
    {"colormaps/winter.glsl", R"(
vec3 colormap_winter(float t) { return mix(vec3(0.0,0.0,1.0), vec3(0.0,1.0,0.5), sqrt(t)); }
)"},
    {"markers/square.glsl", R"(
// Signed distance to a square of side `size` centred at the origin.
float marker_square(vec2 P, float size) { return max(abs(P.x), abs(P.y)) - size/2.0; }
)"},
    {"misc/irregular-grid.frag", R"(
const float M_PI = 3.14159265358979323846;
)" + std::string(grid_interface) + R"(
uniform sampler2D u_grid; // grid positions (in the projected frame): major x, minor x, major y, minor y

// Polar transform
vec2 transform_forward(vec2 P) { return vec2(P.x * cos(P.y), P.x * sin(P.y)); }
vec2 transform_inverse(vec2 P)
{
    float rho = length(P);
    float theta = atan(P.y,P.x);
    if( theta < 0.0 )
        theta = 2.0*M_PI+theta;
    return vec2(rho,theta);
}
)" + std::string(grid_common) + R"(
void main()
{
    vec2 NP1 = v_texcoord;
    vec2 P1 = scale_forward(NP1, u_limits1);
    vec2 P2 = transform_inverse(P1);

    // Within limits? Not discarded yet: the border is drawn on both sides.
    bvec2 outside = bvec2(false);
    if( P2.x < u_limits2[0] ) outside.x = true;
    if( P2.x > u_limits2[1] ) outside.x = true;
    if( P2.y < u_limits2[2] ) outside.y = true;
    if( P2.y > u_limits2[3] ) outside.y = true;

    vec2 NP2 = scale_inverse(P2,u_limits2);

    vec4 Tx = texture(u_grid, vec2(NP2.x+.5, 0.5));
    vec4 Ty = texture(u_grid, vec2(NP2.y+.5, 0.5));

    vec2 P = transform_forward(vec2(Tx.x,P2.y));
    P = scale_inverse(P, u_limits1);
    float Mx = length(v_size * (NP1 - P));

    P = transform_forward(vec2(Tx.y,P2.y));
    P = scale_inverse(P, u_limits1);
    float mx = length(v_size * (NP1 - P));

    P = transform_forward(vec2(P2.x,Ty.z));
    P = scale_inverse(P, u_limits1);
    float My = length(v_size * (NP1 - P));

    P = transform_forward(vec2(P2.x,Ty.w));
    P = scale_inverse(P, u_limits1);
    float my = length(v_size * (NP1 - P));
)" + std::string(grid_finish)},
    {"misc/regular-grid.frag", R"(
const float M_PI = 3.14159265358979323846;
const float M_SQRT2 = 1.41421356237309504880;
)" + std::string(grid_interface) + R"(
uniform vec2 u_major_grid_step;
uniform vec2 u_minor_grid_step;

// Hammer transform
vec2 transform_forward(vec2 P)
{
    const float B = 2.0;
    float longitude = P.x;
    float latitude  = P.y;
    float cos_lat = cos(latitude);
    float sin_lat = sin(latitude);
    float cos_lon = cos(longitude/B);
    float sin_lon = sin(longitude/B);
    float d = sqrt(1.0 + cos_lat * cos_lon);
    float x = (B * M_SQRT2 * cos_lat * sin_lon) / d;
    float y =     (M_SQRT2 * sin_lat) / d;
    return vec2(x,y);
}
vec2 transform_inverse(vec2 P)
{
    const float B = 2.0;
    float x = P.x;
    float y = P.y;
    float z = 1.0 - (x*x/16.0) - (y*y/4.0);
    if (z < 0.0) discard;
    z = sqrt(z);
    float lon = 2.0*atan( (z*x),(2.0*(2.0*z*z - 1.0)));
    float lat = asin(z*y);
    return vec2(lon,lat);
}
)" + std::string(grid_common) + R"(
// The nearest tick to a normalized t
float get_tick(float t, float vmin, float vmax, float step)
{
    float first_tick = floor((vmin + step/2.0)/step) * step;
    float last_tick = floor((vmax - step/2.0)/step) * step;
    float tick = vmin + t*(vmax-vmin);
    if (tick < (vmin + (first_tick-vmin)/2.0))
        return vmin;
    if (tick > (last_tick + (vmax-last_tick)/2.0))
        return vmax;
    tick += step/2.0;
    tick = floor(tick/step)*step;
    return min(max(vmin,tick),vmax);
}

void main()
{
    vec2 NP1 = v_texcoord;
    vec2 P1 = scale_forward(NP1, u_limits1);
    vec2 P2 = transform_inverse(P1);

    // Within limits? Not discarded yet: the border is drawn on both sides.
    bvec2 outside = bvec2(false);
    if( P2.x < u_limits2[0] ) outside.x = true;
    if( P2.x > u_limits2[1] ) outside.x = true;
    if( P2.y < u_limits2[2] ) outside.y = true;
    if( P2.y > u_limits2[3] ) outside.y = true;

    vec2 NP2 = scale_inverse(P2,u_limits2);
    vec2 P;
    float tick;

    tick = get_tick(NP2.x+.5, u_limits2[0], u_limits2[1], u_major_grid_step[0]);
    P = transform_forward(vec2(tick,P2.y));
    P = scale_inverse(P, u_limits1);
    float Mx = length(v_size * (NP1 - P));

    tick = get_tick(NP2.x+.5, u_limits2[0], u_limits2[1], u_minor_grid_step[0]);
    P = transform_forward(vec2(tick,P2.y));
    P = scale_inverse(P, u_limits1);
    float mx = length(v_size * (NP1 - P));

    tick = get_tick(NP2.y+.5, u_limits2[2], u_limits2[3], u_major_grid_step[1]);
    P = transform_forward(vec2(P2.x,tick));
    P = scale_inverse(P, u_limits1);
    float My = length(v_size * (NP1 - P));

    tick = get_tick(NP2.y+.5, u_limits2[2], u_limits2[3], u_minor_grid_step[1]);
    P = transform_forward(vec2(P2.x,tick));
    P = scale_inverse(P, u_limits1);
    float my = length(v_size * (NP1 - P));
)" + std::string(grid_finish)},
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
