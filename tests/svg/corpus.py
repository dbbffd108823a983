#!/usr/bin/python3
"""The SVG corpus test: real SVG files from Debian packages (scripts/deps.sh installs them;
none is copied into the repository), each rendered at 256x256 by the `tiger` demo and by
rsvg-convert (librsvg: the oracle), compared as the tiger test compares them:

  - mean absolute difference over every RGB component, in [0, 1]: at most 0.05;
  - IoU of the inked pixels (some component below 239: not background white): >= 0.93.

A fixed, seeded sample of each package's files keeps the runtime bounded and the result
reproducible. Files are grouped by the features they use (found in their text: a file
may have several); the pass rate of each group is printed, and the test fails when

  - the demo ends abnormally (a signal, or any exit status but 0 and 1) on any file: no
    input may end the process;
  - the pass rate over all files, over the files that use no feature the reader
    skips ("plain"), or over one feature's files drops below the rate given
    (--min-rate, --min-plain-rate, --min-feature-rate gradient=0.9).

rsvg-convert is asked for the demo's frame: the document's box (from the root's width,
height and viewBox) fitted and centred in 256x256, to the fraction of a pixel, as the
demo's pan-zoom fits it; where the box is not known, its --keep-aspect-ratio picture is
centred to the pixel. A file
rsvg-convert cannot render is left out (it has no reference). Exit 77: nothing to test
(rsvg-convert or every corpus package missing), for ctest's SKIP_RETURN_CODE.
"""
import argparse, concurrent.futures, gzip, os, random, re, subprocess, sys
from pathlib import Path

import numpy as np
from PIL import Image

SIDE = 256
MAX_MAD, MIN_IOU = 0.05, 0.93

# (package, folder, glob, how many to sample)
SOURCES = [
    ("adwaita-icon-theme", "/usr/share/icons/Adwaita/scalable", "**/*.svg", 16),
    ("tango-icon-theme", "/usr/share/icons/Tango/scalable", "**/*.svg", 30),
    ("gnome-cards-data", "/usr/share/aisleriot/cards", "*.svgz", 4),
    ("xboard", "/usr/share/games/xboard", "**/*.svg", 12),
    ("openclipart-svg", "/usr/share/openclipart", "**/*.svg", 38),
]

# Feature: a pattern of the file's text. Everything else is "plain".
FEATURES = [
    ("gradient", r"<(\w+:)?(linearGradient|radialGradient)\b"),
    ("pattern", r"<(\w+:)?pattern\b"),
    ("text", r"<(\w+:)?text\b"),
    ("filter", r"<(\w+:)?filter\b"),
    ("clip-path", r"clip-path\s*[:=]"),
    ("mask", r"<(\w+:)?mask\b"),
    ("dasharray", r"stroke-dasharray\s*[:=]\s*[\"']?\s*[0-9.]"),
    ("css", r"<(\w+:)?style\b"),
    ("image", r"<(\w+:)?image\b"),
    ("marker", r"<(\w+:)?marker\b"),
    ("entity", r"<!ENTITY"),
]


def features_of(text):
    found = [name for name, pattern in FEATURES if re.search(pattern, text)]
    return found or ["plain"]


UNITS = {"": 1.0, "px": 1.0, "pt": 4.0 / 3.0, "pc": 16.0, "mm": 96.0 / 25.4, "cm": 96.0 / 2.54, "in": 96.0}


