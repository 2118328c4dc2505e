#!/usr/bin/env bash
# End-to-end throughput and memory of extract on real text.
#
#   bench/run.sh [SIZE_MB]      (default 200; ROUNDS=n for the scaling rounds, default 3)
#
# Builds the benchmark tree (build-bench/), makes an input of at least
# SIZE_MB by repeating ../shared/corpus/government_work_reports.jsonl, and
# reports for the read-and-split floor, extract -j 1 and extract -j 2: wall
# time, MB/s, documents/s, facts/s and peak RSS (from /usr/bin/time -v);
# the scaling against two separate processes; each core's one-thread speed
# pinned to it. Then start-up: loading the rule pack, and extract on one
# small document.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
corpus=../shared/corpus/government_work_reports.jsonl
[ -r "$corpus" ] || { echo "bench: $corpus not found" >&2; exit 2; }
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench: needs bash 5 or later (EPOCHREALTIME)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIBIAO_BUILD_TESTS=OFF -DZHIBIAO_BUILD_BENCH=ON >/dev/null
cmake --build build-bench >/dev/null

input=build-bench/bench-input.jsonl
bench/make-input.sh "$size_mb" "$input"
bytes=$(stat -c %s "$input")
docs=$(wc -l <"$input")
printf 'input: %s (%.1f MB, %d documents)\n\n' "$input" "$(echo "$bytes / 1000000" | bc -l)" "$docs"
printf '%-22s %8s %9s %10s %11s %9s\n' run seconds MB/s docs/s facts/s peak_MB

measure() {  # measure NAME COMMAND...
  local name=$1
  shift
  /usr/bin/time -v "$@" >build-bench/out.txt 2>build-bench/time.txt
  local wall rss facts
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' build-bench/time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2/1024}' build-bench/time.txt)
  facts=$(( $(wc -l <build-bench/out.txt) - 1 ))
  [ "$name" = "read+split floor" ] && facts=0
  printf '%s %s\n' "$name" "$wall" >>build-bench/table.txt
  printf '%-22s %8.2f %9.1f %10.0f %11.0f %9.1f\n' "$name" "$wall" \
    "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$(echo "$docs / $wall" | bc -l)" \
    "$(echo "$facts / $wall" | bc -l)" "$rss"
}

: >build-bench/table.txt
measure "read+split floor" build-bench/bench/zhibiao_read_floor "$input"
measure "extract -j 1" build-bench/extract -j 1 "$input"
cp build-bench/out.txt build-bench/out-j1.csv
measure "extract -j 2" build-bench/extract -j 2 "$input"
if cmp -s build-bench/out.txt build-bench/out-j1.csv; then echo "(-j 2 output is identical to -j 1)"; else echo "WARNING: -j 2 output differs from -j 1"; fi

# The same text as one document, a text file of it all: extract reads it
# in parts of 192 KB as it comes (DocumentStream), so its memory is that of
# a few parts, not of the document; with -j 2, two parts at a time.
python3 -c '
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for line in src:
        out.write(json.loads(line)["text"] + "\n\n")
' "$input" build-bench/bench-input.txt
text_bytes=$(stat -c %s build-bench/bench-input.txt)
for jobs in 1 2; do
  /usr/bin/time -v build-bench/extract -j "$jobs" --date 2024-03-05 build-bench/bench-input.txt \
    >build-bench/out.txt 2>build-bench/time.txt
  awk -F': ' -v bytes="$text_bytes" -v facts="$(( $(wc -l <build-bench/out.txt) - 1 ))" -v jobs="$jobs" '
    /Elapsed \(wall clock\)/ {n = split($2, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i]}
    /Maximum resident set size/ {rss = $2 / 1024}
    END {printf "%-22s %8.2f %9.1f %10s %11.0f %9.1f  (%.1f MB of text)\n", "one text document -j " jobs, wall, bytes / 1e6 / wall, "-", facts / wall, rss, bytes / 1e6}' build-bench/time.txt
done
rm -f build-bench/bench-input.txt

# What two cores give on this machine at all: two separate one-thread
# processes, each on half the documents. -j 2 cannot scale past this.
half=$(( docs / 2 ))
head -n "$half" "$input" >build-bench/half1.jsonl
tail -n +"$(( half + 1 ))" "$input" >build-bench/half2.jsonl
elapsed_us() {  # elapsed_us COMMAND...: wall time in microseconds
  # Bash's own clock (microseconds): timing with $(date +%s%N) would also
  # count starting a date process, 30-35 ms on a slow machine, a third of
  # the run on one small document.
  local start=${EPOCHREALTIME/[^0-9]/}
  "$@" >/dev/null
  echo $(( ${EPOCHREALTIME/[^0-9]/} - start ))
}
two_processes() {
  build-bench/extract -j 1 build-bench/half1.jsonl &
  build-bench/extract -j 1 build-bench/half2.jsonl
  wait
}
wall=$(echo "$(elapsed_us two_processes) / 1000000" | bc -l)
j1=$(awk '$1 == "extract" && $2 == "-j" && $3 == "1" {print $4}' build-bench/table.txt)
j2=$(awk '$1 == "extract" && $2 == "-j" && $3 == "2" {print $4}' build-bench/table.txt)
printf '%-22s %8.2f %9.1f\n' "2 processes, 1/2 each" "$wall" "$(echo "$bytes / 1000000 / $wall" | bc -l)"
printf 'scaling: -j 2 is %.2fx -j 1; two separate processes are %.2fx (the machine'"'"'s ceiling)\n' \
  "$(echo "$j1 / $j2" | bc -l)" "$(echo "$j1 / $wall" | bc -l)"

