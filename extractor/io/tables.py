"""The flat awards table for analysts: one row per award entry, with the article's id, dates and venue.

The winner's region (`recipient_region`) becomes the columns of `REGION_COLUMNS`
(`province`, `region_code`), so a table groups wins by province without
parsing JSON; reading a table back rebuilds the region from them.

An article without awards still gets one row (its award columns empty), so
every article read shows up in the table and `--resume` can tell it was done.
CSV goes through the csv module; Parquet through pyarrow (the `parquet` extra).
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import fields
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .readers import json_lines
from ..core.record import AWARD_FIELDS, ITEM_TYPES, RECORD_FIELDS, REGION_COLUMNS, Award, is_region

# the article's scalar fields (and the input's path), then one column per award field, all from the schema
ARTICLE_COLUMNS = ("doc_id", "source") + tuple(f for f in RECORD_FIELDS if f not in ITEM_TYPES and f != "doc_id")
# the award's region field(s) flattened: column -> (award field, Region attribute)
REGION_CELLS: dict[str, tuple[str, str]] = {col: (f.name, attr) for f in fields(Award) if is_region(f)
                                            for col, attr in REGION_COLUMNS.items()}
AWARD_COLUMNS = AWARD_FIELDS + tuple(REGION_CELLS)
COLUMNS = ARTICLE_COLUMNS + AWARD_COLUMNS
INT_COLUMNS = {f.name for f in fields(Award) if f.type in ("int | None", "int")}


def award_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The table rows of one record dict (as written to JSONL, with `source`)."""
    base = {k: record.get(k) for k in ARTICLE_COLUMNS}
    awards = record.get("awards") or [{}]
    return [{**base, **{k: _cell(k, _award_value(a, k)) for k in AWARD_COLUMNS}} for a in awards]


def _award_value(award: dict[str, Any], column: str) -> Any:
    if column in REGION_CELLS:
        name, attr = REGION_CELLS[column]
        return (award.get(name) or {}).get(attr)
    return award.get(column)


def _award_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """An award dict from a table row: the region columns go back into the region field (code and province only)."""
    award = {k: row.get(k) for k in AWARD_FIELDS}
    for column, (name, attr) in REGION_CELLS.items():
        if row.get(column) is not None:
            award[name] = {**(award.get(name) or {}), attr: row[column]}
    return award


def _cell(key: str, value: Any) -> Any:
    if key in INT_COLUMNS:
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None
    return None if value is None else str(value)


def csv_lines(record: dict[str, Any], header: bool = False) -> str:
    """The CSV text for one record: one line per row, newlines inside cells turned to spaces."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if header:
        w.writerow(COLUMNS)
    for row in award_rows(record):
        w.writerow(["" if row[c] is None else " ".join(str(row[c]).splitlines()) for c in COLUMNS])
    return buf.getvalue()


def csv_keys(path: Path) -> Iterator[tuple[str, str]]:
    """(source, doc_id) of the articles already in a CSV table."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row.get("source") or "", row.get("doc_id") or ""


def _schema():
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in COLUMNS])


def write_parquet(records: Iterable[dict[str, Any]], path: Path, chunk: int = 5000) -> int:
    """Stream records into a Parquet awards table at `path` (temp file, then rename); returns rows written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow ships with the parquet extra
        raise RuntimeError("Parquet output needs pyarrow: pip install 'anugerah[parquet]'") from exc
    schema = _schema()
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    n, rows = 0, []
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for rec in records:
                rows.extend(award_rows(rec))
                if len(rows) >= chunk:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    n, rows = n + len(rows), []
            if rows or n == 0:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


def parquet_records(path: Path) -> Iterator[dict[str, Any]]:
    """Read a Parquet awards table back as per-article dicts (rows of one article grouped), streaming."""
    import pyarrow.parquet as pq

    cur: dict[str, Any] | None = None
    for batch in pq.ParquetFile(path).iter_batches(batch_size=5000):
        for row in batch.to_pylist():
            key = (row.get("source"), row.get("doc_id"))
            if cur is None or (cur.get("source"), cur.get("doc_id")) != key:
                if cur is not None:
                    yield cur
                cur = {k: row.get(k) for k in ARTICLE_COLUMNS} | {"awards": []}
            if any(row.get(k) is not None for k in AWARD_COLUMNS):
                cur["awards"].append(_award_from_row(row))
    if cur is not None:
        yield cur


def staged_records(path: Path, bad: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """Records from a JSONL staging file; a line that is not a whole record is left out (its number in `bad`)."""
    for n, rec, _why in json_lines(path):
        if rec is not None:
            yield rec
        elif bad is not None:
            bad.append(n)
