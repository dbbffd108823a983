#pragma once
// glsl: a table of named GLSL pieces standing in for glumpy's shader library
// (glumpy.library) where glumpp's ports use it, and glumpy's `#include "name"` for shader
// sources.
//
//   std::string fragment = "#version 330 core\n" + graphics::glsl::merge_includes(R"(
//       #include "colormaps/colormaps.glsl"
//       out vec4 frag_color;
//       void main() { frag_color = vec4(colormap_hot(gl_FragCoord.x / 512.0), 1.0); }
//   )");
//   gloo::Program program(vertex, fragment);
//   gloo::Program grid(vertex, "#version 330 core\n" + std::string(graphics::glsl::get("misc/regular-grid.frag")));
//
// Names, function names and uniforms are glumpy's library paths and interfaces, so that
// glumpy's scripts find what they include and call; the code is glumpp's own, written for
// GLSL 3.30 core (in, texture(), an `out vec4 frag_color`) to compute what glumpy's does
// (the same formulas, so that the ports' golden tests against glumpy's screenshots hold),
// and has no #version line, so that it can follow the one the caller writes. Only the
// functions the ports use are here (glumpy's files hold more overloads and variants):
//   colormaps/util.glsl        colormap_segment, colormap_underover (vec3), and glumpp's
//                              colormap_three (the blend behind fire and ice)
//   colormaps/NAME.glsl        vec3 colormap_NAME(float t) for NAME in gray, hot, cool, jet,
//                              wheel, stripes, discrete, autumn, winter, spring, summer, ice,
//                              fire, icefire, reds, blues, greens; gray also has
//                              (t, vec3 under, vec3 over)
//   colormaps/colormaps.glsl   includes all of the above
//   antialias/filled.glsl      vec4 filled(distance, linewidth, antialias, color)
//   markers/square.glsl        float marker_square(vec2 P, float size)
//   misc/regular-grid.frag     a whole fragment shader (a main()) with glumpy's uniforms
//                              and inputs: a Hammer projection grid (gloo-regular-grids)
//   misc/irregular-grid.frag   likewise: a polar grid whose lines come from a texture
//                              (gloo-irregular-grids)
// Colormap values: the GPU's float arithmetic on glumpy's formulas (they are glumpy's own
// colormaps, not matplotlib's: glumpy's hot is smoothsteps, for instance).
//
// No GL call anywhere here: these are strings, compiled with the program that uses them.

#include <string>
#include <string_view>
#include <vector>

namespace glumpp::graphics::glsl {

/// The text named `name` (see above), as written in the table: its own `#include` lines
/// are not merged (pass it through merge_includes for that; the .frag pieces have none).
/// The view stays valid for the program's lifetime (the table is built once, at the first
/// call). KeyError "glsl::get: no GLSL named 'NAME'; names: ..." for a name the table lacks.
std::string_view get(std::string_view name);

/// Every name in the table, sorted.
std::vector<std::string> names();

/// glumpy's merge_includes: every `#include "NAME"` directive in `source` (and in what it
/// brings in) is replaced by get(NAME) between two comment lines, `// --- start of "NAME"
/// ---` and `// --- end of "NAME" ---` (glumpy's), each name once: a name already included
/// becomes nothing, as an include guard would make it. A directive is a line starting
/// with optional blanks, `#`, optional blanks, `include`, optional blanks and a quoted name;
/// the rest of its line (a comment, say) goes with it. (glumpy's pattern also matches in the
/// middle of a line, inside comments too: this does not.) Text outside the directives is kept as written. Terminates on any input (each of the table's names is expanded at most once).
/// KeyError "glsl::merge_includes: no GLSL named 'NAME' (line L of the source); names: ..."
/// for a name the table lacks, L being the line of `source` whose directive (or whose
/// included text) asked for it; nothing is returned then. A directive without its closing
/// quote is left as written, for the GLSL compiler to report.
std::string merge_includes(std::string_view source);

} // namespace glumpp::graphics::glsl
