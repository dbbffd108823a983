#pragma once
// An SVG document read into flattened, styled shapes (the CPU half of glumpy's
// graphics.svg; the GPU half builds collections from `shapes()`).
//
// XML is read by pugixml. The DTD's internal general entities (<!ENTITY ns_svg "...">,
// which Illustrator writes) are expanded first, at most 1024 of them, nested at most 8
// deep, into at most 64 MB of text, else none is (a warning "DOCTYPE: ..."); external
// and parameter entities are not read. Elements:
//  - svg: the root viewport (width, height, viewBox, preserveAspectRatio: every align
//    value, meet and slice) and nested viewports (x, y as well; children are not
//    clipped to them);
//  - g and a: groups; switch: renders its first child that does not require an
//    extension (requiredFeatures and systemLanguage are taken as met);
//  - path, rect (rx/ry rounded corners), circle, ellipse, line, polyline, polygon;
//  - image (src/svg/Image.cpp): x, y, width and height (the picture's own size in pixels
//    when absent), preserveAspectRatio (every align value, meet and slice: the picture is
//    cut to the viewport), href or xlink:href of a base64 data: URI or a file name relative
//    to LoadOptions::base_directory (never outside it), PNG or JPEG decoded by stb_image
//    into Shape::image (RGBA8), image-rendering as an attribute (optimizeSpeed, pixelated,
//    crisp-edges: nearest pixel); opacity multiplied into Image::alpha. A missing or
//    unreadable href, corrupt data, another format, or a picture past a limit (below) is
//    a warning naming the element, and the image is skipped;
//  - use: of any of the above, or of a symbol (its viewBox, sized by the use's width and
//    height, 100% of the viewport when absent, or the viewBox's own size in a root of
//    unknown size); references that loop are a warning, not a hang;
//  - width="0" or height="0" on the root or a nested viewport disables its rendering
//    (with a warning), as SVG says; a missing root size is unknown, not zero;
//  - marker: drawn where path, line, polyline and polygon refer to it (marker-start,
//    marker-mid, marker-end, the `marker` shorthand), on every vertex of the path data
//    (the movetos' included), in path order right after the shape: markerWidth,
//    markerHeight, refX, refY, viewBox, preserveAspectRatio, orient (auto: the bisector
//    of the directions in and out at a vertex, curves' end tangents, a closepath's
//    vertex going on along its first segment; auto-start-reverse; an angle), markerUnits
//    (strokeWidth, userSpaceOnUse). The content is ordinary shapes styled from the
//    marker's own ancestors (src/svg/Marker.hpp);
//  - text, with tspan and a inside it (nested): one Shape with no subpaths and an
//    svg::Text (Shape.hpp) for a renderer to lay out and outline (fonts are not the
//    reader's; SvgScene does it, graphics/SvgText.hpp): characters with xml:space
//    handled (SVG 1.1 10.15), x, y, dx, dy lists (lengths, one entry per character, the
//    innermost element's first), each span's fill, stroke and visibility; tspans' own
//    opacity is not applied (SVG 1.1: it is not a property of text content elements).
//    textPath, tref and other children are skipped with a warning, rotate, textLength
//    and lengthAdjust ignored with one; gradients in objectBoundingBox units paint their
//    fallback (the glyphs' box is not known here), with url()'s warning; stroke-dasharray
//    strokes text solid, with a warning; at most max_text_characters code points in all;
//  - defs, symbol, metadata, title, desc, and the paint servers, clip paths, masks,
//    markers, patterns and filters they hold are not drawn in place, silently;
//  - elements in other XML namespaces (Inkscape's, Sodipodi's, RDF...) are ignored
//    silently, as SVG requires;
//  - any other element (foreignObject...) is skipped with a warning.
// CSS: <style> sheets (type text/css or none; anywhere in the document, applying to all
// of it) with type, universal, class and id selectors, compounds of them (rect.a#b),
// descendant and child combinators, selector lists, specificity and !important. The
// cascade: presentation attributes, then the sheets' rules (by specificity, then source
// order), then the style attribute, then the sheets' !important declarations. Attribute
// selectors, pseudo-classes, + and ~ make their selector ignored, at-rules (@media,
// @import...) are ignored, each with a warning. Bounded (src/svg/Css.hpp): 10,000 rules,
// 32 compounds a selector, 5e7 selector tests a document, each a warning when reached.
// Style: presentation attributes, overridden by the style attribute (style wins), and
// inherited down the tree: fill, fill-opacity, fill-rule, stroke, stroke-opacity,
// stroke-width, stroke-linejoin, stroke-linecap, stroke-miterlimit, stroke-dasharray
// (at most 1024 lengths; an odd list repeated, all zeros solid) and stroke-dashoffset
// (dashes cut on the CPU: Stroke::dashes, in flatten's units), color
// (currentColor), visibility, marker-start, marker-mid, marker-end, marker, paint-order
// (SVG 2: a stroke before its fill makes the shape two, stroke-only then fill-only; markers
// move with their place), clip-rule, plus opacity, display,
// overflow (read by markers only), clip-path, mask and filter, which do not inherit. Zero-length sub-paths ("M 1 1 z") and
// zero-length dashes ("0 10") under round or square caps are dots, as SVG 2 says: a
// sub-path (Stroke::dashes: a dash) of two points 1/1024 of the width apart, along the
// user x axis (a dash: along the path), so that any stroke renderer caps them.
// Ignored silently, by decision: shape-rendering (a hint; glumpp always antialiases),
// color-interpolation-filters and enable-background (only filters read them), and the
// initial values of the properties below.
// The text properties (inherited): font-family (a list, quoted or not),
// font-size (lengths, em, ex, % of the parent's, the CSS keywords: medium is 16; the
// initial size is 12 user units, rsvg-convert's), font-weight (100-900, normal, bold,
// bolder, lighter), font-style, the font shorthand, text-anchor. text-decoration, font-variant, letter-spacing,
// word-spacing, baseline-shift, dominant- and alignment-baseline, and vertical
// writing-mode are warned about and ignored.
// `inherit` is understood.
// Compositing (Group.hpp, groups()): an element with opacity < 1 (a container, or a
// shape both filled and stroked; a shape only filled or only stroked folds its opacity
// into its colours, which is exact), clip-path="url(#c)", mask="url(#m)" or
// filter="url(#f)" is a compositing group, drawn by a renderer as one layer:
//  - clipPath: its shapes (and uses of shapes) filled under clip-rule, clipPathUnits
//    (userSpaceOnUse, objectBoundingBox), its transform, and its own clip-path (an
//    intersection, at most max_clip_depth references; a loop is a warning). Text and
//    other elements inside a clipPath are ignored with a warning;
//  - mask: luminance masks, maskContentUnits (userSpaceOnUse, objectBoundingBox); the
//    content is read as shapes, opacity inside folded into them, clip-path, mask and
//    filter inside ignored with a warning; the mask region is not applied; a mask whose
//    content holds an element that is not supported (image, text) is ignored, with a
//    warning (part of a mask would hide what the whole shows);
//  - filter: feGaussianBlur (stdDeviation x [y]), feOffset (dx, dy), feMerge
//    (feMergeNode), feFlood (flood-color, flood-opacity), feComposite (over, in, out,
//    atop, xor, arithmetic k1..k4), feColorMatrix (matrix, saturate, hueRotate,
//    luminanceToAlpha) and feBlend mode="normal"; in / in2 / result / SourceGraphic /
//    SourceAlpha, primitiveUnits, the filter region (x, y, width, height, filterUnits)
//    and color-interpolation-filters for flood, composite and colour matrix (Group.hpp).
//    A filter with any other primitive (feTurbulence, feMorphology, feBlend of another
//    mode...) or input (BackgroundImage...) is warned about and the element drawn
//    unfiltered; primitive subregions are ignored with a warning;
//  - a reference to nothing (or to the wrong element) is a warning, and the property is
//    ignored. Bounded: max_groups groups, max_group_depth nested, max_filter_primitives
//    primitives a filter (Group.hpp); past a bound, a warning, and the element drawn
//    ungrouped (opacity folded into its shapes).
// Paint servers: fill and stroke "url(#g) [fallback]" of a linearGradient or
// radialGradient become a Gradient (Shape.hpp) resolved for the shape: stops (offset,
// stop-color, stop-opacity, as attributes or style; at most 4096), gradientUnits
// (objectBoundingBox: the shape's user-space box of its flattened points), gradientTransform,
// spreadMethod, x1 y1 x2 y2, cx cy r fx fy, each taken from the first gradient of the
// xlink:href / href chain that has it (at most 16 links; a loop is a warning). SVG's
// special cases: no stops paint nothing, one stop its color, x1,y1 = x2,y2 or r = 0 the
// last stop's color; objectBoundingBox on a shape of zero width or height, a reference to
// nothing or to something else (a pattern) paint the fallback, with a warning. Lengths take px, pt, pc, mm, cm, in and percentages of the
// viewport; em and ex are not supported.
//
// Approximations, each with its reason:
//  - opacity inside mask content, and past the group bounds, is multiplied into the fill
//    and stroke alpha of every shape below it (exact where its shapes do not overlap).
//  - patterns: fill="url(#p)" on a shape is a Pattern (Shape.hpp; src/svg/Pattern.cpp):
//    x, y, width, height, patternUnits (objectBoundingBox by default), patternContentUnits,
//    patternTransform, viewBox and preserveAspectRatio, each from the first pattern of the
//    href chain that has it (at most 16 links; a loop is a warning), the children from the
//    first that has any. width or height 0 paints nothing. Approximated, with a warning and
//    the fallback color ("url(#p) red"; "none" without one): pattern strokes, patterns on
//    text, a pattern inside a pattern's content, content past max_pattern_shapes, fills
//    past max_pattern_fills. In content, opacity is multiplied into each shape (no
//    groups) and text and images are skipped with a warning; its style is inherited from
//    the pattern element only, not from the pattern's ancestors. A pattern viewBox whose
//    aspect differs from the tile's is placed as SVG says (xMidYMid meet centres it);
//    rsvg-convert 2.54 shifts it by the offset times the viewBox scale instead, so
//    tests/svg/documents/pattern-viewbox.svg keeps the tile's aspect.
//  - mix-blend-mode other than normal, isolation other than auto and vector-effect
//    other than none are ignored with a warning; so is every element not listed above
//    (foreignObject...).
//  - a marker's overflow hidden (the default) clips its content to its viewport: content
//    inside it is exact; content that reaches outside is drawn unclipped, with a warning
//    once per marker (the reader has no clip to give a renderer).
//  - the root viewport does not clip the shapes here: a renderer clips (SvgScene does).
//
// Problems never crash and never stop the document (except malformed XML):
//  - malformed XML, or a root element that is not svg: ParseError("Document::parse: ...")
//    (or "Document::load: \"file\": ...") with pugixml's description, line, column and
//    offset;
//  - a file that cannot be read: IoError;
//  - a bad geometry attribute (width="abc", r="-1", x="2em") or transform: a warning
//    naming the element and the attribute, and the element (with its children) is
//    skipped;
//  - path data or a points list with an error: drawn up to the error, as SVG 1.1 (F.2)
//    requires for paths, with a warning quoting the parser's message; an odd number of
//    point coordinates loses the last one, with a warning;
//  - a bad style value (fill="bogus"): a warning, and the property is ignored (the
//    inherited value stays), as CSS does;
//  - a shape whose numbers are out of range once transformed (a point beyond
//    max_coordinate, or not finite; a stroke width beyond max_coordinate) is skipped with
//    a warning naming the element and its line; the rest of the document draws. A
//    stroke-miterlimit above max_miter_limit is taken as max_miter_limit (a miter that
//    long is never drawn differently on screen).
// Limits, each a warning naming the element where it was reached, never an error: they
// bound the time and memory any input can take (see the constants below):
//  - elements nested more than max_depth deep are skipped (with their children);
//  - `use` instantiates at most max_use_elements elements in all, the rest is skipped;
//  - markers instantiate at most max_marker_elements elements in all, the rest is skipped;
//  - a path's d attribute holds at most max_path_commands commands: the path is drawn up
//    to the limit, as after an error;
//  - the document's shapes hold at most max_points points in all: the shape that would
//    pass it is skipped, and so is every later one.
// Warnings are collected in warnings(), never printed.

