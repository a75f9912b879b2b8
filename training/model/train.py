"""Fine-tune a token classifier on the team corpus (+ public NER sets) and write a model folder.

    python -m training.model.train --data data/corpus/*.jsonl --base models/base/e5-small --out models/NAME
    (or `anugerah train ...` once the training extra is installed)

Long articles are cut into overlapping windows so nothing is truncated; the
dev split of the team corpus drives early stopping; seqeval (strict, IOB2)
gives per-label entity scores, written with everything else into `meta.json`.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import time
from pathlib import Path

from extractor.model.windows import token_windows

from ..corpus.data import LABELS, file_hash, read_corpus, read_public
from .. import CONFIGS, SHARED_DATA

TAGS = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]


def tag_tokens(offsets: list[tuple[int, int]], text: str, spans: list[dict]) -> list[str]:
    """IOB2 tags for tokens given their character offsets (special tokens have (0, 0))."""
    tags = ["O"] * len(offsets)
    for s in spans:
        first = True
        for k, (a, b) in enumerate(offsets):
            if b <= a:
                continue
            while a < b and text[a].isspace():
                a += 1
            if a >= s["start"] and b <= s["end"] and a < b:
                tags[k] = ("B-" if first else "I-") + s["label"]
                first = False
    return tags


def encode(tokenizer, examples: list[dict], max_length: int, stride: int) -> list[dict]:
    """Tokenize, tag and window examples into model inputs."""
    label2id = {t: i for i, t in enumerate(TAGS)}
    out = []
    body = max_length - 2
    for ex in examples:
        enc = tokenizer(ex["text"], add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        tags = tag_tokens(offsets, ex["text"], ex["spans"])
        for a, b in token_windows(len(ids), body, stride):
            labels = [label2id[t] for t in tags[a:b]]
            if a > 0 and tags[a].startswith("I-"):
                labels[0] = -100  # a window that starts inside an entity: no B to learn from
            out.append({"input_ids": [tokenizer.cls_token_id] + ids[a:b] + [tokenizer.sep_token_id],
                        "labels": [-100] + labels + [-100], "weight": ex.get("weight", 1.0)})
    return out


def _batches(items: list[dict], size: int, pad_id: int, shuffle: bool, rng: random.Random):
    import torch

    order = list(range(len(items)))
    if shuffle:
        rng.shuffle(order)
        # group by length inside chunks: less padding, same randomness
        chunks = [sorted(order[i:i + size * 20], key=lambda k: len(items[k]["input_ids"])) for i in range(0, len(order), size * 20)]
        batches = [c[i:i + size] for c in chunks for i in range(0, len(c), size)]
        rng.shuffle(batches)
    else:
        batches = [order[i:i + size] for i in range(0, len(order), size)]
    for b in batches:
        n = max(len(items[k]["input_ids"]) for k in b)
        ids = torch.full((len(b), n), pad_id, dtype=torch.long)
        labels = torch.full((len(b), n), -100, dtype=torch.long)
        mask = torch.zeros((len(b), n), dtype=torch.long)
        for r, k in enumerate(b):
            x = items[k]
            ids[r, :len(x["input_ids"])] = torch.tensor(x["input_ids"])
            labels[r, :len(x["labels"])] = torch.tensor(x["labels"])
            mask[r, :len(x["input_ids"])] = 1
        yield ids, mask, labels


def evaluate(model, items: list[dict], pad_id: int, batch_size: int = 32) -> dict:
    """Strict IOB2 entity scores (seqeval) on encoded items."""
    import torch
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    model.eval()
    gold, pred = [], []
    with torch.inference_mode():
        for ids, mask, labels in _batches(items, batch_size, pad_id, False, random.Random(0)):
            logits = model(input_ids=ids, attention_mask=mask).logits
            best = logits.argmax(-1)
            for r in range(ids.shape[0]):
                keep = labels[r] != -100
                gold.append([TAGS[i] for i in labels[r][keep].tolist()])
                pred.append([TAGS[i] for i in best[r][keep].tolist()])
    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    return {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")} for k, v in rep.items()}


def split_corpus(docs: list[dict], dev_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """Train/dev split of the team corpus, stratified by style when every style has two articles."""
    from sklearn.model_selection import train_test_split

    styles = [d.get("meta", {}).get("style", "news") for d in docs]
    strat = styles if min(styles.count(s) for s in set(styles)) >= 2 else None
    train, dev = train_test_split(docs, test_size=dev_fraction, random_state=seed, stratify=strat)
    return list(train), list(dev)


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def train(cfg: dict, data: list[Path], out: Path, shared_data: Path | None, log=print) -> dict:
    """Run one training; returns the model card written to `out/meta.json`."""
    import torch
    from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    torch.manual_seed(cfg["seed"])
    rng = random.Random(cfg["seed"])
    torch.set_num_threads(max(1, torch.get_num_threads()))
    docs = read_corpus(data) if data else []
    if cfg.get("dev_data"):
        train_docs, dev_docs = docs, read_corpus([Path(p) for p in cfg["dev_data"]])
    elif docs:
        train_docs, dev_docs = split_corpus(docs, cfg["dev_fraction"], cfg["seed"])
    else:
        train_docs, dev_docs = [], []
    public = []
    if cfg.get("public_sets") and shared_data:
        public = read_public(shared_data, cfg["public_sets"])
        rng.shuffle(public)
        public = public[:int(len(public) * cfg.get("public_fraction", 1.0))]
        if not dev_docs:  # public-only training: hold out part of it
            cut = max(1, int(len(public) * cfg["dev_fraction"]))
            dev_docs, public = public[:cut], public[cut:]
    tokenizer = AutoTokenizer.from_pretrained(cfg["base"])
    config = AutoConfig.from_pretrained(cfg["base"], num_labels=len(TAGS),
                                        id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)})
    if cfg.get("layers"):
        config.num_hidden_layers = min(cfg["layers"], config.num_hidden_layers)
    # float32 whatever the checkpoint holds: an exported (fp16) model folder as --base must not train in fp16
    model = AutoModelForTokenClassification.from_pretrained(cfg["base"], config=config, dtype=torch.float32)
    if cfg.get("freeze_embeddings"):
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    items = encode(tokenizer, train_docs + public, cfg["max_length"], cfg["stride"])
    dev_items = encode(tokenizer, dev_docs, cfg["max_length"], cfg["stride"])
    pad = tokenizer.pad_token_id
    steps_per_epoch = math.ceil(len(items) / cfg["batch_size"])
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = get_linear_schedule_with_warmup(opt, int(cfg["warmup"] * steps_per_epoch * cfg["epochs"]), steps_per_epoch * cfg["epochs"])
    log(f"train: {len(train_docs)} team docs + {len(public)} public sentences = {len(items)} windows; dev: {len(dev_items)} windows")
    best, best_epoch, history, bad = -1.0, 0, [], 0
    start = time.time()
    out.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        total = 0.0
        for step, (ids, mask, labels) in enumerate(_batches(items, cfg["batch_size"], pad, True, rng), 1):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item()
            if step % 50 == 0:
                log(f"epoch {epoch} step {step}/{steps_per_epoch} loss {total / step:.4f} ({time.time() - start:.0f}s)")
        scores = evaluate(model, dev_items, pad)
        f1 = scores.get("micro avg", {}).get("f1-score", 0.0)
        history.append({"epoch": epoch, "loss": round(total / steps_per_epoch, 4), "dev_f1": f1, "seconds": round(time.time() - start)})
        log(f"epoch {epoch}: loss {total / steps_per_epoch:.4f} dev micro F1 {f1:.4f}")
        if f1 > best:
            best, best_epoch, bad, best_scores = f1, epoch, 0, scores
            model.save_pretrained(out)
            tokenizer.save_pretrained(out)
        else:
            bad += 1
            if bad >= cfg["patience"]:
                log(f"early stop: no gain for {bad} epochs")
                break
    card = {
        "name": out.name, "base": cfg["base"], "labels": list(LABELS), "tags": TAGS,
        "data": [{"path": str(p), "sha256_16": file_hash(p)} for p in data],
        "public_sets": cfg.get("public_sets") or [], "public_sentences": len(public),
        "train_documents": len(train_docs), "dev_documents": len(dev_docs),
        "hyperparameters": {k: v for k, v in cfg.items() if k not in ("base",)},
        "best_epoch": best_epoch, "history": history, "dev_scores": best_scores if best >= 0 else {},
        "training_seconds": round(time.time() - start), "hardware": _hardware(), "commit": _commit(),
        "max_length": cfg["max_length"], "stride": cfg["stride"], "min_score": cfg.get("min_score", 0.0),
    }
    (out / "meta.json").write_text(json.dumps(card, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "labels.json").write_text(json.dumps(TAGS), encoding="utf-8")
    return card


def _hardware() -> str:
    import os
    import platform

    import torch

    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return f"{platform.machine()} {os.cpu_count()} CPUs, torch {torch.__version__}, {gpu}"


def build_parser(ap: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    ap = ap or argparse.ArgumentParser(prog="anugerah train", description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="*", type=Path, default=[], help="corpus JSONL files (data/ANNOTATION.md)")
    ap.add_argument("--dev-data", nargs="*", type=Path, help="fixed dev files instead of a split of --data")
    ap.add_argument("--base", help="HF checkpoint folder or name (default from the config)")
    ap.add_argument("--out", type=Path, required=True, help="model folder to write")
    ap.add_argument("--config", type=Path, default=CONFIGS / "default.json")
    ap.add_argument("--shared-data", type=Path, default=SHARED_DATA)
    ap.add_argument("--no-public", action="store_true", help="train on --data alone")
    for key, typ in (("epochs", int), ("lr", float), ("layers", int), ("batch-size", int), ("seed", int), ("max-length", int)):
        ap.add_argument(f"--{key}", type=typ)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Train with parsed arguments (shared by `python -m training.model.train` and `anugerah train`)."""
    cfg = json.loads(args.config.read_text(encoding="utf-8"))
    for key in ("epochs", "lr", "layers", "batch_size", "seed", "max_length"):
        if getattr(args, key) is not None:
            cfg[key] = getattr(args, key)
    if args.base:
        cfg["base"] = args.base
    if args.no_public:
        cfg["public_sets"] = []
    if args.dev_data:
        cfg["dev_data"] = [str(p) for p in args.dev_data]
    card = train(cfg, args.data, args.out, args.shared_data, log=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps({"out": str(args.out), "best_epoch": card["best_epoch"],
                      "dev_micro_f1": card["dev_scores"].get("micro avg", {}).get("f1-score")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
