#include <glumpp/graphics/SvgScene.hpp>
#include <glumpp/graphics/SvgText.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/gloo/gl.hpp>

#include <algorithm>
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

SvgScene::SvgScene(const svg::Document& document) : SvgScene(std::span<const svg::Shape>(document.shapes())) {
    if (document.width() > 0.0 && document.height() > 0.0) clip_ = Rect{0.0, 0.0, document.width(), document.height()};
}

SvgScene::SvgScene(std::span<const svg::Shape> shapes) {
    std::vector<svg::Shape> outlined; // <text> shapes as their glyphs' outlines (SvgText.hpp)
    if (outline_texts(shapes, outlined, warnings_)) shapes = outlined;
    layers_.push_back(std::make_unique<Layer>());
    // What the current layer holds that is drawn after a collection: gradient fills and
    // strokes after the solid fills, strokes after the gradient fills (see the header).
    // Images after the gradient fills; gradient strokes after the solid strokes, which
    // (drawn without depth writes) must not cover a later shape's gradient stroke... nor
    // the reverse: a solid stroke over an earlier gradient stroke starts a new layer.
    StrokeBoxes after_fills, after_gradients, after_images, after_strokes;
    std::size_t past_layer_limit = 0;
    float order = 0.0f;
    for (const svg::Shape& shape : shapes) {
        if (shape.subpaths.empty() || shape.subpaths[0].points.empty()) {
            order += 2.0f;
            continue;
        }
        const bool gradient = shape.fill && shape.fill->gradient;
        const bool translucent =
            shape.fill && (gradient ? std::any_of(shape.fill->gradient->stops.begin(), shape.fill->gradient->stops.end(),
                                                  [](const svg::Gradient::Stop& s) { return s.color.a < 1.0f; })
                                    : shape.fill->color.a < 1.0f);
        const bool image = shape.image && shape.image->pixels;
        const bool solid_stroke = shape.stroke && !shape.stroke->gradient;
        const double reach = shape.stroke ? 0.5 * shape.stroke->width * std::max(1.0, shape.stroke->miter_limit) : 0.0;
        if ((translucent && (gradient ? after_gradients : after_fills).meets(box_of(shape, 0.0))) ||
            (image && after_images.meets(box_of(shape, 0.0))) || (solid_stroke && after_strokes.meets(box_of(shape, reach)))) {
            if (layers_.size() < max_layers) {
                layers_.push_back(std::make_unique<Layer>());
                for (StrokeBoxes* b : {&after_fills, &after_gradients, &after_images, &after_strokes}) b->clear();
            } else {
                ++past_layer_limit;
            }
        }
        Layer& l = *layers_.back();
        // One shape the collections refuse (a tessellator's range, a width or an order
        // they cannot store) is skipped with a warning; the rest of the document draws.
        // A fill already appended for it is taken back, so that the shape is all or
        // nothing.
        const std::size_t fills_before = l.fills.size(), gradients_before = l.gradients.size();
        try {
            if (image) {
                // One collection (one texture, one draw call) per image: documents hold few.
                const svg::Image& im = *shape.image;
                const auto back = im.to_final.inverse();
                if (!back) throw ValueError("the image's transform is not invertible");
                auto images = std::make_unique<TextureFillCollection>(image_texture(im));
                images->append(shape.subpaths, svg::FillRule::NonZero,
                               svg::Transform::scale(1.0 / im.width, 1.0 / im.height) * *back, std::clamp(im.alpha, 0.0f, 1.0f),
                               order);
                l.images.push_back(std::move(images));
                after_fills.add(box_of(shape, 0.0));
                after_gradients.add(box_of(shape, 0.0));
            } else if (gradient) {
                l.gradients.append(shape.subpaths, shape.fill->rule, *shape.fill->gradient, order);
                after_fills.add(box_of(shape, 0.0));
            } else if (shape.fill) {
                l.fills.append(shape.subpaths, shape.fill->rule, {rgba(shape.fill->color), order});
            }
            // A dashed stroke whose dashes all vanished (a path shorter than the first
            // gap) draws nothing.
            if (shape.stroke && !(shape.stroke->dashes && shape.stroke->dashes->empty())) {
                const svg::Stroke& s = *shape.stroke;
                const auto lines = s.dashes ? std::span<const svg::Polyline>(*s.dashes) : std::span<const svg::Polyline>(shape.subpaths);
                const StrokeStyle style{rgba(s.color), static_cast<float>(s.width), stroke_join(s.join),
                                        stroke_cap(s.cap), static_cast<float>(s.miter_limit), order + 1.0f};
                if (s.gradient)
                    l.gradient_strokes.append(lines, style, *s.gradient);
                else
                    l.strokes.append(lines, style);
                // Half the width on each side; miters reach further, up to the limit.
                const Box b = box_of(shape, reach);
                after_fills.add(b);
                after_gradients.add(b);
                after_images.add(b);
                if (s.gradient) after_strokes.add(b);
            }
        } catch (const Error& e) {
            if (l.fills.size() > fills_before) l.fills.erase(fills_before, l.fills.size());
            if (l.gradients.size() > gradients_before) l.gradients.erase(gradients_before, l.gradients.size());
            warnings_.push_back(shape.name() + ": " + e.what() + "; skipped");
        }
        order += 2.0f;
    }
    if (past_layer_limit)
        warnings_.push_back("SvgScene: " + std::to_string(past_layer_limit) + " translucent fill" +
                            (past_layer_limit == 1 ? "" : "s") + " past the " + std::to_string(max_layers) +
                            "-layer limit drawn in the last layer (it may hide strokes beneath it)");
}

SvgScene::Layer& SvgScene::layer(std::size_t i, const char* caller) {
    if (i >= layers_.size())
        throw IndexError(std::string(caller) + ": layer " + std::to_string(i) + " is out of range for a scene of " +
                         std::to_string(layers_.size()) + " layers");
    return *layers_[i];
}

PolygonCollection& SvgScene::fills(std::size_t i) { return layer(i, "SvgScene::fills").fills; }
PathCollection& SvgScene::strokes(std::size_t i) { return layer(i, "SvgScene::strokes").strokes; }
GradientCollection& SvgScene::gradients(std::size_t i) { return layer(i, "SvgScene::gradients").gradients; }
GradientPathCollection& SvgScene::gradient_strokes(std::size_t i) {
    return layer(i, "SvgScene::gradient_strokes").gradient_strokes;
}
std::span<const std::unique_ptr<TextureFillCollection>> SvgScene::images(std::size_t i) {
    return layer(i, "SvgScene::images").images;
}

std::size_t SvgScene::draw_calls() const noexcept {
    std::size_t n = 0;
    for (const auto& l : layers_)
        n += !l->fills.empty() + !l->gradients.empty() + l->images.size() + !l->strokes.empty() + !l->gradient_strokes.empty();
    return n;
}

void SvgScene::set_transform(const PanZoom& view) {
    view_ = view;
    for (auto& l : layers_) {
        l->fills.set_transform(view);
        l->gradients.set_transform(view);
        for (auto& image : l->images) image->set_transform(view);
        l->strokes.set_transform(view);
        l->gradient_strokes.set_transform(view);
    }
}

void SvgScene::draw() {
    const auto draw_layers = [&] {
        for (auto& l : layers_) {
            l->fills.draw();
            l->gradients.draw();
            for (auto& image : l->images) image->draw();
            l->strokes.draw();
            l->gradient_strokes.draw();
        }
    };
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
