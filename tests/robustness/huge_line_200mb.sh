#!/usr/bin/env bash
# Issue 5's full-size case, by hand (not in ctest: it needs ~1 GB of disk
# and memory and a minute or more): a 200 MB single line, and 10 MB runs of
# one repeated character.
#   EXTRACT=build/extract tests/robustness/huge_line_200mb.sh [MB] [SECONDS]
set -u
extract=${EXTRACT:-build/extract}
mb=${1:-200}
limit=${2:-600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$mb" <<'PY'
import sys
d, mb = sys.argv[1], int(sys.argv[2])
s = '上半年实现税收收入8.6亿元，增长12.5%，固定资产投资完成193.2亿元。'.encode()
with open(f'{d}/line.txt', 'wb') as f:
    chunk = s * ((1 << 20) // len(s))
    for _ in range(mb):
        f.write(chunk)
PY
ls -l "$tmp/line.txt"
/usr/bin/time -f "%e s, %M KB max RSS" timeout "$limit" "$extract" "$tmp/line.txt" >"$tmp/out.csv"
rc=$?
echo "exit $rc, $(($(wc -l <"$tmp/out.csv") - 1)) facts"
[ "$rc" -eq 0 ] && python3 "$(dirname "$0")/check_offsets.py" "$tmp/out.csv" "$tmp/line.txt" && echo "offsets ok"
