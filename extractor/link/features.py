"""Features for the learned award linker: who won (winner mentions), and which category, rank and award go with whom.

Each function turns one candidate (a mention, or a mention paired with a CAT,
RANK or AWARD candidate) into a sparse dict of named features: the words
around it, the sentence's verbs and cues, the article's layout (headings,
list items, enumerations from `structure.py`) and the shape of the name. The
weights live in the model folder (`linker.json`), learnt from annotated
articles by `training/model/linker.py`; the same functions serve training
and inference, so the two never drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.spans import Span
from ..normalize import regions
from ..normalize.places import government_prefix, region_pattern
from ..normalize.ranks import find_ranks
from .common import award_words, join_pairs, same_award
from .structure import Structure

ENTITY_LABELS = ("ORG", "LOC", "PER")
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")
# up to two lower-case words between a name and its verb or a verb and its value: `Kota X kembali berhasil meraih`
FEW_WORDS = r"(?:[^\S\n]+[a-z][\w-]*){0,2}?[^\S\n]+"
_SUBJECT_GAP = re.compile(rf"(?:[^\S\n]*\))?{FEW_WORDS}")  # between a subject and its verb: `A meraih`, `A (B) meraih`


def owned_unit(unit: Span, owner: Span, gap: str) -> bool:
    """Whether `owner` is named right after `unit` as the company that owns it (`Pabrik Tuban (PT Semen Gresik)`,
    `Pabrik Cikampek milik PT Sumber Makmur`; lexicon `agencies.unit_heads`, `agencies.owner_cues`)."""
    words = unit.text.split()
    return (owner.label == "ORG" and bool(words) and words[0] in _unit_heads()
            and bool(_owner_cue().fullmatch(gap.strip())))


def seated(body: Span, place: Span, gap: str) -> bool:
    """Whether `place` is the region `body` sits in, written right after its name with a blank between (`PDAM Tirta
    Moedal Kota Semarang`, a name the tagger cut before its region)."""
    return (body.label == "ORG" and place.label == "LOC" and re.fullmatch(r"[^\S\n]", gap) is not None
            and region_pattern().fullmatch(place.text) is not None)


@lru_cache(maxsize=1)
def _unit_heads() -> frozenset[str]:
    """Words that open a company's unit (lexicon `agencies.unit_heads`: `Pabrik`, `Unit`)."""
    return frozenset(lexicons.load("agencies")["unit_heads"])


@lru_cache(maxsize=1)
def _owner_cue() -> re.Pattern:
    """What stands between a unit and its owner: a bracket or an owner cue (lexicon `agencies.owner_cues`)."""
    return re.compile(rf"(?:\(|{lexicons.alternation(lexicons.load('agencies')['owner_cues'])})", re.I)


# a mention after a cue of taking part without winning (a juror, a nominee, a guest): the feature, and the linker's veto
NON_WINNER = "cue:non_winner_before"
# a value a passive verb gives to this mention (`juara pertama diraih A`): a feature; the rank keeps to such values
CLAIMS_THIS = "claims_this"


@lru_cache(maxsize=1)
def _vocab() -> dict[str, re.Pattern]:
    lex = lexicons.load("awards")
    agent = lexicons.alternation(lex["agent_words"])  # `diraih oleh`
    # who takes part without winning: nominees, finalists, speakers, the jury
    non_winner = lexicons.alternation(lex["non_winner_cues"] + lex["rival_cues"] + lexicons.load("titles")["panel_words"])
    active = lexicons.alternation([w for w in lex["win_verbs"] if w not in lex["passive_verbs"]])
    return {
        "win": lexicons.words("awards", "win_verbs"),
        "giver": lexicons.words("awards", "giver_cues", end=r"\s*$"),
        "claimed_by": lexicons.words("awards", "passive_verbs", end=rf"\s+{agent}\s*$"),  # `diraih oleh`: no giver
        "receive": lexicons.words("awards", "receive_cues", end=r"\s*$"),
        "passive": re.compile(rf"\bdi\w+\s+(?:{agent}\s+)?$", re.I),
        "claim": lexicons.words("awards", "passive_verbs", end=rf"[^\S\n]+(?:{agent}[^\S\n]+)?"),
        "claim_rank": lexicons.words("awards", "passive_verbs", "claim_copulas", end=rf"[^\S\n]+(?:{agent}[^\S\n]+)?"),
        "list": lexicons.words("awards", "list_cues"),
        "personal": lexicons.words("awards", "personal_awards", end=""),
        "follow": lexicons.words("awards", "follow_words"),
        "award_word": award_words(),
        "non_winner": re.compile(rf"\b{non_winner}\b", re.I),
        "rival": lexicons.words("awards", "rival_cues"),
        # `kafilah dari DKI Jakarta`: the delegation of a place, which it sends, not a giver
        "delegation": lexicons.words("awards", "delegation_words", end=r"[^\S\n]*$"),
        "cue_break": lexicons.words("awards", "cue_breaks", "giving_verbs"),  # `kepada`, `mengganjar`: a hand-over
        "labelled": lexicons.words("awards", "category_labels"),
        # a comma, a list's join or a clause opener, then only lower-case words up to here
        "joined": re.compile(rf"(?:,|\b(?i:{lexicons.alternation(lex['list_joins'] + lex['lead_in_openers'])}))"
                             rf"[^\S\n]*(?:[a-z]+[^\S\n]+)*$"),
        # a negation, maybe with one word, right before a win verb: `belum berhasil` of `belum berhasil meraih`
        "denied": re.compile(rf"\b(?:{lexicons.alternation(lex['negations'])})[^\S\n]+(?:[a-z]+[^\S\n]+)?$", re.I),
        # an active win verb and up to two lower-case words right before a value: `meraih`, `keluar sebagai`
        "took": re.compile(rf"(?<![\w-]){active}{FEW_WORDS}$"),
    }


