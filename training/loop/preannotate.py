"""Pre-annotation: the extractor's spans on raw articles as Label Studio tasks with `predictions` (or doccano JSONL).

Annotators then correct spans instead of starting from a blank page. The
pipeline's spans may overlap across labels (a TITLE holding an ORG); the
corpus format is flat, so the spans are flattened here (model spans first,
then longer ones), cut to whole words, and spans in noise lines ("Baca juga",
menus) are left out as the guideline says.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..corpus.annotations import FORMATS, to_doccano, to_labelstudio, write_jsonl


def read_articles(inputs: list[str]) -> tuple[list, list[str]]:
    """Articles (extractor.io.readers InputDocs) from files and folders, and one line per input that failed."""
    from extractor.io.readers import ReadError, iter_files, read_path

    docs, errors = [], []
    for f in iter_files(inputs):
        for item in [f] if isinstance(f, ReadError) else read_path(f):
            if isinstance(item, ReadError):
                errors.append(f"{item.path}: {item.reason}")
            else:
                docs.append(item)
    return docs, errors


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words (a subword tag must not leave half a word for the annotator)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def flatten(doc, spans) -> list[dict]:
    """Non-overlapping corpus spans: model spans (score >= 0.5) first, then longer, then higher scores; none in noise."""
    def priority(s) -> tuple:
        return (s.source == "model" and s.score >= 0.5, s.end - s.start, s.score, -s.start)

    kept: list[dict] = []
    for s in sorted(spans, key=priority, reverse=True):
        start, end = _snap(doc.text, s.start, s.end)
        if doc.in_noise(start, end) or any(start < k["end"] and k["start"] < end for k in kept):
            continue
        kept.append({"start": start, "end": end, "label": s.label, "text": doc.text[start:end],
                     "score": round(float(s.score), 4), "source": s.source})
    return sorted(kept, key=lambda k: k["start"])


def predict(items: list, model: str | None = None, *, rules_only: bool = False, model_only: bool = False) -> tuple[list[dict], str]:
    """Corpus-format documents holding the extractor's flattened spans, and the name of what made them."""
    from extractor import Document, Extractor

    ex = Extractor.load(model, rules_only=rules_only)
    if ex.model_name == "rules" and not rules_only:
        print("note: no model (no --model and no shipped default): pre-annotating with the rule layer alone",
              file=sys.stderr)
    version = f"{Path(model).name if model else 'default'}" if ex.model_name != "rules" else "rules"
    docs = []
    for item in items:
        doc = Document(item.text, doc_id=item.doc_id, title=item.title, published=item.published)
        spans = ex.spans(doc) if doc.text.strip() else []
        if model_only:
            spans = [s for s in spans if s.source == "model"]
        out = {"id": item.doc_id, "text": item.text, "spans": flatten(doc, spans), "meta": {"source_file": item.source}}
        if item.published:
            out["published"] = item.published
        if item.title:
            out["title"] = item.title
        docs.append(out)
    return docs, version


def write_tasks(docs: list[dict], path: Path, fmt: str | None, version: str) -> str:
    """Write pre-annotated documents: Label Studio tasks with predictions, or doccano JSONL (suffix .jsonl)."""
    fmt = fmt or ("doccano" if path.suffix.lower() in (".jsonl", ".ndjson") else "labelstudio")
    if fmt == "doccano":
        write_jsonl(to_doccano(docs), path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        tasks = to_labelstudio(docs, predictions=True, model_version=version)
        path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return fmt


def build_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("inputs", nargs="+", help="files and folders of articles (any format `anugerah extract` reads)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tasks.json (Label Studio) or tasks.jsonl (doccano)")
    p.add_argument("--format", choices=FORMATS, help="default: .jsonl is doccano, otherwise Label Studio")
    p.add_argument("--model", help="model folder (default: the shipped model)")
    p.add_argument("--rules-only", action="store_true", help="pre-annotate with the rule layer alone")
    p.add_argument("--model-only", action="store_true", help="keep the model's spans only (no rule spans)")
    return p


def run(args: argparse.Namespace) -> int:
    """`anugerah annotate`: pre-annotate every readable article; unreadable inputs are listed, exit status 1."""
    items, errors = read_articles(args.inputs)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    docs, version = predict(items, args.model, rules_only=args.rules_only, model_only=args.model_only)
    fmt = write_tasks(docs, args.output, args.format, version)
    spans = sum(len(d["spans"]) for d in docs)
    print(f"{len(docs)} articles, {spans} predicted spans ({version}) -> {args.output} ({fmt}); "
          f"{len(errors)} inputs failed", file=sys.stderr)
    return 1 if errors else 0
