# Sourced by the shell tests: a temporary directory ($tmp, removed on exit)
# and check NAME CONDITION..., which counts passes and failures;
# report LABEL prints the "N passed, N failed" line ctest logs show and
# fails when any check did.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() {
  local name=$1
  shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

report() {
  echo "$1: $pass passed, $fail failed"
  test "$fail" -eq 0
}
