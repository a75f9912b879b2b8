"""Agreement between two independent annotations of the same articles: span F1 and score.py's record score.

    python -m training.corpus.agreement data/real/agreement/first.jsonl data/real/agreement/second.jsonl

Spans agree when start, end and label are all equal (per label and micro).
Records are scored with score.py taking the first file as gold, and the other
way round, and with the strict per-entry check. Either file may be a corpus
file with text or a standoff file (joined to ../shared by id and hash).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from extractor.evaluation import score as S
from extractor.evaluation.entries import entry_f1

from .data import read_corpus


def span_agreement(a: list[dict], b: list[dict]) -> dict[str, dict]:
    """Exact span agreement per label and micro: {label: {"f1", "both", "only_a", "only_b"}}."""
    by_id = {d["id"]: d for d in b}
    counts: dict[str, Counter] = {}
    for d in a:
        other = by_id.get(d["id"])
        if other is None:
            continue
        sa = {(s["start"], s["end"], s["label"]) for s in d["spans"]}
        sb = {(s["start"], s["end"], s["label"]) for s in other["spans"]}
        for key, group in (("both", sa & sb), ("only_a", sa - sb), ("only_b", sb - sa)):
            for s in group:
                counts.setdefault(s[2], Counter())[key] += 1
                counts.setdefault("micro", Counter())[key] += 1
    out = {}
    for label, c in sorted(counts.items()):
        f1 = 2 * c["both"] / (2 * c["both"] + c["only_a"] + c["only_b"]) if c["both"] else 0.0
        out[label] = {"f1": round(f1, 4), "both": c["both"], "only_a": c["only_a"], "only_b": c["only_b"]}
    return out


def record_agreement(a: list[dict], b: list[dict]) -> dict:
    """score.py both ways and the strict entry F1 between the two files' records."""
    ga = {d["id"]: {**d["record"], "doc_id": d["id"]} for d in a if d.get("record")}
    gb = {d["id"]: {**d["record"], "doc_id": d["id"]} for d in b if d.get("record")}
    ids = sorted(set(ga) & set(gb))
    ga, gb = {i: ga[i] for i in ids}, {i: gb[i] for i in ids}
    ab, ba = S.score(ga, gb), S.score(gb, ga)
    return {"documents": len(ids), "a_as_gold": ab, "b_as_gold": ba, "entries_f1": round(entry_f1(ga, gb).f1, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.corpus.agreement", description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    a, b = read_corpus([args.a]), read_corpus([args.b])
    spans, records = span_agreement(a, b), record_agreement(a, b)
    if args.json:
        print(json.dumps({"spans": spans, "records": records}, indent=1))
        return 0
    print(f"{records['documents']} articles annotated twice")
    print("span agreement (exact start, end, label)")
    for label, v in spans.items():
        print(f"  {label:6s} F1 {v['f1']:.3f}  both {v['both']}  only {args.a.stem} {v['only_a']}  only {args.b.stem} {v['only_b']}")
    ab, ba = records["a_as_gold"], records["b_as_gold"]
    print(f"record score (score.py): {ab['overall']:.4f} with {args.a.stem} as gold, {ba['overall']:.4f} the other way")
    for k, v in ab["fields"].items():
        print(f"  {k:16s} F1 {v['f1']:.3f}")
    for k, v in ab["accuracy"].items():
        if v["accuracy"] is not None:
            print(f"  {k:16s} acc {v['accuracy']:.3f} (n={v['n']})")
    print(f"strict entries F1 {records['entries_f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
