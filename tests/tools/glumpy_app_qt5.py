# Makes tests/golden/app-qt5.png with glumpy itself: runs glumpy's examples/app-qt5.py
# (PyQt5: Debian's python3-pyqt5 and python3-pyqt5.qtopengl) for FRAMES frames and saves
# what glumpy's QGLWidget shows then (grabFrameBuffer, RGB), at the size the layout gave it.
# With CLICK and SEED, NumPy's legacy generator is seeded with SEED (np.random.seed: the
# port draws the same numbers, MT19937 and random_sample's 53-bit doubles) and the
# "Press me!" button is clicked (QAbstractButton::click: pressed, released, clicked)
# just before frame CLICK's on_draw, so its clear uses the new colour.
#
#   cd GLUMPY/examples
#   xvfb-run -a -s "-screen 0 2048x2048x24" /usr/bin/python3 THIS.py app-qt5.py 3 out.png 2 1
import os, sys, runpy

example, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
click = int(sys.argv[4]) if len(sys.argv) > 4 else 0
seed = int(sys.argv[5]) if len(sys.argv) > 5 else None
sys.argv = [example]
sys.path.insert(0, os.path.dirname(os.path.abspath(example)))

from glumpy import app

_orig_run = app.run


def run(*args, **kwargs):
    kwargs["framerate"] = 0
    kwargs["framecount"] = frames
    win = app.__backend__.windows()[0]
    if click:
        import numpy as np
        from PyQt5.QtWidgets import QApplication, QPushButton

        np.random.seed(seed)
        button = [w for w in QApplication.allWidgets() if isinstance(w, QPushButton)][0]
        drawn = [0]

        def on_draw(dt):  # pushed above the example's on_draw: runs first, then its clear
            drawn[0] += 1
            if drawn[0] == click:
                button.click()

        win.push_handlers(on_draw=on_draw)
    _orig_run(*args, **kwargs)
    image = win._native_window.grabFrameBuffer()
    image.save(out)
    print(f"saved {out}: {image.width()}x{image.height()}, widget {win._native_window.width()}x{win._native_window.height()}")


app.run = run
runpy.run_path(example, run_name="__main__")
