# Runs one of glumpy's grid examples (gloo-cartesian-grid.py, gloo-irregular-grids.py;
# also heatmap.py, see `seeded` below) for FRAMES frames at an unlimited frame rate, with
# two changes that make the script do what it means on today's NumPy and glumpy:
#  - its `u_grid` texture, a float32 array of grid positions in pixels or radians, is made
#    a TextureFloat2D (GL_RGBA32F). glumpy 1.2.1 turns a float array assigned to a sampler
#    into a Texture2D of internal format GL_RGBA, which clamps every value to [0, 1]: the
#    grid then collapses onto the first pixel and the window is white (glumpy issue #288);
#  - np.int, removed in NumPy 1.24, is int again (gloo-irregular-grids.py uses it).
# Nothing else changes (an example without a u_grid, gloo-hexagonal-grid.py, runs as it
# is). It draws FRAMES frames and saves the last (GL_RGB, read before the swap) as a PPM:
#
#   cd GLUMPY/examples
#   xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py gloo-cartesian-grid.py 3 out.ppm [pan-zoom] [seeded]
#   convert out.ppm PNG24:gloo-cartesian-grid.png
#
# `seeded` makes np.random.uniform(low, high, size) return the values a port draws from
# glumpp's RandomGenerator(1) (tests/tools/glumpp_random.py), so that a script whose data
# are random (heatmap.py) shows the port's data: its screenshot is then the port's golden
# image. Nothing else of np.random is changed (a script calling another function fails).
#
# `pan-zoom` scripts the gesture the ports' `pan-zoom` argument makes: before the example
# draws frame k (from 0), one scroll notch up at (320, 180) (on_mouse_scroll(320, 180, 0,
# 1)), then a left-button drag of (3, 2) pixels ending at (203 + 3k, 302 + 2k).
import os, sys, runpy

example, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
flags = sys.argv[4:]
assert set(flags) <= {"pan-zoom", "seeded"}, flags
gesture, seeded = "pan-zoom" in flags, "seeded" in flags
tools = os.path.dirname(os.path.abspath(__file__))
sys.argv = [example, "--backend", "glfw"]
sys.path.insert(0, os.path.dirname(os.path.abspath(example)))

import numpy as np
from glumpy import app, gl, gloo

np.int = int
if seeded:
    sys.path.insert(0, tools)
    from glumpp_random import uniform

    np.random.uniform = lambda low=0.0, high=1.0, size=None: uniform(1, low, high, size)
_setitem = gloo.Program.__setitem__


def setitem(self, name, data):
    if name == "u_grid" and isinstance(data, np.ndarray) and not isinstance(data, gloo.Texture):
        data = np.asarray(data, np.float32).view(gloo.TextureFloat2D)
    _setitem(self, name, data)


gloo.Program.__setitem__ = setitem
_run = app.run


def run(*args, **kwargs):
    kwargs["framerate"] = 0
    kwargs["framecount"] = frames
    win = app.__backend__.windows()[0]
    drawn = []
    swap = win.swap

    def counted_swap():  # the last frame is read before it is shown, as run_example does
        if len(drawn) == frames:
            w, h = win.get_size()
            pixels = gl.glReadPixels(0, 0, w, h, gl.GL_RGB, gl.GL_UNSIGNED_BYTE)
            image = np.frombuffer(pixels, np.uint8).reshape(h, w, 3)[::-1]
            with open(out, "wb") as f:
                f.write(b"P6 %d %d 255\n" % (w, h))
                f.write(image.tobytes())
        swap()

    win.swap = counted_swap
    def on_draw(dt):  # pushed last: runs before the example's on_draw
        k = len(drawn)
        drawn.append(dt)
        if gesture:
            win.dispatch_event("on_mouse_scroll", 320, 180, 0, 1)
            win.dispatch_event("on_mouse_drag", 203 + 3 * k, 302 + 2 * k, 3, 2, app.window.mouse.LEFT)

    win.push_handlers(on_draw=on_draw)
    _run(*args, **kwargs)


app.run = run
runpy.run_path(example, run_name="__main__")
