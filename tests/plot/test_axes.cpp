// AxesFrame on real GL: its ticks are the locators' (tested against matplotlib in
// test_ticks), drawn where the view puts them; scrolling within the same ticks sends no
// vertex, a change of ticks re-sends the vertex array once; bad input changes nothing.
#include <glumpp/plot/AxesFrame.hpp>
#include <glumpp/plot/Ticks.hpp>

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

TEST_F(Axes, ScrollingSendsUniformsAndAChangeOfTicksTheVerticesOnce) {
    test::RawTarget target(400, 300);
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0.5, 7.3, -2, 2);
    axes.draw();
    EXPECT_EQ(axes.rebuilds(), 1u);
    ctx.upload_log().clear();
    ctx.reset_frame_stats();
    axes.set_view(0.55, 7.35, -2, 2); // same ticks (1..7)
    axes.draw();
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    EXPECT_EQ(ctx.frame_stats().uniform_calls, 1u); // u_map
    EXPECT_EQ(ctx.frame_stats().uniform_bytes, 16u);
    EXPECT_EQ(axes.rebuilds(), 1u);
    axes.set_view(1.05, 8.05, -2, 2); // 8 enters
    ctx.upload_log().clear();
    axes.draw();
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].kind, gloo::UploadCall::Kind::BufferData);
    EXPECT_EQ(ctx.upload_log().calls()[0].size, axes.vertex_bytes());
    EXPECT_EQ(axes.rebuilds(), 2u);
}

TEST_F(Axes, BadInputIsRefusedAndChangesNothing) {
    auto axes = make();
    axes.set_rect(60, 40, 300, 200);
    axes.set_view(0, 1, 0, 1);
    const auto before = axes.x_ticks();
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_view(2, 2, 0, 1); }),
              "MaxNLocator::tick_values: the range [2, 2] has no width");
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_view(0, 1, 0, NAN); }),
              "MaxNLocator::tick_values: the range [0, nan] is not finite");
    EXPECT_EQ(axes.x_ticks(), before);
    EXPECT_EQ(test::message_of<ValueError>([&] { axes.set_rect(0, 0, 0, 10); }),
              "AxesFrame::set_rect: a rect of 0 x 10 at (0, 0) (at least 1 x 1, finite)");
    EXPECT_EQ(test::message_of<ValueError>([&] {
                  AxesFrame({.font = text::Font::open("DejaVu Sans"), .font_px = 0});
              }),
              "AxesFrame: a font size of 0 px (0 to 512)");
}
