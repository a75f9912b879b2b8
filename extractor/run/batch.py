"""Batch extraction at scale: many inputs to JSONL, CSV or Parquet, streaming, resumable, in parallel.

    run_batch(BatchConfig(inputs=["archive/"], output="out.jsonl", resume=True, parallel=2))

Inputs are listed and read lazily and processed `batch_size` articles at a
time, so memory does not grow with the archive (only the set of keys already
written, for `--resume`). With `parallel > 1`, worker processes each load the
extractor once and take batches from a bounded window: the output keeps the
input order. A failing input or article is reported (stderr and the errors
file) and the batch goes on; a worker that dies is replaced and its articles
retried one by one.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from ..io.readers import InputDoc, ReadError, iter_files, read_path
from ..io.sinks import SUFFIX, DirSink, ErrorLog, FileSink, read_keys
from .results import Outcome, Summary, write_results

Result = tuple[dict[str, Any] | None, str | None, list[str]]  # (row, error reason, warnings to show)


@dataclass
class BatchConfig:
    """What `anugerah extract` was asked to do."""

    inputs: list[str]
    output: str | None = None  # one file; None or "-" for stdout
    output_dir: str | None = None  # one file per input, mirroring the input tree
    fmt: str = "jsonl"  # jsonl | csv | parquet
    spans: bool = True
    resume: bool = False
    parallel: int = 1
    batch_size: int = 16
    model: str | None = None
    rules_only: bool = False
    device: str = "cpu"
    threads: int | None = None
    quantize: bool = False
    backend: str = "torch"  # torch | onnx (model.onnx through ONNX Runtime)
    errors: str | None = None  # errors file (default: OUT.errors.jsonl, or DIR/errors.jsonl)
    progress: bool = False

    def load_kwargs(self) -> dict[str, Any]:
        threads = self.threads
        if threads is None and self.parallel > 1:  # share the cores between the workers
            threads = max(1, (os.cpu_count() or 1) // self.parallel)
        return {"model": self.model, "rules_only": self.rules_only, "device": self.device,
                "quantize": self.quantize, "threads": threads, "backend": self.backend}

    def errors_path(self) -> Path | None:
        if self.errors:
            return Path(self.errors)
        if self.output_dir:
            return Path(self.output_dir) / "errors.jsonl"
        if self.output and self.output != "-":
            return Path(self.output + ".errors.jsonl")
        return None


@dataclass
class Task:
    """One article (or read error) of input file `unit`; `rel` names its output in --output-dir mode."""

    unit: str
    rel: str | None
    item: InputDoc | ReadError


@dataclass
class _Units:
    """Relative output names for input files, mirroring the input tree without collisions."""

    multi: bool
    used: set[str] = field(default_factory=set)

    def rel(self, root: str, f: Path) -> str:
        if str(f) == "-":
            base = "stdin"
        elif os.path.isdir(root):
            base = os.path.relpath(f, root)
            if self.multi:
                base = os.path.join(os.path.basename(os.path.normpath(root)) or "root", base)
        else:
            base = f.name
        stem, _ = os.path.splitext(base)
        out = stem if stem not in self.used else base  # a.txt and a.html: a.jsonl and a.html.jsonl
        self.used.add(out)
        return out


def iter_tasks(cfg: BatchConfig, done: set[tuple[str, str]], summary: Summary,
               dir_sink: DirSink | None = None, exclude: Iterable[str] = ()) -> Iterator[Task]:
    """Every article of every input, lazily; those already written (--resume) are counted and left out."""
    units = _Units(multi=len(cfg.inputs) > 1)
    for root in cfg.inputs:
        for f in iter_files([root], exclude=exclude):
            if isinstance(f, ReadError):
                yield Task(f.path, None, f)
                continue
            rel = units.rel(root, f) if dir_sink else None
            if dir_sink and cfg.resume and dir_sink.target(rel).exists():
                summary.skipped += len(read_keys(dir_sink.target(rel), cfg.fmt))
                continue
            for item in read_path(f):
                if isinstance(item, InputDoc) and (item.source, item.doc_id) in done:
                    summary.skipped += 1
                    continue
                yield Task(str(f), rel, item)


def extract_batch(extractor, docs: list[InputDoc], spans: bool = True) -> list[Result]:
    """Rows for input documents with one extractor; a failing article gives its reason instead."""
    documents = [extractor.document(d.text, doc_id=d.doc_id, published=d.published, title=d.title) for d in docs]
    notes = [list(d.warnings) + list(doc.warnings) for d, doc in zip(docs, documents)]
    out: list[Result] = []
    for d, note, rec in zip(docs, notes, extractor.extract_docs(documents)):
        if isinstance(rec, Exception):
            out.append((None, f"extraction failed: {rec!r}", []))
            continue
        rec.warnings[:0] = d.warnings
        row = rec.to_dict(spans=spans)
        row["source"] = d.source
        out.append((row, None, note))
    return out


_WORKER: Any = None


def _init_worker(kwargs: dict[str, Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    global _WORKER
    from ..pipeline import Extractor

    _WORKER = Extractor.load(kwargs.pop("model"), **kwargs)


def _work(docs: list[InputDoc], spans: bool) -> list[Result]:
    return extract_batch(_WORKER, docs, spans)


def _merge(batch: list[Task], results: list[Result]) -> Iterator[tuple[Task, Result]]:
    it = iter(results)
    for t in batch:
        yield t, ((None, t.item.reason, []) if isinstance(t.item, ReadError) else next(it))


def _sequential(cfg: BatchConfig, batches: Iterable[list[Task]], ex=None) -> Iterator[tuple[Task, Result]]:
    from ..pipeline import Extractor

    if ex is None:
        kwargs = cfg.load_kwargs()
        ex = Extractor.load(kwargs.pop("model"), **kwargs)
    for batch in batches:
        docs = [t.item for t in batch if isinstance(t.item, InputDoc)]
        yield from _merge(batch, extract_batch(ex, docs, cfg.spans) if docs else [])


class _Pool:
    """A process pool that is replaced when a worker dies (crash, out of memory)."""

    def __init__(self, cfg: BatchConfig):
        self.cfg, self.gen = cfg, 0
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.cfg.parallel, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.cfg.load_kwargs(),))

    def restart(self, gen: int) -> None:
        if gen == self.gen:  # not yet replaced since that future was submitted
            self.shutdown()
            self.pool, self.gen = self._start(), self.gen + 1

    def submit(self, docs: list[InputDoc]):
        return self.gen, self.pool.submit(_work, docs, self.cfg.spans)

    def one_by_one(self, docs: list[InputDoc]) -> list[Result]:
        out: list[Result] = []
        for d in docs:
            gen, fut = self.submit([d])
            try:
                out.extend(fut.result())
            except BrokenProcessPool:
                out.append((None, "worker process died on this article (crash or out of memory)", []))
                self.restart(gen)
        return out

    def shutdown(self) -> None:
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            if p.is_alive():
                p.terminate()


def _parallel(cfg: BatchConfig, batches: Iterable[list[Task]]) -> Iterator[tuple[Task, Result]]:
    pool = _Pool(cfg)
    pending: deque = deque()

    def collect(entry) -> Iterator[tuple[Task, Result]]:
        batch, docs, job = entry
        results: list[Result] = []
        if job is not None:
            gen, fut = job
            try:
                results = fut.result()
            except BrokenProcessPool:
                pool.restart(gen)
                results = pool.one_by_one(docs)
        yield from _merge(batch, results)

    try:
        for batch in batches:
            docs = [t.item for t in batch if isinstance(t.item, InputDoc)]
            pending.append((batch, docs, pool.submit(docs) if docs else None))
            while len(pending) > 2 * cfg.parallel:  # a bounded window: memory stays flat
                yield from collect(pending.popleft())
        while pending:
            yield from collect(pending.popleft())
    finally:
        pool.shutdown()


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _check(cfg: BatchConfig) -> None:
    if cfg.fmt not in SUFFIX:
        raise ValueError(f"unknown format {cfg.fmt!r}: use jsonl, csv or parquet")
    if cfg.output and cfg.output_dir:
        raise ValueError("give -o or --output-dir, not both")
    if cfg.resume and not cfg.output_dir and cfg.output in (None, "-"):
        raise ValueError("--resume needs an output file (-o) or --output-dir")
    if cfg.model and not cfg.rules_only and not (Path(cfg.model) / "config.json").is_file():
        raise FileNotFoundError(f"model folder {cfg.model} has no config.json")


def run_batch(cfg: BatchConfig, log: TextIO | None = None, extractor=None) -> Summary:
    """Run a batch; errors and warnings go to `log` (stderr), the counts come back as a Summary.

    `extractor` (an `Extractor` already loaded) is used instead of loading one, when not parallel.
    """
    log = log or sys.stderr
    _check(cfg)
    summary = Summary()
    err_path = cfg.errors_path()
    summary.errors_file = str(err_path) if err_path else None
    if cfg.output_dir:
        sink: FileSink | DirSink = DirSink(Path(cfg.output_dir), cfg.fmt)
        exclude = [cfg.output_dir]
    else:
        out = None if cfg.output in (None, "-") else Path(cfg.output)
        sink = FileSink(out, cfg.fmt, cfg.resume)
        exclude = [p for p in (out, sink.staging) if p]
    errors = ErrorLog(err_path, cfg.resume)
    exclude += [str(err_path)] if err_path else []
    tasks = iter_tasks(cfg, sink.done, summary, sink if isinstance(sink, DirSink) else None, exclude)
    batches = _batches(tasks, cfg.batch_size)
    results = _parallel(cfg, batches) if cfg.parallel > 1 else _sequential(cfg, batches, extractor)
    return write_results(_outcomes(results), sink, errors, summary, log, _progress(not cfg.progress))


def _outcomes(results: Iterator[tuple[Task, Result]]) -> Iterator[Outcome]:
    """The engine's (task, result) pairs as outcomes; closing this closes the engine (its workers)."""
    try:
        for task, (row, reason, notes) in results:
            path = task.item.path if isinstance(task.item, ReadError) else task.item.source
            yield Outcome(path, row, reason, notes, unit=task.unit, rel=task.rel)
    finally:
        results.close()


def _progress(disable: bool):
    from tqdm import tqdm  # progress bar on stderr

    return tqdm(unit="doc", file=sys.stderr, disable=disable, dynamic_ncols=True)
