"""The galaxy demo against glumpy's own galaxy, statistically: the oracle for
`oracle_galaxy`.

Both galaxies are random (glumpy's draws from an unseeded NumPy, ours from its own seed),
so no pixel can be compared; what the model fixes is how the light is spread over the
distance from the centre, and its colour there. The radial profile is the mean of each
colour channel over rings RING pixels wide around the window's centre, out to the rim,
the background (the corner pixel) subtracted. Both backgrounds are black (glumpy's
window.clear() uses the window's clear colour, not the script's glClearColor(0, 0, 0.03),
and ours follows it); the subtraction keeps the figures about the bodies alone.

The overall brightness is not compared: glumpy draws one brightness for all its dust,
uniform in [0.01, 0.02], so its runs differ by up to 2x in a ring. Two figures that do
not depend on it are:
- the shape: each ring's share of the summed brightness (R + G + B);
- the colour: each channel's share of the ring's R + G + B.
Ours must lie within the range of glumpy's runs (tests/golden/glumpy-galaxy-profiles.csv,
made by tests/tools/glumpy_galaxy_profiles.py from glumpy's galaxy.py at the same size
and frame count), widened by SHAPE_MARGIN (relative) and COLOUR_MARGIN (absolute). Each
of glumpy's runs lies within the widened range of the others (the script checks that
too, with --self-test).

usage: galaxy_oracle.py SCREENSHOT.png GLUMPY_PROFILES.csv
       galaxy_oracle.py --self-test GLUMPY_PROFILES.csv
"""
import sys

import numpy as np
from PIL import Image

RING = 8              # pixels
RIM = 0.9             # profiles out to this fraction of the half-width
SHAPE_MARGIN = 0.15   # a ring's share may be 15% beyond glumpy's range
COLOUR_MARGIN = 0.02  # a channel's share may be 0.02 beyond glumpy's range


def profile(png):
    """(width, height) and the mean R, G, B of each ring, background subtracted."""
    rgb = np.asarray(Image.open(png).convert("RGB"), dtype=float)
    height, width = rgb.shape[:2]
    rgb = rgb - rgb[0, 0]
    y, x = np.mgrid[:height, :width]
    ring = (np.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) // RING).astype(int)
    rings = int(RIM * min(width, height) / 2 / RING)
    return (width, height), np.array([rgb[ring == k].mean(axis=0) for k in range(rings)])


def figures(p):
    """The shape (each ring's share of the brightness) and colour (channel shares) of a profile."""
    total = p.sum(axis=-1)
    return total / total.sum(), p / total[:, None]


def load(csv):
    """glumpy's runs: {run: profile}, and the size they were made at."""
    rows = [line.strip().split(",") for line in open(csv) if line.strip() and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    assert header == ["width", "height", "run", "ring", "r", "g", "b"], header
    size = (int(rows[0][0]), int(rows[0][1]))
    runs = {}
    for row in rows:
        runs.setdefault(int(row[2]), []).append([float(v) for v in row[4:]])
    return size, {k: np.array(v) for k, v in runs.items()}


def compare(name, p, references):
    """Prints the figures of p against the range of the references; returns the failures."""
    shape, colour = figures(p)
    shapes, colours = zip(*(figures(r) for r in references))
    shape_low, shape_high = np.min(shapes, axis=0) * (1 - SHAPE_MARGIN), np.max(shapes, axis=0) * (1 + SHAPE_MARGIN)
    colour_low, colour_high = np.min(colours, axis=0) - COLOUR_MARGIN, np.max(colours, axis=0) + COLOUR_MARGIN
    failures = []
    for k in range(len(p)):
        bad = []
        if not shape_low[k] <= shape[k] <= shape_high[k]:
            bad.append(f"share {shape[k]:.3f} not in [{shape_low[k]:.3f}, {shape_high[k]:.3f}]")
        for c in range(3):
            if not colour_low[k, c] <= colour[k, c] <= colour_high[k, c]:
                bad.append(f"{'RGB'[c]} {colour[k, c]:.3f} not in [{colour_low[k, c]:.3f}, {colour_high[k, c]:.3f}]")
        print(f"  {name} r {RING * k:3d}-{RING * (k + 1):3d}: share {shape[k]:.3f}, RGB {np.round(colour[k], 3)}"
              + (f"  <- {'; '.join(bad)}" if bad else ""))
        failures += [f"ring {k}: {b}" for b in bad]
    return failures


def main():
    if sys.argv[1] == "--self-test":
        _, runs = load(sys.argv[2])
        failures = []
        for k, p in runs.items():
            failures += [f"glumpy run {k}: {f}" for f in compare(f"glumpy run {k}", p, [r for j, r in runs.items() if j != k])]
        print(f"galaxy_oracle: each of glumpy's {len(runs)} runs against the others: {len(failures)} figures out of range")
        if failures:
            sys.exit("galaxy_oracle: FAILED: " + "; ".join(failures[:5]))
        return
    png, csv = sys.argv[1], sys.argv[2]
    size, ours = profile(png)
    glumpy_size, runs = load(csv)
    if size != glumpy_size:
        sys.exit(f"galaxy_oracle: {png} is {size[0]}x{size[1]} but glumpy's profiles are for {glumpy_size[0]}x{glumpy_size[1]}")
    failures = compare("ours", ours, list(runs.values()))
    print(f"galaxy_oracle: ours against the range of glumpy's {len(runs)} runs: {len(failures)} of "
          f"{4 * len(ours)} figures out of range")
    if failures:
        sys.exit("galaxy_oracle: FAILED: our galaxy's light is not spread or coloured as glumpy's: " + "; ".join(failures[:5]))


main()
