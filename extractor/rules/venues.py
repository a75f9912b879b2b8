"""Venues: `di Ballroom Hotel Mercure Grand Mirama Surabaya`, `di Istana Negara, Jakarta`."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..normalize.places import gazetteer, region_pattern
from ..core.spans import Span
from .tokens import is_cap, tokenize
from . import register

SOURCE = "rules.venues.v1"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    heads = lexicons.alternation(lexicons.load("venues")["heads"])
    return re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _before() -> re.Pattern:
    """What stands before a venue: `di`, `bertempat`, optionally a kind word (`di gedung`)."""
    lex = lexicons.load("venues")
    words, kinds = lexicons.alternation(lex["context_words"]), lexicons.alternation(lex["kind_words"])
    return re.compile(rf"\b{words}\s+(?:{kinds}\s+)?$", re.I)


@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    """`di` and one to four capitalised words right before a head, a connector between them (`Palembang Sport and
    Convention Center`): the start of the venue's name."""
    lex = lexicons.load("venues")
    words, joins = lexicons.alternation(lex["context_words"]), lexicons.alternation(lex["connectors"])
    word = rf"[A-Z0-9][\w'&-]*[^\S\n]+(?:(?:{joins})[^\S\n]+)?"  # a capitalised word, a connector after it
    return re.compile(rf"\b{words}[^\S\n]+(?P<name>(?:{word}){{1,4}})$")


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    return frozenset(lexicons.load("venues")["connectors"])


def find_venues(text: str) -> list[Span]:
    """VENUE spans introduced by `di`/`bertempat di`; a trailing `, City` is kept apart in attrs."""
    out: list[Span] = []
    for m in _pattern().finditer(text):
        if out and m.start() < out[-1].end:
            continue
        before = text[max(0, m.start() - 30):m.start()]
        start = m.start()
        if not _before().search(before):
            # `di IPB International Convention Center`, `di Grand Swiss-Belhotel Darmo`: the name starts before its head
            lead = _lead().search(text, max(0, m.start() - 80), m.start())
            if lead is None:
                continue
            start = lead.start("name")
        # `di gedung Graha Gubernur`: keep the lower-case kind word
        toks = tokenize(text, m.end(), min(len(text), m.end() + 200))
        end = m.end()
        k = 0
        while k < len(toks):
            w = toks[k].text
            if "\n" in text[end:toks[k].start]:
                break
            if is_cap(w) or w.isdigit() or (w in _connectors() and k + 1 < len(toks) and is_cap(toks[k + 1].text)):
                end = toks[k].end
                k += 1
                if w.endswith(".") and len(w) > 4:
                    end -= 1
                    break
                continue
            if w == "(" and k + 2 < len(toks) and toks[k + 2].text == ")":
                end = toks[k + 2].end
                k += 3
                continue
            if w == "," and k + 1 < len(toks) and _pattern().match(text, toks[k + 1].start):
                # `Auditorium Dr Soedjarwo, Gedung Manggala Wanabakti`
                k += 1
                continue
            break
        city = None
        tail = text[end:end + 60]
        cm = re.match(r"\s*,\s*", tail)
        inner = [r for r in region_pattern().finditer(text, start, end)]
        if cm:
            rm = region_pattern().match(text, end + cm.end())
            # `alun-alun Kabupaten Sidoarjo, Jawa Timur`: a province after the venue is wider than the place in it
            if rm and not (inner and gazetteer().get(rm.group("name")) == "provinsi"):
                city = rm.group()
        # a bare head is no venue (`di gedung itu`); a name before it, after it, or a head that is a name itself
        # (`Jakarta Convention Center`, `ICE BSD`) is
        named = len(m.group().split()) > 1 and all(is_cap(w) for w in m.group().split())
        if end > m.end() or start < m.start() or named or m.group().lower() == "jcc":
            out.append(Span.of(text, start, end, "VENUE", SOURCE, 0.8, city=city))
    return sorted(out + _known(text, out), key=lambda s: s.start)


_SPACE_COMMA = re.compile(r"[ ,]*")


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{lexicons.alternation(lexicons.load('venues')['known'])})(?![\w-])", re.I)


def _known(text: str, found: list[Span]) -> list[Span]:
    """Known venues after `di`/`bertempat` however they are written (`di istana negara`, `di Grahadi Surabaya`),
    where the head rule found none there; a region right after one is its city."""
    out = []
    for m in _known_pattern().finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in found) or not _before().search(text, max(0, m.start() - 30), m.start()):
            continue
        rm = region_pattern().match(text, _SPACE_COMMA.match(text, m.end()).end())
        out.append(Span.of(text, m.start(), m.end(), "VENUE", SOURCE + ".known", 0.8, city=rm.group() if rm else None))
    return out


@register
class VenueTagger:
    """Rule tagger for VENUE spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_venues(doc.text)
