#!/usr/bin/env bash
# -j 2 must write byte for byte what -j 1 writes (facts and quantities), on
# real text: the government work reports when ../shared is there, else the
# rule-file sentences repeated.
set -u
extract=${EXTRACT:?EXTRACT must name the extract binary}
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus="$root/../shared/corpus/government_work_reports.jsonl"
if [ -r "$corpus" ]; then
  input=$corpus
else
  input="$tmp/in.jsonl"
  for i in $(seq 1 50); do
    printf '{"id":"seed-%d","text":%s}\n' "$i" "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1],encoding="utf-8").read(), ensure_ascii=False))' "$root/seeds/seed-article.txt")"
  done >"$input"
fi
fail=0
for mode in "" "--quantities"; do
  "$extract" -j 1 $mode "$input" >"$tmp/one" || fail=1
  "$extract" -j 2 $mode "$input" >"$tmp/two" || fail=1
  if ! cmp -s "$tmp/one" "$tmp/two"; then echo "FAIL: -j 2 differs from -j 1 ${mode:-(facts)}"; fail=1; fi
  test "$(wc -l <"$tmp/one")" -gt 10 || { echo "FAIL: too little output ${mode}"; fail=1; }
done
if [ "$fail" -eq 0 ]; then echo "threads: 2 passed, 0 failed"; else echo "threads: failed"; fi
exit "$fail"
