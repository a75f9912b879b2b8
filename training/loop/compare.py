"""Compare models on one gold set: per-label strict span F1 and record scores, side by side, with a verdict.

    anugerah compare --model models/A --model models/B --gold data/annotated/mine.jsonl

GOLD is a corpus JSONL (spans, and records where the `record` field is
present) or a folder of gold JSON files (`{"doc_id", "text", "gold"}`, record
scores only). Span scores come from `training.model.train.evaluate` (seqeval,
strict IOB2) on each model's own tokens, in windows that do not overlap so
every gold entity counts once; record scores run the whole extractor with
that model and score with `extractor.evaluation.score`. `--model rules` stands for the
rule layer alone (record scores only).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor.model.folder import ModelFolder

RULES = "rules"
TIE = 0.005  # differences below this are reported as a tie


def load_gold(path: Path) -> list[dict]:
    """Gold documents: {"id", "text", "spans"?, "record"?} from a corpus JSONL or a folder of gold JSON."""
    from ..corpus.data import read_corpus

    if path.is_dir():
        docs = []
        for f in sorted(path.glob("*.json")):
            obj = json.loads(f.read_text(encoding="utf-8"))
            rec = obj.get("gold") or obj.get("record")
            if not isinstance(obj.get("text"), str) or not isinstance(rec, dict):
                raise ValueError(f"{f}: a gold file needs 'text' and a 'gold' (or 'record') object")
            doc_id = str(rec.get("doc_id") or obj.get("doc_id") or obj.get("id") or f.stem)
            docs.append({"id": doc_id, "text": obj["text"], "record": {**rec, "doc_id": doc_id},
                         "published": obj.get("published"), "title": obj.get("title")})
        return docs
    docs = read_corpus([path])
    for d in docs:
        if d.get("record"):
            d["record"] = {**d["record"], "doc_id": d["id"]}
    return docs


def span_scores(model_dir: Path, docs: list[dict]) -> dict:
    """Strict per-label entity scores of one model folder on the gold spans (training.model.train.evaluate)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..model.train import TAGS, encode, evaluate

    hf_logging.disable_progress_bar()

    folder = ModelFolder.resolve(model_dir)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForTokenClassification.from_pretrained(model_dir, dtype=torch.float32)
    tags = [model.config.id2label[i] for i in range(model.config.num_labels)]
    if tags != TAGS:
        raise ValueError(f"{model_dir}: its tags {tags} are not the training tags {TAGS}")
    # stride 0: windows do not overlap, so every gold entity is counted once
    items = encode(tokenizer, docs, folder.max_length, 0)
    return evaluate(model, items, tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0)


def record_scores(model: str, docs: list[dict]) -> dict:
    """The record report (extractor.evaluation.score) of the extractor running with `model` over the gold texts."""
    from extractor import Extractor
    from extractor.evaluation import score as scoring

    ex = Extractor.load(rules_only=True) if model == RULES else Extractor.load(model)
    gold = {d["id"]: d["record"] for d in docs}
    pred = {}
    for d in docs:
        rec = ex.extract(d["text"], doc_id=d["id"], published=d.get("published"), title=d.get("title"))
        pred[d["id"]] = rec.to_dict(spans=False)
    return scoring.score(gold, pred)


def compare(models: list[str], gold: Path) -> dict:
    """Scores of every model on `gold`, plus which one is better and by how much."""
    from ..corpus.data import file_hash

    docs = load_gold(gold)
    span_docs = [d for d in docs if "spans" in d]
    rec_docs = [d for d in docs if d.get("record")]
    gold_hash = file_hash(gold) if gold.is_file() else None
    out = {"gold": str(gold), "documents": len(docs), "spans": sum(len(d["spans"]) for d in span_docs),
           "records": len(rec_docs), "models": [], "warnings": []}
    for m in models:
        entry: dict = {"model": m}
        path = Path(m)
        if m != RULES or path.is_dir():
            meta = ModelFolder.resolve(path).meta  # a folder without config.json is refused here
            if gold_hash and any(d.get("sha256_16") == gold_hash for d in meta.get("data", [])):
                out["warnings"].append(f"{m} was trained on {gold}: its scores there are optimistic")
            if span_docs:
                entry["spans"] = span_scores(path, span_docs)
        if rec_docs:
            entry["records"] = record_scores(str(path) if m != RULES or path.is_dir() else RULES, rec_docs)
        out["models"].append(entry)
    out["verdict"] = verdict(out["models"])
    return out


def _headline(entry: dict) -> dict[str, float]:
    h = {}
    if "records" in entry:
        h["record overall"] = entry["records"]["overall"]
    if "spans" in entry:
        h["span micro F1"] = entry["spans"].get("micro avg", {}).get("f1-score", 0.0)
    return h


