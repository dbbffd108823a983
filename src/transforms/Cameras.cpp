#include <glumpp/transforms/Cameras.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"
#include <glumpp/transforms/Projections.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

namespace {

// A NaN or infinite angle would turn the model matrix into NaNs and blank the view for good
// (every later drag adds to it): refuse it before anything changes.
void finite_angle(const char* who, const char* what, double v) {
    if (!std::isfinite(v)) throw ValueError(std::string(who) + ": " + what + " " + num(v) + " (needs a finite angle in degrees)");
}

// glumpy's _trackball.py helpers, on (x, y, z) and quaternions (x, y, z, w).
glm::dvec3 cross(glm::dvec3 a, glm::dvec3 b) { return glm::cross(a, b); }

// _q_add: the product q1 q2 as glumpy writes it (t3 = cross(q2, q1)).
glm::dvec4 q_add(glm::dvec4 q1, glm::dvec4 q2) {
    const glm::dvec3 v1(q1), v2(q2);
    const glm::dvec3 t = v1 * q2.w + v2 * q1.w + cross(v2, v1);
    return {t, q1.w * q2.w - glm::dot(v1, v2)};
}

glm::dvec4 q_normalize(glm::dvec4 q) {
    const double l = std::sqrt(glm::dot(q, q));
    return l == 0 ? q : q * (1.0 / l);
}

glm::dvec4 q_from_axis_angle(glm::dvec3 v, double phi) {
    const double l = std::sqrt(glm::dot(v, v));
    if (l != 0) v *= 1.0 / l;
    return {v * std::sin(phi / 2.0), std::cos(phi / 2.0)};
}

// _project: a sphere of radius r near the centre, a hyperbolic sheet away from it.
double project(double r, double x, double y) {
    const double d = std::sqrt(x * x + y * y);
    if (d < r * 0.70710678118654752440) return std::sqrt(r * r - d * d);
    const double t = r / 1.41421356237309504880;
    return t * t / d;
}

const char* camera_glsl = R"(uniform mat4 view;
uniform mat4 model;
uniform mat4 projection;
vec4 transform(vec4 position) { return projection * view * model * position; }
)";

const char* pan_glsl = R"(uniform mat4 view;
uniform mat4 model;
uniform mat4 projection;
uniform vec2 pan;
vec4 transform(vec4 position) {
    vec4 p = projection * view * model * position;
    p.xy = pan * p.w + p.xy;
    return p;
}
)";

// A batch twin multiplying every point by one matrix, made once per call from the uniforms.
template <class Matrix>
Snippet::CpuBatch times(Matrix matrix) {
    return [matrix](const Snippet& t, std::span<glm::dvec4> ps) {
        const glm::dmat4 m = matrix(t);
        for (auto& p : ps) p = m * p;
    };
}

} // namespace

// ---------------------------------------------------------------- VirtualTrackball

VirtualTrackball::VirtualTrackball(double theta, double phi) { set_orientation(theta, phi); }

void VirtualTrackball::drag_to(double x, double y, double dx, double dy) {
    glm::dvec4 q{0, 0, 0, 1};
    if (dx != 0 || dy != 0) { // glumpy's _rotate
        const double size = 0.8;
        const glm::dvec3 last{x, y, project(size, x, y)};
        const glm::dvec3 next{x + dx, y + dy, project(size, x + dx, y + dy)};
        const glm::dvec3 a = cross(next, last);
        const glm::dvec3 d = last - next;
        const double t = std::clamp(std::sqrt(glm::dot(d, d)) / (2.0 * size), -1.0, 1.0);
        q = q_from_axis_angle(a, 2.0 * std::asin(t));
    }
    q_ = q_add(q, q_);
    if (++count_ > 97) {
        q_ = q_normalize(q_);
        count_ = 0;
    }
}

