#include <glumpp/graphics/SvgScene.hpp>

#include "SvgCompositor.hpp"
#include "SvgPattern.hpp"

#include <glumpp/graphics/SvgText.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/gloo/gl.hpp>

#include <algorithm>
#include <tuple>
#include <array>
#include <cmath>
#include <cstring>

namespace glumpp::graphics {

namespace {
glm::vec4 rgba(const svg::Color& c) { return {c.r, c.g, c.b, c.a}; }

// The reader's values to the renderer's: a switch each rather than a cast, so that a value
// added to the reader's enumerations is a compiler warning (-Wswitch) here.
StrokeJoin stroke_join(svg::LineJoin join) {
    switch (join) {
    case svg::LineJoin::Miter: return StrokeJoin::Miter;
    case svg::LineJoin::Round: return StrokeJoin::Round;
    case svg::LineJoin::Bevel: return StrokeJoin::Bevel;
    }
    return StrokeJoin::Miter;
}

StrokeCap stroke_cap(svg::LineCap cap) {
    switch (cap) {
    case svg::LineCap::Butt: return StrokeCap::Butt;
    case svg::LineCap::Round: return StrokeCap::Round;
    case svg::LineCap::Square: return StrokeCap::Square;
    }
    return StrokeCap::Butt;
}

/// An <image>'s picture as a texture: premultiplied RGBA8 (TextureFillCollection.hpp),
/// filtered as image-rendering asks.
gloo::Texture2D image_texture(const svg::Image& image) {
    const auto w = static_cast<std::size_t>(image.width), h = static_cast<std::size_t>(image.height);
    auto texture = gloo::Texture2D::zeros<std::uint8_t>({h, w, 4});
    {
        auto scope = texture.write();
        auto* out = reinterpret_cast<std::uint8_t*>(scope.data());
        const std::uint8_t* in = image.pixels->data();
        for (std::size_t k = 0; k < w * h; ++k) {
            const unsigned a = in[4 * k + 3];
            for (int c = 0; c < 3; ++c) out[4 * k + c] = static_cast<std::uint8_t>((in[4 * k + c] * a + 127) / 255);
            out[4 * k + 3] = static_cast<std::uint8_t>(a);
        }
    }
    texture.set_interpolation(image.smooth ? gloo::Interpolation::Linear : gloo::Interpolation::Nearest);
    return texture;
}

struct Box {
    glm::dvec2 min{0.0, 0.0}, max{0.0, 0.0};
    bool meets(const Box& o) const { return min.x <= o.max.x && o.min.x <= max.x && min.y <= o.max.y && o.min.y <= max.y; }
};

/// The shape's points' box, grown by `margin` on every side.
Box box_of(const svg::Shape& shape, double margin) {
    Box b{shape.subpaths[0].points[0], shape.subpaths[0].points[0]};
    for (const svg::Polyline& p : shape.subpaths)
        for (const glm::dvec2 q : p.points) {
            b.min = glm::min(b.min, q);
            b.max = glm::max(b.max, q);
        }
    b.min -= margin;
    b.max += margin;
    return b;
}

/// The strokes of the current layer, for the overlap test: their boxes one by one up to
/// a bound, then only their union (conservative: more layers, never a wrong order), so
/// that the test stays linear in the number of shapes.
class StrokeBoxes {
public:
    void clear() {
        boxes_.clear();
        any_ = false;
    }
    void add(const Box& b) {
        union_ = any_ ? Box{glm::min(union_.min, b.min), glm::max(union_.max, b.max)} : b;
        any_ = true;
        if (boxes_.size() < max_boxes) boxes_.push_back(b);
    }
    bool meets(const Box& b) const {
        if (!any_ || !union_.meets(b)) return false;
        if (boxes_.size() >= max_boxes) return true;
        return std::any_of(boxes_.begin(), boxes_.end(), [&](const Box& s) { return s.meets(b); });
    }

private:
    static constexpr std::size_t max_boxes = 256;
    std::vector<Box> boxes_;
    Box union_;
    bool any_ = false;
};
} // namespace

struct SvgScene::Layer {
    // Made at the first item (each collection compiles its program when made).
    std::unique_ptr<PolygonCollection> fills_;
    std::unique_ptr<GradientCollection> gradients_;
    std::unique_ptr<PathCollection> strokes_;
    std::unique_ptr<GradientPathCollection> gradient_strokes_;
    std::vector<std::unique_ptr<TextureFillCollection>> images; ///< one an image (its texture)
    std::optional<PanZoom> view;
    PolygonCollection& fills() {
        if (!fills_) {
            fills_ = std::make_unique<PolygonCollection>();
            if (view) fills_->set_transform(*view);
        }
        return *fills_;
    }
    GradientCollection& gradients() {
        if (!gradients_) {
            gradients_ = std::make_unique<GradientCollection>();
            if (view) gradients_->set_transform(*view);
        }
        return *gradients_;
    }
    PathCollection& strokes() {
        if (!strokes_) {
            strokes_ = std::make_unique<PathCollection>();
            if (view) strokes_->set_transform(*view);
        }
        return *strokes_;
    }
    GradientPathCollection& gradient_strokes() {
        if (!gradient_strokes_) {
            gradient_strokes_ = std::make_unique<GradientPathCollection>();
            if (view) gradient_strokes_->set_transform(*view);
        }
        return *gradient_strokes_;
    }
    std::size_t draw_calls() const {
        return (fills_ && !fills_->empty()) + (gradients_ && !gradients_->empty()) + images.size() +
               (strokes_ && !strokes_->empty()) + (gradient_strokes_ && !gradient_strokes_->empty());
    }
};

/// A node of the scene's tree: the document, a group, a clip path or a mask. Its steps
/// are its layers and child groups in document order.
struct SvgScene::Node {
    struct Step {
        bool group = false;
        std::size_t index = 0; ///< in layers_ or nodes_
    };
    std::vector<Step> steps;
    // The group's compositing (Group.hpp): nothing for the document, clip paths and masks.
    float opacity = 1.0f;
    std::vector<std::size_t> clips; ///< nodes, intersected
    std::optional<std::size_t> mask; ///< node
    std::optional<svg::Filter> filter;
    // What the current layer holds that is drawn after a collection: gradient fills,
    // images and strokes after the solid fills; images and strokes after the gradient
    // fills; strokes after the images; gradient strokes after the solid strokes (which,
    // drawn without depth writes, must not cover a later shape's gradient stroke, nor the
    // reverse). See the header.
    StrokeBoxes after_fills, after_gradients, after_images, after_strokes;
    void clear_boxes() {
        for (StrokeBoxes* b : {&after_fills, &after_gradients, &after_images, &after_strokes}) b->clear();
    }
};

SvgScene::SvgScene(const svg::Document& document) : SvgScene(document.shapes(), document.groups()) {
    if (document.width() > 0.0 && document.height() > 0.0) clip_ = Rect{0.0, 0.0, document.width(), document.height()};
}

SvgScene::SvgScene(std::span<const svg::Shape> shapes) { build(shapes, {}); }

SvgScene::SvgScene(std::span<const svg::Shape> shapes, std::span<const svg::Group> groups) { build(shapes, groups); }

SvgScene::~SvgScene() = default;
SvgScene::SvgScene(SvgScene&&) noexcept = default;
SvgScene& SvgScene::operator=(SvgScene&&) noexcept = default;

void SvgScene::build(std::span<const svg::Shape> shapes, std::span<const svg::Group> groups) {
    std::vector<svg::Shape> outlined; // <text> shapes as their glyphs' outlines (SvgText.hpp)
    if (outline_texts(shapes, outlined, warnings_)) shapes = outlined;
    compositor_ = std::make_unique<detail::Compositor>();
    nodes_.push_back(std::make_unique<Node>());
    current_layer(0); // a scene has at least one layer
    float order = 0.0f;
    // A group's parent must come before it (so chains end); anything else is no group.
    std::vector<int> parent(groups.size(), -1);
    std::vector<int> depth(groups.size(), 1);
    std::size_t bad_groups = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const int p = groups[g].parent;
        if (p >= 0 && std::size_t(p) < g) {
            parent[g] = p;
            depth[g] = depth[std::size_t(p)] + 1;
        } else if (p != -1) {
            ++bad_groups;
        }
    }
    const auto add_content = [&](const std::vector<svg::Shape>& content) {
        const std::size_t n = nodes_.size();
        nodes_.push_back(std::make_unique<Node>());
        for (const svg::Shape& shape : content) {
            add_shape(shape, n, order);
            order += 2.0f;
        }
        return n;
    };
    std::vector<int> open;            // the groups open, outermost first
    std::vector<std::size_t> open_nodes{0};
    std::size_t too_deep = 0;
    for (const svg::Shape& shape : shapes) {
        int g = shape.group;
        if (g >= 0 && std::size_t(g) >= groups.size()) {
            ++bad_groups;
            g = -1;
        }
        // The chain from the outermost group down to the shape's, at most max_group_depth.
        std::vector<int> chain;
        for (int k = g; k >= 0; k = parent[std::size_t(k)]) chain.push_back(k);
        std::reverse(chain.begin(), chain.end());
        if (chain.size() > std::size_t(svg::max_group_depth)) {
            chain.resize(std::size_t(svg::max_group_depth));
            ++too_deep;
        }
        std::size_t common = 0;
        while (common < open.size() && common < chain.size() && open[common] == chain[common]) ++common;
        open.resize(common);
        open_nodes.resize(common + 1);
        for (std::size_t k = common; k < chain.size(); ++k) {
            const svg::Group& group = groups[std::size_t(chain[k])];
            const std::size_t n = nodes_.size();
            nodes_.push_back(std::make_unique<Node>());
            nodes_[open_nodes.back()]->steps.push_back({true, n});
            // Clip paths and masks first: their nodes are never steps of a parent.
            std::vector<std::size_t> clips;
            for (const svg::ClipPath& c : group.clip) clips.push_back(add_content(c.shapes));
            std::optional<std::size_t> mask;
            if (group.mask) mask = add_content(group.mask->shapes);
            Node& node = *nodes_[n];
            node.opacity = group.opacity;
            node.clips = std::move(clips);
            node.mask = mask;
            node.filter = group.filter;
            open.push_back(chain[k]);
            open_nodes.push_back(n);
        }
        add_shape(shape, open_nodes.back(), order);
        order += 2.0f;
    }
    if (bad_groups)
        warnings_.push_back("SvgScene: " + std::to_string(bad_groups) +
                            " group references out of range or out of order taken as no group");
    if (too_deep)
        warnings_.push_back("SvgScene: " + std::to_string(too_deep) + " shape" + (too_deep == 1 ? "" : "s") +
                            " in groups nested more than " + std::to_string(svg::max_group_depth) +
                            " deep drawn in the deepest group allowed");
    if (past_tile_limit_)
        warnings_.push_back("SvgScene: " + std::to_string(past_tile_limit_) + " pattern fill" + (past_tile_limit_ == 1 ? "" : "s") +
                            " past the " + std::to_string(detail::max_pattern_tiles) + "-pattern limit drawn in their fallback color");
    if (past_layer_limit_)
        warnings_.push_back("SvgScene: " + std::to_string(past_layer_limit_) + " translucent fill" +
                            (past_layer_limit_ == 1 ? "" : "s") + " past the " + std::to_string(max_layers) +
                            "-layer limit drawn in the last layer (it may hide strokes beneath it)");
}

