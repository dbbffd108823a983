#include <glumpp/plot/Figure.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/plot/Ticks.hpp>

#include <epoxy/gl.h>
#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <tuple>
#include <numbers>
#include <sstream>

namespace glumpp::plot {

namespace {

std::string str(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

void check_lim(const std::array<double, 2>& lim, const char* name) {
    if (!std::isfinite(lim[0]) || !std::isfinite(lim[1]) || lim[0] == lim[1])
        throw ValueError(std::string("Figure::add_axes: ") + name + " [" + str(lim[0]) + ", " + str(lim[1]) +
                         "] must be finite and of some width");
}

// What a face of straight alpha `a` leaves over an opaque `under` (GL's SRC_ALPHA,
// ONE_MINUS_SRC_ALPHA on colour; the destination's alpha stays 1, as the window's).
Rgba over(const Rgba& face, const Rgba& under) {
    const float a = face.a;
    return {a * face.r + (1 - a) * under.r, a * face.g + (1 - a) * under.g, a * face.b + (1 - a) * under.b, 1};
}

// The world rectangle of xlim/ylim: decades on a log axis.
double to_world(Scale scale, double v, double linthresh) {
    if (scale == Scale::Log) return v > 0 ? std::log10(v) : std::nan("");
    if (scale == Scale::SymLog) return symlog(v, linthresh);
    return v;
}

double to_data(Scale scale, double w, double linthresh) {
    if (scale == Scale::Log) return std::pow(10.0, w);
    if (scale == Scale::SymLog) return symlog_inverse(w, linthresh);
    return w;
}

graphics::Rect world_rect(const AxesOptions& o) {
    auto axis = [&o](Scale scale, const std::array<double, 2>& lim) {
        const double a = to_world(scale, lim[0], o.linthresh);
        const double b = to_world(scale, lim[1], o.linthresh);
        return std::pair{std::min(a, b), std::abs(b - a)};
    };
    const auto [x, w] = axis(o.xaxis, o.xlim);
    const auto [y, h] = axis(o.yaxis, o.ylim);
    return {x, y, w, h};
}

} // namespace

glm::ivec2 Figure::window_size(glm::dvec2 figsize, double dpi) {
    if (!(figsize.x > 0) || !(figsize.y > 0) || !(dpi > 0) || !std::isfinite(figsize.x * figsize.y * dpi))
        throw ValueError("Figure::window_size: figsize (" + str(figsize.x) + ", " + str(figsize.y) + ") and dpi " + str(dpi) +
                         " must be positive and finite");
    // Python's round() (half to even), as glumpy's int(round(figsize * dpi)).
    return {int(std::nearbyint(figsize.x * dpi)), int(std::nearbyint(figsize.y * dpi))};
}

Figure::Figure(app::Window& window, FigureOptions options) : window_(&window), options_(options) {
    root_.on_draw([this](double) {
        glClearColor(options_.facecolor.r, options_.facecolor.g, options_.facecolor.b, options_.facecolor.a);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    });
    root_.attach(window);
}

Figure::~Figure() = default;

Axes& Figure::add_axes(std::array<double, 4> rect, const AxesOptions& options) {
    const std::string where = "[" + str(rect[0]) + ", " + str(rect[1]) + ", " + str(rect[2]) + ", " + str(rect[3]) + "]";
    if (!std::isfinite(rect[0]) || !std::isfinite(rect[1]) || !(rect[2] > 0 && rect[2] <= 1) || !(rect[3] > 0 && rect[3] <= 1))
        throw ValueError("Figure::add_axes: rect " + where + " needs a finite corner and a width and height in (0, 1]");
    if (options.aspect && !(*options.aspect > 0 && std::isfinite(*options.aspect)))
        throw ValueError("Figure::add_axes: aspect " + str(*options.aspect) + " must be positive and finite");
    if (options.ticks && options.interface == Interface::Trackball)
        throw ValueError("Figure::add_axes: ticks on a Trackball axes (its 3-D view has no 2-D ticks)");
    if (options.grid && !options.ticks)
        throw ValueError("Figure::add_axes: grid = true needs ticks = true (the grid lines are drawn at the ticks)");
    for (const auto& [axis, lim, name] : {std::tuple{options.xaxis, options.xlim, "xlim"}, std::tuple{options.yaxis, options.ylim, "ylim"}})
        if (axis == Scale::Log && !(lim[0] > 0 && lim[1] > 0))
            throw ValueError(std::string("Figure::add_axes: ") + name + " [" + str(lim[0]) + ", " + str(lim[1]) +
                             "] on a log axis must be positive");
    if (!(options.linthresh > 0 && std::isfinite(options.linthresh)))
        throw ValueError("Figure::add_axes: linthresh " + str(options.linthresh) + " must be positive and finite");
    check_lim(options.xlim, "xlim");
    check_lim(options.ylim, "ylim");
    for (const auto& [scale, name] : {std::pair{&options.xscale, "xscale"}, std::pair{&options.yscale, "yscale"},
                                      std::pair{&options.zscale, "zscale"}}) {
        const auto& d = scale->domain;
        const auto& r = scale->range;
        if (!std::isfinite(d[0]) || !std::isfinite(d[1]) || d[0] == d[1] || !std::isfinite(r[0]) || !std::isfinite(r[1]))
            throw ValueError(std::string("Figure::add_axes: ") + name + " domain [" + str(d[0]) + ", " + str(d[1]) +
                             "] and range [" + str(r[0]) + ", " + str(r[1]) +
                             "] must be finite, the domain of some width");
    }
    // glumpy's Axes: size, centre position, centre anchor.
    app::Viewport& viewport =
        root_.add({rect[2], rect[3]}, {rect[0] + rect[2] / 2, rect[1] + rect[3] / 2}, {0.5, 0.5}, options.aspect);
    axes_.push_back(std::unique_ptr<Axes>(new Axes(*this, viewport, options)));
    return *axes_.back();
}

Axes& Figure::operator[](std::size_t i) const {
    if (i >= axes_.size())
        throw IndexError("Figure::operator[]: axes " + std::to_string(i) + " of " + std::to_string(axes_.size()));
    return *axes_[i];
}

Axes::Axes(Figure& figure, app::Viewport& viewport, const AxesOptions& options)
    : figure_(&figure), viewport_(&viewport), options_(options),
      view_(world_rect(options), true, !options.equal_aspect) {
    const auto e = viewport.extents();
    const int w = int(std::lround(e.width)), h = int(std::lround(e.height));
    if (w > 0 && h > 0) view_.resize(w, h);
    if (options.interface == Interface::Trackball) {
        transforms::Camera::Options o;
        o.aspect = float(options.aspect.value_or(1.0));
        o.theta = options.theta;
        o.phi = options.phi;
        trackball_.emplace(o);
        if (w > 0 && h > 0) trackball_->resize(w, h);
    }
    if (options.ticks)
        frame_ = std::make_unique<AxesFrame>(
            AxesFrame::Spec{.font = text::Font::open("DejaVu Sans"), .font_px = options.font_px, .color = {0, 0, 0, 1},
                            .x_scale = options.xaxis, .y_scale = options.yaxis, .linthresh = options.linthresh});
    viewport.on_resize([this](int width, int height) {
        if (width <= 0 || height <= 0) return;
        view_.resize(width, height);
        if (trackball_) trackball_->resize(width, height);
    });
    switch (options.interface) {
    case Interface::None: break;
    case Interface::PanZoom:
        viewport.on_mouse_drag([this](double, double, double dx, double dy, unsigned) { view_.drag({dx, dy}); });
        viewport.on_mouse_scroll([this](double x, double y, double, double dy) { view_.scroll({x, y}, dy); });
        viewport.on_key_press([this](app::Key key, unsigned) {
            if (key == app::Key::Space) view_.reset();
        });
        break;
    case Interface::Trackball:
        viewport.on_mouse_drag(
            [this](double x, double y, double dx, double dy, unsigned buttons) { trackball_->drag(x, y, dx, dy, buttons); });
        viewport.on_mouse_scroll([this](double, double, double, double dy) { trackball_->scroll(dy); });
        break;
    }
    viewport.on_draw([this](double) { draw(); });
}

Axes::~Axes() = default;

transforms::Trackball& Axes::trackball() {
    if (!trackball_) throw ValueError("Axes::trackball: this axes' interface is not Interface::Trackball");
    return *trackball_;
}

void Axes::add_drawable(graphics::Collection& collection) { drawables_.push_back(&collection); }

double LinearScale::operator()(double v) const {
    double t = (v - domain[0]) / (domain[1] - domain[0]);
    if (clamp) t = std::clamp(t, 0.0, 1.0);
    return range[0] + t * (range[1] - range[0]);
}

glm::dvec3 Axes::chain(const glm::vec3& p) const {
    auto log_axis = [this](Scale scale, double v) { return to_world(scale, v, options_.linthresh); }; // <= 0 on log: NaN, a gap
    const glm::dvec3 s{options_.xscale(log_axis(options_.xaxis, p.x)), options_.yscale(log_axis(options_.yaxis, p.y)),
                       options_.zscale(p.z)};
    if (options_.projection == Projection::Polar) return {s.x * std::cos(s.y), s.x * std::sin(s.y), s.z};
    return s;
}

graphics::PointCollection& Axes::points() {
    if (!points_) {
        points_ = std::make_unique<graphics::PointCollection>();
        if (!trackball_) points_->set_transform(view_); // a trackball axes writes pixels (project())
    }
    return *points_;
}

graphics::PathCollection& Axes::paths() {
    if (!paths_) {
        paths_ = std::make_unique<graphics::PathCollection>();
        if (!trackball_) paths_->set_transform(view_);
    }
    return *paths_;
}

graphics::SegmentCollection& Axes::segment_collection() {
    if (!segments_) {
        segments_ = std::make_unique<graphics::SegmentCollection>();
        if (!trackball_) segments_->set_transform(view_);
    }
    return *segments_;
}

namespace {

bool finite(const glm::dvec2& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// The runs of finite points, each a polyline of distinct consecutive points (what
// graphics' strokes require); closed only when no point was cut.
std::vector<graphics::Polyline> polylines(const std::vector<glm::dvec2>& points, bool closed) {
    std::vector<graphics::Polyline> lines(1);
    bool cut = false;
    for (const auto& p : points) {
        if (!finite(p)) {
            cut = true;
            if (!lines.back().points.empty()) lines.emplace_back();
            continue;
        }
        auto& line = lines.back().points;
        if (line.empty() || line.back() != p) line.push_back(p);
    }
    if (lines.back().points.empty()) lines.pop_back();
    if (closed && !cut && lines.size() == 1) {
        auto& line = lines[0].points;
        if (line.size() > 1 && line.front() == line.back()) line.pop_back();
        lines[0].closed = true;
    }
    return lines;
}

std::vector<glm::vec2> finite_points(const std::vector<glm::dvec2>& placed) {
    std::vector<glm::vec2> out;
    out.reserve(placed.size());
    for (const auto& p : placed)
        if (finite(p)) out.emplace_back(p);
    return out;
}

std::vector<glm::vec2> finite_segments(const std::vector<glm::dvec2>& ends) {
    std::vector<glm::vec2> out;
    out.reserve(ends.size());
    for (std::size_t i = 0; i + 1 < ends.size(); i += 2)
        if (finite(ends[i]) && finite(ends[i + 1])) {
            out.emplace_back(ends[i]);
            out.emplace_back(ends[i + 1]);
        }
    return out;
}

} // namespace

// Where the chain puts `data` now: world units of transform() for a 2-D axes, the
// viewport's pixels (origin top left) through the camera for a trackball one.
std::vector<glm::dvec2> Axes::place(std::span<const glm::vec3> data) const {
    std::vector<glm::dvec2> out(data.size());
    if (!trackball_) {
        for (std::size_t i = 0; i < data.size(); ++i) {
            const auto c = chain(data[i]);
            out[i] = {c.x, c.y};
        }
        return out;
    }
    const glm::dmat4 pvm =
        glm::dmat4(trackball_->projection()) * glm::dmat4(trackball_->view()) * glm::dmat4(trackball_->model());
    const auto e = viewport_->extents();
    for (std::size_t i = 0; i < data.size(); ++i) {
        const glm::dvec4 c = pvm * glm::dvec4(chain(data[i]), 1.0);
        // NDC to the viewport's pixels (origin top left, y down): what glViewport does.
        out[i] = {(c.x / c.w + 1) * 0.5 * e.width, (1 - c.y / c.w) * 0.5 * e.height};
    }
    return out;
}

void Axes::count_masked(std::span<const glm::vec3> data, const char* caller) {
    std::size_t n = 0;
    for (const auto& p : data)
        n += (options_.xaxis == Scale::Log && !(p.x > 0)) || (options_.yaxis == Scale::Log && !(p.y > 0));
    if (n > 0 && masked_ == 0)
        std::cerr << caller << ": " << n << " values <= 0 on a log axis masked\n";
    masked_ += n;
}

std::size_t Axes::scatter(std::span<const glm::vec3> points3, const graphics::PointStyle& style) {
    count_masked(points3, "Axes::scatter");
    auto& collection = points();
    const std::size_t k = collection.append(finite_points(place(points3)), style); // validates the style: throws before anything is kept
    if (trackball_) items_.push_back({Kind::Points, k, {points3.begin(), points3.end()}});
    return k;
}

std::size_t Axes::plot(std::span<const glm::vec3> points3, const graphics::StrokeStyle& style, bool closed) {
    count_masked(points3, "Axes::plot");
    auto& collection = paths();
    const std::size_t k = collection.append(polylines(place(points3), closed), style);
    if (trackball_) items_.push_back({Kind::Path, k, {points3.begin(), points3.end()}, closed});
    return k;
}

std::size_t Axes::segments(std::span<const glm::vec3> p0, std::span<const glm::vec3> p1, const graphics::StrokeStyle& style) {
    if (p0.size() != p1.size())
        throw ValueError("Axes::segments: " + std::to_string(p0.size()) + " start points and " + std::to_string(p1.size()) +
                         " end points");
    std::vector<glm::vec3> ends(2 * p0.size());
    for (std::size_t i = 0; i < p0.size(); ++i) {
        ends[2 * i] = p0[i];
        ends[2 * i + 1] = p1[i];
    }
    count_masked(ends, "Axes::segments");
    auto& collection = segment_collection();
    const std::size_t k = collection.append(finite_segments(place(ends)), style);
    if (trackball_) items_.push_back({Kind::Segments, k, std::move(ends)});
    return k;
}

graphics::TriangleCollection& Axes::fills() {
    if (!fills_) {
        fills_ = std::make_unique<graphics::TriangleCollection>();
        if (!trackball_) fills_->set_transform(view_);
    }
    return *fills_;
}

namespace {

// The triangles whose three corners are finite, unrolled, and their indices 0, 1, 2, ...
std::pair<std::vector<glm::vec2>, std::vector<std::uint32_t>> finite_triangles(const std::vector<glm::dvec2>& corners) {
    std::pair<std::vector<glm::vec2>, std::vector<std::uint32_t>> out;
    for (std::size_t i = 0; i + 2 < corners.size(); i += 3) {
        if (!finite(corners[i]) || !finite(corners[i + 1]) || !finite(corners[i + 2])) continue;
        for (int k = 0; k < 3; ++k) {
            out.second.push_back(std::uint32_t(out.first.size()));
            out.first.emplace_back(corners[i + k]);
        }
    }
    return out;
}

void quad(std::vector<glm::vec3>& corners, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d) {
    // a b c d counter-clockwise: triangles a b c and a c d.
    corners.insert(corners.end(), {a, b, c, a, c, d});
}

} // namespace

std::size_t Axes::add_triangles(std::vector<glm::vec3> corners, const graphics::FillStyle& style) {
    auto& collection = fills();
    const auto [vertices, indices] = finite_triangles(place(corners));
    const std::size_t k = collection.append(vertices, indices, style);
    if (trackball_) items_.push_back({Kind::Triangles, k, std::move(corners)});
    return k;
}

std::size_t Axes::fill_between(std::span<const double> x, std::span<const double> y1, std::span<const double> y2,
                               const graphics::FillStyle& style) {
    if (x.size() != y1.size() || x.size() != y2.size())
        throw ValueError("Axes::fill_between: x, y1 and y2 have " + std::to_string(x.size()) + ", " +
                         std::to_string(y1.size()) + " and " + std::to_string(y2.size()) + " values");
    std::vector<glm::vec3> corners;
    std::vector<glm::vec3> all;
    for (std::size_t i = 0; i + 1 < x.size(); ++i) {
        const glm::vec3 a{x[i], y2[i], 0}, b{x[i + 1], y2[i + 1], 0}, c{x[i + 1], y1[i + 1], 0}, d{x[i], y1[i], 0};
        quad(corners, a, b, c, d);
        all.insert(all.end(), {a, c});
    }
    count_masked(all, "Axes::fill_between");
    return add_triangles(std::move(corners), style);
}

std::size_t Axes::bar(std::span<const double> x, std::span<const double> height, double width, double bottom,
                      const graphics::FillStyle& style) {
    if (x.size() != height.size())
        throw ValueError("Axes::bar: " + std::to_string(x.size()) + " positions and " + std::to_string(height.size()) +
                         " heights");
    if (!(width > 0 && std::isfinite(width)) || !std::isfinite(bottom))
        throw ValueError("Axes::bar: width " + str(width) + " must be positive and finite, bottom " + str(bottom) +
                         " finite");
    std::vector<glm::vec3> corners;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const float x0 = float(x[i] - width / 2), x1 = float(x[i] + width / 2);
        const float y0 = float(bottom), y1 = float(bottom + height[i]);
        quad(corners, {x0, y0, 0}, {x1, y0, 0}, {x1, y1, 0}, {x0, y1, 0});
    }
    count_masked(corners, "Axes::bar");
    return add_triangles(std::move(corners), style);
}

// An image: a quad over its extent (world units), the data in an R32F texture, coloured in
// the fragment shader. The vertex shader maps world to the viewport's pixels with u_view
// (graphics::PanZoom's view(): pixel = world * xy + zw, y down) and then to NDC.
struct Axes::Image {
    gloo::Texture2D texture;
    gloo::Program program;
    Image(gloo::Texture2D t, gloo::Program p) : texture(std::move(t)), program(std::move(p)) {}
};

namespace {
const char* image_vertex = R"(#version 330 core
uniform vec4 u_view;
uniform vec2 u_size;
in vec2 position;
in vec2 texcoord;
out vec2 v_texcoord;
void main() {
    vec2 pixel = position * u_view.xy + u_view.zw;
    gl_Position = vec4(pixel.x / u_size.x * 2.0 - 1.0, 1.0 - pixel.y / u_size.y * 2.0, 0.0, 1.0);
    v_texcoord = texcoord;
})";
} // namespace

std::size_t Axes::imshow(const Array& values, const Colormap& cmap, double vmin, double vmax, std::array<double, 4> extent) {
    if (trackball_) throw ValueError("Axes::imshow: a trackball axes shows no images (they are 2-D)");
    if (values.shape().size() != 2 || values.shape()[0] == 0 || values.shape()[1] == 0)
        throw ValueError("Axes::imshow: values of shape " + glumpp::detail::shape_str(values.shape()) + " (need rows x cols, not empty)");
    if (!std::isfinite(vmin) || !std::isfinite(vmax) || vmin == vmax)
        throw ValueError("Axes::imshow: vmin " + str(vmin) + " and vmax " + str(vmax) + " must be finite and differ");
    for (double v : extent)
        if (!std::isfinite(v)) throw ValueError("Axes::imshow: the extent must be finite");
    auto texture = gloo::Texture2D::zeros({values.shape()[0], values.shape()[1]}, DType::of<float>());
    texture.reshape({values.shape()[0], values.shape()[1]}).assign(values); // the texture is (rows, cols, 1)
    const std::string fragment = "#version 330 core\n" + cmap.glsl("cmap") + R"(
uniform sampler2D u_data;
uniform float u_vmin, u_vmax;
in vec2 v_texcoord;
out vec4 frag_color;
void main() { frag_color = cmap((texture(u_data, v_texcoord).r - u_vmin) / (u_vmax - u_vmin)); })";
    gloo::Program program(image_vertex, fragment, 4);
    const double l = extent[0], r = extent[1], b = extent[2], t = extent[3];
    auto wx = [&](double x) { return to_world(options_.xaxis, x, options_.linthresh); };
    auto wy = [&](double y) { return to_world(options_.yaxis, y, options_.linthresh); };
    // Texture row 0 (GL's t = 0) at the top: matplotlib's origin "upper".
    program["position"] = {{wx(l), wy(b)}, {wx(l), wy(t)}, {wx(r), wy(b)}, {wx(r), wy(t)}};
    program["texcoord"] = {{0, 1}, {0, 0}, {1, 1}, {1, 0}};
    program["u_vmin"] = float(vmin);
    program["u_vmax"] = float(vmax);
    cmap.bind(program, "cmap");
    images_.push_back(std::make_unique<Image>(std::move(texture), std::move(program)));
    images_.back()->program["u_data"] = images_.back()->texture;
    return images_.size() - 1;
}

