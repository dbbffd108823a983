"""A port's screenshot against glumpy's own screenshot of the same script, by where the ink
lies (for pictures that cannot match pixel for pixel: text shaped by HarfBuzz against
glumpy's FreeType layout, lines antialiased by other shaders).

  glumpy_ink_oracle.py OURS.png GLUMPY.png INK(dark|light) RADIUS MIN_NEAR INK_RATIO TILE MIN_CORR [BOX_RATIO X0,Y0,X1,Y1 ...]

What must hold: (1) near: at least MIN_NEAR of our inked pixels (ink >= 1/2) lie within
RADIUS pixels of one of glumpy's (ink >= 1/4), and the same the other way; (2) the summed
ink is within INK_RATIO of glumpy's (0.05: 95% to 105%); (3) the ink of TILE x TILE tiles
correlates with glumpy's with a Pearson coefficient >= MIN_CORR (the same ink in the same
places at the scale of a few glyphs). INK: dark on light (ink = 255 - gray) or light on
dark. The figures are printed either way.

Boxes (optional: pixel rectangles, row 0 on top, X1 and Y1 excluded): where a small share of
the ink must hold on its own, as the labels of lorenz and spiral (a few % of their ink,
which the whole picture's figures would barely see go missing). In each box (1) holds, and
its summed ink is within BOX_RATIO of glumpy's."""
import sys

import numpy as np
from PIL import Image


def dilate(mask, radius):
    """Pixels within `radius` (Euclidean) of a set pixel."""
    out = mask.copy()
    h, w = mask.shape
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if dx * dx + dy * dy > radius * radius or (dx == 0 and dy == 0):
                continue
            src = mask[max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)]
            out[max(0, dy):h - max(0, -dy), max(0, dx):w - max(0, -dx)] |= src
    return out


def main():
    ours_path, glumpy_path, kind = sys.argv[1:4]
    radius, min_near, ink_ratio, tile, min_corr = int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8])
    gray = [np.asarray(Image.open(p).convert("L"), dtype=float) for p in (ours_path, glumpy_path)]
    if gray[0].shape != gray[1].shape:
        print(f"glumpy_ink_oracle: sizes differ: {gray[0].shape} vs glumpy's {gray[1].shape}")
        return 1
    ours, theirs = [(255 - g) / 255 if kind == "dark" else g / 255 for g in gray]
    a, b = ours >= 0.5, theirs >= 0.5
    near_ours = (a & dilate(theirs >= 0.25, radius)).sum() / max(1, a.sum())
    near_theirs = (b & dilate(ours >= 0.25, radius)).sum() / max(1, b.sum())
    ratio = ours.sum() / max(1e-9, theirs.sum())
    h, w = ours.shape
    th, tw = h // tile, w // tile
    ta = ours[:th * tile, :tw * tile].reshape(th, tile, tw, tile).sum(axis=(1, 3)).ravel()
    tb = theirs[:th * tile, :tw * tile].reshape(th, tile, tw, tile).sum(axis=(1, 3)).ravel()
    corr = float(np.corrcoef(ta, tb)[0, 1]) if ta.std() > 0 and tb.std() > 0 else 0.0
    iou = (a & b).sum() / max(1, (a | b).sum())
    print(f"glumpy_ink_oracle: within {radius} px: ours {near_ours:.4f}, glumpy's {near_theirs:.4f} (>= {min_near}); "
          f"ink ratio {ratio:.4f} (within {ink_ratio}); {tile}-px tiles' correlation {corr:.4f} (>= {min_corr}); "
          f"mask IoU {iou:.3f} (not checked)")
    ok = min(near_ours, near_theirs) >= min_near and abs(ratio - 1) <= ink_ratio and corr >= min_corr
    if len(sys.argv) > 9:
        box_ratio = float(sys.argv[9])
        near_a, near_b = a & dilate(theirs >= 0.25, radius), b & dilate(ours >= 0.25, radius)
        for box in sys.argv[10:]:
            x0, y0, x1, y1 = (int(v) for v in box.split(","))
            sa, sb = a[y0:y1, x0:x1].sum(), b[y0:y1, x0:x1].sum()
            na = near_a[y0:y1, x0:x1].sum() / max(1, sa)
            nb = near_b[y0:y1, x0:x1].sum() / max(1, sb)
            r = ours[y0:y1, x0:x1].sum() / max(1e-9, theirs[y0:y1, x0:x1].sum())
            print(f"glumpy_ink_oracle: box {box}: within {radius} px: ours {na:.4f}, glumpy's {nb:.4f} (>= {min_near}); "
                  f"ink ratio {r:.4f} (within {box_ratio})")
            ok = ok and sb > 0 and min(na, nb) >= min_near and abs(r - 1) <= box_ratio
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
