#!/usr/bin/env bash
# The main job: the spiral galaxy. Installs what it needs, builds, runs the demo (in a
# window when there is a display, offscreen otherwise) and writes out/galaxy.png (the last
# frame) and out/galaxy.mp4 (every frame). Extra arguments go to the demo, e.g.
#   bash scripts/galaxy.sh --frames 600 --size 1024x1024
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DGLUMPP_BUILD_TESTS=OFF \
  -DGLUMPP_BUILD_BENCHMARKS=OFF -Wno-dev >/dev/null
ninja -C build/release -j "${GLUMPP_JOBS:-2}" galaxy
mkdir -p out
./build/release/examples/galaxy --frames 120 --framerate 30 --screenshot out/galaxy.png --record out/galaxy.mp4 "$@"
