#pragma once
// Figure and Axes: glumpy's matplotlib API (glumpy/api/matplotlib: figure.py, axes.py), a
// figure of axes laid out on a window's viewports, each axes with its own interaction and
// its own drawables.
//
//   app::Window window(options, plot::Figure::window_size({24, 12}).x, ..., "figure");
//   plot::Figure figure(window);                                  // facecolor .95 grey
//   plot::Axes& left = figure.add_axes({0.010, 0.01, 0.485, 0.98},
//       {.facecolor = {1, 0, 0, 0.25}, .aspect = 1, .interface = plot::Interface::Trackball});
//   plot::Axes& right = figure.add_axes({0.505, 0.01, 0.485, 0.98},
//       {.facecolor = {0, 0, 1, 0.25}, .aspect = 1, .interface = plot::Interface::PanZoom});
//   left.scatter(points);          // 3-D points through the axes' trackball
//   right.add_drawable(paths);     // any collection, through the axes' PanZoom
//   return app::run(window, options);
//
// Layout (glumpy's Axes.__init__): rect = (x, y, width, height) in fractions of the window
// (from its bottom left) becomes an app::Viewport child of the figure's root viewport with
// size (width, height), position (x + width / 2, y + height / 2), anchor (0.5, 0.5) and the
// aspect (height = aspect * width, shrunk to fit, as app::Viewport.hpp says), so each axes'
// extents are glumpy's to the pixel. Events reach the axes under the pointer (the
// viewports' routing): a drag in one axes pans or turns that one only.
//
// Coordinates: an axes shows data x, y in [-1, 1] (glumpy's normalized device coordinates
// of the axes' viewport, y up) unless AxesOptions::xlim/ylim say otherwise. The limits
// fill the viewport, x and y scaled apart (matplotlib's aspect "auto", glumpy's
// Position() interface: the NDC square stretched over the viewport); with equal_aspect
// they are fitted keeping their aspect ("meet": glumpy's PanZoom(aspect=1)). A trackball
// axes' projection follows the viewport's aspect itself.
//
// Interfaces (glumpy's `interface=`):
//   None       nothing moves (glumpy's Position()).
//   PanZoom    graphics::PanZoom over the axes' viewport: drag pans, scroll zooms about the
//              pointer, space resets. Drawables get it as their transform (u_view, one
//              uniform per collection and draw: panning uploads no vertex).
//   Trackball  transforms::Trackball (glumpy's defaults: distance 8, zoom 35, znear 2, and
//              its theta 45 / phi 45 unless set): drag turns, scroll zooms. Collections are
//              2-D (they map world to pixels with u_view alone), so a trackball axes
//              projects the 3-D data of scatter(), plot(), segments(), fill_between()
//              and bar() on the CPU with
//              the camera's matrices (the same float32 uniforms glumpy's shader would
//              get: ndc = P V M (projection(scales(p)), 1), in double), and only when the
//              camera or the viewport's size changed since the last draw: a still frame
//              uploads nothing, a turn re-sends the items' vertices (8 bytes a point,
//              36 a path segment). Drawables added with add_drawable() see the axes' fit
//              only. (A decision until collections take transform chains on the GPU.)
//
// The data chain (glumpy's interface(projection(scale(position)))): each point of
// scatter(), plot(), segments(), fill_between() and bar() goes through the axes' scales (x, y, z, each its own
// LinearScale) and its projection on the CPU when it is added (2-D axes: the result's x, y
// are world units of transform()) or at each projection (trackball axes).
//
// Decoration (AxesOptions::ticks): the frame, tick marks and tick labels of plot::AxesFrame
// along the axes' rectangle (labels outside it, in the figure's margin), for the data range
// the axes shows now: recomputed by matplotlib's locators (Ticks.hpp) whenever a pan or a
// zoom changes the range, labels that do not fit dropped (fit_labels). xlim()/ylim() give
// that range.
//
// Grid (AxesOptions::grid, with ticks): a 1-pixel line across the axes at every tick, one
// SegmentCollection item in the viewport's pixels, re-sent only when a line moves by a
// pixel or more (a pan or zoom does: 36 bytes a line; a still frame sends nothing).
// Title and axis labels (set_title, set_xlabel, set_ylabel; legend() texts too): a
// graphics::GlyphCollection (coverage glyphs, DejaVu
// Sans at 1.2 * font_px), one draw call for the three: the title centred above the rect,
// the x label centred below the tick labels, the y label turned 90 degrees left of them
// (4 * font_px from the rect: y tick labels wider than 3 font sizes reach under it). A
// label's text is re-shaped and re-sent only when set_* changes it, its origin only when
// the viewport moves.
//
// Log axes (xaxis / yaxis = Scale::Log, matplotlib's set_xscale("log")): the chain takes
// log10 of that coordinate first (then the LinearScale), so transform()'s world along it
// is in decades and a pan moves by decades; ticks are LogLocator's, labelled 10^k
// (LogFormatter). xlim/ylim are data units and must be positive (ValueError); xlim()
// returns data units. A value <= 0 on a log axis (matplotlib masks it, with a warning)
// becomes NaN: a gap, as below; the first such call of each axes says how many on
// std::cerr ("Axes::plot: 3 values <= 0 on a log axis masked"). SymLog axes (matplotlib's
// set_xscale("symlog", linthresh)) map v to plot::symlog(v, linthresh) the same way (any
// value: nothing is masked), with SymmetricalLogLocator's ticks.
//
// Gaps: a non-finite coordinate (NaN, inf) anywhere in the chain's result cuts a plot()
// line there (the runs on each side are drawn, none joins across), drops that point of a
// scatter() and that segment of segments(). An empty span adds an item that draws nothing.
//
// Drawing, per frame (the window's on_draw is the root viewport's): the figure clears the
// window to its facecolor (glClearColor, glClear of colour, depth, stencil); each axes, in
// the order added, clears its viewport (scissored) to its facecolor composited over the
// figure's (straight alpha: c = a * face + (1 - a) * figure, which is what glumpy's blended
// face quad leaves on the figure's uniform clear; one glClear instead of a program),
// then its grid, its images (one draw call each), its own collections (one draw call per
// kind used: fills, paths, segments, points, however many series), its drawables in the
// order added, its legend (box and lines: two), then its frame (two draw calls: frame
// and tick quads, tick labels) and labels (one), with glViewport/glScissor widened to the
// window for them and set back. An axes of any number of series of the four kinds with
// ticks, grid, labels and a legend makes 1 + 4 + 2 + 3 draw calls (plus one per image and
// per drawable); a figure of n axes,
// n + 1 clears.
//
// Errors: a rect whose width or height is not in (0, 1] or whose corner is not finite,
// limits of no width or not finite, an aspect that is not positive, a figsize or dpi that
// is not positive: ValueError "Figure::add_axes: ..." / "Figure::window_size: ..." naming
// the values; grid without ticks, ticks on a Trackball axes, a bad scale or linthresh
// (ValueError); nothing is added. scatter(), plot()...: their collections' errors.

