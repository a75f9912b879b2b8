"""Rank phrases: `Peringkat Ke-3`, `Juara I`, `terbaik kedua`, `posisi pertama` -> 3, 1, 2, 1.

Not ranks: `Harapan I` (an honourable mention), `ke-5 kalinya` and other
counts (`tiga kali berturut-turut`, `10 besar`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span

SOURCE = "rules.ranks.v1"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    lex = lexicons.load("ranks")
    heads = lexicons.alternation(lex["heads"])
    words = lexicons.alternation(list(lex["ordinals"]))
    roman = lexicons.alternation([r.upper() for r in lex["roman"]] + list(lex["roman"]))
    value = rf"(?:ke\s*-?\s*(?P<ke>\d{{1,3}})|(?P<num>\d{{1,3}})(?P<range>\s*[-–]\s*\d{{1,3}}(?!\d))?(?![\d.,]\d)|(?P<word>{words})|(?P<roman>{roman}))"
    phrases = lexicons.alternation(list(lex["phrases"]))
    # `juara umum II`, `juara umum kedua`: a place among the overall winners (not `juara umum dua kali`)
    places = lexicons.alternation([w for w in lex["ordinals"] if w.startswith("ke") or w == "pertama"])
    place = rf"(?:\s+(?:(?P<pword>{places})|(?P<proman>{roman})))?"
    # head and value on one line: `Daftar pemenang:\n1. A` numbers a list
    return re.compile(rf"\b(?:(?P<phrase>{phrases}){place}|(?P<head>{heads})[^\S\n]*(?:ke[^\S\n]+)?(?P<colon>:)?[^\S\n]*{value})"
                      rf"(?![\w-])", re.I)


@lru_cache(maxsize=1)
def count_words() -> str:
    """An alternation of the ordinals not written with `ke-` (lexicon `ranks.ordinals`: `satu`, `dua`, `pertama`): the
    words that count the names or trophies after them (`dua kota, yakni A dan B`, `Empat Trofi Top BUMD Awards`)."""
    return lexicons.alternation([w for w in lexicons.load("ranks")["ordinals"] if not w.startswith("ke")])


@lru_cache(maxsize=1)
def _non_rank_before() -> re.Pattern:
    """`Harapan I`, `Favorit 2`: a head word that makes the number no rank."""
    return re.compile(rf"\b{lexicons.alternation(lexicons.load('ranks')['non_rank_heads'])}\s*$", re.I)


@lru_cache(maxsize=1)
def mention_phrase() -> re.Pattern:
    """`juara harapan`, `pemenang favorit`: an honourable mention, which ends the reach of a place stated before."""
    lex = lexicons.load("ranks")
    return re.compile(rf"\b{lexicons.alternation(lex['mention_heads'])}\s+{lexicons.alternation(lex['non_rank_heads'])}\b", re.I)


@lru_cache(maxsize=1)
def _reference_tail() -> re.Pattern:
    return re.compile(rf"\s*{lexicons.alternation(lexicons.load('ranks')['reference_tails'])}", re.I)


def _reference(m: re.Match, text: str) -> bool:
    """`Undang-Undang Nomor 14 Tahun 2008`, `Keputusan Presiden Nomor 26/Tk/2019`: a document's number, no place."""
    return bool(m["head"] and m["num"] and lexicons.dotless(m["head"]) in lexicons.dotless_words("ranks", "reference_heads")
                and _reference_tail().match(text, m.end()))


def rank_value(phrase: str) -> int | None:
    """The rank number of a phrase, or None when it is no rank."""
    m = _pattern().search(phrase)
    return _value(m) if m else None


def _value(m: re.Match) -> int | None:
    lex = lexicons.load("ranks")
    if m["pword"]:
        return lex["ordinals"].get(m["pword"].lower())
    if m["proman"]:
        return lex["roman"].get(m["proman"].lower())
    if m["phrase"]:
        return lex["phrases"].get(" ".join(m["phrase"].lower().split()))
    if m["ke"]:
        return int(m["ke"])
    if m["num"]:
        return int(m["num"])
    if m["word"]:
        return lex["ordinals"].get(m["word"].lower())
    if m["roman"]:
        return lex["roman"].get(m["roman"].lower())
    return None


def find_ranks(text: str) -> list[Span]:
    """RANK spans with their value in `attrs['rank']`; counts and `Harapan` are skipped."""
    lex = lexicons.load("ranks")
    counts = tuple(lex["count_context"])
    out: list[Span] = []
    for m in _pattern().finditer(text):
        value = _value(m)
        if not value or value > 100:
            continue
        after = text[m.end():m.end() + 25].lower().lstrip(" ,")
        if after.startswith(counts) and not m["range"]:  # `rangking 4-10 berturut-turut` is no count
            continue
        before = text[max(0, m.start() - 12):m.start()].lower()
        if _non_rank_before().search(before):
            continue
        if _reference(m, text):
            continue
        if m["colon"] and m["num"] and re.match(r"[.)][^\S\n]", text[m.end():m.end() + 2]):
            continue  # `Pemenang: 1. Kota A 2. Kota B`: the number marks a list item, no place
        # `terbaik 1` inside `10 besar terbaik`... keep; `peringkat` followed by a year is no rank
        if m["num"] and len(m["num"]) >= 3:
            continue
        out.append(Span.of(text, m.start(), m.end(), "RANK", SOURCE, 1.0, rank=value))
    return out
