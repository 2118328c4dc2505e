#!/usr/bin/env bash
# extract as a Unix filter over JSON Lines, split across jobs by GNU
# parallel: the same facts as one run, in the same order with --keep-order.
set -u
extract=${EXTRACT:?EXTRACT must name the extract binary}
root=$1
if ! command -v parallel >/dev/null; then
  echo "GNU parallel is not installed (scripts/install-deps installs it); skipping"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Input: the seed article and the rule-file test sentences, one document a
# line, enough lines that parallel makes several blocks.
python3 - "$root" >"$tmp/in.jsonl" <<'PY'
import json, sys, pathlib, tomllib
root = pathlib.Path(sys.argv[1])
docs = [{"id": "seed", "text": (root / "seeds/seed-article.txt").read_text(encoding="utf-8")}]
for path in sorted((root / "rules/zh").rglob("*.toml")):
    for i, t in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("test", [])):
        docs.append({"id": f"{path.stem}-{i}", "text": t["text"], "date": t.get("date", "")})
for d in docs * 3:
    print(json.dumps(d, ensure_ascii=False))
PY

"$extract" --format jsonl <"$tmp/in.jsonl" >"$tmp/single.jsonl" || exit 1
parallel --pipe --keep-order --block 100k -j 2 "$extract" --format jsonl <"$tmp/in.jsonl" >"$tmp/split.jsonl" || exit 1
"$extract" <"$tmp/in.jsonl" >"$tmp/single.csv" || exit 1
parallel --pipe --keep-order --block 100k -j 2 "$extract" --no-header <"$tmp/in.jsonl" >"$tmp/split-body.csv" || exit 1

pass=0
fail=0
check() {
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $*"; fi
}
check test "$(wc -l <"$tmp/in.jsonl")" -gt 100
check test -s "$tmp/single.jsonl"
check cmp -s "$tmp/single.jsonl" "$tmp/split.jsonl"
check cmp -s <(tail -n +2 "$tmp/single.csv") "$tmp/split-body.csv"
echo "parallel: $pass passed, $fail failed"
test "$fail" -eq 0
