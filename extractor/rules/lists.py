"""List siblings: a name in a run of names that other taggers left bare takes the label its neighbours carry.

`Antara lain Kideco Jaya Agung, Geo Dipa Energi, Bank BCA dan Badak NGL`: the spans (ORG, LOC, PER) on
the items of such a run vote; when ORG wins with two or more items, the items without a span become ORG
spans. Company names without `PT` are what the tagger misses most in winner lists of unseen pages. Runs
that people or places win give nothing: their bare items were too often something else.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.spans import Span
from ..normalize.places import region_pattern
from ..normalize.names import is_degree
from .tokens import Tok, common_words, company_tails, is_cap, stopwords, tokenize
from . import register

SOURCE = "rules.lists.v1"
LABELS = ("ORG", "LOC", "PER")  # the labels whose spans vote for a run's label
GIVEN = ("ORG",)  # the labels a run gives its bare items
TAKEN = LABELS + ("TITLE", "AWARD", "PROG", "CAT", "VENUE")  # an item with one of these spans is no bare item
MAX_NAME = 6  # tokens in one item's name
MAX_TAIL = 3  # tokens after an item's name, outside brackets, before the next separator (`Bank A Tbk Jakarta`)
MIN_ANCHORS = 2  # items that already hold a span of the run's label


@lru_cache(maxsize=1)
def _joins() -> frozenset[str]:
    return frozenset(lexicons.load("awards")["list_joins"]) | {",", ";"}


def _ends_sentence(word: str) -> bool:
    """`NGL.`, `teknologi.`, `.` after a bracket: a word that ends a sentence, not an abbreviation (`PT.`, `Tbk.`, `S.Pd.`)."""
    stem = word.rstrip(".!?")
    return word != stem and (not stem or len(stem) >= 3 and "." not in stem and stem not in company_tails())


def _refused(name: str) -> bool:
    """A place (`Jakarta`), a day or month (`Selasa`) or a bare agency head (`RSUD`, `Polres`): no item's name."""
    lex = lexicons.load("months")
    return (bool(region_pattern().fullmatch(name)) or name.lower() in lex["weekdays"] or name.lower() in lex["months"]
            or name in _heads())


def _common(name: str, common: frozenset[str]) -> bool:
    """`Laporan Keuangan`, `Pendidikan Dasar`: every word is one the text also writes in lower case, so no name."""
    words = re.findall(r"[\w-]+", name.lower())
    return bool(words) and all(w in common for w in words)


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(lexicons.load("agencies")["heads"])


def _segments(text: str, toks: list[Tok]) -> list[tuple[list[Tok], bool, str]]:
    """The tokens cut at list separators outside brackets, each with whether a line or sentence end closes it
    (`... Badak NGL. Top CSR`: the run ends there) and the separator after it."""
    out: list[tuple[list[Tok], bool, str]] = []
    cur: list[Tok] = []
    depth = 0

    def close(closed: bool, sep: str = "") -> None:
        nonlocal cur
        if cur:
            out.append((cur, closed, sep))
        elif out and closed:
            out[-1] = (out[-1][0], True, out[-1][2])
        cur = []

    for k, t in enumerate(toks):
        if k and "\n" in text[toks[k - 1].end:t.start]:
            close(True)
            depth = 0
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if depth == 0 and t.text in _joins():
            close(False, t.text)
            continue
        cur.append(t)
        if depth == 0 and _ends_sentence(t.text):
            close(True)
    close(True)
    return out


def _outside_brackets(toks: list[Tok]) -> int:
    """How many of `toks` stand outside brackets (`(2 penghargaan)` is a note, not a tail)."""
    depth = n = 0
    for t in toks:
        depth += (t.text == "(") - (t.text == ")")
        n += depth <= 0 and t.text != ")"
    return n


def _name(seg: list[Tok], first: bool) -> tuple[int, int] | None:
    """Token range of the item's name in a segment: its leading capitalised words (the last such run in the first
    segment of a run, after its lead-in: `antara lain Kideco Jaya Agung`), or None when it names nothing.
    Words in brackets (`Kelurahan Jombangan (Surabaya)`) are never the name."""
    runs: list[tuple[int, int]] = []
    depth = 0
    i = 0
    while i < len(seg):
        w = seg[i].text
        if w in ("(", ")"):
            depth += 1 if w == "(" else -1
            i += 1
            continue
        if depth <= 0 and is_cap(w):
            j = i
            while j < len(seg) and is_cap(seg[j].text) and j - i < MAX_NAME:
                j += 1
            runs.append((i, j))
            i = j
            continue
        if not first and not runs:
            return None
        i += 1
    if not runs:
        return None
    a, b = runs[-1] if first else runs[0]
    if not first and (a != 0 or (_long_tail(seg, b) and not _predicate(seg, b))):
        return None
    while a < b and seg[a].text in stopwords():
        a += 1
    return (a, b) if a < b else None


