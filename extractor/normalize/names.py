"""Person names: strip degrees and honorifics (`Dr. H. Arif Santoso, S.H., M.Si.` -> `Arif Santoso`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons


_key = lexicons.dotless


def _tables() -> tuple[frozenset, frozenset, frozenset]:
    return (lexicons.dotless_words("degrees", "honorifics"), lexicons.dotless_words("degrees", "degrees"),
            lexicons.dotless_words("degrees", "name_particles_kept"))


def is_honorific(token: str) -> bool:
    honor, _, kept = _tables()
    k = _key(token)
    return k in honor and k not in kept


def is_degree(token: str) -> bool:
    return _key(token) in _tables()[1]


@lru_cache(maxsize=1)
def rank_pattern() -> re.Pattern:
    """A police or military rank, a whole word or words (lexicon `titles.ranks`): it stands before a name and is no
    part of it."""
    return re.compile(rf"{lexicons.alternation(lexicons.load('titles')['ranks'])}(?![\w-])")


@lru_cache(maxsize=1)
def _rank_tails() -> frozenset[str]:
    """Corps and retirement marks after a rank (`Inf`, `TNI`, `(Purn.)`; lexicon `titles.rank_tails`)."""
    return frozenset(lexicons.load("titles")["rank_tails"])


_DEGREE_LIKE = re.compile(r"(?:[A-Z][a-z]{0,3}\.)+[A-Za-z]{0,4}\.?")  # `M.Keb.`, `S.St.`, `M.A.`


def is_name_affix(token: str) -> bool:
    """An honorific or a degree written around a name (`Hj.`, `Drs.`, `S.Pd,`, `M.Keb.`), not a word of it."""
    t = token.strip(",;")
    return bool(t) and (is_honorific(t) or is_degree(t) or _DEGREE_LIKE.fullmatch(t) is not None)


def clean_person_name(name: str) -> str:
    """Remove honorifics in front and degrees behind; keep the name's own words."""
    s = " ".join(name.replace("\u00a0", " ").split())
    s = s.strip(" ,;:-–—\"“”'")
    # degrees behind commas, repeatedly: `Arif Santoso, S.H., M.Si.`
    while True:
        parts = s.rsplit(",", 1)
        tail = parts[1].split() if len(parts) == 2 else []
        if tail and all(is_degree(t) or _DEGREE_LIKE.fullmatch(t) for t in tail):
            s = parts[0].strip()
            continue
        break
    tokens = s.split()
    if len(tokens) > 1 and re.fullmatch(r"[a-z][.)]", tokens[0]):
        tokens.pop(0)  # `c. Martha Tilaar`: the letter of a list item
    while tokens and (is_honorific(tokens[0]) or tokens[0] in {"Prof.Dr.", "Dr.H.", "Dr.Hj."}):
        tokens.pop(0)
    rank = rank_pattern().match(" ".join(tokens))
    if rank is not None:  # `AKBP Toni`, `Letkol Arh Syarifudin`: the rank is no part of the name
        tokens = " ".join(tokens)[rank.end():].split()
        while tokens and tokens[0] in _rank_tails():
            tokens.pop(0)
    while tokens and (is_degree(tokens[-1]) or _key(tokens[-1]) in {"hc", "(hc)"}):
        tokens.pop()
    return " ".join(tokens).strip(" ,.") if tokens else ""