#include <glumpp/svg/Flatten.hpp>
#include <glumpp/svg/Group.hpp>
#include <glumpp/svg/Shape.hpp>
#include <glumpp/svg/Transform.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg {

/// The reader's limits (see the file comment): generous for real files (the Ghostscript
/// tiger is 8 levels deep, 2,000 commands and 60,000 points at 512 pixels), small enough
/// that no input takes more than about a gigabyte.
inline constexpr int max_depth = 256;
inline constexpr std::size_t max_use_elements = 100'000;
/// Markers instantiate at most this many elements in all (each instance counts its
/// marker's elements): a path of a million vertices with a marker-mid gets its first
/// instances and a warning, not a million copies.
inline constexpr std::size_t max_marker_elements = 100'000;
inline constexpr std::size_t max_path_commands = std::size_t(1) << 22; ///< about 400 MB of commands
inline constexpr std::size_t max_points = std::size_t(1) << 24;        ///< 256 MB of points
/// A billion pixels: beyond it a float (what collections store) cannot place a point
/// within 64 pixels, and GLU's tessellator loses precision long before its own limit.
inline constexpr double max_coordinate = 1e9;
inline constexpr double max_miter_limit = 1e6;
/// The code points all <text> elements of a document hold together (after white space
/// handling): a million, a book's worth; past it characters are dropped, with a warning.
inline constexpr std::size_t max_text_characters = std::size_t(1) << 20;
/// <image>: at most this many pixels each (16.7 million: 64 MB decoded) and in all the
/// document's images (256 MB decoded), and at most max_image_bytes of encoded data each
/// (a base64 data: URI decoded, or a file); an image past a limit is skipped with a
/// warning, before it is decoded.
inline constexpr std::size_t max_image_pixels = std::size_t(1) << 24;
inline constexpr std::size_t max_total_image_pixels = std::size_t(1) << 26;
inline constexpr std::size_t max_image_bytes = std::size_t(1) << 26;
/// fill="url(#p)": each resolved pattern holds at most max_pattern_shapes content shapes
/// (past it: the fallback color, with a warning), and a document resolves at most
/// max_pattern_fills pattern fills (later ones paint their fallback color, warned once),
/// so that 1e5 shapes under one pattern of 1e4 elements do not read 1e9 shapes. Content
/// points count towards max_points too.
inline constexpr std::size_t max_pattern_shapes = 4096;
inline constexpr std::size_t max_pattern_fills = 1024;

