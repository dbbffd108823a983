"""Makes tests/golden/glumpy-sdf-dejavu.txt, the reference of the text layer's distance
field test (test_text, GlumpyDistanceField): glumpy's own SDFFont.load_glyph (a 256-px
unhinted FreeType rendering padded by 1/8, glumpy's edtaa3 compute_sdf, its bilinear zoom
to 48 px) for a few characters of Debian's DejaVu Sans (fonts-dejavu-core 2.37).

  PYTHONPATH=GLUMPY python3 THIS.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf OUT.txt

One glyph per line: code point, width, height, left, top, advance, then the width x height
values row by row (row 0 on top), each to 4 decimals.
"""
import sys


def main():
    font, out = sys.argv[1], sys.argv[2]
    from glumpy.ext import freetype
    from glumpy.graphics.text.sdf_font import SDFFont

    sdf = SDFFont(font, None)
    face = freetype.Face(font)
    with open(out, "w") as f:
        f.write("# glumpy SDFFont.load_glyph, DejaVu Sans, 48 px from 256 px (tests/tools/glumpy_sdf_fields.py)\n")
        for ch in "aegO@&W":
            data, offset, advance = sdf.load_glyph(face, ch)
            h, w = data.shape
            values = " ".join("%.4f" % v for v in data.ravel())
            f.write("%d %d %d %.6f %.6f %.6f %s\n" % (ord(ch), w, h, offset[0], offset[1], advance[0], values))


if __name__ == "__main__":
    main()
