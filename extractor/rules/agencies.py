"""Agencies: ministries, regional governments, offices, hospitals, universities, companies.

Three shapes: a head word with its name (`Dinas Kesehatan Kota Bekasi`,
`PT Bukit Asam Tbk`), a known or all-capitals acronym (`Kemendagri`,
`RSUDKAB`), and a long form with its acronym in brackets, which become
aliases of one another (`Kementerian Dalam Negeri (Kemendagri)`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..normalize.names import is_honorific
from ..normalize.places import gazetteer, government_words, region_pattern
from ..core.spans import Span
from .tokens import (Tok, agency_acronyms, common_words, company_tails, complement_words, is_acronym, is_cap, tokenize,
                     win_verbs)
from . import register

SOURCE = "rules.agencies.v1"
MAX_TOKENS = 14


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    return frozenset(lexicons.load("agencies")["connectors"])


@lru_cache(maxsize=1)
def _government_heads() -> frozenset[str]:
    """`Pemkab`, `Pemerintah Kabupaten`, bare `Pemerintah`: heads that a region name must follow."""
    words = government_words()
    return frozenset(words) | frozenset(words.values()) | {long.split()[0] for long in words.values()}


@lru_cache(maxsize=1)
def _heads() -> re.Pattern:
    lex = lexicons.load("agencies")
    return re.compile(rf"(?<![\w-]){lexicons.alternation(lex['heads'])}(?![\w-])")


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    lex = lexicons.load("titles")
    return frozenset(h.split()[0] for h in lex["heads"] + lex["prefixes"]) - {"Dewan", "Badan"}


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    lex = lexicons.load("agencies")
    return frozenset(lex["not_agencies"]) | frozenset(lexicons.load("regions")["aliases"])


def _continue(text: str, toks: list[Tok], i: int, stop_at: set[int], head: str = "") -> int:
    """Index after the last token of the organisation name that continues at token i (`head` opened it)."""
    comps = complement_words()
    lex = lexicons.load("agencies")
    titled = head in lex["titled_heads"]
    numbered = head in lex["numbered_heads"]
    regions = region_pattern()
    n = 0
    doctor = False  # `RSUD dr Zainoel Abidin`: inside the name of the doctor a hospital is named after
    while i < len(toks) and n < MAX_TOKENS:
        t = toks[i]
        w = t.text
        doctor = doctor or titled and n == 0 and w in lex["name_titles"]
        if t.start in stop_at and not doctor or "\n" in text[toks[i - 1].end:t.start]:
            break  # a person's name ends the body's, save the doctor's its own name holds
        if w == "(":
            j = i + 1
            while j < len(toks) and toks[j].text != ")" and j - i < 4:
                j += 1
            inner = " ".join(x.text for x in toks[i + 1:j])
            # `(Persero)` belongs to the name; `(Kemendagri)` is an alias and ends it, unless the name goes on
            # after it with its region (`Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah`) or, for a
            # hospital, with its own name (`Rumah Sakit Umum Daerah (RSUD) dr M Saleh`)
            if j < len(toks) and toks[j].text == ")" and inner == "Persero":
                i = j + 1
                continue
            if j + 1 < len(toks) and toks[j].text == ")" and (regions.match(text, toks[j + 1].start) or titled and n == 0 and (
                    toks[j + 1].text in lex["name_titles"] or is_cap(toks[j + 1].text) and toks[j + 1].text.lower() not in win_verbs())):
                i = j + 1
                continue
            break
        if (w == "," or w in _connectors()) and i + 1 < len(toks) and _opens_a_name(text, toks[i + 1]):
            break  # `DPRD Kota A, DPRD Kota B`, `Kementerian X dan Lembaga Y`: a head opens the next name
        if w in _connectors():
            if i + 1 < len(toks) and is_cap(toks[i + 1].text) and toks[i + 1].text not in _title_heads():
                i += 1
                continue
            break
        if w == "," and i + 2 < len(toks) and toks[i + 1].text in comps and toks[i + 1].text[0].isupper() \
                and (toks[i + 2].text in comps or toks[i + 2].text in {",", "dan"}):
            i += 1
            continue
        if titled and n == 0 and w in lex["name_titles"] and i + 1 < len(toks) and is_cap(toks[i + 1].text):
            i += 1  # `RSUD dr. Soetomo`: a hospital named after a doctor keeps the title
            continue
        if numbered and n < 3 and re.fullmatch(r"\d{1,3}\.?", w):
            i += 1  # `SMPN 26`, `SD Negeri 10 Pauh`, `TK Melati 14`: a school's number belongs to its name
            n += 1
            if w.endswith("."):
                break  # `... TK Melati 14. Untuk tingkat SD`: the sentence ends
            continue
        if not is_cap(w) or is_honorific(w) or w in _title_heads() or w.rstrip(".") in {"Tahun"} or w.lower() in win_verbs():
            break
        if w.lower() in lexicons.dotless_words("awards", "name_stops"):
            break  # `Universitas Brawijaya Kembali Juara Umum`: a Title Case headline capitalises its adverbs
        if re.fullmatch(r"(?:19|20)\d\d", w):
            break
        i += 1
        n += 1
        if w.endswith(".") and (len(w) > 4 or w[:-1].isupper()):
            break  # `... Kementerian Koperasi dan UKM RI. Pada tahun ini`: acronyms take no dot, a sentence ends
        if w in company_tails():
            break
    return i


def _opens_a_name(text: str, tok: Tok) -> bool:
    """Does a new name start at `tok`: a body's head (`Dinas`, `Kementerian`), or after a word or a comma (not a slash:
    `Kementerian PPN/Bappenas` is one body) a body's acronym (`Bappeda`; lexicon `agencies.acronyms`) or a region
    with its kind (`Kabupaten Blora`, not `Banten` of `Bank Jawa Barat dan Banten`)?"""
    if _heads().match(text, tok.start):
        return True
    if not re.search(r"(?:,|(?<![\w/-])[^\W\d_]+)[^\S\n]+$", text[max(0, tok.start - 12):tok.start]):
        return False  # `PPN/Bappenas`, `A - B`: joined by a mark, not a word
    m = region_pattern().match(text, tok.start)
    return tok.text in agency_acronyms() or bool(m and m["type"])


def _continue_region(text: str, toks: list[Tok], i: int) -> int:
    """After `Pemkab`/`Pemerintah Provinsi`: an optional `(Pemprov)`, a type word, then a region name (or a region
    whose own name starts with such a word: `Pemerintah Provinsi Daerah Istimewa Yogyakarta`)."""
    start = i
    if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")":
        i += 3
    whole = region_pattern().match(text, toks[i].start) if i < len(toks) else None
    if i < len(toks) and toks[i].text in {"Kabupaten", "Kota", "Provinsi", "Kab.", "Daerah"}:
        i += 1
    if i >= len(toks):
        return i
    m = region_pattern().match(text, toks[i].start) or whole
    if not m:
        return start
    j = i
    while j < len(toks) and toks[j].start < m.end():
        j += 1
    return j


def find_agencies(text: str, stop_at: set[int] | None = None) -> list[Span]:
    """ORG spans; `stop_at` holds offsets where a person's name starts (a name ends an agency)."""
    stop_at = stop_at or set()
    lex = lexicons.load("agencies")
    acronyms = lex["acronyms"]
    excluded = _excluded()
    generic = frozenset(lex["generic_acronyms"])
    toks = tokenize(text)
    common = common_words(text)
    index = {t.start: k for k, t in enumerate(toks)}
    out: list[Span] = []
    for m in _heads().finditer(text):
        k = index.get(m.start())
        if k is None:
            continue
        i = k
        while i < len(toks) and toks[i].end <= m.end():
            i += 1
        head = m.group()
        if any(text.startswith(p, m.start()) for p in lex["not_agency_phrases"]):
            continue
        if head in _government_heads():
            j = _continue_region(text, toks, i)
            if j == i:
                continue
        else:
            j = _continue(text, toks, i, stop_at, head)
        if head in lex["numbered_heads"] and (j == i or toks[i].text in _connectors() or text[m.start() - 1:m.start()] == "/"
                                              or all(t.text in lex["school_kinds"] for t in toks[i:j])):
            continue  # `tingkat SD/MI`, `SMK/Madrasah Aliyah Kejuruan`, `SMP N`: a school level, no school
        if j == i and (head not in acronyms and not is_acronym(head) or head in generic):
            continue  # a bare `Dinas`, `Pemerintah` or `RSUD` names no one
        end = max(m.end(), toks[j - 1].end) if j > k else m.end()
        if text[end - 1] == "." and not text[m.start():end].endswith(("Tbk.", "PT.")):
            end -= 1
        # `RSUD dr Zainoel Abidin`: a hospital named after a doctor holds a person's name (no tagger's PER vetoes it)
        named_after = head in lex["titled_heads"] and i < j and toks[i].text in lex["name_titles"]
        out.append(Span.of(text, m.start(), end, "ORG", SOURCE, 0.85, **({"named_after": True} if named_after else {})))
    covered = [(s.start, s.end) for s in out]
    for k, t in enumerate(toks):
        w = t.text.rstrip(".,")
        if not w or any(s <= t.start < e for s, e in covered):
            continue
        known = (w in acronyms and w not in generic) or bool(
            re.fullmatch(r"Kemen[A-Z]\w+|Kemen(?!t[e]?rian)[a-z]{3,}\w*|Kem[A-Z]\w+", w))
        unknown_caps = (is_acronym(w) and w.isupper() and len(w) >= 3 and w not in excluded
                        and w.title() not in gazetteer() and w.lower() not in common
                        and not re.fullmatch(r"[IVXLC]+|.*\d{3}.*|.*[.].*", w)
                        and not _shouting(text, t.start)
                        and (_bracketed(text, t) and not _after_lower(text, t)
                             or lexicons.words("agencies", "acronym_lead_words", end=r"\s+$", ignore_case=False).search(text[max(0, t.start - 12):t.start])))
        if not (known or unknown_caps):
            continue
        j = k + 1
        # `Bappeda Konawe`, `BPK RI Perwakilan Aceh`, `PWI Pusat`
        while j < len(toks) and toks[j].text in {"RI", "Pusat", "Perwakilan", "Wilayah", "Provinsi", "Kabupaten", "Kota"} | set(gazetteer()):
            if "\n" in text[toks[j - 1].end:toks[j].start] or toks[j - 1].text.endswith((".", ",")):
                break  # `... dari Bappenas. Kabupaten Sleman meraih`: a sentence or a clause ends
            j += 1
        out.append(Span.of(text, t.start, t.start + len(t.text.rstrip(".,")) if j == k + 1 else toks[j - 1].end,
                           "ORG", SOURCE if known else SOURCE + ".caps", 0.8 if known else 0.5))
    return _link_aliases(text, sorted(out, key=lambda s: s.start))


