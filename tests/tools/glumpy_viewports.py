# Makes tests/golden/glumpy-viewports.txt with glumpy itself: random viewport trees (every
# kind of size, position and anchor glumpy's rules distinguish, exact halves for its
# rounding, aspects), laid out by glumpy's own app.Viewport._compute_viewport. test_viewport
# builds the same trees with app::Viewport and compares the extents.
#
#   PYTHONPATH=GLUMPY python3 THIS.py 150 > tests/golden/glumpy-viewports.txt
#
# One line per viewport, a tree's root first, each node after its parent:
#   PARENT SX SY PX PY AX AY ASPECT  X Y W H
# PARENT -1 for a root (SX SY its window size), else the node's index in its tree;
# ASPECT 0 for none; X Y W H glumpy's extents. A blank line ends a tree.
import random, sys

from glumpy.app.viewport import Viewport

rng = random.Random(14)


def component(kind=None):
    kind = kind or rng.choice(["abs", "rel", "negrel", "negabs", "edge", "half"])
    if kind == "abs":
        return float(rng.randint(2, 600))
    if kind == "rel":
        return rng.choice([rng.random(), 0.5, 0.25, 1.0])
    if kind == "negrel":
        return -rng.choice([rng.random(), 0.125, 0.5])
    if kind == "negabs":
        return float(-rng.randint(1, 300))
    if kind == "edge":
        return rng.choice([0.0, 1.0, -1.0])
    return rng.randint(1, 40) + 0.5  # a half: Python rounds it to even


count = int(sys.argv[1])
for _ in range(count):
    nodes = []
    W, H = rng.randint(50, 1200), rng.randint(50, 1200)
    aspect = rng.choice([None, None, rng.uniform(0.3, 3), 1.0])
    root = Viewport((W, H), aspect=aspect)
    nodes.append((root, -1, (W, H), (0, 0), (0, 0), aspect))
    for _ in range(rng.randint(1, 6)):
        parent = rng.randrange(len(nodes))
        size = (component(), component())
        position = (component(), component())
        anchor = (component(), component())
        a = rng.choice([None, None, None, rng.uniform(0.3, 3), 1.0])
        v = Viewport(size, position, anchor, a)
        nodes[parent][0].add(v)
        nodes.append((v, parent, size, position, anchor, a))
    root._compute_viewport()
    for v, parent, size, position, anchor, a in nodes:
        x, y, w, h = v.extents
        print(parent, *map(repr, map(float, size)), *map(repr, map(float, position)), *map(repr, map(float, anchor)),
              repr(float(a or 0)), *map(repr, map(float, (x, y, w, h))))
    print()
