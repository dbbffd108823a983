// GlyphCollection: labels drawn with GL (Mesa llvmpipe) against PIL's ImageFont drawing of
// the same string, font, size and anchor (FreeType's own rasterizer, HarfBuzz through
// libraqm): ink IoU and centroid; the upload log's bytes for every kind of edit; errors.
#include <glumpp/Error.hpp>
#include <glumpp/graphics/GlyphCollection.hpp>

#include "../TestUtil.hpp"
#include "../array/NumPy.hpp"
#include "../gloo/GLTest.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace glumpp;
using glumpp::test::message_of;
using graphics::AnchorX;
using graphics::AnchorY;
using graphics::GlyphCollection;

namespace {

const char* const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const open_sans = "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf";

std::filesystem::path tmp_dir() {
    const auto dir = std::filesystem::path(GLUMPP_TEST_TMP) / "labels" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir);
    return dir;
}

std::string pil_missing() {
    const std::string command = std::string(GLUMPP_TEST_PYTHON) + " -c 'from PIL import ImageFont, features; assert features.check(\"raqm\")' > /dev/null 2>&1";
    return std::system(command.c_str()) == 0 ? "" : "PIL with libraqm is not importable by " GLUMPP_TEST_PYTHON;
}

// An image of ink (0 nothing, 255 full), row 0 on top.
struct Ink {
    int width = 0, height = 0;
    std::vector<std::uint8_t> v;
    int at(int x, int y) const { return v[static_cast<std::size_t>(y) * width + x]; }
};

// Draws the collection black on white into a w x h framebuffer; ink = 255 - red.
Ink render(GlyphCollection& labels, int w, int h) {
    test::RawTarget target(w, h);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    labels.draw();
    const std::vector<unsigned char> px = target.rgba();
    Ink out{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h)};
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) out.v[static_cast<std::size_t>(y) * w + x] = 255 - px[(static_cast<std::size_t>(h - 1 - y) * w + x) * 4];
    }
    return out;
}

// PIL's drawing: `text` at pixel (x, y) from the top-left with PIL's anchor (two letters).
Ink pil(const std::string& font, int size, const std::string& text, int x, int y, const std::string& anchor, int w, int h) {
    const std::string script = R"(
import sys
from PIL import Image, ImageDraw, ImageFont
path, size, x, y, anchor, w, h, out, text = sys.argv[1].split("|", 8)
img = Image.new("L", (int(w), int(h)), 0)
ImageDraw.Draw(img).text((int(x), int(y)), text, font=ImageFont.truetype(path, int(size)), fill=255, anchor=anchor)
open(out, "wb").write(img.tobytes())
)";
    const auto dir = tmp_dir();
    const auto out = dir / "pil.raw";
    const auto run = test::run_python(dir, script,
                                      font + "|" + std::to_string(size) + "|" + std::to_string(x) + "|" + std::to_string(y) + "|" +
                                          anchor + "|" + std::to_string(w) + "|" + std::to_string(h) + "|" + out.string() + "|" + text);
    EXPECT_EQ(run.status, 0) << run.output;
    std::ifstream in(out, std::ios::binary);
    Ink ink{w, h, std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), {})};
    EXPECT_EQ(ink.v.size(), static_cast<std::size_t>(w) * h);
    ink.v.resize(static_cast<std::size_t>(w) * h);
    return ink;
}

// For looking at: an ink image as a PGM in the test's folder.
void save(const Ink& ink, const std::string& name) {
    std::ofstream out(tmp_dir() / (name + ".pgm"), std::ios::binary);
    out << "P5\n" << ink.width << " " << ink.height << "\n255\n";
    out.write(reinterpret_cast<const char*>(ink.v.data()), static_cast<std::streamsize>(ink.v.size()));
}

struct Agreement {
    double iou = 0, dx = 0, dy = 0;  ///< mask IoU; the whole inks' centroids
    double worst = 0;                ///< the largest centroid offset of one glyph cluster
    std::size_t inked = 0;
};

