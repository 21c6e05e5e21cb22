#!/usr/bin/env bash
# Runs the libFuzzer target on the import path (tests/fuzz/fuzz-import.cpp) for SECONDS (default 60),
# starting from the project's own files and the JSONTestSuite. Ends with one line for scripts/test.sh:
# "[cultivate] checks: 1 passed, 0 failed" (and the input that failed, kept in build/fuzz/).
#   scripts/fuzz.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bin=build/sanitize/fuzz_import
[ -x "$bin" ] || { echo "fuzz.sh: $bin is missing (scripts/build.sh sanitize)"; echo "[cultivate] checks: 0 passed, 1 failed"; exit 1; }
testdata=${CULTIVATE_TESTDATA:-../shared/testdata}
corpus=$(mktemp -d "${TMPDIR:-/tmp}/cultivate-fuzz-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
mkdir -p build/fuzz
# Seeds: a sample community, the objectives test set, and every JSONTestSuite parsing file.
cp assets/sample.cultivate.json tests/data/*.json "$corpus"/ 2>/dev/null
[ -d "$testdata/JSONTestSuite/test_parsing" ] && cp "$testdata"/JSONTestSuite/test_parsing/*.json "$corpus"/ 2>/dev/null
echo "fuzzing the import path for ${seconds}s from $(ls "$corpus" | wc -l) seeds"
"$bin" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix=build/fuzz/ "$corpus"
rc=$?
if [ $rc -eq 0 ]; then
  echo "[cultivate] checks: 1 passed, 0 failed"
else
  echo "fuzz.sh: the fuzzer stopped (exit $rc); the input is in build/fuzz/ (reproduce: $bin build/fuzz/<file>)"
  echo "[cultivate] checks: 0 passed, 1 failed"
fi
exit $rc
