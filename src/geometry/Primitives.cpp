// glumpy/geometry/primitives.py and colorcube.py, line by line: each float64 expression
// is evaluated in NumPy's order and rounded to float32 where glumpy assigns it to a field.
#include "Detail.hpp"

#include <glumpp/geometry/Primitives.hpp>

#include <array>

namespace glumpp::geometry {
namespace detail {

void check_vertices(const char* function, double count) {
    if (count > static_cast<double>(max_vertices)) {
        throw ValueError(std::string(function) + ": " + number(count) + " vertices is more than the " +
                         std::to_string(max_vertices) + " a mesh may have");
    }
}

} // namespace detail

using detail::check_at_least;
using detail::check_finite;
using detail::linspace;
using detail::quad_indices;

namespace {

float f32(double v) { return static_cast<float>(v); }

/// The indices of one n x n grid: glumpy's `I` (the transposed arange, six per cell).
std::vector<std::uint32_t> grid_indices(std::uint32_t n) {
    std::vector<std::uint32_t> I;
    I.reserve(std::size_t(n - 1) * (n - 1) * 6);
    for (std::uint32_t c = 0; c + 1 < n; ++c) {
        for (std::uint32_t r = 0; r + 1 < n; ++r) {
            const std::uint32_t base = r * n + c;
            for (std::uint32_t k : {0u, 1u, n + 1, 0u, n + 1, n}) I.push_back(base + k);
        }
    }
    return I;
}

/// glumpy's (X, Y, U, V) of an n x n grid: meshgrid(T - 0.5, T - 0.5) * size, meshgrid(T, T).
struct Grid {
    std::vector<double> X, Y, U, V;
};

Grid grid(double size, std::size_t n) {
    const auto T = linspace(0, 1, n);
    Grid g;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            g.X.push_back((T[j] - 0.5) * size);
            g.Y.push_back((T[i] - 0.5) * size);
            g.U.push_back(T[j]);
            g.V.push_back(T[i]);
        }
    }
    return g;
}

} // namespace

ColorCube colorcube(double size) {
    check_finite("geometry::colorcube", "size", size);
    static constexpr int p[8][3] = {{1, 1, 1}, {-1, 1, 1}, {-1, -1, 1}, {1, -1, 1},
                                    {1, -1, -1}, {1, 1, -1}, {-1, 1, -1}, {-1, -1, -1}};
    static constexpr float n[6][3] = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {-1, 0, 1}, {0, -1, 0}, {0, 0, -1}};
    static constexpr float c[8][4] = {{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 1, 0, 1},
                                      {1, 1, 0, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 0, 1}};
    static constexpr float t[4][2] = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    static constexpr int faces_p[24] = {0, 1, 2, 3, 0, 3, 4, 5, 0, 5, 6, 1, 1, 6, 7, 2, 7, 4, 3, 2, 4, 7, 6, 5};
    static constexpr int faces_t[24] = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 0, 1, 2, 3};
    const double half = size / 2.0; // p *= size/2.0, in float64
    std::vector<ColorVertex> V(24);
    for (int i = 0; i < 24; ++i) {
        const int* q = p[faces_p[i]];
        V[i].position = {f32(q[0] * half), f32(q[1] * half), f32(q[2] * half)};
        V[i].normal = {n[i / 4][0], n[i / 4][1], n[i / 4][2]};
        V[i].color = {c[faces_p[i]][0], c[faces_p[i]][1], c[faces_p[i]][2], c[faces_p[i]][3]}; // faces_c == faces_p
        V[i].texcoord = {t[faces_t[i]][0], t[faces_t[i]][1]};
    }
    std::vector<std::uint32_t> filled, outline;
    for (std::uint32_t f = 0; f < 6; ++f) {
        for (std::uint32_t k : {0u, 1u, 2u, 0u, 2u, 3u}) filled.push_back(4 * f + k);
        for (std::uint32_t k : {0u, 1u, 1u, 2u, 2u, 3u, 3u, 0u}) outline.push_back(4 * f + k);
    }
    return {detail::to_array(V), detail::to_array(filled), detail::to_array(outline)};
}

Mesh plane(double size, int n_) {
    check_finite("geometry::plane", "size", size);
    const std::size_t n = static_cast<std::size_t>(std::max(2, n_));
    detail::check_vertices("geometry::plane", 6.0 * double(n) * double(n));
    const Grid g = grid(size, n);
    // glumpy's zeros((6, n*n)): only the first n*n are placed, all six get texcoords.
    std::vector<Vertex> V(6 * n * n, Vertex{{0, 0, 0}, {0, 0}, {0, 0, 0}});
    for (std::size_t f = 0; f < 6; ++f) {
        for (std::size_t k = 0; k < n * n; ++k) V[f * n * n + k].texcoord = {f32(g.U[k]), f32(g.V[k])};
    }
    for (std::size_t k = 0; k < n * n; ++k) {
        V[k].position = {f32(g.X[k]), f32(g.Y[k]), 0.0f};
        V[k].normal = {0, 0, 1};
    }
    return {detail::to_array(V), detail::to_array(grid_indices(static_cast<std::uint32_t>(n)))};
}

