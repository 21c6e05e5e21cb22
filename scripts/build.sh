#!/usr/bin/env bash
# Builds presets: scripts/build.sh [native] [web] [sanitize]  (native and web when none is named).
#   sanitize: the tests under ASan and UBSan, and the fuzz target (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten finds acorn there (TOOLCHAIN.md)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native web)
for t in "${targets[@]}"; do
  case "$t" in
    native)
      [ -f build/native/build.ninja ] || cmake --preset native >/dev/null
      cmake --build --preset native ;;
    web)
      [ -f build/web/build.ninja ] || emcmake cmake --preset web >/dev/null
      cmake --build build/web ;;
    sanitize)
      [ -f build/sanitize/build.ninja ] || cmake --preset sanitize >/dev/null
      cmake --build --preset sanitize --target cultivate_tests fuzz_import ;;
    *) echo "build.sh: unknown preset $t" >&2; exit 2 ;;
  esac
done
