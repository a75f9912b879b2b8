"""The fixed train/dev/test split of the real pages (about 70/15/15), made once and written down in data/real/.

    python -m training.corpus.split ALL_PAGES.jsonl --out data/real

The first run writes data/real/split.json (the page ids of each part); later
runs with revised annotations keep those ids and only rewrite the parts.

Pages that report the same ceremony (same award family and year) stay in one
part, so the dev and test parts hold ceremonies the model never saw. Within
that constraint the parts are stratified by award family and by shape: list
articles (three or more winners), single-winner articles, and pages with no
award entry (non-award pages and excerpts cut before the winners).
scikit-learn's StratifiedGroupKFold does the assignment: of 7 folds, one is
test, one dev, the rest train. The test part is read only for the closing report.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

FOLDS = 7
SEED = 20261205
_FILLER = {"penghargaan", "anugerah", "award", "awards", "piala", "tahun", "opini", "predikat", "trofi", "the", "of",
           "dan", "kategori", "tingkat", "nasional", "ke"}


def family(record: dict) -> str:
    """The award family of a record: a known award of the lexicon (`IGA` = Innovative Government Award),
    else the two first distinctive words of its most frequent award name; `none` without entries."""
    from extractor.core import lexicons

    names = [a.get("award") or "" for a in record.get("awards") or []]
    if not names:
        return "none"
    name = Counter(names).most_common(1)[0][0]
    for entry in lexicons.load("awards")["known"]:
        if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", name, re.I) for f in [entry["name"], *entry["aliases"]]):
            return entry["name"].lower()
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in _FILLER]
    return " ".join(words[:2]) or "unnamed"


def shape(record: dict) -> str:
    n = len(record.get("awards") or [])
    return "none" if n == 0 else "list" if n >= 3 else "single"


def ceremony(record: dict) -> str:
    """Group key: family and edition year (from the entries, else the event date)."""
    years = [a.get("year") for a in record.get("awards") or [] if a.get("year")]
    year = Counter(years).most_common(1)[0][0] if years else (record.get("event_date") or "")[:4]
    fam = family(record)
    return f"{fam}|{year}" if fam not in ("none", "unnamed") else f"{fam}|{record.get('doc_id')}"


def make_split(annotations: list[dict], folds: int = FOLDS, seed: int = SEED) -> dict[str, list[str]]:
    """{"train": ids, "dev": ids, "test": ids}."""
    from sklearn.model_selection import StratifiedGroupKFold

    recs = [a["record"] for a in annotations]
    fams = Counter(family(r) for r in recs)
    strata = [f"{shape(r)}|{family(r) if fams[family(r)] >= folds else 'other'}" for r in recs]
    counts = Counter(strata)
    strata = [s if counts[s] >= folds else s.split("|")[0] for s in strata]  # rare strata fall back to shape alone
    groups = [ceremony(r) for r in recs]
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    fold_of = {}
    for k, (_, idx) in enumerate(cv.split(recs, strata, groups)):
        for i in idx:
            fold_of[i] = k
    out: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for i, a in enumerate(annotations):
        out["test" if fold_of[i] == 0 else "dev" if fold_of[i] == 1 else "train"].append(a["id"])
    return {k: sorted(v) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.corpus.split", description=__doc__.splitlines()[0])
    ap.add_argument("annotations", type=Path, help="all standoff annotations (one JSON line per page)")
    ap.add_argument("--out", type=Path, required=True, help="folder for train.jsonl, dev.jsonl, test.jsonl and split.json")
    args = ap.parse_args(argv)
    anns = [json.loads(line) for line in args.annotations.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {a["id"]: a for a in anns}
    frozen = args.out / "split.json"
    if frozen.is_file():  # the split is made once: later runs only redistribute revised annotations
        old = json.loads(frozen.read_text(encoding="utf-8"))
        split = {k: old[k] for k in ("train", "dev", "test")}
        known = {i for ids in split.values() for i in ids}
        if known != set(by_id):
            print(f"error: {frozen} fixes the split of {len(known)} pages; these annotations hold {len(by_id)} "
                  f"(new: {sorted(set(by_id) - known)[:5]}, missing: {sorted(known - set(by_id))[:5]})", file=sys.stderr)
            return 1
    else:
        split = make_split(anns)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, ids in split.items():
        with (args.out / f"{part}.jsonl").open("w", encoding="utf-8") as fh:
            for i in ids:
                fh.write(json.dumps(by_id[i], ensure_ascii=False) + "\n")
    summary = {part: {"pages": len(ids), "shapes": dict(Counter(shape(by_id[i]["record"]) for i in ids)),
                      "entries": sum(len(by_id[i]["record"].get("awards") or []) for i in ids)}
               for part, ids in split.items()}
    if frozen.is_file():  # same ids; only the counts of the revised annotations change
        old["summary"] = summary
        frozen.write_text(json.dumps(old, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(summary), file=sys.stderr)
        return 0
    frozen.write_text(json.dumps({
        "method": "StratifiedGroupKFold(7 folds, shuffled): fold 0 test, fold 1 dev, folds 2-6 train; groups = "
                  "ceremony (award family + year); strata = shape (list/single/none) x award family (rare ones pooled)",
        "seed": SEED, "summary": summary, **split}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
