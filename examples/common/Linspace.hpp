#pragma once
// NumPy's linspace for the ports (lorenz, spiral): n evenly spaced values from a to b, b
// included; linepath, glumpy's spiral.py helper, is the same along a segment of 3-D points.
#include <glm/vec3.hpp>

#include <vector>

namespace glumpp::examples {

/// np.linspace(a, b, n): a + (b - a) i / (n - 1), the last exactly b; n == 1 gives {a}.
inline std::vector<double> linspace(double a, double b, int n) {
    std::vector<double> v(n > 0 ? n : 0);
    for (int i = 0; i < n; ++i) v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
    if (n > 1) v[n - 1] = b;
    return v;
}

/// glumpy's linepath(p0, p1, n): n points from p0 to p1 (p1 exactly last), computed in
/// double and stored as float32, as NumPy's linspace of the two points then .astype(float32).
inline std::vector<glm::vec3> linepath(glm::dvec3 p0, glm::dvec3 p1, int n = 100) {
    std::vector<glm::vec3> p(n > 0 ? n : 0);
    for (int i = 0; i < n; ++i) {
        const double t = n == 1 ? 0.0 : double(i) / (n - 1);
        p[i] = glm::vec3(i == n - 1 && n > 1 ? p1 : p0 + (p1 - p0) * t);
    }
    return p;
}

} // namespace glumpp::examples