// Masks at half coverage; centroids weighted by ink: of the whole image, and of each run
// of columns holding ink in either image (glyphs, or touching clusters of glyphs). Over a
// long string the whole centroid moves with small differences of weight between far
// glyphs (1% more ink 200 px away is 2 px); each cluster's centroid says where its glyphs are.
Agreement compare(const Ink& a, const Ink& b) {
    std::size_t both = 0, either = 0;
    double s[2] = {0, 0}, sx[2] = {0, 0}, sy[2] = {0, 0};
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const int p = a.at(x, y), q = b.at(x, y);
            both += p >= 128 && q >= 128;
            either += p >= 128 || q >= 128;
            s[0] += p, sx[0] += p * x, sy[0] += p * y;
            s[1] += q, sx[1] += q * x, sy[1] += q * y;
        }
    }
    Agreement g;
    g.inked = either;
    g.iou = either ? static_cast<double>(both) / static_cast<double>(either) : 0;
    if (s[0] > 0 && s[1] > 0) {
        g.dx = sx[0] / s[0] - sx[1] / s[1];
        g.dy = sy[0] / s[0] - sy[1] / s[1];
    }
    int x = 0;
    while (x < a.width) {
        auto column = [&](int c) {
            for (int y = 0; y < a.height; ++y) {
                if (a.at(c, y) || b.at(c, y)) return true;
            }
            return false;
        };
        if (!column(x)) {
            ++x;
            continue;
        }
        double m[2] = {0, 0}, mx[2] = {0, 0}, my[2] = {0, 0};
        for (; x < a.width && column(x); ++x) {
            for (int y = 0; y < a.height; ++y) {
                m[0] += a.at(x, y), mx[0] += a.at(x, y) * x, my[0] += a.at(x, y) * y;
                m[1] += b.at(x, y), mx[1] += b.at(x, y) * x, my[1] += b.at(x, y) * y;
            }
        }
        if (m[0] < 255 || m[1] < 255) { // a speck on one side only: no cluster to compare
            g.worst = std::max(g.worst, m[0] + m[1] > 4 * 255 ? 99.0 : 0.0);
            continue;
        }
        g.worst = std::max({g.worst, std::abs(mx[0] / m[0] - mx[1] / m[1]), std::abs(my[0] / m[0] - my[1] / m[1])});
    }
    return g;
}

class Labels : public test::GLTest {};

} // namespace

