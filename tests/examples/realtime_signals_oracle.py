"""The realtime-signals demo's polylines after N frames, computed with NumPy: the oracle
for `oracle_realtime-signals`.

What the demo draws (examples/realtime-signals.cpp), restated from its rules, not from its
output:
- 32 signals of 1000 samples in a 4 x 8 grid of cells (signal s in column s % 4, row
  s / 4 from the bottom). Sample t of signal s is v = 0.9 v + 0.1 sin(0.02 t (1 + 0.1 s) +
  0.37 s) + noise, plotted as clamp(1.2 v, -1, 1), in float; the noise is
  std::normal_distribution<float>(0, 0.08) over std::mt19937(3), one draw per signal per
  sample, signals in order. libstdc++ (Debian 12's GCC) draws normals by Marsaglia's polar
  method in float (two uniforms u = float(w) / 2^32 per try, x = 2u - 1 first, y second,
  rejected while x^2 + y^2 > 1 or = 0; it returns y m, then x m from the same try, with
  m = sqrt(-2 log(r2) / r2)); the words come from NumPy's RandomState(3) (MT19937 seeded
  by init_genrand, as std::mt19937(3) is);
- 1000 samples (t = 0..999) before the first frame, one more per frame, into a ring: the
  newest sample at the right of its cell, the oldest at the left; a sample at x in [0, 1]
  (oldest to newest) and value y lies at (0.05 + 0.9 x, 0.5 + 0.4 y) of its cell;
- each signal a polyline in (0.2 + 0.8 fract(0.618 s), 0.8, 0.4) on black; no segment
  joins two signals, nor the newest sample to the oldest.

Checks, each printed with its figure:
- every lit pixel has the colour of the signal whose cell it lies in (within 1/255);
- every lit pixel's centre lies within 0.6 pixel of its signal's polyline (a 6% smaller
  noise, 0.075, moved some by up to 0.96 pixel);
- the polylines are covered: at points every quarter pixel along each segment, at least
  99.5% have a lit pixel of their signal among the 3 x 3 pixels around them.

usage: realtime_signals_oracle.py SCREENSHOT.png FRAMES
"""
import sys

import numpy as np
from PIL import Image

f32 = np.float32
COLUMNS, ROWS, SAMPLES = 4, 8, 1000
SIGNALS = COLUMNS * ROWS
# A line rasterized by GL's diamond-exit rule lights pixels whose centre is within half a
# pixel of it along its minor axis, so within half a pixel of it; 0.1 more for rounding.
FAR = 0.6


class Normal:
    """std::normal_distribution<float>(0, stddev) over std::mt19937(seed), as libstdc++ 12."""

    def __init__(self, seed, stddev, words):
        # The words drawn at once (RandomState hands out the same sequence in one call as in
        # many); a run needing more than `words` fails on the index.
        self.words = np.random.RandomState(seed).randint(0, 2**32, size=words, dtype=np.uint64).astype(np.float32)
        self.next, self.stddev, self.saved = 0, f32(stddev), None

    def uniform(self):
        u = self.words[self.next] / f32(2.0**32)
        self.next += 1
        return np.nextafter(f32(1), f32(0)) if u >= f32(1) else u

    def __call__(self):
        if self.saved is not None:
            ret, self.saved = self.saved, None
        else:
            while True:
                x = f32(f32(2) * self.uniform() - f32(1))
                y = f32(f32(2) * self.uniform() - f32(1))
                r2 = f32(x * x + y * y)
                if not (r2 > 1 or r2 == 0):
                    break
            mult = np.sqrt(f32(f32(-2) * np.log(r2)) / r2)
            self.saved, ret = f32(x * mult), f32(y * mult)
        return f32(ret * self.stddev)


def signals(frames):
    # Each pair of normals takes 2 words per try, 4/pi tries on average: 1.5 words per draw
    # with a margin.
    noise = Normal(3, 0.08, words=2 * SIGNALS * (SAMPLES + frames) + 10000)
    s = np.arange(SIGNALS, dtype=np.float32)
    phase = f32(0.37) * s
    value = np.zeros(SIGNALS, np.float32)
    y = np.zeros((SIGNALS, SAMPLES), np.float32)
    newest = SAMPLES - 1
    for t in range(SAMPLES + frames):
        newest = (newest + 1) % SAMPLES
        draws = np.array([noise() for _ in range(SIGNALS)], np.float32)
        value = f32(0.9) * value + f32(0.1) * np.sin(f32(0.02) * f32(t) * (f32(1) + f32(0.1) * s) + phase) + draws
        y[:, newest] = np.clip(value * f32(1.2), -1, 1)
    # In drawing order, oldest first.
    return np.roll(y, -(newest + 1), axis=1)


