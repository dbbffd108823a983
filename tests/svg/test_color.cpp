// Colors and paints: every keyword, hex forms, rgb()/rgba(), paints, exact errors.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Color.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using glumpp::ParseError;
using glumpp::svg::Color;
using glumpp::svg::Paint;
using glumpp::test::message_of;

TEST(Color, KeywordsAreSvgsListPlusRebeccapurple) {
    const auto names = Color::names();
    EXPECT_EQ(names.size(), 148u);
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    for (const auto name : names) EXPECT_TRUE(Color::named(name).has_value()) << name;
    // Spot checks across the table, including both spellings of grey and the CSS 2 basics
    // that differ from X11's (gray, green, maroon, purple).
    EXPECT_EQ(Color::parse("lightgoldenrodyellow"), Color::rgb8(250, 250, 210));
    EXPECT_EQ(Color::parse("gray"), Color::rgb8(128, 128, 128));
    EXPECT_EQ(Color::parse("grey"), Color::rgb8(128, 128, 128));
    EXPECT_EQ(Color::parse("darkslategrey"), Color::rgb8(47, 79, 79));
    EXPECT_EQ(Color::parse("green"), Color::rgb8(0, 128, 0));
    EXPECT_EQ(Color::parse("maroon"), Color::rgb8(128, 0, 0));
    EXPECT_EQ(Color::parse("purple"), Color::rgb8(128, 0, 128));
    EXPECT_EQ(Color::parse("aliceblue"), Color::rgb8(240, 248, 255));
    EXPECT_EQ(Color::parse("yellowgreen"), Color::rgb8(154, 205, 50));
    EXPECT_EQ(Color::parse("rebeccapurple"), Color::rgb8(102, 51, 153));
    EXPECT_EQ(Color::parse("  RED \n"), Color::rgb8(255, 0, 0));
    EXPECT_EQ(Color::parse("transparent"), (Color{0, 0, 0, 0}));
    EXPECT_FALSE(Color::named("transparent"));
    EXPECT_FALSE(Color::named("bogus"));
}

TEST(Color, Hex) {
    EXPECT_EQ(Color::parse("#ff8000"), Color::rgb8(255, 128, 0));
    EXPECT_EQ(Color::parse("#FF8000"), Color::rgb8(255, 128, 0));
    EXPECT_EQ(Color::parse("#f80"), Color::rgb8(255, 136, 0));
    EXPECT_EQ(Color::parse("#f808"), Color::rgb8(255, 136, 0, 136));
    EXPECT_EQ(Color::parse("#11223344"), Color::rgb8(0x11, 0x22, 0x33, 0x44));
}

TEST(Color, RgbFunctions) {
    EXPECT_EQ(Color::parse("rgb(255, 0, 128)"), Color::rgb8(255, 0, 128));
    EXPECT_EQ(Color::parse("rgb(100%,0%,50%)"), (Color{1.0f, 0.0f, 0.5f, 1.0f}));
    EXPECT_EQ(Color::parse("RGB( 300 , -20 , 0 )"), Color::rgb8(255, 0, 0)); // clamped
    EXPECT_EQ(Color::parse("rgba(0, 0, 255, 0.5)"), (Color{0.0f, 0.0f, 1.0f, 0.5f}));
    EXPECT_EQ(Color::parse("rgba(0, 0, 255, 25%)"), (Color{0.0f, 0.0f, 1.0f, 0.25f}));
}

TEST(Color, ExactErrors) {
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("bogus"); }), "Color::parse: unknown color \"bogus\"");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse(""); }), "Color::parse: empty color");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("#12"); }),
              "Color::parse: bad hex color \"#12\" (expected #rgb, #rgba, #rrggbb or #rrggbbaa)");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("#12345g"); }),
              "Color::parse: bad hex color \"#12345g\" (expected #rgb, #rgba, #rrggbb or #rrggbbaa)");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("rgb(1,2)"); }),
              "Color::parse: expected ',' at character 8 of \"rgb(1,2)\"");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("rgb(1,x,3)"); }),
              "Color::parse: expected a number at character 7 of \"rgb(1,x,3)\"");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("rgb(1,2,3"); }),
              "Color::parse: expected ')' at the end of \"rgb(1,2,3\"");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("rgb(1,2,3) x"); }),
              "Color::parse: unexpected text after ')' at character 11 of \"rgb(1,2,3) x\"");
    EXPECT_EQ(message_of<ParseError>([] { Color::parse("none"); }),
              "Color::parse: \"none\" is a paint, not a color (Paint::parse reads it)");
}

TEST(Paint, Kinds) {
    EXPECT_EQ(Paint::parse("none"), Paint::none());
    EXPECT_EQ(Paint::parse("currentColor").kind, Paint::Kind::CurrentColor);
    EXPECT_EQ(Paint::parse("CURRENTCOLOR").kind, Paint::Kind::CurrentColor);
    EXPECT_EQ(Paint::parse("#00ff00"), Paint::solid(Color::rgb8(0, 255, 0)));
    const Paint url = Paint::parse("url(#grad)");
    EXPECT_EQ(url.kind, Paint::Kind::None);
    EXPECT_EQ(url.url, "#grad");
    const Paint fallback = Paint::parse("url(#grad) red");
    EXPECT_EQ(fallback.kind, Paint::Kind::Color);
    EXPECT_EQ(fallback.color, Color::rgb8(255, 0, 0));
    EXPECT_EQ(fallback.url, "#grad");
    EXPECT_EQ(message_of<ParseError>([] { Paint::parse("blurple"); }), "Paint::parse: unknown color \"blurple\"");
    EXPECT_EQ(message_of<ParseError>([] { Paint::parse("url(#a"); }), "Paint::parse: missing ')' in \"url(#a\"");
}
