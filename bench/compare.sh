#!/usr/bin/env bash
# Whether a change makes extract faster, and whether it changes what extract
# writes: two builds compared on the same input, run in turn, so that the
# machine's drift (±10% from one run to the next, more while anything else
# runs) falls on both alike. One run of each, minutes apart, cannot tell a
# change of a few per cent from that drift.
#
#   bench/compare.sh OLD NEW [SIZE_MB] [RUNS]      (defaults: 50 MB, 5 runs of each)
#
# OLD and NEW are commands that run extract: a copy of an earlier build
# (cp build-bench/extract /tmp/extract-before) and build-bench/extract, say.
# A command may carry options, so two rule packs compare as
# "build-bench/extract --rules /tmp/rules-before" and build-bench/extract.
#
# First both write the facts and the quantities of the corpus, the dev set
# and the seed article, and the outputs are compared byte for byte; then
# both run with one thread on the corpus repeated to SIZE_MB, in turn. It
# prints each one's fastest and median wall time, CPU time (user + system)
# and peak memory, and NEW's median against OLD's. Exit status: 0 when the
# outputs are the same, 1 when any differs (or a command fails on one of
# those inputs), 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
  echo "usage: bench/compare.sh OLD NEW [SIZE_MB] [RUNS]" >&2
  exit 2
fi
read -r -a old <<<"$1"
read -r -a new <<<"$2"
size_mb=${3:-50}
runs=${4:-5}
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
"${old[@]}" --version >/dev/null 2>&1 || { echo "bench: cannot run OLD ($1)" >&2; exit 2; }
"${new[@]}" --version >/dev/null 2>&1 || { echo "bench: cannot run NEW ($2)" >&2; exit 2; }

shared=../shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The same output.
inputs=()
for f in "$shared/corpus/government_work_reports.jsonl" "$shared/eval/dev/docs.jsonl" seeds/seed-article.txt; do
  [ -r "$f" ] && inputs+=("$f")
done
differ=0
for input in "${inputs[@]}"; do
  for mode in facts quantities; do
    flag=()
    [ "$mode" = quantities ] && flag=(--quantities)
    status_old=0 status_new=0
    "${old[@]}" "${flag[@]}" "$input" >"$tmp/old.out" 2>"$tmp/old.err" || status_old=$?
    "${new[@]}" "${flag[@]}" "$input" >"$tmp/new.out" 2>"$tmp/new.err" || status_new=$?
    if [ "$status_old" -ne 0 ] || [ "$status_new" -ne 0 ]; then
      printf 'FAILED:        %s (%s): OLD exited %d, NEW exited %d\n' "$input" "$mode" "$status_old" "$status_new"
      cat "$tmp/old.err" "$tmp/new.err" | head -n 4 | sed 's/^/    /'
      differ=1
    elif cmp -s "$tmp/old.out" "$tmp/new.out"; then
      printf 'same output:   %s (%s, %d lines)\n' "$input" "$mode" "$(wc -l <"$tmp/new.out")"
    else
      printf 'OUTPUT DIFFERS: %s (%s)\n' "$input" "$mode"
      diff "$tmp/old.out" "$tmp/new.out" | head -n 6 | sed 's/^/    /' || true
      differ=1
    fi
  done
done

# 2. The time, in turn.
input=$tmp/input.jsonl
bench/make-input.sh "$size_mb" "$input"
printf '\ninput: the corpus repeated to %.1f MB; %d runs of each, in turn\n' \
  "$(echo "$(stat -c %s "$input") / 1000000" | bc -l)" "$runs"
for _ in $(seq "$runs"); do
  for who in old new; do
    if [ "$who" = old ]; then run=("${old[@]}"); else run=("${new[@]}"); fi
    /usr/bin/time -o "$tmp/t" -f '%e %U %S %M' "${run[@]}" -j 1 "$input" >/dev/null 2>&1 ||
      { echo "bench: $who failed on $input" >&2; exit 2; }
    echo "$who $(cat "$tmp/t")" >>"$tmp/times"
  done
done

# Fastest and median of one column (2: wall, 3: CPU) of one command's runs.
stat_of() {
  awk -v who="$1" -v col="$2" '$1 == who { print (col == 2 ? $2 : $3 + $4) }' "$tmp/times" | sort -n |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f", v[1], m }'
}
printf '\n%-4s %18s %18s %10s\n' "" "wall s (min, med)" "CPU s (min, med)" "peak MB"
for who in old new; do
  read -r wall_min wall_med <<<"$(stat_of "$who" 2)"
  read -r cpu_min cpu_med <<<"$(stat_of "$who" 3)"
  rss=$(awk -v who="$who" '$1 == who && $5 > m { m = $5 } END { printf "%.1f", m / 1024 }' "$tmp/times")
  printf '%-4s %8s %9s %8s %9s %10s\n' "$who" "$wall_min" "$wall_med" "$cpu_min" "$cpu_med" "$rss"
  eval "${who}_wall_med=$wall_med ${who}_cpu_med=$cpu_med"
done
printf '\nnew/old, medians: wall %.3f, CPU %.3f (below 1: NEW is faster)\n' \
  "$(echo "$new_wall_med / $old_wall_med" | bc -l)" "$(echo "$new_cpu_med / $old_cpu_med" | bc -l)"
[ "$differ" -eq 0 ] || echo "the outputs differ or a run failed (see above)"
exit "$differ"
