"""Read articles from files: plain text, HTML, Markdown, JSON and JSONL.

Each reader yields `InputDoc`s; anything unreadable raises `ReadError` naming
the file and the reason, so a batch can report it and go on.
"""
from __future__ import annotations

import json
import mimetypes
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ""}
_MAGIC = {b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"PK\x03\x04": "a ZIP/Office file", b"\x1f\x8b": "a gzip file", b"\x7fELF": "an executable",
          b"RIFF": "a RIFF file (WebP image, WAV, AVI)", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
          b"7z\xbc\xaf": "a 7-Zip archive",
          b"Rar!": "a RAR archive", b"\xd0\xcf\x11\xe0": "an old Office file", b"PAR1": "a Parquet table"}
_MIME = mimetypes.MimeTypes()  # Python's own table, not the system's: the same answer on every machine
_ARTICLE_TYPES = {None, "text/plain", "text/html", "application/xhtml+xml", "text/markdown", "application/json"}
HTML_MAX_DEPTH = 2000  # libxml2 reads ~2048 nested elements (with huge_tree; 256 without) and drops the rest
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
    """Bytes to text: BOMs first, then UTF-16 without a BOM, UTF-8, cp1252; binary data is refused.

    Anything that does not decode is a ReadError naming `path` and the reason, never a bare UnicodeError.
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ReadError(path, f"not text: looks like {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, path, "utf-16", "UTF-16 (byte-order mark)")
    if b"\x00" in data[:4096]:
        codec = _utf16_without_bom(data[:4096])
        if codec is None:
            raise ReadError(path, "not text: binary data (NUL bytes)")
        return _utf16(data, path, codec, f"{codec.upper()} (no byte-order mark)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:  # cp1252 is latin-1 plus curly quotes and dashes in 0x80-0x9f
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: plain latin-1 (ISO-8859-1)
        text, codec = data.decode("latin-1"), "latin-1"
    head = text[:4096]
    # an article in a legacy encoding is mostly ASCII with a few accented letters; random high-bit bytes are not
    if _controls(head) > max(8, len(head) // 100) or sum(ord(c) > 127 for c in head) > 0.3 * len(head):
        raise ReadError(path, "not text: undecodable bytes")
    return text, [f"decoded as {codec} (not valid UTF-8)"]


def _controls(text: str) -> int:
    """Control characters that text does not hold (binary data decoded as if it were text)."""
    return sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f" or 0x7f <= ord(c) < 0xa0)


def _utf16_without_bom(head: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when NUL bytes sit in every other place, as in mostly-ASCII UTF-16 text."""
    half = len(head) // 2
    if half < 2:
        return None
    even, odd = head[0:2 * half:2].count(0), head[1:2 * half:2].count(0)
    if odd > 0.4 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _utf16(data: bytes, path: str, codec: str, label: str) -> tuple[str, list[str]]:
    """UTF-16 bytes as text, with a warning; a cut or broken file is a ReadError, not a crash."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"not valid {label.split(' ')[0]}: {exc.reason} at byte {exc.start}") from None
    if _controls(text[:4096]) > max(8, len(text[:4096]) // 100):
        raise ReadError(path, "not text: binary data (NUL bytes)")
    return text, [f"decoded as {label}, not UTF-8"]


def _html(raw: str, path: str) -> tuple[str, str | None, str | None]:
    import trafilatura  # article body, title and date out of a web page

    body = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_recall=True)
    meta = trafilatura.extract_metadata(raw)
    tree = None
    if not body and (tree := _huge_tree(raw)) is not None:  # libxml2 stops at 256 nested elements unless told
        body = trafilatura.extract(tree, include_comments=False, include_tables=True, favor_recall=True)
    if not body:
        depth = _depth(tree) if tree is not None else 0
        if depth >= HTML_MAX_DEPTH:
            raise ReadError(path, f"HTML page nested too deeply (past {HTML_MAX_DEPTH} levels, where the parser "
                                  "stops): no article text found")
        raise ReadError(path, "HTML page holds no article text")
    title = meta.title if meta else None
    date = meta.date if meta and meta.date else None
    return body, title, date


def _depth(tree) -> int:
    """How deep the elements of an lxml tree nest."""
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _huge_tree(raw: str):
    """The page parsed by lxml without libxml2's depth limit (pages nested past 256 levels)."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(raw, parser=lxml.html.HTMLParser(huge_tree=True))
    except (ValueError, lxml.etree.ParserError):  # an XML declaration in a str, or nothing to parse
        return None


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


