#pragma once
// What the geometry sources share: NumPy's linspace, argument checks, and the conversion
// of vertex vectors into Arrays.
#include <glumpp/Error.hpp>
#include <glumpp/geometry/Mesh.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <span>
#include <string>
#include <vector>

namespace glumpp::geometry::detail {

/// np.linspace(start, stop, num, endpoint=True) in float64, NumPy's arithmetic:
/// start + i * ((stop - start) / (num - 1)), the last value set to `stop`.
inline std::vector<double> linspace(double start, double stop, std::size_t num) {
    std::vector<double> y(num);
    if (num == 1) {
        y[0] = start;
        return y;
    }
    const double delta = stop - start;
    const double step = delta / static_cast<double>(num - 1);
    for (std::size_t i = 0; i < num; ++i) {
        // NumPy divides first when the step underflows to 0 (gh-5437).
        y[i] = (step == 0 ? static_cast<double>(i) / static_cast<double>(num - 1) * delta : static_cast<double>(i) * step) + start;
    }
    y[num - 1] = stop;
    return y;
}

inline std::string number(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

inline void check_finite(const char* function, const char* name, double v) {
    if (!std::isfinite(v)) throw ValueError(std::string(function) + ": " + name + " must be finite, not " + number(v));
}

inline void check_at_least(const char* function, const char* name, int v, int minimum) {
    if (v < minimum) {
        throw ValueError(std::string(function) + ": " + name + " must be at least " + std::to_string(minimum) + ", not " +
                         std::to_string(v));
    }
}

/// ValueError when a mesh of `count` vertices would exceed max_vertices.
void check_vertices(const char* function, double count);

template <class V>
Array to_array(const std::vector<V>& vertices) {
    return Array::from(std::span<const V>(vertices.data(), vertices.size()), {vertices.size()});
}

/// The triangles of a rows x cols vertex grid, two per cell: glumpy's loop in torus(),
/// sphere() and surface().
inline std::vector<std::uint32_t> quad_indices(std::uint32_t rows, std::uint32_t cols) {
    std::vector<std::uint32_t> indices;
    indices.reserve(std::size_t(rows - 1) * (cols - 1) * 6);
    for (std::uint32_t i = 0; i + 1 < rows; ++i) {
        for (std::uint32_t j = 0; j + 1 < cols; ++j) {
            for (std::uint32_t k : {j, j + 1, j + cols + 1, j + cols, j + cols + 1, j}) indices.push_back(i * cols + k);
        }
    }
    return indices;
}

inline Array to_array(const std::vector<std::uint32_t>& indices) {
    return Array::from(std::span<const std::uint32_t>(indices.data(), indices.size()), {indices.size()});
}

} // namespace glumpp::geometry::detail