@lru_cache(maxsize=1)
def _category_firsts() -> frozenset[str]:
    """First words a category feature may name: those of the lexicon's category heads, labels and kinds (class words:
    `class`). Any other first word is `other`, so the model learns what a category looks like, not the words of the
    train set."""
    lex = lexicons.load("awards")
    keys = ("category_heads", "category_labels", "category_kinds")
    return frozenset(_words(w)[0] for k in keys for w in lex[k] if _words(w))


@lru_cache(maxsize=1)
def _class_words() -> frozenset[str]:
    """Grades and classes (`utama`, `madya`, `emas`): one feature for all of them, since which grade is written says
    nothing of whose it is."""
    return frozenset(_words(w)[0] for w in lexicons.load("awards")["category_words"] if _words(w))


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e:g}"
    return f">{edges[-1]:g}"


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@dataclass
class Context:
    """What the features of one article read: the document, its spans, its structure and per-sentence facts."""

    doc: Document
    spans: list[Span]
    structure: Structure

    def __post_init__(self) -> None:
        self.sentences = [(a, b) for a, b in self.doc.sentences() if not self.doc.in_noise(a, b)]
        self.by_label: dict[str, list[Span]] = {}
        for s in self.spans:
            self.by_label.setdefault(s.label, []).append(s)
        self.awards_in_doc = len(self.by_label.get("AWARD", []))
        self.win_sentences = sum(1 for a, b in self.sentences if _vocab()["win"].search(self.doc.text, a, b))
        self.headline_end = self.doc.lines[0].end if self.doc.lines else 0
        self._claims: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._taken: dict[tuple[int, int], tuple[int, int] | None] = {}
        v = _vocab()
        self.award_words = len(v["award_word"].findall(self.doc.text))
        self.personal = bool(v["personal"].search(self.doc.text))  # honours that go to persons (Satyalancana)
        self.evidence_sentences = sum(1 for a, b in self.sentences if v["win"].search(self.doc.text, a, b)
                                      and (v["award_word"].search(self.doc.text, a, b) or self.in_sentence("AWARD", a, b)))

    def claimed(self, c: Span) -> tuple[int, int] | None:
        """Where the name starts that a value claims with a passive verb right after it (`terbaik kedua diraih
        Kota B`, `Kategori X diraih oleh A`), or a place with a copula (`juara pertama adalah A, juara kedua B`):
        the value goes with that name, not with the one before it. The first and last place it may start: after
        the verb, or after a lower-case word or two (`diraih kontingen Jawa Tengah`)."""
        key = (c.start, c.end)
        if key not in self._claims:
            text = self.doc.text
            v = _vocab()["claim_rank" if c.label == "RANK" else "claim"].search(text, c.end, min(len(text), c.end + 40))
            ok = v is not None and "\n" not in text[c.end:v.start()] and not any(
                s.label in ENTITY_LABELS and c.end <= s.start < v.start() for s in self.spans) \
                and self.sentence_of(v.start()) == self.sentence_of(c.start)  # not the next sentence's verb
            # `juara umum diraih kontingen Jawa Tengah`: a lower-case word or two may stand before the name
            lead = re.match(r"(?:[a-z][\w-]*[^\S\n]+){0,2}(?=[A-Z0-9])", text[v.end():v.end() + 40]) if ok else None
            claim = (v.end(), v.end() + (lead.end() if lead else 0)) if ok else None
            if claim is not None:  # `rangking 4-10 berturut-turut ditempati A, B, C`: the value goes to all of them
                en = next((e for e in self.structure.enumerations
                           if claim[0] - 3 <= e.members[0].start <= claim[1] + 3), None)
                claim = (claim[0], en.members[-1].start) if en is not None else claim
            self._claims[key] = claim
        return self._claims[key]

    def taken(self, c: Span) -> tuple[int, int] | None:
        """Where the names start that won the place or category `c` with an active verb right before it
        (`Kabupaten Sleman meraih peringkat pertama, Kabupaten Bantul meraih peringkat kedua`: the first place is
        Sleman's, though it stands right before Bantul; `A dan B meraih APE kategori Utama`): the first and the last
        subject, one name or the members of its enumeration. Kept apart from `claimed`, which distributes places over
        the names after them."""
        if c.source.endswith(".role"):
            return None  # `dinobatkan sebagai BUMN Terbaik untuk kategori X`: what it is named as, maybe no class
        if (c.start, c.end) not in self._taken:
            self._taken[c.start, c.end] = None
            text, end = self.doc.text, c.start
            award = next((s for s in self.by_label.get("AWARD", []) if s.start < end and (
                (s.end <= end and not text[s.end:end].strip()) or s.end >= c.end)), None)  # before it, or holding it
            if award is not None:  # `meraih APE kategori Utama`: the award's name may stand between verb and value
                end = award.start
            place = next((r for r in self.by_label.get("RANK", []) if c.label == "CAT" and r.end <= end
                          and not text[r.end:end].strip()), None)
            if place is not None:  # `A meraih juara 1 kategori X, B juara 2 kategori Y`: so may the place won with it
                end = place.start
            v = _vocab()["took"].search(text, max(0, end - 60), end)
            # `B juara 2 kategori Y`: with no verb, the name right before the place is its subject
            verb = v.start() if v is not None else end if place is not None else None
            if verb is None and c.label == "CAT" and _vocab()["labelled"].match(text, c.start) \
                    and not _vocab()["joined"].search(text, max(0, end - 30), end):
                verb = end  # `A naik ke kategori Madya, B tetap di kategori Pratama`: a labelled class after a name is
                # the name's (not after a join: `Kategori X diraih A dan kategori Y diraih B`)
            a = self.sentence_of(c.start)[0]
            subject = max((s for s in self.spans if s.label in ENTITY_LABELS and a <= s.start and verb is not None
                           and s.end <= verb and _SUBJECT_GAP.fullmatch(text[s.end:verb])),
                          key=lambda s: (s.end, -s.start), default=None)  # the longest name ending there
            if subject is not None:  # `KUD X, Riau meraih tempat kedua`: the province says where the subject lies;
                # `Universitas Sebelas Maret (UNS) menempati peringkat ketiga`: the short name glosses the subject
                last = subject.start if re.match(r"[^\S\n]*\)", text[subject.end:verb]) else None
                subject = next((p for p in self.spans if p.label in ENTITY_LABELS and p.end <= subject.start and (
                    (self._province_after(p, subject) or self._seat_after(p, subject) or self._origin_after(p, subject))
                    if last is None
                    else re.fullmatch(r"[^\S\n]*\([^\S\n]*", text[p.end:subject.start]))), subject)
                # `Pabrik R milik PT S meraih level 4`: what the owner took, the unit named before it took too
                unit = next((u for u in self.spans if u.label in ENTITY_LABELS and u.end <= subject.start
                             and owned_unit(u, subject, text[u.end:subject.start])), None)
                en = self.structure.enumeration_of(unit or subject)
                self._taken[c.start, c.end] = (en[0].members[0].start if en else (unit or subject).start,
                                               subject.start if last is None else last)
        return self._taken[c.start, c.end]

    @cached_property
    def award_group(self) -> dict[int, int]:
        """The award each AWARD span names, as the start of one of its spans (`common.same_award`, joined
        transitively): the spans of one award add up in the award choice, as training counts every span of the gold
        award, and the award features read where that award is written, not only where this span is."""
        awards = self.by_label.get("AWARD", [])
        group = join_pairs(len(awards), lambda i, j: same_award(awards[i].text, awards[j].text))
        return {s.start: awards[g].start for s, g in zip(awards, group)}

    @cached_property
    def award_spans(self) -> dict[int, list[Span]]:
        """The AWARD spans of each award, keyed as `award_group` keys them."""
        out: dict[int, list[Span]] = {}
        for s in self.by_label.get("AWARD", []):
            out.setdefault(self.award_group[s.start], []).append(s)
        return out

    def between(self, m: Span, c: Span) -> list[Span]:
        """The names written between mention `m` and value `c`, but for the province `m` lies in, written right
        after it (`KUD X Kab Pelalawan, Riau meraih tempat kedua`: Riau says where, no other name stands between)."""
        a, b = min(m.end, c.end), max(m.start, c.start)
        return [s for s in self.spans if s.label in ENTITY_LABELS and a <= s.start < b
                and not (c.start > m.end and self._province_after(m, s))]

    def _province_after(self, m: Span, s: Span) -> bool:
        """Is `s` the province `m` lies in, written right after it with a comma (`KUD X, Riau`)?"""
        return (bool(re.fullmatch(r"[^\S\n]*,[^\S\n]*", self.doc.text[m.end:s.start]))
                and regions.province_of(s.text, m.label, m.text))

    def _seat_after(self, m: Span, s: Span) -> bool:
        """Is `s` the region a body `m` sits in, written right after its name (`seated`)?"""
        return seated(m, s, self.doc.text[m.end:s.start])

    def _origin_after(self, m: Span, s: Span) -> bool:
        """Is `s` where the person `m` comes from, after an origin word (`Dwi Apriani dari Harian X`, `Budi asal
        Kabupaten Bima`; lexicon `titles.origin_cues`)? (A team's school takes the place: `Tim Cahaya dari SMAN 1`.)"""
        return m.label == "PER" and origin_gap().fullmatch(self.doc.text[m.end:s.start]) is not None

    def sentence_of(self, offset: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.sentences if a <= offset < b), (offset, offset + 1))

    def in_sentence(self, label: str, a: int, b: int) -> list[Span]:
        return [s for s in self.by_label.get(label, []) if a <= s.start < b]


