"""Winner candidates of an article, shared by the learned linker and its trainer.

Every ORG/LOC/PER mention that no longer one covers, and the text of list
items that no span covers, grouped into entities (`Pemkab X`, `Kabupaten X` and
`X` are one; `Kota X` and `Kabupaten X`, or `Kota X` and `DPRD Kota X`, are
two); the mentions that stand in parallel (peers); and the article's category
candidates, once each.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.spans import Span
from ..normalize import regions
from ..normalize.names import clean_person_name
from ..normalize.places import government_key_words, government_prefix, name_key, region_pattern
from ..rules.lists import SOURCE as LIST_SOURCE
from ..rules.tokens import win_verbs
from . import features as F
from .common import category_label, grade_words, join_pairs, split_list
from .structure import Enumeration, Item, category_runs, read_structure

_SEP = re.compile(r"\s[–—-]\s|[,(;:]|\s{2,}|\.\s*$")  # where a list item's name ends


@dataclass
class Candidates:
    """Everything the decisions score for one article: context, mentions and their entity groups."""

    ctx: F.Context
    mentions: list[Span]
    entity_of: list[int]  # mention index -> entity id
    entities: dict[int, list[int]] = field(default_factory=dict)

    def group(self, k: int) -> list[Span]:
        return [self.mentions[i] for i in self.entities[self.entity_of[k]]]

    @cached_property
    def categories(self) -> list[Span]:
        """The category candidates of the article, once: CAT spans and headings that name a category, each once,
        without the glosses in brackets, roles an award span covers, counts of medals, and class words inside a name
        the model or a list of names found (`Multi Harapan Utama`, `Migas Utama Jabar`); a sub-category only where
        the article names no other category."""
        cats = list(self.ctx.by_label.get("CAT", [])) + [h.category for h in self.ctx.structure.headings
                                                         if h.category is not None]
        glosses = _glosses(self.ctx.doc.text, cats)
        awards = self.ctx.by_label.get("AWARD", [])
        names = [s for s in self.ctx.spans if s.label in F.ENTITY_LABELS and s.source in ("model", LIST_SOURCE)]
        out: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for cat in cats:
            if cat.source.endswith(".role") and any(cat.overlaps(a) or cat.text.lower() in a.text.lower() for a in awards):
                continue  # `ditetapkan sebagai Pahlawan Nasional`: what the winner is named as is the award itself
            if any(n.contains(cat) and (n.start, n.end) != (cat.start, cat.end) for n in names):
                continue  # `Multi Harapan Utama`: a class word inside a name is part of the name (a rule's name that
                # runs over a category, `Dinas X Kategori Madya`, is the rule's error)
            if _tallied(self.ctx.doc.text, cat):
                continue  # `13 medali emas, 22 medali perak`: a count of medals won, no winner's category
            if _only_order(cat.text):
                continue  # `Urutan kesembilan adalah X`: a place, which the rank reader takes, is no category
            if all(w in _category_stops() for w in re.findall(r"\w+", cat.text.lower())):
                continue  # `berhasil`, `ketimbang`: words that end a category, none by themselves
            if cat.source == "model" and not grade_words().fullmatch(cat.text) and any(
                    a.attrs.get("known") and a.contains(cat) for a in awards):
                continue  # `Kota`, `Anak` of `Kota Layak Anak`: words of a known award's name, no class (`Kencana` is)
            if (cat.start, cat.end) not in seen and (cat.start, cat.end) not in glosses:
                seen.add((cat.start, cat.end))
                out.append(cat)
        sub = lexicons.words("awards", "sub_labels")
        mains = [c for c in out if not sub.match(c.text)]
        return mains or out  # `Subcategory Restaurant` under `Favorite Halal Brand`: the record gives the category

    @cached_property
    def category_runs(self) -> list[list[Span]]:
        """The categories listed together in one sentence (`yaitu Smart Governance, Smart Economy dan Smart Society`)."""
        return category_runs(self.ctx.doc, self.categories)

    @cached_property
    def items(self) -> list[Item | None]:
        """The list item each mention stands in (None outside lists), looked up once per article."""
        return [self.ctx.structure.item_at(m.start) for m in self.mentions]

    @cached_property
    def peers(self) -> list[list[int]]:
        """Mentions that stand in parallel, and so win or lose together: the members of an enumeration, the names
        that start the items of one list, the first person of each item that opens with something else (an office:
        `- Bupati Badung, Giri Prasta`); only names of one kind (`Desa A, Kota B`: a village and its city are not)."""
        index = {(m.start, m.end): k for k, m in enumerate(self.mentions)}
        runs = [self._leader(e, index) + [index[(x.start, x.end)] for x in e.members if (x.start, x.end) in index]
                for e in self.ctx.structure.enumerations]
        lists: dict[tuple[int, bool], list[int]] = {}
        persons: set[int] = set()  # items whose first person is taken
        for k, (m, it) in enumerate(zip(self.mentions, self.items)):
            if it is None:
                continue
            if m.start - it.body <= 2:
                lists.setdefault((it.list_id, False), []).append(k)
            elif m.label == "PER" and it.start not in persons:  # `- Gubernur Jawa Timur, Khofifah`: an office first
                persons.add(it.start)
                lists.setdefault((it.list_id, True), []).append(k)
        groups: list[list[int]] = []
        for run in runs + list(lists.values()):
            by_kind: dict[str, list[int]] = {}
            for k in run:
                by_kind.setdefault(regions.name_kind(self.mentions[k].label, self.mentions[k].text), []).append(k)
            groups.extend(g for g in by_kind.values() if len(g) >= 2)
        return groups

    def _leader(self, e: Enumeration, index: dict[tuple[int, int], int]) -> list[int]:
        """The name a list follows in order (`Kabupaten Ende berada di urutan pertama, disusul Kota Kupang dan
        Kabupaten Sikka`; lexicon `awards.follow_words`): the last mention of the sentence before the cue, where a
        place stands between them; it wins or loses with the list."""
        text, first = self.ctx.doc.text, e.members[0]
        a = e.sentence[0]
        before = [k for (s, _e), k in index.items() if a <= s and self.mentions[k].end <= first.start]
        if not before:
            return []
        k = max(before, key=lambda i: self.mentions[i].end)
        gap = text[self.mentions[k].end:first.start]
        cue = _follow_cue().search(gap)
        places = [r for r in self.ctx.by_label.get("RANK", []) if self.mentions[k].end <= r.start and r.end <= first.start]
        return [k] if cue and places and re.fullmatch(r"[^\S\n]*,?[^\S\n]*(?:oleh[^\S\n]+)?", gap[cue.end():]) else []

    @cached_property
    def affiliations(self) -> set[int]:
        """Bodies named as a listed person's office: in `2. Nicke Widyawati, Direktur Utama PT Pertamina`, the item's
        person is the one listed; a body after them in the item is where they work, no winner of its own here; so is
        a body in brackets right after a person (`Budi Santoso (Harian Kompas)`)."""
        opener: dict[int, Span] = {}  # item start -> the person its body opens with
        for m, it in zip(self.mentions, self.items):
            if m.label == "PER" and it is not None and it.body <= m.start <= it.body + 2:
                opener.setdefault(it.start, m)
        out: set[int] = set()
        for k, (m, it) in enumerate(zip(self.mentions, self.items)):
            person = opener.get(it.start) if m.label == "ORG" and it is not None else None
            if person is not None and person.end <= m.start:
                out.add(k)  # after a title or a comma: `Direktur Utama PT Pertamina`, `Gema Pahalawan, PT Badak LNG`
        for k, prev, m, gap in self._neighbours():
            if m.label in ("ORG", "PER") and prev.label == "PER" and gap.strip() == "(":
                out.add(k)  # `Budi Santoso (Harian Kompas)`, `(Tempo)` (read as a person): where the person works
        return out

    @cached_property
    def origins(self) -> set[int]:
        """Regions written right after a village, a school or a person as where they are from: `Desa Wisata Sukamaju,
        Kabupaten Bima` (the village is the one named), `SDN Bumisari, Natar, Lampung Selatan` (each place in
        commas after the one before), `1. Posyandu Mawar, Desa Sariharjo` (after the body a list item opens with),
        `Hari Wibowo (Kabupaten Dompu)`, `Kampung KB Sukamaju (Kota Palembang)`. No winners of their own there (on
        the real train pages none of 17 regions in brackets after a person won)."""
        out = set()
        for k, prev, m, gap in self._neighbours():
            if gap.strip() == "," and m.label == "LOC" and "village" not in regions.words_level(m.text) and (
                    k - 1 in out or _school_head().match(prev.text)):
                out.add(k)  # `SDN Bumisari, Natar, Lampung Selatan`: a school's places too, each after the one before
                continue
            it = self.items[k - 1]
            if gap.strip() == "," and m.label == "LOC" and prev.label != "LOC" and it is not None \
                    and prev.start - it.body <= 2 and self.items[k] is it:
                out.add(k)  # `1. Posyandu Mawar, Desa Sariharjo`: the place of the body a list item opens with
                continue
            if not regions.possible_levels(m.text, m.label) - {"village"}:
                continue
            if gap.strip() == "," and regions.words_level(prev.text) == {"village"} and "village" not in regions.words_level(m.text):
                out.add(k)
            elif gap.strip() == "(" and (prev.label == "PER" or regions.words_level(prev.text) == {"village"}):
                out.add(k)  # `Hari Wibowo (Kabupaten Dompu)`, `Kampung KB Sukamaju (Kota Palembang)`
        return out

    def _neighbours(self) -> Iterator[tuple[int, Span, Span, str]]:
        """(k, the mention before mention k, mention k, the text between them), for every k after the first."""
        text = self.ctx.doc.text
        for k in range(1, len(self.mentions)):
            prev, m = self.mentions[k - 1], self.mentions[k]
            yield k, prev, m, text[prev.end:m.start]

    @cached_property
    def common_nouns(self) -> set[int]:
        """One-word mentions in lower case that name no region (`kontingen`, `tim`): a word the tagger took for a
        name. Names written in lower case take more words (`pemkab merauke`, `bukit holbung`) or are regions."""
        return {k for k, m in enumerate(self.mentions)
                if re.fullmatch(r"[a-z]+", m.text) and not region_pattern().fullmatch(m.text.title())}

    @cached_property
    def seats(self) -> set[int]:
        """Regions written right after a body's name, a blank between (`PDAM Giri Tirta Kabupaten Gresik`, a name the
        tagger cut before its region): where the body sits, its win the body's."""
        return {k for k, prev, m, gap in self._neighbours()
                if F.seated(prev, m, gap) and k - 1 not in self.common_nouns}  # not `kontingen X`

    @cached_property
    def givers(self) -> set[int]:
        """Mentions a giving verb follows (`Dinas X mengumumkan juara ...`, `Pemkot Y menyerahkan penghargaan`; lexicon
        `awards.giving_verbs`, up to two words between), and the agents of a passive one, maybe after their title
        (`diserahkan langsung oleh Gubernur NTT Budi`; `awards.handing_verbs`): who gives, announces or holds the award
        is no winner there."""
        text = self.ctx.doc.text
        titles = [t for t in self.ctx.spans if t.label == "TITLE"]

        def handed_by(m: Span) -> bool:
            at = min((t.start for t in titles if 0 <= m.start - t.end <= 2 and t.start < m.start), default=m.start)
            return bool(_handed_by().search(text, max(0, at - 60), at))

        return {k for k, m in enumerate(self.mentions) if _giving_verb().match(text, m.end) or handed_by(m)}

    @cached_property
    def members_of(self) -> set[int]:
        """Bodies or places written after a person and a word for what the person is to them (`Sri Wahyuni, guru
        Bahasa Inggris SMPN 5 Sleman, meraih ...`, `Urip, petani asal Indramayu`; lexicon `titles.member_nouns`), or
        a word for where they come from (`Eko Prasetyo dari SMAN 1 Demak`; `titles.origin_cues`): the person is the
        one named, the body where they come from; a win told of the body there is the person's."""
        return {k for k, prev, m, gap in self._neighbours()
                if prev.label == "PER" and (_member_gap().fullmatch(gap) or F.origin_gap().fullmatch(gap))}

    @cached_property
    def members_after(self) -> set[int]:
        """Bodies after a member noun with the person named right after them (`Siswa SMKN 2 Sragen, Budi Prasetyo,
        meraih ...`): as `members_of`, the win told there is the person's (mention k + 1)."""
        return {k - 1 for k, prev, m, gap in self._neighbours() if m.label == "PER" and prev.label != "PER"
                and re.fullmatch(r"[^\S\n]*,[^\S\n]*", gap) and self._after_member_noun(prev)}

    @cached_property
    def members_unnamed(self) -> set[int]:
        """Other mentions of such a body right after a member noun alone (a headline's `Siswa SMAN 1 X Juara II` of
        `Budi, siswa SMAN 1 X, meraih juara II`): they tell of the person the body is named with."""
        return {i for k in self.members_of for i in self.entities[self.entity_of[k]]
                if i not in self.members_of and self._after_member_noun(self.mentions[i])}

    def _after_member_noun(self, m: Span) -> bool:
        """Does a member noun stand right before `m` (`Siswa SMAN 1 X`)?"""
        return bool(_member_before().search(self.ctx.doc.text, max(0, m.start - 30), m.start))

    @cached_property
    def speakers(self) -> set[int]:
        """Persons right before a verb of speaking, maybe with an apposition between (`Agus Salim, warga Desa X,
        mengatakan Desa X meraih ...`; lexicon `awards.speech_verbs`): they speak there, the win told is another's."""
        text, verb = self.ctx.doc.text, _speech_verb()
        return {k for k, m in enumerate(self.mentions) if m.label == "PER" and verb.match(text, m.end)}

    @cached_property
    def outlets(self) -> set[int]:
        """The outlet that received a statement (`dalam keterangan tertulis yang diterima Dream`, `siaran pers yang
        diterima Kompas.com`; lexicon `awards.press_statements`): it printed the news, it won nothing."""
        text, received = self.ctx.doc.text, _received_statement()
        return {k for k, m in enumerate(self.mentions) if received.search(text, max(0, m.start - 80), m.start)}

    @cached_property
    def office_places(self) -> set[int]:
        """Regions inside an office's title right before its holder's name (`Gubernur Jambi Al Haris`), and inside
        the same title written alone elsewhere (a headline's `Bupati Purworejo Sabet Penghargaan`)."""
        starts = [m.start for m in self.mentions if m.label == "PER"]
        titles = [t for t in self.ctx.spans if t.label == "TITLE"]
        offices = {" ".join(t.text.lower().split()) for t in titles if any(0 <= x - t.end <= 2 for x in starts)}
        held = [t for t in titles if " ".join(t.text.lower().split()) in offices]
        return {k for k, m in enumerate(self.mentions)
                if m.label == "LOC" and any(t.start <= m.start and m.end <= t.end for t in held)}

    @cached_property
    def excluded(self) -> set[int]:
        """The peers of a name the article calls the only winner (`Ke 13 kabupaten itu adalah A, B, C ... Namun, hanya
        B yang meraih predikat ...`; lexicon `awards.exclusive_words`): the others did not win."""
        text, only = self.ctx.doc.text, _only_winner()
        sole = {self.entity_of[k] for k, m in enumerate(self.mentions)
                if only[0].search(text, max(0, m.start - 20), m.start) and only[1].match(text, m.end)}
        out: set[int] = set()
        for group in self.peers:
            if any(self.entity_of[k] in sole for k in group):
                out |= {k for k in group if self.entity_of[k] not in sole}
        return out

    @cached_property
    def denied(self) -> set[int]:
        """Names right before a denied win, maybe with an apposition between (`Wali Kota X, Budi, tidak menerima
        penghargaan`, `PT A belum berhasil meraih predikat Emas`; lexicon `awards.negations`): no winner there."""
        text, denial = self.ctx.doc.text, _denial()
        return {k for k, m in enumerate(self.mentions) if denial.match(text, m.end)}

    @cached_property
    def history(self) -> set[int]:
        """Mentions in a sentence that opens by looking back (`Sebelumnya, Kota X juga meraih ...`, `Tahun lalu, ...`;
        lexicon `awards.history_openers`), or in a list under a heading that tells of earlier wins (`yang pernah
        meraih ... adalah:`; `awards.history_markers`): an earlier win told as history, which the guideline leaves
        out; no winner there, and its place or category is not the one won here (`told_earlier`)."""
        back = {k for k, m in enumerate(self.mentions) if self.ctx.sentence_of(m.start) in self._looking_back}
        past = _past_win()  # `Perguruan tinggi yang pernah meraih juara umum adalah:` over a list: earlier winners
        return back | {k for k, it in enumerate(self.items)
                       if it is not None and it.heading is not None and past.search(it.heading.text)}

    def told_earlier(self, value: Span, m: Span) -> bool:
        """Does `value` (a place, a category) stand in a sentence looking back at an earlier win that `m` is not in?"""
        here = self.ctx.sentence_of(value.start)
        return here in self._looking_back and here != self.ctx.sentence_of(m.start)

    @cached_property
    def _looking_back(self) -> frozenset[tuple[int, int]]:
        """The sentences that open with a history opener, read once per article."""
        text, opener = self.ctx.doc.text, _history_opener()
        return frozenset((a, b) for a, b in self.ctx.sentences if opener.match(text, a, b))

    @cached_property
    def dated_origins(self) -> set[int]:
        """A dateline's place that the article gives as where a winner lies (`Bima - Desa Wisata Sukamaju, Kabupaten
        Bima, meraih ...`): the story is filed there; it wins nothing of its own."""
        placed = {self.entity_of[k] for k in self.origins}
        return {k for k, m in enumerate(self.mentions) if self.entity_of[k] in placed and F.is_dateline(self.ctx.doc, m)}

    @cached_property
    def owners(self) -> set[int]:
        """Companies named right after one of their units as its owner (`Pabrik Tuban (PT Semen Gresik)`, `Pabrik
        Cikampek milik PT Sumber Makmur`; lexicon `agencies.unit_heads`, `agencies.owner_cues`): the unit won."""
        return {k for k, prev, m, gap in self._neighbours() if F.owned_unit(prev, m, gap)}


