// AxesFrame on real GL: its ticks are the locators' (tested against matplotlib in
// test_ticks), drawn where the view puts them; scrolling within the same ticks sends no
// vertex, a change of ticks re-sends the vertex array once and only the changed labels;
// bad input changes nothing.
#include <glumpp/plot/AxesFrame.hpp>
#include <glumpp/plot/Ticks.hpp>
#include <glumpp/graphics/GlyphCollection.hpp>

#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <cmath>

using namespace glumpp;
using namespace glumpp::plot;

namespace {

class Axes : public test::GLTest {
protected:
    AxesFrame make() { return AxesFrame({.font = text::Font::open("DejaVu Sans"), .font_px = 12, .color = {1, 1, 1, 1}}); }
};

} // namespace

TEST_F(Axes, TicksAndLabelsAreTheLocatorsAndFormatters) {
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0.5, 7.3, -2, 2);
    const auto all = AutoLocator(tick_space(300, 12, Axis::X)).tick_values(0.5, 7.3);
    EXPECT_EQ(axes.x_ticks(), visible(all, 0.5, 7.3));
    const auto texts = ScalarFormatter().format_ticks(all);
    ASSERT_EQ(axes.x_labels().size(), axes.x_ticks().size());
    std::size_t shown = 0;
    for (std::size_t k = 0, j = 0; k < all.size(); ++k) {
        if (all[k] < 0.5 || all[k] > 7.3) continue;
        // A label is the formatter's text or dropped (""), never another text.
        EXPECT_TRUE(axes.x_labels()[j].empty() || axes.x_labels()[j] == texts[k]) << axes.x_labels()[j];
        shown += !axes.x_labels()[j].empty();
        ++j;
    }
    EXPECT_GE(shown, 2u);
    EXPECT_EQ(axes.y_ticks(), visible(AutoLocator(tick_space(200, 12, Axis::Y)).tick_values(-2, 2), -2, 2));
}

TEST_F(Axes, FrameAndTickMarksAreWhereTheViewPutsThem) {
    const int W = 400, H = 300;
    test::RawTarget target(W, H);
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0.5, 7.3, -2, 2);
    axes.draw();
    // The frame's sides.
    EXPECT_GT(target.pixel(200, 40)[0], 200);  // bottom
    EXPECT_GT(target.pixel(200, 239)[0], 200); // top
    EXPECT_GT(target.pixel(60, 150)[0], 200);  // left
    EXPECT_GT(target.pixel(359, 150)[0], 200); // right
    EXPECT_EQ(target.pixel(200, 150)[0], 0);   // inside: nothing
    // Each x tick: a mark below the frame at its pixel, and nothing halfway between.
    const auto& ticks = axes.x_ticks();
    ASSERT_GE(ticks.size(), 2u);
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const int x = static_cast<int>(std::floor(60 + (ticks[k] - 0.5) / 6.8 * 300 + 0.5));
        EXPECT_GT(std::max(target.pixel(x, 37)[0], target.pixel(x - 1, 37)[0]), 200) << ticks[k];
        if (k + 1 < ticks.size()) {
            const int mid = static_cast<int>(60 + ((ticks[k] + ticks[k + 1]) / 2 - 0.5) / 6.8 * 300);
            EXPECT_EQ(target.pixel(mid, 37)[0], 0) << "between " << ticks[k];
        }
    }
    // Labels below the marks: ink in the band under each labelled tick.
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        if (axes.x_labels()[k].empty()) continue;
        const int x = static_cast<int>(60 + (ticks[k] - 0.5) / 6.8 * 300);
        int ink = 0;
        for (int y = 10; y < 34; ++y)
            for (int dx = -8; dx <= 8; ++dx) ink += target.pixel(x + dx, y)[0] > 128;
        EXPECT_GT(ink, 5) << "label " << axes.x_labels()[k];
    }
}