SvgScene::Layer& SvgScene::current_layer(std::size_t n) {
    Node& node = *nodes_[n];
    if (node.steps.empty() || node.steps.back().group) {
        node.steps.push_back({false, layers_.size()});
        layers_.push_back(std::make_unique<Layer>());
        layers_.back()->view = view_;
        node.clear_boxes();
    }
    return *layers_[node.steps.back().index];
}

void SvgScene::add_shape(const svg::Shape& shape, std::size_t n, float order) {
    if (shape.subpaths.empty() || shape.subpaths[0].points.empty()) return;
    Node& node = *nodes_[n];
    const bool gradient = shape.fill && shape.fill->gradient;
    const bool translucent =
        shape.fill && !shape.fill->pattern && (gradient ? std::any_of(shape.fill->gradient->stops.begin(), shape.fill->gradient->stops.end(),
                                              [](const svg::Gradient::Stop& s) { return s.color.a < 1.0f; })
                                : shape.fill->color.a < 1.0f);
    const bool image = shape.image && shape.image->pixels;
    // A pattern fill is drawn as an image is (a texture, after the gradient fills).
    const bool pattern = !image && shape.fill && shape.fill->pattern && tiles_.size() < detail::max_pattern_tiles;
    if (!image && shape.fill && shape.fill->pattern && !pattern) ++past_tile_limit_;
    const bool textured = image || pattern;
    const bool solid_stroke = shape.stroke && !shape.stroke->gradient;
    const double reach = shape.stroke ? 0.5 * shape.stroke->width * std::max(1.0, shape.stroke->miter_limit) : 0.0;
    Layer* current = &current_layer(n);
    if ((translucent && (gradient ? node.after_gradients : node.after_fills).meets(box_of(shape, 0.0))) ||
        (textured && node.after_images.meets(box_of(shape, 0.0))) || (solid_stroke && node.after_strokes.meets(box_of(shape, reach)))) {
        if (layers_.size() < max_layers) {
            node.steps.push_back({false, layers_.size()});
            layers_.push_back(std::make_unique<Layer>());
            layers_.back()->view = view_;
            node.clear_boxes();
            current = layers_.back().get();
        } else {
            ++past_layer_limit_;
        }
    }
    Layer& l = *current;
    // One shape the collections refuse (a tessellator's range, a width or an order
    // they cannot store) is skipped with a warning; the rest of the document draws.
    // A fill already appended for it is taken back, so that the shape is all or
    // nothing.
    const std::size_t fills_before = l.fills_ ? l.fills_->size() : 0, gradients_before = l.gradients_ ? l.gradients_->size() : 0;
    const std::size_t images_before = l.images.size();
    try {
        if (image) {
            // One collection (one texture, one draw call) per image: documents hold few.
            const svg::Image& im = *shape.image;
            const auto back = im.to_final.inverse();
            if (!back) throw ValueError("the image's transform is not invertible");
            auto images = std::make_unique<TextureFillCollection>(image_texture(im));
            if (view_) images->set_transform(*view_);
            images->append(shape.subpaths, svg::FillRule::NonZero,
                           svg::Transform::scale(1.0 / im.width, 1.0 / im.height) * *back, std::clamp(im.alpha, 0.0f, 1.0f), order);
            l.images.push_back(std::move(images));
            node.after_fills.add(box_of(shape, 0.0));
            node.after_gradients.add(box_of(shape, 0.0));
        } else if (pattern) {
            // One collection (one texture, one draw call) per pattern fill; the tile is
            // rendered at the first draw (draw()).
            auto tile = std::make_unique<detail::PatternTile>(shape.fill->pattern, view_ ? view_->pixels_per_unit() : 1.0);
            auto fill = std::make_unique<TextureFillCollection>(tile->texture());
            if (view_) fill->set_transform(*view_);
            fill->append(shape.subpaths, shape.fill->rule, tile->to_texture(), std::clamp(shape.fill->pattern->alpha, 0.0f, 1.0f),
                         order);
            for (const std::string& w : tile->warnings()) warnings_.push_back(shape.fill->pattern->name + ": " + w);
            l.images.push_back(std::move(fill));
            tiles_.push_back(std::move(tile));
            node.after_fills.add(box_of(shape, 0.0));
            node.after_gradients.add(box_of(shape, 0.0));
        } else if (gradient) {
            l.gradients().append(shape.subpaths, shape.fill->rule, *shape.fill->gradient, order);
            node.after_fills.add(box_of(shape, 0.0));
        } else if (shape.fill) {
            l.fills().append(shape.subpaths, shape.fill->rule, {rgba(shape.fill->color), order});
        }
        // A dashed stroke whose dashes all vanished (a path shorter than the first
        // gap) draws nothing.
        if (shape.stroke && !(shape.stroke->dashes && shape.stroke->dashes->empty())) {
            const svg::Stroke& s = *shape.stroke;
            const auto lines = s.dashes ? std::span<const svg::Polyline>(*s.dashes) : std::span<const svg::Polyline>(shape.subpaths);
            const StrokeStyle style{rgba(s.color), static_cast<float>(s.width), stroke_join(s.join),
                                    stroke_cap(s.cap), static_cast<float>(s.miter_limit), order + 1.0f};
            if (s.gradient)
                l.gradient_strokes().append(lines, style, *s.gradient);
            else
                l.strokes().append(lines, style);
            // Half the width on each side; miters reach further, up to the limit.
            const Box b = box_of(shape, reach);
            node.after_fills.add(b);
            node.after_gradients.add(b);
            node.after_images.add(b);
            if (s.gradient) node.after_strokes.add(b);
        }
    } catch (const Error& e) {
        if (l.fills_ && l.fills_->size() > fills_before) l.fills_->erase(fills_before, l.fills_->size());
        if (l.gradients_ && l.gradients_->size() > gradients_before) l.gradients_->erase(gradients_before, l.gradients_->size());
        l.images.resize(images_before);
        warnings_.push_back(shape.name() + ": " + e.what() + "; skipped");
    }
}

