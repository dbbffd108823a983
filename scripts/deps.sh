#!/usr/bin/env bash
# Installs the Debian packages glumpp needs to build, test and run its demos.
# Idempotent and quiet when everything is there already. Debian 12 (bookworm).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git ca-certificates ccache mold
  # tests, benchmarks, fuzzing (libFuzzer comes with clang's runtime)
  googletest libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  # GL through libepoxy; headless EGL on Mesa's llvmpipe
  libepoxy-dev libegl-dev libgl-dev libegl1 libegl-mesa0 libgl1-mesa-dri libgbm1
  # windows, maths, images, command lines, SVG, fonts, tessellation
  libglfw3-dev libglm-dev libstb-dev libcli11-dev libpugixml-dev libfreetype-dev libglu1-mesa-dev
  # text: shaping, font lookup by family, and the fonts glumpy's examples use
  libharfbuzz-dev libfontconfig-dev fonts-dejavu-core fonts-open-sans fonts-roboto-unhinted
  # real windows under Xvfb in tests (xwininfo reads their titles and sizes); video; the
  # reference SVG rasterizer; NumPy and PIL for the oracles
  xvfb xauth x11-utils ffmpeg librsvg2-bin python3-numpy python3-pil
  # plot: the colormaps and tick locators are tested against matplotlib's
  python3-matplotlib
  # optional: glumpp::imgui (Dear ImGui 1.86 with its GLFW and OpenGL 3 backends, prebuilt);
  # its test drives real widgets with XTEST input
  libimgui-dev libxtst6
  # the SVG corpus test (tests/svg/corpus.py): real files from icon themes, card decks,
  # chess pieces and clip art, read where Debian installs them
  adwaita-icon-theme tango-icon-theme gnome-cards-data xboard openclipart-svg
  # an SDL2 host for Context::adopt_current's test (GLX and EGL)
  libsdl2-dev
  # optional: glumpp::qt (Qt 6 widgets, preferred, or Qt 5: GLUMPP_QT=5; its test drives
  # them with QTest)
  qtbase5-dev qt6-base-dev libqt6opengl6-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "deps.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
