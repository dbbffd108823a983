"""What must hold for the ports of glumpy's scale and polar examples, against glumpy.

    scales_check.py OURS.png curves GLUMPY.png      transform-linear-log-scale (glumpy's data)
    scales_check.py OURS.png xy GLUMPY-256.png      random scatter: ink along x and along y
    scales_check.py OURS.png radial GLUMPY-256.png  random scatter about the centre
    scales_check.py OURS.png log-scale              glumpy cannot run it: the distribution
                                                    glumpy's parameters imply, in closed form

glumpy's data is unseeded random (np.random) in all but transform-linear-log-scale, so a
port cannot match its pixels: what must match is where the ink goes. Ink is 1 - grey on
the white window; the references are glumpy's own screenshots (run_example.py, 1024x1024),
the random ones reduced to 256x256 by 4x4 box averages (ink is kept), ours reduced alike.
The test: the Kolmogorov-Smirnov distance between ours and glumpy's ink distributions
(along x and y, or the radius and the angle) at most KS_MAX. For 10,000 points the 99%
critical KS distance of two independent samples is 1.63 sqrt(2 / 10000) = 0.023; ink
weighting and dot overlap (glumpy's dots carry ~1.7x our ink, so saturate more where dense)
add some: KS_MAX = 0.035, printed figures show the margin. The total ink ratio is printed,
not tested (glumpy's agg dots have a Gaussian rim: exp(-(d + 0.5)^2) past the disc edge,
where ours have a linear 1-pixel ramp). Exit status 1 on failure.
"""
import sys
import numpy as np
from PIL import Image

KS_MAX = 0.035


def ink(path, reduce=True):
    im = Image.open(path).convert("L")
    if reduce and im.size[0] > 256:
        im = im.reduce(im.size[0] // 256)
    return 1.0 - np.asarray(im, dtype=np.float64) / 255.0


def ks(a, b):
    ca, cb = np.cumsum(a) / np.sum(a), np.cumsum(b) / np.sum(b)
    return float(np.max(np.abs(ca - cb)))


def polar(m):
    h, w = m.shape
    y, x = np.mgrid[0:h, 0:w]
    dx, dy = x + 0.5 - w / 2, h / 2 - (y + 0.5)
    return np.hypot(dx, dy) / (w / 2), np.arctan2(dy, dx)


def histogram(values, weights, bins, lo, hi):
    return np.histogram(values.ravel(), bins=bins, range=(lo, hi), weights=weights.ravel())[0]


failed = []


def check(name, distance, limit=KS_MAX):
    print("%-28s KS distance %.4f (at most %.3f)" % (name, distance, limit))
    if not distance <= limit:
        failed.append(name)


ours, mode = sys.argv[1], sys.argv[2]
if mode == "curves":
    a = np.asarray(Image.open(ours).convert("RGB"), dtype=np.float64) / 255
    b = np.asarray(Image.open(sys.argv[3]).convert("RGB"), dtype=np.float64) / 255
    # each curve's ink: red R - G, green G - B, blue B - G (white background, one colour each)
    for name, f in [("red", lambda m: m[..., 0] - m[..., 1]), ("green", lambda m: m[..., 1] - m[..., 2]),
                    ("blue", lambda m: m[..., 2] - m[..., 1])]:
        ia, ib = np.clip(f(a), 0, 1), np.clip(f(b), 0, 1)
        rows = np.arange(a.shape[0])[:, None] + 0.5
        sa, sb = ia.sum(0), ib.sum(0)
        both = (sa > 0.5) & (sb > 0.5)
        present = np.mean((sa > 0.5) == (sb > 0.5))
        ca, cb = (ia * rows).sum(0)[both] / sa[both], (ib * rows).sum(0)[both] / sb[both]
        d = np.abs(ca - cb)
        # Where the curve is steep a column holds a long run: its centroid is less sharp.
        print("%-6s columns with ink in both %d, agreeing on presence %.4f; centroid rows differ by median %.3f px, "
              "90%% %.3f px; ink ratio ours/glumpy %.2f" % (name, both.sum(), present, np.median(d), np.percentile(d, 90),
                                                         ia.sum() / ib.sum()))
        if not (present >= 0.99 and np.median(d) <= 0.5 and np.percentile(d, 90) <= 1.5):
            failed.append(name)
elif mode in ("xy", "radial"):
    a, b = ink(ours), ink(sys.argv[3])
    print("total ink ours/glumpy %.2f" % (a.sum() / b.sum()))
    if mode == "xy":
        check("ink along x", ks(a.sum(0), b.sum(0)))
        check("ink along y", ks(a.sum(1), b.sum(1)))
    else:
        (ra, ta), (rb, tb) = polar(a), polar(b)
        check("ink along the radius", ks(histogram(ra, a, 200, 0, 1.5), histogram(rb, b, 200, 0, 1.5)))
        check("ink along the angle", ks(histogram(ta, a, 180, -np.pi, np.pi), histogram(tb, b, 180, -np.pi, np.pi)))
elif mode == "log-scale":
    # transform-log-scale: each coordinate is P^2, P uniform in [0, 10); log scale of domain
    # (-1, 2) in base 10 onto [-1, 1]: u = (2 log10 P + 1) / 3 * 2 - 1, seen for P^2 in
    # [0.1, 100] (z outside it is clipped, x and y outside it leave the window). Given
    # visible, P is uniform on [sqrt(0.1), 10): the CDF of u is (10^((3 (u + 1) / 2 - 1) / 2)
    # - sqrt 0.1) / (10 - sqrt 0.1). y is up: row 0 is u = +1.
    a = ink(ours)
    n = a.shape[0]
    u = (np.arange(n) + 1.0) / n * 2 - 1  # right edge of each column, in NDC
    cdf = (10 ** ((3 * (u + 1) / 2 - 1) / 2) - np.sqrt(0.1)) / (10 - np.sqrt(0.1))
    check("ink along x vs closed form", float(np.max(np.abs(np.cumsum(a.sum(0)) / a.sum() - cdf))))
    check("ink along y vs closed form", float(np.max(np.abs(np.cumsum(a.sum(1)[::-1]) / a.sum() - cdf))))
else:
    sys.exit("unknown mode " + mode)
if failed:
    print("FAILED:", ", ".join(failed))
    sys.exit(1)