// An inverted view (x1 < x0, y1 < y0; matplotlib's invert_xaxis) has the same ticks and
// labels as the upright one, drawn mirrored: the mark of tick t at x0 - t's pixel from
// the left, its label's ink under it, and the y marks likewise from the top.
TEST_F(Axes, InvertedViewsHaveTheSameTicksDrawnMirrored) {
    const int W = 400, H = 300;
    test::RawTarget target(W, H);
    auto upright = make(), axes = make();
    upright.set_rect(60, 40, 300, 200);
    upright.set_view(0.5, 7.3, -2, 2);
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(7.3, 0.5, 2, -2);
    EXPECT_EQ(axes.x_ticks(), upright.x_ticks());
    EXPECT_EQ(axes.x_labels(), upright.x_labels());
    EXPECT_EQ(axes.y_ticks(), upright.y_ticks());
    EXPECT_EQ(axes.y_labels(), upright.y_labels());
    axes.draw();
    const auto& ticks = axes.x_ticks();
    ASSERT_GE(ticks.size(), 2u);
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const double at = 60 + (7.3 - ticks[k]) / 6.8 * 300;
        const int x = static_cast<int>(std::floor(at + 0.5));
        EXPECT_GT(std::max(target.pixel(x, 37)[0], target.pixel(x - 1, 37)[0]), 200) << ticks[k];
        if (k + 1 < ticks.size()) {
            const int mid = static_cast<int>(60 + (7.3 - (ticks[k] + ticks[k + 1]) / 2) / 6.8 * 300);
            EXPECT_EQ(target.pixel(mid, 37)[0], 0) << "between " << ticks[k];
        }
        if (axes.x_labels()[k].empty()) continue;
        int ink = 0;
        for (int y = 10; y < 34; ++y)
            for (int dx = -8; dx <= 8; ++dx) ink += target.pixel(static_cast<int>(at) + dx, y)[0] > 128;
        EXPECT_GT(ink, 5) << "label " << axes.x_labels()[k];
    }
    for (double t : axes.y_ticks()) {
        const int y = static_cast<int>(std::floor(40 + (2 - t) / 4 * 200 + 0.5));
        EXPECT_GT(std::max(target.pixel(57, y)[0], target.pixel(57, y - 1)[0]), 200) << t;
    }
}

// draw() leaves the caller's blending as it found it: the enable and all four factors.
TEST_F(Axes, DrawRestoresTheBlendEnableAndFunction) {
    test::RawTarget target(400, 300);
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0.5, 7.3, -2, 2);
    for (bool enabled : {false, true}) {
        if (enabled) glEnable(GL_BLEND);
        else glDisable(GL_BLEND);
        glBlendFuncSeparate(GL_ONE, GL_ZERO, GL_DST_ALPHA, GL_ONE_MINUS_CONSTANT_COLOR);
        axes.draw();
        GLint f[4];
        glGetIntegerv(GL_BLEND_SRC_RGB, &f[0]);
        glGetIntegerv(GL_BLEND_DST_RGB, &f[1]);
        glGetIntegerv(GL_BLEND_SRC_ALPHA, &f[2]);
        glGetIntegerv(GL_BLEND_DST_ALPHA, &f[3]);
        EXPECT_EQ(glIsEnabled(GL_BLEND), enabled ? GL_TRUE : GL_FALSE);
        EXPECT_EQ(f[0], GL_ONE);
        EXPECT_EQ(f[1], GL_ZERO);
        EXPECT_EQ(f[2], GL_DST_ALPHA);
        EXPECT_EQ(f[3], GL_ONE_MINUS_CONSTANT_COLOR);
    }
    EXPECT_GT(target.count_nonblack(), 0);
}

// set_rect locates again: the rect's size is how many ticks fit (tick_space).
TEST_F(Axes, ARectChangeLocatesTheTicksAgain) {
    auto axes = make();
    axes.set_rect(60, 40, 100, 200);
    axes.set_view(0, 7.3, -2, 2);
    const auto narrow = visible(AutoLocator(tick_space(100, 12, Axis::X)).tick_values(0, 7.3), 0, 7.3);
    const auto wide = visible(AutoLocator(tick_space(1200, 12, Axis::X)).tick_values(0, 7.3), 0, 7.3);
    ASSERT_NE(narrow, wide);
    EXPECT_EQ(axes.x_ticks(), narrow);
    axes.set_rect(60, 40, 1200, 200);
    EXPECT_EQ(axes.x_ticks(), wide);
    EXPECT_EQ(axes.x_labels().size(), wide.size());
    EXPECT_EQ(axes.y_ticks(), visible(AutoLocator(tick_space(200, 12, Axis::Y)).tick_values(-2, 2), -2, 2));
    axes.set_rect(60, 40, 1200, 40);
    EXPECT_EQ(axes.y_ticks(), visible(AutoLocator(tick_space(40, 12, Axis::Y)).tick_values(-2, 2), -2, 2));
}

