"""Award entries: which award, won by whom, in which category and rank, given by whom.

Two shapes of article: a list (`Juara I : Kabupaten X`, numbered winners under
category headings), giving one entry per line; and a story about one winner,
whose recipient is the subject of a win verb (`Pemkot Bekasi meraih ...`) or
the entity the headline leads with.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..core import lexicons
from ..core.document import Document
from ..normalize.names import clean_person_name
from ..normalize.ranks import find_ranks
from ..core.record import Award, Record
from ..normalize.places import government_key_words, government_prefix, name_key, region_pattern
from ..core.spans import Span
from ..rules.awards import redefined
from ..rules.weak_awards import WEAK_SOURCE, weak_awards
from .common import (award_name, award_words, category_value, clean, failing_grade, fullest_name, list_joins,
                     own_category, year_in)

_RECIPIENT_LABELS = ("ORG", "LOC", "PER")
_SEP = r"[^\S\n]*[:.\-–—)][^\S\n]*"


@lru_cache(maxsize=1)
def _win_verbs() -> re.Pattern:
    verbs = lexicons.alternation(lexicons.load("awards")["win_verbs"])
    return re.compile(rf"\b{verbs}\b", re.I)


def _award_name(doc: Document, spans: list[Span]) -> tuple[Span | None, str | None]:
    """The article's main award: known awards first, then frequency, then the headline."""
    awards = [s for s in spans if s.label == "AWARD"] or _weak_awards(doc, spans)
    if not awards:
        return None, None
    head_end = doc.body_start or (doc.lines[0].end if doc.lines else 0)
    counts: dict[str, int] = {}
    for s in awards:
        k = s.attrs.get("known") or s.text.lower()
        counts[k] = counts.get(k, 0) + 1

    def score(s: Span) -> tuple:
        k = s.attrs.get("known") or s.text.lower()
        return (s.attrs.get("known") is not None or s.source.endswith(".tail"), counts[k],
                s.start < head_end + 600, year_in(s.text) is not None, len(s.text), -s.start)

    best = max(awards, key=score)
    known = best.attrs.get("known")
    if known:  # prefer the fullest surface form of the same award
        same = [s for s in awards if s.attrs.get("known") == known]
        best = max(same, key=lambda s: (len(s.text.split()) > 1, year_in(s.text) is not None, len(s.text)))
    return best, known


def _weak_awards(doc: Document, spans: list[Span]) -> list[Span]:
    """Where no span is an award: the weak candidates of the rules (`penghargaan Satyalencana`, `piala adipura`)
    outside the page's noise, none of them a body, place, person, title or category that a span found."""
    taken = [s for s in spans if s.label in {"ORG", "LOC", "PER", "TITLE", "CAT"}]
    return [s for s in weak_awards(doc.text, taken) if not doc.in_noise(s.start, s.end)]


def _organizer(doc: Document, rec: Record, award: Span | None, known: str | None) -> str | None:
    names = [a.name for a in rec.agencies]
    if known:
        entry = next(e for e in lexicons.load("awards")["known"] if e["name"] == known)
        org = entry.get("organizer")
        if org:
            acr = {v: k for k, v in lexicons.load("agencies")["acronyms"].items()}
            want = {org.lower(), acr.get(org, "").lower()} - {""}
            for a in rec.agencies:
                forms = [a.name, *a.aliases]
                if any(f.lower().rstrip(" ri").startswith(w) or w.startswith(f.lower()) for f in forms for w in want if len(f) > 2):
                    return a.name
            return org
    if award is not None:
        window = doc.text[award.end:award.end + 200]  # `X Award yang digelar oleh Y`: the cue within a few words of it
        cues = lexicons.alternation(lexicons.load("awards")["giver_cues"])
        m = re.match(rf"[\s,]*(?:[a-z][\w-]*\s+){{0,3}}?{cues}\s+", window)
        if m:
            rest = window[m.end():]
            for n in names:
                if rest.startswith(n):
                    return n
    ministries = [n for n in names if n.startswith(("Kementerian", "Badan", "Komisi"))]
    return ministries[0] if ministries else None


def _entity_at(spans: list[Span], start: int, end: int) -> Span | None:
    inside = [s for s in spans if s.label in _RECIPIENT_LABELS and start <= s.start < end]
    return min(inside, key=lambda s: (s.start, -len(s.text))) if inside else None


