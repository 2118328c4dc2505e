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

report "rule pack cli"
