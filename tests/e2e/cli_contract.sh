#!/usr/bin/env bash
# The extract command's contract as a user meets it: inputs, formats,
# exit statuses, error messages. Run by ctest with EXTRACT set.
set -u
root=$1
extract=${EXTRACT:?EXTRACT must name the extract binary}
source "$(dirname "$0")/check.sh"

seed="$root/seeds/seed-article.txt"

# A text file: header plus the nine facts, exit 0.
"$extract" "$seed" >"$tmp/seed.csv" 2>"$tmp/seed.err"
check "seed exit 0" test $? -eq 0
check "seed 10 lines" test "$(wc -l <"$tmp/seed.csv")" -eq 10
check "seed header" test "$(head -1 "$tmp/seed.csv")" = "doc,begin,end,indicator,measure,value,unit,qualifier,value_max,modality,period,subject,base,text,rule"

# Standard input, as text and as JSON Lines; --date fills a missing date.
printf '上半年实现税收收入13.57亿元。' | "$extract" --date 2023-07-12 >"$tmp/stdin.csv"
check "stdin text" grep -q ',tax_revenue,level,1357000000,CNY,eq,,actual,2023-01/2023-06,' "$tmp/stdin.csv"
printf '{"id":"a","text":"上半年实现税收收入13.57亿元。","date":"2022-08-01"}\n' | "$extract" - >"$tmp/stdin2.csv"
check "stdin jsonl uses record date" grep -q '^a,.*,2022-01/2022-06,' "$tmp/stdin2.csv"

