// Built against an installed glumpp by tests/consumer/run.cmake, linking glumpp::svg alone
// (no GL layer): an SVG square with a square hole, read and triangulated as a renderer of
// one's own would. The filled area is 80 x 80 - 40 x 40 = 4800 (by hand).
#include <glumpp/svg.hpp>

#include <cmath>
#include <cstdio>

int main() {
    using namespace glumpp;
    using svg::tessellate;
    using svg::Triangulation;
    const auto doc = svg::Document::parse(R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
        <path d="M10 10 h 80 v 80 h -80 z M30 30 v 40 h 40 v -40 z" fill-rule="evenodd" fill="#ff8000"/></svg>)");
    if (doc.shapes().size() != 1 || !doc.shapes()[0].fill) {
        std::printf("consumer_svg: expected one filled shape, got %zu\n", doc.shapes().size());
        return 1;
    }
    const svg::Shape& shape = doc.shapes()[0];
    const Triangulation t = tessellate(shape.subpaths, shape.fill->rule);
    const bool area_ok = std::abs(t.area() - 4800.0) < 1e-9;
    const bool color_ok = shape.fill->color == svg::Color::rgb8(255, 128, 0);
    std::printf("consumer_svg: %zu triangles, area %g %s, color %s\n", t.triangle_count(), t.area(),
                area_ok ? "as expected" : "WRONG", color_ok ? "as expected" : "WRONG");
    return area_ok && color_ok ? 0 : 1;
}
