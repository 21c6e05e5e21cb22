#!/usr/bin/env bash
# Sets up, builds, and runs every test layer. Exits non-zero on any failure and ends with the line
# "N passed, M failed" summing all layers.
#   1 unit          doctest tests of the core (native)
#   2 properties    merge properties on random replicas (native)
#   3 wasm          layers 1, 2, 4, 5 built to WebAssembly, run under Node
#   4 jsontestsuite JSONTestSuite through the import path (native)
#   5 truncation    a valid export cut at every byte (native)
#   6 cli           the command-line tool, native and wasm, and the file format's JSON Schema
#   7 browser       the built page in Debian's Chromium through playwright-core
#   8 sanitizers    layers 1 and 2 under AddressSanitizer and UndefinedBehaviorSanitizer (2 fixed seeds)
#   9 fuzz          libFuzzer on the import path for a minute (scripts/fuzz.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export NODE_PATH=/usr/share/nodejs

passed=0; failed=0
summary() { echo; echo "$passed passed, $failed failed"; }
fail_setup() { echo "test.sh: $1" >&2; failed=$((failed + 1)); summary; exit 1; }

scripts/setup.sh || fail_setup "set-up failed"
scripts/build.sh native web sanitize || fail_setup "the build failed"

# The shared test data: ../shared/testdata next to the checkout, or where CULTIVATE_TESTDATA says.
if [ -z "${CULTIVATE_TESTDATA:-}" ]; then
  for d in "$ROOT/../shared/testdata" /work/shared/testdata; do
    [ -d "$d/JSONTestSuite" ] && { CULTIVATE_TESTDATA=$(cd "$d" && pwd); break; }
  done
fi
export CULTIVATE_TESTDATA=${CULTIVATE_TESTDATA:-$ROOT/../shared/testdata}

LOGS=build/test-logs
mkdir -p "$LOGS"

# Runs one layer; adds its counts (doctest test cases, or node:test tests) to the totals.
layer() {
  local name=$1; shift
  local log=$LOGS/$name.log
  local t0=$SECONDS
  "$@" >"$log" 2>&1
  local rc=$?
  local p f
  if grep -q '^\[doctest\] test cases:' "$log"; then
    p=$(sed -n 's/^\[doctest\] test cases: *[0-9]* *| *\([0-9]*\) passed.*/\1/p' "$log" | tail -1)
    f=$(sed -n 's/^\[doctest\] test cases:.*| *\([0-9]*\) failed.*/\1/p' "$log" | tail -1)
  elif grep -q '^\[cultivate\] checks:' "$log"; then
    p=$(sed -n 's/^\[cultivate\] checks: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
    f=$(sed -n 's/^\[cultivate\] checks: .*, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)
  else
    p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -1)
    f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -1)
  fi
  p=${p:-0}; f=${f:-0}
  # A crash or a non-zero exit with no failure counted still counts as a failure.
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  printf '%-14s %4d passed, %d failed  (%ds)\n' "$name" "$p" "$f" $((SECONDS - t0))
  if [ "$f" -ne 0 ]; then
    echo "---- $log (last 60 lines) ----"
    tail -60 "$log"
    echo "----"
  fi
}

DT=(--no-colors=true --no-intro=false)
NODE_WASM=(node --no-experimental-fetch)
layer unit          build/native/cultivate_tests "${DT[@]}" -ts=unit
layer properties    build/native/cultivate_tests "${DT[@]}" -ts=properties
layer wasm          "${NODE_WASM[@]}" build/web/cultivate_tests.js "${DT[@]}"
layer jsontestsuite build/native/cultivate_tests "${DT[@]}" -ts=jsontestsuite
layer truncation    build/native/cultivate_tests "${DT[@]}" -ts=truncation
layer cli           node --test --test-reporter=spec tests/cli.test.mjs
layer browser       timeout 1800 node --test --test-concurrency=1 --test-reporter=spec web/tests/
SAN=(env CULTIVATE_SEED_COUNT=2 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1)
layer sanitizers    "${SAN[@]}" build/sanitize/cultivate_tests "${DT[@]}" -ts=unit,properties
layer fuzz          scripts/fuzz.sh 60

summary
[ "$failed" -eq 0 ]