@lru_cache(maxsize=1)
def origin_gap() -> re.Pattern:
    """A word for where a name comes from, alone between it and the place or body (lexicon `titles.origin_cues`:
    `dari`, `asal`)."""
    return re.compile(rf"[^\S\n]+{lexicons.words('titles', 'origin_cues').pattern}[^\S\n]+", re.I)


def doc_features(ctx: Context) -> dict[str, float]:
    """Article-level evidence that something was won (shared by every candidate of the article)."""
    st = ctx.structure
    return {
        "doc:awards=" + _bucket(ctx.awards_in_doc, (0, 1, 3, 8)): 1.0,
        "doc:win_sentences=" + _bucket(ctx.win_sentences, (0, 1, 3, 6)): 1.0,
        "doc:cats=" + _bucket(len(ctx.by_label.get("CAT", [])), (0, 1, 3)): 1.0,
        "doc:ranks=" + _bucket(len(ctx.by_label.get("RANK", [])), (0, 1, 3)): 1.0,
        "doc:items=" + _bucket(len(st.items), (0, 2, 8)): 1.0,
        "doc:award_words=" + _bucket(ctx.award_words, (0, 1, 3, 6, 12)): 1.0,
        "doc:evidence=" + _bucket(ctx.evidence_sentences, (0, 1, 2, 4)): 1.0,
    }


