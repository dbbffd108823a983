"""The projections of glumpy's transforms computed independently in NumPy, as the oracle
of test_scales (Projections.*). Reads "NAME lon lat" lines (radians; degrees for conic,
whose parameters follow the name), writes "x y" lines.

Each formula is taken from another construction than the one glumpp's GLSL uses:
 - azimuthal projections from the unit sphere's point (X, Y, Z) seen from the centre:
   equal area r = sqrt(2 (1 - Z)) = 2 sin(c/2), equidistant r = c = arccos Z, along (X, Y);
 - Hammer as the Lambert azimuthal equal-area map of (lon / 2, lat), x doubled (Hammer's
   own definition);
 - transverse Mercator with arctanh (k0 = 0.75, glumpy's), y from arctan2;
 - Albers in Snyder's form (Map Projections, USGS 1987, eq. 14-1..14-4): C = cos^2 p0 + 2 n sin p0.
 - polar: complex exponentials.
"""
import sys
import numpy as np


def sphere(lon, lat):
    return np.cos(lat) * np.sin(lon), np.sin(lat), np.cos(lat) * np.cos(lon)


def azimuthal(lon, lat, radius):
    X, Y, Z = sphere(lon, lat)
    c = np.arccos(np.clip(Z, -1, 1))
    d = np.hypot(X, Y)
    r = radius(c)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(d > 0, r * X / d, 0.0), np.where(d > 0, r * Y / d, 0.0)


def project(name, lon, lat, params):
    if name == "azimuthal-equal-area":
        return azimuthal(lon, lat, lambda c: 2 * np.sin(c / 2))
    if name == "azimuthal-equidistant":
        return azimuthal(lon, lat, lambda c: c)
    if name == "hammer":
        x, y = azimuthal(lon / 2, lat, lambda c: 2 * np.sin(c / 2))
        return 2 * x, y
    if name == "transverse-mercator":
        B = np.cos(lat) * np.sin(lon)
        return 0.75 * np.arctanh(B), 0.75 * np.arctan2(np.tan(lat), np.cos(lon))
    if name == "polar":  # lon = rho, lat = theta, params = origin
        z = lon * np.exp(1j * (lat + params[0]))
        return z.real, z.imag
    if name == "conic":  # degrees; params: scale, center xy, rotate xy, translate xy, parallels
        scale, cx, cy, rx, ry, tx, ty, p0, p1 = params
        p0, p1 = np.radians(p0), np.radians(p1)
        n = (np.sin(p0) + np.sin(p1)) / 2
        C = np.cos(p0) ** 2 + 2 * n * np.sin(p0)
        rho0 = np.sqrt(C) / n  # phi0 = 0
        rho = np.sqrt(C - 2 * n * np.sin(np.radians(lat + ry))) / n
        theta = n * np.radians(lon + rx)
        return (rho * np.sin(theta) + cx) * scale + tx, (rho0 - rho * np.cos(theta) + cy) * scale + ty
    raise SystemExit("unknown projection " + name)


out = []
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    name, values = words[0], [float(w) for w in words[1:]]
    x, y = project(name, np.float64(values[0]), np.float64(values[1]), values[2:])
    out.append("%.17g %.17g" % (x, y))
print("\n".join(out))