@lru_cache(maxsize=1)
def _labelled() -> re.Pattern:
    """A category's or a sub-category's label where a text starts (lexicon `awards.category_labels`,
    `awards.sub_labels`: `Kategori`, `Subcategory`): a heading, no one's name."""
    return lexicons.words("awards", "category_labels", "sub_labels")


@lru_cache(maxsize=1)
def _giving_verb() -> re.Pattern:
    """A giving verb after a name, with up to two lower-case words before it (`Dinas X kembali mengumumkan`)."""
    verbs = lexicons.alternation(lexicons.load("awards")["giving_verbs"])
    return re.compile(rf"{F.FEW_WORDS}{verbs}\b")


@lru_cache(maxsize=1)
def _follow_cue() -> re.Pattern:
    """A word that says a list follows another name in order (lexicon `awards.follow_words`: `disusul`, `diikuti`)."""
    return lexicons.words("awards", "follow_words")


@lru_cache(maxsize=1)
def _received_statement() -> re.Pattern:
    """A statement and a passive verb of receiving it right before a name: `keterangan tertulis yang diterima `,
    `siaran pers diterima oleh ` (lexicon `awards.press_statements`, `awards.agent_words`)."""
    lex = lexicons.load("awards")
    statement, agent = lexicons.alternation(lex["press_statements"]), lexicons.alternation(lex["agent_words"])
    return re.compile(rf"\b{statement}(?:[^\S\n]+yang)?[^\S\n]+diterima(?:[^\S\n]+{agent})?[^\S\n]+$", re.I)


