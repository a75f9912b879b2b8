"""Helpers the field linkers share."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from ..normalize.dates import year_tail


@lru_cache(maxsize=1)
def category_label() -> re.Pattern:
    """A category's label (lexicon `awards.category_labels`) where its text starts, with the blanks after it:
    `Kategori ` of `Kategori Kota Sedang`."""
    return lexicons.words("awards", "category_labels", end=r"\s+(?=\S)")


@lru_cache(maxsize=1)
def _acronym_skips() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load("agencies")["acronym_skip_words"])


def spells(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` is the starts of `words` in order, each word giving one letter or more and a small word
    (`dan`, `di`: lexicon `agencies.acronym_skip_words`) maybe none: `KLHK`, `Bappeda`, `Pemkab`, `JKN`."""
    skip = _acronym_skips()

    def go(acr: str, ws: list[str]) -> bool:
        if not ws:
            return not acr
        w = ws[0]
        if w in skip and go(acr, ws[1:]):
            return True
        n = 1
        while n <= min(len(w), len(acr)) and w[:n] == acr[:n]:
            if go(acr[n:], ws[1:]):
                return True
            n += 1
        return False

    return go(acronym.lower().replace("-", ""), [w.lower() for w in words])


def norm(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.lower()))


def clean(text: str) -> str:
    """A surface form for the record: spaces collapsed, edge punctuation and quotes off."""
    return " ".join(text.split()).strip(" ,.;:-–—\"“”")


@lru_cache(maxsize=1)
def _award_acronym() -> tuple[re.Pattern, dict[str, str]]:
    """A name that is only a known award's acronym, with a head and `Award(s)` around it (`Penghargaan IGA`,
    `API Awards`); and the full name of each such acronym (lexicon `awards.known`)."""
    lex = lexicons.load("awards")
    full = {a: e["name"] for e in lex["known"] for a in e["aliases"]
            if re.fullmatch(r"[A-Z]{2,8}", a) and a.lower() not in e["name"].lower().split()}
    heads = lexicons.alternation(lex["heads"])
    pattern = re.compile(rf"(?:{heads}\s+)?(?P<acronym>(?-i:{lexicons.alternation(list(full))}))(?:\s+Awards?)?", re.I)
    return pattern, {a.lower(): n for a, n in full.items()}


def award_name(text: str) -> str:
    """The award's name for the record: as written, but a known award's bare acronym spelt out with the acronym kept
    (`IGA 2024` -> `Innovative Government Award (IGA) 2024`), so both ways of naming it match."""
    name = clean(text)
    body = year_tail().sub("", name)  # the edition stays as written
    pattern, full = _award_acronym()
    m = pattern.fullmatch(body)
    if m is None:
        return name
    return f"{full[m['acronym'].lower()]} ({m['acronym'].upper()}){name[len(body):]}"


def year_in(text: str) -> int | None:
    """The first plausible year written in `text` (an award's edition)."""
    m = re.search(r"\b(19[89]\d|20[0-4]\d)\b", text)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=1)
def list_joins() -> str:
    """The words that join the members of a list (`A, B dan C`; lexicon awards.list_joins) as an alternation."""
    return lexicons.alternation(lexicons.load("awards")["list_joins"])


@lru_cache(maxsize=1)
def _join_split() -> re.Pattern:
    return re.compile(rf"\s+{list_joins()}\s+")


def split_list(s: Span, same_head: bool = False) -> list[Span]:
    """A span that holds a list (`DPRD Kota A, DPRD Kota B dan DPRD Kota C`) as one mention per name.

    Only a span with a comma is split (`Dinas Kebersihan dan Pertamanan` is one name), or one whose names after `dan`
    start with its own first word (`PT Pupuk Indonesia dan PT Pupuk Kaltim`, `Polres Batu dan Polres Malang`).
    `same_head`: split only where every name starts with the first one's word (`Kementerian Desa, Pembangunan Daerah
    Tertinggal, dan Transmigrasi` is one ministry)."""
    if "," not in s.text and ";" not in s.text:
        parts = _join_split().split(s.text)
        head = s.text.split()[0]
        if len(parts) < 2 or not head[:1].isupper() or not all(p.split()[:1] == [head] and len(p.split()) > 1 for p in parts):
            return [s]
    parts = [m for m in re.finditer(r"[^,;]+", s.text)]
    pieces: list[tuple[int, int]] = []
    for m in parts:
        sub = _join_split().split(m.group())
        pos = m.start()
        for x in sub:
            k = s.text.index(x, pos)
            pieces.append((k, k + len(x)))
            pos = k + len(x)
    names = [(a + len(s.text[a:b]) - len(s.text[a:b].lstrip()), b - (len(s.text[a:b]) - len(s.text[a:b].rstrip()))) for a, b in pieces]
    names = [(a, b) for a, b in names if b > a]
    if len(names) < 2 or not all(s.text[a].isupper() and len(s.text[a:b].split()) <= 6 for a, b in names):
        return [s]
    if same_head and len({s.text[a:b].split()[0] for a, b in names}) > 1:
        return [s]
    return [Span(s.start + a, s.start + b, s.text[a:b], s.label, s.source, s.score) for a, b in names]