gloo::Texture2D& Axes::image(std::size_t i) {
    if (i >= images_.size())
        throw IndexError("Axes::image: image " + std::to_string(i) + " of " + std::to_string(images_.size()));
    return images_[i]->texture;
}

Axes& Figure::colorbar(const Colormap& cmap, double vmin, double vmax, std::array<double, 4> rect) {
    if (!std::isfinite(vmin) || !std::isfinite(vmax) || vmin == vmax)
        throw ValueError("Figure::colorbar: vmin " + str(vmin) + " and vmax " + str(vmax) + " must be finite and differ");
    const double lo = std::min(vmin, vmax), hi = std::max(vmin, vmax);
    AxesOptions o{.xlim = {0, 1}, .ylim = {lo, hi}, .ticks = true};
    Axes& bar = add_axes(rect, o);
    bar.frame_ = std::make_unique<AxesFrame>(AxesFrame::Spec{
        .font = text::Font::open("DejaVu Sans"), .font_px = o.font_px, .color = {0, 0, 0, 1}, .x_ticks = false});
    // 256 rows from vmax (row 0, the top) to vmin, at entry centres.
    std::vector<float> ramp(256);
    for (int k = 0; k < 256; ++k) ramp[std::size_t(k)] = float(vmax + (vmin - vmax) * (k + 0.5) / 256);
    bar.imshow(Array::from<float>(ramp, {256, 1}), cmap, vmin, vmax,
               {0, o.xlim[1], lo, hi});
    return bar;
}

