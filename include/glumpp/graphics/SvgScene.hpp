#pragma once
// SvgScene: an SVG document as collections, drawn in a handful of draw calls (glumpy's tiger).
//
//   auto doc = svg::Document::load("tiger.svg");
//   graphics::SvgScene scene(doc);
//   scene.set_transform(view);   // a PanZoom
//   window.on_draw([&](double) { window.clear(); scene.draw(); });   // 2 draw calls
//
// Every filled shape becomes one PolygonCollection item (its sub-paths tessellated
// together under its fill rule, so holes and even-odd fills are right), or, when a
// gradient paints it, one GradientCollection item (the same triangles; the gradient
// evaluated per fragment from a table texture, GradientCollection.hpp); every stroked
// shape one PathCollection item (its sub-paths, width, join, cap and miter limit; the
// reader's svg::LineJoin and LineCap become the renderer's StrokeJoin and StrokeCap), or,
// when a gradient paints it, one GradientPathCollection item (the same segments; the
// gradient evaluated per fragment, GradientPathCollection.hpp). An <image> (a Shape with
// an svg::Image) is one TextureFillCollection of its own: its rectangle, its picture a
// premultiplied RGBA8 texture (linear filtering, or nearest for image-rendering
// optimizeSpeed / pixelated), sent once.
//
// A pattern fill (svg::Fill::pattern) is drawn as an image is: one TextureFillCollection
// of its own (in images(), in document order with the images), the shape's triangles
// sampling the tile's texture with Repeat wrapping through final units -> pattern space ->
// texture coordinates (src/graphics/SvgPattern.hpp), times fill-opacity. The tile's
// content is a nested SvgScene rendered ONCE, at the first draw(), into a gloo::FrameBuffer
// (an RGBA8 texture holding premultiplied colour, with a depth buffer, cleared to 0) at
// the tile's size in device pixels then (the view's pixels_per_unit) times 2 along each
// axis (linear filtering then smooths the single-sampled edges), each side at least 1 and
// at most detail::max_pattern_side = 1024 texels; zooming in later does not re-render it.
// So a pattern fill costs one draw call per frame (the tile's own draw calls once). At
// most detail::max_pattern_tiles = 64 pattern fills a scene; later ones are drawn in
// their fallback colour (Fill::color), with one warning saying how many. Pattern strokes
// are the reader's fallback colour (svg/Document.hpp).
//
// Text (a shape holding an svg::Text) is outlined first (graphics/SvgText.hpp: HarfBuzz
// layout, FreeType outlines, fonts by fontconfig) into one filled and/or stroked shape per
// span, which then go where any shape goes: text costs no draw call of its own (a
// translucent text fill can start a layer, as any translucent fill can). Warnings of the
// outlining (a font not found, bad UTF-8, limits) are in warnings().
// Markers, paint-order and dots cost no collection of their own: the reader makes marker
// instances ordinary shapes (after their shape), a shape whose paint-order puts the
// stroke first two shapes (stroke-only, then fill-only), and a zero-length sub-path or
// dash under round or square caps a two-point polyline that the stroke shader caps (see
// svg/Document.hpp). tests/svg/documents' markers-*.svg and paint-order-stroke.svg draw
// in 2 calls (a fill and a stroke collection), dots.svg in 1.
//
// Paint order is the document's. Shapes go into layers, each a solid fill collection, a
// gradient fill collection, its images, a stroke collection and a gradient stroke
// collection drawn in that order; layers are drawn in document order. Inside a layer,
// shape k's fill (or image) gets order 2k and its stroke 2k + 1
// (numbered across the whole scene), so a later shape's opaque fill covers an earlier
// shape's gradient fill or stroke through the depth test even though they are drawn
// after it (Collection.hpp explains the depth test). That trick cannot express
// translucency: a fill with alpha < 1 would hide what is beneath it instead of showing it
// through. So a translucent fill (a color or any gradient stop with alpha below 1,
// opacity included) whose box meets the box of an earlier item of the current layer that
// is drawn after it (a gradient fill or a stroke for a solid fill; a stroke for a
// gradient fill) starts a new layer: that item is then drawn, in its layer, before the
// fill is. Opaque fills, strokes of any alpha and translucent fills over items drawn
// before them never split a layer.
// Images are translucent fills drawn after the gradient fills: one whose box meets a
// stroke (solid or gradient) of the layer starts a new layer. And as strokes write no
// depth, a solid stroke whose box meets a gradient stroke of the layer (drawn after it)
// starts one too. Each image's collection costs its own program link when the scene is
// built (about 10 ms on llvmpipe), like a layer's.
//
// Draw calls: one per non-empty collection of a layer, so 1 to 4 per layer, plus one per
// image and one per pattern fill (gradient strokes: one call for all of a layer's).
// tests/svg/documents' pattern-*.svg per frame (`tiger --stats`): pattern-user-space 2
// (the pattern fill, a stroke), pattern-bbox 2, pattern-transform 2, pattern-viewbox 1;
// the first frame adds each tile's own (1 each there: 4, 4, 3, 2). draw_calls() counts
// the per-frame ones. The tiger is
// one layer (2 calls), a Tango icon with highlights over outlines a few (user-home: 7); any
// number of gradients in a layer is one call (Tango icons, whose highlights are
// translucent gradients over outlines: 3 to 9 calls for 12 icons sampled, measured with
// `tiger --stats`). Before gradients, of the corpus test's 96 uncompressed files 80 drew
// in 1 or 2 calls and the other 16 in 3 to 13.
// Layers cost a program link each per collection they use (about 10 ms on llvmpipe;
// collections are made at their first item) when the scene is built, nothing per frame. So there are at most max_layers of them: a hostile
// document alternating strokes and translucent fills over them would otherwise make
// thousands (seconds of linking, a draw call each). Past the limit, fills stay in the
// last layer (where a translucent one may hide an earlier stroke beneath it), with one
// warning in warnings() saying how many; panning and zooming upload nothing (the transform is
// a uniform).
//
// The root viewport clips: a scene made from a Document of known size (width and height,
// or a viewBox) draws nothing outside (0, 0, width, height) in world units, through the
// scissor test (glScissor to the rectangle's pixels under the transform, intersected
// with a scissor box the host had enabled; both restored after draw()). set_clip changes
// or removes it.
//
// Compositing groups (svg::Group, Document::groups()): the scene is a tree. The document's
// layers and its groups are its steps, in document order; each group's shapes go into
// layers of their own (a group between two shapes ends the layer before it). Drawing a
// group renders its steps into an offscreen target (an RGBA8 texture of the viewport's
// size holding premultiplied colour, cleared to 0, with a depth buffer; one per nesting
// depth, reused by every group at that depth, made at the first draw and resized with
// the viewport: FrameBuffer::resize), then composites it onto the target beneath with
// ONE full-viewport draw: premultiplied "over" (glBlendFuncSeparate(ONE,
// ONE_MINUS_SRC_ALPHA, ONE, ONE_MINUS_SRC_ALPHA)) of colour x opacity x clip coverage x
// mask luminance. The collections' own straight-alpha blending (SRC_ALPHA for colour,
// ONE for alpha) already leaves premultiplied colour in a target cleared to 0.
//  - clip-path: each clip path's shapes are white fills (a PolygonCollection, antialiased
//    as the target is: not at all offscreen) drawn into a coverage target; a second clip
//    path (a clipPath's own clip-path) into a scratch target, multiplied into the
//    coverage with one more draw (glBlendFunc(ZERO, SRC_ALPHA)).
//  - mask: the mask's shapes (layers as any) drawn into a mask target; the composite
//    takes 0.2125 R + 0.7154 G + 0.0721 B of its premultiplied colour.
//  - filter, on the group's texture: feGaussianBlur as two passes of a separable blur
//    (3 sigma each side, sigma in pixels = final units x the view's scale, a uniform; at
//    most detail::max_blur_sigma_pixels = 64), feOffset one draw (the shift a uniform),
//    feMerge one premultiplied "over" draw per input, feFlood, feComposite (and feBlend
//    normal) and feColorMatrix one draw each (one program: the colour, operator, k1..k4
//    and matrix uniforms; linearRGB converted in the shader), each into a target of its
//    own (textures clamp to transparent black outside). SourceAlpha is the texture's
//    alpha. The filter region is a glScissor on the composite (no extra draw).
// Draw calls, on top of the layers' (1 to 4 each and one per image, groups', clip paths' and masks'
// included): a group 1 (the composite), each clip path after the first 1, a blur 2, an
// offset 1, a merge 1 per input, a flood, a composite, a blend or a colour matrix 1. So a group at opacity 0.5 is its content + 1; a clipped
// rectangle 3 (fill, clip fill, composite); a masked one 3; the drop shadow (blur of
// SourceAlpha, offset, merge under SourceGraphic) of one shape 1 + 2 + 1 + 2 + 1 = 7.
// draw_calls() counts them. Panning and zooming upload nothing (the transform, the blur
// radius and the offset are uniforms); resizing the viewport re-allocates the targets.
// Offscreen targets are single-sampled: a group's edges are not antialiased by the
// window's multisampling (a difference of about a pixel's coverage along edges).
// Groups are made only from a Document (or the constructor taking groups): a group
// index out of range or a parent after its child is taken as no group, with a warning;
// groups nested deeper than svg::max_group_depth draw in the deepest one allowed.
//
// The framebuffer needs a depth buffer, cleared every frame.
//
// Fill edges are antialiased by the framebuffer's multisampling (TriangleCollection.hpp
// has no fringe of its own): the tiger demo asks for 4 samples unless --samples says
// otherwise. glumpy added a one-pixel stroke around fills instead, which also grows every
// shape by half a pixel. Curves are as fine as the Document was flattened
// (LoadOptions::scale): read it again at the drawn scale when zooming far in, as the
// tiger demo does.

