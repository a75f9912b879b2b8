"""Agencies: ORG spans grouped with their aliases (acronyms in brackets, lexicon acronyms, Pemkab X = Pemerintah Kabupaten X)."""
from __future__ import annotations

import re

from ..core import lexicons
from ..core.document import Document
from ..core.record import Agency
from ..core.spans import Span
from ..normalize.places import government_words
from .common import norm, split_list


def link_agencies(doc: Document, spans: list[Span]) -> list[Agency]:
    acronyms = lexicons.load("agencies")["acronyms"]
    titles = [s for s in spans if s.label == "TITLE"]
    pers = [s for s in spans if s.label == "PER"]
    lex = lexicons.load("agencies")
    refused = set(lex["not_agencies"]) | set(lex["generic_acronyms"])
    kinds = set(lex["kind_words"])
    named = [s for s in spans if s.label in ("AWARD", "PROG", "CAT")]
    named_words = [f" {norm(s.text)} " for s in named]
    orgs = []
    for s in (x for span in spans if span.label == "ORG" for x in split_list(span, same_head=True)):  # a list: each name
        words = re.findall(r"[\w/]+", s.text)
        if s.text.strip(" .,)(") in refused or not words or all(w in kinds or w.isdigit() for w in words):
            continue  # `ASN`, `Pemerintah Kota`, `Tengah`: a kind or a fragment, not an organisation
        if len(words) == 1 and s.text.islower():
            continue
        if s.source.endswith(".caps") and any(t.contains(s) for t in titles):
            continue
        if any(p.overlaps(s) for p in pers):
            continue
        if any(n.overlaps(s) for n in named) or any(f" {norm(s.text)} " in w for w in named_words if norm(s.text)):
            continue  # `WTN` of `Wahana Tata Nugraha (WTN)`, a program's name: the award or program, not a body
        orgs.append(s)
    groups: list[Agency] = []
    index: dict[str, Agency] = {}
    by_start = {s.start: s for s in orgs}

    def key(text: str) -> str:
        k = norm(text)
        for short, long in government_words().items():  # `Pemerintah Kabupaten X` groups with `Pemkab X`
            if k.startswith(long.lower() + " "):
                k = short.lower() + k[len(long):]
                break
        return re.sub(r"\b(ri|republik indonesia)$", "", k).strip()

    for s in orgs:
        name = " ".join(s.text.split()).rstrip(".,")
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
            if target is None:
                target = next((g for g in groups if key(g.name).startswith(key(acronyms[bare]))), None)
        if target is None:
            # a later long form of an earlier acronym
            for acr, long in acronyms.items():
                if key(long) == k and acr in index:
                    target = index[acr]
                    break
        if target is None:
            g = Agency(name)
            groups.append(g)
            index[k] = g
            if name in acronyms:
                index[key(acronyms[name])] = g
            continue
        index.setdefault(k, target)
        if name.lower() != target.name.lower() and name not in target.aliases:
            if name in acronyms or len(name) < len(target.name) or target.name not in acronyms:
                target.aliases.append(name)
            else:  # the long form arrived after the acronym: it becomes the name
                target.aliases.append(target.name)
                target.name = name
    return groups
