"""Records written to stdout while a progress bar runs on stderr (one terminal) land on lines of their own."""
from __future__ import annotations

import io
import sys

from tqdm import tqdm

from extractor.io.sinks import LineFile


def test_a_record_line_is_not_written_through_the_progress_bar(monkeypatch):
    terminal = io.StringIO()  # stdout and stderr on the same terminal
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = tqdm(unit="doc", file=sys.stderr, mininterval=0)
    bar.update(1)
    LineFile(None, append=False).write('{"doc_id": "a1"}\n')
    bar.update(1)
    bar.close()
    shown = terminal.getvalue()
    assert "1doc" in shown.replace(" ", ""), "the bar was drawn before the record"
    record_line = next(line for line in shown.split("\n") if '"a1"' in line)
    assert record_line.split("\r")[-1] == '{"doc_id": "a1"}', "the bar was cleared before the record was written"