def _list_entries(doc: Document, spans: list[Span]) -> list[dict]:
    """Winner lines: `Juara I : X`, `1. Kabupaten X`, `Terbaik II - Kota Y`."""
    entries: list[dict] = []
    category: str | None = None
    cats = [s for s in spans if s.label == "CAT"]
    for ln in doc.lines:
        t = ln.text
        if ln.noise or not t.strip():
            continue
        cat_here = [c for c in cats if ln.start <= c.start < ln.end]
        ranks = [r for r in find_ranks(t) if r.start <= 4]
        if cat_here and not ranks and len(t) < 160:
            category = clean(re.sub(r"^\s*\d+[.)]\s*", "", _surest_category(cat_here).text))
            continue
        m = None
        rank = rank_text = None
        if ranks:
            r = ranks[0]
            m = re.match(_SEP, t[r.end:])
            if m:
                rank, rank_text = r.attrs["rank"], r.text
                rest_start = r.end + m.end()
        if m is None:
            num = re.match(r"^\s*(\d{1,2})[.)]\s+", t)
            if not num:
                continue
            rest_start = num.end()
        rest = t[rest_start:]
        cut = re.search(r"\s[–—-]\s|,|\(|;|\s{2,}", rest)
        name = clean(rest[:cut.start()] if cut else rest)
        if not name or len(name) > 90 or not name[0].isupper():
            continue
        if m is None and not (region_pattern().match(name) or _entity_at(spans, ln.start + rest_start, ln.start + rest_start + 3)):
            continue
        entries.append({"recipient": name, "rank": rank, "rank_text": rank_text, "category": category})
    return entries if len(entries) >= 2 else []


_DATELINE_AFTER = re.compile(r"[^\S\n]*(?:,|\()[^\n]{0,40}?[-–—]")


def _single_recipient(doc: Document, spans: list[Span]) -> tuple[str | None, Span | None]:
    """The subject of the first win verb: the first entity before it that is no dateline city and no giver."""
    for a, b in doc.sentences():
        if doc.in_noise(a, b):
            continue
        v = _win_verbs().search(doc.text, a, b)
        if not v:
            continue
        cands = sorted((s for s in spans if s.label in _RECIPIENT_LABELS and a <= s.start < v.start()),
                       key=lambda s: (s.start, -len(s.text)))
        for ent in cands:
            if ent.label == "LOC" and _DATELINE_AFTER.match(doc.text, ent.end):
                continue
            if ent.label == "ORG" and ent.text.startswith(tuple(lexicons.load("awards")["giver_heads"])):
                continue
            if ent.label == "PER" and not any(s.label == "TITLE" and 0 <= ent.start - s.end < 3 for s in spans):
                continue
            return _named(ent, spans), ent
    return None, None


def _named(ent: Span, spans: list[Span]) -> str:
    """A winner's name for the record: its fullest mention in the article (`common.fullest_name`), cleaned."""
    key = name_key(ent.text)
    same = [s for s in spans if s.label in _RECIPIENT_LABELS and (s.label == "PER" or name_key(s.text) == key)]
    return clean(fullest_name(ent, same).text)


@lru_cache(maxsize=1)
def _list_glue() -> re.Pattern:
    """What stands between two names of a list: a comma, a join word or both (`A, B, dan C`)."""
    return re.compile(rf"\s*(?:,\s*{list_joins()}?|(?<!\w){list_joins()}(?!\w))\s*$")


@lru_cache(maxsize=1)
def _passive() -> re.Pattern:
    """`diraih (oleh) `: the winner follows."""
    agent = lexicons.alternation(lexicons.load("awards")["agent_words"])
    return lexicons.words("awards", "passive_verbs", end=rf"\s+(?:{agent}\s+)?")


def _clause_start(text: str, a: int, pos: int) -> int:
    joins = lexicons.load("awards")["list_joins"]
    cut = max([text.rfind(",", a, pos), text.rfind(";", a, pos)] + [text.rfind(f" {w} ", a, pos) for w in joins])
    return cut + 1 if cut >= 0 else a


def _inline_entries(doc: Document, spans: list[Span]) -> list[dict]:
    """Winners named inside sentences: `... Terbaik Pertama diraih Provinsi X`, `yakni A, B, C dan D`,
    and lists of officials who received the award."""
    text = doc.text
    out: list[dict] = []
    prev_list = False
    for a, b in doc.sentences():
        if doc.in_noise(a, b) or a < doc.body_start:
            continue
        here = [s for s in spans if a <= s.start < b]
        # passive: `<category> <rank> diraih (oleh) <recipient>`
        for m in _passive().finditer(text, a, b):
            ent = _entity_at(spans, m.end(), m.end() + 2)
            if ent is None:
                continue
            c0 = _clause_start(text, a, m.start())
            cat = next((s for s in here if s.label == "CAT" and c0 <= s.start < m.start()), None)
            rnk = next((s for s in find_ranks(text[c0:m.start()])), None)
            out.append({"recipient": _named(ent, spans), "rank": rnk.attrs["rank"] if rnk else None,
                        "rank_text": rnk.text if rnk else None,
                        "category": clean(cat.text) if cat else None})
        # a run of three or more regions or region governments
        places = [s for s in here if s.label == "LOC" or (s.label == "ORG" and government_prefix().match(s.text))]
        run: list[Span] = []
        runs: list[list[Span]] = []
        for s in places:
            if run and s.start < run[-1].end:
                continue
            if run and _list_glue().match(text[run[-1].end:s.start]) is None:
                runs.append(run)
                run = []
            run.append(s)
        runs.append(run)
        best = max(runs, key=len)
        cue = bool(lexicons.words("awards", "recipient_cues").search(text, a, b)) or prev_list
        prev_list = len(best) >= 3 and cue
        if prev_list:
            out.extend({"recipient": _named(s, spans), "rank": None, "rank_text": None, "category": None} for s in best)
        # officials who received it: `penerima ...: Bupati X A, Wali Kota Y B`
        titled = [p for p in here if p.label == "PER" and any(t.label == "TITLE" and 0 <= p.start - t.end < 3 for t in here)]
        if len(titled) >= 3 and lexicons.words("awards", "recipient_cues", "receive_cues").search(text, a, b):
            out.extend({"recipient": clean_person_name(p.text), "rank": None, "rank_text": None, "category": None} for p in titled)
    return out


