#!/usr/bin/python3
# app-qt5 built with Qt 6 against glumpy's screenshot (PyQt5, Qt 5): the layout is the
# same but Qt 6's default style draws the button a few pixels taller, so the GL widget
# above it is that much shorter or taller. What must hold: glumpy's width exactly, its
# height within 4 pixels, and glumpy's colours pixel for pixel (8/255) where both have one.
#   same_as_glumpy.py ACTUAL.png GLUMPY.png [DIFF.png, unused: compare_images's arguments]
import sys
import numpy as np
from PIL import Image

actual = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
glumpy = np.asarray(Image.open(sys.argv[2]).convert("RGB")).astype(int)
(ah, aw), (gh, gw) = actual.shape[:2], glumpy.shape[:2]
if aw != gw or abs(ah - gh) > 4:
    sys.exit(f"same_as_glumpy: {aw}x{ah} is not glumpy's {gw}x{gh} (width exactly, height within 4)")
h = min(ah, gh)
worst = np.abs(actual[:h] - glumpy[:h]).max()
if worst > 8:
    sys.exit(f"same_as_glumpy: a pixel differs from glumpy's by {worst}/255")
print(f"same_as_glumpy: {aw}x{ah} against glumpy's {gw}x{gh}, largest difference {worst}/255")
