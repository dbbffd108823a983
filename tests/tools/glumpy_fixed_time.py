# Runs one of glumpy's animated examples with a fixed time step, for a golden image:
# glumpy's scripts advance their clock by the measured dt (`time += dt`), which no two runs
# share; this runs the script with the step glumpp's --fixed-dt DT gives instead (0 at the
# first frame, as glumpy's own first dt nearly is, then DT at each frame: after N frames
# time is (N - 1) DT), nothing else changed, through run_example.py, which saves the last
# frame.
#
#   cd GLUMPY/examples
#   SHOT=out.ppm xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py RUN_EXAMPLE.py EXAMPLE.py DT FRAMES
import os, re, sys, tempfile

run_example, example, dt, frames = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
source = open(example).read()
fixed, count = re.subn(r"time \+= dt\b", "time += _fixed_dt()", source)
if count != 1:
    sys.exit("glumpy_fixed_time: %s has %d 'time += dt' (expected 1)" % (example, count))
path = os.path.join(os.path.dirname(os.path.abspath(example)), "_fixed_" + os.path.basename(example))
preamble = ("_fixed_frames = [0]\n"
            "def _fixed_dt():\n"
            "    _fixed_frames[0] += 1\n"
            "    return 0.0 if _fixed_frames[0] == 1 else %r\n" % dt)
with open(path, "w") as f:
    f.write(preamble + fixed)
try:
    sys.argv = [run_example, path, frames, "0"]
    exec(compile(open(run_example).read(), run_example, "exec"), {"__name__": "__main__", "__file__": run_example})
finally:
    os.remove(path)
