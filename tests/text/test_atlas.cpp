// The skyline packer's properties over random sequences, and the glyph atlas's uploads
// (a glyph added later sends its own texels only) with the context's UploadLog.
#include <glumpp/Error.hpp>
#include <glumpp/text/DistanceField.hpp>
#include <glumpp/text/GlyphAtlas.hpp>

#include "../TestUtil.hpp"
#include "../gloo/GLTest.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace glumpp;
using glumpp::test::message_of;

namespace {

bool overlap(const text::Rect& a, const text::Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

} // namespace

// 200 random sequences of up to 150 rectangles into areas of random size: every placed
// rectangle lies inside the area and overlaps no other; a refusal changes nothing (the
// next insertion behaves as if it had not been asked); after grow() everything placed
// stays placed and the rectangle refused before fits when the area is big enough.
TEST(SkylinePacker, PropertiesOverRandomSequences) {
    std::mt19937 rng(7);
    std::size_t placed_total = 0, refusals = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t W = 8 + rng() % 120, H = 8 + rng() % 120;
        text::SkylinePacker p(W, H);
        std::vector<text::Rect> placed;
        std::size_t area = 0;
        for (int n = 0; n < 150; ++n) {
            const std::size_t w = 1 + rng() % 24, h = 1 + rng() % 24;
            const text::SkylinePacker before = p;
            const auto r = p.insert(w, h);
            if (!r) {
                ++refusals;
                // Unchanged: probes on copies of it and of the packer before give the same.
                for (const std::size_t probe : {1, 3, 7}) {
                    EXPECT_EQ(text::SkylinePacker(p).insert(probe, probe), text::SkylinePacker(before).insert(probe, probe));
                }
                // Grow until it fits; what was placed is kept (checked below by overlap).
                std::size_t gw = p.width(), gh = p.height();
                std::optional<text::Rect> again;
                while (!(again = p.insert(w, h))) {
                    gw *= 2;
                    gh *= 2;
                    p.grow(gw, gh);
                }
                placed.push_back(*again);
                area += w * h;
                continue;
            }
            EXPECT_EQ(r->width, w);
            EXPECT_EQ(r->height, h);
            placed.push_back(*r);
            area += w * h;
        }
        for (std::size_t i = 0; i < placed.size(); ++i) {
            const text::Rect& a = placed[i];
            ASSERT_LE(a.x + a.width, p.width());
            ASSERT_LE(a.y + a.height, p.height());
            for (std::size_t j = 0; j < i; ++j) ASSERT_FALSE(overlap(a, placed[j])) << "trial " << trial << ": " << i << " and " << j;
        }
        EXPECT_GE(p.used_area(), area);
        placed_total += placed.size();
    }
    EXPECT_GT(refusals, 50u); // the growth path was exercised
    EXPECT_GT(placed_total, 20000u);
}

// Same-height rectangles fill an area exactly, row after row: the skyline wastes nothing.
TEST(SkylinePacker, FillsRowsOfEqualHeightCompletely) {
    text::SkylinePacker p(100, 30);
    for (int i = 0; i < 30; ++i) ASSERT_TRUE(p.insert(10, 10)) << i;
    EXPECT_FALSE(p.insert(1, 1));
    EXPECT_EQ(p.used_area(), 3000u);
    EXPECT_EQ(message_of<ValueError>([&] { p.grow(50, 30); }), "SkylinePacker::grow: 50x30 is smaller than 100x30");
    p.grow(110, 30);
    EXPECT_EQ(p.insert(10, 30), (text::Rect{100, 0, 10, 30}));
}

class GlyphAtlasTest : public test::GLTest {};

