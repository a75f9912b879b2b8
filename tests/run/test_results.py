"""The shared result loop: an interruption never leaves a record written but not counted."""
from __future__ import annotations

import io
import os
import signal

import pytest

from extractor.run.results import Outcome, Summary, sigterm_as_interrupt, write_results

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")


@pytest.fixture(autouse=True)
def python_handles_ctrl_c():
    """Ctrl-C as in a terminal: Python's own handler. A shell starts its background jobs with SIGINT ignored, and the
    loop rightly leaves an ignored Ctrl-C ignored, so these tests set the handler they are about."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


class Sink:
    """Keeps rows in memory; `write` can signal this very process after keeping the n-th row."""

    whole_files = False

    def __init__(self, at: int | None = None, signals: tuple[int, ...] = ()):
        self.rows: list[dict] = []
        self.at, self.signals, self.finished, self.closed = at, signals, 0, None

    def begin(self, unit, rel):
        pass

    def end(self):
        pass

    def output_of(self, rel):
        return None

    def write(self, row):
        self.rows.append(row)
        if len(self.rows) == self.at:
            for sig in self.signals:
                os.kill(os.getpid(), sig)
        self.finished += 1

    def close(self, complete):
        self.closed = complete


class Errors:
    def add(self, *args):
        pass

    def close(self):
        pass


def run(sink: Sink, n: int = 5) -> Summary:
    outcomes = (Outcome(f"a{i}.txt", row={"doc_id": f"a{i}"}, unit="in") for i in range(n))
    with sigterm_as_interrupt():
        return write_results(outcomes, sink, Errors(), Summary(), io.StringIO())


@pytest.mark.parametrize("sig,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_while_writing_counts_the_record_it_wrote(sig, code):
    sink = Sink(at=3, signals=(sig,))
    summary = run(sink)
    assert summary.interrupted and summary.exit_code == code
    assert summary.done == len(sink.rows) == sink.finished == 3 and sink.closed is False


def test_a_second_ctrl_c_cuts_a_held_write():
    sink = Sink(at=2, signals=(signal.SIGINT, signal.SIGINT))
    summary = run(sink)
    assert summary.interrupted and sink.finished == 1, "the second Ctrl-C ends the write it arrived in"


def test_handlers_are_restored_and_nothing_stays_held():
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    summary = run(Sink(at=1, signals=(signal.SIGTERM,)))
    assert summary.terminated
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
    assert run(Sink()).done == 5 and not run(Sink()).interrupted
