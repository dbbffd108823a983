#pragma once
// AxesFrame: the frame of a 2-D plot, its ticks and tick labels, drawn in one call, and
// re-sent only when a tick or a label changes (a small drawer of the plot layer's own, for
// the streaming demo and benchmark; graphics' glyph collection will draw labels for
// figures).
//
//   plot::AxesFrame axes({.font = text::Font::open("DejaVu Sans"), .font_px = 12});
//   axes.set_rect(60, 40, 900, 520);            // window pixels, y up: x, y, width, height
//   axes.set_view(t - 2.0, t, 0, 8);            // data shown: x from t - 2 s to t, y 0..8
//   axes.draw();                                 // GL_TRIANGLES: frame, ticks, labels
//
// Ticks: matplotlib's defaults through Ticks.hpp, AutoLocator with nbins from
// tick_space(rect size, font size) and ScalarFormatter's labels for Scale::Linear, the
// DateLocator and DateFormatter for Scale::Time (x in seconds since 1970, or elapsed
// seconds), LogLocator and LogFormatter for Scale::Log, whose view is in decades (log10 of
// the data, as a log axes maps it: set_view(0, 3, ...) shows 1 to 1000) and whose ticks()
// are the log10 of LogLocator's ticks; SymmetricalLogLocator for Scale::SymLog, whose view
// is in symlog(v, linthresh) units and whose ticks are the symlog of the locator's (labels
// LogFormatter's). Only the ticks inside the view are drawn, and of their labels only those that
// fit apart (fit_labels, with text::Font's advance widths and a gap of half the font
// size; the same ticks keep their labels while the view scrolls).
//
// Text: a text::GlyphAtlas of hinted coverage glyphs (AtlasKind::Coverage) at font_px,
// drawn 1:1 at whole pixels; the digits, '.', '-', U+2212 and ':' are added at
// construction, so labels made of them add no texels later.
//
// Uploads: every quad (frame sides and ticks as 1-pixel quads, glyphs as textured ones)
// is stored once with its position as data coordinates (relative to the view when it
// was built) plus a pixel offset; the vertex shader maps data to pixels with two uniforms.
// So scrolling or zooming costs a uniform (u_map, 16 B) while the ticks and labels stay
// the same; when they change (a tick enters or leaves, a label's text changes, the rect
// changes) draw() rebuilds the vertex array and sends it whole: 40 B per vertex, six
// vertices per quad (vertex_bytes() says how many that is). Both axes' elements go in one
// glDrawArrays(GL_TRIANGLES).
//
// GL state: draw() enables GL_BLEND with straight alpha (SRC_ALPHA, ONE_MINUS_SRC_ALPHA)
// for the glyphs' coverage and restores the blend enable it found; it draws into the
// current viewport, whose size it reads (GL_VIEWPORT) to place the rect.
//
// Errors: a view of no width or not finite (ValueError, from the locators: "MaxNLocator::
// tick_values: ..."), a rect of no size (ValueError "AxesFrame::set_rect: ..."), a font
// size not in (0, 512] (ValueError). A throwing call changes nothing.

#include <glumpp/gloo/Buffer.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/plot/Colormap.hpp>
#include <glumpp/text/Font.hpp>

#include <memory>
#include <string>
#include <vector>

namespace glumpp::plot {

enum class Scale { Linear, Time, Log, SymLog };

class AxesFrame {
public:
    struct Spec {
        text::Font font;
        double font_px = 12;
        Rgba color{0, 0, 0, 1};     ///< frame, ticks and labels
        double tick_px = 5;          ///< tick length, outwards
        Scale x_scale = Scale::Linear;
        Scale y_scale = Scale::Linear;
        bool x_ticks = true;         ///< false: no x ticks or labels (a colorbar's)
        double linthresh = 2;        ///< Scale::SymLog's (matplotlib's default)
    };

    /// Compiles the program and fills the atlas with digits (a GL context must be current).
    explicit AxesFrame(Spec spec);
    AxesFrame(AxesFrame&&) noexcept;
    AxesFrame& operator=(AxesFrame&&) noexcept;
    ~AxesFrame();

    /// The plot's rectangle in window pixels, y up (GL's). No GL call.
    void set_rect(double x, double y, double width, double height);
    /// The data shown in the rect. Locates the ticks now (CPU), so a bad view throws here.
    /// No GL call.
    void set_view(double x0, double x1, double y0, double y1);

    /// Draws frame, ticks and labels: one glDrawArrays, after sending the vertices if
    /// the ticks or labels changed since the last draw.
    void draw();

    /// The labels drawn at the last set_view (x axis then y axis), for tests and demos.
    const std::vector<std::string>& x_labels() const;
    const std::vector<std::string>& y_labels() const;
    /// Ticks inside the view at the last set_view.
    const std::vector<double>& x_ticks() const;
    const std::vector<double>& y_ticks() const;
    /// Bytes of the vertex array the last rebuild sent (what a change of labels costs).
    std::size_t vertex_bytes() const;
    /// How many times the vertices were rebuilt.
    std::size_t rebuilds() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

} // namespace glumpp::plot
