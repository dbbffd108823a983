#pragma once
// A compositing group: a container (g, a, svg, use, switch) or a single shape that must be
// drawn offscreen as ONE layer and then composited: opacity below 1 (on a container, or on
// a shape both filled and stroked), clip-path, mask or filter. Document::groups() holds
// them, parents before children; Shape::group names the innermost one a shape belongs to.
// A group's shapes are contiguous in Document::shapes(), in document order.
//
// Everything is in final units (as Shape.hpp's coordinates), every unit system resolved
// by the reader: clipPathUnits, maskContentUnits and primitiveUnits (objectBoundingBox
// uses the group's user-space box of its flattened points). Plain data, no GL.

#include <glumpp/svg/Shape.hpp>

#include <glm/vec2.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::svg {

/// One clipPath: the union of its shapes' fills, each under its own clip-rule (in
/// Fill::rule; Fill::color is opaque white, no stroke). Shapes of a clipPath are never
/// stroked, never translucent (SVG 1.1 14.3.5).
struct ClipPath {
    std::vector<Shape> shapes; ///< group = -1
    std::string name;          ///< "clipPath#c (line 4)", for messages
};

/// A luminance mask: its content drawn as shapes are, the mask value of a pixel being the
/// luminance of the content's colour (0.2125 R + 0.7154 G + 0.0721 B of the sRGB values,
/// as librsvg computes it) times its alpha. Content is plain shapes (gradients allowed);
/// opacity inside it is folded into the shapes' alpha, and clip-path, mask and filter
/// inside it are ignored with a warning (an approximation: no groups inside masks).
/// The mask region (x, y, width, height) is not applied: content outside the region
/// still masks (an approximation; Inkscape's masks lie inside their region).
struct Mask {
    std::vector<Shape> shapes; ///< group = -1
    std::string name;
};

/// A supported filter primitive, resolved. Inputs name SourceGraphic, SourceAlpha or the
/// result of an earlier primitive of the same filter (its index).
struct FilterPrimitive {
    enum class Kind : std::uint8_t { GaussianBlur, Offset, Merge };
    static constexpr int source_graphic = -1;
    static constexpr int source_alpha = -2;
    Kind kind = Kind::GaussianBlur;
    /// GaussianBlur, Offset: one input; Merge: its feMergeNode inputs, bottom first.
    std::vector<int> inputs;
    /// GaussianBlur: standard deviations along x and y in final units (>= 0; 0: the input
    /// unchanged along that axis, as SVG says).
    glm::dvec2 std_deviation{0.0, 0.0};
    /// Offset: dx, dy in final units.
    glm::dvec2 offset{0.0, 0.0};
    friend bool operator==(const FilterPrimitive&, const FilterPrimitive&) = default;
};

/// A filter of supported primitives only: the group's result is the last primitive's.
/// A filter holding any other primitive is not a Filter: the reader warns and draws the
/// element unfiltered. The filter region is not applied (the blur is not cut at it), and
/// the primitives work on sRGB values (color-interpolation-filters is taken as sRGB).
struct Filter {
    std::vector<FilterPrimitive> primitives; ///< at least 1, at most max_filter_primitives
    std::string name;
};

struct Group {
    int parent = -1;       ///< index in Document::groups(), -1: the document itself
    float opacity = 1.0f;  ///< the group's opacity, applied once to the composited layer
    /// clip-path: the intersection of these clip paths (a clipPath with its own clip-path
    /// adds that one, nested at most max_clip_depth deep, as SVG 1.1 14.3.5 and the
    /// browsers do; rsvg-convert 2.54 ignores a clipPath's own clip-path, so the corpus
    /// documents do not use it). Empty: not clipped.
    std::vector<ClipPath> clip;
    std::optional<Mask> mask;
    std::optional<Filter> filter;
    std::string name; ///< "g#layer1 (line 12)", for messages
};

/// Bounds (Document.hpp's file comment): groups in a document (later candidates are drawn
/// ungrouped: opacity folded into their shapes, clip, mask and filter ignored, with a
/// warning), groups nested in one another (deeper ones likewise), clip-path references
/// followed through clipPath elements, and primitives in one filter.
inline constexpr std::size_t max_groups = 256;
inline constexpr int max_group_depth = 16;
inline constexpr int max_clip_depth = 8;
inline constexpr std::size_t max_filter_primitives = 16;

} // namespace glumpp::svg
