#pragma once
// AxesFrame: the frame of a 2-D plot, its ticks and tick labels, drawn in two calls, and
// re-sent only when a tick or a label changes (the frame and ticks are the plot layer's
// own quads; the labels are a graphics::GlyphCollection's).
//
//   plot::AxesFrame axes({.font = text::Font::open("DejaVu Sans"), .font_px = 12});
//   axes.set_rect(60, 40, 900, 520);            // window pixels, y up: x, y, width, height
//   axes.set_view(t - 2.0, t, 0, 8);            // data shown: x from t - 2 s to t, y 0..8
//   axes.draw();                                 // frame and ticks, then the labels
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
// Text: a graphics::GlyphCollection in Mode::Coverage (hinted coverage glyphs at font_px,
// drawn texel for pixel), default transform (window pixels, y up), Placement::Screen: x
// labels centred under their tick (AnchorX::Center, AnchorY::Top a 3-pixel pad below the
// tick), y labels right-aligned left of it (AnchorX::Right, AnchorY::Middle), at whole
// pixels. Its shaping cache makes a label shown before a lookup.
//
// Uploads: the frame sides and ticks are 1-pixel quads stored once with their position as
// data coordinates (relative to the view when they were built) plus a pixel offset; the
// vertex shader maps data to pixels with two uniforms. So scrolling or zooming costs a
// uniform (u_map, 16 B) for them while the ticks stay the same; when they change (a tick
// enters or leaves, the rect changes) draw() rebuilds their vertex array and sends it
// whole: 32 B per vertex, six vertices per quad (vertex_bytes() says how many that is).
// Labels are kept by what they show (axis, tick, text): a label still shown keeps its
// slot and, when its whole pixel moved, sends its origin (one texel of its record; a
// scroll moves every x label, a sub-pixel one none); a new label takes a freed slot of
// its axis (its glyph records: 8 x 36 B for up to 8 glyphs) or is appended; a label no
// longer shown is emptied, its slot kept. So a tick change sends only the changed labels'
// glyphs. One glDrawArrays(GL_TRIANGLES) for both axes' quads, one
// glDrawArraysInstanced for every label (GlyphCollection::draw).
//
// GL state: draw() enables GL_BLEND with straight alpha (SRC_ALPHA, ONE_MINUS_SRC_ALPHA)
// for a translucent colour and the glyphs' coverage, and puts back the blend enable and
// the four blend factors it found (glGetIntegerv GL_BLEND_SRC/DST_RGB/ALPHA, then
// glBlendFuncSeparate; GlyphCollection::draw does the same for the labels); it draws into
// the current viewport, whose size it reads (GL_VIEWPORT) to place the rect.
//
// Inverted axes (matplotlib's invert_xaxis): a view with x1 < x0 (or y1 < y0) has the
// ticks and labels of the upright view, drawn mirrored (x0 at the rect's left edge); the
// labels that fit are chosen on the mirrored pixels, so they are the upright ones.
//
// Errors: a view of no width or not finite (ValueError "AxesFrame::set_view: the view x
// [x0, x1], y [y0, y1]: " and the locator's words, "MaxNLocator::tick_values: ..."), a
// rect of no size (ValueError "AxesFrame::set_rect: ..."), a font size not in (0, 512]
// (ValueError). A throwing call changes nothing.

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

    /// Compiles the frame's program (a GL context must be current); the labels' collection
    /// makes no GL call until the first draw.
    explicit AxesFrame(Spec spec);
    AxesFrame(AxesFrame&&) noexcept;
    AxesFrame& operator=(AxesFrame&&) noexcept;
    ~AxesFrame();

    /// The plot's rectangle in window pixels, y up (GL's). A new size locates the ticks
    /// again for the view shown (how many fit depends on it). No GL call.
    void set_rect(double x, double y, double width, double height);
    /// The data shown in the rect (x1 < x0 or y1 < y0: that axis inverted). Locates the
    /// ticks now (CPU), so a bad view throws here. No GL call.
    void set_view(double x0, double x1, double y0, double y1);

    /// Draws frame and ticks (one glDrawArrays, after sending their vertices if the ticks
    /// changed since the last draw), then the labels (GlyphCollection::draw, which sends
    /// the changed labels' records and glyphs only).
    void draw();

    /// The labels drawn at the last set_view (x axis then y axis), for tests and demos.
    const std::vector<std::string>& x_labels() const;
    const std::vector<std::string>& y_labels() const;
    /// Ticks inside the view at the last set_view.
    const std::vector<double>& x_ticks() const;
    const std::vector<double>& y_ticks() const;
    /// Bytes of the frame and ticks' vertex array the last rebuild sent (a change of ticks
    /// costs that, plus the changed labels).
    std::size_t vertex_bytes() const;
    /// How many times the vertices were rebuilt.
    std::size_t rebuilds() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

} // namespace glumpp::plot
