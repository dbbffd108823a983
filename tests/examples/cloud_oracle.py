"""The cloud demo's picture after N frames of a fixed time step, computed with NumPy: the
oracle for `oracle_cloud`.

What the demo draws (examples/cloud.cpp), restated from its rules, not from its output:
- 1e6 points; point i takes three draws of std::normal_distribution<float>(0, 0.35) for
  its position, then one of std::uniform_real_distribution<float>(0, 1), u, for its size
  1 + 2u, all over one std::mt19937(5). Its colour is 0.5 + 0.8 position, alpha 0.6.
  libstdc++ (Debian 12's GCC) makes normals in pairs by Marsaglia's polar method in float
  (two words per try, u = float(w) / 2^32, x = 2u - 1 then y; rejected while
  r2 = x^2 + y^2 > 1 or r2 = 0; it returns y m, then x m on the next call, m =
  sqrt(-2 log(r2) / r2)), so the normals' pairs and the size's words interleave in the
  stream of words. The three normals are arguments of one constructor call, whose order
  of evaluation C++ leaves open: GCC evaluates them last first (z, y, x), and so does
  this oracle (ORDER below);
- view = translate(0, 0, -3) rotate(20 t degrees, normalize(0.3, 1, 0)), t = (N - 1) dt
  (the first frame's dt is 0); projection = glm::perspective(45 degrees, width / height,
  0.1, 10);
- each point a sprite of side s + 2 pixels (s its size) centred on its projection; a
  pixel at distance r from the centre gets the point's colour (clamped to [0, 1]) with
  alpha 0.6 clamp(0.5 - (r - s/2), 0, 1) (the sprite's edge never shows: that alpha is 0
  from r = s/2 + 1/2 on); a point whose centre is outside the view is clipped whole (GL
  clips points by their vertex); points are blended over black in index order with
  (SRC_ALPHA, ONE_MINUS_SRC_ALPHA) on all four channels, each blend rounded to 8 bits.

The random words come from NumPy's RandomState(5) (MT19937 seeded by init_genrand, as
std::mt19937(5) is).

usage: cloud_oracle.py WIDTH HEIGHT OUT.png FRAMES DT
"""
import sys

import numpy as np
from PIL import Image

f32 = np.float32
N = 1_000_000
ORDER = (2, 1, 0)  # the coordinate each of a point's three normals goes to, in draw order


def points():
    """Positions (N, 3) and sizes (N,), as the demo draws them from std::mt19937(5)."""
    count = 5 * N + 100_000  # 4.5 words a point on average (4/pi tries of two words per pair)
    words = np.random.RandomState(5).randint(0, 2**32, size=count, dtype=np.uint64)
    u = words.astype(np.float32) / f32(2.0**32)
    u = np.where(u >= f32(1), np.nextafter(f32(1), f32(0)), u)
    two = f32(2) * u - f32(1)
    # A try starting at word p uses words p (x) and p + 1 (y).
    x, y = two[:-1], two[1:]
    r2 = x * x + y * y
    accepted = ~((r2 > 1) | (r2 == 0))
    # The first accepted try at p, p + 2, p + 4, ...: a reverse running minimum per parity.
    index = np.where(accepted, np.arange(len(accepted)), len(accepted) + 2)
    first = np.empty_like(index)
    for parity in (0, 1):
        first[parity::2] = np.minimum.accumulate(index[parity::2][::-1])[::-1]
    first = first.tolist()
    # The word stream, point by point: a normal either takes the cached half of a pair or
    # starts a new pair (its tries), then the size takes one word.
    pair_at = []  # the accepted try's first word, per pair
    size_at = np.empty(N, np.int64)
    p, cached = 0, False
    for i in range(N):
        for _ in range(3):
            if cached:
                cached = False
            else:
                q = first[p]
                pair_at.append(q)
                p, cached = q + 2, True
        size_at[i] = p
        p += 1
    pair_at = np.array(pair_at)
    px, py, pr2 = x[pair_at], y[pair_at], r2[pair_at]
    mult = np.sqrt((f32(-2) * np.log(pr2)) / pr2)
    # Each pair gives y m first, then x m.
    normals = np.empty(2 * len(pair_at), np.float32)
    normals[0::2], normals[1::2] = py * mult, px * mult
    normals = normals[:3 * N].reshape(N, 3) * f32(0.35)
    position = np.empty((N, 3), np.float32)
    for k, axis in enumerate(ORDER):
        position[:, axis] = normals[:, k]
    size = f32(1) + f32(2) * u[size_at]
    return position, size


