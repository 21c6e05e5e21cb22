#!/usr/bin/env bash
# The strength of the native tests: applies each edit in tests/mutants.txt to the source (one at a
# time, always restored), rebuilds the native tests in build/mutants, runs the unit and property
# layers (two fixed seeds) and JSONTestSuite, and prints whether the tests noticed (killed) or not (survived).
#   scripts/mutants.sh            every mutant
#   scripts/mutants.sh PATTERN    those whose description matches PATTERN
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null || exit 1
[ -f build/mutants/build.ninja ] || cmake -S . -B build/mutants -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
filter=${1:-}
killed=0; survived=0; broken=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  # Fields are separated by " @@ " (code is full of | and quotes).
  rest=$line
  file=${rest%% @@ *}; rest=${rest#* @@ }
  from=${rest%% @@ *}; rest=${rest#* @@ }
  to=${rest%% @@ *}; what=${rest#* @@ }
  [ -n "$filter" ] && ! grep -qi -- "$filter" <<<"$what" && continue
  cp "$file" "$file.orig"
  trap 'mv -f "$file.orig" "$file" && touch "$file"' EXIT INT TERM
  if ! python3 - "$file" "$from" "$to" 2>/dev/null <<'PY'
import sys
path, a, b = sys.argv[1:4]
s = open(path).read()
if s.count(a) != 1: sys.exit(f"expected the text once in {path}, found it {s.count(a)} times: {a}")
open(path, "w").write(s.replace(a, b))
PY
  then
    printf 'BROKEN    %s (the text is not in %s any more: update tests/mutants.txt)\n' "$what" "$file"; broken=$((broken + 1))
  elif ! cmake --build build/mutants --target cultivate_tests >/tmp/cultivate-mutant.log 2>&1; then
    printf 'BROKEN    %s (the edit does not compile: fix tests/mutants.txt)\n' "$what"; broken=$((broken + 1))
  elif CULTIVATE_SEED_COUNT=2 CULTIVATE_TESTDATA=${CULTIVATE_TESTDATA:-../shared/testdata} \
       build/mutants/cultivate_tests -ts=unit,properties,jsontestsuite --no-colors=true >/tmp/cultivate-mutant.log 2>&1; then
    printf 'SURVIVED  %s\n' "$what"; survived=$((survived + 1))
  else
    failing=$(grep -c 'ERROR:' /tmp/cultivate-mutant.log)
    printf 'killed    %s (%s failed checks)\n' "$what" "$failing"; killed=$((killed + 1))
  fi
  mv -f "$file.orig" "$file" && touch "$file"  # newer than the mutant's object, so it is rebuilt
  trap - EXIT INT TERM
done < tests/mutants.txt
cmake --build build/mutants --target cultivate_tests >/dev/null 2>&1  # back to the real source
echo
echo "mutants: $killed killed, $survived survived, $broken broken"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]