# JSON Lines with bad lines: reported as file:line, the rest processed, exit 1.
cat >"$tmp/mixed.jsonl" <<'JSONL'
{"id":"good1","text":"全区完成税收收入8.6亿元。"}
{"id":"bad-json", "text": 
{"id":"no-text"}
{"id":"not-string","text":42}
{"id":"good2","text":"固定资产投资增长8%。","source":"ignored"}
JSONL
"$extract" "$tmp/mixed.jsonl" >"$tmp/mixed.csv" 2>"$tmp/mixed.err"
check "bad jsonl exit 1" test $? -eq 1
check "bad jsonl good1 kept" grep -q '^good1,' "$tmp/mixed.csv"
check "bad jsonl good2 kept" grep -q '^good2,' "$tmp/mixed.csv"
check "bad jsonl line 2 reported" grep -q 'mixed.jsonl:2: invalid JSON' "$tmp/mixed.err"
check "bad jsonl line 3 reported" grep -q "mixed.jsonl:3: missing field 'text'" "$tmp/mixed.err"
check "bad jsonl line 4 reported" grep -q "mixed.jsonl:4: field 'text' must be a string" "$tmp/mixed.err"

# A missing file is reported; the other inputs are still processed.
"$extract" "$tmp/nope.txt" "$seed" >"$tmp/missing.csv" 2>"$tmp/missing.err"
check "missing file exit 1" test $? -eq 1
check "missing file reported" grep -q 'nope.txt: cannot open' "$tmp/missing.err"
check "other file processed" test "$(wc -l <"$tmp/missing.csv")" -eq 10

# -o writes the file; --format jsonl; --quantities.
"$extract" -o "$tmp/out.csv" "$seed"
check "-o writes" test "$(wc -l <"$tmp/out.csv")" -eq 10
check "-o leaves no temp file" test -z "$(ls "$tmp" | grep '\.tmp\.')"
"$extract" --format jsonl "$seed" >"$tmp/seed.jsonl"
check "jsonl 9 records" test "$(wc -l <"$tmp/seed.jsonl")" -eq 9
check "jsonl is json" python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/seed.jsonl"
printf '约198亿元，增长45.9%%，2023年' | "$extract" --quantities >"$tmp/q.csv"
check "quantities header" test "$(head -1 "$tmp/q.csv")" = "doc,begin,end,kind,value,unit,qualifier,value_max,text"
check "quantities money" grep -q ',money,19800000000,CNY,approx,,约198亿元$' "$tmp/q.csv"
check "quantities percent" grep -q ',percent,45.9,percent,eq,,45.9%$' "$tmp/q.csv"
check "quantities no year" test "$(wc -l <"$tmp/q.csv")" -eq 3

# --excel starts with a byte order mark; --columns chooses and orders columns.
"$extract" --excel "$seed" >"$tmp/excel.csv"
check "excel bom" test "$(head -c 3 "$tmp/excel.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf"
"$extract" --columns indicator,value,doc "$seed" >"$tmp/cols.csv"
check "columns header" test "$(head -1 "$tmp/cols.csv")" = "indicator,value,doc"
check "columns row" grep -q "^gdp,19320000000,$seed$" "$tmp/cols.csv"
"$extract" --columns indicator,nope "$seed" >/dev/null 2>"$tmp/cols.err"
check "unknown column exit 2" test $? -eq 2
check "unknown column message" grep -q "unknown column 'nope'" "$tmp/cols.err"
"$extract" --no-header "$seed" >"$tmp/nohead.csv"
check "no header" test "$(wc -l <"$tmp/nohead.csv")" -eq 9

# Usage and rule-pack errors exit 2.
"$extract" --no-such-flag >/dev/null 2>&1
check "unknown flag exit 2" test $? -eq 2
"$extract" --date 2023/07/12 "$seed" >/dev/null 2>&1
check "bad date exit 2" test $? -eq 2
"$extract" --rules "$tmp/no-pack" "$seed" >/dev/null 2>"$tmp/rules.err"
check "missing pack exit 2" test $? -eq 2
check "missing pack message" grep -q 'rule pack directory not found' "$tmp/rules.err"
mkdir -p "$tmp/badpack" && printf '[indicator\n' >"$tmp/badpack/x.toml"
"$extract" --test-rules "$tmp/badpack" >/dev/null 2>"$tmp/badpack.err"
check "bad pack exit 2" test $? -eq 2
check "bad pack file:line" grep -q 'badpack/x.toml:1:' "$tmp/badpack.err"

# A failing rule test: file:line, expected and got, exit 2.
cp -r "$root/rules/zh" "$tmp/pack"
cat >>"$tmp/pack/indicators/gdp.toml" <<'TOML'

[[test]]
text = "地区生产总值100亿元。"
expect = [{ measure = "level", value = "999" }]
TOML
"$extract" --test-rules "$tmp/pack" >"$tmp/rt.out" 2>"$tmp/rt.err"
check "failing rule test exit 2" test $? -eq 2
check "failing rule test location" grep -q 'indicators/gdp.toml:[0-9]*: test failed' "$tmp/rt.err"
check "failing rule test got" grep -q 'value=10000000000' "$tmp/rt.err"

# A text longer than a part (192 KB) is extracted part by part as it is
# read: every copy of the article gives its nine facts, at the offsets of
# the whole file, read from a file or from standard input alike.
copies=$(python3 - "$seed" "$tmp/long.txt" <<'PY'
import sys
seed = open(sys.argv[1], 'rb').read()
with open(sys.argv[2], 'wb') as f:
    n = 0
    while f.tell() < 1_500_000:
        f.write(seed + b'\n')
        n += 1
print(n)
PY
)
"$extract" "$tmp/long.txt" >"$tmp/long.csv" 2>"$tmp/long.err"
check "long text exit 0" test $? -eq 0
check "long text 9 facts a copy" test "$(($(wc -l <"$tmp/long.csv") - 1))" -eq "$((9 * copies))"
check "long text offsets" python3 "$root/tests/robustness/check_offsets.py" "$tmp/long.csv" "$tmp/long.txt" --min-rows "$((9 * copies))"
"$extract" <"$tmp/long.txt" | sed "s|^-,|$tmp/long.txt,|" >"$tmp/long-stdin.csv"
check "long text from stdin the same" cmp -s "$tmp/long.csv" "$tmp/long-stdin.csv"
"$extract" -j 2 "$tmp/long.txt" >"$tmp/long-j2-alone.csv"
check "long text -j 2 the same as -j 1" cmp -s "$tmp/long.csv" "$tmp/long-j2-alone.csv"
"$extract" -j 2 "$seed" "$tmp/long.txt" "$seed" >"$tmp/long-j2.csv"
check "long text between documents keeps input order" cmp -s "$tmp/long-j2.csv" \
  <(cat "$tmp/seed.csv" <(tail -n +2 "$tmp/long.csv") <(tail -n +2 "$tmp/seed.csv"))
# A JSON Lines record on a line longer than 1 MB (here its text written in
# \u escapes) is parsed as it is read, and its text extracted in parts like
# the text file's: the same records, in its place among the others.
python3 - "$seed" "$tmp/long.txt" "$tmp/long.jsonl" <<'PY'
import json, sys
seed, long_text, out = sys.argv[1:]
with open(out, 'w', encoding='utf-8') as f:
    for path, escaped in ((seed, False), (long_text, True), (seed, False)):
        text = open(path, encoding='utf-8').read()
        f.write(json.dumps({'id': path, 'text': text}, ensure_ascii=escaped) + '\n')
PY
"$extract" -j 2 "$tmp/long.jsonl" >"$tmp/long-jsonl.csv"
check "long JSON Lines record the same as the text" cmp -s "$tmp/long-jsonl.csv" "$tmp/long-j2.csv"

# Huge pages (cli/malloc_tunables.hpp): where the kernel gives them on
# request, extract runs itself again with glibc.malloc.hugetlb=1 (and a
# larger tcache) before it reads anything. The second start is seen in its
# environment while it waits for standard input, which it must then read
# whole. (Only the first tunable shows there: glibc ends each value in
# place as it reads them.) A sanitizer's malloc is not glibc's, so a
# sanitizer build does not run itself again.
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null &&
  ! ldd "$extract" 2>/dev/null | grep -Eq 'lib(a|t)san'; then
  mkfifo "$tmp/fifo"
  env -u GLIBC_TUNABLES "$extract" - <"$tmp/fifo" >"$tmp/rerun.csv" &
  pid=$!
  exec 9>"$tmp/fifo"
  rerun_env=GLIBC_TUNABLES=glibc.malloc.hugetlb=1
  for _ in $(seq 100); do
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "$rerun_env" && break
    sleep 0.05
  done
  check "runs itself again with huge pages" bash -c "tr '\\0' '\\n' </proc/$pid/environ | grep -qx $rerun_env"
  printf '上半年实现税收收入13.57亿元。' >&9
  exec 9>&-
  wait "$pid"
  check "run again: exit 0" test $? -eq 0
  check "run again: standard input read whole" grep -q ',tax_revenue,level,1357000000,CNY,' "$tmp/rerun.csv"
  # With more than one thread, no second start: each thread's heap would
  # hold huge pages of its own (peak memory over 64 MB on dense text).
  mkfifo "$tmp/fifo2"
  env -u GLIBC_TUNABLES "$extract" -j 2 - <"$tmp/fifo2" >"$tmp/j2.csv" &
  pid=$!
  exec 9>"$tmp/fifo2"
  sleep 0.5
  check "-j 2: no second start" bash -c "! tr '\\0' '\\n' </proc/$pid/environ | grep -q hugetlb"
  printf '上半年实现税收收入13.57亿元。' >&9
  exec 9>&-
  wait "$pid"
  check "-j 2: standard input read whole" grep -q ',tax_revenue,level,1357000000,CNY,' "$tmp/j2.csv"
fi
# Whatever GLIBC_TUNABLES holds, the same output, and no second start loops.
for tunables in glibc.malloc.hugetlb=0 glibc.malloc.hugetlb=1 glibc.malloc.check=0 glibc.malloc.tcache_count=0; do
  GLIBC_TUNABLES=$tunables timeout 60 "$extract" "$seed" >"$tmp/tunables.csv"
  check "GLIBC_TUNABLES=$tunables: the same output" cmp -s "$tmp/seed.csv" "$tmp/tunables.csv"
done

"$extract" --version | grep -q 'extract (zhibiao)'
check "version" test $? -eq 0
"$extract" --help | grep -q 'Examples'
check "help has examples" test $? -eq 0

report "cli contract"
