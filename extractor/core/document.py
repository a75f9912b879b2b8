"""The article as the rules see it: text, lines, which lines are noise, where the body starts.

Real pages carry menus, "Baca juga" links, captions and bylines; marking
those lines once here keeps every rule from inventing officials out of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..core import lexicons

# a dateline: the place (and the news agency) before the dash that opens a report: `Batam (ANTARA) - `,
# `JAKARTA, Warta -`, `CIBINONG (Panjimas.com) –`, `Tangerang Selatan – ...`, `Semarang, Jurnal1jambi.com- ...`
DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})[^\S\n]*(?:[,(][^\n]{0,40}?)?[-–—]+\s", re.M)
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“A-Z0-9])|\n\s*\n|\n(?=\s*(?:\d+[.)]|[-•*])\s)")


@dataclass
class Line:
    start: int
    end: int
    text: str
    noise: bool = False
    header: bool = False


@dataclass
class Document:
    """One article: the original text plus the metadata a reader found."""

    text: str
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def lines(self) -> list[Line]:
        out: list[Line] = []
        pos = 0
        for raw in self.text.split("\n"):
            out.append(Line(pos, pos + len(raw), raw))
            pos += len(raw) + 1
        _mark_noise(out)
        return out

    @cached_property
    def noise_mask(self) -> list[tuple[int, int]]:
        return [(ln.start, ln.end) for ln in self.lines if ln.noise]

    def in_noise(self, start: int, end: int | None = None) -> bool:
        """True when the offset (or range) lies in a noise line."""
        end = start if end is None else end
        return any(s <= start and end <= e + 1 for s, e in self.noise_mask)

    @cached_property
    def body_start(self) -> int:
        """Offset where the article body begins: the first line of running prose."""
        for ln in self.lines:
            t = ln.text.strip()
            if not ln.noise and len(t) >= 120 and t.count(" ") >= 15:
                return ln.start
        return 0

    @cached_property
    def dateline(self) -> tuple[int, int] | None:
        """(start, end) of the dateline that opens the body, up to its dash: no part of the first sentence's text."""
        m = DATELINE.match(self.text, self.body_start)
        return (m.start("city"), m.end()) if m else None

    def sentences(self) -> list[tuple[int, int]]:
        """Sentence ranges (start, end) over the whole text, noise lines included (computed once)."""
        return self._sentences

    @cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        out = []
        for ln in self.lines:
            if not ln.text.strip():
                continue
            pos = ln.start
            for m in _SENT_END.finditer(ln.text):
                if _abbreviation_before(ln.text, m.start()):
                    continue  # `Bupati Sleman Dra. Hj. Kustini`, `M. Ridwan Kamil`: no sentence ends here
                end = ln.start + m.start()
                if end > pos:
                    out.append((pos, end))
                pos = ln.start + m.end()
            if ln.end > pos:
                out.append((pos, ln.end))
        return out

    def line_at(self, offset: int) -> Line:
        for ln in self.lines:
            if ln.start <= offset <= ln.end:
                return ln
        return self.lines[-1]


def _abbreviation_before(text: str, end: int) -> bool:
    """Does the full stop that ends at `end` close an honorific, a degree or an initial rather than a sentence?"""
    if end == 0 or text[end - 1] != ".":
        return False
    word = re.search(r"[\w.]+$", text[:end])
    if word is None:
        return False
    w = word.group()
    initial = re.fullmatch(r"[A-HJ-UWYZ]\.", w) is not None  # `M. Ridwan`, not a roman numeral (`Juara I.`)
    key = lexicons.dotless(w)
    return (initial or key in lexicons.dotless_words("degrees", "honorifics")
            or key in lexicons.dotless_words("degrees", "name_abbreviations")
            or key in lexicons.dotless_words("degrees", "degrees") or re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.){2,}", w) is not None)


BULLETS = "-•*–·▪►"  # the marks that open a bulleted line (here and in the structure reader's list items)
_BULLET = re.compile(rf"[{re.escape(BULLETS)}]\s*\S")


def _mark_noise(lines: list[Line]) -> None:
    lex = lexicons.load("noise")
    starts = re.compile(r"^\s*[\[(]?\s*(?:" + "|".join(lex["line_starts"]) + ")", re.I)
    contains = re.compile("|".join(lex["line_contains"]), re.I)
    under_noise = False
    for ln in lines:
        t = ln.text.strip()
        if not t:
            continue
        if starts.match(t) or contains.search(t):
            ln.noise = True
        elif len(t) < 40 and t.count("|") >= 2:
            ln.noise = True  # breadcrumb / menu
        elif under_noise and _BULLET.match(t):
            ln.noise = True  # the bulleted stories under `BERITA TERKAIT`, the tags under `Tags:`
        under_noise = ln.noise
