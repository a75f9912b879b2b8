"""Read articles from files: plain text, HTML, Markdown, JSON and JSONL.

Each reader yields `InputDoc`s; anything unreadable raises `ReadError` naming
the file and the reason, so a batch can report it and go on.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ""}
_MAGIC = {b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"PK\x03\x04": "a ZIP/Office file", b"\x1f\x8b": "a gzip file", b"\x7fELF": "an executable",
          b"RIFF": "a RIFF file (WebP image, WAV, AVI)", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
          b"7z\xbc\xaf": "a 7-Zip archive",
          b"Rar!": "a RAR archive", b"\xd0\xcf\x11\xe0": "an old Office file"}
MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files (other than JSONL, which streams) are not articles


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
    try:  # cp1252 is latin-1 plus curly quotes and dashes in 0x80-0x9f
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: plain latin-1 (ISO-8859-1)
        text, codec = data.decode("latin-1"), "latin-1"
    head = text[:4096]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\r\n\t\f" or 0x7f <= ord(c) < 0xa0)
    if controls > max(8, len(head) // 100):
        raise ReadError(path, "not text: undecodable bytes")
    return text, [f"decoded as {codec} (not valid UTF-8)"]


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


def _jsonl_line(line: str, where: str, default_id: str) -> InputDoc | ReadError:
    try:
        return _from_obj(json.loads(line), where, default_id)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"malformed JSON: {exc.msg}")
    except ReadError as exc:
        return exc


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
            if line.strip():
                yield _jsonl_line(line, f"{path}:{n}", f"{doc_id}-{n}")
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


def _stream_jsonl(path: Path) -> Iterator[InputDoc | ReadError]:
    """JSONL read line by line, so an archive of any size takes the memory of one line."""
    empty = True
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            empty = False
            where = f"{path}:{n}"
            try:
                line, warnings = decode(raw.lstrip(b"\xef\xbb\xbf") if n == 1 else raw, where)
            except ReadError as exc:
                yield exc
                continue
            item = _jsonl_line(line, where, f"{path.stem}-{n}")
            if isinstance(item, InputDoc):
                item.warnings.extend(warnings)
            yield item
    if empty:
        yield ReadError(str(path), "empty file" if path.stat().st_size == 0 else "empty file (whitespace only)")


def _utf16(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) in (b"\xff\xfe", b"\xfe\xff")


def read_path(path: Path) -> Iterator[InputDoc | ReadError]:
    """Articles in one file, or a ReadError for the file (also when it vanished or became unreadable)."""
    suffix = path.suffix.lower() if str(path) != "-" else ""
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
        elif suffix in (".jsonl", ".ndjson") and not _utf16(path):
            yield from _stream_jsonl(path)
            return
        else:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                yield ReadError(str(path), f"too large for an article ({size / 2**20:.0f} MB; limit "
                                           f"{MAX_FILE_BYTES // 2**20} MB; put many articles in JSONL)")
                return
            data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        yield from read_text_input(data, str(path), path.stem if str(path) != "-" else "stdin", suffix)
    except ReadError as exc:
        yield exc


def iter_files(inputs: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Path | ReadError]:
    """Expand inputs (files, folders recursively, `-`) into files, lazily, in sorted order.

    Hidden files and folders are skipped, and so are the paths in `exclude` (our own output).
    Symlinked folders are followed once: a link back to a folder already being walked is
    reported as a symlink loop instead of walked forever.
    """
    skip = {os.path.realpath(e) for e in exclude}
    for item in inputs:
        if item == "-":
            yield Path("-")
            continue
        p = Path(item)
        if p.is_dir():
            yield from _walk(p, skip)
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield ReadError(item, "no such file or folder")


def _walk(root: Path, skip: set[str]) -> Iterator[Path | ReadError]:
    st = root.stat()
    seen = {(st.st_dev, st.st_ino)}
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            exc = errors.pop()
            yield ReadError(str(exc.filename or dirpath), f"cannot list folder: {exc.strerror or exc}")
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            full = os.path.join(dirpath, d)
            if skip and os.path.realpath(full) in skip:
                continue
            try:
                st = os.stat(full)
            except OSError as exc:
                yield ReadError(full, f"cannot read: {exc.strerror or exc}")
                continue
            if (st.st_dev, st.st_ino) in seen:
                real = os.path.realpath(full)
                if os.path.realpath(dirpath).startswith(real.rstrip(os.sep) + os.sep) or real == os.path.realpath(dirpath):
                    yield ReadError(full, f"symlink loop: points back to {real}, not followed")
                continue  # else: a second way into a folder that is read once
            seen.add((st.st_dev, st.st_ino))
            keep.append(d)
        dirnames[:] = keep
        for f in sorted(filenames):
            full = os.path.join(dirpath, f)
            if not f.startswith(".") and not (skip and os.path.realpath(full) in skip):
                yield Path(full)
    while errors:
        exc = errors.pop()
        yield ReadError(str(exc.filename or root), f"cannot list folder: {exc.strerror or exc}")