#include <glumpp/graphics/GradientCollection.hpp>
#include <glumpp/graphics/GradientPathCollection.hpp>
#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PolygonCollection.hpp>
#include <glumpp/graphics/TextureFillCollection.hpp>
#include <glumpp/svg/Document.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace glumpp::graphics {

namespace detail {
class Compositor;
class PatternTile;
}

class SvgScene {
public:
    explicit SvgScene(const svg::Document& document);
    /// Shapes from anywhere (a Document's, edited, or made by hand), in painter's order.
    /// A shape the collections refuse (a point beyond the tessellator's range, a negative
    /// width...) is left out whole, with a message in warnings(); the others draw.
    explicit SvgScene(std::span<const svg::Shape> shapes);
    /// Shapes with their compositing groups (Shape::group indexes `groups`, as a
    /// Document's do). A group index out of range, or a parent not before its child, is
    /// taken as no group, with a warning.
    SvgScene(std::span<const svg::Shape> shapes, std::span<const svg::Group> groups);
    ~SvgScene();
    SvgScene(SvgScene&&) noexcept;
    SvgScene& operator=(SvgScene&&) noexcept;

    /// The most layers a scene makes (see above).
    static constexpr std::size_t max_layers = 64;

    /// The transform of every collection (see Collection::set_transform).
    void set_transform(const PanZoom& view);
    /// The world rectangle outside which nothing is drawn (nothing: no clipping).
    void set_clip(const std::optional<Rect>& world) { clip_ = world; }
    const std::optional<Rect>& clip() const noexcept { return clip_; }
    /// Pattern tiles not yet rendered first (once each, see above), then layer by layer,
    /// fills, gradient fills, images and pattern fills, strokes, then gradient strokes, and groups offscreen (see
    /// above): draw_calls() calls (none for empty collections), inside the clip rectangle
    /// (glIsEnabled, glGetIntegerv of the viewport and the scissor box, glScissor;
    /// restored after; the scissor is disabled while a group is drawn offscreen).
    void draw();