def document_features(ctx: Context, winner_probs: list[float]) -> dict[str, float]:
    """Does the article report that something was won? Its evidence and how sure the winner model is."""
    f = {"bias": 1.0, **doc_features(ctx)}
    top = sorted(winner_probs, reverse=True)
    f["winner:max=" + _bucket(top[0] if top else 0.0, (0.3, 0.5, 0.7, 0.9))] = 1.0
    f["winner:count=" + _bucket(sum(p >= 0.5 for p in top), (0, 1, 3, 10))] = 1.0
    return f


def after_rival_cue(ctx: Context, m: Span) -> bool:
    """Is `m` named as a rival the winner beat (`Kota A mengalahkan Kota B, Kota C`, a headline's `Kalahkan B`):
    after a rival cue of its sentence, with no win verb between, and no win of its own told right after it (`menyisihkan
    B yang menyabet peringkat kedua`: B lost to A but still placed)?"""
    return _after_cue(ctx.doc.text, _vocab()["rival"], ctx.sentence_of(m.start), m)


@lru_cache(maxsize=1)
def _selection() -> re.Pattern:
    """A word that picks winners out of a field, maybe with a count, right before a cue: `Dari lima nominasi itu`,
    `di antara 120 peserta` (lexicon `awards.selection_cues`)."""
    return lexicons.words("awards", "selection_cues", end=r"[^\S\n]+(?:[\w.]+[^\S\n]+)?$")


