"""The result loop that every engine shares: each outcome written or reported, counted, and closed cleanly.

The local engine (`batch.py`) and the Ray engine (`ray_engine.py`) differ in
how articles are read and extracted; what happens to each result is the same
and lives here: a record goes to the sink and its warnings to stderr, a
failure to stderr and the errors file, the counts to the `Summary`, and an
interruption (Ctrl-C) still closes the sink, so nothing written is lost.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO


class Terminated(KeyboardInterrupt):
    """SIGTERM (`timeout`, `docker stop`, systemd), raised like Ctrl-C so the run ends just as cleanly."""


class _Held:
    """An interruption that arrived while one article was being written and counted, raised once it is."""

    depth = 0
    pending: KeyboardInterrupt | None = None


@contextmanager
def one_step() -> Iterator[None]:
    """Write and count one article as one step: Ctrl-C or SIGTERM within it takes effect right after.

    Without this, an interruption between writing a record and counting it leaves a record
    written but not counted, and the summary (and `--resume`) disagree with the output.
    A second Ctrl-C while one is held is not held: a write that blocks can still be cut.
    """
    _Held.depth += 1
    try:
        yield
    finally:
        _Held.depth -= 1
    if _Held.depth == 0 and _Held.pending is not None:
        exc, _Held.pending = _Held.pending, None
        raise exc


def _interrupt(exc: KeyboardInterrupt) -> None:
    """Raise `exc` now, or hold it until the step under way ends."""
    if _Held.depth and _Held.pending is None:
        _Held.pending = exc
        return
    raise exc


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within this block SIGTERM raises `Terminated` in the main thread; a second one does not cut the cleanup.

    Ctrl-C and SIGTERM both wait for the article being written (`one_step`) to be counted.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _interrupt(Terminated())

    def ctrl_c(signum, frame):
        _interrupt(KeyboardInterrupt())

    old = signal.signal(signal.SIGTERM, stop)
    old_int = None  # Ctrl-C is taken over only where Python's own handler has it (not where it is ignored)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        old_int = signal.signal(signal.SIGINT, ctrl_c)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)
        if old_int is not None:
            signal.signal(signal.SIGINT, old_int)
        _Held.pending = None


@dataclass
class Summary:
    """Counts of one run: articles written, skipped as already written, failed."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    terminated: bool = False  # the interruption was SIGTERM, not Ctrl-C
    errors_file: str | None = None

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 128 + (signal.SIGTERM if self.terminated else signal.SIGINT)
        return 1 if self.failed else 0

    def line(self) -> str:
        s = f"{self.done} done, {self.skipped} skipped (already written), {self.failed} failed"
        if self.failed and self.errors_file:
            s += f"; failures listed in {self.errors_file}"
        if self.interrupted:
            s += "; interrupted: rerun with --resume to finish"
        return s


@dataclass
class Outcome:
    """What became of one article, or of one input that could not be read."""

    path: str  # the article's source (a file, `file:line`), or the unreadable input
    row: dict[str, Any] | None = None  # the record to write; None when it failed
    reason: str | None = None  # why it failed
    notes: list[str] = field(default_factory=list)  # warnings to show on stderr
    unit: str | None = None  # the input file it came from (the errors file's `input`); default `path`
    rel: str | None = None  # its output name under --output-dir


def write_results(outcomes: Iterable[Outcome], sink, errors, summary: Summary, log: TextIO, bar=None) -> Summary:
    """Write each outcome: records into `sink` (None: only counted), failures into `errors` and `log`.

    `sink` is told when the input file changes (`begin`/`end`, for one output file per input) and is
    closed at the end, complete or not; Ctrl-C or SIGTERM marks the summary interrupted instead of
    raising. A sink that writes whole files (`whole_files`) only counts an article as done once its
    file is in place: the articles of a file dropped by an interruption are not.
    """
    unit: str | None = None
    complete = False
    held = 0  # articles written into a file not yet in place
    whole = getattr(sink, "whole_files", False)
    try:
        for o in outcomes:
            with one_step():
                if sink is not None and o.unit != unit:
                    sink.end()
                    summary.done, held = summary.done + held, 0
                    sink.begin(o.unit, o.rel)
                    unit = o.unit
                if o.reason is not None:
                    summary.failed += 1
                    print(f"error: {o.path}: {o.reason}", file=log)
                    output = sink.output_of(o.rel) if sink is not None else None
                    errors.add(o.path, o.reason, o.unit or o.path, output)
                else:
                    for note in o.notes:
                        print(f"warning: {o.path}: {note}", file=log)
                    if sink is not None:
                        sink.write(o.row)
                    if whole:
                        held += 1
                    else:
                        summary.done += 1
                if bar is not None:
                    bar.update(1)
        complete = True
    except KeyboardInterrupt as exc:
        summary.interrupted, summary.terminated = True, isinstance(exc, Terminated)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
        if bar is not None:
            bar.close()
        if sink is not None:
            sink.close(complete)
            if complete:
                summary.done += held
        errors.close()
    return summary


def warn_unmatched(summary: Summary, written: int, output: str | None, log: TextIO) -> None:
    """Say so when --resume found records in the output but none of them among the inputs."""
    if written and not summary.skipped:
        print(f"warning: --resume: none of the {written} records already in {output} matched these inputs "
              "(other inputs, or moved files?): they are kept, and every input was extracted again", file=log)
