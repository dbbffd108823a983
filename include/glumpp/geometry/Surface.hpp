#pragma once
// glumpy.geometry's parametric surfaces and vertex normals (parametric.py, normals.py).
#include <glumpp/geometry/Mesh.hpp>

#include <functional>
#include <numbers>

namespace glumpp::geometry {

/// The parameter grid of surface(): u over [umin, umax] in ucount steps, v likewise;
/// texcoords are (u, v) normalised to [0, 1] times urepeat, vrepeat. glumpy's defaults.
struct SurfaceGrid {
    double umin = 0, umax = 2 * std::numbers::pi;
    int ucount = 64;
    double urepeat = 1.0;
    double vmin = 0, vmax = 2 * std::numbers::pi;
    int vcount = 64;
    double vrepeat = 1.0;
};

/// glumpy's surface(func, ...): (ucount+1) x (vcount+1) vertices at func(u, v) (computed
/// in double, stored as float32, as glumpy's assignment does), two triangles per cell,
/// normals from normals(). u is the slow axis. ValueError for counts below 1, non-finite
/// bounds, an empty `func`, or a point func makes that is not finite, or that is finite
/// but beyond float32's range (|x| > 3.40282e+38, inf once stored: glumpy stored NaN or
/// inf and gave its neighbours NaN normals); the message names func(u, v) and the point.
/// What `func` throws goes through; nothing is returned then.
Mesh surface(const std::function<glm::dvec3(double u, double v)>& func, const SurfaceGrid& grid = {});

/// glumpy's normals(vertices, indices): per-vertex normals of a triangle mesh, in float32.
/// `positions` is (n, 3) float32, `triangles` (p, 3) uint32 (TypeError, ShapeError
/// otherwise; IndexError for an index >= n; ValueError for a position that is not finite).
/// Returns (n, 3) float32.
///
/// glumpy's algorithm, quirks kept: vertices are first merged when their coordinates
/// agree after rounding to 3 decimals, the face normals are computed on the rounded
/// positions, and each corner column adds a face's unit normal with NumPy's `a[i] += N`,
/// where a vertex listed by several faces in one column keeps only the last face's
/// normal (fancy-index assignment does not accumulate). The sums are then normalised.
Array normals(const Array& positions, const Array& triangles);

} // namespace glumpp::geometry
