#!/usr/bin/env python3
"""Input dense with figures, for measuring what a statistical release costs.

    bench/make-dense-input.py SIZE_MB OUT.jsonl   (JSON Lines: 7 KB documents of 60 sentences)
    bench/make-dense-input.py SIZE_MB OUT.txt     (one text document: paragraphs of 12 sentences)

The sentences are those of ../shared/corpus/government_work_reports.jsonl
and ../shared/eval/dev/docs.jsonl that hold a digit, drawn at random with a
fixed seed, so the same command writes the same bytes. The benchmark's own
input (make-input.sh) is the reports repeated: a fact in every 5-6 KB; this
one has about 2,000 a MB. See bench/README.md, "Text dense with figures".
"""
import json
import random
import re
import sys
from pathlib import Path

SOURCES = ["../shared/corpus/government_work_reports.jsonl", "../shared/eval/dev/docs.jsonl"]
SENTENCE_END = re.compile(r"(?<=[。；])")
HAS_DIGIT = re.compile(r"[0-9０-９]")


def sentences_with_digits(root: Path) -> list[str]:
    found = []
    for source in SOURCES:
        with open(root / source, encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text", "")
                found += [s for s in SENTENCE_END.split(text) if len(s) > 8 and HAS_DIGIT.search(s)]
    return found


def main() -> int:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        print("usage: bench/make-dense-input.py SIZE_MB OUT.jsonl|OUT.txt", file=sys.stderr)
        return 2
    size = int(sys.argv[1]) * 1_000_000
    out_path = Path(sys.argv[2])
    root = Path(__file__).resolve().parent.parent
    sentences = sentences_with_digits(root)
    rng = random.Random(7)
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        index = 0
        while written < size:
            if out_path.suffix == ".jsonl":
                text = "".join(rng.choice(sentences) for _ in range(60))
                line = json.dumps({"id": f"dense-{index}", "text": text, "date": "2024-03-05"}, ensure_ascii=False)
                chunk = line + "\n"
            else:
                chunk = "".join(rng.choice(sentences) for _ in range(12)) + "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            index += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
