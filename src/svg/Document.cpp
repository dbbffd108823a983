#include <glumpp/svg/Document.hpp>
// The tree walk: elements in document order, each entered with its parent's transform,
// style and viewport (the inherited context), shapes emitted as they are met. What
// values mean is in Values.cpp, style properties in Style.cpp, the basic shapes'
// geometry in ShapeGeometry.cpp.

#include "Entities.hpp"
#include "Filter.hpp"
#include "Gradient.hpp"
#include "Pattern.hpp"
#include "Marker.hpp"
#include "Image.hpp"
#include "Scanner.hpp"
#include "ShapeGeometry.hpp"
#include "Style.hpp"
#include "Text.hpp"
#include "Values.hpp"

#include <glumpp/Error.hpp>

#include <glm/common.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>
#include <unordered_map>
#include <utility>

namespace glumpp::svg {

namespace {

using detail::Axis;
using detail::BadValue;
using detail::Skip;
using detail::Style;
using detail::Viewport;

constexpr std::string_view svg_namespace = "http://www.w3.org/2000/svg";
// The limits are Document.hpp's: the traversal recurses per element (max_depth), and
// `use` can multiply elements exponentially (a uses b twice, b uses c twice...).
constexpr std::size_t max_use_instances = max_use_elements;
// A dot (a zero-length sub-path or dash under round or square caps) is a segment this
// fraction of the stroke width long: the caps' direction, and no visible length.
constexpr double dot_length = 1.0 / 1024.0;

struct Context {
    Transform ctm;
    Style style;
    Viewport viewport;
    float alpha = 1.0f; ///< product of the opacities folded into shapes (see Document.hpp)
    int depth = 0;
    int group = -1;       ///< the innermost compositing group (Group.hpp), -1: none
    int group_depth = 0;  ///< compositing groups around the element
    bool opened = false;  ///< this element opened `group`: close() resolves it
    std::size_t first_shape = 0; ///< the group's first shape, when opened
};

std::string_view local_part(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// The element's name without prefix when it is in the SVG namespace (or in none: many
/// hand-written files omit xmlns), nothing when it belongs to another vocabulary.
std::optional<std::string_view> svg_name(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    const std::string prefix = colon == std::string_view::npos ? "" : std::string(name.substr(0, colon));
    const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (const pugi::xml_attribute a = n.attribute(declaration.c_str())) {
            if (std::string_view(a.value()) == svg_namespace) return local_part(name);
            return std::nullopt;
        }
    }
    if (prefix.empty()) return name;
    return std::nullopt;
}

} // namespace

/// Walks the XML tree once, in document order, carrying the inherited context down.
class DocumentBuilder {
public:
    DocumentBuilder(Document& doc, std::string_view text, const LoadOptions& options)
        : doc_(doc), tolerance_(options.tolerance / options.scale), base_directory_(options.base_directory) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts_.push_back(i + 1);
    }

    /// A warning about the document as a whole (its DOCTYPE), before any element's.
    void note(const std::string& message) { doc_.warnings_.push_back(message); }

    void build(pugi::xml_node root, const std::string& function) {
        const auto name = svg_name(root);
        if (!name || *name != "svg")
            throw ParseError(function + ": the root element is <" + std::string(root.name()) + ">, not <svg>");
        root_ = root;
        read_style_sheets(root);
        reserve_shapes(root);
        Context context;
        // The root's viewport: width and height when they are absolute lengths; else the
        // viewBox's size; else unknown (0).
        // Initialised on both paths in one expression: assigning inside the try block
        // instead left `box` holding garbage after a bad viewBox in GCC 12 -O1/-O2 builds
        // (valgrind: uninitialised reads at its first use), for a reason not pinned down.
        const std::optional<ViewBox> box = [&]() -> std::optional<ViewBox> {
            try {
                return detail::view_box_attribute(root);
            } catch (const Skip& skip) {
                warn(root, skip.message);
                return std::nullopt;
            }
        }();
        double width = 0.0, height = 0.0;
        const auto root_length = [&](const char* attribute, double fallback) {
            const pugi::xml_attribute a = root.attribute(attribute);
            const std::string_view value = detail::trim(a.value());
            if (!a || value.ends_with('%')) return fallback;
            try {
                const double v = detail::parse_length(value, Axis::Other, {});
                if (v < 0.0) throw BadValue{"negative value " + detail::quote(value)};
                return v;
            } catch (const BadValue& bad) {
                warn(root, std::string("attribute ") + attribute + ": " + bad.message + "; using " + detail::number_text(fallback));
                return fallback;
            }
        };
        // An absolute 0 (not a percentage, which has nothing to refer to here, nor a bad
        // value, which falls back).
        const auto zero_given = [&](const char* attribute) {
            const std::string_view value = detail::trim(root.attribute(attribute).value());
            if (!root.attribute(attribute) || value.ends_with('%')) return false;
            try {
                return detail::parse_length(value, Axis::Other, {}) == 0.0;
            } catch (const BadValue&) {
                return false;
            }
        };
        width = root_length("width", box ? box->width : 0.0);
        height = root_length("height", box ? box->height : 0.0);
        doc_.width_ = width;
        doc_.height_ = height;
        doc_.view_box_ = box;
        // A viewBox of zero width or height disables rendering; there is no transform to
        // it either (the scale would divide by zero), so the identity stays.
        if (box && box->width > 0.0 && box->height > 0.0 && width > 0.0 && height > 0.0) {
            try {
                doc_.viewport_transform_ = detail::viewbox_transform(*box, 0.0, 0.0, width, height, detail::aspect_ratio_attribute(root));
            } catch (const Skip& skip) {
                warn(root, skip.message);
            }
        }
        context.ctm = doc_.viewport_transform_;
        context.viewport = box ? Viewport{box->width, box->height} : Viewport{width, height};
        if (box && (box->width == 0.0 || box->height == 0.0)) return; // SVG: rendering disabled
        // width="0" or height="0" on the root disables rendering too (SVG 1.1 7.7); a
        // missing one (size 0: unknown) does not.
        for (const char* attribute : {"width", "height"})
            if (zero_given(attribute)) {
                warn(root, std::string(attribute) + " is 0: SVG disables rendering; nothing is drawn");
                return;
            }
        // The root is entered here, not through visit(), so its Skip (a bad transform)
        // is caught here: the document is then empty, with the warning, not a crash.
        try {
            visit_group_like(root, context);
        } catch (const Skip& skip) {
            warn(root, skip.message + "; skipped");
        }
    }

private:
    // --- messages ---------------------------------------------------------------------

