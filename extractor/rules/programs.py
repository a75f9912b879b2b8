"""Programs and innovations: `SiPintar (Sistem Pelayanan Terpadu ...)`, `inovasi "Jempol Jago"`, `program Gerbang Desa`."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from ..normalize.places import region_pattern
from .tokens import common_words
from . import register

SOURCE = "rules.programs.v1"

_NAME = r"[A-Z][\w'’-]*(?:[^\S\n]+(?:[A-Z0-9][\w'’-]*|dan|di|&)){0,5}"
_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # blanks, or one line break of a hard-wrapped page
# one more name of a list after a program's name: `, K3-1W`, ` dan Ceria`, `, serta Gaspol`
_NEXT_ITEM = re.compile(rf"(?:[^\S\n]*,{_GAP}?(?P<join1>(?:dan|serta){_GAP})?|{_GAP}(?P<join2>dan|serta){_GAP})"
                        rf"(?P<name>[A-Z][\w'’-]*(?:{_GAP}[A-Z0-9][\w'’-]*){{0,5}})")


def _either_case(words: list[str]) -> str:
    """`inovasi` -> `[Ii]novasi`: a keyword may open a sentence."""
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicons.load("programs")
    keys = _either_case(lex["keywords"])
    heads = "|".join(rf"(?={re.escape(h)}\b)" for h in lex["name_heads"])
    fillers = lexicons.alternation(lex["fillers"])
    # 1. SiPintar (Sistem Pelayanan Terpadu ...) dari RSUD Sleman
    listed = re.compile(rf"(?m)^[^\S\n]*(?:\d+[.)]|[-•*])[^\S\n]*(?:(?:{keys})[^\S\n]+)?[\"“]?(?P<name>{_NAME})[\"”]?[^\S\n]*\((?P<gloss>[^()\n]{{4,160}})\)")
    # inovasi "Jempol Jago" / program Gerbang Desa / aplikasi SiCantik
    keyword = re.compile(rf"(?<![\w-])(?:{keys}|{heads})(?:[^\S\n]+{fillers})*[^\S\n]*:?[^\S\n]*(?P<q>[\"“'‘])?(?P<name>{_NAME})(?(q)[\"”'’])")
    # Jemput Bola Pelayanan (Jempol): a gloss with its short name in brackets
    gloss_first = re.compile(r"(?P<gloss>(?:[A-Z][\w'’-]*[^\S\n]+){1,7}[A-Z][\w'’-]*)[^\S\n]*\((?P<name>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,2})\)")
    context = lexicons.words("programs", "context_words")
    return listed, keyword, gloss_first, context


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    lex = lexicons.load("programs")
    return tuple(lex["not_name_starts"]), frozenset(lex["generic_words"]), frozenset(lex["not_name_ends"])


@lru_cache(maxsize=1)
def _award_head_before() -> re.Pattern:
    """A capitalised award or contest head right before a capitalised keyword: the keyword is a word of the
    award's name (`Lomba Inovasi ...`, `Anugerah Program ...`), not the start of a program's."""
    awards = lexicons.load("awards")
    heads = [h for h in (*awards["heads"], *awards["contest_heads"]) if h[:1].isupper()]
    return re.compile(rf"\b{lexicons.alternation(heads)}[^\S\n]+$")


@lru_cache(maxsize=1)
def _body_heads() -> re.Pattern:
    """A gloss that opens like a body, an award, a contest, a hall or a title names no program: `Lembaga
    Layanan ... (LLDIKTI)`, `Kompetisi Inovasi Pelayanan Publik (KIPP)`, `Menteri Dalam Negeri (Mendagri)`."""
    awards, venues = lexicons.load("awards"), lexicons.load("venues")
    heads = [*lexicons.load("agencies")["heads"], *awards["heads"], *awards["contest_heads"], *venues["heads"],
             *lexicons.load("titles")["heads"]]
    return re.compile(rf"(?:{lexicons.alternation(heads)})\b")


def abbreviates(short: str, gloss: str) -> bool:
    """Whether `short` is built from `gloss`'s letters in order, first letter first: `TOSS` <- `Tempat Olah
    Sampah Setempat`, `Bima Juara` <- `Beli Mahal Jual Murah`, `Jempol` <- `Jemput Bola Pelayanan`."""
    letters = re.sub(r"[^a-z0-9]", "", short.lower())
    pool = iter(re.sub(r"[^a-z0-9]", "", gloss.lower()))
    return bool(letters) and letters[0] == gloss[:1].lower() and all(ch in pool for ch in letters)


def find_programs(text: str) -> list[Span]:
    """PROG spans; a gloss found next to the name is kept in `attrs['description']`, its offsets in
    `attrs['gloss_start']` and `attrs['gloss_end']`."""
    listed, keyword, gloss_first, context_words = _patterns()
    not_name_start, generic, not_name_end = _words()
    out: list[Span] = []
    for m in listed.finditer(text):
        if m["name"].startswith(not_name_start):
            continue
        out.append(Span.of(text, m.start("name"), m.end("name"), "PROG", SOURCE + ".list", 0.8,
                           description=m["gloss"].strip(), gloss_start=m.start("gloss"), gloss_end=m.end("gloss")))
    for m in keyword.finditer(text):
        name = m["name"]
        if name.split()[0] in generic or len(name) < 3 or name.startswith(not_name_start):
            continue
        if text[m.start()].isupper() and _award_head_before().search(text, max(0, m.start() - 40), m.start()):
            continue  # `Lomba Inovasi Kenormalan Baru`, `Anugerah Program Bisnis Terpuji`: the words name the award
        while name.split()[-1] in not_name_end | {"&"}:
            name = name.rsplit(None, 1)[0]
        gloss = {}
        after = re.match(r"[\"”]?\s*\(([^()\n]{4,160})\)", text[m.end("name"):])
        if after:
            gloss = {"description": after.group(1).strip(), "gloss_start": m.end("name") + after.start(1),
                     "gloss_end": m.end("name") + after.end(1)}
        out.append(Span.of(text, m.start("name"), m.start("name") + len(name), "PROG", SOURCE + ".keyword", 0.6,
                           **gloss))
        if not gloss:
            out += _listed_after(text, m.start("name") + len(name), not_name_start)
    for m in gloss_first.finditer(text):
        name, gloss = m["name"], m["gloss"]
        context = text[max(0, m.start() - 60):m.end()]
        if gloss.startswith(not_name_start) or not context_words.search(context) or _body_heads().match(gloss):
            continue
        if name in generic or not abbreviates(name, gloss):
            continue
        out.append(Span.of(text, m.start("name"), m.end("name"), "PROG", SOURCE + ".gloss", 0.6, description=gloss,
                           gloss_start=m.start("gloss"), gloss_end=m.end("gloss")))
    return out


def _listed_after(text: str, pos: int, not_name_start: tuple[str, ...]) -> list[Span]:
    """`program E-Penting, K3-1W, Mantra, Gaspol dan Ceria`: the names listed after a program's, when two or more
    follow and `dan`/`serta` joins the last; a list that runs into a body or a place is no list of programs."""
    items: list[re.Match] = []
    while (m := _NEXT_ITEM.match(text, pos)) is not None:
        items.append(m)
        pos = m.end()
        if m["join1"] or m["join2"]:
            break
    if len(items) < 2 or not (items[-1]["join1"] or items[-1]["join2"]):
        return []
    if re.match(r"[^\S\n]*[(\"”]", text[pos:]):
        return []  # `Kependudukan, Keluarga Berencana dan Pembangunan Keluarga (KKBPK)`, a quoted title: one name
    common = common_words(text)
    if any(m["name"].startswith(not_name_start) or region_pattern().fullmatch(m["name"])
           or " " not in m["name"] and m["name"].lower() in common for m in items):
        return []  # a body, a place, or a word the text writes in lower case (`Harapan, Rencana, dan Aksi`)
    return [Span.of(text, m.start("name"), m.end("name"), "PROG", SOURCE + ".enum", 0.6) for m in items]


@register
class ProgramTagger:
    """Rule tagger for PROG spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_programs(doc.text)
