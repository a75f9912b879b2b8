"""The structure of an article as the award linker needs it: headings, list items, lead-ins and enumerations.

List articles carry their meaning in layout: a heading (`Kategori Kota
Sedang:`) sets the category of the numbered lines under it; `Juara I : X`
gives a rank per line; a colon lead-in (`Kategori perintis: A, B dan C`) or a
sentence (`peringkat pertama hingga ketiga berturut-turut diraih A, B dan C`)
enumerates winners in order. This module finds those shapes once per article
and answers, for any offset, which heading it sits under, which list item it
starts, and which enumeration it belongs to, and at what position. It reads
spans from the rules and the model alike; it decides nothing about winners.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..core import lexicons
from ..core.document import BULLETS, Document
from ..core.spans import Span
from ..normalize import regions
from ..normalize.names import is_name_affix
from ..normalize.places import government_prefix, region_pattern
from ..normalize.ranks import count_words, find_ranks

_ITEM = re.compile(rf"^[^\S\n]*(?:(?P<num>\d{{1,3}})\s*[.)]|(?P<alpha>[a-zA-Z])[.)](?=\s)"
                   rf"|(?P<bullet>[{re.escape(BULLETS)}]))[^\S\n]*(?=\S)")
_ENTITY_LABELS = ("ORG", "LOC", "PER")
# `; (2) B`, `, b) B`: an item number in running text; `Bupati X 2018-2023 B`: a term of office
_INLINE_NUMBER = re.compile(r"(?<!\w)(?:\(\d{1,2}\)|\d{1,2}\)|[a-z]\)|(?:19|20)\d\d[^\S\n]*[-–][^\S\n]*(?:19|20)\d\d)(?!\w)")


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    lex = lexicons.load("awards")
    return {
        "order": lexicons.words("awards", "order_words"),
        "follow": lexicons.words("awards", "follow_words"),
        "each": lexicons.words("awards", "distribution_words"),
        "ranking": lexicons.words("ranks", "ranking_words"),
        "list": lexicons.words("awards", "list_cues"),
        "category": re.compile(rf"^\s*{lexicons.alternation(lex['category_heads'])}\b"),
    }


@dataclass
class Heading:
    """A line that introduces what follows: `Kategori Kota Sedang:`, `Berikut daftar pemenang ...:`."""

    start: int
    end: int
    text: str
    ranking: bool  # the heading speaks of ranks (`peringkat`, `urutan`, `Juara I`), not of a title (`Juara Green Leadership`)
    category: Span | None  # a CAT span in the heading, or the heading itself when it starts with a category word


@dataclass
class Item:
    """A numbered or bulleted line: `3. Kabupaten Badung`; `body` is where the text after the marker starts."""

    start: int
    end: int
    body: int
    number: int | None
    index: int  # position among the items of its list (1-based)
    list_id: int
    heading: Heading | None


@dataclass
class Enumeration:
    """Entities joined by commas and `dan`/`serta` in one sentence: `A, B dan C`."""

    members: list[Span]
    sentence: tuple[int, int]
    ordered: bool  # the sentence says the order is a ranking (`berturut-turut`, `hingga ketiga`, `disusul`)
    each: bool  # `masing-masing`: the members take the listed values in turn
    values: list[Span] = field(default_factory=list)  # each member's category written right after it, where all have one


@dataclass
class Structure:
    """Headings, list items and enumerations of one document."""

    doc: Document
    spans: list[Span]
    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)

    def item_at(self, offset: int) -> Item | None:
        """The list item whose line holds `offset`."""
        return next((it for it in self.items if it.start <= offset <= it.end), None)

    def heading_between(self, start: int, end: int) -> bool:
        """Does a heading start within text[start:end] (inclusive of `end`): another section opens there?"""
        return any(start <= h.start <= end for h in self.headings)

    def heading_above(self, offset: int) -> Heading | None:
        """The nearest heading before `offset`, unless running prose (a long line) stands between them."""
        best = None
        for h in self.headings:
            if h.end <= offset:
                best = h
        if best is None:
            return None
        for ln in self.doc.lines:
            if best.end < ln.start and ln.end < offset and len(ln.text.strip()) > 160 and not ln.noise:
                return None
        return best

    def enumeration_of(self, span: Span) -> tuple[Enumeration, int] | None:
        """The enumeration holding `span` and its 1-based position there."""
        for e in self.enumerations:
            for k, m in enumerate(e.members, 1):
                if m.start == span.start and m.end == span.end:
                    return e, k
        return None

    @cached_property
    def list_sizes(self) -> dict[int, int]:
        sizes: dict[int, int] = {}
        for it in self.items:
            sizes[it.list_id] = sizes.get(it.list_id, 0) + 1
        return sizes


def read_structure(doc: Document, spans: list[Span]) -> Structure:
    """Find headings, list items and enumerations of `doc` (spans: the entity and CAT spans found so far)."""
    st = Structure(doc, spans)
    cues = _cues()
    cats = [s for s in spans if s.label == "CAT"]
    list_id, index, last_item_line = 0, 0, -2
    current: Heading | None = None
    for n, ln in enumerate(doc.lines):
        t = ln.text
        if ln.noise or not t.strip():
            continue
        m = _ITEM.match(t)
        stripped = t.strip()
        if re.fullmatch(r"(\*+)[^*\n]+\1", stripped):  # `*Kategori X*` is a line in bold, not a bulleted item
            m, stripped = None, stripped.strip("*").strip()
        elif m and _is_category_line(t[m.end():].strip()):  # `1. Kategori Situs Sejarah (Historical Site)` heads
            m, stripped = None, t[m.end():].strip()  # the `Juara I : X` lines under it, it is no winner
        if m and len(stripped) < 200:
            if n - last_item_line > 2:  # a gap of more than one blank line starts a new list
                list_id += 1
                index = 0
            index += 1
            number = int(m["num"]) if m["num"] else None
            st.items.append(Item(ln.start, ln.end, ln.start + m.end(), number, index, list_id, current))
            last_item_line = n
            continue
        if _is_heading(stripped, ln.start, cats):
            cat = next((c for c in cats if ln.start <= c.start < ln.end), None)
            if cat is None and cues["category"].match(stripped):
                body = stripped.rstrip(" :")
                off = ln.start + t.index(stripped)
                cat = Span(off, off + len(body), body, "CAT", "structure.heading", 0.5)
            ranking = bool(cues["ranking"].search(stripped) or find_ranks(stripped))  # not a bare `juara`, `terbaik`
            current = Heading(ln.start, ln.end, stripped, ranking, cat)
            st.headings.append(current)
            list_id += 1  # a heading starts a list of its own
            index = 0
            last_item_line = n - 1  # items right after a heading belong to it
        elif len(stripped) > 160:
            current = None  # running prose ends the reach of a heading
    _name_sibling_headings(st)
    st.enumerations = _enumerations(doc, spans)
    return st


def _name_sibling_headings(st: Structure) -> None:
    """Short headings with a colon that name no category by their words (`Kelompok Umum:`, `SD/MI:`) name one where
    the article sets two or more such headings side by side over the lines that follow each: each heads a section of
    winners, as `Kategori X:` does."""
    awards = [s for s in st.spans if s.label == "AWARD"]
    short = [h for h in st.headings if h.category is None and h.text.endswith(":")
             and 1 <= len(h.text.rstrip(" :").split()) <= 4 and not _cues()["list"].search(h.text)
             and not re.search(r"\d", h.text) and h.text[0].isupper()
             and not any(h.start <= a.start < h.end for a in awards)]  # not `Adipura 2011:`, a heading's last line
    if len(short) < 2:
        return
    for h in short:
        body = h.text.rstrip(" :")
        off = h.start + st.doc.text[h.start:h.end].index(body)
        h.category = Span(off, off + len(body), body, "CAT", "structure.heading", 0.5)


def _is_category_line(body: str) -> bool:
    """A short line that only names a category: `Kategori Surga Tersembunyi (Hidden Paradise)`, `Kategori X:`."""
    return (bool(_cues()["category"].match(body)) and not body.endswith(".") and len(body.split()) <= 10
            and not re.search(r":\s*\S", body))


def _is_heading(line: str, start: int, cats: list[Span]) -> bool:
    """A short line that leads into what follows: ends with a colon, or is a category line without a full stop."""
    if len(line) > 140:
        return False
    if line.endswith(":"):
        return True
    if _cues()["category"].match(line) and not line.endswith("."):
        return len(line.split()) <= 10
    return False


@lru_cache(maxsize=1)
def _glue() -> re.Pattern:
    """What may stand between two members of an enumeration: a comma or semicolon, `dan`, `serta`, or an order word
    (`disusul`); a count of a kind that opens the rest of the list (`..., dan dua kota, yakni A dan B`; lexicon
    `awards.category_kinds`, `awards.list_cues`, numbers of `ranks.ordinals`)."""
    joins = lexicons.alternation(_joins())
    lex = lexicons.load("awards")
    kinds = lexicons.alternation(lex["category_kinds"])
    cues = lexicons.alternation(lex["list_cues"])
    counted = rf"(?:{count_words()}|\d+)\s+{kinds}\s*,?\s*(?:{cues})?\s*:?\s*"
    return re.compile(rf"^\s*(?:[,;]\s*|{joins}\s*)*(?:{counted})?$", re.I)


@lru_cache(maxsize=1)
def _joins() -> list[str]:
    lex = lexicons.load("awards")
    return lex["list_joins"] + lex["agent_words"] + lex["order_words"] + lex["follow_words"] + lex["next_words"]


@lru_cache(maxsize=1)
def _qualifier_patterns() -> dict[str, re.Pattern]:
    """What may follow a member and describe it, not join the enumeration: `(Sulawesi Selatan)`, `– Walikota Solo`,
    `wartawan Tempo`; in a list cut by semicolons, the places before the next `;` (`RSUD X, Meulabo, NAD; ...`)."""
    joins = lexicons.alternation(_joins())
    return {
        "bracket": re.compile(r"[^\S\n]*\([^()\n]{1,60}\)"),
        # a spaced dash and a few words up to the next comma, semicolon, `dan` or the end of the sentence
        "dash": re.compile(rf"[^\S\n]+[–—-][^\S\n]+(?:(?!{joins}\b)[^\s,;()]+[^\S\n]*){{1,6}}(?=[,;.]|\n|$|{joins}\b)",
                           re.I),
        # `untuk` and up to two lower-case words between a name and a place (lexicon `awards.lead_in_cues`): the scope
        # the member won for, `untuk kawasan Sumatera`
        "scope": re.compile(rf"[^\S\n]+(?:{lexicons.alternation(lexicons.load('awards')['lead_in_cues'])})[^\S\n]+"
                            rf"(?:[a-z]+[^\S\n]+){{0,2}}"),
        # up to two lower-case words (not a join) between a name and a name of another kind: `wartawan Tempo`
        "adjacent": re.compile(rf"[^\S\n]+(?:(?!{joins}\b)[a-z]+[^\S\n]+){{0,2}}"),
        # in a semicolon list: a comma or capitalised words between a name and a place that describes it
        "in_segment": re.compile(r"[^\S\n]*,?[^\S\n]*(?:[A-Z][\w.'-]*[^\S\n]*,?[^\S\n]*){0,3}"),
        # in a semicolon list: what follows a member up to the semicolon (`, Meulabo, NAD;`, ` dengan nilai 95;`)
        "segment": re.compile(rf"[^;\n]{{0,60}};\s*(?:{joins}\s*)?", re.I),
    }


def _tail(text: str, pos: int) -> int:
    """Where a member's bracketed or dashed description ends (`pos` when it has none)."""
    q = _qualifier_patterns()
    while True:
        m = q["bracket"].match(text, pos) or q["dash"].match(text, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _qualifies(text: str, member: Span, s: Span, reach: int, semis: bool) -> bool:
    """Does `s` describe the member before it (a name of another kind right after it, a village's regency) rather
    than join the run?"""
    gap = text[reach:s.start]
    village = regions.name_kind(member.label, member.text).startswith("region:")
    if village and regions.name_kind(s.label, s.text) == "region" and re.fullmatch(r"[^\S\n]*,?[^\S\n]*(?:di[^\S\n]+)?", gap):
        return True  # a village and its regency: `Desa A, Kabupaten B`, `Desa A, di Kabupaten B`
    if re.fullmatch(r"[^\S\n]*,[^\S\n]*", gap) and regions.province_of(s.text, member.label, member.text):
        return True  # a place and its province: `Kota Kendari, Sulawesi Tenggara`, `SMAN 1 X, Lampung`
    if _qualifier_patterns()["scope"].fullmatch(gap):
        return True  # `Kota Tebing Tinggi untuk kawasan Sumatera, Kabupaten Malang untuk kawasan Jawa`: the area won for
    if s.label == member.label:
        return False
    if _qualifier_patterns()["adjacent"].fullmatch(gap) or (not gap and reach > member.end):
        return True
    # in a semicolon list, a name of another kind before the next semicolon: `RSUD X, Meulabo, NAD;`
    return semis and _qualifier_patterns()["in_segment"].fullmatch(gap) is not None


def _enumerations(doc: Document, spans: list[Span]) -> list[Enumeration]:
    """Runs of two or more entities in one sentence joined by commas and `dan`/`serta` (semicolons too).

    A member's description is no member: a bracket or a dashed tail after it, a name of another kind right after it
    (`Delima Natalia Lampung Post`), and, where semicolons cut the list, the places before the next semicolon."""
    cues = _cues()
    titles = [s for s in spans if s.label == "TITLE"]
    # a category written right after a member is no break (`Riau predikat B, Kepulauan Riau predikat BB dan Jambi predikat B`)
    values = [s for s in spans if s.label == "CAT"]
    # a name's title belongs to the name (`Bupati Magetan Suprawoto, Wali Kota Bengkulu Helmi Hasan`): the place
    # inside a title is no member, and a title between two names is glue like a comma
    ents = sorted((s for s in spans if s.label in _ENTITY_LABELS and not any(t.start <= s.start and s.end <= t.end
                                                                               for t in titles)),
                  key=lambda s: (s.start, -s.end))
    out: list[Enumeration] = []
    dateline = doc.dateline
    for a, b in doc.sentences():
        if doc.in_noise(a, b):
            continue
        # the dateline's place is no member (`Batam (ANTARA) - Provinsi A, Kabupaten B dan Kota C memperoleh ...`)
        first = dateline[1] if dateline and a <= dateline[0] < b else a
        here = []
        for s in ents:
            if first <= s.start < b and not (here and s.start < here[-1].end):
                here.append(s)
        semis = doc.text.count(";", a, b) >= 2  # `A; B; C`: the semicolon cuts the items, a comma may describe
        run: list[Span] = []
        runs: list[list[Span]] = []
        reach = a  # where the last member and its description end
        for s in here:
            if run and (s.start < reach or _qualifies(doc.text, run[-1], s, reach, semis)):
                reach = max(reach, _tail(doc.text, s.end))
                continue
            if run:
                v = _right_after(doc.text, reach, values)
                own = [v] if v is not None and v.start < s.start else []
                gap = _INLINE_NUMBER.sub(" ", _without(doc.text, reach, s.start, titles + own))
                # `Bupati Sleman Dra. Hj. A, M.Sc, Bupati Bantul H. B`: honorifics and degrees belong to the names
                gap = re.sub(r"[^\s,;]+[,;]?", lambda t: "" if is_name_affix(t.group()) else t.group(), gap)
                joined = bool(gap.strip()) and (bool(_glue().match(gap)) or (
                    semis and _qualifier_patterns()["segment"].fullmatch(gap) is not None) or (
                    semis and gap.count(";") == 1 and len(gap) <= 160 and s.label == run[-1].label
                    and not any(reach <= v.start < s.start for v in values)))
                # `bagian kesehatan ialah A asal X dengan program P; bagian pendidikan diterima oleh B ...`: in a
                # list cut by semicolons, one name of a kind per part is one member per part (unless a category
                # between them opens another group: `(1) Kategori A (X, Y); (2) Kategori B (Z)`)
                if not joined:
                    runs.append(run)
                    run = []
            run.append(s)
            reach = _tail(doc.text, s.end)
        runs.append(run)
        sentence = doc.text[a:b]
        for r in (_without_places(doc.text, r) for r in runs):
            if len(r) >= 2:
                # in order: the sentence says so (`berturut-turut`), or a follow word joins the members or leads
                # them (`A, disusul B dan C`; `X juara umum, disusul A dan B`); `Selanjutnya ...` alone does not
                inside = any(cues["follow"].search(doc.text, x.end, y.start) for x, y in zip(r, r[1:]))
                leads = cues["follow"].search(doc.text, max(a, r[0].start - 15), r[0].start)
                ordered = bool(cues["order"].search(sentence) or inside or leads)
                out.append(Enumeration(r, (a, b), ordered, bool(cues["each"].search(sentence)), _paired(doc.text, r, values)))
    return out


def _right_after(text: str, pos: int, values: list[Span]) -> Span | None:
    """The first of `values` that starts at `pos` or after blanks only."""
    return next((v for v in values if pos <= v.start and not text[pos:v.start].strip()), None)


def _paired(text: str, run: list[Span], values: list[Span]) -> list[Span]:
    """The category (of the CAT spans `values`) each member of `run` is followed by, in order (`Riau predikat B,
    Kepulauan Riau predikat BB`); empty unless every member has its own."""
    out = []
    for x in run:
        v = _right_after(text, x.end, values)
        if v is None:
            return []
        out.append(v)
    return out


def category_runs(doc: Document, cats: list[Span]) -> list[list[Span]]:
    """Categories listed together in one sentence, joined by commas and `dan`/`serta`: `memborong tiga kategori,
    yaitu Smart Governance, Smart Economy dan Smart Society` -> one run of three."""
    runs: list[list[Span]] = []
    for a, b in doc.sentences():
        run: list[Span] = []
        for s in sorted((c for c in cats if a <= c.start < b), key=lambda c: c.start):
            gap = doc.text[run[-1].end:s.start] if run and s.start >= run[-1].end else ""
            if gap.strip() and _glue().match(gap):
                run.append(s)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = [s]
        if len(run) >= 2:
            runs.append(run)
    return runs


def _without_places(text: str, run: list[Span]) -> list[Span]:
    """A bare place between two names of another sort describes the one before it: `RS Paru X, Bogor, RSUP Y`."""
    keep = run[:1]
    for i in range(1, len(run) - 1):
        x, prev, nxt = run[i], run[i - 1], run[i + 1]
        described = (x.label == "LOC" and prev.label == nxt.label != "LOC" and not _governed(x.text)
                     and re.fullmatch(r"[^\S\n]*,[^\S\n]*", text[prev.end:x.start]) is not None)
        if not described:
            keep.append(x)
    return keep + run[-1:] if len(run) > 1 else keep


def _governed(name: str) -> bool:
    """`Kabupaten Bogor`, `Pemkot Bogor`: a name that says it is a government, not a bare place."""
    region = region_pattern().fullmatch(name)
    return bool(government_prefix().match(name) or (region and region["type"]))


def _without(text: str, a: int, b: int, spans: list[Span]) -> str:
    """text[a:b] with the parts that `spans` cover cut out."""
    keep, pos = [], a
    for t in sorted(spans, key=lambda t: t.start):
        if t.end <= pos or t.start >= b:
            continue
        keep.append(text[pos:max(pos, t.start)])
        pos = max(pos, t.end)
    keep.append(text[pos:b])
    return " ".join(keep)