#include <glumpp/app/Viewport.hpp>
#include <glumpp/app/Window.hpp>
#include <glumpp/graphics/Collection.hpp>
#include <glumpp/graphics/GlyphCollection.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PointCollection.hpp>
#include <glumpp/graphics/SegmentCollection.hpp>
#include <glumpp/graphics/TriangleCollection.hpp>
#include <glumpp/plot/AxesFrame.hpp>
#include <glumpp/plot/Colormap.hpp>
#include <glumpp/transforms/Cameras.hpp>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace glumpp::plot {

enum class Interface { None, PanZoom, Trackball };

/// glumpy's LinearScale(domain, range, clamp): t = (v - domain[0]) / (domain[1] -
/// domain[0]), clamped to [0, 1] when `clamp`, then range[0] + t (range[1] - range[0]).
struct LinearScale {
    std::array<double, 2> domain{-1, 1};
    std::array<double, 2> range{-1, 1};
    bool clamp = false;
    double operator()(double v) const;
};

/// glumpy's projections of an axes: none, or PolarProjection (origin 0): (rho, theta, z)
/// -> (rho cos theta, rho sin theta, z).
enum class Projection { Identity, Polar };

struct AxesOptions {
    Rgba facecolor{1, 1, 1, 1};        ///< glumpy's default: white
    std::optional<double> aspect;      ///< height = aspect * width (glumpy's Viewport)
    Interface interface = Interface::None;
    std::array<double, 2> xlim{-1, 1}; ///< data shown along x at rest (data units, log axes too)
    std::array<double, 2> ylim{-1, 1};
    bool equal_aspect = false;         ///< keep xlim/ylim's aspect (glumpy's PanZoom(aspect=1))
    Scale xaxis = Scale::Linear;       ///< Linear, Time (linear, date ticks), Log or SymLog (see the header)
    Scale yaxis = Scale::Linear;
    double linthresh = 2;              ///< SymLog axes' (matplotlib's default), > 0
    LinearScale xscale, yscale, zscale; ///< applied to the data first (glumpy's xscale, yscale, zscale)
    Projection projection = Projection::Identity; ///< then this
    std::optional<float> theta, phi;   ///< Trackball: start angles (degrees; glumpy's 45, 45 when unset)
    bool ticks = false;                ///< frame, ticks and tick labels (AxesFrame)
    bool grid = false;                 ///< grid lines at the ticks (needs ticks)
    Rgba grid_color{0.8f, 0.8f, 0.8f, 1};
    double font_px = 12;               ///< tick labels, DejaVu Sans; title and axis labels 1.2 times it
};

