// glumpy/geometry/parametric.py and normals.py. normals() works in float32 like NumPy on
// glumpy's float32 arrays: each operation rounded to float32, sums left to right (NumPy's
// reduction of three values), no fused multiply-add (see CMakeLists.txt).
#include "Detail.hpp"

#include <glumpp/geometry/Surface.hpp>

#include <bit>
#include <map>
#include <tuple>

namespace glumpp::geometry {

namespace {

/// NumPy's float32 `x.round(3)`: rint(x * 1000) / 1000, each step in float32.
float round3(float x) {
    const float y = std::nearbyint(x * 1000.0f) / 1000.0f;
    return std::fabs(y) < 1e-3f ? 0.0f : y; // X[abs(X) < epsilon] = 0 (also turns -0 into 0)
}

} // namespace

Array normals(const Array& positions, const Array& triangles) {
    if (positions.dtype() != DType::of<float>() || positions.ndim() != 2 || positions.shape()[1] != 3) {
        throw TypeError("geometry::normals: positions must be (n, 3) float32, not " + glumpp::detail::shape_str(positions.shape()) +
                        " " + positions.dtype().name());
    }
    if (triangles.dtype() != DType::of<std::uint32_t>() || triangles.ndim() != 2 || triangles.shape()[1] != 3) {
        throw TypeError("geometry::normals: triangles must be (p, 3) uint32, not " + glumpp::detail::shape_str(triangles.shape()) +
                        " " + triangles.dtype().name());
    }
    const auto P = positions.copy().to_vector<float>();
    const auto I = triangles.copy().to_vector<std::uint32_t>();
    const std::size_t n = P.size() / 3, p = I.size() / 3;
    for (std::size_t k = 0; k < P.size(); ++k) {
        if (!std::isfinite(P[k])) {
            throw ValueError("geometry::normals: vertex " + std::to_string(k / 3) + " is not finite (" + detail::number(P[k]) + ")");
        }
    }
    for (std::size_t k = 0; k < I.size(); ++k) {
        if (I[k] >= n) {
            throw IndexError("geometry::normals: triangle " + std::to_string(k / 3) + " uses vertex " + std::to_string(I[k]) + " of " +
                             std::to_string(n));
        }
    }
    // compact(): merge vertices equal after rounding; `mapping[i]` is vertex i's merged one.
    // (NumPy's np.unique sorts them; the order of the merged set changes no result.)
    std::vector<glm::vec3> U;
    std::vector<std::uint32_t> mapping(n);
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::uint32_t> seen;
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3 r{round3(P[3 * i]), round3(P[3 * i + 1]), round3(P[3 * i + 2])};
        const auto key = std::make_tuple(std::bit_cast<std::uint32_t>(r.x), std::bit_cast<std::uint32_t>(r.y), std::bit_cast<std::uint32_t>(r.z));
        const auto [at, added] = seen.emplace(key, static_cast<std::uint32_t>(U.size()));
        if (added) U.push_back(r);
        mapping[i] = at->second;
    }
    // Face normals on the merged (rounded) positions, normalised (a zero length left as is).
    std::vector<glm::vec3> N(p);
    for (std::size_t t = 0; t < p; ++t) {
        const glm::vec3 a = U[mapping[I[3 * t]]], b = U[mapping[I[3 * t + 1]]], c = U[mapping[I[3 * t + 2]]];
        const glm::vec3 e1 = b - a, e2 = c - a;
        glm::vec3 cr{e1.y * e2.z - e1.z * e2.y, e1.z * e2.x - e1.x * e2.z, e1.x * e2.y - e1.y * e2.x};
        float L = std::sqrt((cr.x * cr.x + cr.y * cr.y) + cr.z * cr.z);
        if (L == 0) L = 1.0f;
        N[t] = {cr.x / L, cr.y / L, cr.z / L};
    }
    // normals[indices[:, k]] += N for k = 0, 1, 2: NumPy reads every target first, then
    // writes in order, so a vertex named twice in one column gets old value + the last N.
    std::vector<glm::vec3> sum(U.size(), glm::vec3(0));
    std::vector<glm::vec3> column(U.size());
    std::vector<std::int64_t> last(U.size());
    for (int k = 0; k < 3; ++k) {
        std::fill(last.begin(), last.end(), -1);
        for (std::size_t t = 0; t < p; ++t) last[mapping[I[3 * t + k]]] = static_cast<std::int64_t>(t);
        for (std::size_t v = 0; v < U.size(); ++v) {
            if (last[v] >= 0) sum[v] = sum[v] + N[static_cast<std::size_t>(last[v])];
        }
    }
    Array out = Array::zeros<float>({n, 3});
    auto o = out.as<float>();
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3 s = sum[mapping[i]];
        float L = std::sqrt((s.x * s.x + s.y * s.y) + s.z * s.z);
        if (L == 0) L = 1.0f;
        o(i, 0) = s.x / L;
        o(i, 1) = s.y / L;
        o(i, 2) = s.z / L;
    }
    return out;
}

