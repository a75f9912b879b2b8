"""Cross-fitted tagger spans for the linker: the spans of each training article from a tagger that never saw it.

    python -m training.model.crossfit --data data/real/train.jsonl --extra-data data/corpus/*.jsonl \
        --dev-data data/real/dev.jsonl --out runs/crossfit [--parts 2] [--epochs 6]
    python -m training.model.linker ... --train-spans runs/crossfit/spans.json

The shipped tagger learned from the real train split, so its spans on those
articles are better than on any unseen article (span F1 on real train against
real dev: AWARD 0.71 / 0.60, CAT 0.67 / 0.49, ORG 0.79 / 0.64). A linker that
learns from them learns to trust the tagger more than it should. Here the
`--data` articles are cut into `--parts` parts by ceremony (the pages of one
ceremony stay together, as in the train/dev/test split); for each part a
tagger learns from `--extra-data` plus the other parts, and tags that part.

The output folder holds each part (`part-K.jsonl`), its tagger (`tagger-K/`,
kept so a run that was cut off goes on from the taggers it has) and
`spans.json`: the raw spans (rules and tagger) of every `--data` article by
text hash, the format of the linker's spans cache.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from .. import CONFIGS, SHARED_DATA
from ..corpus.data import file_hash, read_corpus
from ..corpus.split import ceremony

SEED = 7
SPANS_FILE = "spans.json"


def ceremony_parts(docs: list[dict], parts: int, seed: int = SEED) -> list[int]:
    """The part of each article: ceremonies shuffled, then the largest first into the part with fewest pages."""
    group = [ceremony({**(d.get("record") or {}), "doc_id": d["id"]}) for d in docs]
    size = Counter(group)
    order = sorted(size)
    random.Random(seed).shuffle(order)
    load, part_of = [0] * parts, {}
    for g in sorted(order, key=lambda g: -size[g]):  # stable: ties keep the shuffled order
        k = min(range(parts), key=lambda i: (load[i], i))
        part_of[g] = k
        load[k] += size[g]
    return [part_of[g] for g in group]


def raw_spans(tagger: Path, docs: list[dict]) -> dict[str, list]:
    """Raw spans (rules and `tagger`) of `docs` by text hash, as the linker's spans cache stores them."""
    from extractor import Extractor
    from extractor.core.document import Document

    from ..corpus.standoff import sha256
    from .linker import stored_span

    ex = Extractor.load(str(tagger))
    return {sha256(d["text"]): [stored_span(s) for s in ex.raw_spans(Document(d["text"], doc_id=d["id"]))]
            for d in docs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.model.crossfit", description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="+", type=Path, required=True, help="annotated files to cross-fit (the real train split)")
    ap.add_argument("--extra-data", nargs="*", type=Path, default=[], help="files every tagger learns from (the corpus)")
    ap.add_argument("--dev-data", nargs="+", type=Path, required=True, help="dev files: each tagger's best epoch")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--parts", type=int, default=2, help="parts (one tagger each)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--base", help="HF checkpoint folder or name (default from the config)")
    ap.add_argument("--config", type=Path, default=CONFIGS / "default.json")
    ap.add_argument("--shared-data", type=Path, default=SHARED_DATA)
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the ceremony shuffle")
    ap.add_argument("--max-length", type=int, help="window length in pieces (default from the config)")
    ap.add_argument("--no-public", action="store_true", help="the taggers learn from the data alone")
    args = ap.parse_args(argv)
    if args.parts < 2:
        ap.error("--parts must be 2 or more")
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    from .train import train

    start = time.time()
    lines = [line for p in args.data for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = read_corpus(args.data)
    if len(docs) != len(lines):
        ap.error("--data: every line must be one article")
    part = ceremony_parts(docs, args.parts, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    cfg = json.loads(args.config.read_text(encoding="utf-8"))
    cfg.update(epochs=args.epochs, dev_data=[str(p) for p in args.dev_data], resume=False)
    if args.base:
        cfg["base"] = args.base
    if args.max_length:
        cfg["max_length"] = args.max_length
    if args.no_public:
        cfg["public_sets"] = []
    files = [args.out / f"part-{j}.jsonl" for j in range(args.parts)]
    for j, f in enumerate(files):
        f.write_text("".join(line + "\n" for line, p in zip(lines, part) if p == j), encoding="utf-8")
    stored: dict[str, list] = {}
    for k in range(args.parts):
        tagger = args.out / f"tagger-{k}"
        if not (tagger / "meta.json").is_file():
            log(f"part {k}: training a tagger on {sum(p != k for p in part)} articles and the extra data")
            others = [f for j, f in enumerate(files) if j != k]
            train(dict(cfg), [*args.extra_data, *others], tagger, args.shared_data, log)
        held = [d for d, p in zip(docs, part) if p == k]
        log(f"part {k}: tagging its {len(held)} articles with {tagger}")
        stored.update(raw_spans(tagger, held))
    (args.out / SPANS_FILE).write_text(json.dumps(stored), encoding="utf-8")
    (args.out / "meta.json").write_text(json.dumps({
        "data": [{"path": str(p), "sha256_16": file_hash(p)} for p in args.data],
        "extra_data": [{"path": str(p), "sha256_16": file_hash(p)} for p in args.extra_data],
        "parts": args.parts, "seed": args.seed, "epochs": args.epochs, "articles": len(docs),
        "part_sizes": [part.count(k) for k in range(args.parts)], "seconds": round(time.time() - start)},
        indent=2), encoding="utf-8")
    log(f"wrote {args.out / SPANS_FILE}: {len(stored)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
