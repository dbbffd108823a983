"""The `text` tool's screenshot against PIL's ImageFont drawing of the same string, font
file, pixel size and baseline start (FreeType's own rasterizer; HarfBuzz through libraqm).

  text_oracle.py SCREENSHOT.png FONT_FILE PIXEL_SIZE X Y TEXT [MIN_IOU [MAX_OFFSET]]

Ink is 255 - red (black on white). Compared: the masks at half coverage (IoU >= MIN_IOU,
default 0.95) and the ink-weighted centroid of each run of inked columns (a glyph, or
touching glyphs): each within MAX_OFFSET pixels (default 1) of PIL's."""
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont, features


def clusters(a, b):
    inked = (a + b).sum(axis=0) > 0
    x, n = 0, a.shape[1]
    while x < n:
        if not inked[x]:
            x += 1
            continue
        s = x
        while x < n and inked[x]:
            x += 1
        yield s, x


def main():
    shot, font, size, x, y, text = sys.argv[1:7]
    min_iou = float(sys.argv[7]) if len(sys.argv) > 7 else 0.95
    max_offset = float(sys.argv[8]) if len(sys.argv) > 8 else 1.0
    if not features.check("raqm"):
        print("text_oracle: PIL has no libraqm (no HarfBuzz layout): cannot compare")
        return 1
    ours = 255.0 - np.asarray(Image.open(shot).convert("RGB"), dtype=float)[:, :, 0]
    h, w = ours.shape
    img = Image.new("L", (w, h), 0)
    ImageDraw.Draw(img).text((int(x), int(y)), text, font=ImageFont.truetype(font, int(size)), fill=255, anchor="ls")
    pil = np.asarray(img, dtype=float)
    a, b = ours >= 128, pil >= 128
    iou = (a & b).sum() / max(1, (a | b).sum())
    worst = 0.0
    ys, xs = np.mgrid[0:h, 0:w]
    for s, e in clusters(ours, pil):
        m0, m1 = ours[:, s:e].sum(), pil[:, s:e].sum()
        if m0 < 255 or m1 < 255:
            worst = max(worst, 99.0 if m0 + m1 > 4 * 255 else 0.0)
            continue
        for grid in (xs, ys):
            worst = max(worst, abs((ours[:, s:e] * grid[:, s:e]).sum() / m0 - (pil[:, s:e] * grid[:, s:e]).sum() / m1))
    print(f"text_oracle: {text!r} {font.rsplit('/', 1)[-1]} {size} px at ({x}, {y}): ink IoU {iou:.3f}, "
          f"a glyph cluster's centroid off by {worst:.2f} px (ink {ours.sum() / max(1, pil.sum()):.3f} of PIL's)")
    ok = iou >= min_iou and worst <= max_offset and b.sum() > 20
    if not ok:
        print(f"text_oracle: FAILED (IoU >= {min_iou} and offsets <= {max_offset} px required)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