double VirtualTrackball::theta() const {
    const double q0 = q_.x, q1 = q_.y, q2 = q_.z, q3 = q_.w;
    const double az = std::atan(2 * (q0 * q3 + q1 * q2) / (1 - 2 * (q2 * q2 + q3 * q3))) * 180.0 / M_PI;
    theta_ = -az;
    return theta_;
}
double VirtualTrackball::phi() const {
    const double q0 = q_.x, q1 = q_.y, q2 = q_.z, q3 = q_.w;
    phi_ = std::atan(2 * (q0 * q1 + q2 * q3) / (1 - 2 * (q1 * q1 + q2 * q2))) * 180.0 / M_PI;
    return phi_;
}
void VirtualTrackball::set_theta(double theta) {
    finite_angle("VirtualTrackball::set_theta", "theta", theta);
    set_orientation(std::fmod(theta, 360.0), std::fmod(phi_, 360.0));
}
void VirtualTrackball::set_phi(double phi) {
    finite_angle("VirtualTrackball::set_phi", "phi", phi);
    set_orientation(std::fmod(theta_, 360.0), std::fmod(phi, 360.0));
}
void VirtualTrackball::set_orientation(double theta, double phi) {
    finite_angle("VirtualTrackball::set_orientation", "theta", theta);
    finite_angle("VirtualTrackball::set_orientation", "phi", phi);
    theta_ = theta;
    phi_ = phi;
    const double a = theta * (M_PI / 180.0), b = phi * (M_PI / 180.0);
    const glm::dvec4 xrot{std::sin(0.5 * a), 0, 0, std::cos(0.5 * a)};
    const glm::dvec4 zrot{0, 0, std::sin(0.5 * b), std::cos(0.5 * b)};
    q_ = q_add(xrot, zrot);
}
void VirtualTrackball::set_rotation(glm::dvec4 q) {
    if (!(std::isfinite(q.x) && std::isfinite(q.y) && std::isfinite(q.z) && std::isfinite(q.w)) || glm::dot(q, q) == 0)
        throw ValueError("VirtualTrackball::set_rotation: the quaternion (" + num(q.x) + ", " + num(q.y) + ", " + num(q.z) + ", " + num(q.w) +
                         ") is no rotation");
    q_ = q;
}

glm::mat4 VirtualTrackball::model() const {
    // glumpy's _q_rotmatrix fills a row-major numpy m[4 i + j]; GL reads those 16 floats
    // column-major, as a glm::mat4's memory: m[i][j] here is m[4 i + j] there.
    const double x = q_.x, y = q_.y, z = q_.z, w = q_.w;
    glm::mat4 m(0.0f);
    m[0][0] = float(1.0 - 2.0 * (y * y + z * z));
    m[0][1] = float(2.0 * (x * y - z * w));
    m[0][2] = float(2.0 * (z * x + y * w));
    m[1][0] = float(2.0 * (x * y + z * w));
    m[1][1] = float(1.0 - 2.0 * (z * z + x * x));
    m[1][2] = float(2.0 * (y * z - x * w));
    m[2][0] = float(2.0 * (z * x - y * w));
    m[2][1] = float(2.0 * (y * z + x * w));
    m[2][2] = float(1.0 - 2.0 * (y * y + x * x));
    m[3][3] = 1.0f;
    return m;
}

// ---------------------------------------------------------------- Camera

struct Camera::State {
    Options o;
    int width = 1, height = 1; // glumpy's: 1 x 1 until the first resize
};

Camera::Camera(std::string code, std::string name, Options options)
    : Snippet(std::move(code), name), c_(std::make_shared<State>()) {
    const std::string who = name;
    if (!(options.aspect > 0 && std::isfinite(options.aspect)))
        throw ValueError(who + ": aspect " + num(options.aspect) + " (needs a positive aspect)");
    if (!(options.znear > 0 && options.zfar > options.znear && std::isfinite(options.zfar)))
        throw ValueError(who + ": znear " + num(options.znear) + ", zfar " + num(options.zfar) + " (needs 0 < znear < zfar)");
    if (!std::isfinite(options.distance) || !std::isfinite(options.zoom))
        throw ValueError(who + ": distance " + num(options.distance) + ", zoom " + num(options.zoom) + " (needs finite values)");
    c_->o = options;
    c_->o.zoom = std::clamp(options.zoom, 1.0f, 179.0f);
    (*this)["model"] = glm::mat4(1.0f);
    set_distance(options.distance);
    update_projection();
}

