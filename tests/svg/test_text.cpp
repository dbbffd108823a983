// <text> and <tspan> read into svg::Text (Shape.hpp): spans, white space, positions, the
// inherited font properties, warnings and the character limit.
#include <glumpp/svg/Document.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace glumpp::svg;

namespace {

Document svg(const std::string& body) {
    return Document::parse("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">" + body + "</svg>");
}

const Text& only_text(const Document& d) {
    EXPECT_EQ(d.shapes().size(), 1u);
    EXPECT_TRUE(d.shapes().at(0).text.has_value());
    return *d.shapes().at(0).text;
}

std::vector<std::string> characters(const Text& t) {
    std::vector<std::string> out;
    for (const TextSpan& s : t.spans) out.push_back(s.characters);
    return out;
}

} // namespace

TEST(SvgText, OneShapeWithSpansInOrder) {
    const Document d = svg(R"x(<text id="t" x="5" y="20" fill="red">Hello <tspan fill="blue">big</tspan> world</text>)x");
    ASSERT_EQ(d.shapes().size(), 1u);
    const Shape& s = d.shapes()[0];
    EXPECT_EQ(s.element, "text");
    EXPECT_EQ(s.id, "t");
    EXPECT_TRUE(s.subpaths.empty()); // outlined by a renderer
    ASSERT_TRUE(s.fill);
    EXPECT_EQ(s.fill->color, Color::rgb8(255, 0, 0));
    const Text& t = *s.text;
    EXPECT_EQ(characters(t), (std::vector<std::string>{"Hello ", "big", " world"}));
    ASSERT_TRUE(t.spans[1].fill);
    EXPECT_EQ(t.spans[1].fill->color, Color::rgb8(0, 0, 255));
    EXPECT_EQ(t.spans[2].fill->color, Color::rgb8(255, 0, 0)); // back to the text's paint
    EXPECT_EQ(t.spans[0].x, (std::vector<std::optional<double>>{5.0}));
    EXPECT_EQ(t.spans[0].y, (std::vector<std::optional<double>>{20.0}));
    EXPECT_TRUE(t.spans[1].x.empty());
    EXPECT_EQ(t.tolerance, default_tolerance);
    EXPECT_TRUE(d.warnings().empty());
}

TEST(SvgText, DefaultWhiteSpaceCollapsesAcrossSpansAndStripsTheEnds) {
    const Document d = svg("<text>\n   a\t\t b  <tspan>  c\n</tspan>  d  \n</text>");
    EXPECT_EQ(characters(only_text(d)), (std::vector<std::string>{"a b ", "c", " d"}));
    // Nothing but white space: no text at all.
    EXPECT_TRUE(svg("<text> \n\t </text>").shapes().empty());
}

TEST(SvgText, PreserveKeepsSpacesAndTurnsNewlinesAndTabsIntoSpaces) {
    const Document d = svg("<text xml:space=\"preserve\">  a\tb\r\nc  <tspan xml:space=\"default\">  d  </tspan></text>");
    EXPECT_EQ(characters(only_text(d)), (std::vector<std::string>{"  a b c  ", "d"}));
}

TEST(SvgText, PositionListsBelongToCharactersInnermostFirst) {
    // The text's x list gives characters 0..3; the tspan's own list wins for its two.
    const Document d = svg(R"x(<text x="1 2 3 4" dy="5,6">ab<tspan x="30" dx="7 8">cd</tspan>e</text>)x");
    const Text& t = only_text(d);
    ASSERT_EQ(characters(t), (std::vector<std::string>{"ab", "cd", "e"}));
    EXPECT_EQ(t.spans[0].x, (std::vector<std::optional<double>>{1.0, 2.0}));
    EXPECT_EQ(t.spans[1].x, (std::vector<std::optional<double>>{30.0, 4.0}));
    EXPECT_TRUE(t.spans[2].x.empty());
    EXPECT_EQ(t.spans[0].dy, (std::vector<double>{5.0, 6.0}));
    EXPECT_TRUE(t.spans[1].dy.empty());
    EXPECT_EQ(t.spans[1].dx, (std::vector<double>{7.0, 8.0}));
    // Code points, not bytes: "é" is one character.
    const Document ud = svg("<text x=\"1 2 3\">\xC3\xA9z</text>");
    const Text& u = only_text(ud);
    EXPECT_EQ(u.spans[0].x, (std::vector<std::optional<double>>{1.0, 2.0}));
    // Percentages of the viewport (200 x 100) and units.
    const Document pd = svg("<text x=\"10%\" y=\"1in\">a</text>");
    const Text& p = only_text(pd);
    EXPECT_EQ(p.spans[0].x, (std::vector<std::optional<double>>{20.0}));
    EXPECT_EQ(p.spans[0].y, (std::vector<std::optional<double>>{96.0}));
}

TEST(SvgText, FontPropertiesInheritAndResolve) {
    const Document d = svg(R"x(<g font-family="'Bitstream Vera Sans', Arial  Narrow, serif" font-size="20">
        <text font-weight="bold" text-anchor="middle">a<tspan font-size="150%" font-style="italic">b</tspan>
        <tspan style="font-size: 2em; font-weight: bolder; text-anchor: end">c</tspan><tspan font-size="12pt">d</tspan></text></g>)x");
    const Text& t = only_text(d);
    ASSERT_EQ(t.spans.size(), 5u);
    EXPECT_EQ(t.spans[0].font.families, (std::vector<std::string>{"Bitstream Vera Sans", "Arial Narrow", "serif"}));
    EXPECT_EQ(t.spans[0].font.size, 20.0);
    EXPECT_EQ(t.spans[0].font.weight, 700);
    EXPECT_FALSE(t.spans[0].font.italic);
    EXPECT_EQ(t.spans[0].anchor, TextAnchor::Middle);
    EXPECT_EQ(t.spans[1].font.size, 30.0);
    EXPECT_TRUE(t.spans[1].font.italic);
    EXPECT_EQ(t.spans[1].anchor, TextAnchor::Middle);
    EXPECT_EQ(t.spans[2].characters, " "); // between the tspans
    EXPECT_EQ(t.spans[3].font.size, 40.0);
    EXPECT_EQ(t.spans[3].font.weight, 900);
    EXPECT_EQ(t.spans[3].anchor, TextAnchor::End);
    EXPECT_EQ(t.spans[4].font.size, 16.0);
    EXPECT_TRUE(d.warnings().empty());
    // The initial values: no family, 12 user units, normal weight, start.
    const Document plain_doc = svg("<text>a</text>");
    const TextFont plain = only_text(plain_doc).spans[0].font;
    EXPECT_TRUE(plain.families.empty());
    EXPECT_EQ(plain.size, 12.0);
    EXPECT_EQ(plain.weight, 400);
}

TEST(SvgText, FontShorthand) {
    const Document d = svg(R"x(<text style="font: italic bold 30px/2 'DejaVu Serif', serif">a</text>)x");
    const TextFont f = only_text(d).spans[0].font;
    EXPECT_EQ(f.families, (std::vector<std::string>{"DejaVu Serif", "serif"}));
    EXPECT_EQ(f.size, 30.0);
    EXPECT_EQ(f.weight, 700);
    EXPECT_TRUE(f.italic);
}

TEST(SvgText, PaintVisibilityAndDisplayPerSpan) {
    const Document d = svg(R"x(<text fill="none" stroke="green" stroke-width="2" transform="scale(3)">a<tspan visibility="hidden">b</tspan><tspan display="none">gone</tspan><tspan fill="#00f" stroke="none">c</tspan></text>)x");
    const Text& t = only_text(d);
    ASSERT_EQ(characters(t), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_FALSE(t.spans[0].fill);
    ASSERT_TRUE(t.spans[0].stroke);
    EXPECT_EQ(t.spans[0].stroke->width, 6.0); // in final units
    EXPECT_EQ(t.spans[0].stroke->user_width, 2.0);
    EXPECT_FALSE(t.spans[1].visible);
    EXPECT_TRUE(t.spans[2].fill);
    EXPECT_FALSE(t.spans[2].stroke);
    EXPECT_EQ(d.shapes()[0].transform, Transform::scale(3.0, 3.0));
}

TEST(SvgText, UnsupportedPartsWarnWithElementAndLine) {
    const Document d = Document::parse(R"x(<svg xmlns="http://www.w3.org/2000/svg">
<text x="1" rotate="30" text-decoration="underline" writing-mode="tb">a<textPath href="#p">on a path</textPath>
<tspan font-size="-3" x="q 1">b</tspan><tref href="#t"/></text>
<text font-weight="heavy" font-family="'unterminated">c</text>
</svg>)x");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_EQ(characters(*d.shapes()[0].text), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{
                                "text (line 2): text-decoration is not supported; ignored",
                                "text (line 2): writing-mode \"tb\" (vertical text) is not supported; laid out horizontally",
                                "text (line 2): attribute rotate is not supported; ignored",
                                "textPath (line 2): element <textPath> is not supported inside <text>; skipped",
                                "tspan (line 3): font-size: expected a non-negative size, found \"-3\"; ignored",
                                "tspan (line 3): attribute x: expected a length, found \"q\"; ignored",
                                "tref (line 3): element <tref> is not supported inside <text>; skipped",
                                "text (line 4): font-weight: expected normal, bold, bolder, lighter or 1 to 1000, found \"heavy\"; ignored",
                                "text (line 4): font-family: unterminated string in \"'unterminated\"; ignored",
                            }));
}

TEST(SvgText, CharactersPerDocumentAreBounded) {
    // Two texts that together pass the limit: the first whole, the second cut.
    const std::string a(max_text_characters - 10, 'a');
    const Document d = svg("<text>" + a + "</text><text id=\"more\">" + std::string(30, 'b') + "</text><text>c</text>");
    ASSERT_EQ(d.shapes().size(), 2u);
    EXPECT_EQ(d.shapes()[0].text->spans[0].characters.size(), a.size());
    EXPECT_EQ(d.shapes()[1].text->spans[0].characters, std::string(10, 'b'));
    EXPECT_EQ(d.warnings(), (std::vector<std::string>{"text#more (line 1): the document's text holds more than " +
                                                      std::to_string(max_text_characters) + " characters; the rest is skipped"}));
}
