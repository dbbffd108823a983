# Makes tests/golden/gloo-trail.png with glumpy itself: runs glumpy's examples/gloo-trail.py
# for FRAMES frames with the scripted pointer of `gloo-trail circle` and a fixed time step,
# and saves the last frame (read before the swap, GL_RGB) as a PPM.
#
#   cd GLUMPY/examples
#   xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py gloo-trail.py 120 out.ppm
#   convert out.ppm PNG24:gloo-trail.png
#
# What is scripted, as glumpp's `gloo-trail circle --fixed-dt 0.0166666667` does it:
#  - frame k (from 0) dispatches on_mouse_motion at (400 + 250 cos 0.05k, 400 + 250 sin 0.05k)
#    before drawing, as a polled event would come;
#  - the example's 1/60 s timer runs once per frame from the second frame on (its first
#    due time is 1/60 s after the first tick), instead of at wall-clock times.
import math, os, sys, runpy

example, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.argv = [example, "--backend", "glfw"]
sys.path.insert(0, os.path.dirname(os.path.abspath(example)))

import numpy as np
from glumpy import app, gl

_orig_run = app.run


def run(*args, **kwargs):
    kwargs["framerate"] = 0
    kwargs["framecount"] = frames
    win = app.__backend__.windows()[0]
    timers = list(win._timer_stack)
    win._timer_stack.clear()  # run by hand below, once per frame
    state = {"frame": -1, "x": 0.0, "y": 0.0}
    orig_process = app.__backend__.process

    def process(dt):
        state["frame"] += 1
        k = state["frame"]
        if k >= 1:
            for handler, interval in timers:
                handler(interval)
        win.activate()
        x, y = 400 + 250 * math.cos(0.05 * k), 400 + 250 * math.sin(0.05 * k)
        win.dispatch_event("on_mouse_motion", x, y, x - state["x"], y - state["y"])
        state["x"], state["y"] = x, y
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