// A glyph added after the first draw sends its own texels, one glTexSubImage2D of its
// rectangle; the atlas growing is the one whole re-send (a new texture's glTexImage2D).
TEST_F(GlyphAtlasTest, AddingAGlyphUploadsOnlyItsTexels) {
    for (const text::AtlasKind kind : {text::AtlasKind::Coverage, text::AtlasKind::DistanceField}) {
        const text::Font font = text::Font::open("DejaVu Sans");
        text::GlyphAtlas atlas(font, kind, kind == text::AtlasKind::Coverage ? 24 : 32, 256, 128);
        for (const char32_t c : std::u32string(U"Hello")) atlas.glyph(font.glyph_index(c));
        gloo::Texture2D tex = atlas.texture();
        tex.sync();
        ctx.upload_log().clear();
        // One new glyph: exactly its rectangle, its texels' bytes (1 byte a texel).
        const text::AtlasGlyph g = atlas.glyph(font.glyph_index(U'W'));
        ASSERT_EQ(atlas.generation(), 0u);
        atlas.texture().sync();
        const auto& log = ctx.upload_log().calls();
        ASSERT_EQ(log.size(), 1u);
        EXPECT_EQ(log[0].kind, gloo::UploadCall::Kind::TexSubImage);
        EXPECT_EQ(log[0].x, g.rect.x);
        EXPECT_EQ(log[0].y, g.rect.y);
        EXPECT_EQ(log[0].width, g.rect.width);
        EXPECT_EQ(log[0].height, g.rect.height);
        EXPECT_EQ(log[0].size, g.rect.width * g.rect.height);
        // The GPU holds the glyph's texels where the rect says: FreeType's bitmap of it.
        const Array gpu = atlas.texture().read_back();
        if (kind == text::AtlasKind::Coverage) {
            const text::GlyphBitmap bm = font.render(font.glyph_index(U'W'), 24);
            ASSERT_EQ(bm.width, static_cast<int>(g.rect.width));
            std::size_t diff = 0;
            for (int r = 0; r < bm.height; ++r)
                for (int c = 0; c < bm.width; ++c)
                    diff += gpu.data()[(g.rect.y + r) * atlas.width() + g.rect.x + c] !=
                            std::byte{bm.pixels[static_cast<std::size_t>(r) * bm.width + c]};
            EXPECT_EQ(diff, 0u);
        } else { // the field, 0..1 as 0..255
            const text::GlyphField f = text::glyph_distance_field(font, font.glyph_index(U'W'), 32);
            ASSERT_EQ(f.field.width, static_cast<int>(g.rect.width));
            std::size_t off = 0;
            for (int r = 0; r < f.field.height; ++r)
                for (int c = 0; c < f.field.width; ++c)
                    off += std::abs(static_cast<int>(gpu.data()[(g.rect.y + r) * atlas.width() + g.rect.x + c]) -
                                    static_cast<int>(std::lround(f.field.at(c, r) * 255))) > 0;
            EXPECT_EQ(off, 0u);
            EXPECT_NEAR(g.left, f.left, 1e-12);
            EXPECT_NEAR(g.top, f.top, 1e-12);
        }
        // Asking again adds nothing and sends nothing.
        ctx.upload_log().clear();
        atlas.glyph(font.glyph_index(U'W'));
        atlas.texture().sync();
        EXPECT_TRUE(ctx.upload_log().calls().empty());
    }
}

TEST_F(GlyphAtlasTest, GrowsWhenFullKeepingTheGlyphs) {
    const text::Font font = text::Font::open("DejaVu Sans");
    text::GlyphAtlas atlas(font, text::AtlasKind::Coverage, 20, 64, 32);
    const std::u32string chars = U"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::vector<text::AtlasGlyph> placed;
    for (const char32_t c : chars) placed.push_back(atlas.glyph(font.glyph_index(c)));
    EXPECT_GT(atlas.generation(), 0u);
    EXPECT_GE(atlas.width() * atlas.height(), 64u * 32u * 4u);
    EXPECT_EQ(atlas.count(), chars.size());
    ctx.upload_log().clear();
    atlas.texture().sync();
    const auto& log = ctx.upload_log().calls();
    ASSERT_EQ(log.size(), 1u); // the new texture, whole
    EXPECT_EQ(log[0].kind, gloo::UploadCall::Kind::TexImage);
    EXPECT_EQ(log[0].size, atlas.width() * atlas.height());
    // Every glyph is still where its rect says, on the GPU, and no two overlap.
    const Array gpu = atlas.texture().read_back();
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const text::GlyphBitmap bm = font.render(font.glyph_index(chars[i]), 20);
        const text::Rect& r = placed[i].rect;
        std::size_t diff = 0;
        for (int y = 0; y < bm.height; ++y)
            for (int x = 0; x < bm.width; ++x)
                diff += gpu.data()[(r.y + y) * atlas.width() + r.x + x] != std::byte{bm.pixels[static_cast<std::size_t>(y) * bm.width + x]};
        EXPECT_EQ(diff, 0u) << static_cast<unsigned>(chars[i]);
        for (std::size_t j = 0; j < i; ++j) EXPECT_FALSE(overlap(r, placed[j].rect)) << i << " " << j;
    }
}

TEST(GlyphAtlas, Errors) {
    const text::Font font = text::Font::open("DejaVu Sans");
    EXPECT_EQ(message_of<ValueError>([&] { text::GlyphAtlas(font, text::AtlasKind::Coverage, 0); }),
              "GlyphAtlas: size 0 is not in (0, 4096]");
    EXPECT_EQ(message_of<ValueError>([&] { text::GlyphAtlas(font, text::AtlasKind::Coverage, -1e-7); }),
              "GlyphAtlas: size -1e-07 is not in (0, 4096]");
    EXPECT_EQ(message_of<ValueError>([&] { text::GlyphAtlas(font, text::AtlasKind::Coverage, 12, 0, 8); }),
              "GlyphAtlas: 0x8 is not within 1x1..8192x8192");
    text::GlyphAtlas atlas(font, text::AtlasKind::Coverage, 12, 16, 16);
    EXPECT_EQ(message_of<IndexError>([&] { atlas.glyph(1u << 20); }).rfind("Font::render: glyph 1048576 is not in", 0), 0u);
    EXPECT_EQ(atlas.count(), 0u);
}

