"""Helpers the field linkers share."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from ..normalize import regions
from ..normalize.awards import known_in, known_patterns
from ..normalize.dates import year_tail
from ..normalize.places import government_prefix
from ..normalize.ranks import find_ranks


@lru_cache(maxsize=1)
def category_label() -> re.Pattern:
    """A category's label (lexicon `awards.category_labels`) where its text starts, with the blanks after it:
    `Kategori ` of `Kategori Kota Sedang`."""
    return lexicons.words("awards", "category_labels", end=r"\s+(?=\S)")


@lru_cache(maxsize=1)
def _acronym_skips() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load("agencies")["acronym_skip_words"])


def spells(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` is the starts of `words` in order, each word giving one letter or more and a small word
    (`dan`, `di`: lexicon `agencies.acronym_skip_words`) maybe none: `KLHK`, `Bappeda`, `Pemkab`, `JKN`."""
    skip = _acronym_skips()

    def go(acr: str, ws: list[str]) -> bool:
        if not ws:
            return not acr
        w = ws[0]
        if w in skip and go(acr, ws[1:]):
            return True
        n = 1
        while n <= min(len(w), len(acr)) and w[:n] == acr[:n]:
            if go(acr[n:], ws[1:]):
                return True
            n += 1
        return False

    return go(acronym.lower().replace("-", ""), [w.lower() for w in words])


def norm(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.lower()))


def clean(text: str) -> str:
    """A surface form for the record: spaces collapsed, edge punctuation, quotes and list joins off; single quotes
    only as a pair (`'Feature'` -> `Feature`), as one opens a name (`'Aisyiyah`)."""
    value = " ".join(text.split()).strip(" ,.;:-–—/\"“”")
    value = re.sub(r"^[a-z][.)] (?=[A-Z])", "", value)  # `b. Kota Bima`: the letter of a list item
    value = _edge_join().sub("", value)  # `PT Pertamina Lubricants dan`: a list's join cut with the name
    if len(value) > 2 and value[0] in "'‘" and value[-1] in "'’":
        value = value[1:-1].strip(" ,.;:-–—\"“”")
    return value


def fullest_name(m: Span, pool: list[Span]) -> Span:
    """What a winner is named by, as the guideline asks (`as named at its clearest mention`): of `pool` (other
    mentions of it), the fullest that names the same person (`Bobby` -> `Bobby Nasution`) or region, a government
    staying a government (`Temanggung` -> `Kabupaten Temanggung`, `Pemkab Lebak` -> `Pemerintah Kabupaten (Pemkab)
    Lebak`, not `Pemprov Sumut` -> `Sumatera Utara`); `m` itself for other names, whose longer spans may hold a title
    or a trailing word (`Direktur PT X`), unless one of those spells it out before its short name in brackets
    (`BPBD Jateng` -> `Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah`)."""
    def words(x: Span) -> set[str]:
        return set(re.findall(r"\w+", x.text.lower()))

    def kind(x: Span) -> str:
        found = regions.name_kind(x.label, x.text)
        return "region" if found == "region" or government_prefix().match(x.text) else found

    own = kind(m)
    if own == "PER":
        same = [x for x in pool if kind(x) == "PER" and words(m) <= words(x)]
    elif own == "region":
        same = [x for x in pool if kind(x) == "region"]
        if government_prefix().match(m.text):
            same = [x for x in same if government_prefix().match(x.text)]
    else:
        short = m.text.split()[0] if m.text.strip() else ""
        same = [x for x in pool if x.label == m.label and f"({short})" in x.text]
    return max(same, key=lambda x: (len(x.text), -x.start), default=m)


_ACRONYM = re.compile(r"[A-Z]{2,8}")  # a known award's short name: `IGA`, `PROPER`


