"""Officials: a title from the lexicon and the person's name before or after it.

`Pj. Wali Kota Bekasi Arif Santoso`, `Wakil Menteri Dalam Negeri, Rina Kartika`,
`Rina Kartika selaku Wakil Menteri`, `Kapolres AKBP Budi Santoso`. Emits a TITLE
and a PER span per official, paired through `attrs['pair']`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..normalize.names import is_degree, is_honorific, rank_pattern
from ..normalize.places import region_pattern
from ..core.spans import Span
from .tokens import Tok, win_verbs, agency_acronyms, common_words, complement_words, is_acronym, is_cap, stopwords, tokenize
from . import register

SOURCE = "rules.officials.v1"
MAX_TITLE_TOKENS = 20  # counted with bracketed parts; the longest annotated title (team and real pages) has 18
MAX_NAME_TOKENS = 5


@lru_cache(maxsize=1)
def _verb_like() -> re.Pattern:
    """An ending that makes a capitalised word a verb or a clitic form (`Sejahterakan`, `Katanya`; people.not_name_suffixes)."""
    return re.compile(rf"{lexicons.alternation(lexicons.load('people')['not_name_suffixes'])}$")


@lru_cache(maxsize=1)
def _name_before() -> re.Pattern:
    """A name ending just before a title, set beside it by a comma or a word (`Budi, S.H. selaku Bupati`)."""
    cues = lexicons.alternation(lexicons.load("titles")["apposition_cues"])
    return re.compile(rf"((?:[A-Z][\w'’.-]*\s+){{0,4}}[A-Z][\w'’.-]*)(?:\s*,\s*(?:[A-Z][A-Za-z]{{0,4}}\.\s*)*)?"
                      rf"\s*(?:,|\b{cues})\s*$")


# `Joko Widodo – Walikota Solo, Valerina Daniel – Penulis ...`: a list of names, each with a dash and its title;
# a name and a dash right before a title, and after it a comma and the next name with its dash
_DASH = r"(?:[^\S\n]*[–—][^\S\n]*|[^\S\n]+-[^\S\n]+)"
_NAME_DASH = re.compile(rf"((?:[A-Z][\w'’.-]*[^\S\n]+){{0,4}}[A-Z][\w'’.-]*){_DASH}$")
_NEXT_DASH = re.compile(rf"[^\S\n]*,[^\S\n]*(?:[A-Z][\w'’.-]*[^\S\n]+){{0,4}}[A-Z][\w'’.-]*{_DASH}")


@lru_cache(maxsize=1)
def _cue_before() -> re.Pattern:
    """An apposition cue (`selaku`, `sebagai`) right before a title: the title is the holder's written before it."""
    return re.compile(rf"\b{lexicons.alternation(lexicons.load('titles')['apposition_cues'])}\s*$")