// Several glyphs added between two draws: the texture's dirty bytes are exactly their
// texels, and it is never sent whole; the planner may join neighbours into one call
// (gap bytes: the one-texel borders between them, when one call is cheaper than two).
// Three coverage glyphs at 12 px (about 35 rows in all) are under DirtySet's 64 ranges.
// Past the cap the tracker merges rows across the 1-texel borders: three 24-px distance
// fields (~66 rows) gave 787 B dirty for 782 texels, five 1,500 B for 1,449.
TEST_F(GlyphAtlasTest, GlyphsAddedTogetherAreTheirTexels) {
    const text::Font font = text::Font::open("DejaVu Sans");
    text::GlyphAtlas atlas(font, text::AtlasKind::Coverage, 12, 512, 512);
    atlas.glyph(font.glyph_index(U'x'));
    atlas.texture().sync();
    const gloo::UploadStats before = atlas.texture().upload_stats();
    ctx.upload_log().clear();
    std::size_t texels = 0;
    const std::u32string added = U"gly";
    for (const char32_t c : added) {
        const text::Rect r = atlas.glyph(font.glyph_index(c)).rect;
        texels += r.width * r.height;
    }
    atlas.texture().sync();
    const gloo::UploadStats after = atlas.texture().upload_stats();
    EXPECT_EQ(after.bytes_dirty - before.bytes_dirty, texels);
    EXPECT_EQ(after.whole_sends, before.whole_sends);
    EXPECT_GE(after.bytes_sent - before.bytes_sent, texels);
    EXPECT_LT(after.bytes_sent - before.bytes_sent, 2 * texels);
    for (const gloo::UploadCall& c : ctx.upload_log().calls()) EXPECT_EQ(c.kind, gloo::UploadCall::Kind::TexSubImage);
    std::printf("[ uploads ] %zu new glyphs (%zu texels): %zu calls, %zu B sent; the atlas is %zu B\n", added.size(), texels,
                ctx.upload_log().calls().size(), after.bytes_sent - before.bytes_sent, atlas.width() * atlas.height());
}

// One atlas, several fonts and sizes (a glyph collection's): coverage glyphs are kept per
// (font, glyph, size) and are FreeType's bitmaps at that size; distance fields per (font,
// glyph), at the atlas's size whatever size is asked.
TEST(GlyphAtlas, HoldsSeveralFontsAndSizes) {
    const text::Font dejavu = text::Font::open("DejaVu Sans"), sans = text::Font::open("Open Sans");
    text::GlyphAtlas coverage(dejavu, text::AtlasKind::Coverage, 20);
    const std::uint32_t a = dejavu.glyph_index(U'a'), b = sans.glyph_index(U'a');
    const text::AtlasGlyph at20 = coverage.glyph(a);
    const text::AtlasGlyph at40 = coverage.glyph(dejavu, a, 40);
    const text::AtlasGlyph other = coverage.glyph(sans, b, 20);
    EXPECT_EQ(coverage.count(), 3u);
    EXPECT_TRUE(coverage.contains(dejavu, a, 40));
    EXPECT_FALSE(coverage.contains(sans, b, 40));
    const text::GlyphBitmap big = dejavu.render(a, 40);
    EXPECT_EQ(at40.rect.width, static_cast<std::size_t>(big.width));
    EXPECT_EQ(at40.rect.height, static_cast<std::size_t>(big.height));
    EXPECT_EQ(at40.top, big.top);
    EXPECT_EQ(other.rect.width, static_cast<std::size_t>(sans.render(b, 20).width));
    EXPECT_GT(at40.rect.width, at20.rect.width);
    EXPECT_EQ(coverage.glyph_texels(), at20.rect.width * at20.rect.height + at40.rect.width * at40.rect.height +
                                           other.rect.width * other.rect.height);
    EXPECT_EQ(message_of<ValueError>([&] { coverage.glyph(dejavu, a, 0); }), "GlyphAtlas::glyph: size 0 is not in (0, 4096]");

    text::GlyphAtlas fields(dejavu, text::AtlasKind::DistanceField, 48);
    fields.glyph(dejavu, a, 12);
    fields.glyph(dejavu, a, 96);
    EXPECT_EQ(fields.count(), 1u);
    EXPECT_TRUE(fields.contains(dejavu, a, 7));
}