// Coverage mode (glumpy's 'agg') against PIL: the same hinted FreeType bitmaps at the same
// whole-pixel pens, so the masks should be nearly identical; required IoU >= 0.9 and
// centroids within 0.5 px. Latin with a kerning pair (AV, To), a ligature-capable face,
// Hebrew (right to left) and combining marks (e + U+0301, a + U+0308).
TEST_F(Labels, CoverageMatchesPil) {
    if (const std::string why = pil_missing(); !why.empty()) GTEST_SKIP() << why;
    struct Case {
        const char* font;
        int size;
        const char* text;
        AnchorX ax;
        AnchorY ay;
        const char* pil_anchor;
    };
    const Case cases[] = {
        {dejavu, 24, "Hello, World! glumpp", AnchorX::Left, AnchorY::Baseline, "ls"},
        {open_sans, 32, "AV To Wafer", AnchorX::Center, AnchorY::Baseline, "ms"},
        {dejavu, 28, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d", AnchorX::Right, AnchorY::Baseline, "rs"},
        {dejavu, 30, "cafe\xcc\x81 a\xcc\x88 n\xcc\x83", AnchorX::Left, AnchorY::Top, "la"},
        {open_sans, 20, "Bottom line, gyp", AnchorX::Left, AnchorY::Bottom, "ld"},
    };
    const int W = 420, H = 90, X = 210, Y = 50;
    for (const Case& c : cases) {
        if (!std::filesystem::exists(c.font)) GTEST_SKIP() << c.font << " is absent";
        const text::Font font = text::Font::open(c.font);
        GlyphCollection labels(GlyphCollection::Mode::Coverage);
        labels.append(c.text, font, {.size = double(c.size), .origin = {X, H - Y, 0}, .anchor_x = c.ax, .anchor_y = c.ay});
        const Ink ours = render(labels, W, H);
        const Ink theirs = pil(c.font, c.size, c.text, X, Y, c.pil_anchor, W, H);
        const Agreement g = compare(ours, theirs);
        std::printf("[ oracle ] coverage %s at %d px (%s): ink IoU %.3f, centroid off by (%.2f, %.2f) px, a cluster's by %.2f\n",
                    c.text, c.size, c.pil_anchor, g.iou, g.dx, g.dy, g.worst);
        ASSERT_GT(g.inked, 100u) << c.text;
        EXPECT_GE(g.iou, 0.9) << c.text;
        EXPECT_NEAR(g.dx, 0, 0.5) << c.text;
        EXPECT_NEAR(g.dy, 0, 0.5) << c.text;
        EXPECT_LE(g.worst, 0.5) << c.text;
    }
}

// Distance-field mode (glumpy's 'sdf', fields at 48 px scaled by the shader) against PIL's
// hinted bitmaps: the outlines agree but the edges are reconstructed from a field and not
// hinted, so the bar is lower: every glyph cluster's centroid within 1 px, the whole
// string's within 2 px, mask IoU >= 0.55 at 12 px and >= 0.7 above (measured 0.62, 0.72,
// 0.78, 0.80 at 12, 20, 32, 64 px; clusters within 0.5-0.8 px; ink 97-100% of PIL's).
TEST_F(Labels, DistanceFieldMatchesPil) {
    if (const std::string why = pil_missing(); !why.empty()) GTEST_SKIP() << why;
    const int W = 520, H = 110, X = 10, Y = 80;
    const int sizes[] = {12, 20, 32, 64};
    const text::Font font = text::Font::open(dejavu);
    for (const int size : sizes) {
        const char* text = size > 40 ? "Wafer AV" : "The quick brown fox AV";
        GlyphCollection labels;
        labels.append(text, font, {.size = double(size), .origin = {X, H - Y, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline});
        const Ink ours = render(labels, W, H), theirs = pil(dejavu, size, text, X, Y, "ls", W, H);
        save(ours, "ours-" + std::to_string(size));
        save(theirs, "pil-" + std::to_string(size));
        const Agreement g = compare(ours, theirs);
        std::printf("[ oracle ] distance field %s at %d px: ink IoU %.3f, centroid off by (%.2f, %.2f) px, a cluster's by %.2f\n",
                    text, size, g.iou, g.dx, g.dy, g.worst);
        ASSERT_GT(g.inked, 50u);
        EXPECT_GE(g.iou, size < 16 ? 0.55 : 0.7) << size;
        EXPECT_LE(g.worst, 1.0) << size;
        EXPECT_NEAR(g.dx, 0, 2.0) << size;
        EXPECT_NEAR(g.dy, 0, 2.0) << size;
    }
}

// Many labels in one draw call, each where PIL puts it: three labels of two fonts and two
// colors in one collection against PIL drawing the three.
TEST_F(Labels, SeveralFontsOneDrawCall) {
    if (const std::string why = pil_missing(); !why.empty()) GTEST_SKIP() << why;
    const text::Font a = text::Font::open(dejavu), b = text::Font::open(open_sans);
    GlyphCollection labels(GlyphCollection::Mode::Coverage);
    const int W = 300, H = 120;
    labels.append("first label", a, {.size = 20, .origin = {10, H - 30, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline});
    labels.append("Second", b, {.size = 26, .origin = {10, H - 65, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline});
    labels.append("third", a, {.size = 16, .origin = {290, H - 100, 0}, .anchor_x = AnchorX::Right, .anchor_y = AnchorY::Baseline});
    ctx.reset_frame_stats();
    const Ink ours = render(labels, W, H);
    EXPECT_EQ(ctx.frame_stats().draw_calls, 1u);
    Ink theirs = pil(dejavu, 20, "first label", 10, 30, "ls", W, H);
    for (const auto& [font, size, text, x, y, anchor] :
         {std::tuple{open_sans, 26, "Second", 10, 65, "ls"}, std::tuple{dejavu, 16, "third", 290, 100, "rs"}}) {
        const Ink more = pil(font, size, text, x, y, anchor, W, H);
        for (std::size_t k = 0; k < theirs.v.size(); ++k) theirs.v[k] = std::max(theirs.v[k], more.v[k]);
    }
    const Agreement g = compare(ours, theirs);
    std::printf("[ oracle ] three labels: ink IoU %.3f, centroid off by (%.2f, %.2f) px\n", g.iou, g.dx, g.dy);
    EXPECT_GE(g.iou, 0.9);
    EXPECT_NEAR(g.dx, 0, 0.5);
    EXPECT_NEAR(g.dy, 0, 0.5);
}

// What each edit sends, from the upload log: only the edited label's bytes.
TEST_F(Labels, EditsUploadOnlyTheirLabel) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels;
    for (int k = 0; k < 5; ++k) labels.append("label " + std::to_string(k), font, {.origin = {50, 20.0f + 30 * k, 0}});
    (void)render(labels, 200, 200);
    const std::size_t glyph_buffer_bytes = labels.glyph_slots() * GlyphCollection::glyph_bytes;
    auto& log = ctx.upload_log();

    // set_text with as many glyphs: the label's slot (8 records), one call.
    log.clear();
    labels.set_text(2, "label 4"); // known glyphs only
    (void)render(labels, 200, 200);
    ASSERT_EQ(log.calls().size(), 1u);
    EXPECT_EQ(log.calls()[0].kind, gloo::UploadCall::Kind::BufferSubData);
    EXPECT_EQ(log.calls()[0].offset, labels.glyphs().bounds(2).start * GlyphCollection::glyph_bytes);
    EXPECT_EQ(log.calls()[0].size, 8 * GlyphCollection::glyph_bytes);

    // set_color, set_origin, set_rotation: one texel of the label texture each.
    for (auto edit : {+[](GlyphCollection& l) { l.set_color(3, {1, 0, 0, 1}); },
                      +[](GlyphCollection& l) { l.set_origin(3, {60, 30, 0}); },
                      +[](GlyphCollection& l) { l.set_rotation(3, 0.5); }}) {
        log.clear();
        edit(labels);
        (void)render(labels, 200, 200);
        ASSERT_EQ(log.calls().size(), 1u);
        EXPECT_EQ(log.calls()[0].kind, gloo::UploadCall::Kind::TexSubImage);
        EXPECT_EQ(log.calls()[0].size, 16u);
        EXPECT_EQ(log.calls()[0].width * log.calls()[0].height, 1u);
    }

    // append: the new slot (the tail) and the new 3-texel record; no new glyphs ("label 3"
    // uses known ones).
    log.clear();
    labels.append("label 3", font);
    (void)render(labels, 200, 200);
    std::size_t buffer_bytes = 0, texture_bytes = 0;
    for (const auto& c : log.calls()) {
        if (c.kind == gloo::UploadCall::Kind::BufferSubData) {
            EXPECT_EQ(c.offset, glyph_buffer_bytes);
            buffer_bytes += c.size;
        } else {
            texture_bytes += c.size;
        }
    }
    EXPECT_EQ(buffer_bytes, 8 * GlyphCollection::glyph_bytes);
    EXPECT_EQ(texture_bytes, GlyphCollection::label_bytes);

    // A new glyph: its texels in the atlas, plus the label's slot.
    log.clear();
    const std::size_t atlas_glyphs = labels.atlas()->count();
    labels.set_text(0, "label Q");
    EXPECT_EQ(labels.atlas()->count(), atlas_glyphs + 1);
    (void)render(labels, 200, 200);
    const text::AtlasGlyph& q = const_cast<text::GlyphAtlas*>(labels.atlas())->glyph(font.glyph_index(U'Q'));
    std::size_t atlas_bytes = 0, slot_bytes = 0;
    for (const auto& c : log.calls()) {
        if (c.kind == gloo::UploadCall::Kind::TexSubImage) atlas_bytes += c.size;
        if (c.kind == gloo::UploadCall::Kind::BufferSubData) slot_bytes += c.size;
    }
    EXPECT_EQ(atlas_bytes, q.rect.width * q.rect.height);
    EXPECT_EQ(slot_bytes, 8 * GlyphCollection::glyph_bytes);
    std::printf("[ uploads ] set_text %zu B, set_color 16 B, append %zu + %zu B, new glyph %zu B (atlas %zux%zu = %zu B)\n",
                8 * GlyphCollection::glyph_bytes, buffer_bytes, texture_bytes, atlas_bytes, labels.atlas()->width(),
                labels.atlas()->height(), labels.atlas()->width() * labels.atlas()->height());
}

// Erasing a label draws what a collection made without it draws, pixel for pixel, and
// sends only the labels that moved.
TEST_F(Labels, EraseEqualsNeverAppended) {
    const text::Font font = text::Font::open(dejavu);
    const char* texts[] = {"alpha", "beta", "gamma", "delta"};
    GlyphCollection all(GlyphCollection::Mode::Coverage), without(GlyphCollection::Mode::Coverage);
    for (int k = 0; k < 4; ++k) {
        const GlyphCollection::Label style{.size = 18, .origin = {20, 20.0f + 30 * k, 0}, .color = {0, 0, k * 0.2f, 1}};
        all.append(texts[k], font, style);
        if (k != 1) without.append(texts[k], font, style);
    }
    (void)render(all, 160, 140);
    ctx.upload_log().clear();
    all.erase(1);
    EXPECT_EQ(all.size(), 3u);
    EXPECT_EQ(all.text(1), "gamma");
    const Ink a = render(all, 160, 140), b = render(without, 160, 140);
    EXPECT_EQ(a.v, b.v);
    std::size_t moved = 0;
    for (const auto& c : ctx.upload_log().calls()) {
        if (c.kind == gloo::UploadCall::Kind::BufferSubData) moved += c.size;
    }
    EXPECT_EQ(moved, 2 * 8 * GlyphCollection::glyph_bytes); // gamma and delta moved down
}

// Lines: the second line of "A\nB" is where a label "B" one line height lower is.
TEST_F(Labels, LinesAreOneLineHeightApart) {
    const text::Font font = text::Font::open(dejavu);
    const double lh = font.metrics(20).line_height;
    for (const double spacing : {1.0, 1.5}) {
        GlyphCollection two(GlyphCollection::Mode::Coverage), one(GlyphCollection::Mode::Coverage);
        const GlyphCollection::Label style{.size = 20, .origin = {30, 100, 0}, .anchor_x = AnchorX::Left,
                                           .anchor_y = AnchorY::Baseline, .line_spacing = spacing};
        two.append("A\nB", font, style);
        one.append("A", font, style);
        GlyphCollection::Label lower = style;
        lower.origin.y -= static_cast<float>(std::round(lh * spacing));
        one.append("B", font, lower);
        EXPECT_EQ(render(two, 120, 140).v, render(one, 120, 140).v) << spacing;
    }
}

// A code point the font lacks: drawn as .notdef (DejaVu's is a box: ink), reported once.
TEST_F(Labels, MissingCodePointDrawsNotdef) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels;
    testing::internal::CaptureStderr();
    labels.append("\xee\x80\x80", font, {.size = 40, .origin = {50, 50, 0}});     // U+E000
    labels.append("x\xee\x80\x80", font, {.size = 40, .origin = {50, 20, 0}});
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(font.missing(), std::set<char32_t>{0xE000});
    EXPECT_EQ(err, "Font::layout: DejaVu Sans has no glyph for U+E000; drawing .notdef\n");
    const Ink ink = render(labels, 100, 100);
    std::size_t inked = 0;
    for (const auto v : ink.v) inked += v >= 128;
    EXPECT_GT(inked, 40u);
}

TEST_F(Labels, ErrorsNameTheFunctionAndChangeNothing) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels;
    labels.append("ok", font);
    EXPECT_EQ(message_of<IndexError>([&] { labels.set_text(3, "x"); }),
              "GlyphCollection::set_text: label 3 is out of range for a collection of 1 label");
    EXPECT_EQ(message_of<IndexError>([&] { labels.erase(1, 3); }),
              "GlyphCollection::erase: labels [1, 3) are not a range of a collection of 1 label");
    EXPECT_EQ(message_of<ValueError>([&] { labels.append("x", font, {.size = 0}); }),
              "GlyphCollection::append: size 0 is not in (0, 4096]");
    EXPECT_EQ(message_of<ValueError>([&] { labels.append("x", font, {.origin = {1, NAN, 0}}); }),
              "GlyphCollection::append: origin (1, nan, 0) is not finite");
    EXPECT_EQ(message_of<ValueError>([&] { labels.set_color(0, {1, 0, INFINITY, 1}); }),
              "GlyphCollection::set_color: color (1, 0, inf, 1) is not finite");
    EXPECT_EQ(message_of<ValueError>([&] { labels.append("x", font, {.line_spacing = -1}); }),
              "GlyphCollection::append: line_spacing -1 is not positive and finite");
    EXPECT_EQ(message_of<ValueError>([&] { labels.set_text(0, "bad \xff byte"); })
                  .rfind("GlyphCollection::set_text: Font::layout: ", 0),
              0u);
    EXPECT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels.text(0), "ok");
    EXPECT_EQ(labels.label(0).color, glm::vec4(0, 0, 0, 1));
}