Mesh cube(double size, int n_) {
    check_finite("geometry::cube", "size", size);
    const std::size_t n = static_cast<std::size_t>(std::max(2, n_));
    detail::check_vertices("geometry::cube", 6.0 * double(n) * double(n));
    const Grid g = grid(size, n);
    const double Z = 1.0 * 0.5 * size; // np.ones_like(X)*0.5*size
    const std::size_t nn = n * n;
    std::vector<Vertex> V(6 * nn);
    for (std::size_t k = 0; k < nn; ++k) {
        const float X = f32(g.X[k]), Y = f32(g.Y[k]), z = f32(Z), mz = f32(-Z);
        const glm::vec2 tex{f32(g.U[k]), f32(g.V[k])};
        V[0 * nn + k] = {{X, Y, z}, tex, {0, 0, 1}};   // top
        V[1 * nn + k] = {{X, Y, mz}, tex, {0, 0, -1}}; // bottom
        V[2 * nn + k] = {{z, X, Y}, tex, {1, 0, 0}};   // front
        V[3 * nn + k] = {{mz, X, Y}, tex, {-1, 0, 0}}; // back
        V[4 * nn + k] = {{X, z, Y}, tex, {0, 1, 0}};   // left
        V[5 * nn + k] = {{X, mz, Y}, tex, {0, -1, 0}}; // right
    }
    const auto I = grid_indices(static_cast<std::uint32_t>(n));
    std::vector<std::uint32_t> indices;
    indices.reserve(6 * I.size());
    for (std::uint32_t f = 0; f < 6; ++f) {
        for (std::uint32_t i : I) indices.push_back(i + f * static_cast<std::uint32_t>(nn));
    }
    return {detail::to_array(V), detail::to_array(indices)};
}

Mesh tube(double top_radius, double base_radius, double height, int slices_, bool top_cap, bool base_cap) {
    check_finite("geometry::tube", "top_radius", top_radius);
    check_finite("geometry::tube", "base_radius", base_radius);
    check_finite("geometry::tube", "height", height);
    check_at_least("geometry::tube", "slices", slices_, 1);
    detail::check_vertices("geometry::tube", 4.0 * (double(slices_) + 1));
    if (top_radius <= 0.0) top_cap = false;
    if (base_radius <= 0.0) base_cap = false;
    const std::size_t slices = static_cast<std::size_t>(slices_);
    const auto theta = linspace(0, 2 * std::numbers::pi, slices + 1);
    const auto s = linspace(0, 1, slices + 1);
    const std::size_t n_side = slices + 1, n_cap = slices + 1;
    const std::size_t n = 2 * n_side + (top_cap ? n_cap : 0) + (base_cap ? n_cap : 0);
    std::vector<Vertex> V(n, Vertex{{0, 0, 0}, {0, 0}, {0, 0, 0}});
    const std::uint32_t i0 = 0, i1 = static_cast<std::uint32_t>(n_side);
    // The caps are the last vertices: top then base when both are there.
    const std::size_t top_at = 2 * n_side, base_at = 2 * n_side + (top_cap ? n_cap : 0);
    const double r = top_radius - base_radius;
    const double hypothenus = std::sqrt(r * r + height * height);
    for (std::size_t i = 0; i < n_side; ++i) {
        const double ct = std::cos(theta[i]), st = std::sin(theta[i]);
        const glm::vec3 normal{f32(ct * height / hypothenus), f32(st * height / hypothenus),
                               f32(-(top_radius - base_radius) / hypothenus)};
        V[i] = {{f32(ct * top_radius), f32(st * top_radius), f32(+height / 2.0)}, {f32(s[i]), 0}, normal};
        V[n_side + i] = {{f32(ct * base_radius), f32(st * base_radius), f32(-height / 2.0)}, {f32(s[i]), 1}, normal};
    }
    auto cap = [&](std::size_t at, std::size_t side, float z, float nz) {
        V[at] = {{0, 0, z}, {0.5f, 0.5f}, {0, 0, nz}};
        for (std::size_t i = 1; i < n_cap; ++i) {
            const double ct = std::cos(theta[i - 1]), st = std::sin(theta[i - 1]);
            V[at + i] = {V[side + i - 1].position, {f32((1 + ct) / 2), f32((1 + st) / 2)}, {0, 0, nz}};
        }
    };
    if (top_cap) cap(top_at, 0, f32(+height / 2.0), +1);
    if (base_cap) cap(base_at, n_side, f32(-height / 2.0), -1);
    std::vector<std::uint32_t> indices;
    for (std::uint32_t i = 0; i < slices; ++i) {
        for (std::uint32_t k : {i0 + i, i0 + i + 1, i1 + i, i1 + i, i1 + i + 1, i0 + i + 1}) indices.push_back(k);
    }
    const auto sl = static_cast<std::uint32_t>(slices);
    const auto i2 = static_cast<std::uint32_t>(top_at), i3 = static_cast<std::uint32_t>(base_at);
    for (std::uint32_t i = 0; i < sl + 1; ++i) {
        if (top_cap) {
            for (std::uint32_t k : {i2, i2 + 1 + i % sl, i2 + 1 + (i + 1) % sl}) indices.push_back(k);
        }
        if (base_cap) {
            for (std::uint32_t k : {i3, i3 + 1 + i % sl, i3 + 1 + (i + 1) % sl}) indices.push_back(k);
        }
    }
    return {detail::to_array(V), detail::to_array(indices)};
}

