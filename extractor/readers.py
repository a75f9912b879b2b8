"""Read articles from files: plain text, HTML, Markdown, JSON and JSONL.

Each reader yields `InputDoc`s; anything unreadable raises `ReadError` naming
the file and the reason, so a batch can report it and go on.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ""}
_MAGIC = {b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"PK\x03\x04": "a ZIP/Office file", b"\x1f\x8b": "a gzip file", b"\x7fELF": "an executable"}


class ReadError(Exception):
    """An input that cannot be read as an article."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class InputDoc:
    text: str
    doc_id: str
    source: str
    published: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to text: BOMs first, then UTF-8, then cp1252; binary data is refused."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ReadError(path, f"not text: looks like {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:4096]:
        raise ReadError(path, "not text: binary data (NUL bytes)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > 8 or text.count("\ufffd") > len(text) / 50:
        raise ReadError(path, "not text: undecodable bytes")
    return text, ["decoded as cp1252 (not valid UTF-8)"]


def _html(raw: str, path: str) -> tuple[str, str | None, str | None]:
    import trafilatura  # article body, title and date out of a web page

    body = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_recall=True)
    meta = trafilatura.extract_metadata(raw)
    if not body:
        raise ReadError(path, "HTML page holds no article text")
    title = meta.title if meta else None
    date = meta.date if meta and meta.date else None
    return body, title, date


_MD = [(re.compile(r"^#{1,6}\s*", re.M), ""), (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
       (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"), (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
       (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"), (re.compile(r"^>\s?", re.M), "")]


def _markdown(raw: str) -> str:
    for pat, rep in _MD:
        raw = pat.sub(rep, raw)
    return raw


def _from_obj(obj: object, path: str, default_id: str) -> InputDoc:
    if not isinstance(obj, dict):
        raise ReadError(path, "JSON value is not an object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ReadError(path, "JSON object has no 'text' string")
    if not text.strip():
        raise ReadError(path, "empty text")
    return InputDoc(text=text, doc_id=str(obj.get("doc_id") or obj.get("id") or default_id), source=path,
                    published=obj.get("published"), title=obj.get("title"))


def read_text_input(data: bytes, path: str, doc_id: str, suffix: str) -> Iterator[InputDoc | ReadError]:
    """Articles in one input's bytes; a bad JSONL line yields a ReadError and the rest go on."""
    if not data:
        raise ReadError(path, "empty file")
    if not data.strip():
        raise ReadError(path, "empty file (whitespace only)")
    text, warnings = decode(data, path)
    if not text.strip():
        raise ReadError(path, "empty file (whitespace only)")
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                yield _from_obj(json.loads(line), where, f"{doc_id}-{n}")
            except json.JSONDecodeError as exc:
                yield ReadError(where, f"malformed JSON: {exc.msg}")
            except ReadError as exc:
                yield exc
        return
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(path, f"malformed JSON: {exc.msg} (line {exc.lineno})") from None
        for k, item in enumerate(obj if isinstance(obj, list) else [obj]):
            try:
                yield _from_obj(item, path, doc_id if not isinstance(obj, list) else f"{doc_id}-{k + 1}")
            except ReadError as exc:
                yield exc
        return
    title = published = None
    if suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype html|html)", text[:200], re.I):
        text, title, published = _html(text, path)
    elif suffix in (".md", ".markdown"):
        text = _markdown(text)
    yield InputDoc(text=text, doc_id=doc_id, source=path, published=published, title=title, warnings=warnings)


def read_path(path: Path) -> Iterator[InputDoc | ReadError]:
    """Articles in one file, or a ReadError for the file."""
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower() if str(path) != "-" else ""
    try:
        yield from read_text_input(data, str(path), path.stem if str(path) != "-" else "stdin", suffix)
    except ReadError as exc:
        yield exc


def iter_files(inputs: list[str]) -> Iterator[Path | ReadError]:
    """Expand inputs (files, folders recursively, `-`) into files, sorted; hidden files are skipped."""
    for item in inputs:
        if item == "-":
            yield Path("-")
            continue
        p = Path(item)
        if p.is_dir():
            seen: set[Path] = set()
            for f in sorted(p.rglob("*")):
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                try:
                    real = f.resolve(strict=True)
                except (OSError, RuntimeError) as exc:
                    yield ReadError(str(f), f"cannot resolve path: {exc}")
                    continue
                if f.is_file() and real not in seen:
                    seen.add(real)
                    yield f
        elif p.exists():
            yield p
        else:
            yield ReadError(item, "no such file or folder")