def _json_error(exc: ValueError | RecursionError, lines: bool = True) -> str:
    """The reason for JSON that does not parse, with its position (a JSONL line gives the column only)."""
    if isinstance(exc, json.JSONDecodeError):
        where = f"line {exc.lineno}, column {exc.colno}" if lines else f"column {exc.colno}"
        return f"malformed JSON: {exc.msg} ({where})"
    if isinstance(exc, RecursionError):
        return "malformed JSON: nested too deeply to read"
    return f"malformed JSON: {exc}"


def _jsonl_line(line: str, where: str, default_id: str) -> InputDoc | ReadError:
    try:
        return _from_obj(json.loads(line), where, default_id)
    except ReadError as exc:
        return exc
    except (ValueError, RecursionError) as exc:
        return ReadError(where, _json_error(exc, lines=False))


def _with_warnings(item: InputDoc | ReadError, warnings: list[str]) -> InputDoc | ReadError:
    """The file's decoding warnings on each article read from it."""
    if isinstance(item, InputDoc):
        item.warnings.extend(warnings)
    return item


def read_text_input(data: bytes, path: str, doc_id: str, suffix: str) -> Iterator[InputDoc | ReadError]:
    """Articles in one input's bytes; a bad JSONL line yields a ReadError and the rest go on."""
    if not data:
        raise ReadError(path, "empty file")
    if not data.strip():
        raise ReadError(path, "empty file (whitespace only)")
    text, warnings = decode(data, path)  # first: binary content (a PDF, an image) is named as such
    kind = None if suffix in TEXT_SUFFIXES else _MIME.guess_type("x" + suffix)[0]
    if kind not in _ARTICLE_TYPES:  # a table, code, XML, ...: read as text it would give an empty record
        raise ReadError(path, f"not an article: a {suffix} file ({kind}); "
                              "articles are text, HTML, Markdown, JSON or JSONL")
    if not text.strip():
        raise ReadError(path, "empty file (whitespace only)")
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _with_warnings(_jsonl_line(line, f"{path}:{n}", f"{doc_id}-{n}"), warnings)
        return
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ReadError(path, _json_error(exc)) from None
        for k, item in enumerate(obj if isinstance(obj, list) else [obj]):
            try:
                yield _with_warnings(_from_obj(item, path, doc_id if not isinstance(obj, list) else f"{doc_id}-{k + 1}"),
                                     warnings)
            except ReadError as exc:
                yield exc
        return
    title = published = None
    if suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype html|html)", text[:200], re.I):
        text, title, published = _html(text, path)
    elif suffix in (".md", ".markdown"):
        text = _markdown(text)
    yield InputDoc(text=text, doc_id=doc_id, source=path, published=published, title=title, warnings=warnings)


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, object, None) for each JSON object line of a records file, (line number, None, why) for a
    line that is none; blank lines are skipped. The one reader of our own JSONL outputs (staging, resume, report)."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"malformed JSON: {exc.msg}"
                continue
            except (ValueError, RecursionError) as exc:
                yield n, None, f"malformed JSON: {exc}"
                continue
            yield (n, obj, None) if isinstance(obj, dict) else (n, None, "JSON value is not an object")


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


def _is_utf16(path: Path) -> bool:
    """A UTF-16 file (with or without a BOM): read whole, since its lines do not split on the byte 0x0a."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or (b"\x00" in head and _utf16_without_bom(head) is not None)


def read_path(path: Path) -> Iterator[InputDoc | ReadError]:
    """Articles in one file, or a ReadError for the file (also when it vanished or became unreadable)."""
    suffix = path.suffix.lower() if str(path) != "-" else ""
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
        elif suffix in (".jsonl", ".ndjson") and not _is_utf16(path):
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
    yield from read_data(data, str(path), path.stem if str(path) != "-" else "stdin", suffix)


def read_data(data: bytes, path: str, doc_id: str, suffix: str) -> Iterator[InputDoc | ReadError]:
    """`read_text_input` that never raises: whatever goes wrong is a ReadError for this input, the batch goes on."""
    try:
        yield from read_text_input(data, path, doc_id, suffix)
    except ReadError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - a reader (trafilatura, a codec) failing on odd input: this file only
        yield ReadError(path, f"cannot read: {type(exc).__name__}: {exc}")


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
