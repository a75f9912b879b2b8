"""Rank candidates of the learned linker: the places a winner mention may have taken, with their features.

RANK spans of its sentence or line (not one told as an earlier win, nor one stated before an honourable mention),
its list item's number, its place in an ordered enumeration or in a list of places written after or before the
names (`A, B dan C masing-masing juara I, II dan III`), and the place after the last one stated before a follow
cue (`..., disusul B`). `learned.py` scores them with the `rank` model.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TypeVar

from ..core import lexicons
from ..core.spans import Span
from ..normalize.ranks import find_ranks, mention_phrase, rank_value
from . import features as F
from .candidates import Candidates
from .common import list_joins
from .structure import Enumeration

T = TypeVar("T")


def rank_rows(c: Candidates, m: Span) -> Iterator[tuple[int, str, dict[str, float]]]:
    """(rank value, rank text, features): RANK spans nearby, the list number, the place in an ordered enumeration."""
    ctx, doc = c.ctx, c.ctx.doc
    a, b = ctx.sentence_of(m.start)
    line = doc.line_at(m.start)
    for r in ctx.by_label.get("RANK", []):
        if "rank" in r.attrs and (a <= r.start < b or line.start <= r.start <= line.end) and not _mention_between(doc.text, r, m) \
                and not c.told_earlier(r, m):
            yield r.attrs["rank"], r.text, F.rank_features(ctx, m, r, "span")
    st = ctx.structure
    it = st.item_at(m.start)
    if it is not None and it.number is not None:
        marker = Span.of(doc.text, it.start, it.body, "RANK", "structure.item")
        yield it.number, marker.text, F.rank_features(ctx, m, marker, "item")
    en = st.enumeration_of(m)
    if en is not None:
        e, k = en
        for value, text, anchor in _enumeration_values(ctx, e, k, m):
            if not _mention_between(doc.text, anchor, m):
                yield value, text, F.rank_features(ctx, m, anchor, "each" if e.each else "enum")
    for value, text, anchor in _follower_values(ctx, m):
        yield value, text, F.rank_features(ctx, m, anchor, "follow")


def _mention_between(text: str, r: Span, m: Span) -> bool:
    """`juara tiga C, kemudian pemenang harapan yaitu D, E`: a place stated before an honourable mention is not
    the place of the names after the mention."""
    return r.end <= m.start and bool(mention_phrase().search(text, r.end, m.start))


def claimed_first(rows: list[tuple[T, dict[str, float]]], prefix: str = "rank:") -> list[tuple[T, dict[str, float]]]:
    """`juara pertama ... diraih A, juara dua direbut B`, `B meraih peringkat kedua`: where a verb gives a value
    (`prefix`: rank or category) to this name (`Context.claimed`, `Context.taken`), the name's value is among those;
    the one right after or before it may be another name's."""
    mine = [r for r in rows if prefix + F.CLAIMS_THIS in r[1]]
    return mine or rows


def rank_decisions(c: Candidates, members: list[int], others: list[int]) -> list[list[tuple[tuple[int, str], dict[str, float]]]]:
    """The rank rows of one entry, one decision per mention (`claimed_first`). Where none of its mentions has a
    place a verb gives it, a place a verb gives to another mention of the winner (`others`, which the winner model
    doubted: `Tim Cahaya dari SMAN 1 Kendari meraih juara pertama`) joins them."""
    def rows(i: int) -> list[tuple[tuple[int, str], dict[str, float]]]:
        return [((v, t), f) for v, t, f in rank_rows(c, c.mentions[i])]

    def claims(r: tuple[object, dict[str, float]]) -> bool:
        return "rank:" + F.CLAIMS_THIS in r[1]

    out = [claimed_first(rows(i)) for i in members]
    if not any(claims(r) for d in out for r in d):
        out += [d for d in ([r for r in rows(i) if claims(r)] for i in others) if d]
    return out


