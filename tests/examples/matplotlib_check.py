"""What must hold of a matplotlib-N port against glumpy's own screenshot of the script.

usage: matplotlib_check.py OURS.png GLUMPY.png MODE

glumpy's data is random (np.random, unseeded), so the pictures cannot match pixel for
pixel. Both are measured the same way and compared:
  - the axes' faces: the box of pixels that are not the figure's grey (242), per axes,
    equal to the pixel, and the face colour (the box's median) within 1 of 255;
  - the ink (darkness under the face colour, as a weight in [0, 1]) inside each box: its
    centroid within 4 pixels of glumpy's, its standard deviation along x and y within 5%
    (10,000 points: the deviation's own sampling error is about 0.7%);
  - the ink's amount: within 0.85..1.2 of glumpy's (the ports draw glumpy's size-3 dots
    with their halo as 4.1-pixel ones: measured 1.06 to 1.13; at size 3, 0.65 to 0.73).
MODE "1": two axes side by side (matplotlib-1).

MODE "lines" (matplotlib-3: glumpy's data, not random, but strokes antialiased by another
profile: glumpy's 1-pixel agg paths are lighter than ours): one axes' face box and colour
as above, and the ink (pixels more than 48 levels, summed over RGB, from the face colour)
where glumpy's is: at least 99.9% of each picture's ink within 1 pixel of the other's
(measured: 99.98% and 100%; at 0 pixels 96.9%), the darkness' total within 0.8..1.25 of
glumpy's (measured 1.09).
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


def dilate(m, r):
    out = m.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            out |= np.roll(np.roll(m, dy, 0), dx, 1)
    return out


def lines(ours, theirs):
    fo, ft = faces(ours, 1)[0], faces(theirs, 1)[0]
    print(f"face box ours {fo}, glumpy's {ft}")
    ok = fo == ft
    x0, y0, x1, y1 = ft
    face_o = np.median(ours[y0:y1 + 1, x0:x1 + 1].reshape(-1, 3), 0)
    face_t = np.median(theirs[y0:y1 + 1, x0:x1 + 1].reshape(-1, 3), 0)
    print(f"face colour ours {face_o}, glumpy's {face_t}")
    ok &= bool(np.abs(face_o - face_t).max() <= 1)
    mo = np.abs(ours - face_t).sum(2) > 48
    mt = np.abs(theirs - face_t).sum(2) > 48
    near_t = (mt & dilate(mo, 1)).sum() / mt.sum()
    near_o = (mo & dilate(mt, 1)).sum() / mo.sum()
    print(f"ink within 1 px of the other's: glumpy's {100 * near_t:.3f}%, ours {100 * near_o:.3f}% "
          f"({mt.sum()} and {mo.sum()} pixels)")
    ok &= near_t >= 0.999 and near_o >= 0.999
    dark = lambda img: np.clip(face_t.mean() - img.mean(2), 0, None).sum()
    ratio = dark(ours) / dark(theirs)
    print(f"darkness ours / glumpy's: {ratio:.3f}")
    ok &= 0.8 <= ratio <= 1.25
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


def main():
    ours, theirs, mode = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
    ok = ours.shape == theirs.shape
    print(f"size: ours {ours.shape[1]}x{ours.shape[0]}, glumpy's {theirs.shape[1]}x{theirs.shape[0]}")
    if not ok:
        return 1
    if mode == "lines":
        return lines(ours, theirs)
    halves = 2
    fo, ft = faces(ours, halves), faces(theirs, halves)
    for k in range(halves):
        print(f"axes {k}: face box ours {fo[k]}, glumpy's {ft[k]}")
        ok &= fo[k] == ft[k]
        a, b = ink(ours, ft[k]), ink(theirs, ft[k])
        print(f"  face colour ours {a[0]}, glumpy's {b[0]}")
        ok &= bool(np.abs(a[0] - b[0]).max() <= 1)
        print(f"  ink ours {a[1]:.0f}, glumpy's {b[1]:.0f} (ratio {a[1] / b[1]:.3f})")
        ok &= 0.85 <= a[1] / b[1] <= 1.2
        print(f"  centroid ours ({a[2]:.1f}, {a[3]:.1f}), glumpy's ({b[2]:.1f}, {b[3]:.1f})")
        ok &= abs(a[2] - b[2]) <= 4 and abs(a[3] - b[3]) <= 4
        print(f"  deviation ours ({a[4]:.1f}, {a[5]:.1f}), glumpy's ({b[4]:.1f}, {b[5]:.1f})")
        ok &= abs(a[4] / b[4] - 1) <= 0.05 and abs(a[5] / b[5] - 1) <= 0.05
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
