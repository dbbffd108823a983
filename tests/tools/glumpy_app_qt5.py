# Makes tests/golden/app-qt5.png with glumpy itself: runs glumpy's examples/app-qt5.py
# (PyQt5: Debian's python3-pyqt5 and python3-pyqt5.qtopengl) for FRAMES frames and saves
# what glumpy's QGLWidget shows then (grabFrameBuffer, RGB), at the size the layout gave it.
#
#   cd GLUMPY/examples
#   xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py app-qt5.py 3 out.png
import os, sys, runpy

example, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.argv = [example]
sys.path.insert(0, os.path.dirname(os.path.abspath(example)))

from glumpy import app

_orig_run = app.run


def run(*args, **kwargs):
    kwargs["framerate"] = 0
    kwargs["framecount"] = frames
    win = app.__backend__.windows()[0]
    _orig_run(*args, **kwargs)
    image = win._native_window.grabFrameBuffer()
    image.save(out)
    print(f"saved {out}: {image.width()}x{image.height()}, widget {win._native_window.width()}x{win._native_window.height()}")


app.run = run
runpy.run_path(example, run_name="__main__")
