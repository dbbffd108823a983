# Makes tests/golden/app-viewport.png with glumpy itself: the tree of examples/app-viewport
# built with glumpy's app.Viewport (its layout: _compute_viewport, run on the window's
# on_resize as snippet-viewport.py does), each viewport drawn by glumpy with glViewport and
# glScissor at glumpy's extents (every child lies inside its parent here, so the extents
# are the clipped area too), in glumpy's order: the root, then each child's subtree.
#
#   xvfb-run -a -s "-screen 0 2048x2048x24" python3 THIS.py FRAMES out.ppm
import sys
import numpy as np
from glumpy import app, gl, gloo

frames, out = int(sys.argv[1]), sys.argv[2]
app.use("glfw")

vertex = """
attribute vec2 position;
attribute vec4 color;
varying vec4 v_color;
void main() { gl_Position = vec4(0.5 * position, 0.0, 1.0); v_color = color; }
"""
fragment = """
varying vec4 v_color;
void main() { gl_FragColor = v_color; }
"""

window = app.Window(width=512, height=512)
quad = gloo.Program(vertex, fragment, count=4)
quad["position"] = [(-1, -1), (-1, +1), (+1, -1), (+1, +1)]
quad["color"] = [(1, 0, 0, 1), (0, 1, 0, 1), (0, 0, 1, 1), (1, 1, 0, 1)]

root = app.Viewport()
left = app.Viewport(size=(0.5, 1.0), position=(0, 0))
right = app.Viewport(size=(0.5, 1.0), position=(0.5, 0))
inset = app.Viewport(size=(-10, -10), position=(0.5, 0.5), anchor=(0.5, 0.5))
corner = app.Viewport(size=(0.5, 0.5), position=(-1, -1), anchor=(-1, -1), aspect=1)
root.add(left)
root.add(right)
right.add(inset)
left.add(corner)
order = [(left, (0.2, 0.2, 0.2, 1)), (corner, (0.3, 0.1, 0.1, 1)), (right, (0.4, 0.4, 0.4, 1)), (inset, (0.1, 0.1, 0.3, 1))]
count = [0]


@window.event
def on_resize(width, height):
    root._requested_size = width, height
    root._compute_viewport()


@window.event
def on_draw(dt):
    window.clear()
    gl.glEnable(gl.GL_SCISSOR_TEST)
    for v, colour in order:
        x, y, w, h = [int(round(c)) for c in v.extents]
        gl.glViewport(x, y, w, h)
        gl.glScissor(x, y, w, h)
        gl.glClearColor(*colour)
        gl.glClear(gl.GL_COLOR_BUFFER_BIT)
        quad.draw(gl.GL_TRIANGLE_STRIP)
    gl.glDisable(gl.GL_SCISSOR_TEST)
    gl.glViewport(0, 0, 512, 512)
    count[0] += 1
    if count[0] == frames:
        px = gl.glReadPixels(0, 0, 512, 512, gl.GL_RGB, gl.GL_UNSIGNED_BYTE)
        img = np.frombuffer(px, np.uint8).reshape(512, 512, 3)[::-1]
        with open(out, "wb") as fh:
            fh.write(b"P6 512 512 255\n")
            fh.write(img.tobytes())
        print(root)


app.run(framecount=frames)