def _picked_from(text: str, a: int, c: re.Match) -> bool:
    """Is the cue `c` the field the winners are picked from, a clause of its own before a comma (`Dari lima nominasi
    itu, X ditetapkan ...`, `Di antara 120 peserta dari 34 provinsi, ...`), not a list of those who took part
    (`Dari lima nominasi yakni A dan B, ...`)?"""
    return bool(_selection().search(text, max(a, c.start() - 30), c.start())
                and re.match(r"(?:[^\S\n]+[a-z0-9-]+){0,3}[^\S\n]*,", text[c.end():c.end() + 60]))


def _after_cue(text: str, cue: re.Pattern, sentence: tuple[int, int], m: Span) -> bool:
    """Does a `cue` of its sentence lead `m`, with no win verb or hand-over (`kepada`) between the last cue and `m` and
    no win of `m`'s own told in a relative clause right after it (`menyisihkan B dari Bisnis.com yang menyabet
    peringkat kedua`)?"""
    a, b = sentence
    win, hand_over, denied = _vocab()["win"], _vocab()["cue_break"], _vocab()["denied"]
    cues = [c for c in cue.finditer(text, a, m.start) if not _picked_from(text, a, c)]
    if not cues or hand_over.search(text, cues[-1].end(), m.start) or any(
            not denied.search(text, max(cues[-1].end(), w.start() - 25), w.start())
            for w in win.finditer(text, cues[-1].end(), m.start)):  # `belum berhasil meraih`: a win denied breaks nothing
        return False
    clause = re.match(r"(?:[^,;.\n]|\.(?=\w))*", text[m.end:b]).group()  # `Bisnis.com` ends no clause
    own = re.search(r"\byang\s+", clause)  # `... yang masing-masing berada di posisi kedua dan ketiga`: a place
    return not (own and (win.match(clause, own.end()) or find_ranks(clause[own.end():])))


def is_dateline(doc: Document, m: Span) -> bool:
    """Does `m` open its line before a dash, as a dateline's place does (`SLEMAN - ...`, `Jakarta (ANTARA) - ...`)?"""
    return m.start - doc.line_at(m.start).start <= 1 and bool(
        re.match(r"[^\S\n]*(?:,|\()?[^\n]{0,40}?[-–—]", doc.text[m.end:m.end + 45]))


