#!/usr/bin/env bash
# Where extract's time goes, stage by stage, on the benchmark input.
#
#   bench/stages.sh [SIZE_MB]      (default 50)
#
# Builds extract in build-stages/ with -DZHIBIAO_STAGE_TIMES=ON (a clock
# read between the stages of each document; the shipped build has none) and
# runs it with one thread on the corpus repeated to SIZE_MB. It prints the
# seconds and share of each stage: normalising, finding the quantities,
# segmenting, matching the rules, then periods, modality, subjects and the
# fact records. Loading the rule pack, reading input and writing CSV are
# not in the total.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
cmake -S . -B build-stages -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIBIAO_BUILD_TESTS=OFF \
  -DZHIBIAO_STAGE_TIMES=ON >/dev/null
cmake --build build-stages --target extract >/dev/null
input=build-stages/stages-input.jsonl
bench/make-input.sh "$size_mb" "$input"
printf 'input: %s (%.1f MB)\n\n' "$input" "$(echo "$(stat -c %s "$input") / 1000000" | bc -l)"
build-stages/extract -j 1 "$input" 2>&1 >/dev/null
