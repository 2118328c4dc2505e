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
# Many small documents, so that -j 2 reads later batches (256 documents
# each) while it extracts earlier ones, with a bad record among them: the
# same output and the same messages, the rest of the input still read.
python3 - "$input" >"$tmp/many.jsonl" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    for para in doc["text"].split("\n"):
        if para.strip():
            n += 1
            print(json.dumps({"id": f"p{n}", "text": para, "date": doc.get("date", "")}, ensure_ascii=False))
            if n == 700:
                print('{"id": "broken", "text": ')
PY
test "$(wc -l <"$tmp/many.jsonl")" -gt 1100 || { echo "FAIL: too few documents to fill three batches"; fail=1; }
"$extract" -j 1 "$tmp/many.jsonl" >"$tmp/one" 2>"$tmp/one.err"
status_one=$?
"$extract" -j 2 "$tmp/many.jsonl" >"$tmp/two" 2>"$tmp/two.err"
status_two=$?
if ! cmp -s "$tmp/one" "$tmp/two"; then echo "FAIL: -j 2 differs from -j 1 over several batches"; fail=1; fi
if ! cmp -s "$tmp/one.err" "$tmp/two.err"; then echo "FAIL: -j 2 reports other messages than -j 1"; fail=1; fi
if [ "$status_one" -ne 1 ] || [ "$status_two" -ne 1 ]; then echo "FAIL: exit status $status_one, $status_two for a bad record (want 1)"; fail=1; fi
grep -q ':701: ' "$tmp/two.err" || { echo "FAIL: the bad record is not reported by its line"; fail=1; }
# Facts from the third batch on (documents after the 1,024th) were written.
last=$(cut -d, -f1 "$tmp/two" | sed -n 's/^p//p' | sort -n | tail -1)
test "${last:-0}" -gt 1024 || { echo "FAIL: no facts from the third batch on (last document with facts: ${last:-none})"; fail=1; }
if [ "$fail" -eq 0 ]; then echo "threads: 3 passed, 0 failed"; else echo "threads: failed"; fi
exit "$fail"