SvgScene::Layer& SvgScene::layer(std::size_t i, const char* caller) {
    if (i >= layers_.size())
        throw IndexError(std::string(caller) + ": layer " + std::to_string(i) + " is out of range for a scene of " +
                         std::to_string(layers_.size()) + " layers");
    return *layers_[i];
}

PolygonCollection& SvgScene::fills(std::size_t i) { return layer(i, "SvgScene::fills").fills(); }
PathCollection& SvgScene::strokes(std::size_t i) { return layer(i, "SvgScene::strokes").strokes(); }
GradientCollection& SvgScene::gradients(std::size_t i) { return layer(i, "SvgScene::gradients").gradients(); }
GradientPathCollection& SvgScene::gradient_strokes(std::size_t i) {
    return layer(i, "SvgScene::gradient_strokes").gradient_strokes();
}
std::span<const std::unique_ptr<TextureFillCollection>> SvgScene::images(std::size_t i) {
    return layer(i, "SvgScene::images").images;
}

std::size_t SvgScene::group_count() const noexcept {
    std::size_t n = 0;
    for (const auto& node : nodes_) n += node->steps.size() > 0 && (node->opacity < 1.0f || !node->clips.empty() || node->mask || node->filter);
    return n;
}

namespace {
/// The draws of a filter (see the header): a blur 2, a merge one per input, any other
/// primitive 1.
std::size_t filter_draws(const svg::Filter& f) {
    std::size_t n = 0;
    for (const svg::FilterPrimitive& p : f.primitives)
        n += p.kind == svg::FilterPrimitive::Kind::GaussianBlur ? 2 : p.kind == svg::FilterPrimitive::Kind::Merge ? p.inputs.size() : 1;
    return n;
}
} // namespace