class Figure;

class Axes {
public:
    Axes(const Axes&) = delete;
    Axes& operator=(const Axes&) = delete;
    ~Axes();

    /// The axes' viewport (a child of the figure's root).
    app::Viewport& viewport() noexcept { return *viewport_; }
    /// The 2-D transform of drawables: the fit of xlim/ylim and, for Interface::PanZoom,
    /// the user's pan and zoom. Copies share its state.
    graphics::PanZoom& transform() noexcept { return view_; }
    /// The camera of an Interface::Trackball axes; ValueError "Axes::trackball: ..." otherwise.
    transforms::Trackball& trackball();
    Interface interface() const noexcept { return options_.interface; }

    /// glumpy's add_drawable: `collection` is drawn in this axes at every frame, through
    /// transform(). The collection must outlive the figure's drawing of it; the same
    /// collection may be added to several axes (each draws it through its own transform).
    void add_drawable(graphics::Collection& collection);

    /// A scatter plot (glumpy's PointCollection("agg"): size 3, black by default): one item
    /// of the axes' own point collection. Points are 3-D: x, y through transform() (z
    /// ignored), or through the trackball (see the header). Returns the item's number.
    std::size_t scatter(std::span<const glm::vec3> points, const graphics::PointStyle& style = {.size = 3});
    /// The axes' point collection (empty until scatter()).
    graphics::PointCollection& points();
    /// A line plot (glumpy's PathCollection("agg+"), 1 pixel, black by default): one
    /// polyline through `points` (3-D, through the chain), open unless `closed`. Widths are
    /// pixels on a trackball axes; on a 2-D axes world units, which grow with the zoom
    /// (graphics' strokes). Consecutive points that land on the same spot are merged.
    /// Returns the item's number in paths().
    std::size_t plot(std::span<const glm::vec3> points, const graphics::StrokeStyle& style = {}, bool closed = false);
    graphics::PathCollection& paths();
    /// Segments p0[k] -> p1[k] (glumpy's SegmentCollection("agg")), one item; ValueError
    /// "Axes::segments: ..." when the spans' sizes differ. Widths as plot()'s.
    std::size_t segments(std::span<const glm::vec3> p0, std::span<const glm::vec3> p1,
                         const graphics::StrokeStyle& style = {});
    graphics::SegmentCollection& segment_collection();
    /// matplotlib's fill_between(x, y1, y2): the area between the two curves, a quad (two
    /// triangles) per pair of consecutive samples, through the chain (z = 0); a quad with
    /// a non-finite corner is left out (a gap). One item of fills(). ValueError
    /// "Axes::fill_between: ..." when the sizes differ.
    std::size_t fill_between(std::span<const double> x, std::span<const double> y1, std::span<const double> y2,
                             const graphics::FillStyle& style = {.color = {0.12f, 0.47f, 0.71f, 1}});
    /// matplotlib's bar(x, height, width = 0.8, bottom = 0): a rectangle per bar centred at
    /// x[k], from bottom to bottom + height[k] (negative heights go down); bars with a
    /// non-finite value are left out. One item of fills(). ValueError "Axes::bar: ..." when
    /// the sizes differ or the width is not positive and finite.
    std::size_t bar(std::span<const double> x, std::span<const double> height, double width = 0.8, double bottom = 0,
                    const graphics::FillStyle& style = {.color = {0.12f, 0.47f, 0.71f, 1}});
    /// The axes' filled areas and bars (drawn below lines, segments and points).
    graphics::TriangleCollection& fills();
    /// matplotlib's imshow(values, cmap, vmin, vmax, extent) on a 2-D axes: `values`
    /// (rows, cols), any numeric dtype, copied into an R32F Texture2D (GL_NEAREST, as
    /// matplotlib shows data pixels) and drawn as one quad over extent = (left, right,
    /// bottom, top) in data units, row 0 at the top (matplotlib's origin "upper"); each
    /// fragment is cmap((v - vmin) / (vmax - vmin)) in GLSL (Colormap::glsl: NaN the bad
    /// colour, outside the under/over ones). image(i) is the texture: a write to it
    /// uploads only the written texels at the next draw. Drawn first, below the fills.
    /// ValueError "Axes::imshow: ..." for a trackball axes, values that are not 2-D or
    /// empty, vmin == vmax or either not finite. Returns the image's number.
    std::size_t imshow(const Array& values, const Colormap& cmap, double vmin, double vmax,
                       std::array<double, 4> extent = {-1, 1, -1, 1});
    gloo::Texture2D& image(std::size_t i);
    /// The data chain (log axes, scales, projection) of one point, as the axes applies it.
    glm::dvec3 chain(const glm::vec3& p) const;
    /// Values <= 0 masked on log axes so far.
    std::size_t masked() const noexcept { return masked_; }

