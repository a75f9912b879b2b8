"""Fine-tune a token classifier on annotated articles (+ public NER sets) and write a model folder.

    python -m training.model.train --data data/corpus/*.jsonl data/real/train.jsonl --dev-data data/real/dev.jsonl \
        --base models/base/e5-small --out runs/NAME
    (or `anugerah train ...` once the training extra is installed)

Built on transformers' `Trainer`: a `datasets.Dataset` of token windows (long
articles are cut into the same overlapping windows the tagger reads, so
nothing is truncated), `DataCollatorForTokenClassification`, a checkpoint each
epoch, early stopping on the dev set's strict entity F1 (seqeval, IOB2, in
`compute_metrics`), and the best epoch kept. It runs on a GPU when one is
present (`--device cpu` forces the CPU). The folder gets the model, the
tokenizer, `labels.json` and the model card `meta.json`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from extractor.model.iob import spans_to_iob
from extractor.model.windows import token_windows

from .. import CONFIGS, SHARED_DATA
from ..corpus.data import LABELS, file_hash, read_corpus, read_public

TAGS = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]


def encode(tokenizer, examples: list[dict], max_length: int, stride: int) -> list[dict]:
    """Tokenize, tag (IOB2) and window examples into model inputs (`input_ids`, `labels`)."""
    label2id = {t: i for i, t in enumerate(TAGS)}
    out = []
    body = max_length - 2
    for ex in examples:
        enc = tokenizer(ex["text"], add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        tags = spans_to_iob(offsets, ex["text"], ex["spans"])
        for a, b in token_windows(len(ids), body, stride):
            labels = [label2id[t] for t in tags[a:b]]
            if a > 0 and tags[a].startswith("I-"):
                labels[0] = -100  # a window that starts inside an entity: no B to learn from
            out.append({"input_ids": [tokenizer.cls_token_id] + ids[a:b] + [tokenizer.sep_token_id],
                        "labels": [-100] + labels + [-100]})
    return out


def entity_scores(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Strict IOB2 entity scores per label and micro average (seqeval), rounded."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    return {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")} for k, v in rep.items()}


def _tag_rows(pred_ids, label_ids) -> tuple[list[list[str]], list[list[str]]]:
    gold, pred = [], []
    for p_row, l_row in zip(pred_ids, label_ids):
        keep = [k for k, v in enumerate(l_row) if v != -100]
        gold.append([TAGS[l_row[k]] for k in keep])
        pred.append([TAGS[p_row[k]] for k in keep])
    return gold, pred


def compute_metrics(eval_pred) -> dict:
    """Trainer hook: micro F1 (the early-stopping metric) and per-label F1 on the dev windows."""
    logits, labels = eval_pred
    gold, pred = _tag_rows(logits.argmax(-1).tolist(), labels.tolist())
    scores = entity_scores(gold, pred)
    out = {"f1": scores.get("micro avg", {}).get("f1-score", 0.0)}
    out.update({f"f1_{k}": v["f1-score"] for k, v in scores.items() if k in LABELS})
    return out


def evaluate(model, items: list[dict], pad_id: int, batch_size: int = 32) -> dict:
    """Strict IOB2 entity scores (seqeval) of a model on encoded items (used by `compare` and the NER benchmark)."""
    import torch

    model.eval()
    gold, pred = [], []
    with torch.inference_mode():
        for k in range(0, len(items), batch_size):
            chunk = items[k:k + batch_size]
            n = max(len(x["input_ids"]) for x in chunk)
            ids = torch.full((len(chunk), n), pad_id, dtype=torch.long)
            mask = torch.zeros_like(ids)
            labels = torch.full((len(chunk), n), -100, dtype=torch.long)
            for r, x in enumerate(chunk):
                ids[r, :len(x["input_ids"])] = torch.tensor(x["input_ids"])
                mask[r, :len(x["input_ids"])] = 1
                labels[r, :len(x["labels"])] = torch.tensor(x["labels"])
            best = model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            g, p = _tag_rows(best.tolist(), labels.tolist())
            gold += g
            pred += p
    return entity_scores(gold, pred)


def split_corpus(docs: list[dict], dev_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """Train/dev split of a corpus without a fixed dev set, stratified by style when every style has two articles."""
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


def _documents(cfg: dict, data: list[Path], shared_data: Path | None, log) -> tuple[list[dict], list[dict], list[dict]]:
    """(train documents, dev documents, public sentences) as the config asks."""
    import random

    docs = read_corpus(data) if data else []
    if cfg.get("dev_data"):
        train_docs, dev_docs = docs, read_corpus([Path(p) for p in cfg["dev_data"]])
    elif docs:
        train_docs, dev_docs = split_corpus(docs, cfg["dev_fraction"], cfg["seed"])
    else:
        train_docs, dev_docs = [], []
    public: list[dict] = []
    if cfg.get("public_sets") and shared_data:
        public = read_public(shared_data, cfg["public_sets"])
        random.Random(cfg["seed"]).shuffle(public)
        public = public[:int(len(public) * cfg.get("public_fraction", 1.0))]
        if not dev_docs:  # public-only training: hold out part of it
            cut = max(1, int(len(public) * cfg["dev_fraction"]))
            dev_docs, public = public[:cut], public[cut:]
    return train_docs, dev_docs, public


def train(cfg: dict, data: list[Path], out: Path, shared_data: Path | None, log=print) -> dict:
    """Run one training; returns the model card written to `out/meta.json`."""
    import torch
    from datasets import Dataset
    from transformers import (AutoConfig, AutoModelForTokenClassification, AutoTokenizer, DataCollatorForTokenClassification,
                              EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    set_seed(cfg["seed"])
    train_docs, dev_docs, public = _documents(cfg, data, shared_data, log)
    tokenizer = AutoTokenizer.from_pretrained(cfg["base"])
    config = AutoConfig.from_pretrained(cfg["base"], num_labels=len(TAGS),
                                        id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)})
    if cfg.get("layers"):
        config.num_hidden_layers = min(cfg["layers"], config.num_hidden_layers)
    # float32 whatever the checkpoint holds: an exported (fp16) model folder as --base must not train in fp16
    model = AutoModelForTokenClassification.from_pretrained(cfg["base"], config=config, dtype=torch.float32)
    if cfg.get("freeze_embeddings"):
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    train_set = Dataset.from_list(encode(tokenizer, train_docs + public, cfg["max_length"], cfg["stride"]))
    dev_set = Dataset.from_list(encode(tokenizer, dev_docs, cfg["max_length"], cfg["stride"]))
    log(f"train: {len(train_docs)} documents + {len(public)} public sentences = {len(train_set)} windows; "
        f"dev: {len(dev_docs)} documents, {len(dev_set)} windows")
    device = cfg.get("device") or ("cuda" if torch.cuda.is_available() else "cpu")
    checkpoints = out / "checkpoints"
    args = TrainingArguments(
        output_dir=str(checkpoints), num_train_epochs=cfg["epochs"], learning_rate=cfg["lr"],
        per_device_train_batch_size=cfg["batch_size"], per_device_eval_batch_size=32,
        weight_decay=cfg["weight_decay"], warmup_steps=cfg["warmup"], lr_scheduler_type="linear",
        eval_strategy="epoch", save_strategy="epoch", save_total_limit=2, load_best_model_at_end=True,
        metric_for_best_model="f1", greater_is_better=True, logging_strategy="steps", logging_steps=50,
        report_to=[], seed=cfg["seed"], use_cpu=device == "cpu", bf16=device.startswith("cuda") and torch.cuda.is_bf16_supported(),
        train_sampling_strategy="group_by_length", max_grad_norm=1.0, disable_tqdm=True, save_only_model=True)
    history: list[dict] = []
    start = time.time()

    class Log(TrainerCallbackBase):
        def on_log(self, _args, state, _control, logs=None, **_kw):
            if logs:
                log(json.dumps({"epoch": round(state.epoch or 0, 2), "step": state.global_step,
                                "seconds": round(time.time() - start), **{k: float(f"{v:.4g}") for k, v in logs.items()
                                                                          if isinstance(v, float)}}))
                if "eval_f1" in logs:
                    history.append({"epoch": round(state.epoch or 0), "dev_f1": round(logs["eval_f1"], 4),
                                    "seconds": round(time.time() - start)})

    trainer = Trainer(model=model, args=args, train_dataset=train_set, eval_dataset=dev_set,
                      data_collator=DataCollatorForTokenClassification(tokenizer), compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"]), Log()])
    trainer.train(resume_from_checkpoint=_last_checkpoint(checkpoints) if cfg.get("resume") else None)
    out.mkdir(parents=True, exist_ok=True)
    trainer.save_model(str(out))  # the best epoch (load_best_model_at_end)
    tokenizer.save_pretrained(out)
    best_scores = evaluate(trainer.model.to("cpu").float(), list(dev_set), tokenizer.pad_token_id or 0)
    best_epoch = max(history, key=lambda h: h["dev_f1"])["epoch"] if history else 0
    card = {
        "name": out.name, "base": cfg["base"], "labels": list(LABELS), "tags": TAGS,
        "data": [{"path": str(p), "sha256_16": file_hash(p)} for p in [*data, *map(Path, cfg.get("dev_data") or [])]],
        "public_sets": cfg.get("public_sets") or [], "public_sentences": len(public),
        "train_documents": len(train_docs), "dev_documents": len(dev_docs),
        "hyperparameters": {k: v for k, v in cfg.items() if k not in ("base",)},
        "best_epoch": best_epoch, "history": history, "dev_scores": best_scores,
        "training_seconds": round(time.time() - start), "hardware": _hardware(device), "commit": _commit(),
        "max_length": cfg["max_length"], "stride": cfg["stride"], "min_score": cfg.get("min_score", 0.0),
        **({"min_scores": cfg["min_scores"]} if cfg.get("min_scores") else {}),
    }
    (out / "meta.json").write_text(json.dumps(card, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "labels.json").write_text(json.dumps(TAGS), encoding="utf-8")
    return card


try:  # the callback base class, importable without torch for `--help`
    from transformers import TrainerCallback as TrainerCallbackBase
except ImportError:  # pragma: no cover - the training extra is missing
    TrainerCallbackBase = object


def _last_checkpoint(folder: Path) -> str | None:
    """The newest `checkpoint-N` folder, to resume a run that was cut off."""
    found = sorted(folder.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[-1])) if folder.is_dir() else []
    return str(found[-1]) if found else None


def _hardware(device: str) -> str:
    import os
    import platform

    import torch

    gpu = torch.cuda.get_device_name(0) if device.startswith("cuda") else "no GPU"
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
    ap.add_argument("--device", help="cpu or cuda (default: cuda when a GPU is present)")
    ap.add_argument("--resume", action="store_true", help="go on from the last checkpoint in OUT/checkpoints")
    for key, typ in (("epochs", int), ("lr", float), ("layers", int), ("batch-size", int), ("seed", int), ("max-length", int)):
        ap.add_argument(f"--{key}", type=typ)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Train with parsed arguments (shared by `python -m training.model.train` and `anugerah train`)."""
    cfg = json.loads(args.config.read_text(encoding="utf-8"))
    for key in ("epochs", "lr", "layers", "batch_size", "seed", "max_length", "device"):
        if getattr(args, key) is not None:
            cfg[key] = getattr(args, key)
    if args.base:
        cfg["base"] = args.base
    if args.no_public:
        cfg["public_sets"] = []
    if args.dev_data:
        cfg["dev_data"] = [str(p) for p in args.dev_data]
    cfg["resume"] = args.resume
    card = train(cfg, args.data, args.out, args.shared_data, log=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps({"out": str(args.out), "best_epoch": card["best_epoch"],
                      "dev_micro_f1": card["dev_scores"].get("micro avg", {}).get("f1-score")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
