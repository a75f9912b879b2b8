"""Annotations kept apart from the text they annotate: page id, the text's sha256 and character offsets.

The real award pages are third-party text: it stays in ../shared/data/award-pages,
and the project keeps only, per page (one JSON line in data/real/*.jsonl):

    {"id": "page-0001", "sha256": "...", "kind": "award",
     "spans": [[start, end, "LABEL"], ...], "noise": [[start, end], ...],
     "record": {... RECORD.md ..., "doc_id": "page-0001"}, "meta": {...}}

`join` reads the text by id and refuses a page whose text no longer hashes to
the stored sha256 (the offsets would point at the wrong characters), giving
the same documents as a corpus file with text (`{"id", "text", "spans",
"record", "meta"}`) for training and evaluation.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from .. import SHARED_DATA

PAGES = SHARED_DATA / "award-pages"


class StandoffError(ValueError):
    """An annotation cannot be joined to its text: the page is missing or its text changed."""


def is_standoff(doc: dict) -> bool:
    """True for an annotation line without text (it names its page and the text's hash instead)."""
    return "text" not in doc and "sha256" in doc


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_pages(folder: Path = PAGES) -> dict[str, dict]:
    """Every page of the *.jsonl files in `folder`, by id: {"id", "text", "sha256", "kind", "url"}."""
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise StandoffError(f"no page files (*.jsonl) in {folder}: the texts of standoff annotations live there")
    pages: dict[str, dict] = {}
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                page = json.loads(line)
                pages[str(page["id"])] = page
    return pages


def join(annotations: Iterable[dict], pages: dict[str, dict], where: str = "") -> list[dict]:
    """Corpus documents (with text and span dicts) for standoff annotations; raise StandoffError listing every bad page."""
    out, problems = [], []
    for ann in annotations:
        pid = str(ann.get("id"))
        page = pages.get(pid)
        if page is None:
            problems.append(f"{where}{pid}: no page with this id among the texts")
            continue
        if sha256(page["text"]) != ann.get("sha256"):
            problems.append(f"{where}{pid}: the page's text has changed (sha256 {sha256(page['text'])[:12]}... "
                            f"!= annotated {str(ann.get('sha256'))[:12]}...): offsets would be wrong, refusing it")
            continue
        text = page["text"]
        spans = [{"start": a, "end": b, "label": label, "text": text[a:b]} for a, b, label in ann.get("spans", [])]
        doc = {"id": pid, "text": text, "spans": spans, "meta": {**ann.get("meta", {}), "kind": ann.get("kind"),
                                                                 "noise": ann.get("noise", [])}}
        if ann.get("record") is not None:
            doc["record"] = {**ann["record"], "doc_id": pid}
        out.append(doc)
    if problems:
        raise StandoffError("cannot join annotations to their pages:\n" + "\n".join(problems))
    return out


def to_standoff(doc: dict, **meta) -> dict:
    """The standoff line for a corpus document with text (the inverse of `join`)."""
    out = {"id": doc["id"], "sha256": sha256(doc["text"]), "kind": doc.get("meta", {}).get("kind"),
           "spans": [[s["start"], s["end"], s["label"]] for s in sorted(doc["spans"], key=lambda s: (s["start"], s["end"]))],
           "noise": doc.get("meta", {}).get("noise", [])}
    if doc.get("record") is not None:
        out["record"] = doc["record"]
    out["meta"] = {k: v for k, v in {**doc.get("meta", {}), **meta}.items() if k not in ("kind", "noise")}
    return out
