"""Spans, the currency of the pipeline: a labelled stretch of the original text.

Every finding (a date, a title, an agency) is a Span with character offsets
into the original text, its label, its source (`model` or the rule's name)
and a score. `check_spans` asserts the offsets wherever spans cross a module
boundary.
"""
from __future__ import annotations

import re
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


@dataclass(frozen=True)
class MergePolicy:
    """How rule and model spans are merged (the model card's `merge` settings override the defaults).

    `veto`: a model span of at least this score contradicts a rule span of another label that it
    overlaps without the two nesting the way labels nest (a rule PER inside a model TITLE; an ORG whose
    edge cuts a model span): the rule span is dropped. `model_longer`: within one label, a confident
    model span that contains a shorter rule span replaces it (the rule stopped early). `title_veto`: a
    model TITLE of at least this score drops a rule PER inside it where the model reads no PER (`Menteri
    Pertambangan dan Energi`: the words after a title head are its portfolio, no name), and a model PER of
    at least this score drops a rule PER right before it (`Manajer Muri, Sri Widayanti`). Labels in
    `nests` may sit inside spans of the labels they map to (a region inside a title) without a veto.
    """

    veto: float = 1.01  # above any score: no veto (the rules-only extractor, and models without a setting)
    model_longer: float = 1.01
    title_veto: float = 1.01
    nests: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("LOC", ("TITLE", "ORG", "VENUE", "AWARD", "CAT", "PROG")), ("ORG", ("TITLE", "VENUE", "AWARD", "PROG", "CAT")),
        ("DATE", ()), ("RANK", ("CAT", "AWARD")), ("PER", ("VENUE",)), ("TITLE", ("VENUE",)), ("CAT", ("AWARD",)), ("AWARD", ("CAT",)), ("PROG", ("AWARD", "CAT")))

    @classmethod
    def from_card(cls, card: dict | None) -> "MergePolicy":
        merge = (card or {}).get("merge") or {}
        return cls(**{k: float(merge.get(k, getattr(cls, k))) for k in ("veto", "model_longer", "title_veto")})

    def may_nest(self, inner: str, outer: str) -> bool:
        return outer in dict(self.nests).get(inner, ())


def _vetoed(s: Span, models: list[Span], policy: MergePolicy) -> bool:
    """True when a confident model span of another label contradicts the rule span `s` (`MergePolicy`)."""
    # a rule name where the model reads none: inside the model's title, or right before the model's own name
    # (`Manajer Muri, Sri Widayanti`: the rule's name is the body of the title before the model's)
    unnamed = s.label == "PER" and not any(p.label == "PER" and p.overlaps(s) for p in models)
    for m in models:
        if unnamed and m.score >= policy.title_veto and (
                m.label == "TITLE" and m.contains(s) or m.label == "PER" and 0 < m.start - s.end <= 3):
            return True
        if m.label == s.label or m.score < policy.veto or not m.overlaps(s):
            continue
        if m.contains(s) and policy.may_nest(s.label, m.label):
            continue
        if s.contains(m) and (policy.may_nest(m.label, s.label) or m.label == "PER" and s.attrs.get("named_after")):
            continue  # (a rule ORG named after a person, `RSUD dr Zainoel Abidin`, holds the model's PER)
        return True
    return False


_NUMERAL = re.compile(r"[IVX]{1,4}|\d{1,3}")


def _name_number(m: Span, spans: list[Span]) -> bool:
    """Is the model RANK `m` only the number that ends a rule's name (`Puskesmas Depok II`, `SMPN 2`)?"""
    return m.label == "RANK" and m.source == "model" and bool(_NUMERAL.fullmatch(m.text)) and any(
        s.label == "ORG" and s.source != "model" and s.start < m.start and s.end == m.end for s in spans)


def resolve(spans: Iterable[Span], policy: MergePolicy | None = None) -> list[Span]:
    """Drop contradicted rule spans, then overlapping spans of the same label, keeping the best one.

    Policy (documented in README): a confident model span vetoes a rule span it contradicts (see
    MergePolicy); within one label, a rule span wins over an overlapping model span (rules are precise
    where they fire and carry normalised values; the model adds what they miss), unless a confident
    model span contains it; between spans of the same kind, the longer wins, then the higher score,
    then the earlier one. Spans of different labels may overlap (a TITLE may contain an ORG); the
    linker decides between them.
    """
    policy = policy or MergePolicy()
    spans = list(spans)
    spans = [s for s in spans if not _name_number(s, spans)]  # `Juara I: Puskesmas Depok II`: a name's number
    models = [s for s in spans if s.source == "model"]
    if models and min(policy.veto, policy.title_veto) <= 1.0:
        spans = [s for s in spans if s.source == "model" or not _vetoed(s, models, policy)]

    def rank(s: Span) -> tuple:
        return (s.source != "model", s.end - s.start, s.score, -s.start)

    by_label: dict[str, list[Span]] = {}
    for s in spans:
        by_label.setdefault(s.label, []).append(s)
    kept: list[Span] = []
    for group in by_label.values():
        if policy.model_longer <= 1.0:  # a confident longer model span replaces the rule span it contains
            longer = [m for m in group if m.source == "model" and m.score >= policy.model_longer]
            group = [s for s in group if s.source == "model"
                     or not any(m.contains(s) and (m.start, m.end) != (s.start, s.end) for m in longer)]
        chosen: list[Span] = []
        for s in sorted(group, key=rank, reverse=True):
            if not any(s.overlaps(c) for c in chosen):
                chosen.append(s)
        kept.extend(chosen)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.label))
