"""gloo-console's screenshot against glumpy's own (tests/golden/glumpy-gloo-console.png).

  gloo_console_oracle.py OURS.png GLUMPY.png

The texts differ where the programs differ (name and version, backend, frame rate, GL
version), and the glyphs do (glumpy's 6x8 bitmap font, our monospace face), so what must
hold is the console's grid: the same 960x640 window, the same 20-pixel rows inked, each
inked row's ink starting within 2 px of glumpy's column, the three rules (rows of dashes)
in the same rows and of the same length (55 columns: right ends within 12 px, a column)."""
import sys

import numpy as np
from PIL import Image


def rows(path):
    ink = 255 - np.asarray(Image.open(path).convert("L"), dtype=float)
    out = []
    for r in range(ink.shape[0] // 20):
        band = ink[20 * r:20 * r + 20] >= 128
        xs = np.nonzero(band.any(axis=0))[0]
        # dashes: 300+ columns inked (55 dashes: glumpy's touch, ours are half a column) in at most 4 pixel rows
        rule = band.any(axis=0).sum() >= 300 and band.any(axis=1).sum() <= 4
        out.append(None if len(xs) == 0 else (xs.min(), xs.max(), rule))
    return ink.shape, out


def main():
    (shape_a, a), (shape_b, b) = rows(sys.argv[1]), rows(sys.argv[2])
    bad = []
    if shape_a != shape_b:
        bad.append(f"size {shape_a} vs glumpy's {shape_b}")
    for r, (p, q) in enumerate(zip(a, b)):
        if (p is None) != (q is None):
            bad.append(f"row {r}: inked {p is not None}, glumpy's {q is not None}")
        elif p is not None:
            if abs(p[0] - q[0]) > 2:
                bad.append(f"row {r}: ink starts at x = {p[0]}, glumpy's at {q[0]}")
            if p[2] != q[2] or (p[2] and abs(p[1] - q[1]) > 12):
                bad.append(f"row {r}: rule {p[2]} ending at {p[1]}, glumpy's {q[2]} ending at {q[1]}")
    inked = sum(p is not None for p in a)
    print(f"gloo_console_oracle: {inked} rows inked (glumpy: {sum(q is not None for q in b)}), "
          f"{sum(bool(p and p[2]) for p in a)} rules; {len(bad)} differences")
    for m in bad:
        print("gloo_console_oracle: " + m)
    return 1 if bad or inked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
