"""Turn the inline authoring format (`[[text|LABEL]]`) into corpus JSONL.

Authors write articles with inline marks because hand-counted character
offsets are error-prone; this module computes the offsets and checks them.
See data/ANNOTATION.md for both formats.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from extractor.core.record import RECORD_FIELDS as SCHEMA_FIELDS
from extractor.core.spans import LABELS  # the one label list

MARK_RE = re.compile(r"\[\[([^\[\]|]+?)\|([A-Z]+)\]\]")
HEADER_RE = re.compile(r"^=== id:\s*(?P<id>[\w.-]+)\s*(?:\|\s*style:\s*(?P<style>[\w-]+))?\s*$")
RECORD_FIELDS = tuple(f for f in SCHEMA_FIELDS if f != "doc_id")


class MarkupError(ValueError):
    """An article in the authoring format is malformed."""


def parse_marked(marked: str, doc_id: str = "?") -> tuple[str, list[dict]]:
    """Strip the marks from one article; return plain text and its spans."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise MarkupError(f"{doc_id}: unknown label {label!r} on {surface!r}")
        if surface != surface.strip():
            raise MarkupError(f"{doc_id}: span {surface!r} has surrounding spaces")
        spans.append({"start": length, "end": length + len(surface), "label": label, "text": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"{doc_id}: unbalanced [[ ]] mark near {text[text.find('[['):][:60]!r}")
    return text, spans


def parse_source(source: str) -> list[dict]:
    """Split a source file into articles and convert each one."""
    docs: list[dict] = []
    blocks = re.split(r"(?m)^(?==== id:)", source)
    for block in blocks:
        if not block.strip():
            continue
        header, _, body = block.partition("\n")
        m = HEADER_RE.match(header.strip())
        if not m:
            raise MarkupError(f"bad header line: {header!r}")
        doc_id = m.group("id")
        body, sep, rec_text = body.partition("\n--- record\n")
        text, spans = parse_marked(body.strip("\n"), doc_id)
        doc: dict = {"id": doc_id, "text": text, "spans": spans,
                     "meta": {"style": m.group("style") or "news", "source": "team"}}
        if sep:
            try:
                record = json.loads(rec_text)
            except json.JSONDecodeError as exc:
                raise MarkupError(f"{doc_id}: record is not valid JSON: {exc}") from exc
            missing = [f for f in RECORD_FIELDS if f not in record]
            if missing:
                raise MarkupError(f"{doc_id}: record lacks fields {missing}")
            record["doc_id"] = doc_id
            doc["record"] = record
        docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args(argv)
    docs: list[dict] = []
    errors = 0
    for src in args.sources:
        try:
            docs.extend(parse_source(src.read_text(encoding="utf-8")))
        except MarkupError as exc:
            print(f"{src}: {exc}", file=sys.stderr)
            errors += 1
    ids = [d["id"] for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        print(f"duplicate ids: {dupes}", file=sys.stderr)
        errors += 1
    with args.output.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} articles, {sum(len(d['spans']) for d in docs)} spans -> {args.output}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
