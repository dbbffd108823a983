"""The plot-stream demo's last frame, computed with NumPy and matplotlib: the oracle for
`oracle_plot-stream` (no glumpy original: glumpy has no streaming plot).

What the demo draws (examples/plot-stream.cpp), restated from its rules:
- 8 series; sample g of series s is float(0.3 sin(2 pi g / (9000 (s + 1))) + 0.12 u), u
  from a xorshift64 (13, 7, 17) seeded 0x9E3779B97F4A7C15 (s + 1), u = (x >> 11) 2^-53 -
  0.5; every 100,000th sample of series 7 is NaN;
- LENGTH samples before the first frame, NEW more after each frame: the last of FRAMES
  frames shows samples [NEW (FRAMES - 1), LENGTH + NEW (FRAMES - 1)), at 600,000 per
  second, the newest at the right edge of the plot rectangle (60, 40, W - 80, H - 60 in GL
  pixels, y up), the oldest at its left; series s in lane s (y from s to s + 1, its
  samples centred at s + 0.5), in matplotlib's tab10 colour s, on white;
- x ticks where matplotlib's AutoLocator puts them for that time range on an axis of
  W - 80 pixels with 12-pixel labels, as 5-pixel marks below the frame.

Checks, each printed with its figure:
- every pixel of series s's colour lies in its column within one pixel of the range its
  samples and the segments into the column span (all columns, all series);
- the lines are there: in each column, the rows between the lowest and highest sample
  strictly inside the column are lit in that colour (at least 95% of them, all series);
- a tick mark (dark pixels) below the frame at each of matplotlib's ticks, and none
  halfway between two ticks.

usage: plot_stream_oracle.py SCREENSHOT.png FRAMES LENGTH NEW
"""
import sys

import numpy as np
from PIL import Image
from matplotlib.ticker import MaxNLocator

TAB10 = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
         (140, 86, 75), (227, 119, 194), (127, 127, 127)]
RATE = 600000.0


def samples(count):
    """The first `count` samples of the 8 series, as the demo makes them."""
    x = np.array([(0x9E3779B97F4A7C15 * (s + 1)) & 0xFFFFFFFFFFFFFFFF for s in range(8)], np.uint64)
    noise = np.empty((8, count))
    for i in range(count):
        x ^= x << np.uint64(13)
        x ^= x >> np.uint64(7)
        x ^= x << np.uint64(17)
        noise[:, i] = (x >> np.uint64(11)).astype(np.float64) * 2.0 ** -53 - 0.5
    g = np.arange(count, dtype=np.float64)
    periods = 9000.0 * (np.arange(8) + 1)
    y = (0.3 * np.sin(2 * np.pi / periods[:, None] * g[None, :]) + 0.12 * noise).astype(np.float32)
    y[7, ::100000] = np.nan
    return y


def main():
    path, frames, length, new = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    image = np.asarray(Image.open(path).convert("RGB")).astype(int)
    H, W = image.shape[:2]
    total = length + new * (frames - 1)
    y = samples(total)[:, total - length:]
    rx, ry, rw, rh = 60, 40, W - 80, H - 60
    # Sample k (0 oldest) at x pixel rx + k / (length - 1) * rw; lane s at y' = y + s + 0.5.
    xpx = rx + np.arange(length) / (length - 1) * rw
    failures = 0
    worst_out, coverage_min = 0.0, 1.0
    for s in range(8):
        ypx = ry + (y[s] + s + 0.5) / 8.0 * rh  # GL pixels, y up
        mask = np.all(np.abs(image - np.array(TAB10[s])) <= 2, axis=2)
        # Inside the frame only: series 7's grey is also the shade of some glyph edges.
        inner = np.zeros_like(mask)
        inner[H - (ry + rh - 1):H - (ry + 1), rx + 1:rx + rw - 1] = True
        mask &= inner
        cols = np.floor(xpx).astype(int)
        outside = 0
        covered, wanted = 0, 0
        for c in range(rx, rx + rw):
            inside = np.nonzero(cols == c)[0]
            if len(inside) == 0:
                continue
            lo_i, hi_i = max(inside[0] - 1, 0), min(inside[-1] + 1, length - 1)
            span = ypx[lo_i:hi_i + 1]
            span = span[np.isfinite(span)]
            lit_rows = np.nonzero(mask[:, c])[0]
            gl_rows = H - 1 - lit_rows  # pixel row r covers [r, r + 1) in GL
            if len(span):
                lo, hi = span.min(), span.max()
                for r in gl_rows:
                    d = max(lo - (r + 1), r - hi, 0.0)
                    worst_out = max(worst_out, d)
                    if d > 1.0:
                        outside += 1
                own = ypx[inside]
                own = own[np.isfinite(own)]
                if len(own):
                    rows = np.arange(int(np.floor(own.min())) + 1, int(np.floor(own.max())))
                    wanted += len(rows)
                    covered += int(np.isin(rows, gl_rows).sum())
            elif len(gl_rows):
                outside += len(gl_rows)
        cover = covered / wanted if wanted else 1.0
        coverage_min = min(coverage_min, cover)
        print("series %d: %d pixels off its samples' range, rows covered %.4f" % (s, outside, cover))
        failures += outside > 0 or cover < 0.95
    print("farthest pixel from its column's range: %.3f px" % worst_out)

    t1 = (total - 1) / RATE
    t0 = t1 - (length - 1) / RATE
    nbins = min(max(int(np.floor(rw / 36.0)), 1), 9)
    ticks = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10], min_n_ticks=2).tick_values(t0, t1)
    ticks = [t for t in ticks if t0 <= t <= t1]
    dark = np.all(image < 100, axis=2)
    marks_row = H - 1 - (ry - 3)  # GL row 37: inside the 5-pixel marks below the frame
    found = 0
    for t in ticks:
        c = rx + (t - t0) / (t1 - t0) * rw
        near = dark[marks_row, max(int(round(c)) - 1, 0):int(round(c)) + 2]
        found += bool(near.any())
    between = 0
    for a, b in zip(ticks, ticks[1:]):
        c = rx + ((a + b) / 2 - t0) / (t1 - t0) * rw
        between += bool(dark[marks_row, int(round(c))])
    print("x ticks %s: %d of %d marks found, %d marks between ticks" % (
        " ".join("%.4g" % t for t in ticks), found, len(ticks), between))
    failures += found != len(ticks) or between != 0 or len(ticks) < 2
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