void Axes::project() {
    // The key: the camera's three matrices and the viewport's size; equal to the last
    // projection's, the items stay as they are (nothing uploaded).
    const glm::mat4 P = trackball_->projection(), V = trackball_->view(), M = trackball_->model();
    std::array<float, 50> key{};
    std::memcpy(key.data(), &P[0][0], 64);
    std::memcpy(key.data() + 16, &V[0][0], 64);
    std::memcpy(key.data() + 32, &M[0][0], 64);
    const auto e = viewport_->extents();
    key[48] = float(e.width);
    key[49] = float(e.height);
    if (key == projected_) return;
    for (const auto& item : items_) {
        const auto placed = place(item.data);
        switch (item.kind) {
        case Kind::Points: points_->set(item.index, finite_points(placed)); break;
        case Kind::Path: paths_->set(item.index, polylines(placed, item.closed)); break;
        case Kind::Segments: segments_->set(item.index, finite_segments(placed)); break;
        case Kind::Triangles: {
            const auto [vertices, indices] = finite_triangles(placed);
            fills_->set(item.index, vertices, indices);
            break;
        }
        }
    }
    projected_ = key;
}

namespace {
std::array<double, 2> data_units(Scale scale, std::array<double, 2> world, double linthresh) {
    return {to_data(scale, world[0], linthresh), to_data(scale, world[1], linthresh)};
}
} // namespace