def _enumeration_values(ctx: F.Context, e: Enumeration, k: int, m: Span) -> list[tuple[int, str, Span]]:
    """The rank a member of an enumeration takes from its place: `A, B dan C masing-masing juara I, II dan III` (or
    without `masing-masing` where the places are as many as the names), `juara I diraih A, disusul B dan C`,
    `peringkat pertama hingga ketiga berturut-turut diraih A, B dan C`."""
    doc = ctx.doc
    a, b = e.sentence
    ranks = [r for r in ctx.by_label.get("RANK", []) if a <= r.start < b and "rank" in r.attrs]
    before = [r for r in ranks if r.end <= e.members[0].start]
    # `A dan B masing-masing juara I dan II`, `menetapkan A, B dan C sebagai juara I, II dan III` (as many places as
    # names); not a place a passive verb gives to another name after them
    after = [r for r in ranks if r.start > e.members[-1].end and ctx.claimed(r) is None]
    values = _series(doc.text, after[0], b) if after else []
    if after and (e.each or len(values) == len(e.members)):
        return [(values[k - 1], after[0].text, after[0])] if k <= len(values) and values[k - 1] else []
    if before:  # `juara 1, 2 dan 3 diraih A, B serta C`: a list of ranks before the members, taken in turn
        values = _series(doc.text, before[-1], e.members[0].start)
        if len(values) >= max(2, len(e.members)):
            return [(values[k - 1], before[-1].text, before[-1])] if k <= len(values) and values[k - 1] else []
    if e.each:
        return []
    if not e.ordered:
        return []
    start = before[-1].attrs["rank"] if before else 1
    anchor = before[-1] if before else m
    follows = lexicons.words("awards", "follow_words").search(doc.text, before[-1].end if before else a,
                                                               e.members[0].start)
    if follows and (before or not doc.text[follows.end():e.members[0].start].strip(" ,:oleh")):
        start += 1  # `X juara umum, disusul A dan B`, `X paling cerdas. Kemudian disusul oleh A, B`: after X
    return [(start + k - 1, anchor.text if k == 1 else f"{anchor.text} (+{k - 1})", anchor)]


def _series(text: str, r: Span, end: int) -> list[int | None]:
    """The rank values a RANK span lists, inside it or right after it: `juara I, II dan III` -> [1, 2, 3],
    `juara satu sampai tiga` -> [1, 2, 3]; `juara I` -> [1]."""
    values: list[int | None] = [r.attrs["rank"]]
    first = find_ranks(r.text)
    pos = r.start + first[0].end if first else r.end  # the span may hold the whole list (`juara 1, 2 dan 3`)
    while m := _series_step().match(text, pos, max(end, r.end)):
        value = rank_value("juara " + m["value"])
        if m["range"] and value and values[-1] and 0 < value - values[-1] <= 10:
            values.extend(range(values[-1] + 1, value + 1))
        else:
            values.append(value)
        pos = m.end()
    return values


@lru_cache(maxsize=1)
def _series_step() -> re.Pattern:
    """One more value of a rank list: `, II`, ` dan 3`, `, serta ketiga`, ` sampai tiga`."""
    lex = lexicons.load("ranks")
    value = lexicons.alternation([r.upper() for r in lex["roman"]] + list(lex["ordinals"]))
    upto = lexicons.alternation(lex["range_words"])
    return re.compile(rf"[^\S\n]*(?:,[^\S\n]*)?(?:{list_joins()}[^\S\n]+|(?P<range>{upto})[^\S\n]*)?"
                      rf"(?P<value>{value}|\d{{1,2}})(?![\w-])", re.I)


def _follower_values(ctx: F.Context, m: Span) -> list[tuple[int, str, Span]]:
    """`Tampil sebagai juara ketiga, A ..., disusul B`: B takes the rank after the last one stated before it."""
    doc = ctx.doc
    cue = lexicons.words("awards", "follow_words").search(doc.text, max(0, m.start - 20), m.start)
    if cue is None or doc.text[cue.end():m.start].strip(" ,:"):
        return []
    a, _b = ctx.sentence_of(m.start)
    before = [r for r in ctx.by_label.get("RANK", []) if a <= r.start < cue.start() and "rank" in r.attrs]
    return [(before[-1].attrs["rank"] + 1, cue.group(), Span.of(doc.text, cue.start(), cue.end(), "RANK", "structure.follow"))] if before else []