def intrinsic_size(text):
    """The root's size in pixels from width and height (absolute units), else from the
    viewBox; None when neither says (or in units this does not know)."""
    m = re.search(r"<(\w+:)?svg\b([^>]*)>", text)
    if not m:
        return None
    attrs = m.group(2)

    def attr(name):
        a = re.search(r"(?<![\w:-])" + name + r"\s*=\s*[\"']([^\"']*)[\"']", attrs)
        return a.group(1).strip() if a else None

    def length(v):
        n = re.fullmatch(r"([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?", v or "")
        return float(n.group(1)) * UNITS[n.group(2) or ""] if n else None

    w, h = length(attr("width")), length(attr("height"))
    box = attr("viewBox")
    if box:
        parts = re.split(r"[\s,]+", box.strip())
        if len(parts) == 4:
            try:
                bw, bh = float(parts[2]), float(parts[3])
            except ValueError:
                bw = bh = None
            if bw and bh and bw > 0 and bh > 0:
                if w is None and h is None:
                    w, h = bw, bh
                elif w is None and attr("width") is None:
                    w = h * bw / bh
                elif h is None and attr("height") is None:
                    h = w * bh / bw
    return (w, h) if w and h and w > 0 and h > 0 else None


def load_rgb(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(np.int32)


def centred(img):
    out = np.full((SIDE, SIDE, 3), 255, np.int32)
    h, w = img.shape[:2]
    h, w = min(h, SIDE), min(w, SIDE)
    y, x = (SIDE - h) // 2, (SIDE - w) // 2
    out[y:y + h, x:x + w] = img[:h, :w]
    return out


def compare(a, b):
    mad = np.abs(a - b).mean() / 255.0
    ia, ib = (a < 239).any(axis=2), (b < 239).any(axis=2)
    either = (ia | ib).sum()
    iou = (ia & ib).sum() / either if either else 1.0
    return mad, iou


def run_one(demo, source, out):
    stem = re.sub(r"[^A-Za-z0-9_.-]", "_", str(source).strip("/"))
    svg = source
    if source.suffix == ".svgz":
        svg = out / (stem + ".svg")
        svg.write_bytes(gzip.decompress(source.read_bytes()))
    text = svg.read_bytes().decode("utf-8", "replace")
    ref, ours = out / (stem + ".rsvg.png"), out / (stem + ".glumpp.png")
    # The demo fits the document's box in its window, centred, to the fraction of a
    # pixel: rsvg-convert is asked for the same frame where the box is known (else its
    # fitted picture is centred to the pixel, up to half a pixel off).
    size = intrinsic_size(text)
    frame = []
    if size:
        s = min(SIDE / size[0], SIDE / size[1])
        w, h = size[0] * s, size[1] * s
        frame = ["-w", f"{w:.4f}", "-h", f"{h:.4f}", "--page-width", str(SIDE), "--page-height", str(SIDE),
                 "--left", f"{(SIDE - w) / 2:.4f}", "--top", f"{(SIDE - h) / 2:.4f}"]
    else:
        frame = ["-a", "-w", str(SIDE), "-h", str(SIDE)]
    r = subprocess.run(["rsvg-convert", *frame, "-b", "white", "-o", str(ref), str(svg)], capture_output=True, timeout=120)
    if r.returncode != 0 or not ref.exists():
        return None
    try:
        d = subprocess.run([demo, str(svg), "--backend", "offscreen", "--frames", "1", "--size", f"{SIDE}x{SIDE}",
                            "--screenshot", str(ours)], capture_output=True, timeout=120)
        rc, err = d.returncode, d.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, err = "timeout", ""
    if rc == 0 and ours.exists():
        mine = load_rgb(ours)
    else:
        mine = np.full((SIDE, SIDE, 3), 255, np.int32)  # nothing drawn
    mad, iou = compare(mine, centred(load_rgb(ref)))
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    return dict(file=str(source), rc=rc, mad=mad, iou=iou, ok=(rc == 0 and mad <= MAX_MAD and iou >= MIN_IOU),
                features=features_of(text), silent=not warnings, err=err)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--demo", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies each source's sample size")
    ap.add_argument("--min-rate", type=float, default=0.0)
    ap.add_argument("--min-plain-rate", type=float, default=0.0)
    ap.add_argument("--min-feature-rate", action="append", default=[], metavar="FEATURE=RATE",
                    help="the pass rate a feature's group may not drop below (repeatable)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--documents", help="a folder of small documents, one feature each: every one must pass")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["sh", "-c", "command -v rsvg-convert"], capture_output=True).returncode != 0:
        print("corpus: rsvg-convert is not installed (librsvg2-bin, scripts/deps.sh)")
        return 77
    rng = random.Random(args.seed)
    files = []
    for package, folder, pattern, count in SOURCES:
        found = sorted(Path(folder).glob(pattern)) if Path(folder).is_dir() else []
        if not found:
            print(f"corpus: {package} is not installed ({folder}); its files are left out")
            continue
        files += rng.sample(found, min(len(found), max(1, round(count * args.scale))))
    documents = sorted(Path(args.documents).glob("*.svg")) if args.documents else []
    if not files and not documents:
        print("corpus: no corpus package is installed (scripts/deps.sh installs them)")
        return 77
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        own = list(pool.map(lambda f: run_one(args.demo, f, out), documents))
        results = [r for r in pool.map(lambda f: run_one(args.demo, f, out), files) if r]
    status = 0
    for f, r in zip(documents, own):
        if r is None:
            print(f"corpus: FAIL: rsvg-convert cannot render {f}")
            status = 1
            continue
        verdict = "pass" if r["ok"] else "FAIL"
        print(f"corpus: document {f.name}: {verdict}: difference {r['mad']:.4f}, IoU {r['iou']:.4f}")
        if not r["ok"]:
            print(r["err"][-2000:])
            status = 1
    if not results:
        return status
    crashed = [r for r in results if r["rc"] not in (0, 1)]
    groups = {}
    for r in results:
        for f in r["features"]:
            groups.setdefault(f, []).append(r)
    print(f"corpus: {len(results)} files (seed {args.seed}); pass: mean difference <= {MAX_MAD}, coverage IoU >= {MIN_IOU}")
    for name in ["plain"] + [n for n, _ in FEATURES]:
        g = groups.get(name, [])
        if g:
            passed = sum(r["ok"] for r in g)
            print(f"corpus:   {name:10s} {passed:4d} / {len(g):4d} pass ({100.0 * passed / len(g):5.1f}%)")
    passed = sum(r["ok"] for r in results)
    rate = passed / len(results)
    plain = groups.get("plain", [])
    plain_rate = sum(r["ok"] for r in plain) / len(plain) if plain else 1.0
    print(f"corpus:   {'all':10s} {passed:4d} / {len(results):4d} pass ({100.0 * rate:5.1f}%)")
    print(f"corpus: load failures: {sum(r['rc'] == 1 for r in results)}; failing files without any warning: "
          f"{sum((not r['ok']) and r['silent'] for r in results)}")
    for r in sorted(results, key=lambda r: r["iou"]):
        if not r["ok"]:
            print(f"corpus:   fail {r['file']}: rc {r['rc']}, difference {r['mad']:.3f}, IoU {r['iou']:.3f}, "
                  f"features {','.join(r['features'])}{', no warning' if r['silent'] else ''}")
    for r in crashed:
        print(f"corpus: FAIL: the demo ended abnormally ({r['rc']}) on {r['file']}:\n{r['err'][-2000:]}")
        status = 1
    if rate < args.min_rate:
        print(f"corpus: FAIL: pass rate {rate:.3f} is below {args.min_rate}")
        status = 1
    for spec in args.min_feature_rate:
        name, _, value = spec.partition("=")
        g = groups.get(name, [])
        feature_rate = sum(r["ok"] for r in g) / len(g) if g else 1.0
        if feature_rate < float(value):
            print(f"corpus: FAIL: {name} files' pass rate {feature_rate:.3f} is below {value}")
            status = 1
    if plain_rate < args.min_plain_rate:
        print(f"corpus: FAIL: plain files' pass rate {plain_rate:.3f} is below {args.min_plain_rate}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
