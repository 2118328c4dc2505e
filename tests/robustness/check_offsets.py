#!/usr/bin/env python3
"""Checks extract's CSV output against the original input bytes.

usage: check_offsets.py OUTPUT.csv INPUT [--jsonl] [--min-rows N]

Every row's original[begin:end] must equal its text column, byte for byte
(invalid UTF-8 included: both sides are read with surrogateescape). For a
JSON Lines input, the original of a row is the text of the record whose id
is the row's doc. Prints the first problem and exits 1, else exits 0.
"""
import csv
import json
import sys


def main():
    args = sys.argv[1:]
    out_path, in_path = args[0], args[1]
    jsonl = "--jsonl" in args
    min_rows = int(args[args.index("--min-rows") + 1]) if "--min-rows" in args else 0
    if jsonl:
        originals = {}
        with open(in_path, "rb") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    originals[str(rec.get("id"))] = rec["text"].encode("utf-8", "surrogatepass")
    else:
        with open(in_path, "rb") as f:
            original = f.read()
    rows = 0
    csv.field_size_limit(1 << 30)
    with open(out_path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            rows += 1
            doc = originals[row["doc"]] if jsonl else original
            b, e = int(row["begin"]), int(row["end"])
            text = row["text"].encode("utf-8", "surrogateescape")
            if not (0 <= b < e <= len(doc)):
                print(f"row {rows}: span [{b},{e}) outside the document ({len(doc)} bytes)")
                return 1
            if doc[b:e] != text:
                print(f"row {rows}: original[{b}:{e}] = {doc[b:e]!r} but text = {text!r}")
                return 1
    if rows < min_rows:
        print(f"only {rows} rows, expected at least {min_rows}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
