#!/usr/bin/env bash
# Issue 5, inputs, through the extract command: hostile files, bad JSON
# Lines, missing and unreadable files, -o atomicity. Run by ctest with
# EXTRACT set; the first argument is the source root.
#
# Every run must end with a status (no signal: a crash is >= 128, a hang is
# killed by `timeout` with 124), exit 0 when the input was fine, 1 when some
# input was bad (and the rest processed), 2 for usage or rule-pack errors.
set -u
root=$1
extract=${EXTRACT:?EXTRACT must name the extract binary}
here=$(cd "$(dirname "$0")" && pwd)
factor=${ZHIBIAO_TIME_FACTOR:-1}
limit() { echo $(( $1 * factor )); }  # seconds, scaled for sanitized builds
source "$(dirname "$0")/../e2e/check.sh"
# run NAME SECONDS ARGS...: runs extract with a time limit; $rc, $tmp/NAME.csv, $tmp/NAME.err
run() {
  local name=$1 secs=$2
  shift 2
  timeout "$(limit "$secs")" "$extract" "$@" >"$tmp/$name.csv" 2>"$tmp/$name.err"
  rc=$?
  if [ "$rc" -eq 124 ]; then echo "TIMEOUT ($(limit "$secs") s): $name"; fi
  if [ "$rc" -ge 128 ]; then echo "CRASH (signal $((rc - 128))): $name"; tail -5 "$tmp/$name.err"; fi
}
offsets() { python3 "$here/check_offsets.py" "$@"; }
rows() { echo $(($(wc -l <"$1") - 1)); }

fact='上半年实现税收收入8.6亿元。'

# --- invalid UTF-8 of every kind, between facts -----------------------------
i=0
for bad in '\xC3' '\xE4\xBD' '\xF0\x9F\x98' '\xC0\xAF' '\xC0\x80' '\xE0\x80\xAF' '\xF0\x80\x80\xAF' \
           '\xED\xA0\x80' '\xED\xBF\xBF' '\xED\xA0\xBD\xED\xB8\x80' '\xF4\x90\x80\x80' '\xF8\x88\x80\x80\x80' \
           '\x80' '\x80\xBF\x80' '\xFE\xFF' '\xE4a'; do
  i=$((i + 1))
  f="$tmp/bad$i.txt"
  printf "${bad}${fact}${bad}${fact}" >"$f"
  run "bad$i" 30 "$f"
  check "invalid UTF-8 #$i ($bad): exit 0 or 1" test "$rc" -le 1
  check "invalid UTF-8 #$i ($bad): both facts" test "$(grep -c ',tax_revenue,level,860000000,' "$tmp/bad$i.csv")" -eq 2
  check "invalid UTF-8 #$i ($bad): offsets" offsets "$tmp/bad$i.csv" "$f"
  check "invalid UTF-8 #$i ($bad): reported at byte 0" grep -q "bad$i.txt: invalid UTF-8 at byte 0[^0-9]" "$tmp/bad$i.err"
  second=$(( $(printf "$bad" | wc -c) + $(printf "$fact" | wc -c) ))
  check "invalid UTF-8 #$i ($bad): reported at byte $second" grep -q "bad$i.txt: invalid UTF-8 at byte $second[^0-9]" "$tmp/bad$i.err"
done

# --- NUL bytes, binary, empty, BOM, CRLF, lone CR ---------------------------
printf "\0\0${fact}\0${fact}\0" >"$tmp/nul.txt"
run nul 30 "$tmp/nul.txt"
check "NUL: exit 0 or 1" test "$rc" -le 1
check "NUL: both facts" test "$(grep -c ',tax_revenue,level,860000000,' "$tmp/nul.csv")" -eq 2
check "NUL: offsets" offsets "$tmp/nul.csv" "$tmp/nul.txt"

