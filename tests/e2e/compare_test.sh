#!/usr/bin/env bash
# bench/compare.sh tells a build whose output differs from one whose output
# is the same: the same extract twice passes; a command that writes one line
# more fails, as does a command that does not run.
set -u
extract=${EXTRACT:?EXTRACT must name the extract binary}
root=$1
[ -r "$root/../shared/corpus/government_work_reports.jsonl" ] || { echo "skip: no corpus"; exit 77; }
command -v /usr/bin/time >/dev/null || { echo "skip: no /usr/bin/time"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS PATTERN OLD NEW
  local name=$1 expected=$2 pattern=$3
  "$root/bench/compare.sh" "$4" "$5" 1 1 >"$tmp/out" 2>&1
  local status=$?
  if [ "$status" -ne "$expected" ] || ! grep -q "$pattern" "$tmp/out"; then
    echo "FAIL: $name: exit $status (expected $expected), output:"
    sed 's/^/  /' "$tmp/out"
    fail=1
  fi
}
printf '#!/bin/sh\n"%s" "$@"; echo one-more-line\n' "$extract" >"$tmp/extra"
chmod +x "$tmp/extra"
check "same build" 0 "same output:   .*government_work_reports.jsonl (quantities" "$extract" "$extract"
check "one line more" 1 "OUTPUT DIFFERS: .*government_work_reports.jsonl (facts)" "$extract" "$tmp/extra"
check "no such command" 2 "cannot run NEW" "$extract" "$tmp/missing"
if [ "$fail" -eq 0 ]; then echo "compare: 3 passed, 0 failed"; else echo "compare: failed"; fi
exit "$fail"
