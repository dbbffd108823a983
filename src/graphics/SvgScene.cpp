#include <glumpp/graphics/SvgScene.hpp>

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
} // namespace

SvgScene::SvgScene(const svg::Document& document) : SvgScene(std::span<const svg::Shape>(document.shapes())) {}

SvgScene::SvgScene(std::span<const svg::Shape> shapes) {
    float order = 0.0f;
    for (const svg::Shape& shape : shapes) {
        // One shape the collections refuse (a tessellator's range, a width or an order
        // they cannot store) is skipped with a warning; the rest of the document draws.
        // A fill already appended for it is taken back, so that the shape is all or
        // nothing.
        const std::size_t fills_before = fills_.size();
        try {
            if (shape.fill) fills_.append(shape.subpaths, shape.fill->rule, {rgba(shape.fill->color), order});
            if (shape.stroke) {
                const svg::Stroke& s = *shape.stroke;
                strokes_.append(shape.subpaths, {rgba(s.color), static_cast<float>(s.width), stroke_join(s.join),
                                                 stroke_cap(s.cap), static_cast<float>(s.miter_limit), order + 1.0f});
            }
        } catch (const Error& e) {
            if (fills_.size() > fills_before) fills_.erase(fills_before, fills_.size());
            warnings_.push_back(shape.name() + ": " + e.what() + "; skipped");
        }
        order += 2.0f;
    }
}

void SvgScene::set_transform(const PanZoom& view) {
    fills_.set_transform(view);
    strokes_.set_transform(view);
}

void SvgScene::draw() {
    fills_.draw();
    strokes_.draw();
}

} // namespace glumpp::graphics
