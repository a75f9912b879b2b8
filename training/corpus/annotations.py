"""Annotation tool formats <-> the corpus format: Label Studio JSON exports and doccano JSONL.

Imports check every span with `training.corpus.data.span_problems` (misaligned
offsets, spans that break a word, unknown labels, overlaps): any problem stops
the import, or with `skip_invalid` the bad span is left out and reported.
Harmless fixes (surrounding spaces trimmed, UTF-16 offsets from Label Studio
converted, tasks without an annotation skipped) are reported as notes.
Nothing is dropped without a line saying so.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .data import span_problems

FORMATS = ("labelstudio", "doccano")
FROM_NAME, TO_NAME = "label", "text"  # the names used in data/labelstudio.xml


@dataclass
class Imported:
    """Documents in corpus format plus what the import found wrong (problems) or fixed (notes)."""

    docs: list[dict]
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    invalid: int = 0  # spans (or documents) with at least one problem


def _utf16_to_index(text: str, unit: int) -> int:
    """Code point index of a UTF-16 code unit offset (JavaScript string offsets, as Label Studio uses)."""
    n = 0
    for k, ch in enumerate(text):
        if n >= unit:
            return k
        n += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _index_to_utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _has_astral(text: str) -> bool:
    return any(ord(ch) > 0xFFFF for ch in text)


def _tidy(doc_id: str, text: str, span: dict, notes: list[str]) -> dict:
    """Convert UTF-16 offsets where the span's own text says so, and trim surrounding spaces (both noted)."""
    out = dict(span)
    start, end, surface = span["start"], span["end"], span.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        return out
    if surface is not None and text[start:end] != surface and _has_astral(text):
        a, b = _utf16_to_index(text, start), _utf16_to_index(text, end)
        if text[a:b] == surface:
            notes.append(f"{doc_id} {start}:{end} {span['label']} {surface!r}: UTF-16 offsets converted to {a}:{b}")
            start, end = a, b
    if end > len(text):
        return out
    if surface is None or text[start:end] == surface:  # a misaligned span is left for the check to report
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if (a, b) != (start, end) and a < b:
            notes.append(f"{doc_id} {start}:{end} {span['label']} {text[start:end]!r}: surrounding spaces trimmed to {a}:{b}")
            start, end = a, b
        out["text"] = text[start:end]
    out.update(start=start, end=end)
    return out


def _offset(v: object) -> int:
    return v if isinstance(v, int) else -1


def _doc(doc_id: str, text: str, spans: list[dict], notes: list[str], record=None, meta=None) -> dict:
    """One corpus document: tidied spans sorted by offset, the gold record (if any) carrying the document's id."""
    doc = {"id": doc_id, "text": text, "spans": [_tidy(doc_id, text, s, notes) for s in spans]}
    doc["spans"].sort(key=lambda s: (_offset(s["start"]), _offset(s["end"])))
    if record is not None:
        doc["record"] = {**record, "doc_id": doc_id}
    doc["meta"] = dict(meta or {})
    return doc


def _latest(annotations: list[dict]) -> tuple[dict | None, int]:
    """The most recent annotation that was not cancelled, and how many there were."""
    live = [a for a in annotations if not a.get("was_cancelled")]
    if not live:
        return None, 0
    when = [str(a.get("updated_at") or a.get("created_at") or "") for a in live]
    return live[max(range(len(live)), key=lambda k: (when[k], k))], len(live)


def from_labelstudio(tasks: list[dict], *, source: str = "user", text_key: str = "text", name: str = "ls") -> Imported:
    """Corpus documents from a Label Studio JSON export (each task's latest non-cancelled annotation)."""
    out = Imported([])
    for n, task in enumerate(tasks, 1):
        data = task.get("data") or {}
        doc_id = str(data.get("doc_id") or data.get("id") or f"{name}-{task.get('id', n)}")
        text = data.get(text_key)
        ann, count = _latest(task.get("annotations") or [])
        if ann is None:
            why = "only model predictions" if task.get("predictions") else "no annotation"
            out.notes.append(f"{doc_id}: {why} (or all cancelled): task skipped")
            continue
        if count > 1:
            out.notes.append(f"{doc_id}: {count} annotations: using the latest (id {ann.get('id')})")
        spans = []
        for r in ann.get("result") or []:
            v = r.get("value") or {}
            if r.get("type", "labels") != "labels" or "start" not in v:
                out.notes.append(f"{doc_id}: result of type {r.get('type')!r} ignored (not a text span)")
                continue
            labels = v.get("labels") or []
            spans.append({"start": v.get("start"), "end": v.get("end"), "label": "+".join(labels) or None,
                          **({"text": v["text"]} if "text" in v else {})})
        meta = {**(data.get("meta") or {}), "source": source, "tool": "labelstudio"}
        if ann.get("completed_by") is not None:
            meta["annotator"] = ann["completed_by"] if not isinstance(ann["completed_by"], dict) else \
                ann["completed_by"].get("email") or ann["completed_by"].get("id")
        out.docs.append(_doc(doc_id, text, spans, out.notes, data.get("record"), meta) if isinstance(text, str)
                        else {"id": doc_id, "text": None, "spans": []})
    return out


