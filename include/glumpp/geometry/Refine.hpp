#pragma once
// A quality Delaunay mesh of a square: what glumpy's gloo-triangular-grid asks Shewchuk's
// Triangle for (`triangle.triangulate({'vertices': square}, 'qa0.01')`), Triangle being
// non-free and not in Debian. Ruppert's refinement, written here for this one domain:
//
//   auto mesh = glumpp::geometry::refine_square(1.0, 0.01, 20.0);
//   program["a_position"] = mesh.vertices;                  // (n, 2) float64
//   auto I = glumpp::gloo::IndexBuffer::over(mesh.triangles.reshape({mesh.triangles.size()}));
//
// The result has Triangle's guarantees for `q` and `a`: no angle under `min_angle`, no
// triangle larger than `max_area`, the triangulation Delaunay (no vertex strictly inside
// a triangle's circumcircle) and conforming to the square (its sides are unions of edges;
// every vertex lies in the square). Not Triangle's mesh, vertex for vertex: Triangle's
// insertion order and its off-centres differ, so the vertices and their number differ
// (a comparable mesh, not the same one).
//
// How: the four corners are triangulated (Bowyer-Watson insertion); then, until nothing
// is left to do, a side piece whose diametral circle holds a vertex is split at its
// midpoint, else the worst triangle (the largest of those over `max_area`, else the one of
// the smallest angle under `min_angle`) gets its circumcentre inserted, or, when that
// centre would lie in a side piece's diametral circle, those pieces are split instead.
// Ruppert's bound makes this terminate for min_angle up to about 20.7 degrees.
// It runs on [-1, 1]^2 (the area bound divided by half_side^2) and scales the vertices
// back, so that any finite half_side works (no square of a coordinate overflows).
// Deterministic: the same arguments give the same mesh. No GL call.
#include <glumpp/array/Array.hpp>

namespace glumpp::geometry {

/// Vertices (n, 2) float64 and triangles (p, 3) uint32 (counter-clockwise), Triangle's
/// B['vertices'] and B['triangles'].
struct Triangulation {
    Array vertices;
    Array triangles;
};

/// The square [-half_side, half_side]^2 meshed as above. ValueError
/// ("geometry::refine_square: ...", naming the value) for a half_side or max_area that is
/// not finite and positive, a min_angle outside [0, 20.7] (degrees: beyond, the refinement
/// need not end), or a mesh that would need more than 2^20 vertices (about 2 half_side^2 /
/// max_area of them are made).
Triangulation refine_square(double half_side = 1.0, double max_area = 0.01, double min_angle = 20.0);

} // namespace glumpp::geometry
