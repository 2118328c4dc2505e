#!/usr/bin/env bash
# The benchmarks' input: ../shared/corpus/government_work_reports.jsonl
# repeated to at least SIZE_MB megabytes, written to OUT (kept when it is
# already large enough).
#
#   bench/make-input.sh SIZE_MB OUT
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=$1
out=$2
corpus=../shared/corpus/government_work_reports.jsonl
[ -r "$corpus" ] || { echo "bench: $corpus not found" >&2; exit 2; }
if [ -f "$out" ] && [ "$(stat -c %s "$out")" -ge $((size_mb * 1000000)) ]; then exit 0; fi
corpus_bytes=$(stat -c %s "$corpus")
copies=$(( (size_mb * 1000000 + corpus_bytes - 1) / corpus_bytes ))
: >"$out"
for _ in $(seq "$copies"); do cat "$corpus" >>"$out"; done