@lru_cache(maxsize=1)
def _title_start() -> re.Pattern:
    lex = lexicons.load("titles")
    prefixes = lexicons.alternation(lex["prefixes"])
    heads = lexicons.alternation(lex["heads"] + lex["abbreviations"])
    return re.compile(rf"(?<![\w.-])(?:{prefixes}\s+)*(?:{heads})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _company_heads() -> frozenset[str]:
    """`PT`, `Bank`: a title that reaches one of these goes on into a company's name."""
    return frozenset(lexicons.load("titles")["company_heads"])


def _extend_title(text: str, toks: list[Tok], i: int) -> int:
    """From token index i (just after the head), return the index where the title ends."""
    comps = complement_words()
    regions = region_pattern()
    seen_region = False
    n = 0
    while i < len(toks) and n < MAX_TITLE_TOKENS:
        t = toks[i]
        w = t.text
        if w == "(":
            j = i + 1
            while j < len(toks) and toks[j].text != ")" and j - i < 8:
                j += 1
            if j < len(toks) and toks[j].text == ")":
                if n + j - i + 1 > MAX_TITLE_TOKENS:
                    break
                n += j - i + 1  # the bracket's tokens count toward the title's length
                i = j + 1
                continue
            break
        if w in _company_heads():
            j = i + 1
            while j < len(toks) and (is_cap(toks[j].text) or toks[j].text in {"dan", "&"}) and toks[j].text not in stopwords() \
                    and j - i < 8 and "\n" not in text[toks[j - 1].end:toks[j].start]:
                j += 1
                if toks[j - 1].text in {"Tbk", "Tbk."}:
                    break
            if j < len(toks) and toks[j].text == "(":
                k = j
                while k < len(toks) and toks[k].text != ")" and k - j < 4:
                    k += 1
                j = k + 1
                if j < len(toks) and toks[j].text in {"Tbk", "Tbk."}:
                    j += 1
            elif toks[j - 1].text not in {"Tbk", "Tbk."} and j < len(toks) and toks[j].text != ",":
                # `Direktur Utama Perum Perhutani Wahyu Kuncoro`: no end mark, so the last two words are the name
                j = max(i + 2, j - 2)
            n += j - i + 1
            i = j
            continue
        if w in comps or w.rstrip(".") in comps or w in agency_acronyms():
            if w in {"dan", "&", "/", "serta"} and not (i + 1 < len(toks) and is_cap(toks[i + 1].text)):
                break
            i += 1
            n += 1
            continue
        if w == "," and i + 1 < len(toks) and toks[i + 1].text in comps and toks[i + 1].text not in {"dan", "&", "/"} \
                and i + 2 < len(toks) and (toks[i + 2].text in comps or toks[i + 2].text in {",", "dan"}):
            i += 1
            continue
        m = regions.match(text, t.start)
        if m and (not seen_region or m["type"]) and m.end() <= (toks[-1].end if toks else 0):
            seen_region = True
            while i < len(toks) and toks[i].start < m.end():
                i += 1
            n += 1
            continue
        if is_acronym(w) and w not in stopwords() and not rank_pattern().match(w) and len(w) <= 12:
            i += 1
            n += 1
            continue
        break
    return i


def _scan_name(text: str, toks: list[Tok], i: int, common: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """A person's name starting at token i (honorifics and ranks allowed first); (i, j) or None."""
    start = i
    if i < len(toks) and toks[i].text == ",":
        i += 1
        start = i
    # honorifics and police/military ranks
    while i < len(toks):
        w = toks[i].text
        rm = rank_pattern().match(text, toks[i].start)
        if rm:
            while i < len(toks) and toks[i].start < rm.end():
                i += 1
            continue
        if is_honorific(w) and is_cap(w) or w in {"dr.", "drg.", "dr", "drg"}:
            i += 1
            continue
        break
    name_start = i
    stops = stopwords()
    comps = complement_words()
    ends_sentence = False
    if i < len(toks) and _title_start().match(text, toks[i].start):
        return None
    while i < len(toks) and i - name_start < MAX_NAME_TOKENS:
        w = toks[i].text
        if i > name_start and "\n" in text[toks[i - 1].end:toks[i].start]:
            break
        if not is_cap(w) or w.rstrip(".") in stops or w in stops or w.lower() in common or w.lower() in win_verbs():
            break
        if i > name_start and len(w) >= 6 and w.lower().endswith("kan"):
            break  # `Tito Karnavian Serahkan Penghargaan`: a headline's verb ends the name
        if i == name_start and (w in comps or w.isdigit()):
            return None
        i += 1
        nxt = toks[i].text if i < len(toks) else ""
        if w.endswith(".") and len(w.rstrip(".")) > 3 and not is_degree(w) and not re.fullmatch(r"[A-Z]{1,2}\.", nxt):
            ends_sentence = True
            break
    if i == name_start:
        return None
    if toks[i - 1].end >= len(text.rstrip()) and text.rstrip()[-1].isalpha():
        return None  # the page is cut off inside the name: `Menteri PANRB Abdull`
    if i - name_start == 1 and _verb_like().search(toks[name_start].text):
        return None  # `Sejahterakan`, `Katanya`: a verb or a clitic form, not a one-word name
    # trailing degrees: `, S.H., M.Si.`
    j = i
    while j + 1 < len(toks) and toks[j].text == "," and is_degree(toks[j + 1].text):
        j += 2
    words = [t.text for t in toks[name_start:i]]
    if ends_sentence and j == i:
        return start, -i  # the name ends a sentence: caller trims the dot
    if all(is_acronym(w) and len(w) > 3 for w in words):
        return None
    return start, j


def find_officials(text: str, skip=lambda s, e: False) -> list[Span]:
    """TITLE + PER pairs. `skip(start, end)` says whether a range is noise."""
    toks = tokenize(text)
    common = common_words(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    out: list[Span] = []
    pair = 0
    for m in _title_start().finditer(text):
        if not m.group()[0].isupper():
            continue
        k = by_start.get(m.start())
        if k is None:
            continue
        i = k
        while i < len(toks) and toks[i].end <= m.end():
            i += 1
        end_i = _extend_title(text, toks, i)
        title_end = max(m.end(), toks[end_i - 1].end if end_i > k else m.end())
        if skip(m.start(), title_end):
            continue
        name, bm = _scan_name(text, toks, end_i, common), None
        before = text[max(0, m.start() - 80):m.start()]
        dash = _NAME_DASH.search(before)
        if dash and _NEXT_DASH.match(text, title_end):
            name = None  # `A – Walikota Solo, B – Penulis`: the title is A's, set after A by a dash, not B's
            bm = dash
        elif name is None or _cue_before().search(before):
            # NAME selaku/, TITLE; after `selaku` the words after the title are its portfolio, not a name
            # (`Alamsyah Pohan selaku Kabid Sistem Manajemen Mutu`)
            bm = _name_before().search(before)
            if bm and name is not None:  # here only after a cue: the name before it holds the title
                name = None
        if name is not None:
            ns, ne = name
            trim = 1 if ne < 0 else 0
            ne = abs(ne)
            pair += 1
            out.append(Span.of(text, m.start(), title_end, "TITLE", SOURCE, 0.9, pair=pair))
            out.append(Span.of(text, toks[ns].start, toks[ne - 1].end - trim, "PER", SOURCE, 0.9, pair=pair))
            continue
        if bm:
            cand = bm.group(1)
            words = cand.split()
            ends = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 4 and not is_degree(w)]
            if ends:  # `Hanif Dhakiri. Diterima Heri Nasution selaku ...`: the name starts after the sentence end
                words = words[ends[-1] + 1:]
            honour = [k for k, w in enumerate(words[:-1]) if is_honorific(w)]
            if honour:  # `Kehadiran Bapak Wiryanto selaku ...`: the name follows its honorific
                words = words[honour[0] + 1:]
            while words and (words[0] in stopwords() or not is_cap(words[0]) or words[0].lower() in common
                             or lexicons.words("awards", "win_verbs", "passive_verbs").fullmatch(words[0])):
                words.pop(0)  # `Diterima Bapak Heri`: a verb, a word the text writes in lower case, an honorific
            if words and not any(w in stopwords() or w in complement_words() for w in words):
                ps = m.start() - len(before) + bm.start(1) + (len(cand) - len(" ".join(words)))
                pe = ps + len(" ".join(words))
                if text[ps:pe] == " ".join(words):
                    pair += 1
                    out.append(Span.of(text, m.start(), title_end, "TITLE", SOURCE, 0.8, pair=pair))
                    out.append(Span.of(text, ps, pe, "PER", SOURCE, 0.8, pair=pair))
                    continue
        out.append(Span.of(text, m.start(), title_end, "TITLE", SOURCE, 0.6))
    return out


@register
class OfficialTagger:
    """Rule tagger for TITLE and PER spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_officials(doc.text, doc.in_noise)