struct LoadOptions {
    /// The largest distance between a flattened polyline and its curve, in device
    /// pixels.
    double tolerance = default_tolerance;
    /// Device pixels per final unit: 1 when the document is drawn at its own size, 2 on
    /// a HiDPI screen or when zoomed 2x. Curves are flattened to tolerance / scale in
    /// final units, so zooming in needs a reload with a larger scale to stay smooth.
    double scale = 1.0;
    /// Where <image href="file.png"> looks: files are read only below this directory
    /// (a path that leaves it, "../x.png" or "/etc/x.png", is a warning and the image is
    /// skipped). Nothing (parse()'s default): no file is read, only data: URIs, with a
    /// warning for each file reference. load() uses the file's directory when this is
    /// nothing.
    std::optional<std::filesystem::path> base_directory;
};

struct ViewBox {
    double x = 0.0, y = 0.0, width = 0.0, height = 0.0;
    friend bool operator==(const ViewBox&, const ViewBox&) = default;
};

struct Bounds {
    glm::dvec2 min{0.0, 0.0}, max{0.0, 0.0};
};

class Document {
public:
    /// Throws IoError when the file cannot be read, ParseError for malformed XML or a
    /// root that is not svg, ValueError for options that are not positive and finite.
    static Document load(const std::filesystem::path& path, const LoadOptions& options = {});
    static Document parse(std::string_view xml, const LoadOptions& options = {});

