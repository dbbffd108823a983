"""Makes tests/golden/geometry/*.npy, the references of test_geometry, with glumpy itself:
each case below calls glumpy.geometry's own function and saves what it returns (plain
NumPy arrays: vertices, then indices) as CASE.vertices.npy and CASE.indices.npy (and
CASE.outline.npy for colorcube). tests/geometry/test_geometry.cpp makes the same calls
with glumpp and compares dtypes, shapes and bytes.

  (glumpy importable: its geometry modules need NumPy only)
  python3 THIS.py tests/golden/geometry

The surfaces' functions use Python's math module (the C library's sin and cos, which the
C++ twins call too), never NumPy's vectorised ones, so that both sides evaluate the same
numbers; NumPy's own float64 sin/cos inside glumpy's primitives are what is compared.
"""
import math
import os
import sys

import numpy as np
from glumpy.geometry import colorcube, primitives, surface


def torus_surface(u, v):  # a torus of radii 1 and 0.4 (cos/sin products: no special values)
    return ((1 + 0.4 * math.cos(v)) * math.cos(u), (1 + 0.4 * math.cos(v)) * math.sin(u), 0.4 * math.sin(v))


def sphere_surface(u, v):  # a sphere with poles and a seam: vertices merged by normals()
    return (math.sin(v) * math.cos(u), math.sin(v) * math.sin(u), math.cos(v))


CASES = {
    "colorcube-2": lambda: colorcube(),
    "colorcube-0.7": lambda: colorcube(0.7),
    "plane-1-2": lambda: primitives.plane(),
    "plane-2-5": lambda: primitives.plane(2.0, n=5),
    "plane-1.5-1": lambda: primitives.plane(1.5, n=1),
    "cube-1-2": lambda: primitives.cube(),
    "cube-1.5-3": lambda: primitives.cube(1.5, 3),
    "cube-0.7-6": lambda: primitives.cube(0.7, 6),
    "tube-1-0.5-2-5": lambda: primitives.tube(1.0, 0.5, 2.0, 5),
    "cylinder-default": lambda: primitives.cylinder(),
    "cylinder-0.3-1.2-7-top": lambda: primitives.cylinder(0.3, 1.2, 7, (True, False)),
    "cylinder-0.3-1.2-7-base": lambda: primitives.cylinder(0.3, 1.2, 7, (False, True)),
    "cone-default": lambda: primitives.cone(),
    "cone-0.8-1.5-6-nocap": lambda: primitives.cone(0.8, 1.5, 6, False),
    "pyramid-default": lambda: primitives.pyramid(),
    "pyramid-2-3": lambda: primitives.pyramid(2.0, 3.0),
    "torus-default": lambda: primitives.torus(),
    "torus-0.3-1.2-5-7": lambda: primitives.torus(0.3, 1.2, 5, 7),
    "sphere-default": lambda: primitives.sphere(),
    "sphere-2-7-5": lambda: primitives.sphere(2.0, 7, 5),
    "cubesphere-1-8": lambda: primitives.cubesphere(1.0, 8),
    "cubesphere-2.5-5": lambda: primitives.cubesphere(2.5, 5),
    "surface-torus-12-8-3": lambda: surface(torus_surface, ucount=12, vcount=8, urepeat=3),
    "surface-sphere-16-12": lambda: surface(sphere_surface, 0, 2 * math.pi, 16, 1.0, 0, math.pi, 12, 2.0),
}

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name, make in CASES.items():
    arrays = make()
    for part, a in zip(("vertices", "indices", "outline"), arrays):
        np.save(os.path.join(out, f"{name}.{part}.npy"), np.ascontiguousarray(a.view(np.ndarray)))
    print(name, ", ".join(f"{a.shape}" for a in arrays))
