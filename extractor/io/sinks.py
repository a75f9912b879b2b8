"""Where batch records go: one JSONL/CSV/Parquet file, or one file per input under a folder.

Writes are made so that an interruption at any moment loses nothing already
reported as done and leaves no half record: a JSONL or CSV file gets each
article in a single write() followed by a flush (a partial last line, from a
kill in the middle of one, is cut off by `--resume`); a file per input and a
Parquet file are written under a temporary name and renamed into place. A
single Parquet output is staged as JSONL next to it (`OUT.staging.jsonl`)
and converted at the end, so it can be resumed too.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import tables
from .readers import json_lines

SUFFIX = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}
Key = tuple[str, str]  # (source, doc_id): what --resume looks for, the source's path resolved (resume_key)


@lru_cache(maxsize=4096)
def _real_dir(folder: str) -> str:
    return os.path.realpath(folder)


def _real(path: str) -> str:
    """os.path.realpath, with the folders' part cached (a resume reads many keys from few folders)."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(_real_dir(os.path.abspath(folder or ".")), name)  # absolute: the cache outlives a chdir


def resume_key(source: str, doc_id: str) -> Key:
    """The key of an article for --resume: its doc_id and its source with the path resolved.

    `data/a.txt`, `./data/a.txt` and `/abs/data/a.txt` (or a symlink to it) give one key, so a resume
    matches however the input was spelled; `batch.jsonl:7` (a JSONL line) keeps its line number.
    """
    if not source or source == "-" or "://" in source:
        return source, doc_id
    head, sep, tail = source.rpartition(":")
    if sep and head and tail.isdigit():
        return f"{_real(head)}:{tail}", doc_id
    return _real(source), doc_id