    /// matplotlib's set_xlim / set_ylim: the axes shows [lo, hi] along that axis from now
    /// on (the other keeps what it shows now), the user's pan and zoom starting again from
    /// there: a rolling window is set_xlim(t - T, t) at every frame (a uniform each: no
    /// vertex is sent, only the grid and the ticks that change). The same ValueErrors as
    /// add_axes' xlim/ylim ("Axes::set_xlim: ...").
    void set_xlim(double lo, double hi);
    void set_ylim(double lo, double hi);
    /// The data range shown now: x from the viewport's left edge to its right, y from
    /// bottom to top.
    std::array<double, 2> xlim() const;
    std::array<double, 2> ylim() const;
    /// Title and axis labels (see the header); "" removes one. No GL call.
    void set_title(const std::string& text);
    void set_xlabel(const std::string& text);
    void set_ylabel(const std::string& text);
    /// matplotlib's legend(loc="upper right"): a white box with a grey 1-pixel frame in the
    /// axes' top-right corner (10 px in), one row per entry: a 20-pixel line of the entry's
    /// colour (3 px thick) and its text (font_px, in the labels' collection). Replaces the
    /// previous legend; an empty list removes it. Re-sent only when entries or the
    /// viewport change.
    struct LegendEntry {
        std::string text;
        Rgba color;
    };
    void legend(std::vector<LegendEntry> entries);
    /// The labels' collection (nullptr before the first set_* or legend).
    const graphics::GlyphCollection* labels() const noexcept { return labels_.get(); }
    /// The grid (nullptr unless AxesOptions::grid and ticks).
    const graphics::SegmentCollection* grid() const noexcept { return grid_.get(); }
    /// The decoration (nullptr unless AxesOptions::ticks).
    const AxesFrame* frame() const noexcept { return frame_.get(); }

private:
    friend class Figure;
    Axes(Figure& figure, app::Viewport& viewport, const AxesOptions& options);
    void draw();
    void project();
    std::vector<glm::dvec2> place(std::span<const glm::vec3> data) const;
    void count_masked(std::span<const glm::vec3> data, const char* caller);
    std::size_t masked_ = 0;