void Axes::set_lims(std::array<double, 2> x, std::array<double, 2> y, const char* caller) {
    AxesOptions o = options_;
    o.xlim = x;
    o.ylim = y;
    for (const auto& [axis, lim, name] : {std::tuple{o.xaxis, x, "xlim"}, std::tuple{o.yaxis, y, "ylim"}}) {
        if (!std::isfinite(lim[0]) || !std::isfinite(lim[1]) || lim[0] == lim[1] ||
            (axis == Scale::Log && !(lim[0] > 0 && lim[1] > 0)))
            throw ValueError(std::string(caller) + ": " + name + " [" + str(lim[0]) + ", " + str(lim[1]) +
                             "] must be finite, of some width (and positive on a log axis)");
    }
    // A new fit (copies of the old PanZoom keep the old view: the axes' own collections and
    // drawables are given the new one).
    graphics::PanZoom view(world_rect(o), true, !o.equal_aspect);
    const auto e = viewport_->extents();
    if (e.width > 0 && e.height > 0) view.resize(int(std::lround(e.width)), int(std::lround(e.height)));
    view_ = view;
    options_.xlim = x;
    options_.ylim = y;
    if (!trackball_) {
        if (points_) points_->set_transform(view_);
        if (paths_) paths_->set_transform(view_);
        if (segments_) segments_->set_transform(view_);
        if (fills_) fills_->set_transform(view_);
    }
}