std::size_t SvgScene::draw_calls() const noexcept {
    // The document's steps and, recursively, each group's: its content, its clip paths
    // (one more per clip path after the first, to intersect), its mask, its filter and
    // the composite.
    std::size_t n = 0;
    const auto content = [&](const Node& node, auto&& self) -> void {
        for (const Node::Step& s : node.steps) {
            if (!s.group) {
                n += layers_[s.index]->draw_calls();
                continue;
            }
            const Node& g = *nodes_[s.index];
            if (g.steps.empty() || !(g.opacity > 0.0f)) continue;
            self(g, self);
            for (std::size_t k = 0; k < g.clips.size(); ++k) {
                self(*nodes_[g.clips[k]], self);
                n += k > 0;
            }
            if (g.mask) self(*nodes_[*g.mask], self);
            if (g.filter) n += filter_draws(*g.filter);
            n += 1;
        }
    };
    content(*nodes_[0], content);
    return n;
}

void SvgScene::set_transform(const PanZoom& view) {
    view_ = view;
    for (auto& l : layers_) {
        l->view = view;
        if (l->fills_) l->fills_->set_transform(view);
        if (l->gradients_) l->gradients_->set_transform(view);
        for (auto& image : l->images) image->set_transform(view);
        if (l->strokes_) l->strokes_->set_transform(view);
        if (l->gradient_strokes_) l->gradient_strokes_->set_transform(view);
    }
}