@lru_cache(maxsize=1)
def _handed_by() -> re.Pattern:
    """A passive verb of handing over and its agent word, up to two lower-case words between, right before a name
    (`diserahkan langsung oleh `; lexicon `awards.handing_verbs`, `awards.agent_words`), or the verb alone right
    before it (`Penghargaan diserahkan Gubernur X`: the name after a passive verb is its agent)."""
    lex = lexicons.load("awards")
    verbs, agent = lexicons.alternation(lex["handing_verbs"]), lexicons.alternation(lex["agent_words"])
    return re.compile(rf"\b{verbs}(?:{F.FEW_WORDS}{agent})?[^\S\n]+$", re.I)


@lru_cache(maxsize=1)
def _member_gap() -> re.Pattern:
    """A comma, a member noun (lexicon `titles.member_nouns`) and a few more words on one line (`, siswa kelas XI `)."""
    nouns = lexicons.words("titles", "member_nouns").pattern
    return re.compile(rf"[^\S\n]*,[^\S\n]*{nouns}(?:[^\S\n]+[^\s,.;:()]+){{0,4}}[^\S\n]+", re.I)


@lru_cache(maxsize=1)
def _member_before() -> re.Pattern:
    """A member noun (lexicon `titles.member_nouns`) right before a name (`Siswa `)."""
    return re.compile(rf"{lexicons.words('titles', 'member_nouns').pattern}[^\S\n]+$", re.I)


