"""What must hold of a matplotlib-N port against glumpy's own screenshot of the script.

usage: matplotlib_check.py OURS.png GLUMPY.png MODE

glumpy's data is random (np.random, unseeded), so the pictures cannot match pixel for
pixel. Both are measured the same way and compared:
  - the axes' faces: the box of pixels that are not the figure's grey (242), per axes,
    equal to the pixel, and the face colour (the box's median) within 1 of 255;
  - the ink (darkness under the face colour, as a weight in [0, 1]) inside each box: its
    centroid within 4 pixels of glumpy's, its standard deviation along x and y within 5%
    (10,000 points: the deviation's own sampling error is about 0.7%);
  - the ink's amount, reported (glumpy's agg points carry an exp(-d^2) halo that ours,
    linear over one pixel, do not): ours must hold between 0.5 and 1.2 of glumpy's.
MODE "1": two axes side by side (matplotlib-1). MODE "3": one axes (matplotlib-3).
"""
import sys

import numpy as np
from PIL import Image


def load(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(float)


def faces(img, halves):
    grey = np.abs(img - 242).sum(2) <= 3
    out = []
    w = img.shape[1] // halves
    for k in range(halves):
        m = ~grey[:, k * w:(k + 1) * w]
        ys, xs = np.nonzero(m)
        out.append((xs.min() + k * w, ys.min(), xs.max() + k * w, ys.max()))
    return out


def ink(img, box):
    x0, y0, x1, y1 = box
    p = img[y0:y1 + 1, x0:x1 + 1]
    face = np.median(p.reshape(-1, 3), 0)
    lum = p.mean(2)
    dark = np.clip((face.mean() - lum) / face.mean(), 0, 1)
    ys, xs = np.mgrid[0:p.shape[0], 0:p.shape[1]]
    w = dark.sum()
    cx, cy = (xs * dark).sum() / w, (ys * dark).sum() / w
    sx = np.sqrt(((xs - cx) ** 2 * dark).sum() / w)
    sy = np.sqrt(((ys - cy) ** 2 * dark).sum() / w)
    return face, w, cx, cy, sx, sy


def main():
    ours, theirs, mode = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
    ok = ours.shape == theirs.shape
    print(f"size: ours {ours.shape[1]}x{ours.shape[0]}, glumpy's {theirs.shape[1]}x{theirs.shape[0]}")
    if not ok:
        return 1
    halves = 2 if mode == "1" else 1
    fo, ft = faces(ours, halves), faces(theirs, halves)
    for k in range(halves):
        print(f"axes {k}: face box ours {fo[k]}, glumpy's {ft[k]}")
        ok &= fo[k] == ft[k]
        a, b = ink(ours, ft[k]), ink(theirs, ft[k])
        print(f"  face colour ours {a[0]}, glumpy's {b[0]}")
        ok &= bool(np.abs(a[0] - b[0]).max() <= 1)
        print(f"  ink ours {a[1]:.0f}, glumpy's {b[1]:.0f} (ratio {a[1] / b[1]:.3f})")
        ok &= 0.5 <= a[1] / b[1] <= 1.2
        print(f"  centroid ours ({a[2]:.1f}, {a[3]:.1f}), glumpy's ({b[2]:.1f}, {b[3]:.1f})")
        ok &= abs(a[2] - b[2]) <= 4 and abs(a[3] - b[3]) <= 4
        print(f"  deviation ours ({a[4]:.1f}, {a[5]:.1f}), glumpy's ({b[4]:.1f}, {b[5]:.1f})")
        ok &= abs(a[4] / b[4] - 1) <= 0.05 and abs(a[5] / b[5] - 1) <= 0.05
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
