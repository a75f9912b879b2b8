"""Turn spans into the record, one module per field: dates, officials, agencies, venue, programs, awards.

Spans in noise lines (menus, "Baca juga", bylines) are ignored. Model spans
get the values rule spans carry (date parts, rank numbers) before linking.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.record import Record
from ..core.spans import Span
from ..normalize.dates import find_dates
from ..normalize.ranks import rank_value
from . import awards
from .award_edges import award_edges
from .agencies import link_agencies
from .dates import link_dates
from .officials import link_officials
from .programs import link_programs
from .regions import article_context, attach_regions
from .venue import link_venue


def _normalise(text: str, spans: list[Span]) -> list[Span]:
    """Give model spans the values rule spans carry: date parts, rank numbers, acronym aliases; drop an award
    or a category without a word, a category label alone; cut an award span to the award's own name (`award_edges`)."""
    out: list[Span] = []
    for s in (part for whole in spans for part in _inside_bracket(text, _closed(text, _whole_word(text, whole)))):
        if s.label == "DATE" and "parts" not in s.attrs:
            found = find_dates(s.text)
            if not found:
                continue  # `Kamis` alone, or `Desember 2024`: no day, no date
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "parts": found[0].attrs["parts"]})
        elif s.label in ("AWARD", "CAT") and not re.search(r"[^\W\d_]", s.text):
            continue  # `2024` of `Adiwiyata Mandiri 2024`, tagged apart from the name the category split: no name
        elif s.label == "CAT" and _bare_label().fullmatch(s.text.strip()):
            continue  # `kategori` alone: the label of a category the span left out
        elif s.label == "AWARD":
            s = award_edges(s)  # `Kemenkes Anugerahkan STBM Award 2023` -> `STBM Award 2023`; `Kemudian Award`: none
            if s is None:
                continue
        elif s.label == "PER":
            s = _without_trailing_stops(text, s)  # `Gibran Batal` of a Title Case headline: `Batal` says he did not
            if s is None:
                continue
        elif s.label == "RANK" and "rank" not in s.attrs:
            value = rank_value(s.text)
            if value is None:
                continue
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "rank": value})
        out.append(s)
    orgs = [s for s in out if s.label == "ORG"]
    for k in range(1, len(orgs)):
        prev, cur = orgs[k - 1], orgs[k]
        if "alias_of" not in cur.attrs and re.fullmatch(r"\s*\(\s*", text[prev.end:cur.start]) and text[cur.end:cur.end + 1] == ")":
            cur.attrs["alias_of"] = prev.start
    return out


@lru_cache(maxsize=1)
def _name_end_stops() -> frozenset[str]:
    """The words no person's name ends with (lexicon `awards.negations`, `awards.name_stops`), in lower case."""
    return frozenset(lexicons.load("awards")["negations"]) | lexicons.dotless_words("awards", "name_stops")


def _without_trailing_stops(text: str, s: Span) -> Span | None:
    """A person's name without the words a Title Case headline sets after it (`Gibran Batal`, `Bobby Kembali`: lexicon
    `awards.negations`, `awards.name_stops`), which no name ends with; None where nothing is left."""
    words = list(re.finditer(r"\S+", s.text))
    keep = len(words)
    while keep and words[keep - 1].group().lower().rstrip(",.;:") in _name_end_stops():
        keep -= 1
    if keep == len(words):
        return s
    return Span.of(text, s.start, s.start + words[keep - 1].end(), s.label, s.source, s.score, **s.attrs) if keep else None


@lru_cache(maxsize=1)
def _bare_label() -> re.Pattern:
    """A category label alone (lexicon `awards.category_labels`)."""
    return lexicons.words("awards", "category_labels")


def _whole_word(text: str, s: Span) -> Span:
    """`Peringkat Ke-` + `3` -> `Peringkat Ke-3`, `COVID-` + `19`: a span that ends inside a word takes the rest of it
    (a tagger splits words at hyphens and may stop there; `Peringkat Ke-` alone has no rank)."""
    end = s.end
    if not (s.start < end < len(text) and (text[end - 1].isalnum() or text[end - 1] == "-") and text[end].isalnum()):
        return s
    while end < len(text) and text[end].isalnum():
        end += 1
    return Span(s.start, end, text[s.start:end], s.label, s.source, s.score, dict(s.attrs))


def _inside_bracket(text: str, s: Span) -> list[Span]:
    """`PPPA) Republik Indonesia` -> `PPPA`: a span that starts inside a bracket and runs out of it (a tagger splits
    `(PPPA)` at its brackets) keeps the bracketed part, the short name that glosses the name before it; what follows
    the bracket stays a span of its own only where a name's head opens it (`(SCCIC) Institut Teknologi Bandung`)."""
    close = s.text.find(")")
    if close < 0 or "(" in s.text[:close]:
        return [s]
    inner = s.text[:close].rstrip()
    out = [Span(s.start, s.start + len(inner), inner, s.label, s.source, s.score, dict(s.attrs))] if inner.strip() else []
    rest = s.text[close + 1:]
    start = s.start + close + 1 + len(rest) - len(rest.lstrip())
    if rest.strip() and lexicons.words("agencies", "heads", ignore_case=False).match(text, start):
        out.append(Span(start, s.end, text[start:s.end], s.label, s.source, s.score, dict(s.attrs)))
    return out


def _closed(text: str, s: Span) -> Span:
    """`Penghargaan K3 (SMK3` -> `Penghargaan K3 (SMK3)`: a span that opens a bracket takes the one that closes it
    right after its end (taggers and rules alike stop before it; the record writes the name with its bracket)."""
    if s.text.count("(") > s.text.count(")") and text[s.end:s.end + 1] == ")":
        return Span(s.start, s.end + 1, text[s.start:s.end + 1], s.label, s.source, s.score, dict(s.attrs))
    return s


def link(doc: Document, spans: list[Span], linker=None) -> Record:
    """Build the record of `doc` from its spans; `linker` (learned.AwardLinker) decides the award entries if given."""
    spans = _normalise(doc.text, spans)
    live = [s for s in spans if not doc.in_noise(s.start, s.end)]
    rec = Record(doc_id=doc.doc_id, title=doc.title or _headline(doc), spans=list(spans), warnings=list(doc.warnings))
    rec.published, rec.event_date = link_dates(doc, spans, rec.warnings)
    rec.officials = link_officials(doc, live)
    region_ctx = article_context(doc)  # one per article: agencies and the regions pass both read it
    rec.agencies = link_agencies(doc, live, region_ctx)
    rec.venue, rec.venue_city = link_venue(doc, live)
    rec.programs = link_programs(doc, live)
    rec.awards = awards.link_awards(doc, live, rec, linker)
    attach_regions(doc, rec, region_ctx)
    return rec


def _headline(doc: Document) -> str | None:
    """The first line that reads like a headline: not noise, four words or more (`Humaniora`, `oleh` are no titles)."""
    for ln in doc.lines:
        t = ln.text.strip()
        if t and not ln.noise and len(t.split()) >= 4:
            return t if len(t) <= 250 else None
    return None
