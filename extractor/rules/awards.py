"""Award names and categories.

AWARD: known national awards (`Adipura`, `IGA`, `opini WTP`), `Anugerah ...`,
`Penghargaan ...`, `Piala ...`, contests (`Lomba ...`, `Olimpiade ...`), `... Award(s)`, each with its year when
written. The weak AWARD candidates, asked for only where no span names an award, are `weak_awards.py`'s.
CAT: `Kategori ...`, `Predikat ...` (capitalised, or a few lower-case words up to a stop word), class
words (`Kota Terinovatif`, `Nindya`), and a kind right before its rank (`Provinsi` in `Provinsi Terbaik Pertama`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from ..normalize.awards import first_known
from ..normalize.dates import year_tail
from ..normalize.places import government_prefix, region_pattern
from ..normalize.ranks import find_ranks
from .tokens import agency_acronyms, is_cap, tokenize, win_verbs
from . import register

SOURCE = "rules.awards.v1"
_YEAR = r"(?:[^\S\n]+(?:[Tt]ahun[^\S\n]+)?(?:19|20)\d\d)?"
_ACR = r"(?:[^\S\n]*\([A-Z][\w-]{1,10}\))?"


@lru_cache(maxsize=1)
def known_awards() -> list[dict]:
    return lexicons.load("awards")["known"]


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern:
    names: list[str] = []
    for entry in known_awards():
        names.append(entry["name"])
        names.extend(entry["aliases"])
    lead = r"(?:(?:Piala|Penghargaan|Anugerah|[Oo]pini|[Pp]redikat|Trofi)[^\S\n]+)?"
    return re.compile(rf"(?<![\w-]){lead}{lexicons.alternation(names)}(?![\w-]){_ACR}{_YEAR}")


@lru_cache(maxsize=1)
def _known_pattern_any_case() -> re.Pattern:
    """The known awards however a writer cases them (`piala adipura`)."""
    return re.compile(_known_pattern().pattern, re.I)


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern:
    lex = lexicons.load("awards")
    # `Lomba Sekolah Sehat`: a contest's name is the prize won
    heads = lexicons.alternation([h for h in lex["heads"] if h not in lex["grade_heads"]] + lex["contest_heads"])
    return re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])")


@lru_cache(maxsize=1)
def _tail_pattern() -> re.Pattern:
    tails = lexicons.alternation(lexicons.load("awards")["tails"])
    word = (r"(?:[A-Z0-9][\w&'’.-]*(?<!\.)|[A-Z][a-z]{0,3}\.|of|and|the|dan"  # no word ends a sentence, save `Dr.`
            r"|\([A-Z][\w-]{1,10}\))")  # `Indonesia Corporate Social Responsibility (ICSR) Award`
    return re.compile(rf"(?<![\w-])(?:{word}[^\S\n]+){{1,5}}{tails}(?![\w-]){_ACR}{_YEAR}")


def _past_openers(text: str, start: int, end: int) -> int:
    """Where a tail-made award name starts once the words no name opens with are skipped: a list's joiner (`dan Top
    BUMD Awards` of `X Awards dan Top BUMD Awards`; lexicon `awards.list_joins`) or a function word that ends names
    (`awards.name_stops`: `Pada Infobank Awards 2025` at a sentence's start)."""
    stops = lexicons.dotless_words("awards", "name_stops") | set(lexicons.load("awards")["list_joins"])
    for w in re.finditer(r"\S+", text[start:end]):
        if w.group().lower() not in stops:
            return start + w.start()
    return start


def _kinds() -> str:
    """Kinds of winner a category may name (`Provinsi`, `Rumah Sakit`): lexicon `awards.category_kinds`."""
    return lexicons.alternation(lexicons.load("awards")["category_kinds"])


@lru_cache(maxsize=1)
def _category_pattern() -> re.Pattern:
    words = lexicons.alternation(lexicons.load("awards")["category_words"])
    return re.compile(rf"(?<![\w-])(?:{_kinds()}[^\S\n]+)?{words}(?![\w-])")


@lru_cache(maxsize=1)
def _kind_pattern() -> re.Pattern:
    """A kind of winner, with its label word if written (`Predikat Provinsi`, `kota`), as a category."""
    labels = lexicons.alternation(lexicons.load("awards")["category_labels"])
    return re.compile(rf"(?<![\w-])(?:{labels}[^\S\n]+)?(?i:{_kinds()})(?![\w-])")


def _ranked_kinds(text: str, known: list[Span]) -> list[Span]:
    """`Provinsi Terbaik Pertama diraih ...`, `kota terbaik kedua`: the kind right before a rank is the category,
    unless it ends a known award's name (`Penghargaan Pembangunan Daerah Terbaik III`: `_named_by_known`)."""
    out = []
    for m in _kind_pattern().finditer(text):
        gap = re.match(r"[^\S\n]+", text[m.end():m.end() + 3])
        if gap and not _named_by_known(known, m) and any(r.start == 0 for r in find_ranks(text[m.end() + gap.end():m.end() + gap.end() + 40])):
            out.append(Span.of(text, m.start(), m.end(), "CAT", SOURCE + ".ranked_kind", 0.7))
    return out


@lru_cache(maxsize=1)
def _category_head_pattern() -> re.Pattern:
    heads = lexicons.alternation(lexicons.load("awards")["category_heads"])
    return re.compile(rf"(?<![\w-]){heads}[^\S\n]+")


@lru_cache(maxsize=1)
def _field_leads() -> frozenset[str]:
    """The capitalised words a field (`bidang`) may follow as a category: award tails (`Subroto Award Bidang
    Efisiensi Energi`), category heads (`Kategori Bidang ...`) and the words that open a sentence or clause
    (`Di bidang K2, ...`, `Selain Bidang Wartawan Energi`)."""
    lex, titles = lexicons.load("awards"), lexicons.load("titles")
    offices = {w.split()[-1].lower() for w in titles["heads"] + titles["prefixes"]}  # `Deputi Bidang ...` stays a title
    leads = {w.lower() for w in lex["tails"] + lex["category_heads"] + lexicons.load("stopwords")["words"]}
    return frozenset(leads - offices)


def _field_of_a_name(text: str, head: re.Match) -> bool:
    """`Menteri Koordinator Bidang Perekonomian`, `Ketua MUI Bidang ...`: a field head right after another
    capitalised word is part of a title or a body's name, not a category."""
    if not _is_field_head(head.group()):
        return False
    leads = _field_leads()
    before = re.search(r"(\S+)[^\S\n]+$", text[max(0, head.start() - 40):head.start()])
    if before is None or re.search(r"[,;:.)]$", before.group(1)):
        return False  # `... asal Aceh; bidang pendidikan diterima ...`: punctuation ends the name before it
    return is_cap(before.group(1)) and before.group(1).lower() not in leads


def _is_field_head(head: str) -> bool:
    """Is this category head a field word (`bidang`: lexicon `awards.field_heads`)?"""
    return lexicons.dotless(head) in lexicons.dotless_words("awards", "field_heads")


@lru_cache(maxsize=1)
def _passive_pattern() -> re.Pattern:
    """Blanks and a passive win verb (`diterima`, `diraih`: lexicon `awards.passive_verbs`), or a colon."""
    verbs = lexicons.alternation(lexicons.load("awards")["passive_verbs"])
    return re.compile(rf"[^\S\n]*(?::|[^\S\n](?i:{verbs})(?![\w-]))")


def _passive_at(text: str, pos: int) -> bool:
    """Whether a passive win verb or a colon comes next at `pos`: `bidang kesehatan diterima oleh X` names the
    field won, `di bidang kesehatan` only describes."""
    return _passive_pattern().match(text, pos) is not None


def _extend_caps(text: str, pos: int, limit: int = 7) -> int:
    """End offset of a run of capitalised words (and a year) starting at `pos`."""
    end = pos
    stops = lexicons.dotless_words("awards", "name_stops")  # lower-case words without dots: as listed
    for k, t in enumerate(tokenize(text, pos, min(len(text), pos + 160))):
        if t.start < end:
            continue  # inside an acronym in brackets taken whole below
        if "\n" in text[end:t.start] or k >= limit:
            break
        w = t.text
        if w.lower() in stops:  # `Trofi Abyakta Pada Acara Puncak`: a Title Case headline capitalises its prepositions
            break
        if w in {"dan", "&"} and (_region_at(text, t.end) or _label_at(text, t.end)):
            break  # `predikat B dan Kepulauan Riau predikat BB`, `Kategori X dan Kategori Y`: the next one, no part of this
        if k > 0 and w in agency_acronyms():
            break  # `Olimpiade Sains Nasional Kemendikbudristek`: who holds it, no part of the name
        if is_cap(w) or re.fullmatch(r"(?:19|20)\d\d", w) or (w in {"dan", "&", "of"} and k > 0):
            end = t.end
            if w.endswith(".") and (len(w) > 4 or w[:-1].isupper()):
                return end - 1  # a sentence ends: `predikat BB. Predikat BB ini ...`
            continue
        if w == "(":
            m = re.match(r"\([A-Z][\w-]{1,10}\)", text[t.start:])
            if m:
                end = t.start + m.end()
                continue
        break
    return _without_trailing_join(text, pos, end)


@lru_cache(maxsize=1)
def _numbered_grade() -> re.Pattern:
    return lexicons.words("awards", "numbered_grades", end=r"$")


def _with_grade_number(text: str, pos: int, end: int) -> int:
    """`predikat Bintang 5`, `Level 4`: a grade counted with a number keeps it (lexicon `awards.numbered_grades`)."""
    if _numbered_grade().search(text, pos, end):
        m = re.match(r"[^\S\n]+\d{1,2}(?!\w|[.,/-]\w)", text[end:])  # not `5.5`, `2023`, `4/5`
        if m:
            return end + m.end()
    return end


@lru_cache(maxsize=1)
def _quality_pattern() -> re.Pattern:
    """A quality a category is defined by: a cue (`dengan`), up to eight words and a superlative that ends them, with
    a gloss in brackets (lexicon `awards.quality_cues`, `awards.superlatives`)."""
    lex = lexicons.load("awards")
    cue, best = lexicons.alternation(lex["quality_cues"]), lexicons.alternation(lex["superlatives"])
    return re.compile(rf"[^\S\n]+{cue}(?:[^\S\n]+[\w/-]+){{0,8}}?[^\S\n]+{best}(?![\w-])(?:[^\S\n]*\([^()\n]{{1,40}}\))?",
                      re.I)


def _with_quality(text: str, end: int) -> int:
    """`kategori Pemkot dengan zona hijau kualitas tertinggi`, `kategori RS dengan Inovasi Terbaik`: the quality
    after `dengan` that ends in a superlative is part of the category; `dengan nilai 77` is not."""
    m = _quality_pattern().match(text, end)
    return m.end() if m else end


def _without_trailing_join(text: str, pos: int, end: int) -> int:
    """`end` moved before a join word that ends text[pos:end] (`Anugerah X dan` before a category, `Penghargaan X
    Dari` before its giver)."""
    while text[pos:end].split() and text[pos:end].split()[-1] in {"dan", "&", "of", "Dari"}:
        end = pos + text[pos:end].rstrip().rfind(" ")
    return end


_BLANKS = re.compile(r"[^\S\n]*")


def _region_at(text: str, pos: int) -> bool:
    """Does a region's name (`Kepulauan Riau`, `Sumsel`, `Kota Bogor`) start after the blanks at `pos`? The pattern
    takes whole words only."""
    return region_pattern().match(text, _BLANKS.match(text, pos).end()) is not None


@lru_cache(maxsize=1)
def _category_label() -> re.Pattern:
    return re.compile(lexicons.alternation(lexicons.load("awards")["category_labels"]))


def _label_at(text: str, pos: int) -> bool:
    """Whether a category's label (`Kategori`, `predikat`) is the next word after `pos`."""
    return bool(re.match(rf"[^\S\n]+(?:{_category_label().pattern})(?!\w)", text[pos:pos + 40]))


@lru_cache(maxsize=1)
def _category_stops() -> frozenset[str]:
    ranks = lexicons.load("ranks")
    rank_words = (set(ranks["heads"]) | set(ranks["ordinals"])) - {"terbaik"}  # `kota terbaik` is a class, `pertama` a rank
    lex = lexicons.load("awards")  # `kategori foto dimenangkan X`: a passive verb ends the class too
    return frozenset(lex["category_stops"]) | frozenset(lex["passive_verbs"]) | win_verbs() | rank_words


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _extend_lower(text: str, pos: int, limit: int = 4, inner_yang: bool = False) -> int:
    """End offset of a category written in lower case after its head word (`kategori kota kecil yang ...`):
    up to `limit` lower-case words, ending before a stop word, a capital, a number or punctuation.
    `inner_yang`: a `yang` followed by a plain word stays inside (a role: `provinsi yang terinovatif`)."""
    end = pos
    toks = tokenize(text, pos, min(len(text), pos + 20 * limit))
    for k, t in enumerate(toks):
        w = t.text.rstrip(".,")
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        after = nxt.rstrip(".,")
        inner = k > 0 and _ACRONYM.fullmatch(w) and re.fullmatch(r"[a-z][a-z-]*", after) and after not in _category_stops()
        if k >= limit or "\n" in text[end:t.start] or not (re.fullmatch(r"[a-z][a-z-]*", w) or inner):
            break  # an acronym within, a plain word after it: `kategori kampung KB perkotaan`
        if w in _category_stops():
            if not (inner_yang and w == "yang" and k > 0 and re.fullmatch(r"[a-z][a-z-]*", nxt)
                    and nxt not in _category_stops()):
                break
        if any(r.start == 0 for r in find_ranks(text[t.start:t.start + 40])):
            break  # `predikat provinsi terbaik pertama`: the rank is no part of the category
        end = t.start + len(w)
        if w != t.text:
            break  # `kategori utama.`: the sentence ends here
    return end


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The role cue (`sebagai`, with an opening quote), what may not follow it, and the words that tell of an award."""
    cue = lexicons.words("awards", "role_cues", end=r"[^\S\n]+[\"“‘']?")
    refused = re.compile(rf"(?:{lexicons.words('awards', 'role_not_starts').pattern}|{lexicons.words('titles', 'heads').pattern})",
                         re.I)
    context = lexicons.words("awards", "win_verbs", "passive_verbs", "heads", "evidence_words")
    return cue, refused, context


def _only_kinds(phrase: str) -> bool:
    """Is `phrase` made of kind words alone (`rumah sakit`, `pemerintah daerah`): lexicon `awards.category_kinds` and
    `agencies.kind_words`?"""
    return all(w.lower() in _kind_words() for w in phrase.split())


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    kinds = lexicons.load("agencies")["kind_words"] + lexicons.load("awards")["category_kinds"]
    return frozenset(w.lower() for kind in kinds for w in kind.split())


def _roles(text: str) -> list[Span]:
    """`Kabupaten Badung sebagai TPID Baru Berprestasi`, `menerima penghargaan sebagai penulis opini terbaik`: what a
    winner is named as, in a sentence that tells of an award, is a category candidate; the linker decides whose."""
    cue, refused, context = _role_patterns()
    out = []
    for m in cue.finditer(text):
        pos = m.end()
        if refused.match(text, pos):
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        sentence = max(line, text.rfind(". ", 0, m.start()) + 1, m.start() - 200)
        if not context.search(text, sentence, m.start()):
            continue
        first = text[pos:pos + 40].split()[:1]
        if first and is_cap(first[0]):
            end = _extend_caps(text, pos, limit=7)
            end = pos + len(year_tail().sub("", text[pos:end]))
        else:  # one lower-case word (`sebagai anak`, `sebagai bagian`) says too little
            end = _extend_lower(text, pos, limit=8, inner_yang=True)
            if len(text[pos:end].split()) < 2:
                continue
        if end > pos and not _only_kinds(text[pos:end]):  # `rumah sakit`, `Pemerintah Daerah`: a kind, not a class
            end = _with_quality(text, end)  # `sebagai PTS dengan pengelolaan KIPK Terbaik`
            out.append(Span.of(text, pos, end, "CAT", SOURCE + ".role", 0.5))
    return out


@lru_cache(maxsize=16)
def redefined(text: str) -> frozenset[str]:
    """Known awards' acronyms that this text glosses as another name (`Indonesia Green Awards (IGA)`, not the
    Innovative Government Award; `Anugerah Pandu Negeri (APN)`): there they name no known award, and the record does
    not spell them out as one."""
    out = set()
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,9})\)", text):
        entry = _known_by_acronym().get(m.group(1))
        words = re.findall(r"[\w'-]+", text[max(0, m.start() - 120):m.start()].split("\n")[-1])
        long: set[str] = set()  # the capitalised words right before the bracket: its long form, or its end
        for w in reversed(words):
            if not w[:1].isupper():
                break
            long.add(w.lower())
        if entry is None or not long:
            continue
        names = [set(n.lower().split()) for n in [entry["name"], *entry["aliases"]] if n != m.group(1)]
        if not any(len(long & n) * 2 >= min(len(long), len(n)) for n in names):
            out.add(m.group(1))
    return frozenset(out)


@lru_cache(maxsize=1)
def _known_by_acronym() -> dict[str, dict]:
    """The known award each all-capital short name (`IGA`, `APN`) stands for in the lexicon."""
    return {a: e for e in known_awards() for a in [e["name"], *e["aliases"]] if re.fullmatch(r"[A-Z]{2,10}", a)}


def find_awards(text: str) -> list[Span]:
    """AWARD spans (attrs: `known` = canonical name of a lexicon award) and CAT spans."""
    out: list[Span] = []
    glossed = redefined(text)
    for m in _known_pattern().finditer(text):
        if glossed and re.sub(r"\W+(?:[Tt]ahun\W+)?(?:19|20)\d\d$", "", m.group()).split()[-1] in glossed:
            continue  # `IGA 2017` where the article writes `Indonesia Green Awards (IGA)`
        out.append(Span.of(text, m.start(), m.end(), "AWARD", SOURCE + ".known", 0.9, known=first_known(m.group())))
    known = list(out)
    for m in _tail_pattern().finditer(text):
        start = m.start()
        for v in re.finditer(r"\S+", m.group()):
            if v.group().lower() in win_verbs():
                start = m.start() + v.end()  # `Pemkab X Raih Y Award`: the award starts after the verb
        start = _past_openers(text, start, m.end())
        out.append(Span.of(text, start, m.end(), "AWARD", SOURCE + ".tail", 0.8))
    for m in _head_pattern().finditer(text):
        end = _extend_caps(text, m.end())
        cut = _category_head_pattern().search(text, m.end(), end)
        if cut is not None:  # `Penghargaan Subroto Award Bidang Efisiensi Energi`: the category is not the award's name
            end = _without_trailing_join(text, m.start(), len(text[:cut.start()].rstrip()))
        ranked = [r.start for r in find_ranks(text[m.end():end])]
        if ranked:  # `Anugerah Kota Terinovatif Peringkat Ke-3`: the rank is the winner's, not the award's name
            end = len(text[:m.end() + ranked[0]].rstrip())
        if end > m.end():
            out.append(Span.of(text, m.start(), end, "AWARD", SOURCE + ".head", 0.6))
    for m in _category_head_pattern().finditer(text):
        if _field_of_a_name(text, m):
            continue
        end = _extend_caps(text, m.end(), limit=6)
        end = m.start() + len(year_tail().sub("", text[m.start():end]))  # `Kategori Platinum 2024`: the year is the award's
        end = _with_grade_number(text, m.end(), end)
        if end > m.end():
            end = _with_quality(text, end)
            out.append(Span.of(text, m.start(), end, "CAT", SOURCE + ".category", 0.8))
        elif _category_label().fullmatch(m.group().strip()):  # `kategori kota kecil`, not `tingkat kelahiran`
            end = _before_known(known, m.end(), _extend_lower(text, m.end()))
            end = _with_grade_number(text, m.end(), end)  # `predikat bintang 5`
            if end > m.end() and not _opens_a_name(text, m.end(), end):
                end = _with_quality(text, end)
                out.append(Span.of(text, m.start(), end, "CAT", SOURCE + ".category_lower", 0.6))
        elif _is_field_head(m.group()):  # `bidang kesehatan diterima oleh X`: a lower-case field that a win follows
            end = _extend_lower(text, m.end())
            if end > m.end() and _passive_at(text, end):
                out.append(Span.of(text, m.start(), end, "CAT", SOURCE + ".field_lower", 0.6))
    for m in _category_pattern().finditer(text):
        if not _named_by_known(known, m) and not _title_ends_at(text, m.end()):
            out.append(Span.of(text, m.start(), m.end(), "CAT", SOURCE + ".class", 0.7))
    out += _ranked_kinds(text, known) + _roles(text) + _lead_ins(text) + _listed_categories(text)
    cats = [s for s in out if s.label == "CAT"]
    return out + [g for g in _bare_grades(text) if not any(c.start <= g.start and g.end <= c.end for c in cats)]


@lru_cache(maxsize=1)
def _bare_grade_pattern() -> re.Pattern:
    """A grade counted with a number, with no category head (lexicon `awards.bare_grades`), and its gloss in
    brackets: `bintang 5 (Excellent)`, `Level 4`."""
    grades = lexicons.alternation(lexicons.load("awards")["bare_grades"])
    return re.compile(rf"(?<![\w-])(?i:{grades})[^\S\n]+\d{{1,2}}(?![\w.,/-]\w|\w)(?:[^\S\n]*\([^()\n]{{1,30}}\))?")


def _bare_grades(text: str) -> list[Span]:
    """`Perumda X meraih Top BUMD Awards dengan Bintang 5 (Excellent)`: the grade is the winner's category (where no
    category with a head holds it already: `predikat Bintang 5`)."""
    return [Span.of(text, m.start(), m.end(), "CAT", SOURCE + ".grade", 0.6) for m in _bare_grade_pattern().finditer(text)]


@lru_cache(maxsize=1)
def _lead_in_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A clause opening `Untuk X` (after a connector such as `Sedangkan`); what may end X: punctuation, a win
    or passive verb, a rank head or an order word; and a verb that opens X (`mewujudkan`, `diketahui`)."""
    lex = lexicons.load("awards")
    opener = lexicons.alternation(lex["lead_in_openers"])
    cue = lexicons.alternation(lex["lead_in_cues"])
    skip = lexicons.alternation(lex["lead_in_skips"] + lex["category_labels"])
    start = re.compile(rf"(?:^|(?<=[.!?\n])[^\S\n]*|(?<=[.!?][\"”’])[^\S\n]*)(?:{opener},?[^\S\n]+)?{cue}[^\S\n]+"
                       rf"(?:(?P<label>{skip})[^\S\n]+)?", re.I | re.M)
    stop = lexicons.words("awards", "win_verbs", "passive_verbs", "order_words", "follow_words")
    end = re.compile(rf"[^\S\n]*(?:[,:;]|{stop.pattern}|{lexicons.words('ranks', 'heads').pattern})", re.I)
    verb = re.compile(rf"{lexicons.alternation(lex['lead_in_verb_prefixes'])}[a-z]{{3,}}")
    return start, end, verb


def _lead_ins(text: str) -> list[Span]:
    """`Untuk kota kecil berurutan, A, B`, `Sedangkan untuk lomba kepala sekolah SMA, juara I diraih A`: the class
    that a clause opens with, before a comma, a win verb or a rank, is a category candidate; the linker decides
    whose."""
    start, end, verb = _lead_in_patterns()
    out = []
    for m in start.finditer(text):
        if m.group("label") and _category_label().fullmatch(m.group("label")):
            continue  # `Untuk kategori Madya`: the category rule has it
        clause = re.split(r"[.!?\n]", text[m.end():m.end() + 120])[0]
        words = list(re.finditer(r"[^\s,:;]+", clause))[:8]
        stop = next((k for k, w in enumerate(words) if end.match(text, m.end() + w.end())), None)
        if stop is None:
            continue
        phrase = [w.group() for w in words[:stop + 1]]
        if (verb.fullmatch(phrase[0]) or phrase[0].lower() in _category_stops()
                or any(w in _category_stops() or re.search(r"\d", w) for w in phrase)):
            continue  # `Untuk itu`, `Untuk diketahui`, `Untuk mewujudkan ...`, `untuk pemenang pertama`: no class
        stop = m.end() + words[stop].end()
        name = text[m.end():stop]
        if not _only_kinds(name) and not region_pattern().fullmatch(name) and not government_prefix().match(name):
            out.append(Span.of(text, m.end(), stop, "CAT", SOURCE + ".lead_in", 0.5))
    return out


@lru_cache(maxsize=1)
def _category_list_pattern() -> tuple[re.Pattern, re.Pattern]:
    """A category label, at most one stop word (`sekaligus`, `lainnya`) and a cue that opens a list (`yaitu`, a
    colon); and one capitalised member of the list with what follows it (a comma, a list join)."""
    lex = lexicons.load("awards")
    label = lexicons.alternation(lex["category_labels"])
    stop = lexicons.alternation(lex["category_stops"])
    cue = lexicons.alternation(lex["category_list_cues"])
    joins = lexicons.alternation(lex["list_joins"])
    word = r"[A-Z][\w/&'’-]*"
    opener = re.compile(rf"(?<![\w-]){label}(?:[^\S\n]+{stop})?[^\S\n]*(?:,?[^\S\n]*{cue}\b|:)[^\S\n]*")
    member = re.compile(rf"(?P<name>{word}(?:[^\S\n]+{word})*(?:[^\S\n]*\([^()\n]{{1,40}}\))?)"
                        rf"(?P<sep>[^\S\n]*,?[^\S\n]*(?:{joins}[^\S\n]+)?)")
    return opener, member


def _names_a_winner(name: str) -> bool:
    """A region, a government or a body (`Kota Batu`, `Pemkab Sleman`, `Mahkamah Agung`, `Polri`): a name that wins,
    no category."""
    first = name.split()[0]
    return bool(region_pattern().fullmatch(name) or government_prefix().match(name) or first in agency_acronyms()
                or lexicons.words("agencies", "heads", ignore_case=False).match(name))


def _listed_categories(text: str) -> list[Span]:
    """`memborong tiga kategori sekaligus, yaitu Smart Governance, Smart Economy, dan Smart Society`: the capitalised
    names a category label lists are categories, each its own (a list of regions, governments or bodies is of
    winners: `predikat antara lain Polri, Kejaksaan RI`)."""
    opener, member = _category_list_pattern()
    out: list[Span] = []
    for m in opener.finditer(text):
        pos, names = m.end(), []
        while (x := member.match(text, pos)) is not None:
            names.append((x.start("name"), x.end("name")))
            pos = x.end()
            if not x.group("sep").strip():
                break
        if len(names) < 2 or any(_names_a_winner(text[a:b]) for a, b in names):
            continue
        out.extend(Span.of(text, a, b, "CAT", SOURCE + ".listed", 0.7) for a, b in names)
    return out


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    return frozenset(h.lower() for h in lexicons.load("awards")["heads"])


def _opens_a_name(text: str, start: int, end: int) -> bool:
    """`predikat opini Wajar Dengan Pengecualian`: award head words (lexicon `awards.heads`) before a capitalised
    name open that award's name; they are no category (`kategori opini terbaik` is one)."""
    return (all(w.lower() in _head_words() for w in text[start:end].split())
            and re.match(r"[^\S\n]+[A-Z]", text[end:end + 3]) is not None)


def _before_known(known: list[Span], start: int, end: int) -> int:
    """`predikat opini Wajar Tanpa Pengecualian`: a lower-case category stops where a known award begins."""
    return min([end] + [k.start for k in known if start <= k.start < end])


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern:
    """Titles of several words (lexicon `titles.heads`) as they end a text: `Direktur Utama`, `Komisaris Utama`."""
    heads = [h for h in lexicons.load("titles")["heads"] if " " in h]
    return re.compile(rf"(?<![\w-]){lexicons.alternation(heads)}$", re.I)


def _title_ends_at(text: str, end: int) -> bool:
    """`Direktur Utama`: a class word that ends an office's title is part of the title, no category."""
    return bool(_title_end().search(text[max(0, end - 40):end]))


def _named_by_known(known: list[Span], m: re.Match) -> bool:
    """`Anugerah Kencana`, `Manggala Karya Kencana`: a class word that is part of a known award's own name is no
    category (`Adipura Kencana` keeps `Kencana`: the award is `Adipura`)."""
    word = re.compile(rf"(?<!\w){re.escape(m.group())}(?!\w)", re.I)
    return any(k.start <= m.start() and m.end() <= k.end and word.search(k.attrs.get("known") or "") for k in known)


@register
class AwardTagger:
    """Rule tagger for AWARD and CAT spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_awards(doc.text)
