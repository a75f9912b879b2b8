"""Spans, the currency of the pipeline: a labelled stretch of the original text.

Every finding (a date, a title, an agency) is a Span with character offsets
into the original text, its label, its source (`model` or the rule's name)
and a score. `check_spans` asserts the offsets wherever spans cross a module
boundary.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

LABELS = ("PER", "TITLE", "ORG", "LOC", "VENUE", "AWARD", "CAT", "RANK", "PROG", "DATE")

@dataclass(frozen=True)
class Span:
    """A labelled character range of the original text."""

    start: int
    end: int
    text: str
    label: str
    source: str
    score: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end} for {self.text!r}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}:{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int, label: str, source: str, score: float = 1.0, **attrs: Any) -> "Span":
        """Make a span from offsets into `text`, trimming surrounding spaces."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start, end, text[start:end], label, source, score, dict(attrs))

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
               "source": self.source, "score": round(float(self.score), 4)}
        return out


def check_spans(text: str, spans: Iterable[Span]) -> None:
    """Raise AssertionError if any span's text is not `text[start:end]`."""
    for s in spans:
        if text[s.start:s.end] != s.text:
            raise AssertionError(f"span {s.label} {s.start}:{s.end} {s.text!r} != {text[s.start:s.end]!r}")


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Drop overlapping spans of the same label family, keeping the best one.

    Policy (documented in README): within one label, a rule span wins over an
    overlapping model span (rules are precise where they fire and carry
    normalised values; the model adds what they miss); between spans of the
    same kind, the longer wins, then the higher score, then the earlier one.
    Spans of different labels may overlap (a TITLE may contain an ORG); the
    linker decides between them.
    """
    def rank(s: Span) -> tuple:
        return (s.source != "model", s.end - s.start, s.score, -s.start)

    by_label: dict[str, list[Span]] = {}
    for s in spans:
        by_label.setdefault(s.label, []).append(s)
    kept: list[Span] = []
    for group in by_label.values():
        chosen: list[Span] = []
        for s in sorted(group, key=rank, reverse=True):
            if not any(s.overlaps(c) for c in chosen):
                chosen.append(s)
        kept.extend(chosen)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.label))
