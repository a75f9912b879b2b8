"""Agencies: ORG spans grouped with their aliases.

Two names are one agency when they read the same once written out: an acronym
the article defines in brackets (`Dewan Perwakilan Rakyat Daerah (DPRD)`) or the
lexicon knows (`KLHK`), `Pemkab X` = `Pemerintah Kabupaten X`, the two sides of
`Kementerian PPN/Bappenas`; and when they govern the same region (`Pemda
Banten` and `Pemerintah Provinsi Banten`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.record import Agency
from ..core.spans import Span
from ..normalize.places import government_prefix, government_words
from ..normalize.regions import Context
from .common import norm, spells, split_list
from .regions import agency_region, article_context

_DEFINED = re.compile(r"\(\s*([A-Za-z][\w-]{1,14})\s*\)")
_BRACKETED_WORD = re.compile(r"\s*\(\s*[\w.-]+\s*\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines: `Dewan Perwakilan Rakyat Daerah (DPRD)` -> {`DPRD`: `Dewan ... Daerah`}.

    The long form is the longest run of words before the bracket (eight at most, on its line, after the last
    comma or stop, the first capitalised) whose starts spell the acronym (`KLHK`, `Bappeda`, `Pemkab`)."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        acr = m.group(1)
        if not any(c.isupper() for c in acr[1:]) and acr[0].islower():
            continue
        before = re.split(r"[,.;:!?()\n]", text[max(0, m.start() - 150):m.start()])[-1].split()
        for k in range(max(0, len(before) - 8), len(before) - 1):
            long = before[k:]
            if long[0][:1].isupper() and spells(acr, long):
                out.setdefault(acr, " ".join(long))
                break
    return out


@lru_cache(maxsize=1)
def _lexicon_acronyms() -> dict[str, str]:
    """The lexicon's acronyms, lower-cased, with their long forms (read once, not per article)."""
    return {a.lower(): long for a, long in lexicons.load("agencies")["acronyms"].items()}


