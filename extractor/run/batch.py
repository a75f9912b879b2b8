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

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from ..io.outputs import OutputLock, check_outputs, remove_stale
from ..io.readers import InputDoc, ReadError, iter_files, read_path
from ..io.sinks import SUFFIX, DirSink, ErrorLog, FileSink, read_keys, resume_key
from .results import Outcome, Summary, sigterm_as_interrupt, warn_unmatched, write_results
from .workers import Result, WorkerPool, extract_batch, load_extractor

FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


@dataclass
class BatchConfig:
    """What `anugerah extract` was asked to do."""

    inputs: list[str]
    output: str | None = None  # one file; None or "-" for stdout
    output_dir: str | None = None  # one file per input, mirroring the input tree
    fmt: str | None = None  # jsonl | csv | parquet; None: from the output's name (.csv, .parquet), else jsonl
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
    quiet: bool = False  # no progress, and no informational lines from the engine (Ray)

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
                if isinstance(item, InputDoc) and done and resume_key(item.source, item.doc_id) in done:
                    summary.skipped += 1
                    continue
                yield Task(str(f), rel, item)


def _merge(batch: list[Task], results: list[Result]) -> Iterator[tuple[Task, Result]]:
    it = iter(results)
    for t in batch:
        yield t, ((None, t.item.reason, []) if isinstance(t.item, ReadError) else next(it))


def _sequential(cfg: BatchConfig, batches: Iterable[list[Task]], ex) -> Iterator[tuple[Task, Result]]:
    for batch in batches:
        docs = [t.item for t in batch if isinstance(t.item, InputDoc)]
        yield from _merge(batch, extract_batch(ex, docs, cfg.spans) if docs else [])


def _parallel(cfg: BatchConfig, batches: Iterable[list[Task]], pool: WorkerPool) -> Iterator[tuple[Task, Result]]:
    """Batches out to the workers in a bounded window, results back in input order; the pool ends with it."""
    pending: deque = deque()

    def collect(entry) -> Iterator[tuple[Task, Result]]:
        batch, docs, job = entry
        yield from _merge(batch, pool.results(job, docs) if job is not None else [])

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


def prepare(cfg: BatchConfig) -> BatchConfig:
    """The config checked before anything is opened, its format resolved; a ValueError says what is wrong."""
    if cfg.output and cfg.output_dir:
        raise ValueError("give -o or --output-dir, not both")
    to_file = cfg.output not in (None, "-")
    implied = FORMAT_OF_SUFFIX.get(Path(cfg.output).suffix.lower()) if to_file else None
    fmt = cfg.fmt or implied or "jsonl"
    if fmt not in SUFFIX:
        raise ValueError(f"unknown format {fmt!r}: use jsonl, csv or parquet")
    if implied and implied != fmt:
        raise ValueError(f"-o {cfg.output} names a {implied} file but the format is {fmt}: "
                         f"drop --format, or give the output a .{fmt} name")
    for name, value in (("--parallel", cfg.parallel), ("--batch-size", cfg.batch_size), ("--threads", cfg.threads)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ValueError(f"{name} must be a whole number of 1 or more, not {value!r}")
    if cfg.resume and not cfg.output_dir and not to_file:
        raise ValueError("--resume needs an output file (-o) or --output-dir")
    if to_file and os.path.isdir(cfg.output):
        raise ValueError(f"-o {cfg.output} is a folder: give a file name, or use --output-dir for one file per input")
    if cfg.output_dir and os.path.exists(cfg.output_dir) and not os.path.isdir(cfg.output_dir):
        raise ValueError(f"--output-dir {cfg.output_dir} is a file, not a folder")
    if cfg.model and not cfg.rules_only and not (Path(cfg.model) / "config.json").is_file():
        raise FileNotFoundError(f"model folder {cfg.model} has no config.json")
    return replace(cfg, fmt=fmt)


def output_files(cfg: BatchConfig) -> list[Path]:
    """The files a run writes beside its inputs: the output, its Parquet staging file, the errors file."""
    files = [Path(cfg.output)] if cfg.output not in (None, "-") else []
    if files and cfg.fmt == "parquet":
        files.append(FileSink.staging_of(files[0]))
    err = cfg.errors_path()
    return files + ([err] if err else [])


def lock_output(cfg: BatchConfig, stack: ExitStack, log: TextIO) -> None:
    """Hold the output's lock for the run (none for stdout); say so when a killed run's lock is taken over."""
    if cfg.output_dir:
        lock = OutputLock(Path(cfg.output_dir), folder=True)
    elif cfg.output not in (None, "-"):
        lock = OutputLock(Path(cfg.output))
    else:
        return
    stack.enter_context(lock)
    if lock.stale:
        print(f"warning: {lock.output}: the last run on it (pid {lock.stale}) ended without releasing its lock "
              "(killed?); the lock is taken over", file=log)


def run_batch(cfg: BatchConfig, log: TextIO | None = None, extractor=None) -> Summary:
    """Run a batch; errors and warnings go to `log` (stderr), the counts come back as a Summary.

    `extractor` (an `Extractor` already loaded) is used instead of loading one, when not parallel.
    Everything that can be refused is checked before an output is opened: the options, outputs that
    would overwrite an input, another run on the same output (a lock), and loading the extractor.
    """
    log = log or sys.stderr
    cfg = prepare(cfg)
    check_outputs(cfg.inputs, output_files(cfg), Path(cfg.output_dir) if cfg.output_dir else None)
    with ExitStack() as stack:
        stack.enter_context(sigterm_as_interrupt())
        lock_output(cfg, stack, log)
        pool = None
        if cfg.parallel > 1:
            pool = WorkerPool(cfg.parallel, cfg.load_kwargs(), cfg.spans, log)
            stack.callback(pool.shutdown)
            pool.ready()
        elif extractor is None:
            extractor = load_extractor(cfg.load_kwargs())
        if cfg.output_dir:  # what a killed run left half-written; no other run writes here while we hold the lock
            remove_stale(Path(cfg.output_dir))
        elif cfg.output not in (None, "-"):
            remove_stale(Path(cfg.output).parent, names=[Path(cfg.output).name])
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
        results = _parallel(cfg, batches, pool) if pool else _sequential(cfg, batches, extractor)
        write_results(_outcomes(results), sink, errors, summary, log, _progress(not cfg.progress))
        warn_unmatched(summary, len(sink.done), cfg.output, log)
        return summary


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
