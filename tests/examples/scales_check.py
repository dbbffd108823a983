"""What must hold for the ports of glumpy's scale and polar examples, against glumpy.

    scales_check.py OURS.png xy GLUMPY-256.png      random scatter: ink along x and along y
    scales_check.py OURS.png radial GLUMPY-256.png  random scatter about the centre
    scales_check.py OURS.png log-scale              glumpy cannot run it: the distribution
                                                    glumpy's parameters imply, in closed form

glumpy's data is unseeded random (np.random) in these (transform-linear-log-scale's is not:
its golden image is glumpy's screenshot), so a port cannot match its pixels: what must
match is where the ink goes. Ink is 1 - grey on
the white window; the references are glumpy's own screenshots (run_example.py, 1024x1024),
the random ones reduced to 256x256 by 4x4 box averages (ink is kept), ours reduced alike.
The test: the Kolmogorov-Smirnov distance between ours and glumpy's ink distributions
(along x and y, or the radius and the angle) at most KS_MAX. For 10,000 points the 99%
critical KS distance of two independent samples is 1.63 sqrt(2 / 10000) = 0.023; ink
weighting and dot overlap (glumpy's dots carry ~1.7x our ink, so saturate more where dense)
add some: KS_MAX = 0.035, printed figures show the margin. Against the closed form (one
sample of ~9,000 visible points: 99% critical 0.017) dots cut by the window's edges add
some too (measured 0.025). The total ink ratio ours/glumpy
must lie in [0.9, 1.1] (the ports draw glumpy's agg dot edge, PointEdge::Agg; the linear
ramp of the other collections gives 0.62, which this rejects). Exit status 1 on failure.
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
if mode in ("xy", "radial"):
    a, b = ink(ours), ink(sys.argv[3])
    ratio = a.sum() / b.sum()
    print("total ink ours/glumpy %.3f (in [0.9, 1.1])" % ratio)
    if not 0.9 <= ratio <= 1.1:
        failed.append("total ink")
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
    # Black dots blend over white as a product, 1 - ink = prod(1 - alpha_i): the optical
    # depth -log(1 - ink) adds up over overlapping dots, so it counts points where ink
    # saturates (the dense side of the log scale); opaque cores clamp at 1/255.
    a = -np.log(np.maximum(1.0 - ink(ours, reduce=False), 1.0 / 255))
    n = a.shape[0]
    u = (np.arange(n) + 1.0) / n * 2 - 1  # right edge of each column, in NDC
    cdf = (10 ** ((3 * (u + 1) / 2 - 1) / 2) - np.sqrt(0.1)) / (10 - np.sqrt(0.1))
    check("optical depth along x vs closed form", float(np.max(np.abs(np.cumsum(a.sum(0)) / a.sum() - cdf))))
    check("optical depth along y vs closed form", float(np.max(np.abs(np.cumsum(a.sum(1)[::-1]) / a.sum() - cdf))))
else:
    sys.exit("unknown mode " + mode)
if failed:
    print("FAILED:", ", ".join(failed))
    sys.exit(1)