@lru_cache(maxsize=1)
def _speech_verb() -> re.Pattern:
    """After a name: an apposition between commas or none, maybe `juga`, then a verb of speaking."""
    verbs = lexicons.words("awards", "speech_verbs").pattern
    return re.compile(rf"[^\S\n]*(?:,[^,.\n]{{1,60}},)?[^\S\n]*(?:juga[^\S\n]+)?{verbs}")


@lru_cache(maxsize=1)
def _wins() -> str:
    """An alternation of the win verbs (lexicon `awards.win_verbs`), for the patterns below."""
    return lexicons.alternation(sorted(win_verbs()))


@lru_cache(maxsize=1)
def _denial() -> re.Pattern:
    """After a name: an apposition between commas or none, maybe `yang`, `juga` or `masih`, a negation, maybe one word
    (`berhasil`, `mampu`), then a win verb; or a negation that ends the clause right after the name (a headline's
    `Gibran Batal, Bobby Dapat Satyalancana`)."""
    neg = lexicons.words("awards", "negations").pattern
    win = _wins()
    return re.compile(rf"[^\S\n]*(?:(?:,[^,.\n]{{1,60}},)?[^\S\n]*(?:(?:yang|juga|masih)[^\S\n]+)?{neg}[^\S\n]+"
                      rf"(?:[a-z]+[^\S\n]+)?{win}\b|{neg}[^\S\n]*[,;])", re.I)


