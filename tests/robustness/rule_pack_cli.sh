#!/usr/bin/env bash
# Issue 5, rule packs, through the extract command: every broken pack gives
# file:line:column (and the rule id) on stderr and exit status 2, for
# extraction and for --test-rules alike, and never a crash. Run by ctest
# with EXTRACT set; the first argument is the source root.
set -u
root=$1
extract=${EXTRACT:?EXTRACT must name the extract binary}
source "$(dirname "$0")/../e2e/check.sh"
printf '上半年实现税收收入8.6亿元。' >"$tmp/doc.txt"

n=0
# bad NAME 'EXPECTED REGEX' <<< file content: the bundled pack plus zz.toml.
bad() {
  local name=$1 want=$2
  n=$((n + 1))
  local pack="$tmp/pack$n"
  cp -r "$root/rules/zh" "$pack"
  cat >"$pack/zz.toml"
  for mode in extract test-rules; do
    if [ $mode = extract ]; then
      timeout 60 "$extract" --rules "$pack" "$tmp/doc.txt" >"$tmp/out" 2>"$tmp/err"
    else
      timeout 60 "$extract" --test-rules "$pack" >"$tmp/out" 2>"$tmp/err"
    fi
    local rc=$?
    check "$name ($mode): exit 2 (got $rc)" test "$rc" -eq 2
    check "$name ($mode): message '$want'" grep -Eq "zz.toml:[0-9]+:[0-9]+: $want" "$tmp/err"
    [ $mode = extract ] && check "$name ($mode): no output" test ! -s "$tmp/out"
  done
  rm -rf "$pack"
}

