"""Award spans trimmed to the award's own name: what a headline or a lead wraps around it is no part of it.

`PERHELATAN Top CSR Awards 2022`, `Daftar Lengkap Penerima Bencoolen Pos Awards 2024`, `Kemenkes Anugerahkan STBM Award
2023`, `Terbaik II Paritrana Award 2023`: a tagger reads the whole run of capitalised words as the award's name; no gold
record writes those openings (frame words, a headline's giver and verb, a rank, a count).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from ..normalize.ranks import count_words, find_ranks
from .common import award_filler


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A frame that opens the span; a headline verb inside it; an award head or tail word; a count word before a head
    (lexicon `awards.frame_words`, `awards.headline_verbs`, `awards.heads`, `awards.tails`, `ranks.ordinals`)."""
    lex = lexicons.load("awards")
    frame = re.compile(rf"{lexicons.alternation(lex['frame_words'] + lex['lead_in_openers'])}[^\S\n]+", re.I)
    verb = re.compile(rf"(?<![\w-]){lexicons.alternation(lex['headline_verbs'])}[^\S\n]+", re.I)
    head = re.compile(rf"(?<![\w-]){lexicons.alternation(lex['heads'] + lex['tails'])}(?![\w-])", re.I)
    count = re.compile(rf"(?:{count_words()}|\d+)[^\S\n]+(?={head.pattern})", re.I)
    return frame, verb, head, count


def _cut(s: Span, offset: int) -> Span:
    """`s` from `offset` (into its text) on."""
    return Span(s.start + offset, s.end, s.text[offset:], s.label, s.source, s.score, dict(s.attrs))


def award_edges(s: Span) -> Span | None:
    """An AWARD span without the frame, headline giver and verb, rank or count that opens it; unchanged where nothing
    named would be left after a verb, a rank or a count (the rest must hold an award's head or tail); None where a
    frame or a clause opener stands before nothing but heads and tails (`Kemudian Award`, `Acara Penghargaan`)."""
    frame, verb, head, count = _patterns()
    text = s.text
    pos = 0
    m = frame.match(text)
    if m:
        if not _names(text[m.end():]):
            return None
        pos = m.end()
    for v in verb.finditer(text, pos):
        if head.search(text, v.end()):
            pos = v.end()  # `Kemenkes Anugerahkan STBM Award 2023`
            m = frame.match(text, pos)  # `Kemendagri Umumkan Pemenang IGA 2025`
            pos = m.end() if m and _names(text[m.end():]) else pos
    ranks = [r for r in find_ranks(text[pos:]) if head.search(text, pos + r.end)]
    if ranks:  # `Terbaik II Paritrana Award 2023`, `Pemprov X Terbaik Kedua TPID Award 2024`: the rank is the entry's
        pos += ranks[-1].end
        pos += len(text[pos:]) - len(text[pos:].lstrip(" ,-–"))
    m = count.match(text, pos)
    if m:
        pos = m.end()
    return _cut(s, pos) if pos and _names(text[pos:]) else s


def _names(rest: str) -> bool:
    """Whether `rest` holds a word that names something: not only an award's heads and tails, years and numbers."""
    return any(w.lower() not in award_filler() for w in re.findall(r"[^\W\d_][\w'-]*", rest))
