#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine: installs what it needs, builds,
# and runs
#   1. the tests (GL tests on Mesa llvmpipe through EGL, window tests under Xvfb) and a
#      consumer built against the installed package;
#   2. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. short libFuzzer runs of the .npy and dtype parsers and the SVG path-data and
#      document readers (clang).
# Build trees go to build/ci-*. Set GLUMPP_TEST_STAGES to a subset ("main asan fuzz").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stages=${GLUMPP_TEST_STAGES:-main asan fuzz}
jobs=${GLUMPP_JOBS:-2}

bash scripts/deps.sh

step() { printf '\n=== %s ===\n' "$*"; }

# A real X server for the GLFW window tests; stopped by its PID whatever happens.
xvfb_pid=""
# (Xvfb is a grandchild, so there is nothing to `wait` for; the script's own status is kept.)
stop_xvfb() {
  local status=$?
  if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  exit "$status"
}
trap stop_xvfb EXIT
exec 7< <(Xvfb -displayfd 1 -screen 0 1024x768x24 -nolisten tcp 2>/dev/null & echo "pid $!"; wait)
display=""
for _ in 1 2; do # the pid and the display number, in whichever order they come
  read -r -t 10 line <&7 || break
  case $line in pid\ *) xvfb_pid=${line#pid } ;; *) display=$line ;; esac
done
if [[ -n $display ]]; then
  export DISPLAY=":$display"
  echo "test.sh: Xvfb on $DISPLAY (pid $xvfb_pid)"
else
  echo "test.sh: Xvfb did not start; the GLFW window test will start its own" >&2
fi
configure() { cmake -S "$root" -B "$1" -G Ninja -Wno-dev "${@:2}" >/dev/null; }

for stage in $stages; do
  case $stage in
    main)
      step "build and test (RelWithDebInfo)"
      configure build/ci-main -DCMAKE_BUILD_TYPE=RelWithDebInfo
      ninja -C build/ci-main -j "$jobs"
      ctest --test-dir build/ci-main -j "$jobs" --output-on-failure
      ;;
    asan)
      step "build and test with ASan + UBSan"
      # One Qt is enough here: the second (glumpp_qt_other, test_qt_other) is the same
      # Widget.cpp, built and tested by the main stage.
      configure build/ci-asan -DCMAKE_BUILD_TYPE=Debug -DGLUMPP_SANITIZE=ON -DGLUMPP_BUILD_BENCHMARKS=OFF -DGLUMPP_BUILD_EXAMPLES=OFF \
        -DGLUMPP_QT_TEST_OTHER=OFF
      ninja -C build/ci-asan -j "$jobs"
      # LSan's exit-time tracer stops every thread of the process; under load it now and
      # then crashes itself ("Tracer caught signal 11") while stopping Mesa's worker
      # threads, in a test that passed. Fewer threads make that rarer: llvmpipe
      # rasterizes in the calling thread (LP_NUM_THREADS=0) and Mesa's shader cache, with
      # its writer thread, is off. A test failing anyway runs once more (its first failure
      # stays in the log); an error that reproduces fails both runs.
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS=suppressions="$root/tests/lsan.supp" LP_NUM_THREADS=0 MESA_SHADER_CACHE_DISABLE=true \
        ctest --test-dir build/ci-asan -j "$jobs" --output-on-failure --repeat until-pass:2
      ;;
    fuzz)
      step "fuzz the .npy and dtype parsers and the SVG path-data and document readers (libFuzzer)"
      configure build/ci-fuzz -DCMAKE_CXX_COMPILER=clang++ -DGLUMPP_BUILD_FUZZERS=ON -DGLUMPP_ONLY_ARRAY=ON \
        -DGLUMPP_BUILD_TESTS=OFF -DGLUMPP_BUILD_BENCHMARKS=OFF -DGLUMPP_BUILD_EXAMPLES=OFF
      ninja -C build/ci-fuzz -j "$jobs"
      ctest --test-dir build/ci-fuzz --output-on-failure
      ;;
    *) echo "test.sh: unknown stage '$stage'" >&2; exit 2 ;;
  esac
done
step "all stages passed: $stages"
