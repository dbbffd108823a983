"""The game-of-life demo's cells after N frames, computed with NumPy: the oracle for
`oracle_game-of-life`.

What the demo does (examples/game-of-life.cpp), restated here from its rules, not from its
output:
- a 256 x 256 torus of cells; generation 0 has each cell alive where the next word of
  std::mt19937(11) is divisible by 4, cells visited row by row (texture row 0 first, which
  GL shows at the bottom of the window);
- frame f (counting from 1) first drops a glider when f is a multiple of 60, with its
  top-left corner at column f % 256, row 3f % 256: cells (row + dy, column + dx), wrapped,
  for (dx, dy) in (1,0) (2,1) (0,2) (1,2) (2,2) are set alive, the others left as they are;
  then it computes one generation (Conway's B3/S23 with wrap-around) and shows it;
- the shown texture fills the window, texture row 0 at the bottom, a live cell in
  (0.55, 0.95, 0.65) and a dead one in (0.05, 0.06, 0.10).

The random words come from NumPy's legacy RandomState(11): it seeds MT19937 with
init_genrand, as std::mt19937(11) does, and randint over [0, 2^32) hands out its raw
32-bit words. The screenshot is read back at the pixel holding each cell's centre, which
lies inside the cell when the window has at least one pixel per cell each way (with
fewer, some cells are never drawn). Every sampled pixel must be one of the two colours
(within 3/255) and the grid must match the computed one exactly; on a mismatch the
differing cells are listed.

usage: game_of_life_oracle.py SCREENSHOT.png FRAMES
"""
import sys

import numpy as np
from PIL import Image

SIZE = 256
ALIVE = np.array([0.55, 0.95, 0.65]) * 255
DEAD = np.array([0.05, 0.06, 0.10]) * 255


def generations(frames):
    words = np.random.RandomState(11).randint(0, 2**32, size=SIZE * SIZE, dtype=np.uint64)
    cells = (words % 4 == 0).reshape(SIZE, SIZE)  # [row, column], row 0 = texture row 0
    for f in range(1, frames + 1):
        if f % 60 == 0:
            x, y = f % SIZE, (3 * f) % SIZE
            for dx, dy in ((1, 0), (2, 1), (0, 2), (1, 2), (2, 2)):
                cells[(y + dy) % SIZE, (x + dx) % SIZE] = True
        neighbours = sum(np.roll(cells, (dy, dx), axis=(0, 1)).astype(int)
                         for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dx, dy) != (0, 0))
        cells = (neighbours == 3) | (cells & (neighbours == 2))
    return cells


def shown(png):
    rgb = np.asarray(Image.open(png).convert("RGB"), dtype=float)
    height, width = rgb.shape[:2]
    if width < SIZE or height < SIZE:
        # Fewer pixels than cells: some cells are never drawn, the grid cannot be read back.
        sys.exit(f"game_of_life_oracle: {png} is {width}x{height}; reading {SIZE}x{SIZE} cells back "
                 f"needs at least {SIZE} pixels each way")
    # Cell (row r, column c) covers window x in [c, c+1) * width/SIZE and, counted from
    # the bottom, y in [r, r+1) * height/SIZE; image row 0 is the top of the window.
    xs = ((np.arange(SIZE) + 0.5) * width / SIZE).astype(int)
    ys = height - 1 - ((np.arange(SIZE) + 0.5) * height / SIZE).astype(int)
    samples = rgb[ys[:, None], xs[None, :]]
    to_alive = np.abs(samples - ALIVE).max(axis=2)
    to_dead = np.abs(samples - DEAD).max(axis=2)
    stray = np.minimum(to_alive, to_dead) > 3
    if stray.any():
        r, c = np.argwhere(stray)[0]
        sys.exit(f"game_of_life_oracle: {stray.sum()} sampled pixels are neither colour, "
                 f"the first at cell (row {r}, column {c}): {samples[r, c]}")
    return to_alive < to_dead


def main():
    png, frames = sys.argv[1], int(sys.argv[2])
    expected, actual = generations(frames), shown(png)
    wrong = np.argwhere(expected != actual)
    print(f"game_of_life_oracle: generation {frames}: {expected.sum()} cells alive computed, "
          f"{actual.sum()} shown, {len(wrong)} of {SIZE * SIZE} cells differ")
    if len(wrong):
        listed = ", ".join(f"(row {r}, column {c}: computed {'alive' if expected[r, c] else 'dead'})"
                           for r, c in wrong[:10])
        sys.exit(f"game_of_life_oracle: FAILED: {listed}{' ...' if len(wrong) > 10 else ''}")


main()