// Shaped strings are cached: a label set back to a string seen before shapes nothing.
TEST_F(Labels, ShapedStringsAreCached) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels;
    labels.append("one", font);
    labels.append("two", font);
    EXPECT_EQ(labels.cache_size(), 2u);
    labels.set_text(0, "two");
    labels.set_text(1, "one");
    EXPECT_EQ(labels.cache_size(), 2u);
    const Ink a = render(labels, 100, 60);
    GlyphCollection fresh;
    fresh.append("two", font);
    fresh.append("one", font);
    EXPECT_EQ(a.v, render(fresh, 100, 60).v);
}

namespace {

// A transform of our own: window pixels (y up) shifted by (dx, dy) and scaled by s about
// the origin, as a chain the collection's hook takes (vec3 in, clip coordinates out).
transforms::Snippet shifted(float dx, float dy, float s) {
    transforms::Snippet t(R"(
uniform vec2 viewport;
uniform vec3 shift;
vec4 forward(vec3 p) {
    vec2 q = p.xy * shift.z + shift.xy;
    return vec4(2.0 * q.x / viewport.x - 1.0, 2.0 * q.y / viewport.y - 1.0, 0.0, 1.0);
}
)", "shifted");
    t["viewport"] = glm::vec2(200, 120);
    t["shift"] = glm::vec3(dx, dy, s);
    return t;
}

std::array<int, 4> ink_box(const Ink& ink) {
    std::array<int, 4> b{ink.width, ink.height, -1, -1};
    for (int y = 0; y < ink.height; ++y) {
        for (int x = 0; x < ink.width; ++x) {
            if (ink.at(x, y) < 128) continue;
            b = {std::min(b[0], x), std::min(b[1], y), std::max(b[2], x), std::max(b[3], y)};
        }
    }
    return b;
}

} // namespace

