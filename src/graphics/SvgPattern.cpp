#include "SvgPattern.hpp"

#include "SvgCompositor.hpp"

#include <glumpp/graphics/SvgScene.hpp>

#include <glumpp/gloo/gl.hpp>

#include <algorithm>
#include <cmath>

namespace glumpp::graphics::detail {

namespace {
gloo::Texture2D tile_texture(std::pair<std::size_t, std::size_t> size) {
    auto t = gloo::Texture2D::gpu_only({size.second, size.first, 4}, DType::of<std::uint8_t>());
    t.set_wrapping(gloo::Wrapping::Repeat);
    t.set_interpolation(gloo::Interpolation::Linear);
    return t;
}
} // namespace

PatternTile::PatternTile(std::shared_ptr<const svg::Pattern> pattern, double pixels_per_unit)
    : pattern_(std::move(pattern)), scene_(std::make_unique<SvgScene>(pattern_->shapes)),
      texture_(tile_texture(size(pixels_per_unit))),
      fb_({texture_}, gloo::RenderBuffer::depth(texture_.width(), texture_.height())) {}

PatternTile::~PatternTile() = default;

std::pair<std::size_t, std::size_t> PatternTile::size(double pixels_per_unit) const {
    // Pattern space to final units, then to device pixels: each axis's own scale.
    const svg::Transform to_final = pattern_->to_pattern.inverse().value_or(svg::Transform{});
    const double sx = std::hypot(to_final.a, to_final.b), sy = std::hypot(to_final.c, to_final.d);
    const auto side = [&](double length, double scale) {
        const double texels = std::ceil(length * scale * pixels_per_unit * pattern_supersampling);
        return static_cast<std::size_t>(std::clamp(std::isfinite(texels) ? texels : 1.0, 1.0, double(max_pattern_side)));
    };
    return {side(pattern_->width, sx), side(pattern_->height, sy)};
}

svg::Transform PatternTile::to_texture() const {
    return svg::Transform::matrix(1.0 / pattern_->width, 0.0, 0.0, -1.0 / pattern_->height, 0.0, 1.0) * pattern_->to_pattern;
}

const std::vector<std::string>& PatternTile::warnings() const { return scene_->warnings(); }

void PatternTile::render(double pixels_per_unit) {
    if (rendered_) return;
    rendered_ = true;
    const auto [w, h] = size(pixels_per_unit);
    if (fb_.width() != w || fb_.height() != h) fb_.resize(w, h);
    PanZoom view(Rect{0.0, 0.0, pattern_->width, pattern_->height}, false, true);
    view.resize(int(w), int(h));
    scene_->set_transform(view);
    const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
    glDisable(GL_SCISSOR_TEST);
    try {
        auto on = fb_.activated();
        Compositor::clear();
        scene_->draw();
    } catch (...) {
        if (scissor) glEnable(GL_SCISSOR_TEST);
        throw;
    }
    if (scissor) glEnable(GL_SCISSOR_TEST);
}

} // namespace glumpp::graphics::detail