def _dedupe(entries: list[dict]) -> list[dict]:
    seen: list[set[str]] = []
    out = []
    for e in entries:
        key = set(re.findall(r"[0-9a-z]+", (e["recipient"] or "").lower())) - government_key_words()
        if not key or any(key <= k or k <= key for k in seen):
            continue
        seen.append(key)
        out.append(e)
    return out


def _context(doc: Document, spans: list[Span], ent: Span) -> tuple[int | None, str | None, str | None]:
    """Rank and category told around a recipient: its sentence first, then the headline and lead."""
    sent = next(((a, b) for a, b in doc.sentences() if a <= ent.start < b), (ent.start, ent.end))
    near = [s for s in spans if sent[0] <= s.start < sent[1]]
    r = next((s for s in near if s.label == "RANK" and "rank" in s.attrs), None)
    if r is None:
        r = next((s for s in find_ranks(doc.text[:doc.body_start + 400])), None)
    c = _surest_category(near) or _surest_category(spans)
    return (r.attrs["rank"] if r else None, r.text if r else None, clean(c.text) if c else None)


def _surest_category(spans: list[Span]) -> Span | None:
    """The CAT span its tagger is surest of (`Predikat Informatif` over a lower-case `kategori ...`), first if tied."""
    cats = [s for s in spans if s.label == "CAT"]
    return max(cats, key=lambda s: (s.score, -s.start)) if cats else None


def link_awards(doc: Document, spans: list[Span], rec: Record, linker=None) -> list[Award]:
    """Award entries for the record (one per recipient): the learned `linker` decides when there is one, else the rules."""
    if not _tells_of_an_award(doc, spans):
        return []  # no award span and no word of one (`penghargaan`, `juara`, `Award`): a CSR report, a budget talk
    if linker is not None:
        main = cache(lambda: _award_name(doc, spans))  # asked for only when the linker finds winners, then once
        found = [a for a in linker.link(doc, spans, rec, main, lambda: _organizer(doc, rec, *main()))
                 if not failing_grade(a.category, a.award)]
        if found:
            _warn_weak(main()[0], found, rec.warnings, redefined(doc.text))
        return found
    award, known = _award_name(doc, spans)
    name = award_name(award.text, redefined(doc.text)) if award else None
    organizer = _organizer(doc, rec, award, known)
    year = year_in(name or "") or (int(rec.event_date[:4]) if rec.event_date else None)
    entries = _list_entries(doc, spans)
    inline = _inline_entries(doc, spans) if not entries else []
    if len(inline) >= 2:
        recipient, ent = _single_recipient(doc, spans)
        lead = [{"recipient": recipient, "rank": None, "rank_text": None, "category": None}] if recipient else []
        entries = _dedupe(lead + inline)
        shared = _context(doc, spans, ent)[2] if ent is not None else None
        for e in entries:
            e["category"] = e["category"] or shared
    if not entries:
        recipient, ent = _single_recipient(doc, spans)
        if recipient is None and (name is None or award.source.startswith(WEAK_SOURCE)):
            return []  # a name found only by the weak rules makes no entry without a winner
        rank, rank_text, category = _context(doc, spans, ent) if ent is not None else (None, None, None)
        entries = [{"recipient": recipient, "rank": rank, "rank_text": rank_text, "category": category}]
    for e in entries:
        category = category_value(e["category"]) if e["category"] else None
        e["category"], e["award"] = own_category(category, name) if category and name else (category, name)
    found = [Award(award=e["award"], category=e["category"], rank=e["rank"], rank_text=e["rank_text"],
                   recipient=e["recipient"], organizer=organizer, year=year) for e in entries
             if not failing_grade(e["category"], e["award"])]
    _warn_weak(award, found, rec.warnings, redefined(doc.text))
    return found


def _tells_of_an_award(doc: Document, spans: list[Span]) -> bool:
    """Does the article name an award or use a word of one (lexicon `awards.heads`, `tails`, `evidence_words`)? None
    of the annotated articles without one reports a win."""
    return any(s.label == "AWARD" for s in spans) or bool(award_words().search(doc.text))


def _warn_weak(award: Span | None, found: list[Award], warnings: list[str], glossed: frozenset[str]) -> None:
    """Say so where an entry's award name is a weak candidate's (no span named the award), so a reader checks it."""
    if award is not None and award.source.startswith(WEAK_SOURCE) and any(
            a.award == award_name(award.text, glossed) for a in found):
        kind = award.source[len(WEAK_SOURCE) + 1:]
        warnings.append(f"award name from weak evidence ({kind}): {award.text!r} at {award.start}")
