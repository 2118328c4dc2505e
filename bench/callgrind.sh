#!/usr/bin/env bash
# Instructions per MB of input: a figure that does not drift with machine
# load. Runs extract under valgrind's callgrind on the first 5 MB of the
# corpus (whole documents) and on an empty input, and reports the
# difference per MB (so the one-time rule pack load is left out); then on
# the same input two, three and four times, for what a megabyte costs once
# the first has warmed everything up.
#
#   bench/callgrind.sh          (needs valgrind; builds build-bench/ like run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/government_work_reports.jsonl
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIBIAO_BUILD_TESTS=OFF -DZHIBIAO_BUILD_BENCH=ON >/dev/null
cmake --build build-bench >/dev/null
input=build-bench/callgrind-input.jsonl
: >"$input"
while [ "$(stat -c %s "$input")" -lt 5000000 ]; do cat "$corpus" >>"$input"; done
head -c 5000000 "$input" | head -n -1 >"$input.5mb"   # whole documents only
mv "$input.5mb" "$input"
: >build-bench/empty.jsonl

count() {
  valgrind --tool=callgrind --callgrind-out-file=build-bench/cg.out "$@" >/dev/null 2>build-bench/cg.err
  awk '/summary:|totals:/ {print $2; exit}' build-bench/cg.out
}
total=$(count build-bench/extract "$input")
base=$(count build-bench/extract build-bench/empty.jsonl)
bytes=$(stat -c %s "$input")
printf 'input %.2f MB: %s instructions; start-up alone %s\n' "$(echo "$bytes/1000000" | bc -l)" "$total" "$base"
printf 'extraction: %.0f million instructions per MB\n' "$(echo "($total - $base) / ($bytes / 1000000) / 1000000" | bc -l)"

# The figure above includes what the first megabytes pay once: patterns
# compiled on first use and RE2's DFA states built for the first time. A
# long input pays them once too, so the same input read twice tells what
# each further megabyte costs: the second reading alone.
cat "$input" "$input" >build-bench/callgrind-twice.jsonl
twice=$(count build-bench/extract build-bench/callgrind-twice.jsonl)
printf 'read again (once warm): %.0f million instructions per MB\n' "$(echo "($twice - $total) / ($bytes / 1000000) / 1000000" | bc -l)"

# A pattern met fewer than a few dozen times in a reading is compiled
# during a later one (match/leading_gap.hpp: a split's first 32 uses are
# left to RE2), so the second and third readings still pay some of that
# (about 2 M a MB in the third, 2026-12-01); the fourth pays none of it.
cat "$input" "$input" "$input" >build-bench/callgrind-thrice.jsonl
thrice=$(count build-bench/extract build-bench/callgrind-thrice.jsonl)
printf 'read a third time: %.0f million instructions per MB\n' "$(echo "($thrice - $twice) / ($bytes / 1000000) / 1000000" | bc -l)"
cat "$input" "$input" "$input" "$input" >build-bench/callgrind-four.jsonl
four=$(count build-bench/extract build-bench/callgrind-four.jsonl)
printf 'read a fourth time (nothing left to compile): %.1f million instructions per MB\n' \
  "$(echo "($four - $thrice) / ($bytes / 1000000) / 1000000" | bc -l)"