def mention_features(ctx: Context, m: Span, mentions_of_entity: int = 1) -> dict[str, float]:
    """Is this ORG/LOC/PER mention (or list-item text, label ITEM) a winner?"""
    doc, text, st, v = ctx.doc, ctx.doc.text, ctx.structure, _vocab()
    a, b = ctx.sentence_of(m.start)
    f: dict[str, float] = {"bias": 1.0, f"label={m.label}": 1.0}
    left, right = _words(text[max(a, m.start - 60):m.start])[-3:], _words(text[m.end:min(b, m.end + 60)])[:3]
    for k, w in enumerate(reversed(left), 1):
        f[f"L{k}={w}"] = 1.0
    for k, w in enumerate(right, 1):
        f[f"R{k}={w}"] = 1.0
    words = _words(m.text)
    if words:  # the first word is mostly a kind (`kabupaten`, `pt`, `dinas`); the last, a name it would only memorise
        f[f"first={words[0]}"] = 1.0
    f["nwords=" + _bucket(len(words), (1, 2, 3, 5))] = 1.0
    if government_prefix().match(m.text):
        f["shape:government"] = 1.0
    if region_pattern().fullmatch(m.text):
        f["shape:region"] = 1.0
    if m.text.isupper() and len(m.text) > 3:
        f["shape:caps"] = 1.0
    before = text[max(0, m.start - 40):m.start]
    if v["giver"].search(before) and not v["claimed_by"].search(before) and not v["delegation"].search(before):
        f["cue:giver_before"] = 1.0
    if v["receive"].search(before):
        f["cue:receive_before"] = 1.0
    if _after_cue(text, v["non_winner"], (a, b), m):
        f[NON_WINNER] = 1.0  # `dewan juri masing-masing A, B`, `masuk nominasi yakni A, B`: taking part, not winning
    if v["passive"].search(before):
        f["cue:passive_before"] = 1.0
    if is_dateline(doc, m):
        f["pos:dateline"] = 1.0
    verbs = list(v["win"].finditer(text, a, b))
    if verbs:
        f["sent:win"] = 1.0
        if any(x.end() <= m.start for x in verbs):
            f["sent:verb_before"] = 1.0
        if any(x.start() >= m.end for x in verbs):
            f["sent:verb_after"] = 1.0
        gap = min(min(abs(x.start() - m.end), abs(m.start - x.end())) for x in verbs)
        f["sent:verb_gap=" + _bucket(gap, (3, 15, 40, 100))] = 1.0
    ents = [s for s in ctx.spans if s.label in ENTITY_LABELS and a <= s.start < b]
    if ents and min(ents, key=lambda s: s.start).start == m.start:
        f["sent:first_entity"] = 1.0
    prev = [s for s in ents if s.end <= m.start and m.start - s.end <= 3]
    dated = bool(prev) and text[prev[-1].end:m.start].strip() != "," and is_dateline(doc, prev[-1])
    if prev and m.label == "LOC" and not dated:  # `MAGELANG - Kota Magelang meraih`: a dateline's place, no name
        gap = text[prev[-1].end:m.start]
        if gap.strip() in (",", "-", "–", "—"):  # `Desa Wisata Sukamaju, Kabupaten Bima`, `Pantai X – Kabupaten Y`:
            f["place:after_name_comma"] = 1.0  # the regency is where, not who
        elif gap.strip() == "(":
            f["place:in_brackets_after_name"] = 1.0  # `Hari Wibowo (Kabupaten Dompu)`
        named = [prev[-1]] if gap.strip() in (",", "(") else []
        if gap.strip() == ")":  # `Pemerintah Kabupaten Barito Kuala (Pemkab Batola) Kalimantan Selatan`
            before = (s for s in ents if s.end <= prev[-1].start)  # the name the bracketed one glosses
            named = [prev[-1], *(s for s in before if re.fullmatch(r"[^\S\n]*\(", text[s.end:prev[-1].start]))]
        if any(regions.province_of(m.text, s.label, s.text) for s in named):
            f["place:province_of_name"] = 1.0  # `Kota Kendari, Sulawesi Tenggara`, `SMAN 1 X, Lampung`
    for lab in ("AWARD", "CAT", "RANK", "DATE", "VENUE"):
        if ctx.in_sentence(lab, a, b):
            f[f"sent:has_{lab}"] = 1.0
    if v["award_word"].search(text, a, b):
        f["sent:award_word"] = 1.0
    if any(t.start <= m.start and m.end <= t.end for t in ctx.by_label.get("TITLE", [])):
        f["in_title"] = 1.0
    for lab in ("CAT", "AWARD", "PROG", "VENUE"):  # `Kota Besar` the category, `Adipura` the award: no winners
        if any(x.overlaps(m) for x in ctx.by_label.get(lab, [])):
            f[f"overlaps_{lab}"] = 1.0
    if re.search(r"\b[a-z]{4,}\b", m.text) and len(words) >= 5:
        f["shape:sentence_like"] = 1.0  # a headline of another story, not a name
    if m.label == "PER" and any(0 <= m.start - t.end <= 3 or 0 <= t.start - m.end <= 3 for t in ctx.by_label.get("TITLE", [])):
        f["per:titled"] = 1.0
    if ctx.personal:  # conjunctions: a linear model cannot make them itself
        f[f"personal&label={m.label}"] = 1.0
        if "per:titled" in f:
            f["personal&per:titled"] = 1.0
    if m.end <= ctx.headline_end:
        f["pos:headline"] = 1.0
    elif m.start < doc.body_start:
        f["pos:header"] = 1.0
    f["pos:rel=" + _bucket(m.start / max(1, len(text)), (0.1, 0.3, 0.6))] = 1.0
    it = st.item_at(m.start)
    if it is not None:
        f["item"] = 1.0
        if m.start - it.body <= 2:
            f["item:starts"] = 1.0
        f["item:list=" + _bucket(st.list_sizes.get(it.list_id, 1), (1, 3, 10))] = 1.0
        if it.number is not None:
            f["item:numbered"] = 1.0
        if re.match(r"[^\S\n]*(?:[:\-–—]|\()", text[m.end:m.end + 3]):
            f["item:sep_after"] = 1.0
    h = st.heading_above(m.start)
    if h is not None:
        f["heading"] = 1.0
        if h.category is not None:
            f["heading:cat"] = 1.0
        if h.ranking:
            f["heading:ranking"] = 1.0
        if v["list"].search(h.text):
            f["heading:list_cue"] = 1.0
    en = st.enumeration_of(m)
    if en is not None:
        e, k = en
        f["enum"] = 1.0
        f["enum:size=" + _bucket(len(e.members), (2, 3, 6))] = 1.0
        if k == 1:
            f["enum:first"] = 1.0
        if e.ordered:
            f["enum:ordered"] = 1.0
        if e.each:
            f["enum:each"] = 1.0
    f["entity:mentions=" + _bucket(mentions_of_entity, (1, 2, 4))] = 1.0
    f.update(doc_features(ctx))
    return f


