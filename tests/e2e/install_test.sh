#!/usr/bin/env bash
# The installed package as an outside user meets it:
#   install the build tree into a temporary prefix; build examples/ against it
#   with find_package(zhibiao) and again with pkg-config; run both; run the
#   installed extract on the seed article with ZHIBIAO_RULES unset and check
#   that it reads the rule pack installed beside it (not the source tree's),
#   also after the prefix has been moved.
#   With the Python module built (ZHIBIAO_PYTHON), also: the installed
#   package imports, and finds the installed pack.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR [CMAKE_GENERATOR [CXX_COMPILER [PYTHON]]]
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
generator=${3:-}
cxx=${4:-c++}
python=${5:-python3}
source "$(dirname "$0")/check.sh"  # $tmp and check()
finish() {
  echo "install test: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
}

prefix="$tmp/prefix"
unset ZHIBIAO_RULES
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  check "cmake --install" false
  finish
fi

# What the prefix holds.
libdir=$(dirname "$(find "$prefix" -name libzhibiao.a | head -1)")
check "library installed" test -f "$libdir/libzhibiao.a"
check "headers installed" test -f "$prefix/include/zhibiao/zhibiao.hpp" -a -f "$prefix/include/zhibiao/decimal.hpp"
check "extract installed" test -x "$prefix/bin/extract"
check "rule pack installed" test -f "$prefix/share/zhibiao/rules/zh/pack.toml"
check "man page installed" test -f "$prefix/share/man/man1/extract.1"
check "CMake package installed" test -f "$libdir/cmake/zhibiao/zhibiaoConfig.cmake" \
  -a -f "$libdir/cmake/zhibiao/zhibiaoConfigVersion.cmake" -a -f "$libdir/cmake/zhibiao/zhibiaoTargets.cmake"
check "pkg-config file installed" test -f "$libdir/pkgconfig/zhibiao.pc"
if command -v man >/dev/null; then
  check "man page renders" bash -c "MANWIDTH=80 man -l '$prefix/share/man/man1/extract.1' 2>&1 | grep -q 'exact decimal value'"
fi

# examples/ as an outside CMake project.
gen=()
[ -n "$generator" ] && gen=(-G "$generator")
if cmake -S "$src/examples" -B "$tmp/example" "${gen[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_CXX_COMPILER="$cxx" >"$tmp/example.log" 2>&1 &&
   cmake --build "$tmp/example" >>"$tmp/example.log" 2>&1; then
  check "examples/ builds against the installed package" true
  ZHIBIAO_RULES="$prefix/share/zhibiao/rules/zh" "$tmp/example/extract_facts" >"$tmp/example.out" 2>&1
  check "example exits 0" test $? -eq 0
  check "example prints the GDP fact" grep -q '^gdp level 19320000000 CNY expected 2023-01/2023-06 ' "$tmp/example.out"
  check "example prints the tax fact" grep -q '^tax_revenue level 1357000000 CNY expected ' "$tmp/example.out"
else
  cat "$tmp/example.log"
  check "examples/ builds against the installed package" false
fi

# The same program through pkg-config.
if PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --exists zhibiao; then
  check "pkg-config version" test "$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --modversion zhibiao)" = \
    "$(sed -n 's/^Version: //p' "$libdir/pkgconfig/zhibiao.pc")"
  # shellcheck disable=SC2046
  "$cxx" -std=c++20 "$src/examples/extract_facts.cpp" -o "$tmp/pc_example" \
    $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs zhibiao) >"$tmp/pc.log" 2>&1
  [ $? -eq 0 ] || { cat "$tmp/pc.log"; false; }
  check "example links with pkg-config" test $? -eq 0
  ZHIBIAO_RULES="$prefix/share/zhibiao/rules/zh" "$tmp/pc_example" | grep -q '^gdp level 19320000000 '
  check "pkg-config example prints facts" test $? -eq 0
else
  check "pkg-config finds zhibiao.pc" false
fi

# The installed extract, no flag, no ZHIBIAO_RULES: the seed article's nine facts,
# the same as the build tree's extract gives.
(cd "$src" && "$prefix/bin/extract" seeds/seed-article.txt) >"$tmp/seed.csv" 2>"$tmp/seed.err"
check "installed extract exits 0" test $? -eq 0
check "installed extract: 9 facts" test "$(wc -l <"$tmp/seed.csv")" -eq 10
(cd "$src" && "$build/extract" seeds/seed-article.txt) >"$tmp/seed-build.csv" 2>/dev/null
check "installed extract = build-tree extract" cmp -s "$tmp/seed.csv" "$tmp/seed-build.csv"
"$prefix/bin/extract" --test-rules >"$tmp/rules.out" 2>&1
check "installed extract --test-rules passes" test $? -eq 0

# The Python module, when it was built: imported from the prefix, it reads the
# installed pack.
pyinit=$(find "$prefix" -path '*/zhibiao/__init__.py' | head -1)
if [ -n "$pyinit" ]; then
  pydir=$(dirname "$(dirname "$pyinit")")
  (cd "$tmp" && PYTHONPATH="$pydir" "$python" -c '
import sys, zhibiao
assert zhibiao.__file__.startswith(sys.argv[1]), zhibiao.__file__
assert str(zhibiao.default_rules_directory()) == sys.argv[2], zhibiao.default_rules_directory()
facts = zhibiao.extract(open(sys.argv[3], encoding="utf-8").read())
assert len(facts) == 9, facts
' "$pydir" "$prefix/share/zhibiao/rules/zh" "$src/seeds/seed-article.txt") >"$tmp/py.log" 2>&1
  [ $? -eq 0 ] || { cat "$tmp/py.log"; false; }
  check "installed Python module reads the installed pack" test $? -eq 0
fi

# Proof that it is the installed pack that was read: break it, and the error
# names the installed file.
pack="$prefix/share/zhibiao/rules/zh/pack.toml"
cp "$pack" "$tmp/pack.toml.orig"
printf '\n[this is not toml\n' >>"$pack"
"$prefix/bin/extract" "$src/seeds/seed-article.txt" >/dev/null 2>"$tmp/broken.err"
check "broken installed pack: exit 2" test $? -eq 2
check "broken installed pack: error names the installed file" grep -q "^$prefix/share/zhibiao/rules/zh/pack.toml:" "$tmp/broken.err"
cp "$tmp/pack.toml.orig" "$pack"

# A moved prefix still finds its pack.
mv "$prefix" "$tmp/moved"
"$tmp/moved/bin/extract" "$src/seeds/seed-article.txt" >"$tmp/moved.csv" 2>"$tmp/moved.err"
check "moved prefix: exit 0" test $? -eq 0
check "moved prefix: 9 facts" test "$(wc -l <"$tmp/moved.csv")" -eq 10
rulesdir=$(PKG_CONFIG_PATH="$tmp/moved/${libdir#"$prefix"/}/pkgconfig" pkg-config --variable=rulesdir zhibiao)
check "moved pkg-config file follows the prefix" test -f "$rulesdir/pack.toml" -a "${rulesdir#"$tmp/moved/"}" != "$rulesdir"

finish