    int line_of(pugi::xml_node node) const {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return 0;
        const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset));
        return static_cast<int>(it - line_starts_.begin());
    }

    std::string describe(pugi::xml_node node) const {
        Shape s;
        s.element = std::string(local_part(node.name()));
        s.id = node.attribute("id").value();
        s.line = line_of(node);
        return s.name();
    }

    void warn(pugi::xml_node node, const std::string& message) { doc_.warnings_.push_back(describe(node) + ": " + message); }

    /// The problems a helper collected, under the element's name, in their order.
    void warn_all(pugi::xml_node node, const std::vector<std::string>& messages) {
        for (const std::string& m : messages) warn(node, m);
    }

    // --- traversal --------------------------------------------------------------------

    /// The context an element's children (or its own geometry) see: its transform
    /// composed, its style applied. Nothing when it is not displayed.
    /// An element that needs compositing (Group.hpp) opens a group here: `shape` says it
    /// is a single shape, whose opacity is folded into its colours instead unless it is
    /// both filled and stroked (where the stroke would show the fill through it). Every
    /// caller calls close() once the element's children are visited.
    std::optional<Context> enter(pugi::xml_node node, const Context& parent, const Transform& extra = {}, bool shape = false) {
        Context context = parent;
        context.depth = parent.depth + 1;
        context.opened = false;
        context.ctm = parent.ctm * detail::transform_attribute(node) * extra;
        context.style.opacity = 1.0f;
        context.style.display = true;
        context.style.clip_path.clear();
        context.style.mask.clear();
        context.style.filter.clear();
        std::vector<std::string> problems;
        detail::apply_style(node, context.style, parent.style, parent.viewport, problems, &sheet_);
        warn_all(node, problems);
        if (!context.style.display) return std::nullopt;
        Style& st = context.style;
        const auto painted = [](const Paint& p) { return p.kind != Paint::Kind::None || !p.url.empty(); };
        const bool both = painted(st.fill) && painted(st.stroke) && st.stroke_width > 0.0;
        const bool compositing = !st.clip_path.empty() || !st.mask.empty() || !st.filter.empty();
        const bool group_opacity = st.opacity < 1.0f && (!shape || both);
        if (compositing || group_opacity) {
            std::string refused;
            if (in_content_ > 0)
                refused = in_pattern_ > 0 ? "inside a pattern" : "inside a mask or clipPath";
            else if (doc_.groups_.size() >= max_groups)
                refused = "past the document's " + std::to_string(max_groups) + " compositing groups";
            else if (parent.group_depth >= max_group_depth)
                refused = "nested in more than " + std::to_string(max_group_depth) + " compositing groups";
            if (refused.empty()) {
                Group g;
                g.parent = parent.group;
                g.opacity = st.opacity;
                g.name = describe(node);
                context.group = static_cast<int>(doc_.groups_.size());
                doc_.groups_.push_back(std::move(g));
                context.group_depth = parent.group_depth + 1;
                context.opened = true;
                context.first_shape = doc_.shapes_.size();
                return context; // the opacity is the group's, not its shapes'
            }
            if (compositing) warn(node, "clip-path, mask and filter " + refused + " are not supported; ignored");
            if (group_opacity && in_content_ == 0)
                warn(node, "opacity " + refused + " is multiplied into each shape (overlaps show through)");
            st.clip_path.clear();
            st.mask.clear();
            st.filter.clear();
        }
        context.alpha = parent.alpha * st.opacity;
        return context;
    }

    /// Resolves the clip-path, mask and filter of a group `enter` opened, now that its
    /// shapes (and so its box, for objectBoundingBox) are known.
    void close(pugi::xml_node node, const Context& context) {
        if (!context.opened) return;
        const std::optional<Bounds> box = user_box(context);
        const Style& st = context.style;
        std::vector<ClipPath> clip;
        if (!st.clip_path.empty()) {
            std::vector<pugi::xml_node> chain;
            clip_path(node, st.clip_path, context, box, 0, clip, chain);
        }
        std::optional<Mask> mask;
        if (!st.mask.empty()) mask = read_mask(node, st.mask, context, box);
        std::optional<Filter> filter;
        if (!st.filter.empty()) {
            const pugi::xml_node target = find_id(st.filter);
            if (!target || svg_name(target) != std::optional<std::string_view>("filter")) {
                warn(node, "filter: url(#" + st.filter + ") refers to no filter element; drawn unfiltered");
            } else {
                std::vector<std::string> problems;
                filter = detail::read_filter(target, context.ctm, box, context.viewport, problems);
                warn_all(node, problems);
                if (filter) filter->name = describe(target);
            }
        }
        Group& g = doc_.groups_[static_cast<std::size_t>(context.group)];
        g.clip = std::move(clip);
        g.mask = std::move(mask);
        g.filter = std::move(filter);
    }

    /// The box of the shapes of the group `context` opened, in its user space.
    std::optional<Bounds> user_box(const Context& context) const {
        std::optional<Bounds> box;
        const auto back = context.ctm.inverse();
        if (!back) return box;
        for (std::size_t k = context.first_shape; k < doc_.shapes_.size(); ++k)
            for (const Polyline& p : doc_.shapes_[k].subpaths)
                for (const glm::dvec2 q : p.points) {
                    const glm::dvec2 u = back->apply(q);
                    if (!box) box = Bounds{u, u};
                    box->min = glm::min(box->min, u);
                    box->max = glm::max(box->max, u);
                }
        return box;
    }

    /// clip-path="url(#id)" of `node`: the clipPath's shapes into `out`, then its own
    /// clip-path's (an intersection), at most max_clip_depth references deep.
    void clip_path(pugi::xml_node node, const std::string& id, const Context& context, const std::optional<Bounds>& box,
                   int depth, std::vector<ClipPath>& out, std::vector<pugi::xml_node>& chain) {
        const pugi::xml_node target = find_id(id);
        if (!target || svg_name(target) != std::optional<std::string_view>("clipPath")) {
            warn(node, "clip-path: url(#" + id + ") refers to no clipPath; not clipped");
            return;
        }
        if (std::find(chain.begin(), chain.end(), target) != chain.end()) {
            warn(node, "clip-path: url(#" + id + ") refers back to itself; ignored there");
            return;
        }
        if (depth >= max_clip_depth) {
            warn(node, "clip-path: clipPath references nested more than " + std::to_string(max_clip_depth) +
                           " deep; the deeper ones ignored");
            return;
        }
        ClipPath cp;
        cp.name = describe(target);
        Transform units;
        if (detail::trim(target.attribute("clipPathUnits").value()) == "objectBoundingBox") {
            const glm::dvec2 size = box ? box->max - box->min : glm::dvec2(0.0);
            // SVG: a box of zero width or height leaves nothing visible.
            if (!(size.x > 0.0) || !(size.y > 0.0)) {
                out.push_back(std::move(cp));
                return;
            }
            units = Transform::matrix(size.x, 0.0, 0.0, size.y, box->min.x, box->min.y);
        }
        Context base;
        base.depth = context.depth + 1;
        base.viewport = context.viewport;
        try {
            base.ctm = context.ctm * units * detail::transform_attribute(target);
        } catch (const Skip& skip) {
            warn(target, skip.message + "; not clipped");
            return;
        }
        std::vector<std::string> problems;
        detail::apply_style(target, base.style, Style{}, context.viewport, problems, &sheet_);
        warn_all(target, problems);
        const std::string own_clip = base.style.clip_path;
        base.style.clip_path.clear();
        ++in_content_;
        for (pugi::xml_node child = target.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            try {
                clip_child(child, base, cp.shapes, 0);
            } catch (const Skip& skip) {
                warn(child, skip.message + "; skipped");
            }
        }
        --in_content_;
        out.push_back(std::move(cp));
        if (!own_clip.empty()) {
            chain.push_back(target);
            clip_path(target, own_clip, context, box, depth + 1, out, chain);
            chain.pop_back();
        }
    }

    /// One child of a clipPath: a shape, or a use of one, filled white under its clip-rule.
    void clip_child(pugi::xml_node child, const Context& parent, std::vector<Shape>& out, int uses) {
        const auto name = svg_name(child);
        if (!name) return;
        if (*name == "title" || *name == "desc" || *name == "metadata") return;
        if (*name == "use") {
            pugi::xml_attribute href = child.attribute("href");
            if (!href) href = child.attribute("xlink:href");
            const std::string_view text = detail::trim(href.value());
            const pugi::xml_node target = text.starts_with('#') ? find_id(text.substr(1)) : pugi::xml_node();
            if (!target) throw Skip{"href " + detail::quote(text) + " refers to no element of this document"};
            if (uses > 0 || std::find(use_stack_.begin(), use_stack_.end(), target) != use_stack_.end())
                throw Skip{"a use inside a clipPath may refer to one shape only"};
            const double x = detail::length_attribute(child, "x", Axis::X, parent.viewport, 0.0, true);
            const double y = detail::length_attribute(child, "y", Axis::Y, parent.viewport, 0.0, true);
            const auto context = enter(child, parent, Transform::translate(x, y));
            if (!context) return;
            clip_child(target, *context, out, uses + 1);
            return;
        }
        if (!(*name == "path" || *name == "rect" || *name == "circle" || *name == "ellipse" || *name == "line" ||
              *name == "polyline" || *name == "polygon")) {
            warn(child, "<" + std::string(*name) + "> inside a clipPath is not supported; ignored");
            return;
        }
        auto context = enter(child, parent);
        if (!context) return;
        std::vector<std::string> problems;
        const auto geometry = detail::shape_geometry(child, *name, parent.viewport, problems);
        warn_all(child, problems);
        if (!geometry) return;
        Style& st = context->style;
        st.fill = Paint::solid({1.0f, 1.0f, 1.0f, 1.0f});
        st.fill_opacity = 1.0f;
        st.fill_rule = st.clip_rule;
        st.stroke = Paint::none();
        st.dash_array.clear();
        context->alpha = 1.0f;
        context->group = -1;
        if (auto s = make_shape(child, *name, geometry->path, *context, geometry->fillable)) out.push_back(std::move(*s));
    }

    /// mask="url(#id)": the mask's content, read as the document's shapes are (no groups).
    std::optional<Mask> read_mask(pugi::xml_node node, const std::string& id, const Context& context,
                                  const std::optional<Bounds>& box) {
        const pugi::xml_node target = find_id(id);
        if (!target || svg_name(target) != std::optional<std::string_view>("mask")) {
            warn(node, "mask: url(#" + id + ") refers to no mask; not masked");
            return std::nullopt;
        }
        Mask mask;
        mask.name = describe(target);
        Transform units;
        if (detail::trim(target.attribute("maskContentUnits").value()) == "objectBoundingBox") {
            const glm::dvec2 size = box ? box->max - box->min : glm::dvec2(0.0);
            if (!(size.x > 0.0) || !(size.y > 0.0)) return mask; // nothing shows
            units = Transform::matrix(size.x, 0.0, 0.0, size.y, box->min.x, box->min.y);
        }
        Context base;
        base.depth = context.depth + 1;
        base.viewport = context.viewport;
        base.ctm = context.ctm * units;
        std::vector<Shape>* saved = out_;
        const std::size_t unsupported = unsupported_;
        out_ = &mask.shapes;
        ++in_content_;
        try {
            visit_group_like(target, base);
        } catch (...) {
            out_ = saved;
            --in_content_;
            throw;
        }
        out_ = saved;
        --in_content_;
        // Content left out (an image, text: Illustrator's opacity masks are images) would
        // hide what it should show: no mask is nearer the picture than part of one.
        if (unsupported_ != unsupported) {
            warn(node, "mask: url(#" + id + ") holds elements that are not supported; not masked");
            return std::nullopt;
        }
        return mask;
    }

    void visit_children(pugi::xml_node node, const Context& context) {
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
            if (child.type() == pugi::node_element) visit(child, context);
    }

    /// svg (root or nested) after its viewport has been set up, g, a.
    void visit_group_like(pugi::xml_node node, const Context& parent, const Transform& extra = {}) {
        if (const auto context = enter(node, parent, extra)) {
            visit_children(node, *context);
            close(node, *context);
        }
    }

    void visit(pugi::xml_node node, const Context& parent) {
        const auto name = svg_name(node);
        if (!name) return; // another vocabulary (Inkscape, RDF...): ignored, as SVG says
        // A document without use is as large as its text; with use it can multiply.
        if (!use_stack_.empty() && ++use_instances_ > max_use_instances) {
            if (use_instances_ == max_use_instances + 1)
                warn(node, "use instantiates more than " + std::to_string(max_use_instances) + " elements; the rest is skipped");
            return;
        }
        if (parent.depth >= max_depth) {
            warn(node, "nested more than " + std::to_string(max_depth) + " levels deep; skipped");
            return;
        }
        try {
            dispatch(node, *name, parent);
        } catch (const Skip& skip) {
            warn(node, skip.message + "; skipped");
        }
    }

    void dispatch(pugi::xml_node node, std::string_view name, const Context& parent) {
        if (name == "g" || name == "a") {
            visit_group_like(node, parent);
        } else if (name == "svg") {
            nested_viewport(node, node, parent, {});
        } else if (name == "switch") {
            const auto context = enter(node, parent);
            if (!context) return;
            for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
                if (child.type() != pugi::node_element || !svg_name(child)) continue;
                if (!std::string_view(child.attribute("requiredExtensions").value()).empty()) continue;
                visit(child, *context);
                break;
            }
            close(node, *context);
        } else if (name == "use") {
            use(node, parent);
        } else if (name == "path" || name == "rect" || name == "circle" || name == "ellipse" || name == "line" ||
                   name == "polyline" || name == "polygon") {
            shape(node, name, parent);
        } else if (name == "text") {
            text(node, parent);
        } else if (name == "image") {
            image(node, parent);
        } else if (name == "style") {
            // Read before the walk (read_style_sheets): they apply to the whole document.
        } else if (name == "defs" || name == "symbol" || name == "title" || name == "desc" || name == "metadata" ||
                   name == "linearGradient" || name == "radialGradient" || name == "pattern" || name == "clipPath" ||
                   name == "mask" || name == "marker" || name == "filter" || name == "script") {
            // Definitions and metadata: drawn only through references, if at all.
        } else {
            warn(node, "element <" + std::string(name) + "> is not supported; skipped");
            ++unsupported_;
        }
    }

    /// A nested svg, or a symbol or svg instantiated by `use` (whose width and height win).
    void nested_viewport(pugi::xml_node node, pugi::xml_node sizing, const Context& parent, const Transform& use_offset) {
        const double x = node == sizing ? detail::length_attribute(node, "x", Axis::X, parent.viewport, 0.0, true) : 0.0;
        const double y = node == sizing ? detail::length_attribute(node, "y", Axis::Y, parent.viewport, 0.0, true) : 0.0;
        const auto size = [&](const char* attribute, Axis axis, double whole) {
            if (sizing.attribute(attribute)) return detail::length_attribute(sizing, attribute, axis, parent.viewport, whole, false);
            return detail::length_attribute(node, attribute, axis, parent.viewport, whole, false);
        };
        const std::optional<ViewBox> box = detail::view_box_attribute(node);
        // Without width or height the viewport is 100% of the parent's; a parent of
        // unknown size (a root without width, height and viewBox) gives the element its
        // viewBox's size instead, so that `use` of a symbol there draws it unscaled
        // rather than nothing.
        const auto given = [&](const char* attribute) { return sizing.attribute(attribute) || node.attribute(attribute); };
        const double whole_width = parent.viewport.width > 0.0 || given("width") || !box ? parent.viewport.width : box->width;
        const double whole_height = parent.viewport.height > 0.0 || given("height") || !box ? parent.viewport.height : box->height;
        const double width = size("width", Axis::X, whole_width);
        const double height = size("height", Axis::Y, whole_height);
        if (width == 0.0 || height == 0.0) {
            warn(node, "width or height is 0: SVG disables rendering; nothing of it is drawn");
            return;
        }
        Transform placement = use_offset * Transform::translate(x, y);
        Context inner = parent;
        inner.viewport = {width, height};
        if (box) {
            if (box->width == 0.0 || box->height == 0.0) return;
            placement = use_offset * detail::viewbox_transform(*box, x, y, width, height, detail::aspect_ratio_attribute(node));
            inner.viewport = {box->width, box->height};
        }
        // Percentages inside refer to the new viewport; the element's own attributes
        // (transform, style) to the outer one, which `enter` gets through `parent`.
        if (const auto context = enter(node, parent, placement)) {
            Context children = *context;
            children.viewport = inner.viewport;
            visit_children(node, children);
            close(node, *context);
        }
    }

    pugi::xml_node find_id(std::string_view id) {
        if (!ids_built_) {
            ids_built_ = true;
            // Iterative, so that a deep document cannot exhaust the stack here.
            std::vector<pugi::xml_node> stack{root_};
            while (!stack.empty()) {
                const pugi::xml_node n = stack.back();
                stack.pop_back();
                if (const pugi::xml_attribute a = n.attribute("id")) ids_.emplace(a.value(), n); // first one wins
                for (pugi::xml_node child = n.last_child(); child; child = child.previous_sibling())
                    if (child.type() == pugi::node_element) stack.push_back(child);
            }
        }
        const auto it = ids_.find(std::string(id));
        return it == ids_.end() ? pugi::xml_node() : it->second;
    }

    void use(pugi::xml_node node, const Context& parent) {
        pugi::xml_attribute href = node.attribute("href");
        if (!href) href = node.attribute("xlink:href");
        const std::string_view target_text = detail::trim(href.value());
        if (!target_text.starts_with('#'))
            throw Skip{"href " + detail::quote(target_text) + " is not a reference to an element of this document (#id)"};
        const pugi::xml_node target = find_id(target_text.substr(1));
        if (!target) throw Skip{"href " + detail::quote(target_text) + " refers to no element"};
        // A use inside its own target, directly or through other uses, would never end.
        bool loops = std::find(use_stack_.begin(), use_stack_.end(), target) != use_stack_.end();
        for (pugi::xml_node n = node; n && !loops; n = n.parent()) loops = n == target;
        if (loops) throw Skip{"href " + detail::quote(target_text) + " refers back to itself"};
        const auto target_name = svg_name(target);
        if (!target_name) throw Skip{"href " + detail::quote(target_text) + " refers to an element of another vocabulary"};
        const double x = detail::length_attribute(node, "x", Axis::X, parent.viewport, 0.0, true);
        const double y = detail::length_attribute(node, "y", Axis::Y, parent.viewport, 0.0, true);
        // The use element is a group holding the target, translated by (x, y).
        const auto context = enter(node, parent, Transform::translate(x, y));
        if (!context) return;
        use_stack_.push_back(target);
        try {
            if (*target_name == "symbol" || *target_name == "svg") {
                if (context->depth >= max_depth) throw Skip{"nested more than " + std::to_string(max_depth) + " levels deep"};
                nested_viewport(target, node, *context, {});
            } else {
                visit(target, *context);
            }
        } catch (...) {
            use_stack_.pop_back();
            throw;
        }
        use_stack_.pop_back();
        close(node, *context);
    }

    // --- shapes -----------------------------------------------------------------------

    void shape(pugi::xml_node node, std::string_view name, const Context& parent) {
        // The element's transform and style first: a bad transform skips it whatever its
        // geometry, and percentages in its geometry use the parent's viewport.
        const auto context = enter(node, parent, {}, true);
        if (!context) return;
        std::vector<std::string> problems;
        const auto geometry = detail::shape_geometry(node, name, parent.viewport, problems);
        warn_all(node, problems);
        if (geometry) {
            const std::size_t first = out_->size();
            if (auto s = make_shape(node, name, geometry->path, *context, geometry->fillable)) out_->push_back(std::move(*s));
            const std::size_t markers_from = out_->size();
            if (name == "path" || name == "line" || name == "polyline" || name == "polygon") markers(node, geometry->path, *context);
            paint_order(first, markers_from, context->style.paint_order);
        }
        close(node, *context);
    }

    /// Each marker of the shape (Marker.hpp): its content visited as ordinary shapes,
    /// start, mids, end, under the placement transform, with the marker's own style.
    void markers(pugi::xml_node node, const PathData& path, const Context& context) {
        std::vector<std::string> problems;
        std::vector<detail::MarkerInstance> instances =
            markers_.instances(path, context.style, context.ctm, context.viewport, problems);
        warn_all(node, problems);
        for (detail::MarkerInstance& instance : instances) {
            Context inner = context; // the shape's alpha: its opacity and its groups'
            inner.ctm = instance.ctm;
            inner.style = instance.marker->style;
            inner.viewport = instance.marker->viewport;
            inner.depth = context.depth + 1;
            const std::size_t before = out_->size();
            markers_.enter(instance.marker);
            try {
                visit_children(instance.marker->node, inner);
            } catch (...) {
                markers_.leave();
                throw;
            }
            markers_.leave();
            problems.clear();
            markers_.check_overflow(instance, std::span<const Shape>(*out_).subspan(before), problems);
            warn_all(node, problems);
        }
    }

    /// paint-order (SVG 2 13.7): the shape emitted at `first` (if it was: up to
    /// `markers_from`) and its markers (from there to the end) in the order asked. A
    /// stroke before its fill splits the shape into a stroke-only and a fill-only one.
    void paint_order(std::size_t first, std::size_t markers_from, const std::array<Style::PaintPart, 3>& order) {
        using Part = Style::PaintPart;
        if (order == std::array{Part::Fill, Part::Stroke, Part::Markers}) return;
        std::vector<Shape>& shapes = *out_;
        std::vector<Shape> marks(std::make_move_iterator(shapes.begin() + static_cast<std::ptrdiff_t>(markers_from)),
                                 std::make_move_iterator(shapes.end()));
        std::optional<Shape> whole;
        if (markers_from > first) whole = std::move(shapes[first]);
        shapes.resize(first);
        const auto position = [&](Part p) { return std::find(order.begin(), order.end(), p) - order.begin(); };
        const bool split = whole && whole->fill && whole->stroke && position(Part::Stroke) < position(Part::Fill);
        bool placed = false;
        for (const Part part : order) {
            if (part == Part::Markers) {
                std::move(marks.begin(), marks.end(), std::back_inserter(shapes));
            } else if (whole && split) {
                Shape piece = *whole;
                if (part == Part::Fill)
                    piece.stroke.reset();
                else
                    piece.fill.reset();
                shapes.push_back(std::move(piece));
            } else if (whole && !placed) {
                shapes.push_back(*whole);
                placed = true;
            }
        }
    }

    /// <image> (Image.cpp): its rectangle, bounded as the shapes' points are.
    void image(pugi::xml_node node, const Context& parent) {
        if (unsupported_in_content(node, "image")) return;
        const auto context = enter(node, parent, {}, true);
        if (!context) return;
        if (!context->style.visible || points_full_) return close(node, *context);
        std::vector<std::string> problems;
        auto s = detail::image_shape(node, context->ctm, parent.viewport, context->alpha, base_directory_, image_pixels_, problems);
        warn_all(node, problems);
        if (!s) return close(node, *context);
        for (const glm::dvec2 q : s->subpaths[0].points)
            if (!std::isfinite(q.x) || !std::isfinite(q.y) || std::abs(q.x) > max_coordinate || std::abs(q.y) > max_coordinate)
                throw Skip{"coordinates beyond " + detail::number_text(max_coordinate) + " once transformed"};
        s->id = node.attribute("id").value();
        s->line = line_of(node);
        points_ += s->subpaths[0].points.size();
        s->group = context->group;
        out_->push_back(std::move(*s));
        close(node, *context);
    }

    /// Inside a mask's or clipPath's content, where text and images are not drawn (they
    /// are outlined or textured by a renderer's own path, which content does not take):
    /// warned about and counted as not supported (read_mask then refuses the mask).
    bool unsupported_in_content(pugi::xml_node node, std::string_view name) {
        if (in_content_ == 0) return false;
        warn(node, "<" + std::string(name) + (in_pattern_ > 0 ? "> inside a pattern" : "> inside a mask or clipPath") +
                       " is not supported; skipped");
        ++unsupported_;
        return true;
    }

    static std::optional<Color> resolve(const Paint& paint, const Color& current_color, float alpha) {
        if (paint.kind == Paint::Kind::None) return std::nullopt;
        Color c = paint.kind == Paint::Kind::CurrentColor ? current_color : paint.color;
        c.a *= alpha;
        return c;
    }

    /// The fill and stroke `st` asks for under `context`, their opacities (and the
    /// context's alpha) multiplied in; a url() paint stands as its fallback until
    /// paint_servers resolves it (objectBoundingBox needs the flattened box), so that
    /// "url(#g) none" alone does not stop the shape.
    static void solid_paints(const Style& st, const Context& context, bool fillable, std::optional<Fill>& fill,
                             std::optional<Stroke>& stroke) {
        const auto url_or = [](const Paint& p) { return p.url.empty() ? p : Paint::solid({}); };
        fill.reset();
        stroke.reset();
        if (fillable)
            if (const auto c = resolve(url_or(st.fill), st.color, st.fill_opacity * context.alpha)) fill = Fill{*c, st.fill_rule, {}};
        if (st.stroke_width > 0.0)
            if (const auto c = resolve(url_or(st.stroke), st.color, st.stroke_opacity * context.alpha)) {
                Stroke s;
                s.color = *c;
                s.user_width = st.stroke_width;
                s.width = st.stroke_width * context.ctm.mean_scale();
                s.join = st.join;
                s.cap = st.cap;
                s.miter_limit = std::min(st.miter_limit, max_miter_limit);
                stroke = s;
            }
    }

    /// The shape `node` paints, flattened and checked; nothing when it paints nothing.
    /// Throws Skip for numbers out of range.
    std::optional<Shape> make_shape(pugi::xml_node node, std::string_view name, const PathData& path, const Context& context,
                                    bool fillable) {
        const Style& st = context.style;
        if (!st.visible || path.commands.empty()) return std::nullopt;
        Shape s;
        solid_paints(st, context, fillable, s.fill, s.stroke);
        if (!s.fill && !s.stroke) return std::nullopt;
        const Transform& m = context.ctm;
        for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f})
            if (!std::isfinite(v)) throw Skip{"coordinates overflow once transformed"};
        if (s.stroke && !(s.stroke->width <= max_coordinate))
            throw Skip{"stroke width " + detail::number_text(s.stroke->width) + " is beyond " +
                       detail::number_text(max_coordinate) + " once transformed"};
        if (points_full_) return std::nullopt; // warned once, where the limit was reached
        try {
            s.subpaths = flatten(path, context.ctm, tolerance_, max_points - points_);
        } catch (const ValueError&) {
            points_full_ = true;
            throw Skip{"the document's shapes would hold more than " + std::to_string(max_points) +
                       " points; this shape and every later one are skipped"};
        }
        std::size_t count = 0;
        for (const Polyline& p : s.subpaths) {
            count += p.points.size();
            for (const glm::dvec2 q : p.points) {
                if (!std::isfinite(q.x) || !std::isfinite(q.y)) throw Skip{"coordinates overflow once transformed"};
                if (std::abs(q.x) > max_coordinate || std::abs(q.y) > max_coordinate)
                    throw Skip{"point (" + detail::number_text(q.x) + ", " + detail::number_text(q.y) + ") is beyond " +
                               detail::number_text(max_coordinate) + " once transformed"};
            }
        }
        if (s.stroke && s.stroke->cap != LineCap::Butt) count += dots(path, context.ctm, s, count);
        if (s.subpaths.empty()) return std::nullopt;
        if ((s.fill && !st.fill.url.empty()) || (s.stroke && !st.stroke.url.empty())) {
            paint_servers(node, s, context);
            if (!s.fill && !s.stroke) return std::nullopt;
        }
        points_ += count;
        if (s.stroke && !st.dash_array.empty()) {
            // Dashes in final units: the user's lengths scaled as the width is.
            const double scale = context.ctm.mean_scale();
            std::vector<double> pattern(st.dash_array);
            for (double& d : pattern) d *= scale;
            try {
                s.stroke->dashes = dash(s.subpaths, pattern, st.dash_offset * scale, max_points - points_,
                                        s.stroke->cap == LineCap::Butt ? 0.0 : s.stroke->width * dot_length);
            } catch (const ValueError& e) {
                // Too many dashes (or lengths that vanish once scaled): a solid stroke says
                // more about the shape than none.
                warn(node, std::string("stroke-dasharray: ") + e.what() + "; stroked solid");
            }
            if (s.stroke->dashes)
                for (const Polyline& p : *s.stroke->dashes) points_ += p.points.size();
        }
        s.element = std::string(name);
        s.id = node.attribute("id").value();
        s.line = line_of(node);
        s.transform = context.ctm;
        s.group = context.group;
        return s;
    }

    /// Zero-length sub-paths, which round and square caps paint: each a polyline of two
    /// points dot_length widths apart along the user x axis (SVG 2), in `s.subpaths`.
    /// Returns the points added (within max_points, `pending` more being on the way).
    std::size_t dots(const PathData& path, const Transform& ctm, Shape& s, std::size_t pending) {
        const glm::dvec2 x = ctm.apply_vector({1.0, 0.0});
        const double length = std::hypot(x.x, x.y);
        const glm::dvec2 along = length > 0.0 ? x / length : glm::dvec2{1.0, 0.0};
        const glm::dvec2 half = 0.5 * s.stroke->width * dot_length * along;
        std::size_t added = 0;
        for (const glm::dvec2 p : zero_length_subpaths(path)) {
            if (points_ + pending + added + 2 > max_points) break;
            const glm::dvec2 at = ctm.apply(p);
            if (!(std::abs(at.x) <= max_coordinate && std::abs(at.y) <= max_coordinate)) continue;
            s.subpaths.push_back(Polyline{{at - half, at + half}, false});
            added += 2;
        }
        return added;
    }

    /// <text>: one Shape holding an svg::Text (Text.cpp reads it), outlined by a renderer.
    void text(pugi::xml_node node, const Context& parent) {
        if (unsupported_in_content(node, "text")) return;
        const auto context = enter(node, parent);
        if (!context) return;
        text_shape(node, *context);
        close(node, *context);
    }

    void text_shape(pugi::xml_node node, const Context& context) {
        const Transform& m = context.ctm;
        for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f})
            if (!std::isfinite(v)) throw Skip{"coordinates overflow once transformed"};
        // A span's paint as make_shape() paints a shape; a gradient in objectBoundingBox units
        // has no box here (the glyphs are not known), so it paints its fallback.
        const auto paint = [&](pugi::xml_node n, const Style& st, auto& target, bool report) {
            solid_paints(st, context, true, target.fill, target.stroke);
            const auto find = [this](std::string_view id) { return find_id(id); };
            std::vector<std::string> problems;
            if (target.fill && !st.fill.url.empty()) {
                auto r = detail::resolve_url(st.fill, find, m, std::nullopt, context.viewport,
                                             st.fill_opacity * context.alpha, st.color, "fill", problems, &sheet_);
                if (r.color) target.fill = Fill{*r.color, st.fill_rule, std::move(r.gradient)};
                else target.fill.reset();
            }
            if (target.stroke && !st.stroke.url.empty()) {
                auto r = detail::resolve_url(st.stroke, find, m, std::nullopt, context.viewport,
                                             st.stroke_opacity * context.alpha, st.color, "stroke", problems, &sheet_);
                if (r.color) {
                    target.stroke->color = *r.color;
                    target.stroke->gradient = std::move(r.gradient);
                } else {
                    target.stroke.reset();
                }
            }
            if (target.stroke && !st.dash_array.empty()) problems.push_back("stroke-dasharray on text is not supported; stroked solid");
            if (report) warn_all(n, problems);
        };
        detail::TextHooks hooks;
        hooks.style = [&](pugi::xml_node n, const Style& above) -> std::optional<Style> {
            // tspan and a inside text: their style over the parent's; opacity does not
            // apply to them (SVG 1.1: only to containers and graphics elements).
            Style st = above;
            st.display = true;
            std::vector<std::string> problems;
            detail::apply_style(n, st, above, context.viewport, problems, &sheet_);
            warn_all(n, problems);
            if (!st.display) return std::nullopt;
            return st;
        };
        hooks.paint = [&](pugi::xml_node n, const Style& st, TextSpan& span) { paint(n, st, span, true); };
        hooks.warn = [&](pugi::xml_node n, const std::string& message) { warn(n, message); };
        hooks.name = [](pugi::xml_node n) { return svg_name(n); };
        hooks.line = [&](pugi::xml_node n) { return line_of(n); };
        Text t = detail::read_text(node, context.style, context.viewport, hooks, text_characters_left_, text_limit_reached_);
        if (t.spans.empty()) return;
        t.tolerance = tolerance_;
        Shape s;
        paint(node, context.style, s, false); // warned about with its first span
        s.element = "text";
        s.id = node.attribute("id").value();
        s.line = line_of(node);
        s.transform = m;
        s.text = std::move(t);
        s.group = context.group;
        out_->push_back(std::move(s));
    }

    /// Resolves the shape's url() paints (Gradient.hpp): a gradient, a color, or none.
    void paint_servers(pugi::xml_node node, Shape& s, const Context& context) {
        const Style& st = context.style;
        // The user-space box: the flattened points taken back through the transform
        // (within the flattening tolerance of the curves' own box).
        std::optional<Bounds> box;
        if (const auto back = context.ctm.inverse())
            for (const Polyline& p : s.subpaths)
                for (const glm::dvec2 q : p.points) {
                    const glm::dvec2 u = back->apply(q);
                    if (!box) box = Bounds{u, u};
                    box->min = glm::min(box->min, u);
                    box->max = glm::max(box->max, u);
                }
        const auto find = [this](std::string_view id) { return find_id(id); };
        std::vector<std::string> problems;
        const std::string_view fill_url = detail::trim(st.fill.url);
        const pugi::xml_node fill_server = fill_url.starts_with('#') ? find_id(fill_url.substr(1)) : pugi::xml_node();
        if (s.fill && fill_server && svg_name(fill_server) == std::optional<std::string_view>("pattern")) {
            s.fill = pattern_fill(fill_server, context, box, problems);
        } else if (s.fill && !st.fill.url.empty()) {
            auto r = detail::resolve_url(st.fill, find, context.ctm, box, context.viewport, st.fill_opacity * context.alpha,
                                         st.color, "fill", problems, &sheet_);
            if (r.color)
                s.fill = Fill{*r.color, st.fill_rule, std::move(r.gradient)};
            else
                s.fill.reset();
        }
        if (s.stroke && !st.stroke.url.empty()) {
            auto r = detail::resolve_url(st.stroke, find, context.ctm, box, context.viewport,
                                         st.stroke_opacity * context.alpha, st.color, "stroke", problems, &sheet_);
            if (r.color) {
                s.stroke->color = *r.color;
                s.stroke->gradient = std::move(r.gradient);
            } else {
                s.stroke.reset();
            }
        }
        warn_all(node, problems);
    }

    /// fill="url(#p)" of the pattern `server` (Pattern.hpp): its tile, and its content read
    /// as a mask's is (no groups), in pattern space. Nothing: the fill paints nothing.
    std::optional<Fill> pattern_fill(pugi::xml_node server, const Context& context, const std::optional<Bounds>& box,
                                     std::vector<std::string>& problems) {
        const Style& st = context.style;
        const float alpha = st.fill_opacity * context.alpha;
        const std::string what = "fill: url(" + st.fill.url + ")";
        const std::optional<Color> fallback_color = resolve(st.fill, st.color, alpha);
        const auto fallback = [&](const std::string& why) -> std::optional<Fill> {
            if (!why.empty())
                problems.push_back(what + " " + why + "; painting " + (fallback_color ? "its fallback color" : "nothing"));
            if (!fallback_color) return std::nullopt;
            return Fill{*fallback_color, st.fill_rule, {}, {}};
        };
        if (in_pattern_ > 0) return fallback("is inside a pattern's content, where patterns are not supported");
        if (pattern_fills_ >= max_pattern_fills) {
            if (pattern_fills_++ == max_pattern_fills)
                return fallback("is past the document's " + std::to_string(max_pattern_fills) +
                                " pattern fills (this and every later one are not drawn as patterns)");
            return fallback("");
        }
        ++pattern_fills_;
        std::string why;
        std::vector<std::string> notes;
        const auto find = [this](std::string_view id) { return find_id(id); };
        const auto tile = detail::pattern_tile(server, find, context.ctm, box, context.viewport, why, notes);
        for (const std::string& n : notes) problems.push_back(what + ": " + n);
        if (!tile) return fallback(why);
        if (!(tile->width > 0.0) || !(tile->height > 0.0) || !tile->content) return std::nullopt; // paints nothing
        auto pattern = std::make_shared<Pattern>();
        pattern->width = tile->width;
        pattern->height = tile->height;
        pattern->to_pattern = *tile->to_final.inverse();
        pattern->alpha = alpha;
        pattern->name = describe(server);
        Context base;
        base.depth = context.depth + 1;
        base.viewport = tile->content_viewport;
        base.ctm = tile->content_transform;
        std::vector<Shape>* saved = out_;
        const double saved_tolerance = tolerance_;
        // Flattened finely enough for the tile as large as it shows in final units, but
        // no finer than a renderer's texture of the tile can show (a patternTransform of
        // scale(1e12) would otherwise spend the document's max_points on one circle).
        tolerance_ = std::max(tolerance_ / tile->to_final.mean_scale(), std::max(tile->width, tile->height) / 4096.0);
        out_ = &pattern->shapes;
        ++in_content_;
        ++in_pattern_;
        const auto restore = [&] {
            out_ = saved;
            tolerance_ = saved_tolerance;
            --in_content_;
            --in_pattern_;
        };
        try {
            visit_group_like(tile->content, base);
        } catch (...) {
            restore();
            throw;
        }
        restore();
        if (pattern->shapes.size() > max_pattern_shapes)
            return fallback("holds more than " + std::to_string(max_pattern_shapes) + " shapes");
        if (pattern->shapes.empty()) return std::nullopt;
        Color color{0.0f, 0.0f, 0.0f, 0.0f};
        if (fallback_color) {
            color = *fallback_color;
        } else {
            for (const Shape& c : pattern->shapes)
                if (c.fill) {
                    color = c.fill->color;
                    color.a *= alpha;
                    break;
                }
        }
        return Fill{color, st.fill_rule, {}, std::move(pattern)};
    }

    /// Every <style> of the document, in document order, into sheet_ (CSS applies to the
    /// whole document wherever the sheet is). Only type="text/css" (or no type).
    void read_style_sheets(pugi::xml_node root) {
        std::vector<pugi::xml_node> stack{root};
        while (!stack.empty()) {
            const pugi::xml_node n = stack.back();
            stack.pop_back();
            if (n.type() != pugi::node_element) continue;
            if (const auto name = svg_name(n); name && *name == "style") {
                const std::string_view type = detail::trim(n.attribute("type").value());
                if (!type.empty() && detail::lower(type) != "text/css") {
                    warn(n, "style sheets of type " + detail::quote(type) + " are not supported; ignored");
                    continue;
                }
                std::string text;
                for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
                    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
                std::vector<std::string> problems;
                sheet_.add(text, problems);
                warn_all(n, problems);
                continue;
            }
            for (pugi::xml_node child = n.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
        }
    }

    /// Room for one shape per shape element outside `use`: growing the vector instead
    /// moved every Shape (584 bytes) at each doubling, a quarter of the load of 1e5 small
    /// paths, and held half as much again in spare capacity. Shapes that `use`
    /// instantiates, or that other elements add, grow it as before.
    void reserve_shapes(pugi::xml_node root) {
        std::size_t count = 0;
        std::vector<pugi::xml_node> stack{root};
        while (!stack.empty()) {
            const pugi::xml_node n = stack.back();
            stack.pop_back();
            const std::string_view name = local_part(n.name());
            if (name == "path" || name == "rect" || name == "circle" || name == "ellipse" || name == "line" ||
                name == "polyline" || name == "polygon")
                ++count;
            for (pugi::xml_node child = n.first_child(); child; child = child.next_sibling())
                if (child.type() == pugi::node_element) stack.push_back(child);
        }
        doc_.shapes_.reserve(std::min(count, max_points));
    }

    Document& doc_;
    double tolerance_;
    std::optional<std::filesystem::path> base_directory_; ///< LoadOptions::base_directory
    std::size_t image_pixels_ = 0;                         ///< decoded so far (max_total_image_pixels)
    detail::StyleSheet sheet_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_node root_;
    std::size_t use_instances_ = 0;
    std::size_t points_ = 0;   ///< in the shapes kept so far
    bool points_full_ = false; ///< max_points reached: later shapes are skipped
    std::size_t text_characters_left_ = max_text_characters;
    bool text_limit_reached_ = false;
    bool ids_built_ = false;
    std::unordered_map<std::string, pugi::xml_node> ids_;
    std::vector<pugi::xml_node> use_stack_;
    detail::Markers markers_{[this](std::string_view id) { return find_id(id); }, &sheet_};
    std::vector<Shape>* out_ = &doc_.shapes_; ///< where shapes go: the document's, or a mask's
    int in_content_ = 0; ///< inside a mask's, clipPath's or pattern's content: no groups there
    int in_pattern_ = 0; ///< inside a pattern's content: no patterns there
    std::size_t pattern_fills_ = 0; ///< pattern fills resolved so far (max_pattern_fills)
    std::size_t unsupported_ = 0; ///< elements skipped as not supported, so far
};

