#include <glumpp/graphics/PanZoom.hpp>
#include "Format.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace glumpp::graphics {

struct PanZoom::State {
    std::optional<Rect> world;
    bool y_up = false;
    bool stretch = false;
    double width = 0.0, height = 0.0; // window pixels; 0 until resized
    double zoom = 1.0;
    glm::dvec2 pan{0.0, 0.0};
    double min_zoom = 0.01, max_zoom = 1000.0;

    // The fit alone: pixel = world * fit_scale + fit_offset.
    void fit(glm::dvec2& scale, glm::dvec2& offset) const {
        if (!world || width <= 0.0 || height <= 0.0) {
            scale = {1.0, 1.0};
            offset = {0.0, 0.0};
            return;
        }
        const double m = std::min(width / world->width, height / world->height);
        const double sx = stretch ? width / world->width : m, sy = stretch ? height / world->height : m;
        const glm::dvec2 margin{(width - world->width * sx) / 2.0, (height - world->height * sy) / 2.0};
        if (y_up) { // the rectangle's top (y + height) goes to the top of the window
            scale = {sx, -sy};
            offset = {margin.x - world->x * sx, margin.y + (world->y + world->height) * sy};
        } else {
            scale = {sx, sy};
            offset = {margin.x - world->x * sx, margin.y - world->y * sy};
        }
    }
    // Keeps the world point under `pixel` in place: pixel = zoom * fitted + pan.
    void zoom_at(glm::dvec2 pixel, double factor) {
        const double z = std::clamp(zoom * factor, min_zoom, max_zoom);
        pan = pixel - (pixel - pan) * (z / zoom);
        zoom = z;
    }
    void reset() {
        zoom = 1.0;
        pan = {0.0, 0.0};
    }
    void transform(glm::dvec2& scale, glm::dvec2& offset) const {
        fit(scale, offset);
        scale *= zoom;
        offset = offset * zoom + pan;
    }
};

using detail::number;

PanZoom::PanZoom() : s_(std::make_shared<State>()) {}

PanZoom::PanZoom(const Rect& world, bool y_up, bool stretch) : PanZoom() {
    if (!(world.width > 0.0 && world.height > 0.0 && std::isfinite(world.width) && std::isfinite(world.height) &&
          std::isfinite(world.x) && std::isfinite(world.y))) {
        throw ValueError("PanZoom: the world rectangle (" + number(world.x) + ", " + number(world.y) + ", " +
                         number(world.width) + ", " + number(world.height) +
                         ") needs a positive, finite width and height");
    }
    s_->world = world;
    s_->y_up = y_up;
    s_->stretch = stretch;
}

void PanZoom::resize(int width, int height) {
    if (width <= 0 || height <= 0) {
        throw ValueError("PanZoom::resize: size " + std::to_string(width) + "x" + std::to_string(height) + " is not positive");
    }
    s_->width = width;
    s_->height = height;
}

void PanZoom::pan(glm::dvec2 pixels) { s_->pan += pixels; }

void PanZoom::zoom_at(glm::dvec2 pixel, double factor) {
    if (!(factor > 0.0 && std::isfinite(factor))) {
        throw ValueError("PanZoom::zoom_at: the factor " + number(factor) + " is not positive and finite");
    }
    s_->zoom_at(pixel, factor);
}

void PanZoom::reset() { s_->reset(); }

void PanZoom::scroll(glm::dvec2 pixel, double notches) {
    if (!std::isfinite(notches)) throw ValueError("PanZoom::scroll: " + number(notches) + " notches is not finite");
    s_->zoom_at(pixel, std::pow(1.1, notches));
}

void PanZoom::set_limits(double min_zoom, double max_zoom) {
    if (!(min_zoom > 0.0 && min_zoom <= max_zoom && std::isfinite(max_zoom))) {
        throw ValueError("PanZoom::set_limits: [" + number(min_zoom) + ", " + number(max_zoom) +
                         "] is not a range of positive zooms");
    }
    s_->min_zoom = min_zoom;
    s_->max_zoom = max_zoom;
    s_->zoom = std::clamp(s_->zoom, min_zoom, max_zoom);
}

double PanZoom::zoom() const { return s_->zoom; }
glm::dvec2 PanZoom::pan_offset() const { return s_->pan; }

glm::dvec2 PanZoom::to_pixels(glm::dvec2 world) const {
    glm::dvec2 scale, offset;
    s_->transform(scale, offset);
    return world * scale + offset;
}

glm::dvec2 PanZoom::to_world(glm::dvec2 pixel) const {
    glm::dvec2 scale, offset;
    s_->transform(scale, offset);
    return (pixel - offset) / scale;
}

double PanZoom::pixels_per_unit() const {
    glm::dvec2 scale, offset;
    s_->transform(scale, offset);
    return std::abs(scale.x);
}

glm::vec4 PanZoom::view() const {
    glm::dvec2 scale, offset;
    s_->transform(scale, offset);
    return {static_cast<float>(scale.x), static_cast<float>(scale.y), static_cast<float>(offset.x), static_cast<float>(offset.y)};
}

} // namespace glumpp::graphics
