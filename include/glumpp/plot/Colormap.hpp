#pragma once
// Colormaps: numbers in [0, 1] to colours, the same on the CPU and in GLSL.
//
//   auto cmap = plot::Colormap::named("viridis");   // KeyError listing the names if unknown
//   plot::Rgba c = cmap(0.25);                       // the CPU value
//   cmap.set_under({0, 0, 1, 1}).set_over({1, 0, 0, 1}).set_bad({0, 0, 0, 0});
//   // GLSL: declare the function in your shader, bind its uniforms and texture:
//   std::string fragment = "#version 330 core\n" + cmap.glsl("cmap") + R"(
//       in float v_value; out vec4 frag_color;
//       void main() { frag_color = cmap(v_value); })";
//   gloo::Program program(vertex, fragment);
//   cmap.bind(program, "cmap");                       // uniforms cmap_under/over/bad (+ cmap_lut)
//
// Two kinds of map, as their authors define them:
//  - glumpy's (hot, gray, cool, jet, wheel, autumn, winter, spring, summer, ice, fire,
//    icefire, reds, blues, greens): functions of t (glumpy/library/colormaps/*.glsl).
//    The GLSL is graphics::glsl's `colormaps/NAME.glsl` (the one GLSL copy of glumpy's
//    formulas, also behind the colormaps example; no texture: glumpy's colormaps example
//    says functions beat a 1-D lookup), each included piece under an #ifndef guard so
//    that one shader may hold glsl() of several maps. The CPU evaluates the same
//    formulas in double (Colormap.cpp, their only CPU copy). "jet" and "hot" are
//    glumpy's, which differ from matplotlib's maps of those names.
//  - matplotlib's perceptual ones (viridis, magma, inferno, plasma, cividis, turbo):
//    ListedColormaps of 256 entries. Looked up as matplotlib does, nearest entry below:
//    entry min(floor(t * 256), 255), so a CPU value equals matplotlib's `cmap(t)`. The
//    GLSL samples a 256-texel RGBA32F Texture1D with GL_NEAREST at t, the same entry.
//    The tables (src/plot/ColormapData.cpp) were generated from matplotlib's published
//    data by tests/tools/matplotlib_colormaps.py; that file names their authors and
//    licences (CC0 for viridis, magma, inferno, plasma; matplotlib's BSD-style licence for
//    cividis; Apache-2.0 for turbo). Debian's matplotlib is needed only to regenerate them
//    and by the tests.
//
// Out of range, as matplotlib: t < 0 is the under colour, t > 1 the over colour (t = 1
// is the last colour), NaN the bad colour. Defaults: under = map(0), over = map(1), bad =
// (0, 0, 0, 0) (matplotlib's). Decision: inside [0, 1] a glumpy map is exactly glumpy's
// function, so that the ports match glumpy's pictures; in particular icefire is black at
// exactly t = 1 (glumpy's segments are half-open), hence also its default over colour.
// glumpy's own under/over weighting (colormap_underover, which adds under and colour at
// t = 0) is not used: here t = 0 is map(0). +-inf are under/over, as NumPy orders them.
//
// A Colormap is a value (copies are independent: set_under on one leaves the others),
// cheap to copy (the map's definition and its texture are shared). texture() makes the 1-D lookup texture (listed
// maps: the table; function maps: 256 samples at entry centres, for users who want one
// sampler for every map) and bind() hands it to a program, which uploads it at its first
// draw (one glTexImage1D, 4 KiB) and never again.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::plot {

/// A colour: straight (not premultiplied) RGBA, each in [0, 1].
struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

class Colormap {
public:
    /// One of names(); KeyError "Colormap::named: no colormap 'x' (known: autumn, ...)".
    static Colormap named(std::string_view name);
    /// Every name named() knows, sorted.
    static std::vector<std::string> names();

    /// The colour at t (see above for t outside [0, 1] and NaN). No GL.
    Rgba operator()(double t) const;
    /// Colours of many values at once: an (n, 4) float32 array.
    Array operator()(std::span<const double> values) const;

    const std::string& name() const;
    /// True for matplotlib's listed maps (a table looked up by entry), false for glumpy's
    /// functions.
    bool is_listed() const;

    Colormap& set_under(Rgba c);
    Colormap& set_over(Rgba c);
    Colormap& set_bad(Rgba c);
    Rgba under() const;
    Rgba over() const;
    Rgba bad() const;

    /// GLSL declaring `uniform vec4 PREFIX_under, PREFIX_over, PREFIX_bad;`, for listed
    /// maps `uniform sampler1D PREFIX_lut;`, and `vec4 PREFIX(float t)`, which gives what
    /// operator() gives (isnan: bad; < 0: under; > 1: over). No GL.
    std::string glsl(std::string_view prefix) const;
    /// Sets PREFIX_under/over/bad (and PREFIX_lut to texture()) on a program whose source
    /// holds glsl(PREFIX): uploaded at its next draw, only when changed (Program's cache).
    /// The texture is made once per named() call and shared by that map's copies, so it
    /// belongs to the GL context of its first draw (a second context: call named() again).
    void bind(gloo::Program& program, std::string_view prefix) const;
    /// The 256-entry lookup texture: RGBA32F, GL_NEAREST, clamped. Made on the first call
    /// (no GL until a draw samples it).
    gloo::Texture1D texture() const;

    struct Definition; ///< the map itself (Colormap.cpp), shared by copies

private:
    explicit Colormap(std::shared_ptr<const Definition> d);
    std::shared_ptr<const Definition> def_;
    Rgba under_, over_, bad_{0, 0, 0, 0};
};

} // namespace glumpp::plot