// set_transform puts any chain in the hook: a label at (x, y) through "shift by (30, 20)"
// draws what the default transform draws at (x + 30, y + 20), pixel for pixel; reset_transform
// brings the default back.
TEST_F(Labels, AnyTransformChain) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection moved(GlyphCollection::Mode::Coverage), there(GlyphCollection::Mode::Coverage);
    moved.append("Shifted", font, {.size = 20, .origin = {40, 40, 0}});
    there.append("Shifted", font, {.size = 20, .origin = {70, 60, 0}});
    const Ink before = render(moved, 200, 120);
    moved.set_transform(shifted(30, 20, 1)());
    const Ink after = render(moved, 200, 120);
    EXPECT_EQ(after.v, render(there, 200, 120).v);
    EXPECT_NE(after.v, before.v);
    moved.reset_transform();
    EXPECT_EQ(render(moved, 200, 120).v, before.v);
}

// Screen labels keep their pixel size under a transform that scales the world by 2; World
// labels grow with it (their ink box twice as wide, to a pixel or two).
TEST_F(Labels, ScreenKeepsPixelSizeWorldScales) {
    const text::Font font = text::Font::open(dejavu);
    auto width_of = [&](graphics::Placement placement, float scale) {
        GlyphCollection labels;
        labels.append("Width", font, {.size = 16, .origin = {40, 30, 0}, .placement = placement});
        labels.set_transform(shifted(0, 0, scale)());
        const auto b = ink_box(render(labels, 200, 120));
        return b[2] - b[0] + 1;
    };
    const int screen1 = width_of(graphics::Placement::Screen, 1), screen2 = width_of(graphics::Placement::Screen, 2);
    const int world1 = width_of(graphics::Placement::World, 1), world2 = width_of(graphics::Placement::World, 2);
    std::printf("[ widths ] screen %d -> %d, world %d -> %d px\n", screen1, screen2, world1, world2);
    EXPECT_EQ(screen1, screen2);
    EXPECT_EQ(screen1, world1);
    EXPECT_NEAR(world2, 2 * world1, 2);
}

