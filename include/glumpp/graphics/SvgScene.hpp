#pragma once
// SvgScene: an SVG document as two collections, drawn with two draw calls (glumpy's tiger).
//
//   auto doc = svg::Document::load("tiger.svg");
//   graphics::SvgScene scene(doc);
//   scene.set_transform(view);   // a PanZoom
//   window.on_draw([&](double) { window.clear(); scene.draw(); });   // 2 draw calls
//
// Every filled shape becomes one PolygonCollection item (its sub-paths tessellated
// together under its fill rule, so holes and even-odd fills are right), every stroked
// shape one PathCollection item (its sub-paths, width, join, cap and miter limit; the
// reader's svg::LineJoin and LineCap become the renderer's StrokeJoin and StrokeCap).
// Painter's order across the two collections comes from orders: shape k's fill gets
// order 2k and its stroke 2k + 1, so a later shape's fill covers an earlier shape's
// stroke even though all strokes are drawn after all fills (Collection.hpp explains the
// depth test behind it). The framebuffer needs a depth buffer, cleared every frame.
//
// Fills are not antialiased (TriangleCollection.hpp); ask the window for multisampling
// (`--samples 4`) for smooth fill edges. glumpy added a one-pixel stroke around fills
// instead, which also grows every shape by half a pixel.

#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PolygonCollection.hpp>
#include <glumpp/svg/Document.hpp>

#include <span>
#include <string>
#include <vector>

namespace glumpp::graphics {

class SvgScene {
public:
    explicit SvgScene(const svg::Document& document);
    /// Shapes from anywhere (a Document's, edited, or made by hand), in painter's order.
    /// A shape the collections refuse (a point beyond the tessellator's range, a negative
    /// width...) is left out whole, with a message in warnings(); the others draw.
    explicit SvgScene(std::span<const svg::Shape> shapes);

    /// The transform of both collections (see Collection::set_transform).
    void set_transform(const PanZoom& view);
    /// Fills, then strokes: two draw calls (fewer when a collection is empty).
    void draw();

    /// The shapes the collections refused ("path#p (line 3): PathCollection::append: ...;
    /// skipped"), in document order; the reader's own are in Document::warnings().
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }

    PolygonCollection& fills() noexcept { return fills_; }
    PathCollection& strokes() noexcept { return strokes_; }

private:
    PolygonCollection fills_;
    PathCollection strokes_;
    std::vector<std::string> warnings_;
};

} // namespace glumpp::graphics
