"""Out of fold: the whole extractor's records of training articles it never learned from, scored with score.py.

    python -m training.model.crossfit ... --out runs/crossfit          # the tagger spans (about an hour on 2 CPUs)
    python -m training.model.oof --data data/real/train.jsonl \
        --extra-data data/corpus/*.jsonl data/generated/shapes.jsonl \
        --spans runs/crossfit/spans.json --linkers runs/oof-linkers [--out runs/oof]

Each `--data` article is tagged by a tagger that never saw it (the model spans of
`--spans`, written by crossfit.py; the rule spans come from this code) and linked
by a linker trained without its fold (`--folds` folds by ceremony, as
`linker.py --oof-data` makes them, on the spans of `--model`'s tagger, with
`--model`'s thresholds). The fold linkers are written to `--linkers` and read
back from there on a later run, so two versions of the rules and the linker's
inference can be compared on the same taggers and the same fold linkers
(`--retrain` trains them again). `--out` gets `gold.jsonl` and `pred.jsonl`;
printed: score.py's report of them and strict entry F1, as `anugerah evaluate`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from extractor import Extractor
from extractor.core.document import Document
from extractor.core.spans import Span, resolve
from extractor.evaluation import score as S
from extractor.evaluation.entries import entry_f1
from extractor.link import link
from extractor.link.learned import LINKER_FILE, AwardLinker

from ..corpus.data import read_corpus
from ..corpus.standoff import sha256
from . import linker as L


def fold_linkers(docs: list[dict], held: list[dict], folds: int, spans_model: str, cache: Path | None,
                 out: Path, retrain: bool, log) -> dict[int, AwardLinker]:
    """The linker of each fold, trained on `docs` without that fold's `held` articles (read from `out` when there)."""
    paths = {f: out / f"fold-{f}" for f in range(folds)}
    if retrain or not all(AwardLinker.load(p) for p in paths.values()):
        spans = L.extractor_spans(docs, spans_model, cache, log)
        cached = {d["id"]: L._view_rows(d, spans[d["id"]]) for d in docs}
        fold_of = L.ceremony_folds(held, folds)
        for f, p in paths.items():
            start = time.time()
            trained = L.train([d for d in docs if fold_of.get(d["id"]) != f], spans, L.C_DEFAULT, cached)
            p.mkdir(parents=True, exist_ok=True)
            (p / LINKER_FILE).write_text(json.dumps(trained.to_dict(), ensure_ascii=False), encoding="utf-8")
            log(f"fold {f + 1}/{folds}: linker trained in {time.time() - start:.0f} s")
    return {f: AwardLinker.load(p) for f, p in paths.items()}


def held_out_spans(ex: Extractor, doc: Document, raw: list) -> list[Span]:
    """The spans the extractor links for `doc` when its tagger's spans are the given ones (`raw`, the spans-cache
    format): the model spans taken as they are, the rule spans made again by this code."""
    model = [Span(a, b, doc.text[a:b], label, source, score, L._attrs(attrs))
             for a, b, label, source, score, attrs in raw if source == "model"]
    taggers = [t.name for t in ex.taggers if hasattr(t, "tag_many")]
    found = ex.raw_spans(doc, {taggers[0]: model}) if taggers else ex.raw_spans(doc) + model
    return resolve(found, ex.merge)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.model.oof", description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="+", type=Path, required=True,
                    help="the cross-fitted articles (the real train split)")
    ap.add_argument("--extra-data", nargs="*", type=Path, default=[], help="articles every fold linker learns from")
    ap.add_argument("--spans", type=Path, required=True, help="spans.json of training/model/crossfit.py")
    ap.add_argument("--linkers", type=Path, required=True, help="folder of the fold linkers (written when missing)")
    ap.add_argument("--model", default="models/default", help="model folder: its merge policy and thresholds, and the "
                                                               "tagger whose spans the fold linkers learn from")
    ap.add_argument("--cache", type=Path, default=Path("runs/spans-cache.json"), help="spans cache of the training")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--retrain", action="store_true", help="train the fold linkers again")
    ap.add_argument("--out", type=Path, default=Path("runs/oof"), help="folder for gold.jsonl and pred.jsonl")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    held = [d for d in read_corpus(args.data) if d.get("record")]
    given = json.loads(args.spans.read_text(encoding="utf-8"))
    missing = [d["id"] for d in held if sha256(d["text"]) not in given]
    if missing:
        ap.error(f"--spans {args.spans}: no spans for {len(missing)} articles ({', '.join(missing[:3])} ...); "
                 "run crossfit.py on the same --data")
    docs = held + [d for d in read_corpus(args.extra_data) if d.get("record")]
    cache = args.cache.with_name(f"{args.cache.stem}-{Path(args.model).name}{args.cache.suffix}")
    linkers = fold_linkers(docs, held, args.folds, args.model, cache, args.linkers, args.retrain, log)
    ex = Extractor.load(args.model, rules_only=args.model == "rules")
    shipped = ex.linker.thresholds if ex.linker is not None else dict(L.DEFAULT_THRESHOLDS)
    fold_of = L.ceremony_folds(held, args.folds)
    gold, pred = {}, {}
    for d in held:
        doc = Document(d["text"], doc_id=d["id"])
        linker = linkers[fold_of[d["id"]]]
        linker.thresholds = dict(shipped)
        gold[d["id"]] = {**d["record"], "doc_id": d["id"]}
        pred[d["id"]] = link(doc, held_out_spans(ex, doc, given[sha256(d["text"])]), linker).to_dict(spans=False)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, recs in (("gold", gold), ("pred", pred)):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs.values())
        (args.out / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    S.main([str(args.out / "gold.jsonl"), str(args.out / "pred.jsonl")])  # score.py's own report of the two files
    print(entry_f1(gold, pred).line("out of fold", len(held)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