head -c 4000000 /dev/urandom >"$tmp/binary.bin"
printf "$fact" >>"$tmp/binary.bin"
head -c 1000000 /dev/urandom >>"$tmp/binary.bin"
run binary 60 "$tmp/binary.bin"
check "binary: exit 0 or 1" test "$rc" -le 1
check "binary: offsets" offsets "$tmp/binary.csv" "$tmp/binary.bin"
check "binary: the spliced fact is found" grep -q ',tax_revenue,level,860000000,' "$tmp/binary.csv"
check "binary: bad bytes reported" grep -q 'binary.bin: invalid UTF-8 at byte [0-9]' "$tmp/binary.err"
# Only the first 20 bad bytes are named; the rest (about two million) are
# counted in one line.
check "binary: 20 bad bytes named" test "$(grep -c 'binary.bin: invalid UTF-8 at byte' "$tmp/binary.err")" -eq 20
check "binary: the rest counted" grep -q 'binary.bin: [0-9]* more bytes of invalid UTF-8, the last at byte [0-9]*, read as U+FFFD' "$tmp/binary.err"
run binary_q 60 --quantities "$tmp/binary.bin"
check "binary --quantities: exit 0 or 1" test "$rc" -le 1
check "binary --quantities: offsets" offsets "$tmp/binary_q.csv" "$tmp/binary.bin"
run binary_jsonl 60 --format jsonl "$tmp/binary.bin"
check "binary --format jsonl: exit 0 or 1" test "$rc" -le 1
check "binary --format jsonl: valid JSON" python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1],'rb')]" "$tmp/binary_jsonl.csv"

: >"$tmp/empty.txt"
run empty 30 "$tmp/empty.txt"
check "empty file: exit 0" test "$rc" -eq 0
check "empty file: header only" test "$(rows "$tmp/empty.csv")" -eq 0
check "empty file: nothing on stderr" test ! -s "$tmp/empty.err"
: >"$tmp/empty.jsonl"
run empty_jsonl 30 "$tmp/empty.jsonl"
check "empty .jsonl: exit 0" test "$rc" -eq 0
run empty_stdin 30 - </dev/null
check "empty stdin: exit 0" test "$rc" -eq 0

printf "\xEF\xBB\xBF${fact}" >"$tmp/bom.txt"
run bom 30 "$tmp/bom.txt"
check "BOM: exit 0" test "$rc" -eq 0
check "BOM: fact at byte 18" grep -q '^[^,]*bom.txt,18,39,tax_revenue,' "$tmp/bom.csv"
check "BOM: no warning" test ! -s "$tmp/bom.err"
check "BOM: offsets" offsets "$tmp/bom.csv" "$tmp/bom.txt"
printf '\xEF\xBB\xBF{"id":"b","text":"全区完成税收收入8.6亿元。"}\n' >"$tmp/bom.jsonl"
run bom_jsonl 30 "$tmp/bom.jsonl"
check "BOM before JSON Lines: exit 0" test "$rc" -eq 0
check "BOM before JSON Lines: record read" grep -q '^b,' "$tmp/bom_jsonl.csv"
printf '\xEF\xBB\xBF{"id":"b2","text":"全区完成税收收入8.6亿元。"}\n' | "$extract" >"$tmp/bom_stdin.csv" 2>"$tmp/bom_stdin.err"
check "BOM before JSON Lines on stdin: read as JSON Lines" grep -q '^b2,' "$tmp/bom_stdin.csv"

printf '日期:2023-07-12\r\n上半年实现税收收入8.6亿元。\r固定资产投资增长8%%。\r\n\r\n全年计划税收收入20亿元。\r' >"$tmp/crlf.txt"
run crlf 30 "$tmp/crlf.txt"
check "CRLF/CR: exit 0" test "$rc" -eq 0
check "CRLF/CR: three facts" test "$(rows "$tmp/crlf.csv")" -eq 3
check "CRLF/CR: date line read through CRLF" grep -q ',2023-01/2023-06,' "$tmp/crlf.csv"
check "CRLF/CR: offsets" offsets "$tmp/crlf.csv" "$tmp/crlf.txt"
printf '{"id":"c1","text":"全区完成税收收入8.6亿元。"}\r\n{"id":"c2","text":"固定资产投资增长8%%。"}\r\n' >"$tmp/crlf.jsonl"
run crlf_jsonl 30 "$tmp/crlf.jsonl"
check "CRLF JSON Lines: exit 0" test "$rc" -eq 0
check "CRLF JSON Lines: both records" test "$(rows "$tmp/crlf_jsonl.csv")" -eq 2

