#!/usr/bin/env bash
# Random exploration, for as long as asked: the merge properties with fresh random seeds, and the
# fuzzer. CI runs the fixed seeds only (tests/prop-merge.cpp); a seed that fails here joins that list
# with its fix.
#   scripts/soak.sh [SECONDS]   (default 600: half on seeds, half fuzzing)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
export CULTIVATE_TESTDATA=${CULTIVATE_TESTDATA:-$(cd ../shared/testdata 2>/dev/null && pwd)}
scripts/setup.sh >/dev/null && scripts/build.sh native sanitize >/dev/null || { echo "soak.sh: the build failed"; exit 1; }
end=$((SECONDS + seconds / 2))
runs=0; failing=()
while [ $SECONDS -lt $end ]; do
  seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
  runs=$((runs + 1))
  if ! CULTIVATE_SEED=$seed build/native/cultivate_tests -ts=properties --no-colors=true >/tmp/cultivate-soak.log 2>&1; then
    echo "FAILING SEED: $seed (repeat: CULTIVATE_SEED=$seed build/native/cultivate_tests -ts=properties)"
    grep -m5 'ERROR' /tmp/cultivate-soak.log
    failing+=("$seed")
  fi
done
echo "merge properties: $runs random seeds, ${#failing[@]} failing${failing:+: ${failing[*]}}"
scripts/fuzz.sh $((seconds / 2)) | tail -3
fuzz=${PIPESTATUS[0]}
[ ${#failing[@]} -eq 0 ] && [ "$fuzz" -eq 0 ]