bad "malformed TOML" "malformed TOML" <<'T'
[indicator
T
bad "unknown key" "unknown key 'colour'" <<'T'
[indicator]
id = "x"
names = ["某某"]
colour = "red"
T
bad "missing field" "rule r1: missing required key 'pattern'" <<'T'
[[rule]]
id = "r1"
indicator = "gdp"
measure = "level"
T
bad "wrong type" "rule x: 'templates' must hold only strings" <<'T'
[indicator]
id = "x"
names = ["某某"]
templates = [1]
T
bad "duplicate rule id" "rule gdp.level.v1: duplicate rule id" <<'T'
[[rule]]
id = "gdp.level.v1"
indicator = "gdp"
measure = "level"
pattern = '(?P<q>{money})'
T
bad "RE2 rejects" "rule r2: RE2 rejects the pattern" <<'T'
[[rule]]
id = "r2"
indicator = "gdp"
measure = "level"
pattern = '(?P<q>[a'
T
bad "undefined macro" "rule r3: undefined macro \{no_such_macro\}" <<'T'
[[rule]]
id = "r3"
indicator = "gdp"
measure = "level"
pattern = '(?P<q>{no_such_macro})'
T
bad "self-referring macro" "rule r4: macro refers to itself" <<'T'
[macros]
loop_a = '{loop_b}'
loop_b = '{loop_a}'

[[rule]]
id = "r4"
indicator = "gdp"
measure = "level"
pattern = '(?P<q>{loop_a})'
T
bad "unknown indicator" "rule r5: unknown indicator 'nope'" <<'T'
[[rule]]
id = "r5"
indicator = "nope"
measure = "level"
pattern = '(?P<q>1)'
T
bad "unknown measure" "rule r6: unknown measure 'speed'" <<'T'
[[rule]]
id = "r6"
indicator = "gdp"
measure = "speed"
pattern = '(?P<q>1)'
T
bad "unknown measure in a test" "unknown measure 'speed'" <<'T'
[[test]]
text = "地区生产总值100亿元。"
expect = [{ indicator = "gdp", measure = "speed" }]
T
bad "invalid UTF-8 in a rule file" "malformed TOML" < <(printf '[indicator]\nid = "\xff\xfe"\n')

# A failing rule test: exit 2 with file:line, expected and got.
cp -r "$root/rules/zh" "$tmp/failing"
cat >"$tmp/failing/zz.toml" <<'T'
[[test]]
text = "地区生产总值100亿元。"
expect = [{ indicator = "gdp", measure = "level", value = "999" }]
T
timeout 120 "$extract" --test-rules "$tmp/failing" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "failing rule test: exit 2 (got $rc)" test "$rc" -eq 2
check "failing rule test: zz.toml:1" grep -q 'zz.toml:1: test failed' "$tmp/err"
check "failing rule test: expected shown" grep -q 'value=999' "$tmp/err"
check "failing rule test: got shown" grep -q 'value=10000000000' "$tmp/err"
check "failing rule test: count on stdout" grep -Eq '[1-9][0-9]* failed' "$tmp/out"

# Packs that are not there or not directories.
for what in "$tmp/no-such-pack" "$tmp/doc.txt"; do
  timeout 60 "$extract" --rules "$what" "$tmp/doc.txt" >/dev/null 2>"$tmp/err"
  rc=$?
  check "--rules $(basename "$what"): exit 2 (got $rc)" test "$rc" -eq 2
  check "--rules $(basename "$what"): reported" test -s "$tmp/err"
done
mkdir "$tmp/empty-pack"
timeout 60 "$extract" --rules "$tmp/empty-pack" "$tmp/doc.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "--rules on an empty directory: no crash (got $rc)" test "$rc" -le 2
# A .toml that is a directory, and one that cannot be read.
cp -r "$root/rules/zh" "$tmp/dirpack" && mkdir "$tmp/dirpack/zz.toml"
timeout 60 "$extract" --rules "$tmp/dirpack" "$tmp/doc.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "a directory named *.toml in the pack: exit 0 or 2, no crash (got $rc)" test "$rc" -eq 0 -o "$rc" -eq 2

# A pattern too large for RE2 only once its numbers are in (the rule
# filter's copy leaves them out, so the pack loads): found when a document
# first needs the rule, on any thread (with -j 2 the failing document is
# the longest of a batch extracted while the next is read: a helper thread
# takes it), in a long text too. The run stops
# with exit 2, and -o writes no file; --test-rules finds it up front.
cp -r "$root/rules/zh" "$tmp/huge"
cat >"$tmp/huge/zz.toml" <<'T'
[[rule]]
id = "r.huge"
indicator = "gdp"
measure = "level"
pattern = '总产出(?P<q>(?:{number}){60}亿元)'
T
python3 -c '
import json
for i in range(2500):
    text = "今年GDP增长5%。" * 20 + ("总产出3亿元。" if i == 1200 else "")
    print(json.dumps({"id": str(i), "text": text}, ensure_ascii=False))' >"$tmp/huge.jsonl"
python3 -c 'print("今年GDP增长5%。" * 30000 + "总产出3亿元。" + "今年GDP增长5%。" * 30000)' >"$tmp/huge.txt"
for input in huge.jsonl huge.txt; do
  for jobs in 1 2; do
    timeout 120 "$extract" --rules "$tmp/huge" -j $jobs -o "$tmp/huge.csv" "$tmp/$input" 2>"$tmp/err"
    rc=$?
    check "too large at first use ($input, -j $jobs): exit 2 (got $rc)" test "$rc" -eq 2
    check "too large at first use ($input, -j $jobs): named" \
      grep -q 'zz.toml:1:1: rule r.huge: RE2 rejects the pattern: pattern too large' "$tmp/err"
    check "too large at first use ($input, -j $jobs): no -o file" test ! -e "$tmp/huge.csv"
  done
done
printf '今年GDP增长5%%。' | timeout 60 "$extract" --rules "$tmp/huge" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a document that does not need the rule: exit 0 (got $rc)" test "$rc" -eq 0
check "a document that does not need the rule: its fact" grep -q 'gdp,growth,5,' "$tmp/out"
timeout 120 "$extract" --test-rules "$tmp/huge" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "too large, --test-rules: exit 2 (got $rc)" test "$rc" -eq 2
check "too large, --test-rules: named" grep -q 'zz.toml:1:1: rule r.huge: RE2 rejects' "$tmp/err"

report "rule pack cli"
