#include <glumpp/transforms/Projections.hpp>

#include <glumpp/Error.hpp>

#include "Internal.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <string>

namespace glumpp::transforms {

using detail::mat4_of;
using detail::num;

namespace {

const char* pvm_glsl = R"(uniform mat4 view;
uniform mat4 model;
uniform mat4 projection;
vec4 transform(vec4 position) { return projection * view * model * position; }
)";

const char* projection_glsl = R"(uniform mat4 projection;
vec4 transform(vec4 position) { return projection * position; }
)";

void check_size(const char* caller, int width, int height) {
    if (width <= 0 || height <= 0)
        throw ValueError(std::string(caller) + ": the size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
}

// CPU twins of `projection * position` and of the PVM product.


// A batch twin multiplying every point by one matrix, made once per call from the uniforms.
template <class Matrix>
Snippet::CpuBatch times(Matrix matrix) {
    return [matrix](const Snippet& t, std::span<glm::dvec4> ps) {
        const glm::dmat4 m = matrix(t);
        for (auto& p : ps) p = m * p;
    };
}

void projection_twin(Snippet& s) {
    s.set_cpu([](const Snippet& t, glm::dvec4 p) { return mat4_of(t, "projection") * p; },
              [](const Snippet& t, glm::dvec4 p) { return glm::inverse(mat4_of(t, "projection")) * p; });
    s.set_cpu_batch(times([](const Snippet& t) { return mat4_of(t, "projection"); }),
                    times([](const Snippet& t) { return glm::inverse(mat4_of(t, "projection")); }));
}

} // namespace

glm::dmat4 perspective(double fovy, double aspect, double znear, double zfar) {
    if (!(fovy > 0 && fovy < 180) || !(aspect > 0) || !std::isfinite(aspect) || !(znear > 0) || !(zfar > znear) || !std::isfinite(zfar))
        throw ValueError("perspective: fovy " + num(fovy) + ", aspect " + num(aspect) + ", znear " + num(znear) + ", zfar " + num(zfar) +
                         " (needs 0 < fovy < 180, aspect > 0, 0 < znear < zfar)");
    // glumpy's glm.perspective: a frustum of half-height tan(fovy / 2) znear.
    const double h = std::tan(fovy / 360.0 * M_PI) * znear, w = h * aspect;
    glm::dmat4 m(0.0);
    m[0][0] = 2.0 * znear / (2 * w);
    m[1][1] = 2.0 * znear / (2 * h);
    m[2][2] = -(zfar + znear) / (zfar - znear);
    m[3][2] = -2.0 * znear * zfar / (zfar - znear);
    m[2][3] = -1.0;
    return m;
}

glm::dmat4 ortho(double left, double right, double bottom, double top, double znear, double zfar) {
    if (left == right || bottom == top || znear == zfar)
        throw ValueError("ortho: x [" + num(left) + ", " + num(right) + "], y [" + num(bottom) + ", " + num(top) + "], z [" + num(znear) +
                         ", " + num(zfar) + "]: a range is empty");
    glm::dmat4 m(0.0);
    m[0][0] = 2.0 / (right - left);
    m[3][0] = -(right + left) / (right - left);
    m[1][1] = 2.0 / (top - bottom);
    m[3][1] = -(top + bottom) / (top - bottom);
    m[2][2] = -2.0 / (zfar - znear);
    m[3][2] = -(zfar + znear) / (zfar - znear);
    m[3][3] = 1.0;
    return m;
}

// ---------------------------------------------------------------- PVMProjection

struct PVMProjection::State {
    Options o;
    int width = 0, height = 0; // 0: no size yet (the projection stays as it is)
};