// What a frame sends, by kind: the frame and ticks' vertex array (BufferData), the labels'
// glyph records (BufferSubData on the collection's buffer) and label records (TexSubImage
// of its 16-byte texels).
struct Sent {
    std::size_t vertex_bytes = 0, glyph_bytes = 0, record_bytes = 0, calls = 0;
};
Sent sent(gloo::Context& ctx) {
    Sent out;
    for (const auto& c : ctx.upload_log().calls()) {
        ++out.calls;
        if (c.kind == gloo::UploadCall::Kind::BufferData) out.vertex_bytes += c.size;
        else if (c.kind == gloo::UploadCall::Kind::TexSubImage) out.record_bytes += c.size;
        else out.glyph_bytes += c.size;
    }
    return out;
}

// Scrolling within the same ticks sends u_map and, for each label whose pixel changed,
// its origin (a texel of its record); a tick entering re-sends the frame and ticks'
// vertices once and the glyphs of the one new label only (its slot of 8 records), not the
// others'. 300 px over 6 units: 50 px a unit, the ticks 1..6 at whole pixels 85..335.
TEST_F(Axes, ScrollingSendsUniformsAndOriginsAndANewTickOnlyItsLabel) {
    test::RawTarget target(400, 300);
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0.5, 6.5, -2, 2);
    axes.draw();
    EXPECT_EQ(axes.rebuilds(), 1u);
    std::size_t x_labels = 0;
    for (const auto& l : axes.x_labels()) x_labels += !l.empty();
    ASSERT_GE(x_labels, 2u);
    // A sub-pixel scroll (0.05 px) moves no label's pixel: nothing is sent.
    ctx.upload_log().clear();
    axes.set_view(0.501, 6.501, -2, 2);
    axes.draw();
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    // 2 px to the left, same ticks: only the x labels' records (they come first, 3 texels
    // each: the y labels' are not reached), no vertex, no glyph.
    ctx.upload_log().clear();
    axes.set_view(0.54, 6.54, -2, 2);
    axes.draw();
    Sent s = sent(ctx);
    EXPECT_EQ(s.vertex_bytes, 0u);
    EXPECT_EQ(s.glyph_bytes, 0u);
    EXPECT_GE(s.record_bytes, 16u * x_labels);
    EXPECT_LE(s.record_bytes, graphics::GlyphCollection::label_bytes * x_labels);
    EXPECT_EQ(axes.rebuilds(), 1u);
    // 7 enters: frame + ticks once, and the glyphs of label "7" (one slot of 8 records);
    // the x labels' records again (they moved 25 px), "7"'s record appended after the y
    // labels' (the record texture's update is one rectangle over its row, from the first
    // changed texel to the last, so it spans the y labels' records too), and the atlas's
    // new glyph's texels (at most a 12 x 12 coverage glyph).
    std::size_t y_labels = 0;
    for (const auto& l : axes.y_labels()) y_labels += !l.empty();
    axes.set_view(1.0, 7.0, -2, 2);
    ASSERT_EQ(axes.x_labels().back(), "7");
    ctx.upload_log().clear();
    axes.draw();
    s = sent(ctx);
    EXPECT_EQ(s.vertex_bytes, axes.vertex_bytes());
    EXPECT_EQ(s.glyph_bytes, graphics::GlyphCollection::slot_rounding * graphics::GlyphCollection::glyph_bytes);
    EXPECT_LE(s.record_bytes, graphics::GlyphCollection::label_bytes * (x_labels + y_labels + 1) + 12 * 12);
    EXPECT_EQ(axes.rebuilds(), 2u);
}

TEST_F(Axes, BadInputIsRefusedAndChangesNothing) {
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0, 1, 0, 1);
    const auto before = axes.x_ticks();
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_view(2, 2, 0, 1); }),
              "AxesFrame::set_view: the view x [2, 2], y [0, 1]: MaxNLocator::tick_values: the range [2, 2] has no width");
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_view(0, 1, 0, NAN); }),
              "AxesFrame::set_view: the view x [0, 1], y [0, nan]: MaxNLocator::tick_values: the range [0, nan] is not "
              "finite");
    EXPECT_EQ(axes.x_ticks(), before);
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_rect(0, 0, 0, 10); }),
              "AxesFrame::set_rect: a rect of 0 x 10 at (0, 0) (at least 1 x 1, finite)");
    EXPECT_EQ(test::message_of<ValueError>([&] {
                  AxesFrame({.font = text::Font::open("DejaVu Sans"), .font_px = 0});
              }),
              "AxesFrame: a font size of 0 px (0 to 512)");
}
