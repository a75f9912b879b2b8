"""Officials: TITLE+PER pairs (rule pairs first, then a title next to a name), one entry per person, with the
longest title written beside that person (`Menteri Perhubungan` over `Menhub`, as the annotators write it)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.record import Official
from ..core.spans import Span
from ..normalize.names import clean_person_name, is_honorific
from ..normalize.places import gazetteer
from ..rules.tokens import common_words
from .common import norm


@lru_cache(maxsize=1)
def _gap() -> re.Pattern:
    """What may stand between a title and its holder: blanks and a comma, or a term of office (`Bupati Sumedang
    2018-2023, Ahmad Munir`, `Wali Kota Medan periode 2021-sekarang Bobby Nasution`)."""
    words = lexicons.alternation(lexicons.load("titles")["term_words"])
    year = r"(?:19|20)\d\d"
    term = rf"(?:{words}[^\S\n]*)?{year}[^\S\n]*[-–—/][^\S\n]*(?:{year}|{words})"
    return re.compile(rf"[^\S\n]*,?[^\S\n]*(?:{term}[^\S\n]*[,;:]?[^\S\n]*)?", re.I)


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern:
    """What may stand between a name and its title after it: a comma, a bracket, a dash (`Tony Sumampau – Pendiri
    Taman Safari`), `selaku` (titles.apposition_cues)."""
    cues = lexicons.alternation(lexicons.load("titles")["apposition_cues"])
    return re.compile(rf"\s*(?:,|\(|{cues})\s*|[^\S\n]*[–—][^\S\n]*|[^\S\n]+-[^\S\n]+")


def _between(gap: str) -> bool:
    return len(gap) <= 3 and re.fullmatch(r"[\s,]*", gap) is not None or _gap().fullmatch(gap) is not None


_CONTINUED = re.compile(r"[^\S\n]+[A-Z]")  # a capitalised word right after, on the same line
# one to five capitalised words and a comma between a title and a name: the body the title heads
_BODY_GAP = re.compile(r"(?P<body>(?:[^\S\n]+[A-Z][\w&/.()-]*){1,5})[^\S\n]*,[^\S\n]*")


@lru_cache(maxsize=1)
def _non_name_words() -> frozenset[str]:
    """Words that name an office, a body or a place, never a person (`Mendagri`, `Bappeda`, `Sumbar`, `Jenderal`)."""
    titles, agencies = lexicons.load("titles"), lexicons.load("agencies")
    words = [w for k in ("prefixes", "heads", "abbreviations", "ranks") for w in titles[k]]
    words += list(agencies["acronyms"]) + agencies["generic_acronyms"] + agencies["heads"]
    words += list(gazetteer()) + list(lexicons.load("regions")["aliases"])
    return frozenset(t for w in words for t in norm(w).split())


@lru_cache(maxsize=1)
def _inner_honorific() -> re.Pattern:
    """An academic or religious honorific written with its dot (`Prof.`, `Dr.`, `KH.`; lexicon `degrees.honorifics`,
    two letters or more, so a middle initial `H.` is none) after another word of a name."""
    honorifics = [h for h in lexicons.load("degrees")["honorifics"] if re.fullmatch(r"[A-Za-z]{2,}\.", h)]
    return re.compile(rf"(?<=[^\S\n]){lexicons.alternation(honorifics)}(?=[^\S\n])")


def _body_before_honorific(text: str, per: Span, title: Span) -> tuple[Span, Span]:
    """`Rektor Unair Prof. Mohammad Nasih`, where the tagger's name runs over the body: the words before an
    honorific inside a name are no part of it, but of the title written right before them."""
    m = _inner_honorific().search(per.text)
    body = per.text[:m.start()].split() if m else []
    if not body or any(is_honorific(w) for w in body) or not all(w[:1].isupper() for w in body):
        return per, title
    name = Span.of(text, per.start + m.start(), per.end, "PER", per.source, per.score, **per.attrs)
    if title.end <= per.start and not text[title.end:per.start].strip():
        title = Span.of(text, title.start, name.start, "TITLE", title.source, title.score, **title.attrs)
    return name, title


def _names_no_one(name: str, common: frozenset[str]) -> bool:
    """`Pemda`, `Jenderal TNI`, `Sumbar`: every word an office, a body or a place; `Sehari`: one word this article
    also writes in lower case (two such words may be a name: `Budi Lestari`); `OPD`: one word in capitals."""
    words = norm(name).split()
    if len(name.split()) == 1 and (name.isupper() or words and words[0] in common):
        return True
    return bool(words) and all(w in _non_name_words() for w in words)


@lru_cache(maxsize=1)
def _panel() -> re.Pattern:
    """A panel named, then the words that list its members: `Dewan juri Anugerah Pandu Negeri antara lain`,
    `lima dewan juri masing-masing`, `Ketujuh penilai tersebut adalah`."""
    lex = lexicons.load("titles")
    panels, cues = lexicons.alternation(lex["panel_words"]), lexicons.alternation(lex["panel_cues"])
    pointers = lexicons.alternation(lex["panel_pointers"])
    return re.compile(rf"(?i:\b(?P<title>{panels}(?-i:(?:[^\S\n]+[A-Z][\w-]*)*)))"
                      rf"(?i:[^\S\n]+{pointers})?[^\S\n]*(?:(?i:{cues})[^\S\n]*:?|:)[^\S\n]*")


def _panel_members(doc: Document, free: list[Span]) -> list[tuple[Span, Span]]:
    """(member, panel) for the unpaired names listed right after a panel in the same sentence; the panel, as
    written, is each member's title (RECORD.md counts jury members as officials)."""
    out: list[tuple[Span, Span]] = []
    for m in _panel().finditer(doc.text):
        a, b = next(((a, b) for a, b in doc.sentences() if a <= m.start() < b), (m.start(), m.end()))
        title = Span(m.start("title"), m.end("title"), m["title"], "TITLE", "link.officials.panel")
        out.extend((p, title) for p in free if m.end() <= p.start < b and p.start - m.end() <= 300)
    return out


