"""Worker processes for `--parallel N`: each loads the extractor once; none outlives the run.

A worker that cannot load the extractor (an unknown device, a broken model
folder) reports why (`LoadError`) instead of dying, so the run stops with that
reason before any output is opened, rather than replacing workers forever. A
worker that dies (a crash, out of memory) is replaced, with a line on stderr,
and its articles are retried one by one. Every worker dies with the process
that started it (PR_SET_PDEATHSIG on Linux, a watchdog thread elsewhere), so a
killed run leaves no process holding memory or the caller's pipes.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO

from ..io.readers import InputDoc

Result = tuple[dict[str, Any] | None, str | None, list[str]]  # (row, error reason, warnings to show)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class LoadError(ValueError):
    """A worker could not load the extractor (the message says why)."""


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


def load_extractor(kwargs: dict[str, Any]):
    """`Extractor.load` with the run's settings; whatever stops it is a LoadError saying why."""
    from ..pipeline import Extractor

    kwargs = dict(kwargs)
    try:
        return Extractor.load(kwargs.pop("model"), **kwargs)
    except Exception as exc:  # noqa: BLE001 - a bad device, backend or model folder: one clear line, exit 2
        raise LoadError(f"cannot load the extractor: {exc}") from exc


def die_with_parent(parent: int) -> None:
    """End this process as soon as `parent` dies: the kernel's parent-death signal, else a watchdog thread."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError, TypeError):  # not Linux: poll instead
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="parent-watchdog").start()
    if os.getppid() != parent:  # it died before the signal was set up
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


_WORKER: Any = None
_LOAD_ERROR: str | None = None


def _init_worker(kwargs: dict[str, Any], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    global _WORKER, _LOAD_ERROR
    try:
        _WORKER = load_extractor(kwargs)
    except LoadError as exc:  # reported to the parent by every call
        _LOAD_ERROR = str(exc)


def _ready() -> None:
    if _LOAD_ERROR is not None:
        raise LoadError(_LOAD_ERROR)


def _work(docs: list[InputDoc], spans: bool) -> list[Result]:
    _ready()
    return extract_batch(_WORKER, docs, spans)


class WorkerPool:
    """A process pool that is replaced when a worker dies (crash, out of memory)."""

    def __init__(self, size: int, load_kwargs: dict[str, Any], spans: bool = True, log: TextIO | None = None):
        self.size, self.load_kwargs, self.spans = size, load_kwargs, spans
        self.log = log or sys.stderr
        self.gen = 0
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.size, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                                   initargs=(self.load_kwargs, os.getpid()))

    def ready(self) -> "WorkerPool":
        """Wait until a worker has loaded the extractor; LoadError (a ValueError) says why it could not."""
        try:
            self.pool.submit(_ready).result()
        except BrokenProcessPool as exc:
            raise LoadError(f"worker process died while loading the extractor ({exc})") from None
        return self

    def restart(self, gen: int) -> None:
        if gen == self.gen:  # not yet replaced since that future was submitted
            print("warning: a worker process died (crash or out of memory): a new one replaces it",
                  file=self.log)
            self.shutdown()
            self.pool, self.gen = self._start(), self.gen + 1

    def submit(self, docs: list[InputDoc]) -> tuple[int, Future]:
        return self.gen, self.pool.submit(_work, docs, self.spans)

    def results(self, job: tuple[int, Future], docs: list[InputDoc]) -> list[Result]:
        """The rows of a submitted batch; when its worker died, the batch again one article at a time."""
        gen, fut = job
        try:
            return fut.result()
        except BrokenProcessPool:
            self.restart(gen)
            return self.one_by_one(docs)

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
