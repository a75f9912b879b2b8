"""The result loop that every engine shares: each outcome written or reported, counted, and closed cleanly.

The local engine (`batch.py`) and the Ray engine (`ray_engine.py`) differ in
how articles are read and extracted; what happens to each result is the same
and lives here: a record goes to the sink and its warnings to stderr, a
failure to stderr and the errors file, the counts to the `Summary`, and an
interruption (Ctrl-C) still closes the sink, so nothing written is lost.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass
class Summary:
    """Counts of one run: articles written, skipped as already written, failed."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    errors_file: str | None = None

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else 1 if self.failed else 0

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
    closed at the end, complete or not; Ctrl-C marks the summary interrupted instead of raising.
    """
    unit: str | None = None
    complete = False
    try:
        for o in outcomes:
            if sink is not None and o.unit != unit:
                sink.end()
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
                summary.done += 1
            if bar is not None:
                bar.update(1)
        complete = True
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
        if bar is not None:
            bar.close()
        if sink is not None:
            sink.close(complete)
        errors.close()
    return summary
