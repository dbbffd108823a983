"""snippet-grids' picture, checked for what must hold whatever its random data: the
oracle for `oracle_snippet-grids` (glumpy's own script does not link in glumpy 1.2.1, and
its data are random: there is no picture of glumpy's to compare with).

What the demo draws (examples/snippet-grids.cpp), restated from glumpy's script: 320
signals in 16 rows x 20 columns of cells over the window (signal s in column s % 20, row
s // 20 from the bottom); cell (row, col) is centred at NDC (-1 + (col + 0.5) * 2/20,
-1 + (row + 0.5) * 2/16); a sample (x, y), x in [-1, 1], y in [-0.5, 0.5), lies at
centre + (0.95/20 * x, 0.95/16 * y); fragments with |x| > 0.95 and those between two
signals are discarded; each signal has one opaque colour, each channel in [0.5, 0.9].

Checks, each printed with its figure:
- every lit pixel lies in a cell's box (x within 0.95 of the cell's half width, y within
  its half height, one pixel of rasterization slack): no line joins two signals;
- every cell holds one colour, each channel within [0.5, 0.9] * 255 (1/255 for rounding);
- every signal is drawn: lit pixels in at least 95% of the pixel columns of its box, and
  its trace spans at least 70% of the box's height (1000 uniform samples over it).

usage: snippet_grids_oracle.py SCREENSHOT.png
"""
import sys

import numpy as np
from PIL import Image

ROWS, COLS = 16, 20
image = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
height, width, _ = image.shape
lit = image.max(2) > 0

owner = np.full((height, width), -1)
failed = False
short_columns, short_spans, colours_bad = [], [], []
for row in range(ROWS):
    for col in range(COLS):
        cx, cy = -1 + (col + 0.5) * 2 / COLS, -1 + (row + 0.5) * 2 / ROWS
        hx, hy = 0.95 / COLS * 0.95, 0.95 / ROWS * 0.5
        left, right = (cx - hx + 1) / 2 * width, (cx + hx + 1) / 2 * width
        top, bottom = (1 - (cy + hy)) / 2 * height, (1 - (cy - hy)) / 2 * height
        c0, c1 = int(np.floor(left - 1)), int(np.ceil(right + 1))
        r0, r1 = int(np.floor(top - 1)), int(np.ceil(bottom + 1))
        owner[max(r0, 0):r1, max(c0, 0):c1] = row * COLS + col
        box = lit[max(r0, 0):r1, max(c0, 0):c1]
        colours = np.unique(image[max(r0, 0):r1, max(c0, 0):c1][box], axis=0)
        if len(colours) != 1 or colours.min() < 127 or colours.max() > 230:
            colours_bad.append((row, col, colours[:3].tolist()))
        inner = lit[max(r0, 0):r1, int(np.ceil(left)):int(np.floor(right))]
        covered = inner.any(0).mean()
        if covered < 0.95:
            short_columns.append((row, col, round(covered, 3)))
        rows_lit = np.nonzero(box.any(1))[0]
        span = (rows_lit.max() - rows_lit.min() + 1) / (bottom - top) if len(rows_lit) else 0
        if span < 0.7:
            short_spans.append((row, col, round(span, 3)))
outside = int((lit & (owner < 0)).sum())
print(f"lit pixels: {int(lit.sum())}, outside every cell's box: {outside}")
print(f"cells not one colour in [127, 230]: {len(colours_bad)} {colours_bad[:3]}")
print(f"cells with under 95% of their columns lit: {len(short_columns)} {short_columns[:3]}")
print(f"cells whose trace spans under 70% of their height: {len(short_spans)} {short_spans[:3]}")
failed = outside > 0 or colours_bad or short_columns or short_spans or not lit.any()
sys.exit(1 if failed else 0)