namespace {

Document parse_document(std::string_view xml, const LoadOptions& options, const std::string& function) {
    const auto positive = [&](double v, const char* what) {
        if (!(v > 0.0) || !std::isfinite(v))
            throw ValueError(function + ": " + what + " must be a positive finite number, got " + detail::number_text(v));
    };
    positive(options.tolerance, "tolerance");
    positive(options.scale, "scale");
    // Internal entities first (pugixml knows only XML's five); messages about them are
    // the document's first warnings.
    std::vector<std::string> entity_warnings;
    std::string expanded;
    if (detail::expand_entities(xml, expanded, entity_warnings)) xml = expanded;
    pugi::xml_document xml_doc;
    // No end-of-line normalisation, so that node offsets (for line numbers in messages)
    // are offsets in `xml` itself. White space between elements is kept: between two
    // tspans it is a character of the text (every other walk skips non-element nodes).
    const unsigned flags = (pugi::parse_default & ~pugi::parse_eol) | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result = xml_doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
    if (!result) {
        const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
        const std::size_t clipped = std::min(offset, xml.size());
        const std::string_view before = xml.substr(0, clipped);
        const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
        const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        throw ParseError(function + ": malformed XML at line " + std::to_string(line) + ", column " +
                         std::to_string(clipped - line_start + 1) + " (offset " + std::to_string(offset) +
                         "): " + result.description());
    }
    Document doc;
    DocumentBuilder builder(doc, xml, options);
    for (const std::string& w : entity_warnings) builder.note("DOCTYPE: " + w);
    builder.build(xml_doc.document_element(), function);
    return doc;
}

} // namespace

Document Document::parse(std::string_view xml, const LoadOptions& options) {
    return parse_document(xml, options, "Document::parse");
}

Document Document::load(const std::filesystem::path& path, const LoadOptions& options) {
    const std::string function = "Document::load: " + detail::quote(path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(function + ": cannot open: " + std::strerror(errno));
    // One read of the file's size (a character at a time through istreambuf_iterator
    // took a tenth of the load of a 20 MB file, and doubled the string as it grew).
    std::string text;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    // Whatever the size said (a file that grew, or one tellg cannot measure): the rest.
    if (!in.eof()) text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw IoError(function + ": cannot read: " + std::strerror(errno));
    LoadOptions with_base = options;
    if (!with_base.base_directory) with_base.base_directory = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    return parse_document(text, with_base, function);
}

std::optional<Bounds> Document::bounds() const {
    std::optional<Bounds> out;
    for (const Shape& s : shapes_)
        for (const Polyline& p : s.subpaths)
            for (const glm::dvec2 q : p.points) {
                if (!out) out = Bounds{q, q};
                out->min = glm::min(out->min, q);
                out->max = glm::max(out->max, q);
            }
    return out;
}

} // namespace glumpp::svg
