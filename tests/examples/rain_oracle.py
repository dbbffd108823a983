"""The rain demo's picture after N frames of a fixed time step, computed with NumPy: the
oracle for `oracle_rain`.

What the demo draws (examples/rain.cpp), restated from its rules, not from its output:
- simulated time advances by dt each frame after the first (whose dt is 0); before each
  frame's draw, a drop is born at every multiple of 1/60 s not after the time, in a ring
  buffer of 150 records (the 151st birth overwrites record 0). The loop is repeated here
  in the same double arithmetic, so the count of drops at each frame is the demo's;
- a drop's position is two draws of std::uniform_real_distribution<float>(-0.9, 0.9) over
  std::mt19937(1), x first. libstdc++ (Debian 12's GCC) maps one 32-bit word w to
  u = float(w) / 2^32 in float (u >= 1 becomes the float below 1), then a + u (b - a) in
  float; the words come from NumPy's RandomState(1) (MT19937 seeded by init_genrand, as
  std::mt19937(1) is);
- all 150 records are drawn as points in record order, over a black background, blended
  with (SRC_ALPHA, ONE_MINUS_SRC_ALPHA) on all four channels, each blend rounded to 8
  bits as the RGBA8 framebuffer stores it. A drop of age a (time and birth in float) is a
  square sprite of side S = (4 + 50 a) width / 512 pixels centred on its position; a pixel
  at distance r from the centre gets colour (0.6, 0.8, 1.0) with alpha
  (1 - smoothstep(0, 1.5, |r - S/2 + 2|)) clamp(1 - a/2, 0, 1). That alpha is 0 from
  r = S/2 - 0.5 on, so the sprite's own edge never shows and is not modelled.

usage: rain_oracle.py WIDTH HEIGHT OUT.png FRAMES DT
"""
import sys

import numpy as np
from PIL import Image

width, height, out, frames, dt = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
f32 = np.float32
N = 150

rng = np.random.RandomState(1)
low, high = f32(-0.9), f32(0.9)


def where():
    u = f32(rng.randint(0, 2**32, dtype=np.uint64)) / f32(2.0**32)
    if u >= f32(1):
        u = np.nextafter(f32(1), f32(0))
    return f32(u * (high - low)) + low


position = np.zeros((N, 2), np.float32)
birth = np.full(N, -1e6, np.float32)
nxt, time, born = 0, 0.0, 0.0
for frame in range(frames):
    time += 0.0 if frame == 0 else dt
    while born <= time:
        x = where()
        y = where()
        position[nxt] = (x, y)
        birth[nxt] = f32(born)
        nxt = (nxt + 1) % N
        born += 1.0 / 60.0

scale = f32(width) / f32(512)
rgba = np.zeros((height, width, 4))
rgba[..., 3] = 1.0
colour = np.array([0.6, 0.8, 1.0])
px = np.arange(width) + 0.5
py = np.arange(height)[::-1] + 0.5  # image row 0 is the top of the window
visible = 0
for i in range(N):
    age = f32(time) - birth[i]
    fade = min(max(1.0 - float(age) / 2.0, 0.0), 1.0)
    if fade == 0.0:
        continue  # alpha 0: blending leaves the pixels as they are
    visible += 1
    size = float((f32(4) + f32(50) * age) * scale)
    cx = (float(position[i, 0]) + 1) / 2 * width
    cy = (float(position[i, 1]) + 1) / 2 * height
    r = np.hypot(px[None, :] - cx, py[:, None] - cy)
    e = np.clip(np.abs(r - 0.5 * size + 2.0) / 1.5, 0, 1)
    alpha = (1 - e * e * (3 - 2 * e)) * fade
    src = np.concatenate([np.broadcast_to(colour, rgba.shape[:2] + (3,)), alpha[..., None]], axis=-1)
    rgba = np.rint((src * alpha[..., None] + rgba * (1 - alpha[..., None])) * 255) / 255
print(f"rain_oracle: {frames} frames, t = {time:.4f} s: {round(born * 60)} drops born, {visible} visible")
Image.fromarray(np.rint(rgba * 255).astype(np.uint8), "RGBA").save(out)