@lru_cache(maxsize=1)
def _only_winner() -> tuple[re.Pattern, re.Pattern]:
    """An exclusive word right before a name (`hanya`), and after it `yang` and a win verb, maybe one word between."""
    win = _wins()
    return (re.compile(rf"{lexicons.words('awards', 'exclusive_words').pattern}[^\S\n]+$", re.I),
            re.compile(rf"[^\S\n]+yang[^\S\n]+(?:\w+[^\S\n]+)?{win}\b", re.I))


@lru_cache(maxsize=1)
def _past_win() -> re.Pattern:
    """A history marker, maybe a word, then a win verb: `pernah meraih`, `sempat juga menerima`."""
    win = _wins()
    return re.compile(rf"{lexicons.words('awards', 'history_markers').pattern}[^\S\n]+(?:\w+[^\S\n]+)?{win}\b",
                      re.I)


@lru_cache(maxsize=1)
def _history_opener() -> re.Pattern:
    """A history opener at a sentence's start, after blanks, quotes or a bracket (lexicon `awards.history_openers`)."""
    return re.compile(rf"[\s\"“(]*{lexicons.words('awards', 'history_openers').pattern}", re.I)


@lru_cache(maxsize=1)
def _category_stops() -> frozenset[str]:
    """Words that end a category and name none (lexicon `awards.category_stops`)."""
    return frozenset(lexicons.load("awards")["category_stops"])


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """The first words of agency heads and acronyms (`dprd`, `dinas`, `universitas`, `bappeda`) that are not a
    regional government's."""
    lex = lexicons.load("agencies")
    return frozenset(h.split()[0].lower().rstrip(".") for h in lex["heads"] + list(lex["acronyms"])) - government_key_words()