void Axes::set_xlim(double lo, double hi) { set_lims({lo, hi}, ylim(), "Axes::set_xlim"); }
void Axes::set_ylim(double lo, double hi) { set_lims(xlim(), {lo, hi}, "Axes::set_ylim"); }

std::array<double, 2> Axes::xlim() const {
    const auto e = viewport_->extents();
    return data_units(options_.xaxis, {view_.to_world({0, 0}).x, view_.to_world({e.width, 0}).x}, options_.linthresh);
}

std::array<double, 2> Axes::ylim() const {
    const auto e = viewport_->extents();
    return data_units(options_.yaxis, {view_.to_world({0, e.height}).y, view_.to_world({0, 0}).y}, options_.linthresh);
}

void Axes::ensure_labels() {
    if (!labels_) {
        labels_ = std::make_unique<graphics::GlyphCollection>(graphics::GlyphCollection::Mode::Coverage);
        const auto font = text::Font::open("DejaVu Sans");
        const double size = 1.2 * options_.font_px;
        // Three labels from the start, empty until set: their numbers stay 0, 1, 2.
        labels_->append("", font, {.size = size, .anchor_y = graphics::AnchorY::Bottom});
        labels_->append("", font, {.size = size, .anchor_y = graphics::AnchorY::Top});
        labels_->append("", font, {.size = size, .anchor_y = graphics::AnchorY::Bottom, .rotation = std::numbers::pi / 2});
        labels_rect_ = {};
    }
}