def link_agencies(doc: Document, spans: list[Span], ctx: Context | None = None) -> list[Agency]:
    """One Agency per organisation named by the ORG spans, its other names as aliases (`ctx`: the article's
    regions, if built)."""
    lex = lexicons.load("agencies")
    acronyms = lex["acronyms"]
    titles = [s for s in spans if s.label == "TITLE"]
    pers = [s for s in spans if s.label == "PER"]
    refused = set(lex["not_agencies"]) | set(lex["generic_acronyms"])
    kinds = {w.lower() for k in lex["kind_words"] for w in re.findall(r"\w+", k)}
    named = [s for s in spans if s.label in ("AWARD", "PROG", "CAT")]
    named_words = [f" {norm(s.text)} " for s in named]
    defined = defined_acronyms(doc.text)
    no_body = set(lex["not_body_starts"])
    not_agency = tuple(lex["not_agency_phrases"])
    carried = lexicons.words("agencies", "carrier_cues", end=r"[\s,]*$")
    orgs = []
    for s in (x for span in spans if span.label == "ORG" for x in split_list(span, same_head=True)):  # a list: each name
        words = re.findall(r"\w+", s.text)
        if s.text.strip(" .,)(") in refused or not words or all(w.lower() in kinds or w.isdigit() for w in words):
            continue  # `ASN`, `Pemerintah Kota`, `Tengah`, `pemkab/pemkot`: a kind or a fragment, not an organisation
        if s.text.startswith(not_agency):
            continue  # `Dewan Hakim`, `Balai Kota`, `Badan Usaha`: a jury, a hall, a kind, also when the model tags it
        if len(words) == 1 and s.text.islower():
            continue
        if s.source.endswith(".caps") and any(t.contains(s) for t in titles):
            continue
        if any(p.overlaps(s) for p in pers):
            continue
        if any(n.overlaps(s) for n in named) or any(f" {norm(s.text)} " in w for w in named_words if norm(s.text)):
            continue  # `WTN` of `Wahana Tata Nugraha (WTN)`, a program's name: the award or program, not a body
        if defined.get(s.text.strip(" .,()"), "").split(" ", 1)[0] in no_body:
            continue  # `HPSN`, defined as `Hari Peduli Sampah Nasional`: a day, not a body
        if carried.search(doc.text, max(0, s.start - 40), s.start):
            continue  # `dikutip dari Antara`: the outlet carries the story
        orgs.append(s)
    groups: list[Agency] = []
    index: dict[str, Agency] = {}
    by_start = {s.start: s for s in orgs}

    # acronyms in any case (`UNHAS`, `Unhas`); the article's own definitions first
    spelled = {**_lexicon_acronyms(), **{a.lower(): long for a, long in defined.items()}}

    def written_out(text: str) -> str:
        """`Kementerian KLHK` -> `Kementerian Lingkungan Hidup dan Kehutanan`; a bracketed acronym dropped."""
        out: list[str] = []
        for w in _BRACKETED_WORD.sub(" ", text).split():
            long = spelled.get(w.lower())
            if not long:
                out.append(w)
                continue
            words = long.split()
            if out and out[-1].lower() == words[0].lower():
                out.pop()
            out.extend(words)
        return " ".join(out)

    def key(text: str, expand: bool = True) -> str:
        k = norm(written_out(text) if expand else text)
        for short, long in government_words().items():  # `Pemerintah Kabupaten X` groups with `Pemkab X`
            if k.startswith(long.lower() + " "):
                k = short.lower() + k[len(long):]
                break
        return re.sub(r"\b(ri|republik indonesia)$", "", k).strip()

    @lru_cache(maxsize=1)
    def long_keys() -> frozenset[str]:
        return frozenset(key(long) for long in spelled.values())

    for s in orgs:
        name = " ".join(s.text.split()).rstrip(".,/-–— ")  # `Harian Jogja -`, `Kementerian PPN/`: a cut edge
        k = key(name)
        if not k:
            continue
        target = index.get(k)
        long_of = by_start.get(s.attrs.get("alias_of", -1))
        if target is None and long_of is not None:
            target = index.get(key(long_of.text))
        bare = re.sub(r"\s+(?:RI|Pusat)$", "", name)
        if target is None and bare in acronyms:
            target = index.get(key(acronyms[bare]))
            if target is None:  # `PLN` of `PT PLN (Persero) Grup`, the long form as written
                target = next((g for g in groups if key(g.name, False).startswith(key(acronyms[bare], False))), None)
        # `Kementerian PPN/Bappenas`: a side that is a known acronym names the same body (not `Bank X/Harian Y`)
        sides = [kp for p in name.split("/") if (kp := key(p)) in long_keys() or p.lower() in spelled] if "/" in name else []
        if target is None:
            target = next((index[kp] for kp in sides if kp in index), None)
        if target is None:
            g = Agency(name)
            groups.append(g)
            index[k] = g  # the key writes acronyms out: a later long form finds its acronym here
            for kp in sides:
                index.setdefault(kp, g)
            if s.attrs.get("acronym"):  # `... (Diskominfo) Kota X`, then `dikelola Diskominfo`: one body
                index.setdefault(key(s.attrs["acronym"]), g)
            continue
        index.setdefault(k, target)
        if name.lower() != target.name.lower() and name not in target.aliases:
            if name in acronyms or len(name) < len(target.name) or target.name not in acronyms:
                target.aliases.append(name)
            else:  # the long form arrived after the acronym: it becomes the name
                target.aliases.append(target.name)
                target.name = name
    return _same_region(groups, ctx or article_context(doc))


def _same_region(groups: list[Agency], ctx: Context) -> list[Agency]:
    """Governments of one region are one agency (`Pemda Banten`, `Pemerintah Provinsi Banten`): the later ones
    become aliases of the first, whose name is a government's (`Pemkab KSB` before a bare `KSB`)."""
    first: dict[str, Agency] = {}
    out: list[Agency] = []
    for g in groups:
        region = agency_region(g, ctx)
        into = first.get(region.code) if region else None
        if into is None:
            if region:
                first[region.code] = g
            out.append(g)
            continue
        if government_prefix().match(g.name) and not government_prefix().match(into.name):
            into.name, g.name = g.name, into.name
        for name in (g.name, *g.aliases):
            if name.lower() != into.name.lower() and name.lower() not in {a.lower() for a in into.aliases}:
                into.aliases.append(name)
    return out