Mesh cylinder(double radius, double height, int slices, bool top_cap, bool base_cap) {
    return tube(radius, radius, height, slices, top_cap, base_cap);
}

namespace {
// cone() and pyramid(): vertices["position"] += 0, 0, height/2.0 (float64 sum, float32
// store). Adding 0 to x and y matters: the apex's -0 coordinates become +0, as in NumPy.
Mesh lifted(Mesh m, double height) {
    auto v = m.vertices.as<Vertex>();
    for (std::size_t i = 0; i < v.size(); ++i) {
        Vertex x = v[i];
        x.position = {f32(static_cast<double>(x.position.x) + 0.0), f32(static_cast<double>(x.position.y) + 0.0),
                      f32(static_cast<double>(x.position.z) + height / 2.0)};
        v[i] = x;
    }
    return m;
}
} // namespace

Mesh cone(double radius, double height, int slices, bool cap) {
    return lifted(tube(0, radius, height, slices, false, cap), height);
}

Mesh pyramid(double radius, double height, bool cap) {
    return lifted(tube(0, radius, height, 4, false, cap), height);
}

Mesh torus(double inner_radius, double outer_radius, int sides_, int rings_) {
    check_finite("geometry::torus", "inner_radius", inner_radius);
    check_finite("geometry::torus", "outer_radius", outer_radius);
    check_at_least("geometry::torus", "sides", sides_, 1);
    check_at_least("geometry::torus", "rings", rings_, 1);
    detail::check_vertices("geometry::torus", (double(sides_) + 1) * (double(rings_) + 1));
    const std::size_t sides = static_cast<std::size_t>(sides_) + 1, rings = static_cast<std::size_t>(rings_) + 1;
    const auto t1 = linspace(0, 2 * std::numbers::pi, sides), t2 = linspace(0, 2 * std::numbers::pi, rings);
    const auto u = linspace(0, 1, sides), w = linspace(0, 1, rings);
    std::vector<Vertex> V(rings * sides);
    for (std::size_t r = 0; r < rings; ++r) {
        for (std::size_t s = 0; s < sides; ++s) {
            const double C = inner_radius * std::cos(t1[s]) - outer_radius;
            const float z = f32(inner_radius * std::sin(t1[s]));
            V[r * sides + s] = {{f32(C * std::cos(t2[r])), f32(C * std::sin(t2[r])), z},
                                {f32(u[s]), f32(w[r])},
                                {f32((C + outer_radius) * std::cos(t2[r])), f32((C + outer_radius) * std::sin(t2[r])), z}};
        }
    }
    return {detail::to_array(V), detail::to_array(quad_indices(static_cast<std::uint32_t>(rings), static_cast<std::uint32_t>(sides)))};
}

Mesh sphere(double radius, int slices_, int stacks_) {
    check_finite("geometry::sphere", "radius", radius);
    check_at_least("geometry::sphere", "slices", slices_, 1);
    check_at_least("geometry::sphere", "stacks", stacks_, 1);
    detail::check_vertices("geometry::sphere", (double(slices_) + 1) * (double(stacks_) + 1));
    const std::size_t slices = static_cast<std::size_t>(slices_) + 1, stacks = static_cast<std::size_t>(stacks_) + 1;
    const auto t1 = linspace(0, std::numbers::pi, stacks), t2 = linspace(0, 2 * std::numbers::pi, slices);
    const auto u = linspace(0, 1, slices), w = linspace(1, 0, stacks);
    std::vector<Vertex> V(slices * stacks);
    for (std::size_t i = 0; i < stacks; ++i) {
        for (std::size_t j = 0; j < slices; ++j) {
            const glm::vec3 p{f32(std::sin(t1[i]) * std::sin(t2[j]) * radius), f32(std::sin(t1[i]) * std::cos(t2[j]) * radius),
                              f32(std::cos(t1[i]) * radius)};
            V[i * slices + j] = {p, {f32(u[j]), f32(w[i])}, p};
        }
    }
    return {detail::to_array(V), detail::to_array(quad_indices(static_cast<std::uint32_t>(stacks), static_cast<std::uint32_t>(slices)))};
}

Mesh cubesphere(double radius, int n) {
    check_finite("geometry::cubesphere", "radius", radius);
    Mesh m = cube(1.0, n);
    auto v = m.vertices.as<Vertex>();
    const float r = f32(radius); // L/radius: a Python float meets a float32 array
    for (std::size_t i = 0; i < v.size(); ++i) {
        Vertex x = v[i];
        const glm::vec3 p = x.position;
        const float L = std::sqrt((p.x * p.x + p.y * p.y) + p.z * p.z) / r;
        x.position = {p.x / L, p.y / L, p.z / L};
        x.normal = x.position;
        v[i] = x;
    }
    return m;
}

} // namespace glumpp::geometry
