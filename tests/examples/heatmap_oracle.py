"""heatmap's picture computed with NumPy, pixel by pixel: the second check of heatmap
(`oracle_heatmap`), beside the golden tests against glumpy's own screenshots made with the
port's values (tests/tools/glumpy_float_grid.py ... seeded).

What the demo draws (examples/heatmap.cpp), restated from glumpy's script and shaders,
not from the demo's output:
- the 64 x 64 values: RandomGenerator(1).uniform(0, 1, (64, 64)) (tests/tools/
  glumpp_random.py restates include/glumpp/array/RandomGenerator.hpp), rounded to float32; row 0 at the top of the window (texcoord
  t = 0 at the top vertices);
- at window pixel centre p (x right, y down; the quad fills the window at zoom 1), cell
  c = floor(p / 16), its centre (c + 0.5) * 16, d = max(|p - centre|) - 0.45 * 16
  (glumpy's marker_square of 0.9 of the cell); filled(d, 1, 1, v): inside (d < 0) the
  grey v, outside alpha = exp(-(d + 0.5)^2) of it over the white window (straight-alpha
  blending), in 8 bits;
- with `pan-zoom` (the demo's scripted gesture, FRAMES frames of it), glumpy's PanZoom
  (glumpy/transforms/panzoom.py) moves the quad: before frame k, a scroll notch up at
  window pixel (320, 180): n = (320 / (W/2) - 1, 1 - 180 / (H/2)), zoom' = zoom * 1.01,
  pan = n - (zoom' / zoom) (n - pan); then a drag of (3, 2) pixels: pan += (6 / W,
  -4 / H). The quad covers pan +- zoom in NDC, its cells are 16 zoom pixels, and the window
  is white around it.

Checks, each printed with its figure: no pixel off by more than 2/255 (float rounding and
8-bit conversion; seed 2's values put 97% of the pixels off, squares of 85% of their cell
23%), and the mean difference under 0.25/255.

usage: heatmap_oracle.py SCREENSHOT.png FRAMES [pan-zoom]
"""
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from glumpp_random import uniform  # noqa: E402  (glumpp's RandomGenerator in Python)

N, SIZE = 64, 1024
data = uniform(1, 0, 1, (N, N)).astype(np.float32).astype(np.float64)
image = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
assert image.shape == (SIZE, SIZE, 3), image.shape

frames, gesture = int(sys.argv[2]), sys.argv[3:] == ["pan-zoom"]
zoom, pan = 1.0, np.zeros(2)
for k in range(frames if gesture else 0):
    n = np.array([320 / (SIZE / 2) - 1, 1 - 180 / (SIZE / 2)])
    new_zoom = zoom * 1.01
    pan = n - new_zoom / zoom * (n - pan)
    zoom = new_zoom
    pan = pan + (6 / SIZE, -4 / SIZE)
print(f"zoom {zoom:.5f}, pan ({pan[0]:.5f}, {pan[1]:.5f})")

# Each window pixel's texture coordinates (s right, t down from the quad's top).
centre = np.arange(SIZE) + 0.5
s_coord = ((centre / SIZE * 2 - 1 - pan[0]) / zoom + 1) / 2  # along x
t_coord = (1 - (1 - centre / SIZE * 2 - pan[1]) / zoom) / 2  # along y (rows)
inside = ((s_coord >= 0) & (s_coord < 1))[None, :] & ((t_coord >= 0) & (t_coord < 1))[:, None]
cell = SIZE * zoom / N
px, py = s_coord * SIZE * zoom, t_coord * SIZE * zoom  # v_pixcoord
dx = np.abs(px - (np.floor(px / cell) + 0.5) * cell)
dy = np.abs(py - (np.floor(py / cell) + 0.5) * cell)
d = np.maximum(dx[None, :], dy[:, None]) - 0.9 * cell / 2  # rows: y, columns: x
ix, iy = np.clip(np.floor(s_coord * N).astype(int), 0, N - 1), np.clip(np.floor(t_coord * N).astype(int), 0, N - 1)
v = data[iy][:, ix]
alpha = np.where(d < 0, 1.0, np.exp(-((d + 0.5) ** 2)))
expected = np.where(inside, alpha * v + (1 - alpha) * 1.0, 1.0)
expected = np.clip(np.round(expected * 255), 0, 255)

diff = np.abs(image - expected[:, :, None])
off = int((diff.max(2) > 2).sum())
print(f"pixels off by more than 2/255: {off} of {SIZE * SIZE} (largest {int(diff.max())}), mean difference {diff.mean():.4f}/255")
sys.exit(1 if off > 0 or diff.mean() > 0.25 else 0)