    Figure* figure_;
    app::Viewport* viewport_;
    AxesOptions options_;
    graphics::PanZoom view_;
    std::optional<transforms::Trackball> trackball_;
    std::vector<graphics::Collection*> drawables_;
    std::unique_ptr<graphics::PointCollection> points_;
    std::unique_ptr<graphics::PathCollection> paths_;
    std::unique_ptr<graphics::SegmentCollection> segments_;
    std::unique_ptr<graphics::TriangleCollection> fills_;
    struct Image;
    std::vector<std::unique_ptr<Image>> images_;
    std::size_t add_triangles(std::vector<glm::vec3> corners, const graphics::FillStyle& style);
    /// Trackball: the items as given, to project again when the camera moves.
    enum class Kind { Points, Path, Segments, Triangles };
    struct Item {
        Kind kind;
        std::size_t index;
        std::vector<glm::vec3> data; ///< Segments: p0, p1 interleaved; Triangles: three corners each
        bool closed = false;
    };
    std::vector<Item> items_;
    std::array<float, 50> projected_{}; ///< Trackball: the matrices and size of the last projection
    std::unique_ptr<AxesFrame> frame_;
    std::unique_ptr<graphics::SegmentCollection> grid_;
    std::vector<glm::vec2> grid_ends_; ///< the grid's segments as last sent
    app::Viewport::Rect labels_rect_{};
    std::unique_ptr<graphics::GlyphCollection> labels_;
    std::array<std::string, 3> texts_;    ///< title, xlabel, ylabel: labels 0, 1, 2
    void set_label(int which, const std::string& text);
    void ensure_labels();
    void place_legend();
    std::vector<LegendEntry> legend_;
    std::unique_ptr<graphics::TriangleCollection> legend_box_;
    std::unique_ptr<graphics::SegmentCollection> legend_lines_;
    app::Viewport::Rect legend_rect_{};
    bool legend_dirty_ = false;
    void place_labels();
    void update_grid();
    void set_lims(std::array<double, 2> x, std::array<double, 2> y, const char* caller);
};

struct FigureOptions {
    Rgba facecolor{0.95f, 0.95f, 0.95f, 1}; ///< glumpy's Figure color
};

class Figure {
public:
    /// glumpy's Figure(figsize, dpi): the window size it opens, round(figsize * dpi).
    static glm::ivec2 window_size(glm::dvec2 figsize = {10, 10}, double dpi = 72);

    /// Lays the figure out on `window` (its root viewport follows the window: resize,
    /// events, drawing). The window keeps handlers that point at the figure: the figure
    /// must live as long as the window dispatches events (declare it after the window).
    /// The window's own on_draw handlers still run before the figure's.
    explicit Figure(app::Window& window, FigureOptions options = {});
    Figure(const Figure&) = delete;
    Figure& operator=(const Figure&) = delete;
    ~Figure();

    /// glumpy's add_axes (see the header). The reference stays valid as long as the figure.
    Axes& add_axes(std::array<double, 4> rect = {0, 0, 1, 1}, const AxesOptions& options = {});
    /// matplotlib's colorbar: an axes at `rect` showing `cmap` from vmin (bottom) to vmax
    /// (top) as a 1 x 256 image filling it, with y ticks and labels of that range (no x
    /// ticks). The same ValueErrors as imshow and add_axes.
    Axes& colorbar(const Colormap& cmap, double vmin, double vmax, std::array<double, 4> rect);
    std::size_t size() const noexcept { return axes_.size(); }
    Axes& operator[](std::size_t i) const;
    app::Viewport& viewport() noexcept { return root_; }
    const Rgba& facecolor() const noexcept { return options_.facecolor; }
    app::Window& window() noexcept { return *window_; }

private:
    app::Window* window_;
    FigureOptions options_;
    app::Viewport root_;
    std::vector<std::unique_ptr<Axes>> axes_;
};

} // namespace glumpp::plot
