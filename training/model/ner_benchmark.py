"""Benchmark a base checkpoint on IndoLEM NER-UI fold 1: fine-tune on train, stop on dev, score test.

    python -m training.model.ner_benchmark --base models/base/e5-small --out runs/nerui [--layers 12]

Prints strict seqeval scores per label on test.01; the data is read from
../shared/data/indolem-nerui and only written to a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from ..corpus.data import _read_conll, _tokens_to_example
from .train import encode, evaluate, train
from .. import CONFIGS, SHARED_DATA


def _write(path: Path, examples: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="models/base/e5-small")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--shared-data", type=Path, default=SHARED_DATA)
    ap.add_argument("--fold", default="01")
    ap.add_argument("--layers", type=int, default=12)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-4)
    args = ap.parse_args(argv)
    folder = args.shared_data / "indolem-nerui"
    cfg = json.loads((CONFIGS / "default.json").read_text(encoding="utf-8"))
    cfg.update(base=args.base, layers=args.layers, epochs=args.epochs, lr=args.lr, public_sets=[], patience=args.epochs)
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for split in ("train", "dev", "test"):
            sents = list(_read_conll(folder / f"{split}.{args.fold}.tsv"))
            files[split] = _write(Path(tmp) / f"{split}.jsonl",
                                  [_tokens_to_example(s, f"{split}-{k}") for k, s in enumerate(sents)])
        cfg["dev_data"] = [str(files["dev"])]
        card = train(cfg, [files["train"]], args.out, None, log=lambda m: print(m, file=sys.stderr, flush=True))
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(args.out)
        model = AutoModelForTokenClassification.from_pretrained(args.out)
        test = [json.loads(line) for line in files["test"].read_text(encoding="utf-8").splitlines()]
        scores = evaluate(model, encode(tok, test, cfg["max_length"], cfg["stride"]), tok.pad_token_id)
    card["nerui_test"] = scores
    (args.out / "meta.json").write_text(json.dumps(card, indent=2, ensure_ascii=False), encoding="utf-8")
    for label, v in scores.items():
        print(f"{label:12s} P {v['precision']:.4f} R {v['recall']:.4f} F1 {v['f1-score']:.4f} n={v['support']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