def candidates(doc: Document, spans: list[Span]) -> Candidates:
    """Winner candidates of `doc`: non-overlapping ORG/LOC/PER mentions outside noise, plus uncovered list items."""
    live = [s for s in spans if not doc.in_noise(s.start, s.end)]
    structure = read_structure(doc, live)
    ctx = F.Context(doc, live, structure)
    ents = sorted((s for s in live if s.label in F.ENTITY_LABELS), key=lambda s: (-(s.end - s.start), s.start))
    rules = [s for s in ents if s.source != "model"]
    # a model name whose edge cuts a rule's name (`Kontingen Kota` of `Kontingen Kota Semarang`, where the rules read
    # `Kota Semarang`) is the tagger's slip: the rule's name stands
    ents = [s for s in ents if s.source != "model" or not any(
        s.overlaps(r) and not s.contains(r) and not r.contains(s) for r in rules)]
    chosen: list[Span] = []
    for s in ents:
        if not any(s.overlaps(c) for c in chosen):
            # a kind alone (`Pemerintah Kota`) names no one, nor do a person's degrees alone (`M.Pd.` cut off a name),
            # nor a category's heading the tagger took for a body (`Subcategory Manufacturer : PT X`)
            chosen.extend(x for x in split_list(s) if name_key(x.text) and (x.label != "PER" or clean_person_name(x.text))
                          and not _labelled().match(x.text))
    # the label of a tagged name that opens an item, by its list and first word: `2. Posyandu Melati` (tagged ORG)
    # makes `1. Posyandu Mawar` (missed by the tagger) a body's name too, not a bare item's text
    openers = {(it.list_id, c.text.split()[0].lower()): c.label for it in structure.items for c in chosen
               if it.body <= c.start <= it.body + 3 and c.label in ("ORG", "LOC")}
    for it in structure.items:
        if any(it.body <= c.start <= it.body + 3 for c in chosen):
            continue
        rest = doc.text[it.body:it.end]
        cut = _SEP.search(rest)
        name = rest[:cut.start()] if cut else rest
        name = name.rstrip(" .")
        if 2 <= len(name) <= 90 and name[:1].isupper() and not _labelled().match(name) and not any(
                c.overlaps(Span(it.body, it.body + len(name), name, "ITEM", "structure")) for c in chosen):
            label = openers.get((it.list_id, name.split()[0].lower()), "ITEM")
            chosen.append(Span(it.body, it.body + len(name), name, label, "structure.item", 0.5))
    chosen.sort(key=lambda s: s.start)
    keys = [name_key(m.text) for m in chosen]
    n = len(chosen)
    found = [regions.possible(m.text, m.label) for m in chosen]
    levels = [regions.possible_levels(m.text, m.label) or regions.levels(m.text) for m in chosen]
    bodies = [k & _body_words() for k in keys]
    places = [bool(region_pattern().fullmatch(m.text) or government_prefix().match(m.text)) for m in chosen]
    compat = [[bool(keys[i] and keys[j] and (keys[i] <= keys[j] or keys[j] <= keys[i]) and levels[i] & levels[j]
                    and not (found[i] and found[j] and not found[i] & found[j])
                    and not (bodies[i] != bodies[j] and (places[i] or places[j])))
               for j in range(n)] for i in range(n)]  # `Kota Bogor` and `Kabupaten Bogor` are two winners, and
    # so are `Kota Bogor` and `DPRD Kota Bogor` (a body of a place is not the place), `Riau` and `Kepulauan Riau`
    # (two provinces), `Banten` and `Kota Serang Banten` (a province is no city)
    # a mention that fits two names which do not fit each other (`Desa Wisata` beside `Desa Wisata A` and
    # `Desa Wisata B`) is ambiguous: it joins no other name, so it cannot chain different winners into one
    ambiguous = [any(compat[i][j] and compat[i][k] and not compat[j][k] for j in range(n) for k in range(j + 1, n)
                     if j != i and k != i) for i in range(n)]
    # the same name written twice is one entity however ambiguous (`Konawe` beside `Dinas Sosial Konawe` and
    # `Bappeda Konawe`), unless the name itself means two (`Bogor` beside `Kota Bogor` and `Kabupaten Bogor`)
    namesakes: dict[frozenset[str], list[int]] = {}
    for i, k in enumerate(keys):
        namesakes.setdefault(k, []).append(i)
    clash = [any(compat[i][j] and compat[i][k] and not compat[j][k] for j in namesakes[keys[i]] for k in namesakes[keys[i]])
             for i in range(n)]
    entity_of = join_pairs(n, lambda i, j: compat[i][j] and (not ambiguous[i] and not ambiguous[j]
                                                            or keys[i] == keys[j] and not clash[i] and not clash[j]))
    entities: dict[int, list[int]] = {}
    for i, e in enumerate(entity_of):
        entities.setdefault(e, []).append(i)
    return Candidates(ctx, chosen, entity_of, entities)


