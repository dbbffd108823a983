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

#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Shape.hpp>

#include <glm/vec2.hpp>

#include <array>
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
/// result of an earlier primitive of the same filter (its index). Every result is
/// premultiplied RGBA; primitive subregions (x, y, width, height on a primitive) are
/// ignored with a warning (each primitive covers the filter region).
struct FilterPrimitive {
    /// feBlend mode="normal" is read as Composite with Operator::Over (the same formula,
    /// SVG 1.1 15.12); other blend modes are not supported.
    enum class Kind : std::uint8_t { GaussianBlur, Offset, Merge, Flood, Composite, ColorMatrix };
    /// feComposite's operator (Porter-Duff on premultiplied colour, in = A, in2 = B).
    enum class Operator : std::uint8_t { Over, In, Out, Atop, Xor, Arithmetic };
    static constexpr int source_graphic = -1;
    static constexpr int source_alpha = -2;
    Kind kind = Kind::GaussianBlur;
    /// GaussianBlur, Offset, ColorMatrix: one input; Composite: in, in2; Merge: its
    /// feMergeNode inputs, bottom first; Flood: none.
    std::vector<int> inputs;
    /// GaussianBlur: standard deviations along x and y in final units (>= 0; 0: the input
    /// unchanged along that axis, as SVG says).
    glm::dvec2 std_deviation{0.0, 0.0};
    /// Offset: dx, dy in final units.
    glm::dvec2 offset{0.0, 0.0};
    /// Flood: flood-color (sRGB, not premultiplied), its alpha times flood-opacity.
    Color flood{0.0f, 0.0f, 0.0f, 1.0f};
    /// Composite: the operator and, for Arithmetic, k1..k4 (result = k1 A B + k2 A + k3 B
    /// + k4 on premultiplied components, clamped to [0, 1], as SVG 1.1 15.12 says).
    Operator op = Operator::Over;
    std::array<float, 4> k{0.0f, 0.0f, 0.0f, 0.0f};
    /// ColorMatrix: the 4 x 5 matrix, rows R G B A, applied to the un-premultiplied input
    /// (columns R G B A 1, components in [0, 1]); saturate, hueRotate and luminanceToAlpha
    /// are expanded into it as SVG 1.1 15.10 gives them.
    std::array<float, 20> matrix{1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0};
    /// Flood, Composite, ColorMatrix: color-interpolation-filters is linearRGB (the
    /// default, read on the primitive, else on its filter): the inputs are converted to
    /// linear RGB, the result back to sRGB. GaussianBlur, Offset and Merge always work on
    /// the stored sRGB values (an approximation, exact for SourceAlpha and for flat colour).
    bool linear_rgb = true;
    friend bool operator==(const FilterPrimitive&, const FilterPrimitive&) = default;
};

/// A filter of supported primitives only: the group's result is the last primitive's.
/// A filter holding any other primitive is not a Filter: the reader warns and draws the
/// element unfiltered.
struct Filter {
    std::vector<FilterPrimitive> primitives; ///< at least 1, at most max_filter_primitives
    /// The filter region (x, y, width, height under filterUnits; objectBoundingBox by
    /// default, -10% -10% 120% 120%), in final units: the axis-aligned box of the region's
    /// corners. The composited result is cut to it (so is a flood). Nothing: no content
    /// (objectBoundingBox units of an empty box); empty (min == max): not drawn at all
    /// (width or height <= 0 disables the element, SVG 1.1 15.5).
    struct Region {
        glm::dvec2 min{0.0, 0.0}, max{0.0, 0.0};
    };
    std::optional<Region> region;
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
