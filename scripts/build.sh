#!/usr/bin/env bash
# Builds one or both presets: scripts/build.sh [native] [web]  (both when none is named).
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
    *) echo "build.sh: unknown preset $t" >&2; exit 2 ;;
  esac
done
