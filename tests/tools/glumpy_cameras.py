# Makes tests/golden/glumpy-cameras.csv with glumpy itself: scripted event sequences (resize,
# drag, scroll, Shift, angle and zoom setters) sent to glumpy's Trackball, TrackballPan and
# Arcball transforms, and the state each leaves: angles, zoom, pan and the three matrices.
# test_cameras replays the same events (read from the CSV) through glumpp's cameras.
#
#   PYTHONPATH=GLUMPY_SOURCES /usr/bin/python3 THIS.py tests/golden/glumpy-panzoom.csv \
#       > tests/golden/glumpy-cameras.csv
#
# No GL context is needed: each transform is attached to a gloo.Program that is never drawn.
# Columns: camera, event, a, b, c, d, e (the event's arguments), then theta, phi, zoom, pan_x,
# pan_y, view[16], model[16], projection[16] (numpy's row-major order = GL's column-major).
# theta and phi are read after every event, theta first (glumpy's getters cache what they
# read, and its setters use the cached value of the other angle: the replay reads them alike).
# The second file: glumpy's PanZoom(aspect=1) (the 2-D transform of transform-pan-zoom) under
# resize, drag, scroll-about-the-pointer and reset events; columns event, a, b, c, then zoom,
# pan_x, pan_y and the two uniforms it sets (scale = zoom * aspect correction, translate).
import sys
import numpy as np
from glumpy import app, gloo
from glumpy.transforms import Trackball, TrackballPan, Arcball, PanZoom, Position

rng = np.random.RandomState(20261202)


def events(kind):
    ev = [("resize", 640, 480)]
    for k in range(300):  # about 210 drags: the quaternion's renormalization (every 98) runs twice
        r = rng.rand()
        if r < 0.7:
            ev.append(("drag", float(rng.uniform(0, 640)), float(rng.uniform(0, 480)),
                       float(rng.uniform(-40, 40)), float(rng.uniform(-40, 40)), 1))
        elif r < 0.8:
            ev.append(("scroll", float(rng.choice([-3.0, -1.0, 1.0, 2.0, 5.0, 40.0, -80.0]))))
        elif r < 0.85:
            ev.append(("resize", int(rng.randint(100, 1200)), int(rng.randint(100, 900))))
        elif r < 0.9:
            ev.append(("theta", float(rng.uniform(-80, 80))))
        elif r < 0.95:
            ev.append(("phi", float(rng.uniform(-80, 80))))
        else:
            ev.append(("zoom", float(rng.choice([0.5, 20.0, 35.0, 90.0, 200.0]))))
        if kind == "TrackballPan" and rng.rand() < 0.15:
            ev.append(("shift", int(rng.rand() < 0.6)))
    ev.append(("scroll", -1000.0))  # clamped to 179
    ev.append(("scroll", 99.9))     # clamped to 1
    return ev


def row(name, t, e):
    theta = t.theta if name != "Arcball" else t._theta
    phi = t.phi if name != "Arcball" else t._phi  # glumpy's Arcball.phi getter fails
    pan = (t._view_x, t._view_y) if name == "TrackballPan" else (0.0, 0.0)
    args = list(e[1:]) + [0] * (5 - len(e[1:]))
    m = [t["view"], t["model"], t["projection"]]
    state = [theta, phi, t._zoom, pan[0], pan[1]]
    matrices = [v for mat in m for v in np.asarray(mat, np.float32).ravel()]  # float32: 9 digits are exact
    return ",".join([name, e[0]] + [repr(float(a)) for a in args] + [repr(float(v)) for v in state] +
                    ["%.9g" % v for v in matrices])


print("camera,event,a,b,c,d,e,theta,phi,zoom,pan_x,pan_y," + ",".join(
    f"{m}{k}" for m in ("view", "model", "projection") for k in range(16)))
for name, C in (("Trackball", Trackball), ("TrackballPan", TrackballPan), ("Arcball", Arcball)):
    t = C(Position("position"))
    p = gloo.Program("attribute vec3 position; void main() { gl_Position = <transform>; }", "void main() {}")
    p["transform"] = t
    t.on_attach(p)
    for e in events(name):
        if e[0] == "resize": t.on_resize(e[1], e[2])
        elif e[0] == "drag": t.on_mouse_drag(e[1], e[2], e[3], e[4], e[5])
        elif e[0] == "scroll": t.on_mouse_scroll(0, 0, 0, e[1])
        elif e[0] == "theta": t.theta = e[1]
        elif e[0] == "phi": t.phi = e[1]
        elif e[0] == "zoom": t.zoom = e[1]  # (Trackball's zoom property reads phi: glumpy's typo; the setter is zoom's)
        elif e[0] == "shift":
            if e[1]: t.on_key_press(app.window.key.LSHIFT, 0)
            else: t.on_key_release(app.window.key.LSHIFT, 0)
        print(row(name, t, e))

if len(sys.argv) > 1:
    with open(sys.argv[1], "w") as out:
        out.write("event,a,b,c,zoom,pan_x,pan_y,scale_x,scale_y,translate_x,translate_y\n")
        t = PanZoom(Position("position"), aspect=1)
        p = gloo.Program("attribute vec2 position; void main() { gl_Position = <transform>; }", "void main() {}")
        p["transform"] = t
        t.on_attach(p)
        ev = [("resize", 800, 800, 0)]
        for k in range(200):
            r = rng.rand()
            if r < 0.45:
                ev.append(("drag", float(rng.uniform(-50, 50)), float(rng.uniform(-50, 50)), 0))
            elif r < 0.9:
                ev.append(("scroll", float(rng.uniform(0, 1)), float(rng.uniform(0, 1)),  # of the window's size
                           float(rng.choice([-30.0, -5.0, -1.0, 1.0, 3.0, 10.0, 60.0, -99.0, 500.0]))))
            elif r < 0.96:
                ev.append(("resize", int(rng.randint(100, 1200)), int(rng.randint(100, 900)), 0))
            else:
                ev.append(("reset", 0, 0, 0))
        for e in ev:
            if e[0] == "resize": t.on_resize(e[1], e[2])
            elif e[0] == "drag": t.on_mouse_drag(0, 0, e[1], e[2], 1)
            elif e[0] == "scroll":
                e = ("scroll", e[1] * t._width, e[2] * t._height, e[3])
                t.on_mouse_scroll(e[1], e[2], 0, e[3])
            else: t.reset()
            scale = np.asarray(t["zoom"], np.float32).ravel()
            translate = np.asarray(t["pan"], np.float32).ravel()
            vals = [float(t._zoom), float(t.pan[0]), float(t.pan[1]), scale[0], scale[1], translate[0], translate[1]]
            out.write(",".join([e[0]] + [repr(float(a)) for a in e[1:]] + [repr(float(v)) for v in vals]) + "\n")