def from_doccano(rows: list[dict], *, source: str = "user", name: str = "doccano") -> Imported:
    """Corpus documents from doccano JSONL rows (`label`/`labels` triples, or `entities` with *_offset keys)."""
    out = Imported([])
    for n, row in enumerate(rows, 1):
        doc_id = str(row.get("doc_id") or row.get("id") or f"{name}-{n}")
        raw = row.get("label", row.get("labels"))
        if raw is None and "entities" in row:
            raw = [[e.get("start_offset"), e.get("end_offset"), e.get("label")] for e in row["entities"]]
        spans = []
        for item in raw or []:
            if not (isinstance(item, (list, tuple)) and len(item) == 3):
                out.problems.append(f"{doc_id}: label {item!r} is not [start, end, LABEL]")
                out.invalid += 1
                continue
            spans.append({"start": item[0], "end": item[1], "label": item[2]})
        meta = {**(row.get("meta") or {}), "source": source, "tool": "doccano"}
        text = row.get("text")
        out.docs.append(_doc(doc_id, text, spans, out.notes, row.get("record"), meta) if isinstance(text, str)
                        else {"id": doc_id, "text": None, "spans": []})
    return out


def check(imported: Imported, *, skip_invalid: bool = False) -> Imported:
    """Check every span; with `skip_invalid` drop the bad spans (and text-less documents), else keep all."""
    seen: dict[str, str] = {}
    kept = []
    for doc in imported.docs:
        if doc["id"] in seen and seen[doc["id"]] == doc.get("text"):
            imported.problems.append(f"{doc['id']}: the same document twice" + (" (second copy left out)" if skip_invalid else ""))
            imported.invalid += 1
            continue
        if doc["id"] in seen:
            new = next(f"{doc['id']}-{k}" for k in range(2, len(seen) + 3) if f"{doc['id']}-{k}" not in seen)
            imported.notes.append(f"{doc['id']}: id used by another text: renamed {new}")
            doc["id"] = new
            if doc.get("record"):
                doc["record"]["doc_id"] = new
        seen[doc["id"]] = doc.get("text")
        found = span_problems(doc)
        imported.problems.extend(msg for _, msg in found)
        imported.invalid += len({k for k, _ in found})
        if skip_invalid:
            if any(k < 0 for k, _ in found):
                continue  # no text: nothing to keep
            bad = {k for k, _ in found}
            doc["spans"] = [s for k, s in enumerate(doc["spans"]) if k not in bad]
        kept.append(doc)
    imported.docs = kept
    return imported


def read_annotations(path: Path, fmt: str | None = None, *, source: str = "user", text_key: str = "text") -> Imported:
    """Parse an export file (format from `fmt` or the suffix: .jsonl is doccano, .json Label Studio)."""
    fmt = fmt or ("doccano" if path.suffix.lower() in (".jsonl", ".ndjson") else "labelstudio")
    raw = path.read_text(encoding="utf-8-sig")
    if fmt == "doccano":
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
        return from_doccano(rows, source=source, name=path.stem)
    tasks = json.loads(raw)
    return from_labelstudio(tasks if isinstance(tasks, list) else [tasks], source=source, text_key=text_key, name=path.stem)


def _ls_results(text: str, spans: list[dict], scores: bool) -> list[dict]:
    astral = _has_astral(text)  # Label Studio counts offsets in UTF-16 units, like JavaScript
    out = []
    for k, s in enumerate(spans):
        a, b = (_index_to_utf16(text, s["start"]), _index_to_utf16(text, s["end"])) if astral else (s["start"], s["end"])
        r = {"id": f"s{k}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
             "value": {"start": a, "end": b, "text": text[s["start"]:s["end"]], "labels": [s["label"]]}}
        if scores and "score" in s:
            r["score"] = round(float(s["score"]), 4)
        out.append(r)
    return out