@lru_cache(maxsize=1)
def _known_short_and_long() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    """Both ways of naming a known award (lexicon `awards.known`): a name that is only its acronym, with a head and
    `Award(s)` around it (`Penghargaan IGA`, `API Awards`), and the full name of each acronym (its entry's first name
    of several words that holds no acronym: `PROPER` -> `Program Penilaian Peringkat Kinerja Perusahaan`); a name
    that is only a long form, maybe after a head, and the acronym of each long form (its entry's first name in
    capitals that starts like it)."""
    lex = lexicons.load("awards")
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    for e in lex["known"]:
        forms = [e["name"], *e["aliases"]]
        long = next((f for f in forms if len(f.split()) > 1 and not any(map(_ACRONYM.fullmatch, f.split()))), None)
        acronym = next((f for f in forms if _ACRONYM.fullmatch(f)), None)
        for f in forms:
            if long and _ACRONYM.fullmatch(f):
                full.setdefault(f, long)
            if acronym and len(f.split()) > 1 and acronym.lower() not in f.lower().split() and f[0] == acronym[0]:
                short.setdefault(f.lower(), acronym)
    heads = lexicons.alternation(lex["heads"])
    acronyms = re.compile(rf"(?:{heads}\s+)?(?P<acronym>(?-i:{lexicons.alternation(list(full))}))(?:\s+Awards?)?", re.I)
    longs = re.compile(rf"(?:{heads}\s+)?(?P<long>{lexicons.alternation(list(short))})", re.I)
    return acronyms, {a.lower(): n for a, n in full.items()}, longs, short


def award_name(text: str, glossed: frozenset[str] = frozenset()) -> str:
    """The award's name for the record: as written, but a known award's bare acronym spelt out with the acronym kept
    (`IGA 2024` -> `Innovative Government Award (IGA) 2024`) and its bare long form given its acronym (`Program
    Penilaian Peringkat Kinerja Perusahaan (PROPER)`), so both ways of naming it match; not an acronym the article
    `glossed` as another name (`rules.awards.redefined`: `Indonesia Green Awards (IGA)`)."""
    name = clean(text)
    body = year_tail().sub("", name)  # the edition stays as written
    acronyms, full, longs, short = _known_short_and_long()
    m = acronyms.fullmatch(body)
    if m is not None and m["acronym"].upper() not in glossed:
        return f"{full[m['acronym'].lower()]} ({m['acronym'].upper()}){name[len(body):]}"
    m = longs.fullmatch(body)
    if m is not None:
        return f"{body} ({short[' '.join(m['long'].lower().split())]}){name[len(body):]}"
    return name


@lru_cache(maxsize=1)
def _award_head_words() -> frozenset[str]:
    """The words of award names' heads and tails (lexicon `awards.heads`, `awards.tails`), lower-cased."""
    lex = lexicons.load("awards")
    return frozenset(w for e in lex["heads"] + lex["tails"] for w in e.lower().split())


@lru_cache(maxsize=1)
def award_words() -> re.Pattern:
    """A word that tells of an award: an award name's head or tail, or a word of winning one (`juara`, `peraih`;
    lexicon `awards.heads`, `awards.tails`, `awards.evidence_words`)."""
    return lexicons.words("awards", "heads", "tails", "evidence_words")


@lru_cache(maxsize=1)
def award_filler() -> frozenset[str]:
    """Words that name no award by themselves: the heads and tails of award names, `tahun`."""
    return _award_head_words() | {"tahun"}


@lru_cache(maxsize=4096)
def award_key(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The distinctive words of an award's record name (no heads, tails, years or bracketed short form) and the
    short forms written in brackets: `Innovative Government Award (IGA) 2024` -> ({innovative, government}, {iga})."""
    name = award_name(text).lower()
    short = frozenset(w for b in re.findall(r"\(([^)]*)\)", name) for w in re.findall(r"\w+", b))
    words = re.findall(r"\w+", re.sub(r"\([^)]*\)", " ", name))
    return frozenset(w for w in words if w not in award_filler() and not w.isdigit()), short


def same_award(a: str, b: str) -> bool:
    """Whether two award spans name one award: more than half the distinctive words of the shorter shared
    (`Penghargaan Nirwasita Tantra`, `Nirwasita Tantra`; `Adipura`, `Adipura Kencana`; not `Indonesia Green Awards`,
    `Indonesia CSR Awards`: one word of two), or one's bracketed short form among the
    other's words (`Anugerah ISDA 2018`, `Indonesian Sustainable Development Goals Award (ISDA)`), or one known award
    written by both; never two different known awards (`Anugerah Pesona Indonesia`, `Anugerah Desa Wisata Indonesia`:
    one shared word)."""
    (wa, sa), (wb, sb) = award_key(a), award_key(b)
    if not wa or not wb:  # `Penghargaan`, `Tahun 2024`: no name, joined to none
        return False
    ka, kb = known_in(a), known_in(b)
    if ka and kb:
        return bool(ka & kb)
    if sa & wb or sb & wa:
        return True
    # `Penghargaan K3` and `Lomba Inovasi K3 2024`: a contest and an award that share a word are two
    return 2 * len(wa & wb) > min(len(wa), len(wb)) and bool(_contest().search(a)) == bool(_contest().search(b))


@lru_cache(maxsize=1)
def _contest() -> re.Pattern:
    """A word that makes a name a contest's (lexicon `awards.contest_heads`: `Lomba`, `Olimpiade`, `Kompetisi`)."""
    return lexicons.words("awards", "contest_heads")


def only_known(text: str) -> bool:
    """Whether a name is nothing but known awards' names, with heads, bracketed short forms and years around them
    (`Kompetisi Inovasi Pelayanan Publik (KIPP)`; not `Proper Emas` nor `Adipura Kencana`, which write a grade)."""
    rest = text
    for _name, pattern in known_patterns():
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\([^)]*\)|\b(?:19|20)\d\d\b", " ", rest)
    return (rest != text and not any(w.lower() not in award_filler() for w in re.findall(r"\w+", rest))
            and not grade_words().search(text))


