#include "Galaxy.hpp"

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace {

// glumpy's parameters.
constexpr double core_radius = 4000, far_radius = 2 * Galaxy::radius, tilt_per_unit = 0.0004;
constexpr double inner_eccentricity = 0.90, outer_eccentricity = 0.90, velocity = 0.000005;

// Ratio of the minor to the major axis at distance r: 1 at the centre, ex1 at the core,
// ex2 at the rim, back to 1 far out (linear in between, as glumpy; negative r as well).
double eccentricity(double r) {
    if (r < core_radius) return 1 + (r / core_radius) * (inner_eccentricity - 1);
    if (r <= Galaxy::radius) {
        return inner_eccentricity + (r - core_radius) / (Galaxy::radius - core_radius) * (outer_eccentricity - inner_eccentricity);
    }
    if (r < far_radius) return outer_eccentricity + (r - Galaxy::radius) / (far_radius - Galaxy::radius) * (1 - outer_eccentricity);
    return 1;
}

} // namespace

Galaxy::Galaxy(std::size_t stars, std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    std::normal_distribution<double> normal(0.0, 0.5);
    const std::size_t dust = stars * 3 / 4, pairs = 200;
    first_hii_ = stars + dust;

    struct Body {
        double a, angle, theta;
        Type type;
        float temperature, brightness, size;
    };
    std::vector<Body> bodies;
    bodies.reserve(first_hii_ + 2 * pairs);
    for (std::size_t i = 0; i < stars; ++i) {
        const double a = normal(rng) * radius;
        bodies.push_back({a, 90 - a * tilt_per_unit, uniform(0, 360), Star, float(uniform(3000, 9000)), float(uniform(0.05, 0.25)), 3});
    }
    const float dust_brightness = float(uniform(0.01, 0.02)); // one value for all dust, as glumpy
    for (std::size_t i = 0; i < dust; ++i) {
        const double x = uniform(0, 2 * radius), y = uniform(-radius, radius), a = std::hypot(x, y);
        bodies.push_back({a, a * tilt_per_unit, uniform(0, 360), Dust, float(6000 + a / 4), dust_brightness, 64});
    }
    std::vector<Body> second;
    for (std::size_t i = 0; i < pairs; ++i) {
        const double x = uniform(-radius, radius), y = uniform(-radius, radius), a = std::hypot(x, y);
        const double theta = uniform(0, 360);
        const float temperature = float(uniform(3000, 9000)), brightness = float(uniform(0.005, 0.010));
        bodies.push_back({a, a * tilt_per_unit, theta, HIIa, temperature, brightness, 0});
        second.push_back({a + 1000, a * tilt_per_unit, theta, HIIb, temperature, brightness, 0});
    }
    bodies.insert(bodies.end(), second.begin(), second.end());

    for (std::size_t i = 0; i < bodies.size(); ++i) {
        const Body& b = bodies[i];
        // H-II pairs share one ellipse's minor axis: that of member a.
        const double minor = (b.type == HIIb ? bodies[i - pairs].a : b.a) * eccentricity(b.type == HIIb ? bodies[i - pairs].a : b.a);
        const double beta = -b.angle; // used as radians although made like degrees: glumpy's quirk, kept
        const double cb = std::cos(beta), sb = std::sin(beta);
        const double alpha = b.theta * std::numbers::pi / 180;
        type_.push_back(static_cast<float>(b.type));
        temperature_.push_back(b.temperature);
        brightness_.push_back(b.brightness);
        size_.push_back(b.size);
        ax_.push_back(float(b.a * cb / radius));
        bx_.push_back(float(minor * sb / radius));
        ay_.push_back(float(b.a * sb / radius));
        by_.push_back(float(minor * cb / radius));
        cos_.push_back(std::cos(alpha));
        sin_.push_back(std::sin(alpha));
        velocity_.push_back(velocity);
    }
}

void Galaxy::update(glumpp::View<glm::vec2>& position, glumpp::View<float>& size, double timestep) {
    const std::size_t n = this->size();
    // Every body has the same angular speed: one rotation for all.
    if (timestep * velocity_[0] != last_step_) {
        last_step_ = timestep * velocity_[0];
        step_cos_ = std::cos(last_step_ * std::numbers::pi / 180);
        step_sin_ = std::sin(last_step_ * std::numbers::pi / 180);
    }
    const double c = step_cos_, s = step_sin_;
    for (std::size_t i = 0; i < n; ++i) {
        const double ci = cos_[i] * c - sin_[i] * s;
        const double si = sin_[i] * c + cos_[i] * s;
        cos_[i] = ci;
        sin_[i] = si;
        const float cf = float(ci), sf = float(si);
        position[i] = glm::vec2(ax_[i] * cf - bx_[i] * sf, ay_[i] * cf + by_[i] * sf);
    }
    // H-II regions glow when the two members of a pair come close: size from distance.
    const std::size_t pairs = (n - first_hii_) / 2;
    const glumpp::View<glm::vec2>& p = position;
    for (std::size_t k = 0; k < pairs; ++k) {
        const std::size_t a = first_hii_ + k, b = a + pairs;
        const float d = glm::length(p[a] - p[b]) * radius;
        const float grow = std::max(1.0f, (1000.0f - d) / 10.0f - 50.0f);
        size[a] = 2.0f * grow;
        size[b] = grow / 6.0f;
    }
}
