"""A light tokenizer with offsets and the word classes the rules share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicons

TOKEN_RE = re.compile(r"[(),;:/\"“”]|[^\s(),;:/\"“”]+")


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]


def is_cap(word: str) -> bool:
    """Capitalised or an acronym: `Bekasi`, `BPK`, `KemenPPPA`, `d'Almeida`, `3T` (not `dan`)."""
    w = word.lstrip("'‘’\"“")
    return bool(w) and (w[0].isupper() or (w[0].isdigit() and any(c.isupper() for c in w)))


def is_acronym(word: str) -> bool:
    """All or nearly all capitals (`BPK`, `DPPKBP3A`, `KemenPPPA`), not dotted initials (`H.W.`)."""
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):
        return False
    w = word.strip(".")
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(lexicons.load("stopwords")["words"])


@lru_cache(maxsize=1)
def complement_words() -> frozenset[str]:
    return frozenset(lexicons.load("titles")["complement_words"])


@lru_cache(maxsize=1)
def company_tails() -> frozenset[str]:
    """`Tbk`, `Persero`: words that end a company's name (and whose dot ends no sentence)."""
    return frozenset(lexicons.load("agencies")["company_tails"])


@lru_cache(maxsize=1)
def agency_acronyms() -> frozenset[str]:
    """Agency acronyms as written (lexicon `agencies.acronyms`): `Kemendikbudristek`, `KLHK`."""
    return frozenset(lexicons.load("agencies")["acronyms"])


def common_words(text: str) -> frozenset[str]:
    """Words this text also writes in lower case mid-sentence: such words are not names."""
    return frozenset(m.group() for m in re.finditer(r"(?<=[a-z,] )[a-z][a-z-]{2,}", text))


@lru_cache(maxsize=1)
def win_verbs() -> frozenset[str]:
    """Verbs that report a win (`meraih`, `Raih`): a name never runs through one."""
    return frozenset(v.lower() for v in lexicons.load("awards")["win_verbs"] if " " not in v)