def _shouting(text: str, pos: int) -> bool:
    """True when the line around `pos` is mostly capitals (a dateline or an all-caps headline)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a:b if b >= 0 else len(text)][:200]
    letters = [c for c in line if c.isalpha()]
    head = [c for c in text[a:pos] if c.isalpha()]
    return len(letters) > 0 and (sum(c.isupper() for c in letters) > 0.6 * len(letters) or (head and all(c.isupper() for c in head)))


def _bracketed(text: str, tok: Tok) -> bool:
    """`(RSUDKAB)`: an acronym in brackets."""
    return text[max(0, tok.start - 1):tok.start] == "(" and text[tok.end:tok.end + 1] == ")"


def _after_lower(text: str, tok: Tok) -> bool:
    """`pengarusutamaan gender (PUG)`, `laporan penyelenggaraan pemerintahan daerah (LPPD)`: an acronym whose long
    form is written in lower case shortens a common phrase (a report, a policy), not the name of a body."""
    before = re.search(r"(\w+)\W*$", text[max(0, tok.start - 40):tok.start - 1])
    return before is not None and before.group(1)[0].islower()


def _link_aliases(text: str, spans: list[Span]) -> list[Span]:
    """Mark `Long Form (ACR)` pairs: the acronym span gets `alias_of` = the long span's start; a name that goes on
    after its acronym (`Dinas Komunikasi dan Informatika (Diskominfo) Kota X`) keeps it as `acronym`."""
    out: list[Span] = []
    for s in spans:
        inner = re.search(r"\(\s*([^()\s]+)\s*\)\s*\S", s.text)
        if inner is not None and inner.group(1) != "Persero":
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "acronym": inner.group(1)})
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*\(\s*", text[prev.end:s.start]) and text[s.end:s.end + 1] == ")":
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "alias_of": prev.start})
        out.append(s)
    return out


@register
class AgencyTagger:
    """Rule tagger for ORG spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_agencies(doc.text)

    def tag_with(self, doc, spans: list[Span]) -> list[Span]:
        """Agencies stop where an official's name starts, so this runs after the PER taggers."""
        return find_agencies(doc.text, {s.start for s in spans if s.label == "PER"})
