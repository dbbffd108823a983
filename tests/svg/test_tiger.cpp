// The Ghostscript tiger, read in place from the shared data folder.
#include <glumpp/svg/Tessellator.hpp>
#include <glumpp/svg.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace glumpp::svg;

namespace {

const std::filesystem::path tiger_path = std::filesystem::path(GLUMPP_DATA_DIR) / "tiger.svg";

#define SKIP_WITHOUT_TIGER()                                                                                           \
    if (!std::filesystem::exists(tiger_path))                                                                          \
    GTEST_SKIP() << "the tiger is not at " << tiger_path << " (GLUMPP_DATA_DIR): nothing to test against"

} // namespace

TEST(Tiger, LoadsWithoutWarnings) {
    SKIP_WITHOUT_TIGER();
    const auto start = std::chrono::steady_clock::now();
    const Document d = Document::load(tiger_path);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    for (const auto& w : d.warnings()) ADD_FAILURE() << w;
    EXPECT_EQ(d.width(), 1000.0);
    EXPECT_EQ(d.height(), 1000.0);
    // 240 <path> elements, each in its own styled <g>; one of them, path242, is
    // "M -65.4,9 z", a sub-path of zero length, which draws nothing.
    ASSERT_EQ(d.shapes().size(), 239u);
    std::size_t subpaths = 0, points = 0, filled = 0, stroked = 0;
    for (const Shape& s : d.shapes()) {
        EXPECT_EQ(s.element, "path");
        subpaths += s.subpaths.size();
        for (const auto& p : s.subpaths) points += p.points.size();
        filled += s.fill.has_value();
        stroked += s.stroke.has_value();
    }
    std::printf("[ tiger    ] %zu shapes, %zu filled, %zu stroked, %zu sub-paths, %zu points, %zu warnings, loaded in %.1f ms\n",
                d.shapes().size(), filled, stroked, subpaths, points, d.warnings().size(), ms);
    EXPECT_EQ(filled, 239u);
}

TEST(Tiger, StaysInsideItsViewport) {
    SKIP_WITHOUT_TIGER();
    const Document d = Document::load(tiger_path);
    const auto b = d.bounds();
    ASSERT_TRUE(b);
    std::printf("[ tiger    ] bounds (%.2f, %.2f) - (%.2f, %.2f)\n", b->min.x, b->min.y, b->max.x, b->max.y);
    EXPECT_GE(b->min.x, 0.0);
    EXPECT_GE(b->min.y, 0.0);
    EXPECT_LE(b->max.x, d.width());
    EXPECT_LE(b->max.y, d.height());
    // And fills a good part of it (not collapsed by a wrong transform).
    EXPECT_GT(b->max.x - b->min.x, 500.0);
    EXPECT_GT(b->max.y - b->min.y, 500.0);
}

TEST(Tiger, EveryFillTessellates) {
    SKIP_WITHOUT_TIGER();
    const Document d = Document::load(tiger_path);
    Tessellator tess;
    std::size_t triangles = 0, vertices = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const Shape& s : d.shapes()) {
        if (!s.fill) continue;
        const Triangulation t = tess.fill(s.subpaths, s.fill->rule);
        triangles += t.triangle_count();
        vertices += t.vertices.size();
        for (const auto i : t.indices) ASSERT_LT(i, t.vertices.size());
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ tiger    ] fills: %zu triangles over %zu vertices, tessellated in %.1f ms\n", triangles, vertices, ms);
    EXPECT_GT(triangles, 0u);
}