def _long_tail(seg: list[Tok], b: int) -> bool:
    """Do more than MAX_TAIL tokens outside brackets follow the item's name (ending at token `b`)?"""
    return _outside_brackets(seg[b:]) > MAX_TAIL


def _predicate(seg: list[Tok], b: int) -> bool:
    """Does the segment go on after its name (ending at token `b`) with the sentence's predicate, in lower case (`...
    dan Pokdarwis C masing-masing meraih terbaik I`)? Such an item is the last of its run."""
    return b < len(seg) and seg[b].text[:1].islower()


def _inside(s: Span, item: Span, text: str) -> bool:
    """A span that leaves an item bare: a place inside its name (`Bank Jateng`), or a class word inside a longer
    name (`Migas Utama Jabar`: `Utama` tagged as a category is a word of the company's name), unless a place alone
    stands before it (`Payakumbuh Zona Hijau`: a winner and its grade)."""
    if s.label == "CAT" and s.source.endswith(".class"):
        before = text[item.start:s.start].strip()
        return item.contains(s) and (s.start, s.end) != (item.start, item.end) and not region_pattern().fullmatch(before)
    return s.label == "LOC" and item.contains(s)


@register
class ListSiblingTagger:
    """Gives bare items of a list of names the label two or more of their neighbours hold."""

    name = SOURCE

    def tag(self, doc: Document) -> list[Span]:
        return []

    def tag_with(self, doc: Document, spans: list[Span]) -> list[Span]:
        """ORG spans for the bare items of runs whose other items the taggers before it labelled ORG."""
        text = doc.text
        out: list[Span] = []
        common = common_words(text)
        known = [s for s in spans if s.label in TAKEN]
        for run in self._runs(text, tokenize(text)):
            items = [Span.of(text, seg[a].start, seg[b - 1].end, "ITEM", SOURCE) for seg, a, b in run]
            over = [[s for s in known if s.overlaps(it)] for it in items]
            if any(sum(s in o for o in over) > 1 for o in over for s in o if s.label in LABELS):
                continue  # one name over several items (`Kementerian Pendidikan, Kebudayaan, Riset`): no list
            # one vote per item; labels in the order the spans come (a set's order would break ties by hash seed)
            votes = Counter(label for o in over for label in dict.fromkeys(x.label for x in o if x.label in LABELS))
            if not votes:
                continue
            label, n = votes.most_common(1)[0]
            if n < MIN_ANCHORS or label not in GIVEN:
                continue
            for it, o in zip(items, over):
                name = it.text.rstrip(".")
                if name and not _refused(name) and not _common(name, common) and all(_inside(s, it, text) for s in o):
                    out.append(Span.of(text, it.start, it.start + len(name), label, SOURCE, 0.5))
        return out

    @staticmethod
    def _runs(text: str, toks: list[Tok]) -> list[list[tuple[list[Tok], int, int]]]:
        """Runs of three or more consecutive segments of one sentence that each name something, with a comma or
        semicolon among their separators (`Apresiasi Guru dan Tenaga Kependidikan dan ...` is one name)."""
        runs: list[list[tuple[list[Tok], int, int]]] = []
        cur: list[tuple[list[Tok], int, int]] = []
        commas = 0

        def flush() -> None:
            nonlocal cur, commas
            if len(cur) >= 3 and commas:
                runs.append(cur)
            cur, commas = [], 0

        for seg, closed, sep in _segments(text, toks):
            if any(is_degree(t.text) for t in seg):
                cur, commas = [], 0  # `Lalu Suryadi, S.KM., M.Kes.`: degrees follow people, no list of names
                continue
            nm = _name(seg, first=not cur)
            if nm is None and cur:
                flush()
                nm = _name(seg, first=True)
            if nm is not None:
                cur.append((seg, *nm))
                commas += sep in (",", ";")
            if closed or (nm is not None and len(cur) > 1 and _long_tail(seg, nm[1])):
                flush()  # a sentence's end, or the predicate after the last item, ends the run
        flush()
        return runs