def _relation(ctx: Context, m: Span, c: Span, prefix: str) -> dict[str, float]:
    """How a candidate value (CAT, RANK, AWARD) stands to a winner mention: same line, sentence, heading, distance."""
    doc, st = ctx.doc, ctx.structure
    f: dict[str, float] = {"bias": 1.0}
    same_line = doc.line_at(m.start).start == doc.line_at(c.start).start
    sa, sc = ctx.sentence_of(m.start), ctx.sentence_of(c.start)
    h = st.heading_above(m.start)
    if same_line:
        f[prefix + "same_line"] = 1.0
    if sa == sc:
        f[prefix + "same_sentence"] = 1.0
    if h is not None and h.start <= c.start < h.end:
        f[prefix + "in_heading"] = 1.0
    f[prefix + ("before" if c.start < m.start else "after")] = 1.0
    gap = abs(c.start - m.start)
    f[prefix + "gap=" + _bucket(gap, (20, 60, 150, 400, 1000))] = 1.0
    if c.end <= ctx.headline_end:
        f[prefix + "headline"] = 1.0
    f[prefix + "entities_between=" + _bucket(len(ctx.between(m, c)), (0, 1, 3, 8))] = 1.0
    same = [s for s in ctx.by_label.get(c.label, []) if s.start < m.start] if c.start < m.start else []
    if same and max(same, key=lambda s: s.start).start == c.start:
        f[prefix + "nearest_before"] = 1.0
    claimed = ctx.claimed(c)
    if claimed is not None:
        f[prefix + (CLAIMS_THIS if claimed[0] - 3 <= m.start <= claimed[1] + 3 else "claims_other")] = 1.0
    elif c.label in ("RANK", "CAT") and (taken := ctx.taken(c)) is not None and taken[0] <= m.start <= taken[1]:
        f[prefix + CLAIMS_THIS] = 1.0  # its subjects only: another name of the same winner may stand elsewhere
    return f


def category_features(ctx: Context, m: Span, c: Span) -> dict[str, float]:
    """Does the category candidate `c` belong to the winner mention `m`?"""
    f = _relation(ctx, m, c, "cat:")
    en = ctx.structure.enumeration_of(m)
    a, b = ctx.sentence_of(m.start)
    if en is not None and a <= c.start and c.end <= en[0].members[0].start:
        f["cat:leads_enumeration"] = 1.0  # `Kategori X diraih A, B dan C`, `... Wiratama adalah: A, B, C`
    line = ctx.doc.line_at(m.start)
    colon = ctx.doc.text.find(":", c.end, m.start) if line.start <= c.start < m.start else -1
    if colon >= 0:
        f["cat:colon_between"] = 1.0
    same = [x for x in ctx.by_label.get("CAT", []) if a <= x.start < b]
    if len(same) == 1 and same[0].start == c.start:
        f["cat:only_in_sentence"] = 1.0
    words = _words(c.text)
    if words:
        first = words[0]
        f["cat:first=" + (first if first in _category_firsts() else "class" if first in _class_words() else "other")] = 1.0
    f["cat:nwords=" + _bucket(len(words), (1, 2, 4, 8))] = 1.0
    if c.source.startswith("structure"):
        f["cat:from_heading"] = 1.0
    if c.source.endswith(".role"):  # `A sebagai X`: X is A's only when no other name stands between them
        f["cat:role"] = 1.0
        if 0 <= c.start - m.end <= 120 and not any(s.label in ENTITY_LABELS and m.end <= s.start < c.start
                                                   for s in ctx.spans):
            f["cat:role_of_mention"] = 1.0
    if c.source.endswith(".lead_in"):  # `Untuk kota kecil berurutan, A, B`
        f["cat:lead_in"] = 1.0
    f["cat:in_doc=" + _bucket(len(ctx.by_label.get("CAT", [])), (1, 2, 5))] = 1.0
    return f


