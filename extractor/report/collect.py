"""What a review page shows: one `Article` per input article, from articles (extracted here) or records JSONL.

Records written by `anugerah extract` carry their spans but not the text: the
text is read again from the record's `source` (a file, or `file.jsonl:N` for
line N of a JSONL input) and used only when every span still fits it.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io.readers import InputDoc, ReadError, iter_files, json_lines, read_path

RECORD_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Article:
    """One article of the page: its record (None when it failed), its text when known, and why it failed."""

    source: str
    record: dict[str, Any] | None = None
    text: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # about the page itself (text not found again, ...)

    @property
    def doc_id(self) -> str:
        return str((self.record or {}).get("doc_id") or Path(self.source).name)


def is_records_file(path: Path) -> bool:
    """True for a JSONL file of records (objects with `awards` and no `text`), as `anugerah extract` writes."""
    if path.suffix.lower() not in RECORD_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    return isinstance(obj, dict) and "awards" in obj and "text" not in obj
    except (OSError, json.JSONDecodeError):
        return False
    return False


class SourceTexts:
    """Article texts by `source`, read again on demand: files once, JSONL inputs by line (offsets kept per file)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[int]] = {}

    def text(self, source: str | None, doc_id: str | None) -> str | None:
        if not source:
            return None
        m = re.fullmatch(r"(?P<path>.+):(?P<line>\d+)", source)
        if m and not Path(source).exists() and Path(m["path"]).is_file():
            line = self._line(m["path"], int(m["line"]))
            if line is None:
                return None
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return None
            return obj.get("text") if isinstance(obj, dict) and isinstance(obj.get("text"), str) else None
        path = Path(source)
        if not path.is_file():
            return None
        docs = [d for d in read_path(path) if isinstance(d, InputDoc)]
        match = [d for d in docs if d.doc_id == doc_id] or (docs if len(docs) == 1 else [])
        return match[0].text if match else None

    def _line(self, path: str, number: int) -> str | None:
        offsets = self._lines.get(path)
        if offsets is None:
            offsets, pos = [], 0
            with open(path, "rb") as fh:
                for raw in fh:
                    offsets.append(pos)
                    pos += len(raw)
            self._lines = {path: offsets}  # one file at a time: records come in input order
        if not 1 <= number <= len(offsets):
            return None
        with open(path, "rb") as fh:
            fh.seek(offsets[number - 1])
            return fh.readline().decode("utf-8", errors="replace")


def spans_fit(text: str, spans: Iterable[dict[str, Any]]) -> bool:
    """True when every span's text is `text[start:end]` (the source has not changed since extraction)."""
    return all(text[s["start"]:s["end"]] == s["text"] for s in spans)


def from_records(path: Path, texts: SourceTexts) -> Iterator[Article]:
    """The articles of a records JSONL file, with their texts found again where possible."""
    for n, rec, why in json_lines(path):
        if rec is None:
            yield Article(f"{path}:{n}", error=why)
            continue
        source = str(rec.get("source") or f"{path}:{n}")
        art = Article(source, record=rec)
        if "spans" not in rec:
            art.notes.append("the record has no spans (written with --no-spans): nothing to mark in the text")
        text = texts.text(rec.get("source"), rec.get("doc_id"))
        if text is None:
            art.notes.append(f"article text not found at {rec.get('source')!r}: spans listed without the text")
        elif not spans_fit(text, rec.get("spans") or []):
            art.notes.append(f"the text at {rec.get('source')!r} changed since extraction: spans listed without it")
        else:
            art.text = text
        yield art


def collect(inputs: list[str], extractor_factory, batch_size: int = 16) -> Iterator[Article]:
    """Every article of `inputs`, in order: records files read as they are, articles extracted in batches.

    `extractor_factory()` loads the extractor, the first time an article needs one.
    """
    from ..run.batch import extract_batch

    texts = SourceTexts()
    extractor = None
    pending: list[InputDoc | ReadError] = []

    def flush() -> Iterator[Article]:
        nonlocal extractor
        docs = [d for d in pending if isinstance(d, InputDoc)]
        if docs and extractor is None:
            extractor = extractor_factory()
        results = iter(extract_batch(extractor, docs, spans=True) if docs else [])
        for item in pending:
            if isinstance(item, ReadError):
                yield Article(item.path, error=item.reason)
                continue
            row, reason, _notes = next(results)
            yield Article(item.source, record=row, text=item.text, error=reason)
        pending.clear()

    for f in iter_files(inputs):
        if isinstance(f, ReadError):
            pending.append(f)
        elif is_records_file(f):
            yield from flush()
            yield from from_records(f, texts)
        else:
            for item in read_path(f):
                pending.append(item)
                if len(pending) >= batch_size:
                    yield from flush()
    yield from flush()

