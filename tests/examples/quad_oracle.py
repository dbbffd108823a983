"""The quad demo's picture, computed without GL: the oracle for `oracle_quad`.

The demo draws a triangle strip over the whole window, v0 (-1,-1) yellow, v1 (-1,+1) red,
v2 (+1,-1) blue, v3 (+1,+1) green, with colours interpolated linearly (w = 1, so
perspective-correct interpolation is linear). The strip's triangles are (v0, v1, v2) below
the diagonal x + y = 0 and (v1, v2, v3) above it; both give the same colour on it. Each
pixel is sampled at its centre and stored as round(255 * c), as GL's unorm conversion does.

usage: quad_oracle.py WIDTH HEIGHT OUT.png
"""
import sys

import numpy as np
from PIL import Image

width, height, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
x = (np.arange(width) + 0.5) / width * 2 - 1
y = 1 - (np.arange(height) + 0.5) / height * 2  # row 0 is the top of the image
X, Y = np.meshgrid(x, y)
c0, c1, c2, c3 = (np.array(c, float) for c in ([1, 1, 0, 1], [1, 0, 0, 1], [0, 0, 1, 1], [0, 1, 0, 1]))

s, t = (X + 1) / 2, (Y + 1) / 2                      # lower triangle: v0 + s (v2 - v0) + t (v1 - v0)
lower = c0 * (1 - s - t)[..., None] + c2 * s[..., None] + c1 * t[..., None]
u, v = (1 - X) / 2, (1 - Y) / 2                      # upper triangle: v3 + u (v1 - v3) + v (v2 - v3)
upper = c3 * (1 - u - v)[..., None] + c1 * u[..., None] + c2 * v[..., None]
rgba = np.where((X + Y <= 0)[..., None], lower, upper)
Image.fromarray(np.rint(np.clip(rgba, 0, 1) * 255).astype(np.uint8), "RGBA").save(out)