def link_officials(doc: Document, spans: list[Span]) -> list[Official]:
    pairs: list[tuple[Span, Span]] = []
    by_pair: dict[int, dict[str, Span]] = {}
    for s in spans:
        if s.label in ("TITLE", "PER") and "pair" in s.attrs:
            by_pair.setdefault(s.attrs["pair"], {})[s.label] = s
    for p in by_pair.values():
        if "TITLE" in p and "PER" in p:
            pairs.append((p["PER"], p["TITLE"]))
    # spans without a rule pair (model spans, or a rule partner that lost to a model span):
    # a TITLE right before the PER (`Bupati Gowa Andi Rahman`), or after it (`Andi Rahman, Bupati Gowa`)
    paired = {id(p[0]) for p in pairs}
    # a title a rule gave to the name before it is not the title of a name after it (`A – Walikota Solo, B – ...`)
    held = {id(t) for per, t in pairs if per.end <= t.start}
    titles = [s for s in spans if s.label == "TITLE" and id(s) not in held]
    for per in (s for s in spans if s.label == "PER" and id(s) not in paired):
        before = [t for t in titles if 0 <= per.start - t.end <= 40 and _between(doc.text[t.end:per.start])]
        after = [t for t in titles if t.start >= per.end
                 and _apposition().fullmatch(doc.text[per.end:t.start])]
        if not before and not after:  # `Manajer Muri, Sri Widayanti`: the body between is part of the title
            before = [Span.of(doc.text, t.start, m.end("body"), "TITLE", "link.officials.body") for t in titles
                      if 0 < per.start - t.end <= 60 and (m := _BODY_GAP.fullmatch(doc.text, t.end, per.start))]
        if not before and not after:  # `Heru Kristiyana Kepala Eksekutif OJK`: a title right after, on the line,
            # that no name of its own follows (`Budi Gubernur Jateng Ganjar Pranowo`: the title is Ganjar's)
            after = [t for t in titles if t.start > per.end and re.fullmatch(r"[^\S\n]+", doc.text[per.end:t.start])
                     and not any(p.label == "PER" and _between(doc.text[t.end:p.start]) for p in spans
                                 if 0 <= p.start - t.end <= 40)]
        if before or after:
            pairs.append((per, max(before, key=lambda t: t.end) if before else min(after, key=lambda t: t.start)))
    paired = {id(p[0]) for p in pairs}
    pairs += _panel_members(doc, [s for s in spans if s.label == "PER" and id(s) not in paired])
    pairs.sort(key=lambda p: p[0].start)
    out: list[Official] = []
    common = common_words(doc.text)
    # `Rektor Unhas`: a word the article names as a body or place elsewhere, and the model never as a person
    bodies = {norm(s.text) for s in spans if s.label in ("ORG", "LOC")}
    bodies -= {norm(s.text) for s in spans if s.label == "PER" and s.source == "model"}
    nicknames = lexicons.load("people")["nicknames"]
    for per, title in pairs:
        per, title = _body_before_honorific(doc.text, per, title)
        name = clean_person_name(per.text)
        full = nicknames.get(name)
        if full and full in doc.text:  # `Jokowi` in an article that also writes `Joko Widodo`: one person
            name = full
        if len(name) < 3 or not re.search(r"[A-Za-z]{2}", name) or _names_no_one(name, common):
            continue
        if " " not in name and (norm(name) in bodies or (per.source != "model" and _CONTINUED.match(doc.text, per.end))):
            continue  # `Ketua Panitia Tetap Anugerah ...`: a rule's word that a capitalised word goes on, a title's
        key = set(norm(name).split())
        written = " ".join(title.text.split()).rstrip("/ ")  # `Menko PMK/Ketum PKB`: the title the tagger cut at `/`
        dup = next((o for o in out if key <= set(norm(o.name).split()) or set(norm(o.name).split()) <= key), None)
        if dup:
            if len(name) > len(dup.name) and key >= set(norm(dup.name).split()):
                dup.name = name
            if len(written) > len(dup.title or ""):
                dup.title = written
            continue
        out.append(Official(name, written))
    return out
