"""A port's screenshot against glumpy's own screenshot of the same script, where the two
may differ only on edges.

  glumpy_edges_oracle.py OURS.png GLUMPY.png MAX_OFF_EDGE MAX_SHADED

Where a picture is glumpy's up to rasterization (a nearest-sampled texture's squares, a
smoothed line: GL's sub-pixel rounding puts an edge pixel on either side), compare_images'
0.5% of differing pixels is too tight for a 1200x1200 checkerboard and too loose for a
wrong shading. What must hold here: every pixel that differs by more than 8/255 in a
channel lies on an edge of glumpy's picture (within 1 px of a pair of neighbours differing
by more than 24/255), but for at most MAX_OFF_EDGE of all pixels; and off the edges, at
most MAX_SHADED of the pixels glumpy drew (not its background, the top-left pixel's
colour) differ by more than 2/255: the shading, which a light or a height off by a few
percent changes by less than 8/255. The figures are printed either way."""
import sys

import numpy as np
from PIL import Image


def main():
    ours_path, glumpy_path = sys.argv[1:3]
    max_off, max_shaded = float(sys.argv[3]), float(sys.argv[4])
    a = np.asarray(Image.open(ours_path).convert("RGB"), dtype=int)
    b = np.asarray(Image.open(glumpy_path).convert("RGB"), dtype=int)
    if a.shape != b.shape:
        print(f"glumpy_edges_oracle: sizes differ: {a.shape} vs glumpy's {b.shape}")
        return 1
    d = np.abs(a - b).max(axis=2)
    differ = d > 8
    edge = np.zeros(d.shape, bool)
    gx = np.abs(b[:, 1:] - b[:, :-1]).max(axis=2) > 24
    gy = np.abs(b[1:] - b[:-1]).max(axis=2) > 24
    edge[:, 1:] |= gx
    edge[:, :-1] |= gx
    edge[1:] |= gy
    edge[:-1] |= gy
    near = edge.copy()
    near[1:] |= edge[:-1]
    near[:-1] |= edge[1:]
    near[:, 1:] |= edge[:, :-1]
    near[:, :-1] |= edge[:, 1:]
    off = (differ & ~near).sum() / d.size
    drawn = ~near & (np.abs(b - b[0, 0]).max(axis=2) > 2)
    shaded = (d[drawn] > 2).sum() / max(1, drawn.sum())
    print(f"glumpy_edges_oracle: {differ.sum()} of {d.size} pixels differ ({100 * differ.mean():.3f}%), "
          f"{100 * off:.4f}% off glumpy's edges (<= {100 * max_off:.4f}%); off the edges, {100 * shaded:.2f}% of "
          f"glumpy's drawn pixels differ by more than 2/255 (<= {100 * max_shaded:.2f}%); "
          f"mean absolute difference {np.abs(a - b).mean():.4f}")
    return 0 if off <= max_off and shaded <= max_shaded else 1


if __name__ == "__main__":
    sys.exit(main())