def verdict(entries: list[dict]) -> str:
    """Which model is best on the headline (record overall when there are records, else span micro F1), by how much."""
    heads = [_headline(e) for e in entries]
    common = [k for k in ("record overall", "span micro F1") if all(k in h for h in heads)]
    if len(entries) < 2 or not common:
        return "nothing to compare"
    key = common[0]
    order = sorted(range(len(entries)), key=lambda i: -heads[i][key])
    best, second = order[0], order[1]
    gap = heads[best][key] - heads[second][key]
    if gap < TIE:
        return f"tie: {key} within {TIE} ({', '.join(f'{_name(i)} {heads[i][key]:.4f}' for i in order)})"

    def moved(k: str, a: int, b: int) -> str:
        return f"{heads[a][k] - heads[b][k]:+.4f} ({_name(b)} {heads[b][k]:.4f} -> {_name(a)} {heads[a][k]:.4f})"

    text = f"better: {_name(best)} ({entries[best]['model']}) on {key}, by {moved(key, best, second)} over {_name(second)}"
    for k in common[1:]:
        if heads[best][k] >= heads[second][k]:
            text += f"; {k} agrees: {moved(k, best, second)}"
        else:
            text += f"; but {k} disagrees: {_name(second)} ahead by {moved(k, second, best)}"
    return text


def _name(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"M{i + 1}"


def _row(label: str, values: list, delta: bool, extra: str = "") -> str:
    cells = "".join(f"{v:>9.3f}" if isinstance(v, float) else f"{'-':>9}" for v in values)
    d = ""
    if delta and len(values) == 2 and all(isinstance(v, float) for v in values):
        d = f"{values[1] - values[0]:>+9.3f}"
    elif delta and len(values) == 2:
        d = f"{'-':>9}"
    return f"{label:20s}{cells}{d}{extra}"


def format_report(res: dict) -> str:
    """The side-by-side table printed by `anugerah compare`."""
    ms = res["models"]
    two = len(ms) == 2
    head = "".join(f"{_name(i):>9}" for i in range(len(ms))) + (f"{'B-A':>9}" if two else "")
    lines = [f"gold {res['gold']}: {res['documents']} documents, {res['spans']} spans, {res['records']} gold records"]
    lines += [f"  {_name(i)} = {m['model']}" for i, m in enumerate(ms)]
    if any("spans" in m for m in ms):
        labels = [k for k in ms[0].get("spans", {}) if k not in ("micro avg", "macro avg", "weighted avg")]
        for m in ms[1:]:
            labels += [k for k in m.get("spans", {}) if k not in labels and k not in ("micro avg", "macro avg", "weighted avg")]
        lines += ["", f"{'span F1 (strict)':20s}{head}{'support':>9}"]
        for k in sorted(labels) + ["micro avg", "macro avg"]:
            vals = [m.get("spans", {}).get(k, {}).get("f1-score") for m in ms]
            sup = max((m.get("spans", {}).get(k, {}).get("support", 0) for m in ms), default=0)
            lines.append(_row(k, [float(v) if v is not None else None for v in vals], two, f"{int(sup):>9}"))
    if any("records" in m for m in ms):
        lines += ["", f"{'record score':20s}{head}"]
        for k in ms[0]["records"]["fields"]:
            lines.append(_row(f"{k} F1", [m["records"]["fields"][k]["f1"] for m in ms], two))
        for k in ms[0]["records"]["accuracy"]:
            vals = [m["records"]["accuracy"][k]["accuracy"] for m in ms]
            if any(v is not None for v in vals):
                lines.append(_row(f"{k} acc", vals, two))
        lines.append(_row("overall", [m["records"]["overall"] for m in ms], two))
    lines += [""] + [f"warning: {w}" for w in res["warnings"]] + [res["verdict"]]
    return "\n".join(lines)


def build_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--model", action="append", required=True, help="model folder (repeat; `rules` = the rule layer alone)")
    p.add_argument("--gold", type=Path, required=True, help="corpus JSONL with spans (and records), or a folder of gold JSON")
    p.add_argument("--json", action="store_true", help="print the whole comparison as JSON")
    return p


def run(args: argparse.Namespace) -> int:
    """`anugerah compare`: print the side-by-side report (or JSON)."""
    if len(args.model) < 2:
        print("note: one model given: its scores alone, no comparison", file=sys.stderr)
    res = compare(args.model, args.gold)
    print(json.dumps(res, indent=2, ensure_ascii=False) if args.json else format_report(res))
    return 0