def perspective(fovy, aspect, near, far):
    f = 1 / np.tan(fovy / 2)
    return np.array([[f / aspect, 0, 0, 0], [0, f, 0, 0],
                     [0, 0, (far + near) / (near - far), 2 * far * near / (near - far)], [0, 0, -1, 0]])


def rotate(degrees, axis):
    a = np.radians(degrees)
    x, y, z = np.asarray(axis, float) / np.linalg.norm(axis)
    c, s, C = np.cos(a), np.sin(a), 1 - np.cos(a)
    m = np.eye(4)
    m[:3, :3] = [[c + x * x * C, x * y * C - z * s, x * z * C + y * s],
                 [y * x * C + z * s, c + y * y * C, y * z * C - x * s],
                 [z * x * C - y * s, z * y * C + x * s, c + z * z * C]]
    return m


def main():
    width, height, out, frames, dt = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    position, size = points()
    angle = 20.0 * dt * (frames - 1)
    view = np.eye(4)
    view[2, 3] = -3
    view = view @ rotate(float(f32(angle)), [0.3, 1, 0])
    clip = np.c_[position.astype(float), np.ones(N)] @ (perspective(np.radians(45), width / height, 0.1, 10) @ view).T
    cx = (clip[:, 0] / clip[:, 3] + 1) / 2 * width
    cy = (1 - clip[:, 1] / clip[:, 3]) / 2 * height  # from the top, as the image's rows
    colour = np.clip(0.5 + 0.8 * position.astype(float), 0, 1)
    # A point whose centre is outside the clip volume is clipped whole (GL clips points by
    # their vertex), even where its sprite would reach into the window.
    inside = (np.abs(clip[:, :3]) <= clip[:, 3:]).all(axis=1)
    # Fragments: the pixels within s/2 + 1/2 of each point's centre (the others get alpha 0).
    reach = int(np.ceil(size.max() / 2 + 0.5))
    offsets = np.arange(-reach, reach + 1)
    fragments = []
    for dy in offsets:
        for dx in offsets:
            col = np.floor(cx).astype(np.int64) + dx
            row = np.floor(cy).astype(np.int64) + dy
            r = np.hypot(col + 0.5 - cx, row + 0.5 - cy)
            alpha = 0.6 * np.clip(0.5 - (r - size / 2), 0, 1)
            keep = inside & (alpha > 0) & (col >= 0) & (col < width) & (row >= 0) & (row < height)
            fragments.append((np.nonzero(keep)[0], row[keep] * width + col[keep], alpha[keep]))
    point = np.concatenate([f[0] for f in fragments])
    pixel = np.concatenate([f[1] for f in fragments])
    alpha = np.concatenate([f[2] for f in fragments])
    order = np.argsort(pixel * N + point)  # by pixel, then in drawing order
    point, pixel, alpha = point[order], pixel[order], alpha[order]
    start = np.r_[0, np.nonzero(np.diff(pixel))[0] + 1]
    counts = np.diff(np.r_[start, len(pixel)])
    rgba = np.zeros((width * height, 4))
    rgba[:, 3] = 1
    layer = 0
    while True:
        live = counts > layer
        if not live.any():
            break
        f = start[live] + layer
        px, a = pixel[f], alpha[f][:, None]
        src = np.c_[colour[point[f]], alpha[f]]
        rgba[px] = np.rint((src * a + rgba[px] * (1 - a)) * 255) / 255
        layer += 1
    print(f"cloud_oracle: {width}x{height}, {angle:.1f} degrees: {len(pixel)} fragments, at most {layer} on a pixel")
    Image.fromarray(np.rint(rgba.reshape(height, width, 4) * 255).astype(np.uint8), "RGBA").save(out)


main()
