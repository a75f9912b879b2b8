"""Programs: PROG spans with their gloss and the unit that runs them."""
from __future__ import annotations

from collections import Counter

from ..core import lexicons
from ..core.document import Document
from ..core.record import Program
from ..core.spans import Span
from ..rules.tokens import common_words
from .common import norm, spells


def link_programs(doc: Document, spans: list[Span]) -> list[Program]:
    orgs = [s for s in spans if s.label == "ORG"]
    out: list[Program] = []
    seen: set[str] = set()
    blockers = [s for s in spans if s.label in ("ORG", "LOC", "TITLE", "AWARD", "CAT", "PER")]
    # a rule PROG that lies inside an agency, place, title, award or name is a piece of that, not a program; the
    # name of a listed item (`1. Kabupaten Simalungun (Transformasi ...)`) is often the winner's, whoever tagged it;
    # a name inside an award's, whoever tagged the award, is the award's (`Penghargaan Program Kampung Iklim ...`)
    progs = sorted((s for s in spans if s.label == "PROG" and not any(
        b.contains(s) and (b.source != "model" or b.label == "AWARD" or s.source.endswith(".list")) for b in blockers)),
        key=lambda s: s.start)
    glosses = [s for s in progs if "gloss_start" in s.attrs]
    common = common_words(doc.text)
    givers = tuple(lexicons.load("awards")["giver_heads"])
    runners = Counter(" ".join(o.text.split()) for o in orgs if not o.text.startswith(givers) and len(o.text) > 2)
    runners.update(o.attrs["acronym"] for o in orgs if o.attrs.get("acronym"))  # `... (Diskominfo) Kota X`: named too
    usual = runners.most_common(1)[0][0] if runners else None  # the body the article is about runs its programs
    award_keys = {_key(a.text) for a in spans if a.label in ("AWARD", "CAT")}
    award_word = lexicons.words("awards", "heads", ignore_case=False)
    generic = set(lexicons.load("programs")["generic_words"]) | set(lexicons.load("programs")["name_heads"])
    ends = {w.lower() for w in lexicons.load("programs")["not_name_ends"]}
    for s in progs:
        words = " ".join(s.text.split()).strip("\"“”'").split()
        while words and words[-1].lower() in ends:  # `Kampung Berseri dan`: a name cut before its second half
            words.pop()
        name = " ".join(words)
        k = _key(name)  # `BaliMandara` and `Bali Mandara` are one program
        if not k or k in seen or any(_in_gloss(s, g) and not (_in_gloss(g, s) and s.start < g.start) for g in glosses):
            continue
        if k in award_keys or name in generic or award_word.search(name):
            continue  # `Adipura` named as the award, a bare `Gerakan`, a headline `X Raih Penghargaan Y`: no program
        if len(name.split()) == 1 and name.lower() in common:
            continue
        seen.add(k)
        line = doc.line_at(s.start)
        agency = None
        after = doc.text[s.end:line.end]
        m = lexicons.words("programs", "owner_cues", end=r"\s+", ignore_case=False).search(after)
        if m:
            pos = s.end + m.end()
            hit = next((o for o in orgs if o.start == pos), None)
            agency = hit.text if hit else None
        out.append(Program(name, s.attrs.get("description"), agency or usual))
    return [p for p in out if not _short_form(p, out)]


def _key(text: str) -> str:
    """A program's name for comparison: normalised, without blanks."""
    return norm(text.strip("\"“”'")).replace(" ", "")


def _in_gloss(s: Span, other: Span) -> bool:
    """Whether `s` lies in the gloss of `other`: a piece of its description (`Beli Mahal Jual Murah (Bima Juara)`).
    Two names that gloss each other (`Gerakan ... Cegah Stunting (Genting)`) keep the first one written."""
    return s is not other and other.attrs.get("gloss_start", -1) <= s.start < other.attrs.get("gloss_end", -1)


def _short_form(p: Program, programs: list[Program]) -> bool:
    """`JKN` beside `Jaminan Kesehatan Nasional`: the acronym of a program listed, not one more program."""
    if " " in p.name or len(p.name) < 2:
        return False
    for q in programs:
        words = q.name.split()
        if q is not p and any(spells(p.name, words[k:]) for k in range(len(words) - 1)):
            return True
    return False
