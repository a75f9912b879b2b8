"""Weak award candidates, asked for only where no span names an award.

A capitalised name after a lower-case head word (`memberikan penghargaan Satyalancana kepada ...`), a known award
however it is cased (`piala adipura`), and, where neither is written, the lower-case words after a head word that
a win verb leads (`meraih penghargaan sebagai rumah sakit sayang ibu terbaik`). Their source says they are weak:
the linker uses such a name only with a winner, and warns where an entry's award comes from one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from .awards import SOURCE, _category_stops, _extend_caps, _head_words, _known_pattern_any_case, _only_kinds
from .tokens import tokenize

WEAK_SOURCE = SOURCE + ".weak"  # award names that stand for the article's award only where no span names one


@lru_cache(maxsize=1)
def _lower_head_pattern() -> re.Pattern:
    """A head word written in lower case (`penghargaan`, `anugerah`, `predikat`: lexicon `awards.heads`) and the
    blanks after it, where a capitalised word follows."""
    return re.compile(rf"(?<![\w-])(?-i:{lexicons.alternation(_head_words())})[^\S\n]+(?=[A-Z])")


def weak_awards(text: str, taken: list[Span]) -> list[Span]:
    """Award candidates for an article where no span names an award: the capitalised name after a head word written
    in lower case (`memberikan penghargaan Satyalencana kepada ...`) and a known award however it is cased (`piala
    adipura`); without either, the lower-case words after a head word (`meraih penghargaan sebagai rumah sakit
    sayang ibu terbaik`). Names that a `taken` span (a body, place, person, title or category) starts or covers are
    the giver or the winner, not the award."""
    out = [Span.of(text, m.start(), m.end(), "AWARD", WEAK_SOURCE + ".known", 0.5)
           for m in _known_pattern_any_case().finditer(text)]
    for m in _lower_head_pattern().finditer(text):
        end = _extend_caps(text, m.end())
        if end <= m.end() or not re.search(r"[A-Za-z]{3}", text[m.end():end]):
            continue  # `predikat A`: a grade, no name
        if any(s.start <= m.end() < s.end or m.end() <= s.start < end for s in taken):
            continue
        out.append(Span.of(text, m.end(), end, "AWARD", WEAK_SOURCE + ".head", 0.4))
    return out or _lower_phrases(text, taken)


@lru_cache(maxsize=1)
def _lower_phrase_pattern() -> re.Pattern:
    """A head or contest word in lower case, `sebagai` maybe, then the words of a name: `meraih penghargaan sebagai
    rumah sakit sayang ibu terbaik 2010`, `menjuarai lomba inovasi pembelajaran`."""
    lex = lexicons.load("awards")
    heads = lexicons.alternation(sorted({h.lower() for h in lex["heads"] + lex["contest_heads"]}
                                        - {h.lower() for h in lex["grade_heads"]}))
    return re.compile(rf"(?<![\w-])(?-i:{heads})[^\S\n]+(?:sebagai[^\S\n]+)?(?=[a-z])")


@lru_cache(maxsize=1)
def _won_here() -> re.Pattern:
    """A verb that tells of a win (`meraih`, `menerima`, `diraih`): what leads the head of an award won."""
    return lexicons.words("awards", "win_verbs", "passive_verbs")


@lru_cache(maxsize=1)
def _name_start_refused() -> re.Pattern:
    """What no lower-case award name begins with: a word of lexicon `awards.role_not_starts` (`wujud`, `lebih`) or a
    word with a verb prefix (`bergengsi`, `berupa`: lexicon `awards.lead_in_verb_prefixes`)."""
    prefixes = lexicons.alternation(lexicons.load("awards")["lead_in_verb_prefixes"])
    return re.compile(rf"(?:{lexicons.words('awards', 'role_not_starts').pattern}|{prefixes}[a-z]{{3,}}\b)", re.I)



def _lower_phrases(text: str, taken: list[Span]) -> list[Span]:
    """The last resort where no name follows a head word: the lower-case words after a head that a win verb leads
    (at most one word between: `meraih penghargaan sebagai X`, `menerima anugerah X`), up to 8, to a
    stop word or punctuation (`dan` only between two words), the first one not covered by a `taken` span."""
    stops = _category_stops() - {"dan", "tahun"}
    out = []
    for m in _lower_phrase_pattern().finditer(text):
        toks = tokenize(text, m.end(), min(len(text), m.end() + 160))
        end, words = m.end(), 0
        for k, t in enumerate(toks[:8]):
            w = t.text.rstrip(".,;:")
            if "\n" in text[end:t.start] or w.lower() in stops or not re.fullmatch(r"[\w/&'-]+", w):
                break
            if w.lower() == "dan" and (k == 0 or k + 1 >= len(toks) or toks[k + 1].text.lower() in stops):
                break
            if w.lower() != "dan":
                end, words = t.start + len(w), words + 1
            if w != t.text:
                break  # a comma or full stop ends the name
        name = text[m.end():end]
        if words < 2 or not re.search(r"[a-z]{3}", name) or _only_kinds(name) or _name_start_refused().match(name):
            continue
        a = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()), m.start() - 40) + 1
        if not any(len(text[c.end():m.start()].split()) <= 1 for c in _won_here().finditer(text, a, m.start())):
            continue  # `sertifikat spesialis laporan`, `mengikuti lomba tahun depan`: the head is not what was won
        if any(s.start <= m.end() < s.end for s in taken):
            continue
        out.append(Span.of(text, m.end(), end, "AWARD", WEAK_SOURCE + ".phrase", 0.3))
    return out