    /// The shapes the collections refused ("path#p (line 3): PathCollection::append: ...;
    /// skipped"), in document order; the reader's own are in Document::warnings().
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }

    /// Compositing groups drawn offscreen (nodes of the tree, see above).
    std::size_t group_count() const noexcept;
    /// Layers (see above; groups', clip paths' and masks' included); at least one.
    std::size_t layer_count() const noexcept { return layers_.size(); }
    /// The draw calls draw() makes: one per non-empty collection.
    std::size_t draw_calls() const noexcept;
    /// Layer `layer`'s collections (IndexError beyond layer_count()).
    PolygonCollection& fills(std::size_t layer = 0);
    PathCollection& strokes(std::size_t layer = 0);
    /// Layer `layer`'s fills painted by gradients (IndexError beyond layer_count()).
    GradientCollection& gradients(std::size_t layer = 0);
    /// Layer `layer`'s strokes painted by gradients (IndexError beyond layer_count()).
    GradientPathCollection& gradient_strokes(std::size_t layer = 0);
    /// Layer `layer`'s images and pattern fills, one collection (one texture, one draw
    /// call) each, in document order (IndexError beyond layer_count()).
    std::span<const std::unique_ptr<TextureFillCollection>> images(std::size_t layer = 0);

private:
    struct Layer;
    struct Node;
    void build(std::span<const svg::Shape> shapes, std::span<const svg::Group> groups);
    /// The one place a shape becomes collection items: into `node`'s current layer (a new
    /// one when the node's last step is a group, or for a translucent fill, see above).
    void add_shape(const svg::Shape& shape, std::size_t node, float order);
    Layer& layer(std::size_t i, const char* caller);
    Layer& current_layer(std::size_t node);
    void draw_layer(Layer& l);
    void draw_node(std::size_t node, int depth);
    void draw_group(std::size_t node, int depth);
    // Collections are not movable (their GL objects are tied to the context); the
    // vectors hold them by pointer.
    std::vector<std::unique_ptr<Layer>> layers_;
    std::vector<std::unique_ptr<Node>> nodes_; ///< 0: the document; then groups, clip paths, masks
    std::unique_ptr<detail::Compositor> compositor_;
    std::vector<std::string> warnings_;
    std::optional<PanZoom> view_;
    std::optional<Rect> clip_;
    std::size_t past_layer_limit_ = 0;
    std::vector<std::unique_ptr<detail::PatternTile>> tiles_; ///< one a pattern fill, rendered at the first draw
    std::size_t past_tile_limit_ = 0;
};

} // namespace glumpp::graphics