@lru_cache(maxsize=1)
def _rank_before_count() -> re.Pattern:
    """A rank head right before a number: `peringkat 1 kategori ...` ranks, it does not count."""
    return lexicons.words("ranks", "heads", end=r"[^\S\n]*$")


def _only_order(phrase: str) -> bool:
    """Is `phrase` order words alone (`kesembilan`, `ke-2`, `II`): lexicon `ranks.ordinals` and `ranks.roman`?"""
    lex = lexicons.load("ranks")
    return all(w.lower() in lex["ordinals"] or w.lower() in lex["roman"] or re.fullmatch(r"(?i:ke)?-?\d{1,3}", w)
               for w in phrase.split())


def _tallied(text: str, cat: Span) -> bool:
    """True when a bare count stands right before the category (`22 medali perak`): it says how many, not whose.
    A year (`APE 2023 kategori Madya`), an edition (`MTQ ke 40`), a rank (`peringkat 1`) or a category written
    with its label (`18 kategori`, which counts categories) is no such count."""
    m = re.search(r"(?<![\w.,/-])(\d+)[^\S\n]+$", text[max(0, cat.start - 12):cat.start])
    if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)) or category_label().match(cat.text):
        return False
    before = text[max(0, cat.start - 40):cat.start - len(m.group())]
    return not _rank_before_count().search(before) and not re.search(r"\bke[^\S\n]*$", before, re.I)


def _glosses(text: str, cats: list[Span]) -> set[tuple[int, int]]:
    """Categories that only gloss the one before them in brackets: `Surga Tersembunyi (Hidden Paradise)`,
    `BB (Sangat Baik)`, `Wilayah Bebas dari Korupsi (WBK)`; the record takes the category as first written."""
    ends = {s.end for s in cats}
    out: set[tuple[int, int]] = set()
    for s in cats:
        m = re.search(r"\(\s*$", text[max(0, s.start - 4):s.start])
        if m is None:
            continue
        opening = max(0, s.start - 4) + m.start()
        blank = opening
        while blank > 0 and text[blank - 1].isspace():  # where the blanks before the bracket begin
            blank -= 1
        if any(blank <= e <= opening for e in ends):  # another category ends right before the bracket
            out.add((s.start, s.end))
    return out


@lru_cache(maxsize=1)
def _school_head() -> re.Pattern:
    """A school's head where a name starts (lexicon `agencies.numbered_heads`: `SDN`, `Sekolah Menengah Atas`)."""
    return lexicons.words("agencies", "numbered_heads", ignore_case=False)