# The same ratios measured in turn, ROUNDS times (default 3): on a busy
# machine runs a minute apart differ by more than scaling does, so -j 1,
# -j 2 and the two processes run one right after the other and each
# round gives its own ratios; the medians are reported.
: >build-bench/rounds.txt
for round in $(seq "${ROUNDS:-3}"); do
  one=$(elapsed_us build-bench/extract -j 1 "$input")
  two=$(elapsed_us build-bench/extract -j 2 "$input")
  both=$(elapsed_us two_processes)
  echo "$one $two $both" | awk '{print $1 / $2, $1 / $3}' >>build-bench/rounds.txt
  tail -n 1 build-bench/rounds.txt | awk -v r="$round" '{printf "round %d: -j 2 is %.2fx -j 1, two processes %.2fx\n", r, $1, $2}'
done
median() { sort -g | awk '{v[NR] = $1} END {printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf 'scaling in turn, medians of %d rounds: -j 2 is %sx -j 1; two processes %sx\n' "$(wc -l <build-bench/rounds.txt)" \
  "$(cut -d' ' -f1 build-bench/rounds.txt | median)" "$(cut -d' ' -f2 build-bench/rounds.txt | median)"
rm -f build-bench/half1.jsonl build-bench/half2.jsonl

# Each core alone, pinned to it in turn: on a virtual machine the host may
# give one core far less time than the other (on 2026-12-01, 0.69 s
# against 1.17 s for the same 60 MB), and -j 1 above ran on whichever core
# the scheduler picked, so its figure and the ratios above depend on it.
if command -v taskset >/dev/null; then
  head -n "$(( docs / 5 ))" "$input" >build-bench/slice.jsonl
  slice_mb=$(echo "$(stat -c %s build-bench/slice.jsonl) / 1000000" | bc -l)
  for round in 1 2; do
    line="each core alone, round $round ($(printf '%.0f' "$slice_mb") MB, -j 1 pinned):"
    for cpu in $(seq 0 $(( $(nproc) - 1 ))); do
      us=$(elapsed_us taskset -c "$cpu" build-bench/extract -j 1 build-bench/slice.jsonl)
      line+=$(printf ' core %d %.1f MB/s;' "$cpu" "$(echo "$slice_mb * 1000000 / $us" | bc -l)")
    done
    echo "${line%;}"
  done
  rm -f build-bench/slice.jsonl
fi

echo
echo "start-up:"
build-bench/bench/zhibiao_micro --benchmark_filter=BM_LoadRulePack 2>/dev/null |
  awk '/BM_LoadRulePack\/.*_median/ {print "  load the bundled rule pack: " $2 " " $3 " (median of 11 loads)"}
       /BM_LoadRulePackAndCompileAll\/.*_median/ {print "  load it and compile every pattern now: " $2 " " $3 " (median of 11)"}'
# A whole run of extract on one small document, eleven times: each run
# loads the pack anew, as a user's does. Runs on an empty input alternate
# with them, so the article's own share shows beside the process's start
# and the pack's load.
seed_runs=()
empty_runs=()
: >build-bench/empty.jsonl
for _ in $(seq 11); do
  seed_runs+=($(( $(elapsed_us build-bench/extract seeds/seed-article.txt) / 100 )))
  empty_runs+=($(( $(elapsed_us build-bench/extract build-bench/empty.jsonl) / 100 )))
done
report_runs() {  # report_runs WHAT: tenths of ms on stdin, one a line
  sort -n | awk -v what="$1" '{t[NR] = $1} END {printf "  extract on %s: %.1f ms wall (median of %d runs; fastest %.1f ms)\n", what, t[int((NR + 1) / 2)] / 10, NR, t[1] / 10}'
}
printf '%s\n' "${seed_runs[@]}" | report_runs "the seed article"
printf '%s\n' "${empty_runs[@]}" | report_runs "an empty input"
/usr/bin/time -f '  the seed article'"'"'s peak memory: %M KB' build-bench/extract seeds/seed-article.txt >/dev/null
