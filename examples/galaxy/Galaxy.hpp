#pragma once
// The density-wave galaxy of glumpy's galaxy demo (after Ingo Berg's "Galaxy Simulator"):
// every body moves on an ellipse whose tilt grows with its distance from the centre, and
// the slightly tilted ellipses pile up into spiral arms.
//
// 35,000 stars, 26,250 dust clouds and 200 pairs of H-II regions (61,650 bodies) with
// glumpy's parameters (radius 13,000, core 4,000, tilt 0.0004 per unit, eccentricities
// 0.90). Each step advances every body by 0.5 degrees along its ellipse, writes the new
// positions (normalised by the radius) and the H-II sizes, which follow the distance
// between the two members of a pair.
//
// Same model as glumpy's; the arithmetic differs: cos/sin of each body's angle are
// carried from step to step by a rotation (angle addition, in double precision) instead
// of being recomputed with trigonometry, and everything that does not change (the tilt's
// cos/sin, the radii) is computed once.

#include <glumpp/array.hpp>

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

class Galaxy {
public:
    enum Type { Star = 0, Dust = 1, HIIa = 2, HIIb = 3 };
    static constexpr float radius = 13000.0f;

    explicit Galaxy(std::size_t stars = 35000, std::uint32_t seed = 1);

    std::size_t size() const noexcept { return type_.size(); }
    /// Bodies [first_hii(), size()) are the H-II regions: members a, then members b.
    std::size_t first_hii() const noexcept { return first_hii_; }

    // Per-body constants, for the renderer.
    const std::vector<float>& type() const noexcept { return type_; }
    const std::vector<float>& temperature() const noexcept { return temperature_; } ///< Kelvin
    const std::vector<float>& brightness() const noexcept { return brightness_; }
    const std::vector<float>& initial_size() const noexcept { return size_; }

    /// Advances by `timestep` years (0.5 degrees for glumpy's 100,000), writing every
    /// position (normalised by the radius) and the sizes of the H-II regions.
    void update(glumpp::View<glm::vec2>& position, glumpp::View<float>& size, double timestep = 100000.0);

private:
    std::size_t first_hii_ = 0;
    std::vector<float> type_, temperature_, brightness_, size_;
    // The ellipse of body i: x = ax[i] cos(t) - bx[i] sin(t), y = ay[i] cos(t) + by[i] sin(t)
    std::vector<float> ax_, bx_, ay_, by_;
    std::vector<double> cos_, sin_;        // of the body's angle along its ellipse
    std::vector<double> velocity_;         // degrees per year
    double last_step_ = -1, step_cos_ = 1, step_sin_ = 0;
};
