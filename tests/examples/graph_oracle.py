"""graph's layout and picture against glumpy's own model, run with NumPy.

  graph_oracle.py SCREENSHOT.png PREFIX

The demo (`graph dump PREFIX`) writes its random initial positions, the positions after
its last tick and how many ticks ran. Here glumpy's on_timer (examples/graph.py, line for
line, with scipy's cdist(XY, XY, 'sqeuclidean') written out) runs that many times from the
same start: every node must end within 1e-6 px of the demo's. The screenshot must then show
the nodes there: the pixel under each node's centre has the discs' fill colour (255, 128,
128) for at least 90% of the nodes (a disc drawn later may cover another's centre with its
white edge), no fill pixel lies farther than 8 px from a node (a 15-px disc's radius and
its antialiasing), and the fill's centroid is within 1 px of the nodes' mean. The edges
(grey 1-px segments, (191, 191, 191) antialiased towards the white background): every grey
pixel (channels within 12 of each other, darker than 245) lies within 2 px of some
N[src] -> N[tgt] line or inside a disc's 10 px, and of each line's length outside the discs
(points every px, farther than 10 px from every node) at least 90% has a grey pixel within
1 px. With the segments not drawn the ink check fails (0% inked), and with them drawn
between the wrong nodes (tgt shifted by one) both fail."""
import sys

import numpy as np
from PIL import Image


def on_timer(N, src, tgt, width, height):
    X, Y, XY = N[:, 0], N[:, 1], N[:, :2]
    attraction, repulsion, length = 0.4, 25, 30
    x, y = width / 2, height / 2
    XY += 0.01 * ([x, y] - XY)
    D = N[src] - N[tgt]
    L = np.maximum(np.sqrt((D * D).sum(axis=1)), 1)
    L = (L - length) / L
    D *= attraction * L[:, np.newaxis]
    X -= .5 * np.bincount(src, D[:, 0], minlength=len(N))
    Y -= .5 * np.bincount(src, D[:, 1], minlength=len(N))
    X += .5 * np.bincount(tgt, D[:, 0], minlength=len(N))
    Y += .5 * np.bincount(tgt, D[:, 1], minlength=len(N))
    diff = XY[:, np.newaxis, :] - XY[np.newaxis, :, :]
    dist = np.maximum((diff ** 2).sum(axis=2), 1)  # cdist(XY, XY, 'sqeuclidean')
    D = np.empty((len(N), len(N), 2))
    D[..., 0] = np.subtract.outer(X, X) / dist
    D[..., 1] = np.subtract.outer(Y, Y) / dist
    R = D.sum(axis=1)
    XY += repulsion * R / np.sqrt(((R * R).sum(axis=0)))


def edges(img, final, src, tgt):
    """(share of grey pixels off every line, each line's inked share of its visible length)."""
    h, w = img.shape[:2]
    grey = (img.max(axis=2) - img.min(axis=2) <= 12) & (img.max(axis=2) < 245)
    ys, xs = np.nonzero(grey)
    P = np.stack([xs + 0.5, h - ys - 0.5], axis=1)  # pixel centres, y up
    A, B = final[src, :2], final[tgt, :2]
    AB = B - A
    t = ((P[:, None, :] - A[None]) * AB[None]).sum(axis=2) / np.maximum((AB * AB).sum(axis=1), 1e-12)[None]
    Q = A[None] + np.clip(t, 0, 1)[..., None] * AB[None]
    line = np.sqrt(((P[:, None, :] - Q) ** 2).sum(axis=2)).min(axis=1)
    node = np.sqrt(((P[:, None, :] - final[None, :, :2]) ** 2).sum(axis=2)).min(axis=1)
    stray = ((line > 2) & (node > 10)).mean() if len(P) else 0.0
    inked = []
    for a, b in zip(A, B):
        k = max(int(np.hypot(*(b - a))), 1)
        S = a + np.linspace(0, 1, k + 1)[:, None] * (b - a)
        S = S[np.sqrt(((S[:, None, :] - final[None, :, :2]) ** 2).sum(axis=2)).min(axis=1) > 10]
        if len(S) == 0:
            continue
        hit = 0
        for x, y in S:
            c, r = int(np.floor(x)), int(np.floor(h - y))
            win = grey[max(r - 1, 0):r + 2, max(c - 1, 0):c + 2]
            hit += bool(win.any())
        inked.append(hit / len(S))
    return stray, np.array(inked if inked else [0.0])


def main():
    shot, prefix = sys.argv[1], sys.argv[2]
    N = np.load(prefix + "-initial.npy") * (1, 1, 0)
    final = np.load(prefix + "-final.npy")
    ticks = int(np.load(prefix + "-ticks.npy")[0])
    img = np.asarray(Image.open(shot).convert("RGB"), dtype=int)
    h, w = img.shape[:2]
    depth, branch = 4, 3
    n = int((1 - branch ** (depth + 1)) / (1 - branch))
    A = np.zeros((n, n), dtype=bool)
    nodes = iter(range(n))
    parents = [next(nodes)]
    while parents:
        source = parents.pop(0)
        for i in range(branch):
            try:
                target = next(nodes)
                parents.append(target)
                A[source, target] = 1
            except StopIteration:
                break
    src, tgt = np.nonzero(A)
    for _ in range(ticks):
        on_timer(N, src, tgt, w, h)
    err = np.abs(N - final).max()
    px = np.clip(np.round(final[:, 0] - 0.5).astype(int), 0, w - 1)
    py = np.clip(np.round(h - final[:, 1] - 0.5).astype(int), 0, h - 1)
    fill = (np.abs(img - [255, 128, 128]).max(axis=2) <= 16)
    on = fill[py, px].mean()
    ys, xs = np.nonzero(fill)
    cx, cy = xs.mean() + 0.5, h - (ys.mean() + 0.5)
    d2 = (xs[:, None] + 0.5 - final[None, :, 0]) ** 2 + (h - ys[:, None] - 0.5 - final[None, :, 1]) ** 2
    far = (np.sqrt(d2.min(axis=1)) > 8).mean()
    mean = final[:, :2].mean(axis=0)
    stray, inked = edges(img, final, src, tgt)
    print(f"graph_oracle: {ticks} ticks, largest difference from NumPy's layout {err:.2e} px (< 1e-6); "
          f"{100 * on:.1f}% of node centres on the fill (>= 90%); {100 * far:.3f}% of fill pixels farther than 8 px "
          f"from a node (0%); fill centroid ({cx:.2f}, {cy:.2f}) vs nodes' mean ({mean[0]:.2f}, {mean[1]:.2f}) (within 1 px); "
          f"{100 * stray:.3f}% of grey pixels off every edge line (0%); worst line {100 * inked.min():.1f}% inked, "
          f"mean {100 * inked.mean():.1f}% (>= 90%)")
    ok = (ticks > 0 and err < 1e-6 and on >= 0.9 and far == 0 and np.hypot(cx - mean[0], cy - mean[1]) <= 1
          and stray == 0 and inked.min() >= 0.9)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
