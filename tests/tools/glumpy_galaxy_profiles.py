"""Makes tests/golden/glumpy-galaxy-profiles.csv, the reference of `oracle_galaxy`, with
glumpy itself: runs glumpy's examples/galaxy.py RUNS times (each its own unseeded draw) in
a WIDTHxHEIGHT window for FRAMES frames, reads the last frame back (before the swap,
GL_RGB) and writes its radial profile, computed by tests/examples/galaxy_oracle.py's
profile(), the function the test applies to ours.

  (glumpy importable, xvfb-run installed)
  python3 THIS.py GLUMPY/examples 256x256 10 8 tests/golden/glumpy-galaxy-profiles.csv

Each run is this script again, under xvfb-run, with --run: glumpy's app.run is wrapped to
run FRAMES frames at full speed, and app.Window to open the window at the given size.
"""
import os
import runpy
import subprocess
import sys
import tempfile

import numpy as np


def run_once(examples, size, frames, ppm):
    width, height = map(int, size.split("x"))
    sys.argv = ["galaxy.py", "--backend", "glfw"]  # glumpy parses sys.argv itself
    sys.path.insert(0, examples)
    os.chdir(examples)
    from glumpy import app, gl

    window_class, app_run = app.Window, app.run

    def window(*args, **kwargs):
        kwargs["width"], kwargs["height"] = width, height
        return window_class(*args, **kwargs)

    def run(*args, **kwargs):
        kwargs["framerate"], kwargs["framecount"] = 0, frames
        win = app.__backend__.windows()[0]
        swap, swaps = win.swap, [0]

        def last_frame_saved():
            swaps[0] += 1
            if swaps[0] == frames:
                pixels = gl.glReadPixels(0, 0, width, height, gl.GL_RGB, gl.GL_UNSIGNED_BYTE)
                image = np.frombuffer(pixels, np.uint8).reshape(height, width, 3)[::-1]
                with open(ppm, "wb") as f:
                    f.write(b"P6 %d %d 255\n" % (width, height) + image.tobytes())
            swap()

        win.swap = last_frame_saved
        app_run(*args, **kwargs)

    app.Window, app.run = window, run
    runpy.run_path("galaxy.py", run_name="__main__")


def main():
    if sys.argv[1] == "--run":
        run_once(os.path.abspath(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5])
        return
    examples, size, frames, runs, out = sys.argv[1:6]
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "galaxy_oracle.py")
    oracle = {}  # the oracle's functions, without running its command line
    exec(compile(open(script).read().replace("\nmain()\n", "\n"), script, "exec"), oracle)
    width, height = map(int, size.split("x"))
    lines = [f"# glumpy's galaxy.py, {size}, {frames} frames, {runs} runs (tests/tools/glumpy_galaxy_profiles.py)",
             "width,height,run,ring,r,g,b"]
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(int(runs)):
            ppm = os.path.join(tmp, f"galaxy-{run}.ppm")
            subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 2048x2048x24", sys.executable, "-W", "ignore",
                            os.path.abspath(__file__), "--run", os.path.abspath(examples), size, frames, ppm],
                           check=True, stdout=subprocess.DEVNULL)
            (w, h), p = oracle["profile"](ppm)
            assert (w, h) == (width, height), (w, h)
            lines += [f"{width},{height},{run},{k},{r:.3f},{g:.3f},{b:.3f}" for k, (r, g, b) in enumerate(p)]
            print(f"run {run}: {p.sum():.1f} summed over the rings", flush=True)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


main()