# --- big inputs: bounded time -----------------------------------------------
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
s = '上半年实现税收收入8.6亿元，增长12.5%，固定资产投资完成193.2亿元。'
n = (20 << 20) // len(s.encode())
open(f'{d}/line20m.txt', 'w').write(s * n)          # ~20 MB, one line
open(f'{d}/line20m.facts', 'w').write(str(3 * n))  # tax level, tax growth, investment level each time
for name, ch in (('yi', '亿'), ('pct', '%'), ('one', '一')):
    open(f'{d}/rep_{name}.txt', 'w').write(ch * ((10 << 20) // len(ch.encode())))
digits = '9' * 500
open(f'{d}/digits.txt', 'w').write('税收收入' + digits + '亿元，增长' + '1' * 500 + '.5%。地区生产总值' + '3' * 250 + '.' + '3' * 250 + '亿元。上半年实现税收收入8.6亿元。')
PY
run line20m 120 "$tmp/line20m.txt"
check "20 MB single line: exit 0 within $(limit 120) s" test "$rc" -eq 0
check "20 MB single line: every fact" test "$(rows "$tmp/line20m.csv")" -eq "$(cat "$tmp/line20m.facts")"
check "20 MB single line: offsets" offsets "$tmp/line20m.csv" "$tmp/line20m.txt"
for name in yi pct one; do
  run "rep_$name" 60 "$tmp/rep_$name.txt"
  check "10 MB repeated ($name): exit 0 within $(limit 60) s" test "$rc" -eq 0
  run "rep_${name}_q" 60 --quantities "$tmp/rep_$name.txt"
  check "10 MB repeated ($name) --quantities: exit 0 within $(limit 60) s" test "$rc" -eq 0
  check "10 MB repeated ($name) --quantities: offsets" offsets "$tmp/rep_${name}_q.csv" "$tmp/rep_$name.txt"
done
run digits 30 "$tmp/digits.txt"
check "500 digits: exit 0" test "$rc" -eq 0
check "500 digits: the small fact after them" grep -q ',tax_revenue,level,860000000,' "$tmp/digits.csv"
check "500 digits: no rounded or truncated value" \
  python3 -c "import csv,sys; sys.exit(any(len(r['value'].replace('-','').replace('.',''))>38 for r in csv.DictReader(open(sys.argv[1]))))" "$tmp/digits.csv"
check "500 digits: offsets" offsets "$tmp/digits.csv" "$tmp/digits.txt"

# --- JSON Lines with bad lines ----------------------------------------------
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
good = lambda i: json.dumps({"id": f"good{i}", "text": "全区完成税收收入8.6亿元。"}, ensure_ascii=False)
lines = [
    good(1),                                                   # 1
    '{"id":"bad-json", "text": ',                              # 2 invalid JSON
    '{"id":"no-text"}',                                        # 3 missing text
    '{"id":"not-string","text":42}',                           # 4 text not a string
    '{"id":"null-text","text":null}',                          # 5 text null
    '[1,2,3]',                                                 # 6 not an object
    '"just a string"',                                         # 7 not an object
    '{"id":"trailing","text":"x"} garbage',                    # 8 trailing garbage
    '{"id":"huge-bad","text":"' + 'a' * (8 << 20),            # 9 huge, unterminated
    good(2),                                                   # 10
    json.dumps({"id": "huge-good", "text": "的" * (5 << 20) + "上半年实现税收收入8.6亿元。" + "地" * (5 << 20)}, ensure_ascii=False),  # 11 ~30 MB
    '',                                                        # 12 blank line
    '{"id":"nul-esc","text":"税收收入\\u00008.6亿元。"}',      # 13 escaped NUL in text
    '{"id":"lone-surrogate","text":"\\ud800税收收入8.6亿元。"}', # 14 escaped lone surrogate
    '{"id":7,"text":"全区完成税收收入8.6亿元。"}',              # 15 id not a string
    good(3),                                                   # 16, no final newline
]
with open(f'{d}/mixed.jsonl', 'wb') as f:
    f.write('\n'.join(lines).encode())
    # line 17: raw invalid UTF-8 inside the JSON string
    f.write(b'\n{"id":"raw-bad","text":"\xff\xfe\xe4\xbd"}\n')
    f.write((good(4) + '\n').encode())                         # 18
PY
run mixed 60 "$tmp/mixed.jsonl"
check "bad JSON Lines: exit 1" test "$rc" -eq 1
for g in good1 good2 good3 good4 huge-good; do
  check "bad JSON Lines: $g processed" grep -q "^$g," "$tmp/mixed.csv"
done
check "bad JSON Lines: huge-good has its one fact" test "$(grep -c '^huge-good,' "$tmp/mixed.csv")" -eq 1
for l in 2 3 4 5 6 7 8 9; do
  check "bad JSON Lines: line $l reported as file:line" grep -q "mixed.jsonl:$l: " "$tmp/mixed.err"
done
check "bad JSON Lines: line 3 says missing text" grep -q "mixed.jsonl:3: missing field 'text'" "$tmp/mixed.err"
check "bad JSON Lines: line 4 says not a string" grep -q "mixed.jsonl:4: field 'text' must be a string" "$tmp/mixed.err"
check "bad JSON Lines: line 17 (raw invalid UTF-8) reported or read" \
  bash -c "grep -q 'mixed.jsonl:17: ' '$tmp/mixed.err' || grep -q '^raw-bad,' '$tmp/mixed.csv' || grep -q 'raw-bad: invalid UTF-8' '$tmp/mixed.err'"
check "bad JSON Lines: no line but bad ones reported" \
  bash -c "! grep -E 'mixed.jsonl:(1|10|11|16|18):' '$tmp/mixed.err'"
check "bad JSON Lines: error lines are short (no 8 MB echo)" \
  bash -c "test \$(wc -L <'$tmp/mixed.err') -lt 4096"
check "bad JSON Lines: offsets" offsets "$tmp/mixed.csv" "$tmp/mixed.jsonl" --jsonl
# The same through standard input.
"$extract" <"$tmp/mixed.jsonl" >"$tmp/mixed_stdin.csv" 2>"$tmp/mixed_stdin.err"
rc=$?
check "bad JSON Lines on stdin: exit 1" test "$rc" -eq 1
check "bad JSON Lines on stdin: good4 processed" grep -q '^good4,' "$tmp/mixed_stdin.csv"
check "bad JSON Lines on stdin: reported as -:2" grep -q -- "-:2: " "$tmp/mixed_stdin.err"

# --- missing and unreadable files -------------------------------------------
printf "$fact" >"$tmp/ok.txt"
run missing 30 "$tmp/nope.txt" "$tmp/ok.txt" "$tmp/also-nope.txt"
check "missing files: exit 1" test "$rc" -eq 1
check "missing files: both reported" test "$(grep -c 'nope.txt: cannot open' "$tmp/missing.err")" -eq 2
check "missing files: the other processed" grep -q 'ok.txt,.*,tax_revenue,' "$tmp/missing.csv"
mkdir "$tmp/adir"
run dir 30 "$tmp/adir" "$tmp/ok.txt"
check "a directory as input: exit 1" test "$rc" -eq 1
check "a directory as input: reported" grep -q 'adir: ' "$tmp/dir.err"
check "a directory as input: the other processed" grep -q 'ok.txt,' "$tmp/dir.csv"
printf "$fact" >"$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
if cat "$tmp/locked.txt" >/dev/null 2>&1; then
  echo "NOTE: running as root (uid $(id -u)): chmod 000 does not stop reading; the unreadable-file case is covered by the directory case above"
else
  run locked 30 "$tmp/locked.txt" "$tmp/ok.txt"
  check "unreadable file: exit 1" test "$rc" -eq 1
  check "unreadable file: reported" grep -q 'locked.txt: cannot open' "$tmp/locked.err"
  check "unreadable file: the other processed" grep -q 'ok.txt,' "$tmp/locked.csv"
fi
chmod 600 "$tmp/locked.txt"
# A read error in the middle of a file (EIO): /proc/self/mem opens but
# cannot be read from offset 0. It is one bad input, not the end of the run.
if [ -r /proc/self/mem ]; then
  run readerr 30 /proc/self/mem "$tmp/ok.txt"
  check "read error: no crash, exit 1" test "$rc" -eq 1
  check "read error: the other processed" grep -q 'ok.txt,' "$tmp/readerr.csv"
fi

# --- -o FILE is atomic ------------------------------------------------------
printf 'precious\n' >"$tmp/out.csv"
mkdir -p "$tmp/badpack" && printf '[indicator\n' >"$tmp/badpack/x.toml"
run o_badrules 30 --rules "$tmp/badpack" -o "$tmp/out.csv" "$tmp/ok.txt"
check "-o with bad rules: exit 2" test "$rc" -eq 2
check "-o with bad rules: old output untouched" test "$(cat "$tmp/out.csv")" = "precious"
check "-o with bad rules: no temporary left" test -z "$(ls -a "$tmp" | grep 'out.csv.')"
run o_usage 30 --date 2023/07/12 -o "$tmp/out.csv" "$tmp/ok.txt"
check "-o with a usage error: exit 2" test "$rc" -eq 2
check "-o with a usage error: old output untouched" test "$(cat "$tmp/out.csv")" = "precious"
run o_nodir 30 -o "$tmp/no/such/dir/out.csv" "$tmp/ok.txt"
check "-o into a missing directory: exit 2" test "$rc" -eq 2
check "-o into a missing directory: reported" grep -q 'no/such/dir/out.csv' "$tmp/o_nodir.err"
run o_badinput 30 -o "$tmp/out.csv" "$tmp/nope.txt" "$tmp/ok.txt"
check "-o with a bad input: exit 1" test "$rc" -eq 1
check "-o with a bad input: the rest written" grep -q 'ok.txt,' "$tmp/out.csv"
# Killed in the middle of a run: the old output stays whole. JSON Lines on
# standard input is processed record by record, so by the time of the kill
# part of the output has been written (to the temporary file).
printf 'precious\n' >"$tmp/out.csv"
# (SIGINT cannot be tested from here: a non-interactive shell starts
# background jobs with SIGINT ignored.)
for sig in TERM KILL; do
  mkfifo "$tmp/fifo"
  "$extract" -o "$tmp/out.csv" - <"$tmp/fifo" >/dev/null 2>&1 &
  pid=$!
  exec 3>"$tmp/fifo"
  for n in $(seq 1 2000); do printf '{"id":"k%d","text":"全区完成税收收入8.6亿元。"}\n' "$n" >&3; done
  sleep 1
  kill -"$sig" "$pid" 2>/dev/null
  exec 3>&-  # end of input, in case extract finishes its run on a signal
  wait "$pid" 2>/dev/null
  rm -f "$tmp/fifo"
  check "-o killed by SIG$sig mid-run: old output untouched" test "$(cat "$tmp/out.csv")" = "precious"
  if ls -a "$tmp" | grep -q 'out.csv.tmp'; then
    echo "NOTE: -o killed by SIG$sig leaves its temporary file behind: $(ls -a "$tmp" | grep 'out.csv.tmp' | tr '\n' ' ')"
    rm -f "$tmp"/out.csv.tmp.*
  fi
done

report "hostile inputs"