Mesh surface(const std::function<glm::dvec3(double, double)>& func, const SurfaceGrid& g) {
    if (!func) throw ValueError("geometry::surface: func is empty");
    for (auto [name, v] : {std::pair{"umin", g.umin}, {"umax", g.umax}, {"urepeat", g.urepeat}, {"vmin", g.vmin}, {"vmax", g.vmax},
                           {"vrepeat", g.vrepeat}}) {
        detail::check_finite("geometry::surface", name, v);
    }
    detail::check_at_least("geometry::surface", "ucount", g.ucount, 1);
    detail::check_at_least("geometry::surface", "vcount", g.vcount, 1);
    detail::check_vertices("geometry::surface", (double(g.ucount) + 1) * (double(g.vcount) + 1));
    const std::size_t uc = static_cast<std::size_t>(g.ucount) + 1, vc = static_cast<std::size_t>(g.vcount) + 1;
    const auto Un = detail::linspace(0, 1, uc), Vn = detail::linspace(0, 1, vc);
    std::vector<Vertex> V(uc * vc);
    Array P = Array::zeros<float>({uc * vc, 3});
    auto pos = P.as<float>();
    for (std::size_t i = 0; i < uc; ++i) {
        for (std::size_t j = 0; j < vc; ++j) {
            const double u = g.umin + Un[i] * (g.umax - g.umin), v = g.vmin + Vn[j] * (g.vmax - g.vmin);
            const glm::dvec3 q = func(u, v);
            if (!std::isfinite(q.x) || !std::isfinite(q.y) || !std::isfinite(q.z)) {
                throw ValueError("geometry::surface: func(" + detail::number(u) + ", " + detail::number(v) + ") is (" + detail::number(q.x) +
                                 ", " + detail::number(q.y) + ", " + detail::number(q.z) + "), not finite");
            }
            Vertex& x = V[i * vc + j];
            x.position = glm::vec3(q);
            // A finite double beyond float32's range (|q| > 3.40282e+38) is inf once stored:
            // say so here, where func(u, v) is known, rather than let normals() find an inf.
            if (!std::isfinite(x.position.x) || !std::isfinite(x.position.y) || !std::isfinite(x.position.z)) {
                throw ValueError("geometry::surface: func(" + detail::number(u) + ", " + detail::number(v) + ") is (" + detail::number(q.x) +
                                 ", " + detail::number(q.y) + ", " + detail::number(q.z) + "), beyond float32's range");
            }
            x.texcoord = {static_cast<float>(Un[i] * g.urepeat), static_cast<float>(Vn[j] * g.vrepeat)};
            for (int c = 0; c < 3; ++c) pos(i * vc + j, static_cast<std::size_t>(c)) = x.position[c];
        }
    }
    const auto indices = detail::quad_indices(static_cast<std::uint32_t>(uc), static_cast<std::uint32_t>(vc));
    const Array triangles = Array::from(std::span<const std::uint32_t>(indices), {indices.size() / 3, 3});
    const auto nv = normals(P, triangles).to_vector<float>();
    for (std::size_t i = 0; i < V.size(); ++i) V[i].normal = {nv[3 * i], nv[3 * i + 1], nv[3 * i + 2]};
    return {detail::to_array(V), detail::to_array(indices)};
}

} // namespace glumpp::geometry