// A label rotated by 90 degrees (counter-clockwise, about its anchor) against PIL's drawing
// of it rotated the same way about the same point (Image.rotate, bilinear): distance
// fields, so IoU >= 0.6 and the ink centroid within 1.5 px (measured: IoU 0.694, centroid
// off by (0.31, -0.12) px).
TEST_F(Labels, RotationMatchesPilRotated) {
    if (const std::string why = pil_missing(); !why.empty()) GTEST_SKIP() << why;
    const std::string script = R"(
import sys
from PIL import Image, ImageDraw, ImageFont
path, out = sys.argv[1].split("|")
img = Image.new("L", (200, 200), 0)
ImageDraw.Draw(img).text((100, 100), "Rotated AV", font=ImageFont.truetype(path, 24), fill=255, anchor="ls")
img = img.rotate(90, resample=Image.BILINEAR, center=(100, 100))
open(out, "wb").write(img.tobytes())
)";
    const auto dir = tmp_dir();
    const auto run = test::run_python(dir, script, std::string(dejavu) + "|" + (dir / "pil.raw").string());
    ASSERT_EQ(run.status, 0) << run.output;
    std::ifstream in(dir / "pil.raw", std::ios::binary);
    const Ink theirs{200, 200, std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), {})};
    ASSERT_EQ(theirs.v.size(), 200u * 200u);
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels;
    labels.append("Rotated AV", font,
                  {.size = 24, .origin = {100, 100, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline, .rotation = M_PI / 2});
    const Ink ours = render(labels, 200, 200);
    save(ours, "ours");
    save(theirs, "pil");
    const Agreement g = compare(ours, theirs);
    std::printf("[ oracle ] rotated 90 degrees: ink IoU %.3f, centroid off by (%.2f, %.2f) px\n", g.iou, g.dx, g.dy);
    EXPECT_GE(g.iou, 0.6);
    EXPECT_NEAR(g.dx, 0, 1.5);
    EXPECT_NEAR(g.dy, 0, 1.5);
}

