# Runs one of glumpy's examples through run_example.py with the fonts glumpy downloads at
# run time (it ships only OpenSans-Regular and Roboto-Regular) taken from Debian's
# fonts-open-sans instead, so that glumpy can draw the picture here (lorenz.py uses
# OpenSans-Bold.ttf).
#
#   cd GLUMPY/examples
#   SHOT=out.ppm xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py RUN_EXAMPLE.py EXAMPLE.py FRAMES
import os, sys

import glumpy.data

debian = "/usr/share/fonts/truetype/open-sans"
_fetch = glumpy.data._fetch_file


def fetch(name):
    local = os.path.join(debian, os.path.basename(name))
    if name.endswith(".ttf") and not os.path.exists(os.path.join(os.path.dirname(glumpy.data.__file__), name)) \
            and os.path.exists(local):
        return local
    return _fetch(name)


glumpy.data._fetch_file = fetch
run_example, example, frames = sys.argv[1], sys.argv[2], sys.argv[3]
sys.argv = [run_example, example, frames, "0"]
exec(compile(open(run_example).read(), run_example, "exec"), {"__name__": "__main__", "__file__": run_example})
