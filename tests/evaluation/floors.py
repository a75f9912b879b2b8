"""Record-score floors of the corpus regression tests: how they are measured, read and raised.

    python -m tests.evaluation.floors            # print the scores now and the floors
    python -m tests.evaluation.floors --raise    # write the scores that rose as the new floors
    python -m tests.evaluation.floors --lower    # also write the ones that fell (a trade-off you accept: say so)

A floor may rise (run this after an improvement and commit floors.json) but
never silently fall: test_regression.py fails when a field drops below it;
a fall that a change accepts on purpose is written with --lower and named in
the commit message.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLOORS = Path(__file__).with_name("floors.json")
# the team corpus is in the shipped model's training data (its scores there are in-sample); the real dev split is not
CORPORA = {"team": [REPO / "data" / "corpus"], "real-dev": [REPO / "data" / "real" / "dev.jsonl"]}
EXTRACTORS = ("rules", "default")


def corpus_files(name: str) -> list[Path]:
    out: list[Path] = []
    for p in CORPORA[name]:
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def measure(extractor_name: str, corpus: str) -> dict[str, float]:
    """Every score.py figure (field F1s, accuracies, overall) and strict entry F1 of one extractor on one corpus."""
    from extractor import Extractor
    from extractor.evaluation import score as S
    from extractor.evaluation.entries import entry_f1
    from training.corpus.data import read_corpus

    docs = [d for d in read_corpus(corpus_files(corpus)) if d.get("record")]
    ex = Extractor.load(rules_only=extractor_name == "rules")
    gold, pred = {}, {}
    records = ex.pipe([{"text": d["text"], "doc_id": d["id"]} for d in docs])
    for d, rec in zip(docs, records):
        gold[d["id"]] = {**d["record"], "doc_id": d["id"]}
        pred[d["id"]] = rec.to_dict(spans=False)
    rep = S.score(gold, pred)
    out = {f"{k}_f1": v["f1"] for k, v in rep["fields"].items()}
    out.update({k: v["accuracy"] for k, v in rep["accuracy"].items() if v["accuracy"] is not None})
    out["overall"] = rep["overall"]
    out["entries_f1"] = round(entry_f1(gold, pred).f1, 4)
    return out


def load() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise", dest="raise_", action="store_true", help="write risen scores as the new floors")
    ap.add_argument("--lower", action="store_true", help="also write fallen scores (an accepted trade-off)")
    args = ap.parse_args(argv)
    floors = load()
    for ex in EXTRACTORS:
        for corpus in CORPORA:
            now = measure(ex, corpus)
            old = floors.setdefault(ex, {}).setdefault(corpus, {})
            for k, v in sorted(now.items()):
                mark = "" if k not in old else ("  (rose)" if v > old[k] else "  (FELL)" if v < old[k] else "")
                print(f"{ex:8s} {corpus:9s} {k:18s} {v:.4f}  floor {old.get(k, float('nan')):.4f}{mark}")
                if (args.raise_ or args.lower) and (k not in old or v > old[k] or args.lower):
                    old[k] = v
    if args.raise_ or args.lower:
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
