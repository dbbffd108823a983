"""Makes tests/golden/geometry/*.npy, the references of test_geometry, with glumpy itself:
each case below calls glumpy.geometry's own function and saves what it returns (plain
NumPy arrays: vertices, then indices) as CASE.vertices.npy and CASE.indices.npy (and
CASE.outline.npy for colorcube). tests/geometry/test_geometry.cpp makes the same calls
with glumpp and compares dtypes, shapes and bytes.

  (glumpy importable: its geometry modules need NumPy only)
  python3 THIS.py tests/golden/geometry

With --random SEED COUNT FILE, it draws COUNT random parameter sets per function instead
(numpy.random.default_rng(SEED)) and writes one compact file of glumpy's answers, FILE,
instead of arrays: for each call a line `case NAME FUNCTION ARG...` (floats as repr,
exact in both languages; booleans 0/1), then one line per returned array,
`array PART NBYTES CRC32 SHAPE DESCR` (CRC32: zlib's, of the C-ordered bytes, 8 hex
digits; SHAPE: comma-separated, DESCR: the .npy header's descr, the rest of the line).
tests/golden/geometry/random-batch.txt is such a file (seed 20261202, 30 cases per
function), checked by test_geometry's GlumpyBatch test every run; ctest's
geometry_random_vs_glumpy (where glumpy is given) makes another with glumpy now and passes
it to the same test through GLUMPP_GEOMETRY_CASES.

The surfaces' functions use Python's math module (the C library's sin and cos, which the
C++ twins call too), never NumPy's vectorised ones, so that both sides evaluate the same
numbers; NumPy's own float64 sin/cos inside glumpy's primitives are what is compared.
"""
import math
import os
import sys
import zlib

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

def random_cases(seed, count):
    """{case name: (call, [function, args...])} with glumpy's functions and random arguments."""
    rng = np.random.default_rng(seed)
    size = lambda: float(rng.uniform(0.05, 5.0))
    count_ = lambda lo, hi: int(rng.integers(lo, hi + 1))
    flag = lambda: bool(rng.integers(0, 2))
    cases = {}
    for k in range(count):
        s, n = size(), count_(1, 80)  # polar-surface and dynamic-transform use plane(2.0, n=64)
        cases[f"colorcube-{k}"] = (lambda s=s: colorcube(s), ["colorcube", s])
        cases[f"plane-{k}"] = (lambda s=s, n=n: primitives.plane(s, n), ["plane", s, n])
        cases[f"cube-{k}"] = (lambda s=s, n=n: primitives.cube(s, n), ["cube", s, n])
        # Radii of 0 or below drop their cap (glumpy mutates caps: a list, not its tuple).
        top, base = [float(rng.choice([0.0, -0.5, size(), size()])) for _ in range(2)]
        h, sl, caps = size(), count_(1, 40), [flag(), flag()]
        cases[f"tube-{k}"] = (lambda a=(top, base, h, sl, list(caps)): primitives.tube(*a), ["tube", top, base, h, sl, *map(int, caps)])
        r, sl2, cap = size(), count_(1, 40), flag()
        cases[f"cone-{k}"] = (lambda r=r, h=h, sl2=sl2, cap=cap: primitives.cone(r, h, sl2, cap), ["cone", r, h, sl2, int(cap)])
        cases[f"pyramid-{k}"] = (lambda r=r, h=h, cap=cap: primitives.pyramid(r, h, cap), ["pyramid", r, h, int(cap)])
        inner, outer, sides, rings = size(), size(), count_(1, 40), count_(1, 40)
        cases[f"torus-{k}"] = (lambda a=(inner, outer, sides, rings): primitives.torus(*a), ["torus", inner, outer, sides, rings])
        slices, stacks = count_(1, 40), count_(1, 40)
        cases[f"sphere-{k}"] = (lambda a=(r, slices, stacks): primitives.sphere(*a), ["sphere", r, slices, stacks])
        cases[f"cubesphere-{k}"] = (lambda r=r, n=n: primitives.cubesphere(r, n // 4 + 2), ["cubesphere", r, n // 4 + 2])
        g = [float(rng.uniform(-3, 0)), float(rng.uniform(0.1, 7)), count_(1, 20), float(rng.uniform(0.5, 4)),
             float(rng.uniform(-3, 0)), float(rng.uniform(0.1, 7)), count_(1, 20), float(rng.uniform(0.5, 4))]
        cases[f"surface-{k}"] = (lambda g=g: surface(torus_surface, *g), ["surface-torus", *g])
    return cases


if sys.argv[1] == "--random":
    seed, count, path = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with open(path, "w") as listing:
        for name, (call, args) in random_cases(seed, count).items():
            listing.write(" ".join(["case", name] + [a if isinstance(a, str) else repr(a) for a in args]) + "\n")
            for part, a in zip(("vertices", "indices", "outline"), call()):
                a = np.ascontiguousarray(a.view(np.ndarray))
                descr = np.lib.format.dtype_to_descr(a.dtype)  # '<u4', or a list of fields
                descr = descr if isinstance(descr, str) else repr(descr)
                shape = ",".join(map(str, a.shape))
                listing.write(f"array {part} {a.nbytes} {zlib.crc32(a.tobytes()):08x} {shape} {descr}\n")
    sys.exit(0)
out = sys.argv[-1]
os.makedirs(out, exist_ok=True)
for name, make in CASES.items():
    arrays = make()
    for part, a in zip(("vertices", "indices", "outline"), arrays):
        np.save(os.path.join(out, f"{name}.{part}.npy"), np.ascontiguousarray(a.view(np.ndarray)))
    print(name, ", ".join(f"{a.shape}" for a in arrays))
