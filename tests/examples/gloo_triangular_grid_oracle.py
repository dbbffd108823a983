"""gloo-triangular-grid's wireframe against the mesh it draws: the oracle for
`oracle_gloo-triangular-grid`. glumpy's own script needs Shewchuk's Triangle, which Debian
does not package, so glumpy's picture cannot be made here: the port meshes the square with
geometry::refine_square (Ruppert's refinement) and saves the triangles' corners
(MESH.npy, (p, 3, 2) float64); this checks that mesh and that GL draws it.

Checks, each printed with its figure:
- the mesh meets glumpy's `qa0.01` (Triangle's quality mesh): every triangle's area at
  most 0.01, every angle at least 20 degrees; the areas sum to the square's 4, every
  inner edge is shared by exactly two triangles (a conforming mesh), and no vertex lies
  strictly inside a triangle's circumcircle (Delaunay);
- every dark pixel (any channel under 200) has its centre within 1.7 pixels of an edge
  (a 2-pixel line smoothed over one more pixel: 1.5, and 0.2 for rounding); the old
  stand-in's diagonals drawn the other way put 35% of the dark pixels farther;
- the edges are drawn along their whole length: of points every half pixel along every
  edge, at least 99.5% fall in a pixel darker than 128 in every channel.

usage: gloo_triangular_grid_oracle.py SCREENSHOT.png MESH.npy
"""
import sys

import numpy as np
from PIL import Image

NEAR = 1.7

image = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
height, width, _ = image.shape

corners = np.load(sys.argv[2])  # (T, 3, 2)
assert corners.ndim == 3 and corners.shape[1:] == (3, 2), corners.shape
vertices, inverse = np.unique(corners.reshape(-1, 2), axis=0, return_inverse=True)
triangles = inverse.reshape(-1, 3)

P = vertices[triangles]  # (T, 3, 2)
e1, e2 = P[:, 1] - P[:, 0], P[:, 2] - P[:, 0]
areas = 0.5 * np.abs(e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0])
angles = []
for k in range(3):
    u = P[:, (k + 1) % 3] - P[:, k]
    v = P[:, (k + 2) % 3] - P[:, k]
    cos = (u * v).sum(1) / np.linalg.norm(u, axis=1) / np.linalg.norm(v, axis=1)
    angles.append(np.degrees(np.arccos(np.clip(cos, -1, 1))))
angles = np.array(angles)
edges = {}
for t in triangles:
    for k in range(3):
        e = tuple(sorted((t[k], t[(k + 1) % 3])))
        edges[e] = edges.get(e, 0) + 1
on_border = lambda e: any(np.isclose(np.abs(vertices[list(e)]), 1).all(0))
shared_ok = all(n == (1 if on_border(e) else 2) for e, n in edges.items())
# Delaunay: each triangle's circumcircle against every vertex (relative tolerance 1e-9).
a, b, c = P[:, 0], P[:, 1], P[:, 2]
ab, ac = b - a, c - a
d = 2 * (ab[:, 0] * ac[:, 1] - ab[:, 1] * ac[:, 0])
ab2, ac2 = (ab * ab).sum(1), (ac * ac).sum(1)
centre = a + np.stack([ac[:, 1] * ab2 - ab[:, 1] * ac2, ab[:, 0] * ac2 - ac[:, 0] * ab2], 1) / d[:, None]
r2 = ((a - centre) ** 2).sum(1)
d2 = ((vertices[None, :, :] - centre[:, None, :]) ** 2).sum(2)  # (T, V)
inside = int((d2 < r2[:, None] * (1 - 1e-9)).sum())
print(f"vertices strictly inside a circumcircle: {inside} (0: Delaunay)")
print(f"mesh: {len(vertices)} vertices, {len(triangles)} triangles, {len(edges)} edges; largest area "
      f"{areas.max():.5f} (at most 0.01), smallest angle {angles.min():.1f} (at least 20), area sum "
      f"{areas.sum():.6f} (4), conforming: {shared_ok}")
failed = areas.max() > 0.01 or angles.min() < 20 or not np.isclose(areas.sum(), 4) or not shared_ok or inside > 0

# Window pixels: x right, y down, pixel (c, r) centred at (c + 0.5, r + 0.5).
to_pixels = lambda p: np.stack([(p[..., 0] + 1) / 2 * width, (1 - p[..., 1]) / 2 * height], -1)
segments = to_pixels(vertices[np.array(list(edges))])  # (E, 2, 2)

dark = np.argwhere((image < 200).any(2))
centres = dark[:, ::-1] + 0.5
order = np.argsort(centres[:, 0], kind="stable")  # by x, so each edge looks at its own columns only
centres = centres[order]
nearest = np.full(len(centres), np.inf)
for a, b in segments:
    lo, hi = np.searchsorted(centres[:, 0], [min(a[0], b[0]) - NEAR - 1, max(a[0], b[0]) + NEAR + 1])
    c = centres[lo:hi]
    ab = b - a
    t = np.clip(((c - a) @ ab) / (ab @ ab), 0, 1)
    nearest[lo:hi] = np.minimum(nearest[lo:hi], np.linalg.norm(c - (a + t[:, None] * ab), axis=1))
far = int((nearest > NEAR).sum())
print(f"dark pixels: {len(centres)}, farther than {NEAR} px from every edge: {far} (largest {nearest.max():.2f} px)")
failed |= far > 0 or len(centres) == 0

points = []
for a, b in segments:
    n = int(np.ceil(np.linalg.norm(b - a) / 0.5))
    points.append(a + np.linspace(0, 1, n + 1)[:, None] * (b - a))
points = np.concatenate(points)
cols = np.clip(points[:, 0].astype(int), 0, width - 1)
rows = np.clip(points[:, 1].astype(int), 0, height - 1)
covered = (image[rows, cols] < 128).all(1).mean()
print(f"points along the edges in a pixel darker than 128: {100 * covered:.2f}% (at least 99.5%)")
failed |= covered < 0.995
sys.exit(1 if failed else 0)