PVMProjection::PVMProjection(Options options) : Snippet(pvm_glsl, "PVMProjection"), s_(std::make_shared<State>()) {
    if (!(options.distance > 1))
        throw ValueError("PVMProjection: distance " + num(options.distance) + " (needs distance > 1)");
    if (!(options.fovy > 0 && options.fovy < 180)) throw ValueError("PVMProjection: fovy " + num(options.fovy) + " (needs 0 < fovy < 180)");
    if (!(options.znear > 0 && options.zfar > options.znear))
        throw ValueError("PVMProjection: znear " + num(options.znear) + ", zfar " + num(options.zfar) + " (needs 0 < znear < zfar)");
    s_->o = options;
    set_cpu([](const Snippet& t, glm::dvec4 p) { return mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model") * p; },
            [](const Snippet& t, glm::dvec4 p) {
                return glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model")) * p;
            });
    set_cpu_batch(times([](const Snippet& t) { return mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model"); }),
                  times([](const Snippet& t) { return glm::inverse(mat4_of(t, "projection") * mat4_of(t, "view") * mat4_of(t, "model")); }));
    (*this)["model"] = glm::mat4(1.0f);
    (*this)["projection"] = glm::mat4(1.0f);
    set_distance(options.distance);
}

float PVMProjection::distance() const { return s_->o.distance; }
void PVMProjection::set_distance(float distance) {
    if (!(distance > 1)) throw ValueError("PVMProjection::set_distance: distance " + num(distance) + " (needs distance > 1)");
    s_->o.distance = distance;
    (*this)["view"] = glm::mat4(glm::translate(glm::dmat4(1.0), glm::dvec3(0, 0, -double(distance))));
}
float PVMProjection::fovy() const { return s_->o.fovy; }
void PVMProjection::set_fovy(float fovy) {
    if (!(fovy > 0 && fovy < 180)) throw ValueError("PVMProjection::set_fovy: fovy " + num(fovy) + " (needs 0 < fovy < 180)");
    s_->o.fovy = fovy;
    update_projection();
}
float PVMProjection::znear() const { return s_->o.znear; }
float PVMProjection::zfar() const { return s_->o.zfar; }
void PVMProjection::set_depth_range(float znear, float zfar) {
    if (!(znear > 0 && zfar > znear))
        throw ValueError("PVMProjection::set_depth_range: znear " + num(znear) + ", zfar " + num(zfar) + " (needs 0 < znear < zfar)");
    s_->o.znear = znear;
    s_->o.zfar = zfar;
    update_projection();
}
glm::mat4 PVMProjection::view() const { return glm::mat4(mat4_of(*this, "view")); }
glm::mat4 PVMProjection::model() const { return glm::mat4(mat4_of(*this, "model")); }
glm::mat4 PVMProjection::projection() const { return glm::mat4(mat4_of(*this, "projection")); }
void PVMProjection::set_view(const glm::mat4& m) { (*this)["view"] = m; }
void PVMProjection::set_model(const glm::mat4& m) { (*this)["model"] = m; }
void PVMProjection::set_projection(const glm::mat4& m) { (*this)["projection"] = m; }
void PVMProjection::resize(int width, int height) {
    check_size("PVMProjection::resize", width, height);
    s_->width = width;
    s_->height = height;
    update_projection();
}
void PVMProjection::update_projection() {
    if (s_->width == 0) return; // glumpy: no projection before the first resize
    (*this)["projection"] = glm::mat4(perspective(s_->o.fovy, double(s_->width) / s_->height, s_->o.znear, s_->o.zfar));
}

// ---------------------------------------------------------------- OrthographicProjection

struct OrthographicProjection::State {
    Options o;
    int width = 0, height = 0;
};

namespace {
void check_ortho(const char* caller, const OrthographicProjection::Options& o) {
    if (o.znear == o.zfar || !std::isfinite(o.znear) || !std::isfinite(o.zfar))
        throw ValueError(std::string(caller) + ": znear " + num(o.znear) + ", zfar " + num(o.zfar) + " (needs two different finite values)");
    if (o.aspect && !(*o.aspect > 0 && std::isfinite(*o.aspect)))
        throw ValueError(std::string(caller) + ": aspect " + num(*o.aspect) + " (needs a positive aspect)");
}
} // namespace

OrthographicProjection::OrthographicProjection(Options options)
    : Snippet(projection_glsl, "OrthographicProjection"), s_(std::make_shared<State>()) {
    check_ortho("OrthographicProjection", options);
    s_->o = options;
    projection_twin(*this);
    (*this)["projection"] = glm::mat4(1.0f);
}
const OrthographicProjection::Options& OrthographicProjection::options() const { return s_->o; }
void OrthographicProjection::set_options(const Options& options) {
    check_ortho("OrthographicProjection::set_options", options);
    s_->o = options;
    update_projection();
}
glm::mat4 OrthographicProjection::projection() const { return glm::mat4(mat4_of(*this, "projection")); }
void OrthographicProjection::set_projection(const glm::mat4& m) { (*this)["projection"] = m; }
void OrthographicProjection::resize(int width, int height) {
    check_size("OrthographicProjection::resize", width, height);
    s_->width = width;
    s_->height = height;
    update_projection();
}
void OrthographicProjection::update_projection() {
    if (s_->width == 0) return;
    const Options& o = s_->o;
    double xmin = 0, xmax = s_->width, ymin = 0, ymax = s_->height;
    if (o.normalize) xmin = -1, xmax = 1, ymin = -1, ymax = 1;
    if (o.xinvert) std::swap(xmin, xmax);
    if (o.yinvert) std::swap(ymin, ymax);
    if (o.aspect) { // glumpy's rule, as written
        const double k = *o.aspect * s_->width / s_->height;
        if (*o.aspect > 1.0) xmin *= k, xmax *= k;
        else ymin /= k, ymax /= k;
    }
    (*this)["projection"] = glm::mat4(ortho(xmin, xmax, ymin, ymax, o.znear, o.zfar));
}

// ---------------------------------------------------------------- PerspectiveProjection

struct PerspectiveProjection::State {
    Options o;
    int width = 0, height = 0;
};

PerspectiveProjection::PerspectiveProjection(Options options)
    : Snippet(projection_glsl, "PerspectiveProjection"), s_(std::make_shared<State>()) {
    try {
        perspective(options.fovy, 1, options.znear, options.zfar);
    } catch (const ValueError& e) {
        throw ValueError(std::string("PerspectiveProjection: ") + e.what());
    }
    s_->o = options;
    projection_twin(*this);
    (*this)["projection"] = glm::mat4(1.0f);
}
const PerspectiveProjection::Options& PerspectiveProjection::options() const { return s_->o; }
void PerspectiveProjection::set_options(const Options& options) {
    try {
        perspective(options.fovy, 1, options.znear, options.zfar);
    } catch (const ValueError& e) {
        throw ValueError(std::string("PerspectiveProjection::set_options: ") + e.what());
    }
    s_->o = options;
    update_projection();
}
glm::mat4 PerspectiveProjection::projection() const { return glm::mat4(mat4_of(*this, "projection")); }
void PerspectiveProjection::set_projection(const glm::mat4& m) { (*this)["projection"] = m; }
void PerspectiveProjection::resize(int width, int height) {
    check_size("PerspectiveProjection::resize", width, height);
    s_->width = width;
    s_->height = height;
    update_projection();
}
void PerspectiveProjection::update_projection() {
    if (s_->width == 0) return;
    (*this)["projection"] = glm::mat4(perspective(s_->o.fovy, double(s_->width) / s_->height, s_->o.znear, s_->o.zfar));
}

} // namespace glumpp::transforms
