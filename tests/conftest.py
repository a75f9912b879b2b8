from __future__ import annotations

from pathlib import Path

import pytest

from extractor import Extractor
from extractor.spans import Span

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


class FakeTagger:
    """Returns spans given as (surface, label) pairs: lets linker tests run without weights."""

    name = "fake"

    def __init__(self, marks: list[tuple[str, str]], source: str = "fake"):
        self.marks = marks
        self.source = source

    def tag(self, doc):
        out, pos = [], 0
        for surface, label in self.marks:
            start = doc.text.index(surface, pos)
            out.append(Span(start, start + len(surface), surface, label, self.source, 0.99))
            pos = start + len(surface)
        return out


@pytest.fixture(scope="session")
def rules() -> Extractor:
    return Extractor.load(rules_only=True)