def category_value(text: str, after: str = "") -> str:
    """The category itself: `Kategori Kota Sedang` -> `Kota Sedang`; a rank written into it goes to the rank
    (`Provinsi Terbaik Pertama` -> `Provinsi`), also one that the text right `after` the span completes
    (`Provinsi Terbaik` + ` Kedua diraih ...`); the year written after it is the award's edition, not the category."""
    value = clean(text)
    label = category_label().match(value)
    value = clean(value[label.end():]) if label else value  # `Kategori 'Feature'` -> `Feature`
    value = year_tail().sub("", value) or value  # the edition is the award's: `Tingkat Nasional 2023` -> `Tingkat Nasional`
    tail = after[:30].split("\n")[0]
    ranks = [r for r in find_ranks(value + tail) if 0 < r.start < len(value) and r.end >= len(value)]
    if ranks:
        value = value[:ranks[-1].start].strip(" ,")
    return value or clean(text)


def span_category(text: str, cat: Span) -> str:
    """The category a CAT span (or a heading's) gives, as the record writes it: `category_value` with the words
    right after the span."""
    return category_value(cat.text, text[cat.end:cat.end + 30])


def repeats_award(category: str, award: str) -> bool:
    """Whether a category only repeats the entry's award, so the entry has none: its bracketed short form (`WTP` of
    `Wajar Tanpa Pengecualian (WTP)`), a field its name holds (`bidang CSR` of the `Top CSR Awards`; lexicon
    `awards.field_heads`), a grade word of the known award's own name (`Kencana` of `Manggala Karya Kencana`, not of
    `Adipura Kencana`), the same known award (`Kompetisi Inovasi Pelayanan Publik (KIPP)` of `Top 40 Inovasi
    Pelayanan Publik`; a grade beside it stays: `Proper Emas`), or the award's own words (`Wilayah Birokrasi Bersih
    Melayani` of `Wilayah Birokrasi Bersih dan Melayani`)."""
    if re.search(rf"\(\s*{re.escape(category)}\s*\)", award, re.I):
        return True
    words = re.findall(r"\w+", category.lower())
    joins = set(lexicons.load("awards")["list_joins"])
    if set(words) - joins == set(re.findall(r"\w+", award.lower())) - joins:
        return True
    if (len(words) > 1 and words[0] in lexicons.dotless_words("awards", "field_heads")
            and set(words[1:]) <= set(re.findall(r"\w+", award.lower()))):
        return True
    if grade_words().fullmatch(category) and any(set(words) <= set(re.findall(r"\w+", name.lower()))
                                                  for name in known_in(award)):
        return True  # `Kencana` of `Manggala Karya Kencana (MKK)`: a grade word of the known award's own name
    return bool(known_in(category) & known_in(award)) and only_known(category)


def own_category(category: str, award: str) -> tuple[str | None, str]:
    """(category, award) of one entry: no category where it only repeats the award (`repeats_award`), and one that
    opens the award's name cut off it (`head_category`)."""
    return (None, award) if repeats_award(category, award) else head_category(category, award)


