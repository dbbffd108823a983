"""A text port's screenshot against glumpy's own screenshot of the same script, line by line.

  glumpy_text_oracle.py OURS.png GLUMPY.png INK(dark|light) MIN_IOU EDGE RIGHT INK_RATIO [MIN_BAND]

Why not pixel for pixel: glumpy lays glyphs out with FreeType's hinted advances (whole
pixels, kerning from the kern table) and, in its 'agg' mode, filters LCD sub-pixels; we
shape with HarfBuzz's unhinted advances (as PIL does, whose drawing our coverage glyphs
match exactly) and draw grayscale. The same text then lies on the same lines, starts at
the same pixel and has the same weight, but a long line may end a pixel or few apart.
What must hold, per line of text (bands of rows inked in either picture, split by blank
rows): the ink's left, top and bottom edges within EDGE pixels of glumpy's, its right edge
within RIGHT pixels, its ink (summed coverage) within INK_RATIO of glumpy's (0.15: 85% to
115%) for lines at least MIN_BAND rows tall (default 0: all; glumpy's LCD filter halves
the ink of its smallest 'agg' sizes); over the picture, mask IoU (coverage >= 1/2) >= MIN_IOU. INK: whether the text is
dark on light (ink = 255 - gray) or light on dark."""
import sys

import numpy as np
from PIL import Image


def bands(mask):
    rows = mask.any(axis=1)
    y, n = 0, len(rows)
    while y < n:
        if not rows[y]:
            y += 1
            continue
        s = y
        while y < n and rows[y]:
            y += 1
        yield s, y


def box(ink):
    ys, xs = np.nonzero(ink >= 64)
    if len(xs) == 0:
        return None
    return xs.min(), ys.min(), xs.max(), ys.max()


def main():
    ours_path, glumpy_path, kind, min_iou, edge, right, ink_ratio = sys.argv[1:8]
    min_iou, edge, right, ink_ratio = float(min_iou), float(edge), float(right), float(ink_ratio)
    min_band = int(sys.argv[8]) if len(sys.argv) > 8 else 0
    gray = [np.asarray(Image.open(p).convert("L"), dtype=float) for p in (ours_path, glumpy_path)]
    if gray[0].shape != gray[1].shape:
        print(f"glumpy_text_oracle: sizes differ: {gray[0].shape} vs glumpy's {gray[1].shape}")
        return 1
    ours, theirs = [(255 - g) if kind == "dark" else g for g in gray]
    a, b = ours >= 128, theirs >= 128
    iou = (a & b).sum() / max(1, (a | b).sum())
    failures, worst = [], [0.0, 0.0, 0.0]
    lines = list(bands((ours >= 64) | (theirs >= 64)))
    for s, e in lines:
        p, q = box(ours[s:e]), box(theirs[s:e])
        if p is None or q is None:
            failures.append(f"rows {s}-{e}: ink in one picture only")
            continue
        d_edge = max(abs(p[0] - q[0]), abs(p[1] - q[1]), abs(p[3] - q[3]))
        d_right = abs(p[2] - q[2])
        ratio = ours[s:e].sum() / theirs[s:e].sum() if e - s >= min_band else 1.0
        worst = [max(worst[0], d_edge), max(worst[1], d_right), max(worst[2], abs(ratio - 1))]
        if d_edge > edge or d_right > right or abs(ratio - 1) > ink_ratio:
            failures.append(f"rows {s}-{e}: box {p} vs glumpy's {q}, ink {ratio:.3f} of glumpy's")
    print(f"glumpy_text_oracle: {len(lines)} lines; mask IoU {iou:.3f}; worst line: left/top/bottom off by "
          f"{worst[0]:.0f} px, right by {worst[1]:.0f} px, ink off by {100 * worst[2]:.1f}%")
    for f in failures:
        print("glumpy_text_oracle: " + f)
    if iou < min_iou:
        print(f"glumpy_text_oracle: IoU {iou:.3f} < {min_iou}")
    return 0 if not failures and iou >= min_iou else 1


if __name__ == "__main__":
    sys.exit(main())
