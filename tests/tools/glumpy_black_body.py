"""Makes tests/golden/glumpy-black-body.csv, the reference of the galaxy's colormap test
(test_galaxy_colormap), with glumpy's own code: the loop of glumpy's examples/galaxy.py
that fills its 256-entry colormap (galaxy_specrend's spectrum_to_xyz of bb_spectrum,
xyz_to_rgb in SMPTEsystem, each component clipped to [0, 1], norm_rgb), run for every
13th entry and the last (21 temperatures, 1000 K to 9964.84 K).

  python3 THIS.py GLUMPY/examples tests/golden/glumpy-black-body.csv

Needs only glumpy's examples folder (galaxy_specrend.py imports nothing but math).
"""
import sys


def main():
    examples, out = sys.argv[1], sys.argv[2]
    sys.path.insert(0, examples)
    from galaxy_specrend import SMPTEsystem, bb_spectrum, norm_rgb, spectrum_to_xyz, xyz_to_rgb

    t0, t1, n = 1000.0, 10000.0, 256  # galaxy.py's
    dt = (t1 - t0) / n
    with open(out, "w") as f:
        f.write("# glumpy's galaxy.py colormap: entry k of %d is %g K + k * %g K "
                "(tests/tools/glumpy_black_body.py)\n" % (n, t0, dt))
        f.write("entry,kelvin,r,g,b\n")
        for i in list(range(0, n, 13)) + [n - 1]:
            temperature = t0 + i * dt
            x, y, z = spectrum_to_xyz(bb_spectrum, temperature)
            r, g, b = xyz_to_rgb(SMPTEsystem, x, y, z)
            r = min((max(r, 0), 1))
            g = min((max(g, 0), 1))
            b = min((max(b, 0), 1))
            r, g, b = norm_rgb(r, g, b)
            f.write("%d,%.4f,%.6f,%.6f,%.6f\n" % (i, temperature, r, g, b))


if __name__ == "__main__":
    main()