def head_category(category: str, award: str) -> tuple[str | None, str]:
    """(category, award) where the category is the award name's opening words, which no entry writes: the name took
    the category in (`Penggerak Daerah Terpencil` of `Penggerak Daerah Terpencil Mandaya Award 2025` -> the award is
    `Mandaya Award 2025`) where the rest still holds an award's head or tail (lexicon `awards.heads`, `awards.tails`);
    else the category is a piece of the name (`Top 99` of `Top 99 Inovasi Pelayanan Publik`) and the entry has none."""
    words = re.findall(r"\w+", category.lower())
    m = re.match(r"[\W_]*" + r"\W+".join(map(re.escape, words)) + r"\b[\W_]*", award, re.I) if words else None
    if m is None or m.end() >= len(award):
        return category, award
    rest = award[m.end():]
    return (category, rest) if _award_head_words() & set(re.findall(r"\w+", rest.lower())) else (None, award)


def failing_grade(category: str | None, award: str | None) -> bool:
    """Whether a category is a failing grade of an evaluation (lexicon `awards.failing_grades`: `predikat C` of SAKIP,
    `PROPER Hitam`), which the guideline makes no entry of; its label and its award's own words are left out first."""
    if not category:
        return False
    own = set(re.findall(r"\w+", (award or "").lower()))
    label = category_label().match(category)
    rest = [w for w in re.findall(r"\w+", category[label.end():] if label else category) if w.lower() not in own]
    grades = {g.lower() for g in lexicons.load("awards")["failing_grades"]}
    return " ".join(rest).lower() in grades


@lru_cache(maxsize=1)
def grade_words() -> re.Pattern:
    """Grades and classes (lexicon `awards.category_words`), which known awards' aliases may hold: `Adipura Kencana`."""
    return lexicons.words("awards", "category_words")


def join_pairs(n: int, same: Callable[[int, int], bool]) -> list[int]:
    """The group of each of `n` items, as one member's index: item `i` joins every earlier `j` where `same(i, j)`,
    transitively (the mentions of one winner, the spans of one award)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i):
            if same(i, j):
                parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def year_in(text: str) -> int | None:
    """The first plausible year written in `text` (an award's edition)."""
    m = re.search(r"\b(19[89]\d|20[0-4]\d)\b", text)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=1)
def list_joins() -> str:
    """The words that join the members of a list (`A, B dan C`; lexicon awards.list_joins) as an alternation."""
    return lexicons.alternation(lexicons.load("awards")["list_joins"])


@lru_cache(maxsize=1)
def _edge_join() -> re.Pattern:
    """A list join written in lower case at either edge of a value (`dan Kota Batu`, `PT X dan`)."""
    joins = lexicons.alternation([w for w in lexicons.load("awards")["list_joins"] if w.islower()])
    return re.compile(rf"^{joins}\s+|\s+{joins}$")


@lru_cache(maxsize=1)
def _join_split() -> re.Pattern:
    return re.compile(rf"\s+{list_joins()}\s+")


def split_list(s: Span, same_head: bool = False) -> list[Span]:
    """A span that holds a list (`DPRD Kota A, DPRD Kota B dan DPRD Kota C`) as one mention per name.

    Only a span with a comma is split (`Dinas Kebersihan dan Pertamanan` is one name), or one whose names after `dan`
    start with its own first word (`PT Pupuk Indonesia dan PT Pupuk Kaltim`, `Polres Batu dan Polres Malang`).
    `same_head`: split only where every name starts with the first one's word (`Kementerian Desa, Pembangunan Daerah
    Tertinggal, dan Transmigrasi` is one ministry)."""
    if "," not in s.text and ";" not in s.text:
        parts = _join_split().split(s.text)
        head = s.text.split()[0]
        if len(parts) < 2 or not head[:1].isupper() or not all(p.split()[:1] == [head] and len(p.split()) > 1 for p in parts):
            return [s]
    parts = [m for m in re.finditer(r"[^,;]+", s.text)]
    pieces: list[tuple[int, int]] = []
    for m in parts:
        sub = _join_split().split(m.group())
        pos = m.start()
        for x in sub:
            k = s.text.index(x, pos)
            pieces.append((k, k + len(x)))
            pos = k + len(x)
    names = [(a + len(s.text[a:b]) - len(s.text[a:b].lstrip()), b - (len(s.text[a:b]) - len(s.text[a:b].rstrip()))) for a, b in pieces]
    names = [(a, b) for a, b in names if b > a]
    if len(names) < 2 or not all(s.text[a].isupper() and len(s.text[a:b].split()) <= 6 for a, b in names):
        return [s]
    if same_head and len({s.text[a:b].split()[0] for a, b in names}) > 1:
        return [s]
    return [Span(s.start + a, s.start + b, s.text[a:b], s.label, s.source, s.score) for a, b in names]
