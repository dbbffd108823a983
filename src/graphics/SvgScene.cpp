#include <glumpp/graphics/SvgScene.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>

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

SvgScene::SvgScene(const svg::Document& document) : SvgScene(std::span<const svg::Shape>(document.shapes())) {}

SvgScene::SvgScene(std::span<const svg::Shape> shapes) {
    layers_.push_back(std::make_unique<Layer>());
    StrokeBoxes strokes_here;
    float order = 0.0f;
    for (const svg::Shape& shape : shapes) {
        if (shape.subpaths.empty() || shape.subpaths[0].points.empty()) {
            order += 2.0f;
            continue;
        }
        if (shape.fill && shape.fill->color.a < 1.0f && strokes_here.meets(box_of(shape, 0.0))) {
            layers_.push_back(std::make_unique<Layer>());
            strokes_here.clear();
        }
        Layer& l = *layers_.back();
        // One shape the collections refuse (a tessellator's range, a width or an order
        // they cannot store) is skipped with a warning; the rest of the document draws.
        // A fill already appended for it is taken back, so that the shape is all or
        // nothing.
        const std::size_t fills_before = l.fills.size();
        try {
            if (shape.fill) l.fills.append(shape.subpaths, shape.fill->rule, {rgba(shape.fill->color), order});
            if (shape.stroke) {
                const svg::Stroke& s = *shape.stroke;
                l.strokes.append(shape.subpaths, {rgba(s.color), static_cast<float>(s.width), stroke_join(s.join),
                                                  stroke_cap(s.cap), static_cast<float>(s.miter_limit), order + 1.0f});
                // Half the width on each side; miters reach further, up to the limit.
                strokes_here.add(box_of(shape, 0.5 * s.width * std::max(1.0, s.miter_limit)));
            }
        } catch (const Error& e) {
            if (l.fills.size() > fills_before) l.fills.erase(fills_before, l.fills.size());
            warnings_.push_back(shape.name() + ": " + e.what() + "; skipped");
        }
        order += 2.0f;
    }
}

SvgScene::Layer& SvgScene::layer(std::size_t i, const char* caller) {
    if (i >= layers_.size())
        throw IndexError(std::string(caller) + ": layer " + std::to_string(i) + " is out of range for a scene of " +
                         std::to_string(layers_.size()) + " layers");
    return *layers_[i];
}

PolygonCollection& SvgScene::fills(std::size_t i) { return layer(i, "SvgScene::fills").fills; }
PathCollection& SvgScene::strokes(std::size_t i) { return layer(i, "SvgScene::strokes").strokes; }

std::size_t SvgScene::draw_calls() const noexcept {
    std::size_t n = 0;
    for (const auto& l : layers_) n += !l->fills.empty() + !l->strokes.empty();
    return n;
}

void SvgScene::set_transform(const PanZoom& view) {
    for (auto& l : layers_) {
        l->fills.set_transform(view);
        l->strokes.set_transform(view);
    }
}

void SvgScene::draw() {
    for (auto& l : layers_) {
        l->fills.draw();
        l->strokes.draw();
    }
}

} // namespace glumpp::graphics
