#!/usr/bin/env bash
# The .deb CPack makes: its dependencies are Debian 12's run-time packages,
# and, unpacked with dpkg-deb -x (no root, the system untouched), its
# extract runs on the seed article with the packaged rule pack and its
# library builds examples/.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR [CMAKE_GENERATOR [CXX_COMPILER]]
# Exits 77 (skipped) without dpkg-deb and dpkg-shlibdeps (package dpkg-dev).
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
generator=${3:-}
cxx=${4:-c++}
command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null || {
  echo "SKIP: no dpkg-deb/dpkg-shlibdeps"
  exit 77
}
source "$(dirname "$0")/check.sh"  # $tmp and check()
unset ZHIBIAO_RULES

if ! (cd "$build" && cpack -G DEB -B "$tmp/out") >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
fi
deb=$(ls "$tmp"/out/zhibiao_*.deb)
check "one .deb" test -f "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for p in libre2-9 libicu72 libfmt9 libtomlplusplus3 libsimdjson14 libstdc++6 libc6; do
  check "depends on $p" grep -q "\b$p\b" <<<"$depends"
done

dpkg-deb -x "$deb" "$tmp/root"
extract=$(find "$tmp/root" -path '*/bin/extract' -type f)
check "extract in the package" test -x "$extract"
prefix=$(dirname "$(dirname "$extract")")
check "rule pack in the package" test -f "$prefix/share/zhibiao/rules/zh/pack.toml"
check "man page in the package" test -f "$prefix/share/man/man1/extract.1.gz"
check "no Python module in the package" test -z "$(find "$tmp/root" -name '_zhibiao*.so')"

"$extract" "$src/seeds/seed-article.txt" >"$tmp/seed.csv" 2>"$tmp/seed.err"
check "packaged extract exits 0" test $? -eq 0
check "packaged extract: 9 facts" test "$(wc -l <"$tmp/seed.csv")" -eq 10
check "packaged extract: the GDP fact" grep -q ',gdp,level,19320000000,CNY,eq,,expected,2023-01/2023-06,' "$tmp/seed.csv"
"$extract" --test-rules >"$tmp/rules.out" 2>&1
check "packaged extract --test-rules passes" test $? -eq 0

# The packaged (debug-stripped) library, CMake package and headers.
gen=()
[ -n "$generator" ] && gen=(-G "$generator")
if cmake -S "$src/examples" -B "$tmp/example" "${gen[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_CXX_COMPILER="$cxx" >"$tmp/example.log" 2>&1 &&
   cmake --build "$tmp/example" >>"$tmp/example.log" 2>&1; then
  ZHIBIAO_RULES="$prefix/share/zhibiao/rules/zh" "$tmp/example/extract_facts" | grep -q '^gdp level 19320000000 '
  check "example built against the package prints facts" test $? -eq 0
else
  cat "$tmp/example.log"
  check "example builds against the package" false
fi

echo "deb test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