def to_labelstudio(docs: list[dict], *, predictions: bool = False, model_version: str | None = None) -> list[dict]:
    """Label Studio tasks: spans as `annotations` (a finished export) or as `predictions` (to be corrected)."""
    tasks = []
    for n, doc in enumerate(docs, 1):
        data = {"text": doc["text"], "doc_id": doc["id"]}
        for key in ("record", "meta", "published", "title"):
            if doc.get(key) is not None:
                data[key] = doc[key]
        results = _ls_results(doc["text"], doc["spans"], predictions)
        task = {"id": n, "data": data}
        if predictions:
            scores = [s.get("score", 1.0) for s in doc["spans"]]
            task["predictions"] = [{"model_version": model_version or "anugerah", "result": results,
                                    "score": round(min(scores), 4) if scores else 1.0}]
        else:
            task["annotations"] = [{"id": n, "result": results, "was_cancelled": False}]
        tasks.append(task)
    return tasks


def to_doccano(docs: list[dict]) -> list[dict]:
    """doccano JSONL rows ({"text", "label": [[start, end, LABEL]]}); id, record and meta ride along."""
    rows = []
    for doc in docs:
        row = {"id": doc["id"], "text": doc["text"], "label": [[s["start"], s["end"], s["label"]] for s in doc["spans"]]}
        for key in ("record", "meta", "published", "title"):
            if doc.get(key) is not None:
                row[key] = doc[key]
        rows.append(row)
    return rows


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def build_import_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("file", type=Path, help="Label Studio JSON export or doccano JSONL")
    p.add_argument("--format", choices=FORMATS, help="default: .jsonl is doccano, otherwise Label Studio")
    p.add_argument("-o", "--output", type=Path, required=True, help="corpus JSONL to write (e.g. data/annotated/NAME.jsonl)")
    p.add_argument("--skip-invalid", action="store_true", help="leave out invalid spans (each reported) instead of stopping")
    p.add_argument("--source", default="user", help="meta.source of the imported documents (who annotated them)")
    p.add_argument("--text-key", default="text", help="Label Studio task data field that holds the text")
    return p


def cmd_import(args: argparse.Namespace) -> int:
    """`anugerah import-annotations`: check, report and write the corpus file (nothing on errors)."""
    imp = check(read_annotations(args.file, args.format, source=args.source, text_key=args.text_key),
                skip_invalid=args.skip_invalid)
    for note in imp.notes:
        print(f"note: {note}", file=sys.stderr)
    for problem in imp.problems:
        print(f"{'skipped' if args.skip_invalid else 'error'}: {problem}", file=sys.stderr)
    if imp.problems and not args.skip_invalid:
        print(f"{len(imp.problems)} problems in {imp.invalid} spans or documents: nothing written "
              "(fix them, or --skip-invalid to leave them out)",
              file=sys.stderr)
        return 1
    if not imp.docs:
        print("no annotated documents in the export: nothing written", file=sys.stderr)
        return 1
    write_jsonl(imp.docs, args.output)
    spans = sum(len(d["spans"]) for d in imp.docs)
    print(f"{len(imp.docs)} documents, {spans} spans -> {args.output}"
          + (f" ({imp.invalid} invalid spans or documents left out)" if imp.invalid else ""), file=sys.stderr)
    return 0


def build_export_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("corpus", nargs="+", type=Path, help="corpus JSONL files (data/ANNOTATION.md)")
    p.add_argument("--format", choices=FORMATS, help="default: .jsonl output is doccano, otherwise Label Studio")
    p.add_argument("-o", "--output", type=Path, required=True)
    return p


def cmd_export(args: argparse.Namespace) -> int:
    """`anugerah export-annotations`: corpus files as a Label Studio export (annotations) or doccano JSONL."""
    from .data import read_corpus

    docs = read_corpus(args.corpus)
    for d in docs:
        d.pop("source", None)  # added by read_corpus; meta.source holds it
    fmt = args.format or ("doccano" if args.output.suffix.lower() in (".jsonl", ".ndjson") else "labelstudio")
    if fmt == "doccano":
        write_jsonl(to_doccano(docs), args.output)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(to_labelstudio(docs), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents -> {args.output} ({fmt})", file=sys.stderr)
    return 0