void Axes::set_label(int which, const std::string& text) {
    ensure_labels();
    texts_[which] = text;
    labels_->set_text(std::size_t(which), text);
}

void Axes::set_title(const std::string& text) { set_label(0, text); }
void Axes::set_xlabel(const std::string& text) { set_label(1, text); }
void Axes::set_ylabel(const std::string& text) { set_label(2, text); }

void Axes::legend(std::vector<LegendEntry> entries) {
    ensure_labels();
    const auto font = text::Font::open("DejaVu Sans");
    // Labels 3 + k are the entries' texts; extra ones from a longer legend before are
    // emptied (labels keep their numbers).
    for (std::size_t k = 0; k < std::max(entries.size(), legend_.size()); ++k) {
        const std::string text = k < entries.size() ? entries[k].text : "";
        if (3 + k < labels_->size()) {
            labels_->set_text(3 + k, text);
        } else {
            labels_->append(text, font,
                            {.size = options_.font_px, .anchor_x = graphics::AnchorX::Left, .anchor_y = graphics::AnchorY::Middle});
        }
    }
    legend_ = std::move(entries);
    legend_dirty_ = true;
}

void Axes::place_legend() {
    const auto e = viewport_->extents();
    if (!legend_dirty_ && e == legend_rect_) return;
    const double f = options_.font_px, row = 1.6 * f, pad = 0.5 * f;
    double widest = 0;
    const auto font = text::Font::open("DejaVu Sans");
    for (const auto& entry : legend_) widest = std::max(widest, font.layout(entry.text, f).advance);
    const double w = pad + 20 + pad + widest + pad, h = pad * 2 + row * double(legend_.size());
    // The viewport's pixels, origin top left: the box 10 px from the top-right corner.
    const float x1 = float(e.width - 10), x0 = float(x1 - w), y0 = 10, y1 = float(10 + h);
    std::vector<glm::vec2> box, lines;
    std::vector<std::uint32_t> indices;
    if (!legend_.empty()) {
        box = {{x0 - 1, y0 - 1}, {x1 + 1, y0 - 1}, {x1 + 1, y1 + 1}, {x0 - 1, y1 + 1}, {x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
        indices = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7};
    }
    for (std::size_t k = 0; k < legend_.size(); ++k) {
        const float y = float(y0 + pad + row * (double(k) + 0.5));
        lines.push_back({float(x0 + pad), y});
        lines.push_back({float(x0 + pad + 20), y});
    }
    // Two items of the box: the grey frame (the outer quad) under the white inside.
    if (!legend_box_) {
        legend_box_ = std::make_unique<graphics::TriangleCollection>();
        legend_box_->append(std::span<const glm::vec2>(box.data(), box.empty() ? 0 : 4),
                            std::span<const std::uint32_t>(indices.data(), box.empty() ? 0 : 6), {.color = {0.8f, 0.8f, 0.8f, 1}});
        std::vector<std::uint32_t> inner = {0, 1, 2, 0, 2, 3};
        legend_box_->append(std::span<const glm::vec2>(box.data() + (box.empty() ? 0 : 4), box.empty() ? 0 : 4),
                            std::span<const std::uint32_t>(inner.data(), box.empty() ? 0 : 6), {.color = {1, 1, 1, 1}});
        legend_lines_ = std::make_unique<graphics::SegmentCollection>();
    } else {
        std::vector<std::uint32_t> quad = {0, 1, 2, 0, 2, 3};
        legend_box_->set(0, std::span<const glm::vec2>(box.data(), box.empty() ? 0 : 4),
                         std::span<const std::uint32_t>(quad.data(), box.empty() ? 0 : 6));
        legend_box_->set(1, std::span<const glm::vec2>(box.data() + (box.empty() ? 0 : 4), box.empty() ? 0 : 4),
                         std::span<const std::uint32_t>(quad.data(), box.empty() ? 0 : 6));
    }
    // One segment item per entry (its own colour); items past the entries are emptied.
    for (std::size_t k = 0; k < std::max(legend_.size(), legend_lines_->size()); ++k) {
        const std::span<const glm::vec2> ends =
            k < legend_.size() ? std::span<const glm::vec2>(lines.data() + 2 * k, 2) : std::span<const glm::vec2>();
        if (k < legend_lines_->size()) {
            legend_lines_->set(k, ends);
        } else {
            const auto& c = legend_[k].color;
            legend_lines_->append(ends, {.color = {float(c.r), float(c.g), float(c.b), float(c.a)}, .width = 3});
        }
        if (k < legend_.size()) {
            const auto& c = legend_[k].color;
            auto style = legend_lines_->style(k);
            style.color = {float(c.r), float(c.g), float(c.b), float(c.a)};
            legend_lines_->set_style(k, style);
            // The text, in window pixels (y up): right of the line, on its row.
            labels_->set_origin(3 + k, {float(e.x + x0 + pad + 20 + pad), float(e.y + e.height - lines[2 * k].y), 0});
        }
    }
    legend_rect_ = e;
    legend_dirty_ = false;
}

void Axes::place_labels() {
    const auto e = viewport_->extents();
    if (e == labels_rect_) return;
    const double f = options_.font_px;
    const double below = frame_ ? f * 0.5 + 5 + 1.4 * f : 4; // past the tick marks and labels
    labels_->set_origin(0, {float(e.x + e.width / 2), float(e.y + e.height + 0.5 * f), 0});
    labels_->set_origin(1, {float(e.x + e.width / 2), float(e.y - below), 0});
    labels_->set_origin(2, {float(e.x - (frame_ ? 4 * f : 4)), float(e.y + e.height / 2), 0});
    labels_rect_ = e;
}

void Axes::update_grid() {
    const auto e = viewport_->extents();
    const auto& xs = frame_->x_ticks();
    const auto& ys = frame_->y_ticks();
    // The viewport's pixels, origin top left (collections without a transform), each line
    // through a pixel's centre so that it is one pixel wide.
    std::vector<glm::vec2> ends;
    for (double t : xs) {
        const float x = float(std::floor(view_.to_pixels({t, 0}).x) + 0.5);
        ends.push_back({x, 0});
        ends.push_back({x, float(e.height)});
    }
    for (double t : ys) {
        const float y = float(std::floor(view_.to_pixels({0, t}).y) + 0.5);
        ends.push_back({0, y});
        ends.push_back({float(e.width), y});
    }
    if (grid_ && ends == grid_ends_) return; // the same lines: nothing to send
    const graphics::StrokeStyle style{.color = {options_.grid_color.r, options_.grid_color.g, options_.grid_color.b,
                                                options_.grid_color.a},
                                      .width = 1};
    if (!grid_) {
        grid_ = std::make_unique<graphics::SegmentCollection>();
        grid_->append(ends, style);
    } else {
        grid_->set(0, ends);
    }
    grid_ends_ = std::move(ends);
}

void Axes::draw() {
    // The face: what glumpy's blended quad leaves over the figure's clear, cleared inside
    // the viewport's scissor (see the header).
    const Rgba c = over(options_.facecolor, figure_->facecolor());
    glClearColor(c.r, c.g, c.b, c.a);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    const auto e = viewport_->extents();
    if (frame_) { // the ticks for the range shown now (CPU): the grid needs them first
        // The world's range (decades on a log axis, as AxesFrame's Scale::Log reads it).
        const std::array<double, 2> x{view_.to_world({0, 0}).x, view_.to_world({e.width, 0}).x};
        const std::array<double, 2> y{view_.to_world({0, e.height}).y, view_.to_world({0, 0}).y};
        frame_->set_rect(e.x, e.y, e.width, e.height);
        frame_->set_view(x[0], x[1], y[0], y[1]);
        if (options_.grid) {
            update_grid();
            grid_->draw();
        }
    }
    if (!images_.empty()) {
        const glm::vec4 v = view_.view();
        for (auto& image : images_) {
            image->program["u_view"] = v;
            image->program["u_size"] = glm::vec2(float(e.width), float(e.height));
            image->program.draw(gloo::Primitive::TriangleStrip);
        }
    }
    if (trackball_) project();
    if (fills_) fills_->draw();
    if (paths_) paths_->draw();
    if (segments_) segments_->draw();
    if (points_) points_->draw();
    for (auto* d : drawables_) {
        d->set_transform(view_);
        d->draw();
    }
    if (!legend_.empty() || legend_box_) { // over the data, in the axes
        place_legend();
        legend_box_->draw();
        legend_lines_->draw();
    }
    if (frame_ || labels_) {
        // The labels lie outside the axes: the whole window for their draws.
        const auto w = figure_->viewport().extents();
        glViewport(GLint(w.x), GLint(w.y), GLsizei(w.width), GLsizei(w.height));
        glScissor(GLint(w.x), GLint(w.y), GLsizei(w.width), GLsizei(w.height));
        if (frame_) frame_->draw();
        if (labels_) {
            place_labels();
            labels_->draw();
        }
        const auto s = viewport_->scissor();
        glViewport(GLint(std::lround(e.x)), GLint(std::lround(e.y)), GLsizei(std::lround(e.width)),
                   GLsizei(std::lround(e.height)));
        glScissor(GLint(std::lround(s.x)), GLint(std::lround(s.y)), GLsizei(std::lround(s.width)),
                  GLsizei(std::lround(s.height)));
    }
}

} // namespace glumpp::plot
