"""Runs glumpy's galaxy.py RUNS times and writes the radial profiles of its last frames:
the reference of `oracle_galaxy` (tests/golden/glumpy-galaxy-profiles.csv).

usage (with glumpy importable, e.g. PYTHONPATH=glumpy:stubs, and xvfb-run installed):
  python3 glumpy_galaxy_profiles.py GLUMPY_EXAMPLES_DIR RUN_EXAMPLE.py WIDTHxHEIGHT FRAMES RUNS OUT.csv

RUN_EXAMPLE.py runs an example for FRAMES frames and saves the last one (read back as
GL_RGB) to $SHOT as PPM, the window resized to $WIN_SIZE. The profiles are computed by
tests/examples/galaxy_oracle.py's profile(), the function the test uses on ours.
"""
import os
import subprocess
import sys
import tempfile

examples, runner, size, frames, runs, out = sys.argv[1:7]
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "galaxy_oracle.py")
oracle = {}  # the script's functions, without running its command line
exec(compile(open(script).read().replace("\nmain()\n", "\n"), script, "exec"), oracle)

width, height = map(int, size.split("x"))
lines = [f"# glumpy's galaxy.py, {size}, {frames} frames, {runs} runs (tests/tools/glumpy_galaxy_profiles.py)",
         "width,height,run,ring,r,g,b"]
with tempfile.TemporaryDirectory() as tmp:
    for run in range(int(runs)):
        ppm = os.path.join(tmp, f"galaxy-{run}.ppm")
        env = dict(os.environ, SHOT=ppm, WIN_SIZE=size)
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 2048x2048x24", sys.executable, "-W", "ignore",
                        os.path.abspath(runner), "galaxy.py", frames, "0"], cwd=examples, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        (w, h), p = oracle["profile"](ppm)
        assert (w, h) == (width, height), (w, h)
        lines += [f"{width},{height},{run},{k},{r:.3f},{g:.3f},{b:.3f}" for k, (r, g, b) in enumerate(p)]
        print(f"run {run}: {p.sum():.1f} summed over the rings", flush=True)
open(out, "w").write("\n".join(lines) + "\n")