def cut_partial_line(path: Path) -> int:
    """Truncate `path` after its last newline (a line cut by a crash); returns the bytes removed."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as fh:
        pos = size
        while pos > 0:
            step = min(65536, pos)
            fh.seek(pos - step)
            block = fh.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                end = pos - step + nl + 1
                break
            pos -= step
        else:
            end = 0
        if end < size:
            fh.truncate(end)
        return size - end


def jsonl_keys(path: Path) -> Iterator[Key]:
    """(source, doc_id) of each record line in a JSONL file; unreadable lines are ignored."""
    for _n, row, _why in json_lines(path):
        if row is not None:
            yield str(row.get("source") or ""), str(row.get("doc_id") or "")


def read_keys(path: Path, fmt: str) -> set[Key]:
    """The articles already in an output file of format `fmt`."""
    if fmt == "csv":
        return set(tables.csv_keys(path))
    if fmt == "parquet":
        return {(r.get("source") or "", r.get("doc_id") or "") for r in tables.parquet_records(path)}
    return set(jsonl_keys(path))


class LineFile:
    """An append-only file of lines; each `write` is one write() of whole lines, then a flush."""

    def __init__(self, path: Path | None, append: bool):
        self.path = path
        if path is None:
            self.fh = None
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(path, "ab" if append else "wb", buffering=0)  # noqa: SIM115 - closed in close()

    def write(self, text: str) -> None:
        if self.fh is None:
            from tqdm import tqdm

            with tqdm.external_write_mode(file=sys.stdout):  # a progress bar on the same terminal steps aside
                sys.stdout.write(text)
                sys.stdout.flush()
            return
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[self.fh.write(data):]

    def close(self) -> None:
        if self.fh is not None:
            os.fsync(self.fh.fileno())
            self.fh.close()
            self.fh = None


def _line(row: dict[str, Any], fmt: str, header: bool) -> str:
    return tables.csv_lines(row, header) if fmt == "csv" else json.dumps(row, ensure_ascii=False) + "\n"


class FileSink:
    """All records into one file (None: stdout); `done` holds the keys already there when resuming (resume_key)."""

    def __init__(self, path: Path | None, fmt: str, resume: bool):
        self.path, self.fmt = path, fmt
        self.done: set[Key] = set()
        self.staging = self.staging_of(path) if fmt == "parquet" and path else None
        target = self.staging or path
        if fmt == "parquet" and path is None:
            raise ValueError("Parquet output needs a file (-o OUT.parquet) or --output-dir")
        append = False
        if resume and target is not None:
            if self.staging and not self.staging.exists() and path.exists():
                self._restage(path)  # a finished Parquet file: take its rows back, then add the rest
            if target.exists():
                cut_partial_line(target)
                self.done = {resume_key(*k) for k in read_keys(target, "csv" if fmt == "csv" else "jsonl")}
                append = True
        self.header = fmt == "csv" and not (append and target.stat().st_size > 0)
        self.out = LineFile(target, append)

    @staticmethod
    def staging_of(path: Path) -> Path:
        """The JSONL file a Parquet output is staged in until the run ends."""
        return path.with_name(path.name + ".staging.jsonl")

    def _restage(self, path: Path) -> None:
        tmp = self.staging.with_name(self.staging.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for rec in tables.parquet_records(path):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, self.staging)

    def begin(self, unit: str, rel: str | None) -> None:
        """Records of input `unit` follow (one file for all of them here)."""

    def output_of(self, rel: str | None) -> str | None:
        """The output file of one input, for the errors file: none of its own here."""
        return None

    def write(self, row: dict[str, Any]) -> None:
        self.out.write(_line(row, "jsonl" if self.staging else self.fmt, self.header))
        self.header = False

    def end(self) -> None:
        """The current input is finished."""

    def close(self, complete: bool) -> None:
        self.out.close()
        if self.staging is not None and self.staging.exists():
            bad: list[int] = []
            tables.write_parquet(tables.staged_records(self.staging, bad), self.path)
            if bad:
                print(f"warning: {self.staging}: {len(bad)} line(s) were not whole records and were left out "
                      f"(line {', '.join(map(str, bad[:5]))}{', ...' if len(bad) > 5 else ''})", file=sys.stderr)
            if complete:
                self.staging.unlink()


class DirSink:
    """One output file per input under `root`, mirroring the input tree; each file appears whole or not at all."""

    whole_files = True  # an article is written once its file is renamed into place

    def __init__(self, root: Path, fmt: str):
        self.root, self.fmt = root, fmt
        self.done: set[Key] = set()
        self.cur: tuple[Path, Path, LineFile] | None = None
        self.rel: str | None = None
        self.header = False

    def target(self, rel: str) -> Path:
        return self.root / (rel + SUFFIX[self.fmt])

    def begin(self, unit: str, rel: str | None) -> None:
        self.end()
        self.rel = rel

    def output_of(self, rel: str | None) -> str | None:
        """The output file of the input named `rel` (listed with its failures in the errors file)."""
        return str(self.target(rel)) if rel else None

    def write(self, row: dict[str, Any]) -> None:
        if self.cur is None:
            path = self.target(self.rel or "stdin")
            tmp = path.with_name(f".{path.name}.part-{os.getpid()}")  # not write_parquet's own temporary name
            self.cur = (path, tmp, LineFile(tmp, append=False))
            self.header = self.fmt == "csv"
        self.cur[2].write(_line(row, "jsonl" if self.fmt == "parquet" else self.fmt, self.header))
        self.header = False

    def end(self) -> None:
        """Finish the current input's file: rename it into place."""
        if self.cur is None:
            return
        path, tmp, out = self.cur
        self.cur = None
        out.close()
        try:
            if self.fmt == "parquet":
                tables.write_parquet(tables.staged_records(tmp), path)
            else:
                os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()

    def abort(self) -> None:
        """Drop the unfinished file of the current input (a rerun with --resume redoes that input)."""
        if self.cur is not None:
            path, tmp, out = self.cur
            self.cur = None
            out.close()
            tmp.unlink(missing_ok=True)

    def close(self, complete: bool) -> None:
        if complete:
            self.end()
        else:
            self.abort()


class ErrorLog:
    """The errors file: one JSON line per failure (`path`, `reason`, `input`, `output`)."""

    def __init__(self, path: Path | None, resume: bool):
        self.path = path
        self.out: LineFile | None = None
        self.kept = 0
        if path is None:
            return
        if resume and path.exists():  # keep the failures of inputs that will not be retried
            cut_partial_line(path)
            keep = [line for line in path.read_text(encoding="utf-8").splitlines() if self._keep(line)]
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text("".join(k + "\n" for k in keep), encoding="utf-8")
            os.replace(tmp, path)
            self.kept = len(keep)
            self.out = LineFile(path, append=True)
        elif path.exists():
            path.unlink()

    @staticmethod
    def _keep(line: str) -> bool:
        try:
            out = json.loads(line).get("output")
        except (json.JSONDecodeError, AttributeError):
            return False
        return bool(out) and Path(out).exists()

    def add(self, path: str, reason: str, unit: str, output: str | None) -> None:
        if self.path is None:
            return
        if self.out is None:
            self.out = LineFile(self.path, append=False)
        entry = {"path": path, "reason": reason, "input": unit, "output": output}
        self.out.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self.out is not None:
            self.out.close()