void SvgScene::draw_layer(Layer& l) {
    if (l.fills_) l.fills_->draw();
    if (l.gradients_) l.gradients_->draw();
    for (auto& image : l.images) image->draw();
    if (l.strokes_) l.strokes_->draw();
    if (l.gradient_strokes_) l.gradient_strokes_->draw();
}

void SvgScene::draw_node(std::size_t n, int depth) {
    for (const Node::Step& s : nodes_[n]->steps) {
        if (s.group)
            draw_group(s.index, depth);
        else
            draw_layer(*layers_[s.index]);
    }
}

void SvgScene::draw_group(std::size_t n, int depth) {
    const Node& node = *nodes_[n];
    if (node.steps.empty() || !(node.opacity > 0.0f)) return;
    GLint viewport[4];
    glGetIntegerv(GL_VIEWPORT, viewport);
    const int w = viewport[2], h = viewport[3];
    if (w <= 0 || h <= 0) return;
    using detail::Compositor;
    Compositor& c = *compositor_;
    // Slots: 4 per nesting depth (content, clip, clip scratch, mask), then the filter's
    // results (one per primitive) and the blur's scratch, shared by every filter (a filter
    // runs to its end before any other starts).
    const auto slot = [&](int kind) { return std::size_t(depth) * 4 + std::size_t(kind); };
    const std::size_t filter_slots = std::size_t(svg::max_group_depth + 1) * 4;
    const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
    glDisable(GL_SCISSOR_TEST); // the offscreen targets start at (0, 0); the scissor is the host's
    const auto restore = [&] {
        if (scissor) glEnable(GL_SCISSOR_TEST);
    };
    try {
        const auto render = [&](std::size_t target_slot, std::size_t content) -> Compositor::Target& {
            Compositor::Target& t = c.target(target_slot, w, h);
            auto on = t.fb.activated();
            Compositor::clear();
            draw_node(content, depth + 1);
            return t;
        };
        Compositor::Target& content = render(slot(0), n);
        const gloo::Texture2D* result = &content.color;
        if (node.filter) {
            // The view's pixels per final unit, signs included (GL's y is up).
            const glm::dvec2 scale = view_ ? glm::dvec2(view_->view().x, view_->view().y) : glm::dvec2(1.0);
            const auto input = [&](int k) -> std::pair<const gloo::Texture2D*, bool> {
                if (k == svg::FilterPrimitive::source_graphic) return {&content.color, false};
                if (k == svg::FilterPrimitive::source_alpha) return {&content.color, true};
                return {&c.target(filter_slots + std::size_t(k), w, h).color, false};
            };
            const auto& primitives = node.filter->primitives;
            for (std::size_t k = 0; k < primitives.size() && k < svg::max_filter_primitives; ++k) {
                const svg::FilterPrimitive& p = primitives[k];
                Compositor::Target& out = c.target(filter_slots + k, w, h);
                // Inputs are earlier primitives only (the reader's rule; others read nothing).
                const auto valid = [&](int in) { return in < int(k) && in >= svg::FilterPrimitive::source_alpha; };
                switch (p.kind) {
                case svg::FilterPrimitive::Kind::GaussianBlur: {
                    if (p.inputs.empty() || !valid(p.inputs[0])) break;
                    const auto [source, alpha] = input(p.inputs[0]);
                    Compositor::Target& scratch = c.target(filter_slots + svg::max_filter_primitives, w, h);
                    {
                        auto on = scratch.fb.activated();
                        c.blur(*source, alpha, {1.0f, 0.0f}, float(p.std_deviation.x * std::abs(scale.x)));
                    }
                    auto on = out.fb.activated();
                    c.blur(scratch.color, false, {0.0f, 1.0f}, float(p.std_deviation.y * std::abs(scale.y)));
                    break;
                }
                case svg::FilterPrimitive::Kind::Offset: {
                    auto on = out.fb.activated();
                    if (p.inputs.empty() || !valid(p.inputs[0])) {
                        Compositor::clear();
                        break;
                    }
                    const auto [source, alpha] = input(p.inputs[0]);
                    Compositor::Sample sample;
                    sample.source = source;
                    sample.alpha_only = alpha;
                    // Final units are y down, GL's pixels y up.
                    sample.offset = glm::vec2(float(p.offset.x * scale.x), float(-p.offset.y * scale.y));
                    c.composite(sample, Compositor::Blend::Replace);
                    break;
                }
                case svg::FilterPrimitive::Kind::Flood:
                case svg::FilterPrimitive::Kind::Composite:
                case svg::FilterPrimitive::Kind::ColorMatrix: {
                    auto on = out.fb.activated();
                    Compositor::Primitive q;
                    q.linear_rgb = p.linear_rgb;
                    const std::size_t needed = p.kind == svg::FilterPrimitive::Kind::Flood ? 0
                                               : p.kind == svg::FilterPrimitive::Kind::Composite ? 2 : 1;
                    bool ok = p.inputs.size() >= needed;
                    for (std::size_t i = 0; ok && i < needed; ++i) ok = valid(p.inputs[i]);
                    if (!ok) {
                        Compositor::clear();
                        break;
                    }
                    if (needed >= 1) std::tie(q.a, q.a_alpha_only) = input(p.inputs[0]);
                    if (needed >= 2) std::tie(q.b, q.b_alpha_only) = input(p.inputs[1]);
                    if (p.kind == svg::FilterPrimitive::Kind::Flood) {
                        q.mode = Compositor::Primitive::Mode::Flood;
                        q.a = &content.color; // bound, not read
                        q.color = glm::vec4(p.flood.r, p.flood.g, p.flood.b, p.flood.a);
                    } else if (p.kind == svg::FilterPrimitive::Kind::Composite) {
                        q.mode = Compositor::Primitive::Mode::Composite;
                        q.op = int(p.op);
                        q.k = glm::vec4(p.k[0], p.k[1], p.k[2], p.k[3]);
                    } else {
                        q.mode = Compositor::Primitive::Mode::ColorMatrix;
                        for (int row = 0; row < 4; ++row) {
                            for (int col = 0; col < 4; ++col) q.matrix[col][row] = p.matrix[std::size_t(row * 5 + col)];
                            q.shift[row] = p.matrix[std::size_t(row * 5 + 4)];
                        }
                    }
                    c.primitive(q);
                    break;
                }
                case svg::FilterPrimitive::Kind::Merge: {
                    auto on = out.fb.activated();
                    Compositor::clear();
                    for (const int in : p.inputs) {
                        if (!valid(in)) continue;
                        const auto [source, alpha] = input(in);
                        Compositor::Sample sample;
                        sample.source = source;
                        sample.alpha_only = alpha;
                        c.composite(sample, Compositor::Blend::Over);
                    }
                    break;
                }
                }
                result = &out.color;
            }
        }
        const gloo::Texture2D* clip = nullptr;
        if (!node.clips.empty()) {
            Compositor::Target& coverage = render(slot(1), node.clips[0]);
            for (std::size_t k = 1; k < node.clips.size(); ++k) {
                Compositor::Target& more = render(slot(2), node.clips[k]);
                auto on = coverage.fb.activated();
                Compositor::Sample sample;
                sample.source = &more.color;
                c.composite(sample, Compositor::Blend::Multiply);
            }
            clip = &coverage.color;
        }
        const gloo::Texture2D* mask = node.mask ? &render(slot(3), *node.mask).color : nullptr;
        restore();
        // The filter region, as a scissor on the composite (window pixels, then GL's).
        std::optional<std::array<GLint, 4>> region;
        if (node.filter && node.filter->region) {
            const svg::Filter::Region& r = *node.filter->region;
            if (r.max.x <= r.min.x || r.max.y <= r.min.y) return;
            const auto pixels = [&](glm::dvec2 world) { return view_ ? view_->to_pixels(world) : world; };
            const glm::dvec2 a = pixels(r.min), b = pixels(r.max);
            const auto clamp = [](double v) { return static_cast<GLint>(std::clamp(v, -1e9, 1e9)); };
            GLint x0 = viewport[0] + clamp(std::round(std::min(a.x, b.x))), x1 = viewport[0] + clamp(std::round(std::max(a.x, b.x)));
            GLint y0 = viewport[1] + h - clamp(std::round(std::max(a.y, b.y)));
            GLint y1 = viewport[1] + h - clamp(std::round(std::min(a.y, b.y)));
            GLint box[4];
            glGetIntegerv(GL_SCISSOR_BOX, box);
            region = std::array<GLint, 4>{box[0], box[1], box[2], box[3]};
            if (scissor) {
                x0 = std::max(x0, box[0]);
                y0 = std::max(y0, box[1]);
                x1 = std::min(x1, box[0] + box[2]);
                y1 = std::min(y1, box[1] + box[3]);
            }
            if (x1 <= x0 || y1 <= y0) return;
            glEnable(GL_SCISSOR_TEST);
            glScissor(x0, y0, x1 - x0, y1 - y0);
        }
        const auto unscissor = [&] {
            if (!region) return;
            glScissor((*region)[0], (*region)[1], (*region)[2], (*region)[3]);
            if (!scissor) glDisable(GL_SCISSOR_TEST);
        };
        Compositor::Sample sample;
        sample.source = result;
        sample.opacity = node.opacity;
        sample.clip = clip;
        sample.mask = mask;
        try {
            c.composite(sample, Compositor::Blend::Over);
        } catch (...) {
            unscissor();
            throw;
        }
        unscissor();
    } catch (...) {
        restore();
        throw;
    }
}