    /// The root viewport's size in final units (from width/height; from the viewBox when
    /// they are missing; 0 when neither says).
    double width() const { return width_; }
    double height() const { return height_; }
    const std::optional<ViewBox>& view_box() const { return view_box_; }
    /// The root's user units to final units (viewBox and preserveAspectRatio). The
    /// identity without a viewBox, or with one of zero width or height (SVG: nothing is
    /// rendered then), or when the root's size is 0.
    const Transform& viewport_transform() const { return viewport_transform_; }

    /// Painted shapes in document (painter's) order: later ones are drawn on top.
    const std::vector<Shape>& shapes() const { return shapes_; }
    /// Compositing groups (Group.hpp), parents before children; Shape::group indexes it.
    const std::vector<Group>& groups() const { return groups_; }
    const std::vector<std::string>& warnings() const { return warnings_; }

    /// The box around every point of every shape (strokes' widths not included; text,
    /// which has no points before a renderer outlines it, not included either);
    /// nothing when there are no shapes.
    std::optional<Bounds> bounds() const;

private:
    friend class DocumentBuilder;
    double width_ = 0.0, height_ = 0.0;
    std::optional<ViewBox> view_box_;
    Transform viewport_transform_;
    std::vector<Shape> shapes_;
    std::vector<Group> groups_;
    std::vector<std::string> warnings_;
};

} // namespace glumpp::svg
