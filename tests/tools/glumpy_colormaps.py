"""Makes tests/golden/glumpy-colormaps.csv, the reference of glumpy's colormaps in
test_plot (Colormap): glumpy's own GLSL (glumpy/library/colormaps/*.glsl, through glumpy's
#include preprocessor) drawn into a float framebuffer (RGBA32F, so nothing is rounded to
8 bits), one row per map, 65 pixels at t = 0, 1/64, ..., 1 (t from gl_FragCoord.x).

  PYTHONPATH=GLUMPY xvfb-run -a /usr/bin/python3 THIS.py tests/golden/glumpy-colormaps.csv

t = 0 is left out of the comparison for maps where glumpy's util.glsl adds under + colour
(the test reads t = 0 only for the plain functions, which have no under/over argument).
"""
import sys

import numpy as np
from glumpy import app, gl, gloo

NAMES = ["autumn", "blues", "cool", "fire", "gray", "greens", "hot", "ice", "icefire", "jet",
         "reds", "spring", "summer", "wheel", "winter"]
W = 65

vertex = """
attribute vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }
"""
branches = "\n".join("    else if (row == %d) c = colormap_%s(t);" % (i, n) for i, n in enumerate(NAMES))
fragment = """
#include "colormaps/colormaps.glsl"
void main() {
    float t = (gl_FragCoord.x - 0.5) / %d.0;
    int row = int(gl_FragCoord.y);
    vec3 c = vec3(0.0);
    if (false) c = vec3(0.0);
%s
    gl_FragColor = vec4(c, 1.0);
}
""" % (W - 1, branches)


def main():
    out = sys.argv[1]
    window = app.Window(width=W, height=len(NAMES), visible=False)
    program = gloo.Program(vertex, fragment, count=4)
    program["position"] = [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    color = np.zeros((len(NAMES), W, 4), np.float32).view(gloo.TextureFloat2D)
    framebuffer = gloo.FrameBuffer(color=[color])
    result = {}

    @window.event
    def on_draw(dt):
        framebuffer.activate()
        gl.glViewport(0, 0, W, len(NAMES))
        program.draw(gl.GL_TRIANGLE_STRIP)
        result["pixels"] = gl.glReadPixels(0, 0, W, len(NAMES), gl.GL_RGBA, gl.GL_FLOAT)
        framebuffer.deactivate()
        window.close()

    app.run(framecount=1)
    pixels = np.frombuffer(result["pixels"], np.float32).reshape(len(NAMES), W, 4)
    with open(out, "w") as f:
        f.write("# glumpy's colormaps (glumpy/library/colormaps), drawn by glumpy into RGBA32F at "
                "t = k/%d (tests/tools/glumpy_colormaps.py)\n" % (W - 1))
        f.write("name,t,r,g,b\n")
        for i, name in enumerate(NAMES):
            for k in range(W):
                r, g, b, _ = pixels[i, k]
                f.write("%s,%.6f,%.6f,%.6f,%.6f\n" % (name, k / (W - 1), r, g, b))


if __name__ == "__main__":
    main()