void SvgScene::draw() {
    // Pattern tiles first, once, at the view's scale then (SvgPattern.hpp).
    for (auto& tile : tiles_) tile->render(view_ ? view_->pixels_per_unit() : 1.0);
    const auto draw_layers = [&] { draw_node(0, 0); };
    if (!clip_) return draw_layers();
    // The clip rectangle in window pixels (y down), then in GL's framebuffer pixels
    // (y up from the viewport's bottom).
    const auto pixels = [&](glm::dvec2 world) { return view_ ? view_->to_pixels(world) : world; };
    const glm::dvec2 a = pixels({clip_->x, clip_->y}), b = pixels({clip_->x + clip_->width, clip_->y + clip_->height});
    GLint viewport[4];
    glGetIntegerv(GL_VIEWPORT, viewport);
    const auto clamp = [](double v) { return static_cast<GLint>(std::clamp(v, -1e9, 1e9)); };
    GLint x0 = viewport[0] + clamp(std::floor(std::min(a.x, b.x))), x1 = viewport[0] + clamp(std::ceil(std::max(a.x, b.x)));
    GLint y0 = viewport[1] + viewport[3] - clamp(std::ceil(std::max(a.y, b.y)));
    GLint y1 = viewport[1] + viewport[3] - clamp(std::floor(std::min(a.y, b.y)));
    const GLboolean was_enabled = glIsEnabled(GL_SCISSOR_TEST);
    GLint box[4];
    glGetIntegerv(GL_SCISSOR_BOX, box);
    if (was_enabled) {
        x0 = std::max(x0, box[0]);
        y0 = std::max(y0, box[1]);
        x1 = std::min(x1, box[0] + box[2]);
        y1 = std::min(y1, box[1] + box[3]);
    }
    if (x1 <= x0 || y1 <= y0) return; // nothing of the document is in view
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, y0, x1 - x0, y1 - y0);
    try {
        draw_layers();
    } catch (...) {
        glScissor(box[0], box[1], box[2], box[3]);
        if (!was_enabled) glDisable(GL_SCISSOR_TEST);
        throw;
    }
    glScissor(box[0], box[1], box[2], box[3]);
    if (!was_enabled) glDisable(GL_SCISSOR_TEST);
}

} // namespace glumpp::graphics
