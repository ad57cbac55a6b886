#!/usr/bin/env bash
# The test command: installs what the tests need (native libraries and Debian's Python reference
# implementations), builds, runs the default suite (not the Benchmark/Slow traits), and ends with
# a line "N passed, N failed".
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Eiger]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

"$here/scripts/setup.sh" --tests || exit 3

# Tests start Python reference scripts while HDF5 files are open; HDF5 opens files without
# close-on-exec, so a child could inherit (and hold) a file lock. Test runs do not lock files.
export HDF5_USE_FILE_LOCKING=FALSE

# The real detector files live beside the checkout (../shared/data/eiger). A clone made elsewhere from a local
# checkout (git clone /path/to/main /tmp/fresh) finds them beside its origin; XCCAMAP_SHARED overrides both.
if [ -z "${XCCAMAP_SHARED:-}" ] && [ ! -d "$here/../shared/data/eiger" ]; then
  origin=$(git -C "$here" config --get remote.origin.url 2>/dev/null || true)
  if [ -n "$origin" ] && [ -d "$origin/../shared/data/eiger" ]; then
    export XCCAMAP_SHARED="$(cd "$origin/../shared" && pwd)"
  fi
fi

results="$here/.cache/test-results"
rm -rf "$results"
mkdir -p "$results"

# Benchmark and Slow: run by hand (see README); InProgress: acceptance tests of unfinished features.
filter="Category!=Benchmark&Category!=Slow&Category!=InProgress"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    filter="($filter)&(${args[$((i + 1))]})"
    unset 'args[i]' 'args[i+1]'
  fi
done

dotnet test "$here/XccaMap.sln" -c Release --nologo \
  --filter "$filter" \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results" \
  "${args[@]}" 2>&1 | grep -vE "^\s*$|Build started|Determining projects|All projects are up-to-date" 
status=${PIPESTATUS[0]}

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  echo "0 passed, 1 failed"
  echo "test.sh: no test results (build failed?)" >&2
  exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(( ${failed:-0} + ${errors:-0} ))
if [ "$failed" = 0 ] && [ "$status" != 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed} failed"
[ "$failed" = 0 ]
