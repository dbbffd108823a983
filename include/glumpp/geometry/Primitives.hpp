#pragma once
// glumpy.geometry's meshes (glumpy/geometry/primitives.py and colorcube.py), computed as
// glumpy computes them: the same vertex order, the same indices, and the same float32
// values (float64 arithmetic in NumPy's order, rounded to float32 where glumpy assigns),
// so that a port of a glumpy example draws glumpy's mesh and not one like it.
// tests/geometry/ compares every function with glumpy's own output, byte for byte.
//
// glumpy's quirks are kept, because its examples' pictures depend on them:
//  - plane() returns 6*n*n vertices of which only the first n*n are the plane (the others
//    have texture coordinates and a zero position and normal, and no index uses them).
//  - colorcube()'s fourth face normal is (-1, 0, 1), as glumpy's table has it.
//  - tube()'s caps are fans of slices+1 triangles whose last repeats its first.
//
// Bad input: a non-finite size, radius or height, or a count below the function's
// minimum, throws ValueError naming the function and the value ("geometry::sphere:
// slices must be at least 1, not 0"). glumpy raised ZeroDivisionError for a tube of no
// slices and returned empty index arrays for a sphere of none; here both are errors, so
// that a mesh always has triangles. Counts whose mesh would exceed 2^24 vertices (512 MiB
// of vertices) throw ValueError too. plane() and cube() keep glumpy's `n = max(2, n)`.
// No function makes a GL call.
#include <glumpp/geometry/Mesh.hpp>

namespace glumpp::geometry {

/// The largest number of vertices a function here makes (2^24).
inline constexpr std::size_t max_vertices = std::size_t(1) << 24;

/// glumpy's colorcube(size=2.0): a cube of side `size` centred at the origin, one colour
/// per corner (the RGB cube's), four vertices per face with face normals and texcoords.
ColorCube colorcube(double size = 2.0);

/// glumpy's primitives.plane(size=1.0, n=2): an n x n grid on the XY plane, side `size`,
/// normal +Z, texcoords over [0, 1]^2; (n-1)^2 * 6 indices.
Mesh plane(double size = 1.0, int n = 2);

/// glumpy's primitives.cube(size=1.0, n=2): six n x n grids (top, bottom, front, back,
/// left, right) of side `size`, 6*n*n vertices, 6*(n-1)^2*6 indices.
Mesh cube(double size = 1.0, int n = 2);

/// glumpy's primitives.tube(): a Z-axis tube of height `height` centred at the origin,
/// `slices` around the axis (at least 1), with a cap at each end asked for whose radius
/// is positive (glumpy's intent: its own code fails on a tuple there).
Mesh tube(double top_radius = 1.0, double base_radius = 1.0, double height = 2.0, int slices = 32,
          bool top_cap = true, bool base_cap = true);

/// glumpy's primitives.cylinder(radius=0.5, height=2.0, slices=32): tube(radius, radius, ...).
Mesh cylinder(double radius = 0.5, double height = 2.0, int slices = 32, bool top_cap = true, bool base_cap = true);

/// glumpy's primitives.cone(radius=1.0, height=1.0, slices=32, cap=True): base at z=0, apex
/// at z=height.
Mesh cone(double radius = 1.0, double height = 1.0, int slices = 32, bool cap = true);

/// glumpy's primitives.pyramid(radius=1.0, height=1.0, cap=True): a cone of four slices.
Mesh pyramid(double radius = 1.0, double height = 1.0, bool cap = true);

/// glumpy's primitives.torus(inner_radius=0.25, outer_radius=1.0, sides=32, rings=48).
Mesh torus(double inner_radius = 0.25, double outer_radius = 1.0, int sides = 32, int rings = 48);

/// glumpy's primitives.sphere(radius=1.0, slices=32, stacks=32): (slices+1)*(stacks+1)
/// vertices (the seam and the poles repeated, for texcoords), slices and stacks >= 1.
Mesh sphere(double radius = 1.0, int slices = 32, int stacks = 32);

/// glumpy's primitives.cubesphere(radius=1.0, n=32): cube(1, n) with every vertex pushed
/// out to the sphere (float32 arithmetic, as NumPy does it on glumpy's float32 fields).
Mesh cubesphere(double radius = 1.0, int n = 32);

} // namespace glumpp::geometry
