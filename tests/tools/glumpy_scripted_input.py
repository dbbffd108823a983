# Makes golden images with glumpy itself, for ports whose test scripts the input:
# runs glumpy's example with that input and saves the last frame (read before the swap,
# GL_RGB) as a PPM.
#
#   cd GLUMPY/examples
#   xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py EXAMPLE.py FRAMES out.ppm
#   convert out.ppm PNG24:NAME.png
#
# transform-pan-zoom.py (as `transform-pan-zoom script`): lena.png is replaced by glumpp's
# stand-in (the same bytes as examples/transform-pan-zoom.cpp makes); before frame k (from
# 0): k < 10, a scroll of +10 at (600, 200); k = 10, the left button goes down at
# (400, 400); k > 10, a drag of (-6, +4).
# transform-trackball.py (as `transform-trackball drag`, examples/cams/colorcube.hpp): the
# left button goes down at the window's centre before frame 0, then before frame k > 0 the
# pointer drags by (+8, +4) to (centre + (8k, 4k)). Use WIN_SIZE=WxH for another size.
import os, sys, runpy

example, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.argv = [example, "--backend", "glfw"]
sys.path.insert(0, os.path.dirname(os.path.abspath(example)))

import numpy as np
from glumpy import app, gl, data

y, x = np.mgrid[0:512, 0:512]
stand_in = np.zeros((512, 512, 3), np.uint8)
stand_in[..., 0] = x // 2
stand_in[..., 1] = y // 2
stand_in[..., 2] = np.where((x // 32 + y // 32) % 2, 255, 64)
_get = data.get
data.get = lambda name, *a, **k: stand_in if name == "lena.png" else _get(name, *a, **k)

trackball = os.path.basename(example) == "transform-trackball.py"
if os.environ.get("WIN_SIZE"):  # the example's window size, overridden
    _Window = app.Window
    _w, _h = map(int, os.environ["WIN_SIZE"].split("x"))

    def Window(*a, **k):
        k["width"], k["height"] = _w, _h
        return _Window(*a, **k)
    app.Window = Window
_orig_run = app.run


def run(*args, **kwargs):
    kwargs["framerate"] = 0
    kwargs["framecount"] = frames
    win = app.__backend__.windows()[0]
    state = {"frame": -1}
    orig_process = app.__backend__.process

    def process(dt):
        state["frame"] += 1
        k = state["frame"]
        win.activate()
        if trackball:
            if k > 0:
                w, h = win.get_size()
                win.dispatch_event("on_mouse_drag", w / 2 + 8 * k, h / 2 + 4 * k, 8, 4, 1)
        elif k < 10:
            win.dispatch_event("on_mouse_scroll", 600, 200, 0, 10)
        elif k > 10:
            j = k - 10
            win.dispatch_event("on_mouse_drag", 400 - 6 * j, 400 + 4 * j, -6, 4, 1)
        return orig_process(dt)

    orig_swap = win.swap

    def swap():
        if state["frame"] == frames - 1:
            w, h = win.get_size()
            px = gl.glReadPixels(0, 0, w, h, gl.GL_RGB, gl.GL_UNSIGNED_BYTE)
            img = np.frombuffer(px, np.uint8).reshape(h, w, 3)[::-1]
            with open(out, "wb") as fh:
                fh.write(b"P6 %d %d 255\n" % (w, h))
                fh.write(img.tobytes())
            print("saved", out, "after frame", state["frame"] + 1)
        orig_swap()

    win.swap = swap
    app.__backend__.process = process
    _orig_run(*args, **kwargs)


app.run = run
runpy.run_path(example, run_name="__main__")