def main():
    png, frames = sys.argv[1], int(sys.argv[2])
    rgb = np.asarray(Image.open(png).convert("RGB"), dtype=float)
    height, width = rgb.shape[:2]
    y = signals(frames)
    x = np.arange(SAMPLES) / (SAMPLES - 1)
    cell_w, cell_h = width / COLUMNS, height / ROWS
    lit = rgb.max(axis=-1) > 3
    rows, cols = np.nonzero(lit)
    px, py = cols + 0.5, height - rows - 0.5  # window coordinates, from the bottom
    owner = np.clip((py // cell_h).astype(int), 0, ROWS - 1) * COLUMNS + np.clip((px // cell_w).astype(int), 0, COLUMNS - 1)
    failures = []
    nearest_max = 0.0
    far_total = wrong_colour_total = covered_total = samples_total = 0
    for s in range(SIGNALS):
        red = f32(0.2) + f32(0.8) * (f32(s) * f32(0.618) % f32(1))
        colour = np.array([red, 0.8, 0.4]) * 255
        cx, cy = s % COLUMNS, s // COLUMNS
        vx = (cx + 0.05 + 0.9 * x) * cell_w
        vy = (cy + 0.5 + 0.4 * y[s].astype(float)) * cell_h
        a = np.stack([vx[:-1], vy[:-1]], -1)
        b = np.stack([vx[1:], vy[1:]], -1)
        mine = owner == s
        p = np.stack([px[mine], py[mine]], -1)
        wrong_colour_total += (np.abs(rgb[rows[mine], cols[mine]] - colour).max(axis=-1) > 1).sum()
        # Distance from each lit pixel's centre to the nearest segment. x grows along the
        # polyline, so only the segments starting less than 1.5 pixels to the left of the
        # pixel or after it, up to 1.5 pixels to its right, can be within 1 pixel of it.
        ab = b - a
        window = int(np.ceil(3 / (vx[1] - vx[0]))) + 2
        first = np.clip(np.searchsorted(vx, p[:, 0] - 1.5) - 1, 0, len(a) - window)
        i = first[:, None] + np.arange(window)[None]
        t = np.clip(((p[:, None, :] - a[i]) * ab[i]).sum(-1) / (ab[i] * ab[i]).sum(-1), 0, 1)
        d = np.hypot(*np.moveaxis(p[:, None, :] - (a[i] + t[..., None] * ab[i]), -1, 0)).min(axis=1)
        far_total += (d > FAR).sum()
        nearest_max = max(nearest_max, d.max())
        # Coverage: points along each segment, a lit pixel of this signal 3 x 3 around.
        mask = np.zeros((height + 2, width + 2), bool)
        mask[rows[mine] + 1, cols[mine] + 1] = True
        steps = np.maximum(1, np.ceil(np.hypot(ab[:, 0], ab[:, 1]) * 4)).astype(int)
        k = np.repeat(np.arange(len(a)), steps)
        frac = (np.arange(steps.sum()) - np.repeat(np.cumsum(steps) - steps, steps)) / np.repeat(steps, steps)
        q = a[k] + frac[:, None] * ab[k]
        qc, qr = q[:, 0].astype(int), (height - q[:, 1]).astype(int)
        near = np.zeros(len(q), bool)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                near |= mask[np.clip(qr + dy, -1, height) + 1, np.clip(qc + dx, -1, width) + 1]
        covered_total += near.sum()
        samples_total += len(q)
    print(f"realtime_signals_oracle: {width}x{height}, {SAMPLES + frames} samples per signal: {lit.sum()} lit pixels, "
          f"{wrong_colour_total} of another colour, {far_total} farther than {FAR} pixel from their polyline "
          f"(the farthest {nearest_max:.3f}); "
          f"{covered_total} of {samples_total} points along the polylines covered "
          f"({100 * covered_total / samples_total:.2f}%)")
    if wrong_colour_total:
        failures.append(f"{wrong_colour_total} lit pixels not of their cell's signal colour")
    if far_total:
        failures.append(f"{far_total} lit pixels farther than {FAR} pixel from their signal's polyline")
    if covered_total < 0.995 * samples_total:
        failures.append(f"only {100 * covered_total / samples_total:.2f}% of the polylines covered (< 99.5%)")
    if failures:
        sys.exit("realtime_signals_oracle: FAILED: " + "; ".join(failures))


main()