def rank_features(ctx: Context, m: Span, c: Span, kind: str) -> dict[str, float]:
    """Does the rank candidate `c` (a RANK span, a list number or an enumeration position: `kind`) belong to `m`?"""
    f = _relation(ctx, m, c, "rank:")
    f[f"rank:kind={kind}"] = 1.0
    h = ctx.structure.heading_above(m.start)
    if h is not None and h.ranking:
        f["rank:heading_ranking"] = 1.0
    a, b = ctx.sentence_of(m.start)
    if ctx.in_sentence("RANK", a, b):
        f["rank:sentence_has_rank"] = 1.0
    words = _words(c.text)
    it = ctx.structure.item_at(m.start) if kind == "item" else None
    if it is not None:  # `Klaster Kota: 1. A 2. B 3. C`, one podium per heading, numbers are ranks
        f["rank:list_size=" + _bucket(ctx.structure.list_sizes.get(it.list_id, 1), (2, 3, 5))] = 1.0
        if it.heading is not None and it.heading.category is not None:
            f["rank:item_under_category"] = 1.0
        f["rank:doc_ranks=" + _bucket(len(ctx.by_label.get("RANK", [])), (0, 2))] = 1.0
    en = ctx.structure.enumeration_of(m)
    if en is not None and kind in ("enum", "each"):
        f["rank:enum_position=" + ("first" if en[1] == 1 else "later")] = 1.0
    if words and kind == "span":
        f[f"rank:first={words[0]}"] = 1.0
        if en is not None and en[0].ordered and en[1] > 1 and c.end <= en[0].members[0].start:
            f["rank:span_leads_ordered_list"] = 1.0  # `rangking 4-10 berturut-turut: A, B, C`: B is not 4
        if en is not None and en[0].each and en[1] > 1 and c.start >= en[0].members[-1].end:
            f["rank:span_distributed"] = 1.0  # `A, B dan C masing-masing juara I, II dan III`: B is not I
        if c.end <= m.start and _vocab()["follow"].search(ctx.doc.text, c.end, m.start):
            f["rank:follow_word_between"] = 1.0  # `X juara umum, disusul A`: A is not first
        ranks = [r for r in ctx.in_sentence("RANK", a, b)]
        if ranks and min(ranks, key=lambda r: min(abs(r.start - m.end), abs(m.start - r.end))).start == c.start:
            f["rank:nearest_in_sentence"] = 1.0
        if max(m.start, c.start) - min(m.end, c.end) <= 25 and not ctx.between(m, c):
            f["rank:adjacent"] = 1.0
    return f


def award_features(ctx: Context, m: Span, c: Span, frequency: int, known: bool) -> dict[str, float]:
    """Does the award candidate `c` belong to the winner mention `m`?"""
    f = _relation(ctx, m, c, "award:")
    f["award:freq=" + _bucket(frequency, (1, 2, 4))] = 1.0
    if known:
        f["award:known"] = 1.0
    if re.search(r"\b(?:19|20)\d\d\b", c.text):
        f["award:year"] = 1.0
    f["award:nwords=" + _bucket(len(_words(c.text)), (1, 2, 4, 7))] = 1.0
    group = ctx.award_group
    mine = ctx.award_spans[group[c.start]]
    last = max((s.start for s in ctx.by_label.get("AWARD", []) if s.start < m.start), default=None)
    if last is not None and group[last] == group[c.start]:
        f["award:award_nearest_before"] = 1.0  # the award last written before the winner, by any of its spans
    a, b = ctx.sentence_of(m.start)
    if any(a <= s.start < b for s in mine):
        f["award:award_in_sentence"] = 1.0
    h = ctx.structure.heading_above(m.start)
    if h is not None and any(h.start <= s.start < h.end for s in mine):
        f["award:award_in_heading"] = 1.0
    f["award:award_spans=" + _bucket(len(mine), (1, 2, 4))] = 1.0
    return f


def organizer_features(ctx: Context, o: Span, mentions: int, is_winner: bool) -> dict[str, float]:
    """Is this ORG mention the one who gives the award?"""
    text, v = ctx.doc.text, _vocab()
    f: dict[str, float] = {"bias": 1.0}
    words = _words(o.text)
    if words:
        f[f"org:first={words[0]}"] = 1.0
    before = text[max(0, o.start - 40):o.start]
    if v["giver"].search(before):
        f["org:giver_before"] = 1.0
    if v["receive"].search(before):
        f["org:receive_before"] = 1.0
    a, b = ctx.sentence_of(o.start)
    if ctx.in_sentence("AWARD", a, b):
        f["org:sentence_award"] = 1.0
    if v["win"].search(text, a, b):
        f["org:sentence_win"] = 1.0
    f["org:mentions=" + _bucket(mentions, (1, 2, 4))] = 1.0
    if is_winner:
        f["org:is_winner"] = 1.0
    if government_prefix().match(o.text):
        f["org:government"] = 1.0
    if o.end <= ctx.headline_end:
        f["org:headline"] = 1.0
    return f