float Camera::aspect() const { return c_->o.aspect; }
void Camera::set_aspect(float aspect) {
    if (!(aspect > 0 && std::isfinite(aspect))) throw ValueError(name() + "::set_aspect: aspect " + num(aspect) + " (needs a positive aspect)");
    c_->o.aspect = aspect;
    update_projection();
}
float Camera::znear() const { return c_->o.znear; }
float Camera::zfar() const { return c_->o.zfar; }
void Camera::set_depth_range(float znear, float zfar) {
    if (!(znear > 0 && zfar > znear && std::isfinite(zfar)))
        throw ValueError(name() + "::set_depth_range: znear " + num(znear) + ", zfar " + num(zfar) + " (needs 0 < znear < zfar)");
    c_->o.znear = znear;
    c_->o.zfar = zfar;
    update_projection();
}
float Camera::zoom() const { return c_->o.zoom; }
void Camera::set_zoom(float zoom) {
    if (std::isnan(zoom)) throw ValueError(name() + "::set_zoom: zoom nan");
    c_->o.zoom = std::clamp(zoom, 1.0f, 179.0f);
    update_projection();
}
float Camera::distance() const { return c_->o.distance; }
void Camera::set_distance(float distance) {
    if (!std::isfinite(distance)) throw ValueError(name() + "::set_distance: distance " + num(distance) + " (needs a finite value)");
    c_->o.distance = std::abs(distance);
    (*this)["view"] = glm::mat4(glm::translate(glm::dmat4(1.0), glm::dvec3(0, 0, -double(c_->o.distance))));
}
void Camera::resize(int width, int height) {
    if (width <= 0 || height <= 0)
        throw ValueError(name() + "::resize: the size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
    c_->width = width;
    c_->height = height;
    update_projection();
}
int Camera::width() const { return c_->width; }
int Camera::height() const { return c_->height; }
void Camera::scroll(double dy) {
    // glumpy computes in double and keeps a Python float; the zoom here is float32.
    const double z = std::clamp(double(c_->o.zoom) * (1 - dy / 100), 1.0, 179.0);
    if (std::isnan(z)) return; // a NaN scroll changes nothing
    c_->o.zoom = float(z);
    update_projection();
}
glm::mat4 Camera::view() const { return glm::mat4(mat4_of(*this, "view")); }
glm::mat4 Camera::model() const { return glm::mat4(mat4_of(*this, "model")); }
glm::mat4 Camera::projection() const { return glm::mat4(mat4_of(*this, "projection")); }
void Camera::set_model(const glm::mat4& m) { (*this)["model"] = m; }
void Camera::update_projection() {
    const double aspect = double(c_->width) / c_->height * c_->o.aspect;
    (*this)["projection"] = glm::mat4(perspective(c_->o.zoom, aspect, c_->o.znear, c_->o.zfar));
}

// ---------------------------------------------------------------- Trackball

namespace {
void camera_twin(Snippet& s) {
    s.set_cpu([](const Snippet& t, glm::dvec4 p) { return mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model") * p; },
              [](const Snippet& t, glm::dvec4 p) {
                  return glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model")) * p;
              });
    s.set_cpu_batch(times([](const Snippet& t) { return mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model"); }),
                    times([](const Snippet& t) { return glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model")); }));
}
} // namespace

Trackball::Trackball(Options options) : Trackball(camera_glsl, "Trackball", options) {}

Trackball::Trackball(std::string code, std::string name, Options options)
    : Camera(std::move(code), std::move(name), options),
      t_(std::make_shared<VirtualTrackball>(options.theta.value_or(45), options.phi.value_or(45))) {
    camera_twin(*this);
    set_model(t_->model());
}
float Trackball::theta() const { return float(t_->theta()); }
float Trackball::phi() const { return float(t_->phi()); }
void Trackball::set_theta(float theta) {
    finite_angle("Trackball::set_theta", "theta", theta);
    t_->set_theta(theta);
    set_model(t_->model());
}
void Trackball::set_phi(float phi) {
    finite_angle("Trackball::set_phi", "phi", phi);
    t_->set_phi(phi);
    set_model(t_->model());
}
const VirtualTrackball& Trackball::trackball() const { return *t_; }
void Trackball::set_rotation(glm::dvec4 q) {
    t_->set_rotation(q);
    set_model(t_->model());
}
void Trackball::drag(double x, double y, double dx, double dy, unsigned) { rotate(x, y, dx, dy); }
void Trackball::rotate(double x, double y, double dx, double dy) {
    const double w = width(), h = height();
    t_->drag_to((x * 2.0 - w) / w, (h - y * 2.0) / h, 2.0 * dx / w, -(2.0 * dy) / h);
    set_model(t_->model());
}

// ---------------------------------------------------------------- TrackballPan

TrackballPan::TrackballPan(Options options) : Trackball(pan_glsl, "TrackballPan", options), p_(std::make_shared<Pan>()) {
    auto pan_of = [](const Snippet& t) {
        const auto& n = t.numbers("pan");
        return glm::dvec2(n.at(0), n.at(1));
    };
    set_cpu(
        [pan_of](const Snippet& t, glm::dvec4 p) {
            glm::dvec4 q = mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model") * p;
            const glm::dvec2 xy = pan_of(t) * q.w + glm::dvec2(q);
            return glm::dvec4(xy, q.z, q.w);
        },
        [pan_of](const Snippet& t, glm::dvec4 q) {
            const glm::dvec2 xy = glm::dvec2(q) - pan_of(t) * q.w;
            return glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model")) * glm::dvec4(xy, q.z, q.w);
        });
    set_cpu_batch(
        [pan_of](const Snippet& t, std::span<glm::dvec4> ps) {
            const glm::dmat4 m = mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model");
            const glm::dvec2 pan = pan_of(t);
            for (auto& p : ps) {
                const glm::dvec4 q = m * p;
                p = glm::dvec4(pan * q.w + glm::dvec2(q), q.z, q.w);
            }
        },
        [pan_of](const Snippet& t, std::span<glm::dvec4> ps) {
            const glm::dmat4 m = glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model"));
            const glm::dvec2 pan = pan_of(t);
            for (auto& q : ps) q = m * glm::dvec4(glm::dvec2(q) - pan * q.w, q.z, q.w);
        });
    set_pan({0, 0});
}
glm::vec2 TrackballPan::pan() const { return p_->pan; }
void TrackballPan::set_pan(glm::vec2 pan) {
    if (!std::isfinite(pan.x) || !std::isfinite(pan.y))
        throw ValueError("TrackballPan::set_pan: pan (" + num(pan.x) + ", " + num(pan.y) + ") (needs finite values)");
    p_->pan = pan;
    (*this)["pan"] = pan;
}
bool TrackballPan::shift() const { return p_->shift; }
void TrackballPan::set_shift(bool held) { p_->shift = held; }
void TrackballPan::drag(double x, double y, double dx, double dy, unsigned buttons) {
    if (p_->shift || (buttons & ~1u) != 0) {
        // glumpy adds in double to Python floats; the pan here is float32 (what GL reads).
        set_pan({float(p_->pan.x + 2 * (dx / width())), float(p_->pan.y - 2 * (dy / height()))});
    } else {
        rotate(x, y, dx, dy);
    }
}

// ---------------------------------------------------------------- Arcball

Arcball::Arcball(Options options)
    : Camera(camera_glsl, "Arcball", options),
      angles_(std::make_shared<glm::dvec2>(options.theta.value_or(0), options.phi.value_or(0))) {
    camera_twin(*this);
    update_model();
}
float Arcball::theta() const { return float(angles_->x); }
float Arcball::phi() const { return float(angles_->y); }
void Arcball::set_theta(float theta) {
    finite_angle("Arcball::set_theta", "theta", theta);
    angles_->x = theta;
    update_model();
}
void Arcball::set_phi(float phi) {
    finite_angle("Arcball::set_phi", "phi", phi);
    angles_->y = phi;
    update_model();
}
void Arcball::drag(double, double, double dx, double dy, unsigned) {
    angles_->x -= dx / 5.0;
    angles_->y += dy / 5.0;
    update_model();
}
void Arcball::update_model() {
    // glumpy: rotate(model, theta, 0, 0, 1) then rotate(model, phi, 1, 0, 0) on a row-vector
    // matrix, which is Rx(phi) Rz(theta) as GL (column vectors) reads it.
    const glm::dmat4 rz = glm::rotate(glm::dmat4(1.0), glm::radians(angles_->x), glm::dvec3(0, 0, 1));
    const glm::dmat4 rx = glm::rotate(glm::dmat4(1.0), glm::radians(angles_->y), glm::dvec3(1, 0, 0));
    set_model(glm::mat4(rx * rz));
}

} // namespace glumpp::transforms
