"""The cube demo's picture after N frames of a fixed time step, computed by casting a ray
through every pixel with NumPy: the oracle for `oracle_cube`.

What the demo draws (examples/cube.cpp), restated from its rules, not from its output:
- the cube [-1, 1]^3, each face textured once over (s, t) in [0, 1]^2 where a point p of
  the face with normal n has s = (p.u + 1) / 2, t = (p.w + 1) / 2, u = (1, 0, 0) for the
  faces +-y and normalize(cross((0, 1, 0), n)) otherwise, w = cross(n, u);
- model = Rz(theta) Ry(phi), theta = 40 t and phi = 30 t degrees, t = (N - 1) dt (the first
  frame's dt is 0); view = translate(0, 0, -5); projection = glm::perspective(45 degrees,
  width / height, 2, 100), OpenGL's right-handed one;
- a 64 x 64 checkerboard of 8-texel squares, texel (row y, column x) orange (230, 120, 40)
  where (x / 8 + y / 8) is odd and (250, 250, 250) elsewhere, sampled nearest, texture row
  0 at t = 0; each face lit by 0.35 + 0.65 max(n' . normalize(0.4, 0.6, 1), 0) with n'
  its rotated normal; the background (0.12, 0.12, 0.15).

Checks, each printed with its figure:
- the covered mask (pixels not of the background colour) against the pixels whose ray
  meets the cube: intersection over union >= 0.98;
- each visible face's mean colour over the pixels the oracle gives it (a ring of one
  pixel along the face's outline left out) within 2/255 of the oracle's mean: this checks
  the lighting and the texture's colours;
- at least 97% of those inner pixels within 8/255 of the oracle's colour: this checks the
  texture's placement (orientation, scale) that a mean cannot see.

usage: cube_oracle.py SCREENSHOT.png FRAMES DT
"""
import sys

import numpy as np
from PIL import Image

BACKGROUND = np.array([0.12, 0.12, 0.15]) * 255
FACES = ["+x", "-x", "+y", "-y", "+z", "-z"]


def rotation(axis, degrees):
    a = np.radians(degrees)
    c, s = np.cos(a), np.sin(a)
    i, j = [(1, 2), (2, 0), (0, 1)][axis]  # the plane the rotation turns (right-handed)
    r = np.eye(3)
    r[i, i], r[i, j], r[j, i], r[j, j] = c, -s, s, c
    return r


def face_axes(n):
    u = np.array([1.0, 0, 0]) if n[1] != 0 else np.cross([0, 1.0, 0], n) / np.linalg.norm(np.cross([0, 1.0, 0], n))
    return u, np.cross(n, u)


def render(width, height, t):
    model = rotation(2, 40 * t) @ rotation(1, 30 * t)
    # A ray from the eye through each pixel's centre, in the cube's own coordinates.
    f = np.tan(np.radians(45) / 2)
    x = ((np.arange(width) + 0.5) / width * 2 - 1) * f * width / height
    y = ((np.arange(height) + 0.5) / height * 2 - 1) * f
    X, Y = np.meshgrid(x, y[::-1])  # image row 0 is the top
    direction = np.stack([X, Y, -np.ones_like(X)], axis=-1) @ model  # model^T d (model is a rotation)
    origin = model.T @ np.array([0, 0, 5.0])  # the eye, at (0, 0, 5) from the cube's centre
    with np.errstate(divide="ignore", invalid="ignore"):
        t0 = (-1 - origin) / direction
        t1 = (1 - origin) / direction
    near = np.minimum(t0, t1)
    far = np.maximum(t0, t1)
    entry = near.max(axis=-1)
    hit = entry <= far.min(axis=-1)
    axis = near.argmax(axis=-1)
    point = origin + entry[..., None] * direction
    sign = np.sign(np.take_along_axis(point, axis[..., None], -1)[..., 0])
    light_dir = np.array([0.4, 0.6, 1.0]) / np.linalg.norm([0.4, 0.6, 1.0])
    face = np.full((height, width), -1)
    rgb = np.zeros((height, width, 3))
    for k, n in enumerate(np.array(v, float) for v in ([1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1])):
        on = hit & (axis == np.argmax(np.abs(n))) & (sign == n.sum())
        u, w = face_axes(n)
        s = (point[on] @ u + 1) / 2
        tt = (point[on] @ w + 1) / 2
        tx = np.clip((s * 64).astype(int), 0, 63)
        ty = np.clip((tt * 64).astype(int), 0, 63)
        orange = (tx // 8 + ty // 8) % 2 == 1
        texel = np.where(orange[:, None], [230.0, 120, 40], [250.0, 250, 250])
        light = 0.35 + 0.65 * max(float((model @ n) @ light_dir), 0.0)
        face[on] = k
        rgb[on] = texel * light
    rgb[face < 0] = BACKGROUND
    return face, rgb


def main():
    png, frames, dt = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    actual = np.asarray(Image.open(png).convert("RGB"), dtype=float)
    height, width = actual.shape[:2]
    face, expected = render(width, height, (frames - 1) * dt)
    covered = np.abs(actual - BACKGROUND).max(axis=-1) > 3
    iou = (covered & (face >= 0)).sum() / (covered | (face >= 0)).sum()
    failures = []
    print(f"cube_oracle: {width}x{height}, t = {(frames - 1) * dt:.4f} s: mask IoU {iou:.4f} "
          f"({covered.sum()} pixels covered, {(face >= 0).sum()} computed)")
    if iou < 0.98:
        failures.append(f"mask IoU {iou:.4f} < 0.98")
    padded = np.pad(face, 1, constant_values=-2)
    interior = np.ones_like(face, bool)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            interior &= padded[1 + dy:1 + dy + height, 1 + dx:1 + dx + width] == face
    close_total = inner_total = 0
    for k in sorted(set(face[face >= 0].ravel())):
        inner = interior & (face == k)
        if inner.sum() < 50:
            continue  # seen edge-on: too few pixels for a mean
        mean_a, mean_e = actual[inner].mean(axis=0), expected[inner].mean(axis=0)
        close = np.abs(actual[inner] - expected[inner]).max(axis=-1) <= 8
        close_total += close.sum()
        inner_total += inner.sum()
        print(f"cube_oracle: face {FACES[k]}: {inner.sum()} inner pixels, mean colour {np.round(mean_a, 2)} "
              f"(computed {np.round(mean_e, 2)}), {100 * close.mean():.2f}% within 8/255")
        if np.abs(mean_a - mean_e).max() > 2:
            failures.append(f"face {FACES[k]}: mean colour {np.round(mean_a, 2)}, computed {np.round(mean_e, 2)}")
    if inner_total == 0 or close_total < 0.97 * inner_total:
        failures.append(f"{close_total} of {inner_total} inner pixels within 8/255 (< 97%)")
    if failures:
        sys.exit("cube_oracle: FAILED: " + "; ".join(failures))


main()