// Glyphs that do not fit grow the atlas (a new, larger texture): the collection samples the
// new one, and the label still draws what PIL draws.
TEST_F(Labels, AtlasGrowthKeepsDrawing) {
    if (const std::string why = pil_missing(); !why.empty()) GTEST_SKIP() << why;
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels(GlyphCollection::Mode::Coverage);
    labels.append("ab", font, {.size = 30, .origin = {10, 150, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline});
    (void)render(labels, 640, 200);
    const std::size_t generation = labels.atlas()->generation();
    labels.append("QWERTYUIOPASDFGHJKLZXCVBNM", font, {.size = 160, .origin = {10, 60, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Baseline});
    EXPECT_GT(labels.atlas()->generation(), generation) << labels.atlas()->width() << "x" << labels.atlas()->height();
    Ink theirs = pil(dejavu, 30, "ab", 10, 50, "ls", 640, 200);
    const Ink big = pil(dejavu, 160, "QWERTYUIOPASDFGHJKLZXCVBNM", 10, 140, "ls", 640, 200);
    for (std::size_t k = 0; k < theirs.v.size(); ++k) theirs.v[k] = std::max(theirs.v[k], big.v[k]);
    const Agreement g = compare(render(labels, 640, 200), theirs);
    std::printf("[ oracle ] after growing to %zux%zu: ink IoU %.3f\n", labels.atlas()->width(), labels.atlas()->height(), g.iou);
    EXPECT_GE(g.iou, 0.99);
}

// set_text with more glyphs than the label's slot (8) resizes it: the labels after it move
// (and are re-sent, renumbered); the picture is that of a collection built with the long text.
TEST_F(Labels, LongerTextResizesTheSlot) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels(GlyphCollection::Mode::Coverage), fresh(GlyphCollection::Mode::Coverage);
    const char* texts[] = {"one", "two", "three"};
    for (int k = 0; k < 3; ++k) labels.append(texts[k], font, {.size = 16, .origin = {100, 20.0f + 30 * k, 0}});
    // Room for the longer slot (erasing keeps the capacity): no reallocation, which would
    // send the whole buffer once.
    for (int k = 0; k < 3; ++k) labels.append("spare", font);
    labels.erase(3, 6);
    (void)render(labels, 200, 120);
    ASSERT_GE(labels.glyphs().capacity(), 40u);
    ctx.upload_log().clear();
    labels.set_text(0, "a much longer first label");
    EXPECT_EQ(labels.glyphs().bounds(0).size(), 24u); // 22 inked glyphs, rounded up to 24
    std::size_t sent = 0;
    const Ink ours = render(labels, 200, 120);
    for (const auto& c : ctx.upload_log().calls()) sent += c.kind == gloo::UploadCall::Kind::TexSubImage ? 0 : c.size;
    EXPECT_EQ(sent, (24 + 8 + 8) * GlyphCollection::glyph_bytes); // the new slot and the two moved
    fresh.append("a much longer first label", font, {.size = 16, .origin = {100, 20, 0}});
    for (int k = 1; k < 3; ++k) fresh.append(texts[k], font, {.size = 16, .origin = {100, 20.0f + 30 * k, 0}});
    EXPECT_EQ(ours.v, render(fresh, 200, 120).v);
    EXPECT_EQ(labels.text(0), "a much longer first label");
}

// The default transform (OrthographicProjection(Position())) follows the GL viewport: a
// label at (40, 30) stays 40 px from the left and 30 px up whatever the framebuffer's size,
// drawn by one collection into 200x120, then 320x200, then 200x120 again (the projection
// is rebuilt when the viewport's size changes, and only then). A projection kept from the
// first size would put it at (64, 50) in the second.
TEST_F(Labels, DefaultTransformFollowsTheViewport) {
    const text::Font font = text::Font::open(dejavu);
    GlyphCollection labels(GlyphCollection::Mode::Coverage);
    labels.append("Follow", font, {.size = 20, .origin = {40, 30, 0}, .anchor_x = graphics::AnchorX::Left,
                                   .anchor_y = graphics::AnchorY::Baseline});
    const Ink small = render(labels, 200, 120);
    const Ink large = render(labels, 320, 200);
    const auto a = ink_box(small), b = ink_box(large);
    ASSERT_GE(a[2], 0);
    ASSERT_GE(b[2], 0);
    EXPECT_EQ(a[0], b[0]);                                   // left edge, from the left
    EXPECT_EQ(small.height - 1 - a[3], large.height - 1 - b[3]); // lowest ink row, from the bottom
    EXPECT_EQ(a[2] - a[0], b[2] - b[0]);                     // the same width: pixels, not a scaled picture
    EXPECT_EQ(render(labels, 200, 120).v, small.v);
}

// set_viewport (glumpy's GlyphCollection(viewport=...)): the transform's square is drawn
// into the viewport's rectangle. A label centred on the 200x120 window's centre lands on the
// centre of the rectangle (10, 10, 80, 50) (GL's bottom-left origin), inside it; with
// clipping on, a label running past the rectangle's right edge leaves no ink beyond it.
TEST_F(Labels, ViewportPutsLabelsInsideItsRectangle) {
    const text::Font font = text::Font::open(dejavu);
    const int W = 200, H = 120;
    // The rectangle in Ink's rows (row 0 on top): x in [10, 90), rows [H - 60, H - 10).
    const int x0 = 10, x1 = 90, r0 = H - 60, r1 = H - 10;
    GlyphCollection labels(GlyphCollection::Mode::Coverage);
    labels.append("Inside", font, {.size = 12, .origin = {100, 60, 0}, .anchor_x = AnchorX::Center, .anchor_y = AnchorY::Middle});
    const auto full = ink_box(render(labels, W, H));
    ASSERT_GE(full[2], 0);
    EXPECT_GT(full[2], x1); // without the viewport it runs past the rectangle
    transforms::Viewport viewport({.extents = glm::dvec4(10, 10, 80, 50)});
    labels.set_viewport(viewport);
    const auto in = ink_box(render(labels, W, H));
    ASSERT_GE(in[2], 0);
    EXPECT_GE(in[0], x0);
    EXPECT_LT(in[2], x1);
    EXPECT_GE(in[1], r0);
    EXPECT_LT(in[3], r1);
    EXPECT_NEAR((in[0] + in[2]) / 2.0, 50, 2);        // the rectangle's centre, x
    EXPECT_NEAR((in[1] + in[3]) / 2.0, H - 35, 3);    // and y (middle anchor)
    EXPECT_EQ(in[2] - in[0], full[2] - full[0]);      // Screen placement: the same pixel size

    // Clipping: a left-anchored label starting at x = 10 + 190 / 200 * 80 = 86 is cut at 90.
    GlyphCollection edge(GlyphCollection::Mode::Coverage);
    edge.append("Clipped", font, {.size = 12, .origin = {190, 60, 0}, .anchor_x = AnchorX::Left, .anchor_y = AnchorY::Middle});
    edge.set_viewport(viewport);
    const auto clipped = ink_box(render(edge, W, H));
    ASSERT_GE(clipped[2], 0);
    EXPECT_LT(clipped[2], x1);
    viewport.set_clipping(false);
    EXPECT_GT(ink_box(render(edge, W, H))[2], x1 + 10);
    edge.reset_viewport();
    EXPECT_GT(ink_box(render(edge, W, H))[0], x1 + 90); // back at x = 190
}
