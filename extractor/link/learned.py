"""The learned award linker: who won, and which category, rank and award go with each winner.

Candidates (`candidates.py`) come from the spans (rules and model alike) and the article's
structure: every ORG/LOC/PER mention, and the text of list items that no span
covers. Small logistic models, one per decision, score them from the features
in `features.py`:

- `winner`: is this mention a winner? Mentions of one entity (`Pemkab X`,
  `Kabupaten X`, `X`) are grouped; the entity wins when its best mention does.
  Names of one kind in parallel (one enumeration, the items of one list) are drawn
  towards their mean by the `peers` setting: a list wins or loses together.
- `category`, `rank`, `award`: which candidate goes with a winner (a CAT span
  or a heading; a RANK span, a list number or a place in an ordered
  enumeration; an AWARD span), or none. The category and award models are
  choice models: a mention's candidates and `none` compete in one softmax, so
  what counts is how a candidate stands beside the others (nearer, in the same
  sentence), not how such candidates look in general; the spans of one category
  share their mass, as in training. A winner whose mentions pick
  different categories gets one entry per category, each beyond the first only
  when the model is as sure of it as the `split` setting asks.
- `organizer`: which organisation gives the award.

The weights are data (`linker.json` in the model folder, written by
`training/model/linker.py`), read here without scikit-learn; the rules still
normalise what the models pick (rank numbers, names, the award's year).
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from ..core import lexicons
from ..core.document import Document
from ..core.record import Award, Record
from ..core.spans import Span
from ..normalize import regions
from ..normalize.names import clean_person_name
from ..normalize.places import name_key, region_pattern
from ..rules.awards import redefined
from . import features as F
from .candidates import Candidates, candidates
from .common import award_name, clean, fullest_name, own_category, span_category, year_in
from .rank_rows import claimed_first, rank_decisions
from .structure import Enumeration

LINKER_FILE = "linker.json"
VERSION = 1
COMPONENTS = ("document", "winner", "category", "rank", "award", "organizer")
KINDS = ("binary", "choice")
T = TypeVar("T")


@dataclass
class LinearModel:
    """A linear model over sparse named features; weights as plain data.

    `kind` says how a decision reads it: `binary` judges each candidate alone (`prob`); `choice` scores the
    candidates of one decision against each other and against choosing none (`choose`)."""

    weights: dict[str, float]
    bias: float = 0.0
    kind: str = "binary"

    def score(self, feats: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())

    def prob(self, feats: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(feats)))))

    def choose(self, rows: Iterable[tuple[T, dict[str, float]]], threshold: float,
               key: Callable[[T], Hashable] | None = None) -> T | None:
        """The candidate the model picks from the (value, features) rows of one decision, or None (`choose_among`)."""
        return self.choose_among([rows], threshold, key)

    def choose_among(self, decisions: Iterable[Iterable[tuple[T, dict[str, float]]]], threshold: float,
                     key: Callable[[T], Hashable] | None = None) -> T | None:
        """The pick over the decisions of one winner (one per mention), or None.

        A binary model: the most probable row of all that reaches `threshold`. A choice model: within each
        decision, the softmax over its rows and `none` (score 0), where rows with the same `key` add up (two
        spans of one category are one candidate, as the training likelihood counts them); the key with the
        largest share in any decision wins when that share reaches `threshold`, given as its best-scored row."""
        if self.kind != "choice":
            best, best_p = None, threshold
            for rows in decisions:
                for value, f in rows:
                    prob = self.prob(f)
                    if prob >= best_p:
                        best, best_p = value, prob
            return best
        best: tuple[float, float, T] | None = None
        for rows in decisions:
            rows = list(rows)
            if not rows:
                continue
            scores = [max(-30.0, min(30.0, self.score(f))) for _v, f in rows]
            top = max(scores)
            weights = [math.exp(x - top) for x in scores]
            total = math.exp(-top) + sum(weights)
            shares: dict[Hashable, list] = {}  # key -> [share, best score, its value]
            for k, ((value, _f), x, w) in enumerate(zip(rows, scores, weights)):
                entry = shares.setdefault(key(value) if key else k, [0.0, -math.inf, value])
                entry[0] += w / total
                if x > entry[1]:
                    entry[1], entry[2] = x, value
            for share, x, value in shares.values():
                if best is None or (share, x) > best[:2]:
                    best = (share, x, value)
        return best[2] if best is not None and best[0] >= threshold else None

    def to_dict(self) -> dict:
        return {"bias": self.bias, "weights": self.weights, **({"kind": self.kind} if self.kind != "binary" else {})}

    @classmethod
    def from_dict(cls, d: dict) -> "LinearModel":
        kind = d.get("kind", "binary")
        if kind not in KINDS:
            raise ValueError(f"model kind {kind!r}, this extractor reads {KINDS}")
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d.get("bias", 0.0)), kind)


# ---------------------------------------------------------------- decision rows (shared with training)

def winner_rows(c: Candidates) -> Iterator[tuple[int, dict[str, float]]]:
    """(mention index, features) for every mention."""
    for k, m in enumerate(c.mentions):
        yield k, F.mention_features(c.ctx, m, len(c.entities[c.entity_of[k]]))


def smooth_over_peers(c: Candidates, p: dict[int, float], weight: float) -> dict[int, float]:
    """Each mention's winner probability drawn towards its peers' mean by `weight` (0: alone, 1: the mean):
    one doubtful name in a list of winners is a winner too, one confident name in a list of jurors is not."""
    if weight <= 0:
        return p
    out = dict(p)
    for g in c.peers:
        mean = sum(p[k] for k in g) / len(g)
        for k in g:
            out[k] = (1 - weight) * p[k] + weight * mean
    return out


def whole_peer_groups(c: Candidates, p: dict[int, float], at: float, sure: float, barred: set[int]) -> set[int]:
    """The members of every peer group with one name at `sure` or above (in the group or anywhere the article names it:
    `Bobby` of a win sentence makes the list that holds `Bobby Nasution` sure) and a mean of `at` or above (0: none):
    a list that wins as a whole lets its doubtful names win too (`Klaster Kota (Bogor, Sukabumi, Semarang)`). A group with a
    `barred` member (after `hadir`, `mengalahkan`, `dewan juri`: guests, rivals, jurors) is no such list, nor is any
    list of a page where no sentence tells of a win (the regencies a flood struck, the firms of a group)."""
    if at <= 0 or not c.ctx.win_sentences:
        return set()

    def best(k: int) -> float:  # how sure the article is of this name anywhere
        return max(p[i] for i in c.entities[c.entity_of[k]])

    return {k for g in c.peers if max(best(k) for k in g) >= sure and sum(p[k] for k in g) / len(g) >= at
            and not barred.intersection(g) for k in g}


def category_rows(c: Candidates, m: Span) -> Iterator[tuple[Span, dict[str, float]]]:
    """(category span, features): CAT spans and headings that name a category (`Candidates.categories`), except
    those in a section that opens after the mention (`A, B.\n2. Kategori Madya\n C, D`: a heading leads what follows)
    or that lead an enumeration of their own in a later sentence (`Kategori X diraih A, B. Kategori Y diraih C, D`: Y
    is not B's; but `A meraih kategori X, B dan C meraih kategori Y`: X is A's),
    and those of another level than the winner (`_level_clash`); in an enumeration of names each followed by its
    category (`A predikat B, C predikat BB`), only the category after the mention."""
    text, levels = c.ctx.doc.text, regions.possible_levels(m.text, m.label) or _body_level(m)
    en = c.ctx.structure.enumeration_of(m)
    sentence_end = c.ctx.sentence_of(m.start)[1]
    own = en[0].values[en[1] - 1] if en is not None and en[0].values else None
    item = c.ctx.structure.item_at(m.start)
    led = item is not None and any(item.body <= x.start <= item.body + 2 for x in c.categories)
    for cat in c.categories:
        if c.told_earlier(cat, m):
            continue  # `Sebelumnya, Kota X juga meraih ... tingkat provinsi`: an earlier win's
        if own is not None and not (cat.start == own.start and cat.end == own.end):
            continue  # `Riau predikat B, Kepulauan Riau predikat BB`: each member's own category, none of its peers'
        if led and not item.start <= cat.start < item.end:
            continue  # `• Kategori Website: Juara 1 A, ... Juara 3 C` / `• Kategori Media Sosial: ...`: C's item leads it
        if cat.start >= m.end and c.ctx.structure.heading_between(m.end, cat.start):
            continue
        if cat.end <= m.start and _earlier_heading(c, cat, m):
            continue  # `Adipura Kencana:\n- A\nAdipura:\n- B`: Kencana is A's, B's list has a heading of its own
        if cat.start >= sentence_end and _leads_other_list(c, cat, en):
            continue  # `Kategori X diraih A, B. Kategori Y diraih C, D`: Y is C's and D's, not B's
        if levels and _level_clash(levels, regions.words_level(span_category(text, cat))):
            continue
        if _bracketed_for_other(c, cat, m):
            continue  # `Fauzi kelas 12 (medali perak Matematika)`: Fauzi's, not a province's told elsewhere
        yield cat, F.category_features(c.ctx, m, cat)


def _bracketed_for_other(c: Candidates, cat: Span, m: Span) -> bool:
    """Is `cat` written in brackets right after another name, two plain words between at most (`Fauzi kelas 12
    (medali perak)`), so that it is that name's category, not `m`'s?"""
    text = c.ctx.doc.text
    if not re.search(r"\([^\S\n]*$", text[max(0, cat.start - 3):cat.start]):
        return False  # no bracket right before it: the scan of the names below finds none
    before = [k for k, x in enumerate(c.mentions) if x.end <= cat.start
              and re.fullmatch(r"[^\S\n]+(?:[\w.-]+[^\S\n]+){0,2}\([^\S\n]*", text[x.end:cat.start])]
    if not before:
        return False
    k = before[-1]
    own = {i for i, x in enumerate(c.mentions) if x.start == m.start}
    return not any(c.entity_of[k] == c.entity_of[i] for i in own)


def _earlier_heading(c: Candidates, cat: Span, m: Span) -> bool:
    """Does `cat` stand in a heading of an earlier list, before the heading that `m`'s own list stands under? (Not
    in a heading the next line only goes on with: `Kategori Kota Besar Penerima\nAdipura 2011:\n- A`.)"""
    st = c.ctx.structure
    own = st.heading_above(m.start)
    return own is not None and st.item_at(m.start) is not None and any(
        h.start <= cat.start and cat.end <= h.end and h.end <= own.start
        and any(h.end <= it.start and it.end <= own.start for it in st.items) for h in st.headings)


def _clearest(c: Candidates, k: int, group: list[int]) -> Span:
    """The mention a winner is named by (mention `k` wins; `common.fullest_name`): a person's fullest name anywhere in
    the article, a region's among the winning mentions of it (`group`)."""
    m = c.mentions[k]
    pool = c.entities[c.entity_of[k]] if m.label == "PER" else group
    return fullest_name(m, [c.mentions[i] for i in pool])


def _with_seat(c: Candidates, m: Span) -> Span:
    """`m` with the region written right after it that says where it sits (`Candidates.seats`: `PDAM Giri Tirta
    Kabupaten Gresik`), as one name."""
    k = next((i for i, x in enumerate(c.mentions) if x is m), None)
    if k is None or k + 1 not in c.seats:
        return m
    return Span.of(c.ctx.doc.text, m.start, c.mentions[k + 1].end, m.label, m.source, m.score)


def _leads_other_list(c: Candidates, cat: Span, own: tuple[Enumeration, int] | None) -> bool:
    """Does `cat` open an enumeration of its own sentence (written before its first member) other than `own`?"""
    return any(e.sentence[0] <= cat.start and cat.end <= e.members[0].start and (own is None or e is not own[0])
               for e in c.ctx.structure.enumerations)


def _body_level(m: Span) -> frozenset[str]:
    """The level of the region a body belongs to, written in its name (`DPRD Provinsi Sumatera Barat`: a province's);
    empty for a person or a name that writes no level."""
    if m.label == "PER":
        return frozenset()
    typed = [r for r in region_pattern().finditer(m.text) if r["type"]]
    return regions.levels(typed[-1].group()) if typed else frozenset()


def _level_clash(winner: frozenset[str], category: frozenset[str]) -> bool:
    """A province in a category of cities or regencies (`Kota Besar`), or a city or regency in one of provinces: a
    category that names a level goes to winners of that level. Cities and regencies mix (an Adipura `Kota Sedang` is
    a regency's town), so only a province on one side clashes."""
    return bool(category) and not winner & category and "province" in winner | category


def _told_before(c: Candidates, members: list[int], a: int, b: int) -> list[int]:
    """`Pemkot X menyabet tiga penghargaan sekaligus. Ketiganya yaitu kategori A, kategori B dan kategori C`: a
    sentence (a, b) that names no one and opens by counting back (lexicon `awards.count_anaphors`) lists what the
    winner of the sentence right before it won; one that only lists an award's classes (`Penghargaan ini terdiri
    dari kategori kota besar, kota sedang dan kota kecil`) does not."""
    if any(a <= m.start < b for m in c.mentions) or not _count_anaphor().match(c.ctx.doc.text, a):
        return []
    before = max((s for s in c.ctx.sentences if s[1] <= a), default=None)
    return [i for i in members if before and before[0] <= c.mentions[i].start < before[1]]


@lru_cache(maxsize=1)
def _count_anaphor() -> re.Pattern:
    return lexicons.words("awards", "count_anaphors")


def _spread(c: Candidates, picks: list[tuple[Span | None, list[int]]], rivals: list[Span]) -> list[tuple[Span | None, list[int]]]:
    """Categories listed together in a winner's sentence. A winner named alone there takes them all, one entry each
    (`Provinsi A memborong tiga kategori, yaitu X, Y dan Z`); the members of an enumeration that says so take them in
    turn (`A dan B masing-masing meraih kategori X dan Y`); else the pick stands."""
    text = c.ctx.doc.text
    out: list[tuple[Span | None, list[int]]] = []
    seen: set[str] = set()  # the category keys of `out`
    for cat, members in picks:
        values: list[Span | None] = [cat]
        run = next((r for r in c.category_runs if cat is not None and any(x.start == cat.start and x.end == cat.end for x in r)), None)
        if run is not None:
            a, b = c.ctx.sentence_of(run[0].start)
            here = [i for i in members if a <= c.mentions[i].start < b] or _told_before(c, members, a, b)
            if here and not any(a <= r.start < b for r in rivals):
                values = list(run)
            for i in here:
                en = c.ctx.structure.enumeration_of(c.mentions[i])
                if en is not None and (en[0].each or en[0].ordered) and len(en[0].members) == len(run):
                    values = [run[en[1] - 1]]
                    break
        for x in values:
            key = _category_key(text, x)
            if key not in seen:  # no category (None) is never seen: each such pick stays
                out.append((x, members))
                if key is not None:
                    seen.add(key)
    return out


def award_rows(c: Candidates, m: Span) -> Iterator[tuple[Span, dict[str, float]]]:
    """(award span, features) for every AWARD span of the article."""
    awards = c.ctx.by_label.get("AWARD", [])
    freq: dict[str, int] = {}
    for s in awards:
        k = s.attrs.get("known") or s.text.lower()
        freq[k] = freq.get(k, 0) + 1
    for s in awards:
        k = s.attrs.get("known") or s.text.lower()
        yield s, F.award_features(c.ctx, m, s, freq[k], s.attrs.get("known") is not None)


def organizer_rows(c: Candidates, winner_keys: list[frozenset[str]]) -> Iterator[tuple[Span, dict[str, float]]]:
    """(ORG mention, features) for organisations that could give the award: not those a winner is from or owned by
    (`Eko, guru SMAN 1 Demak`, `Pabrik X milik PT Y`)."""
    told = {c.mentions[k].start for k in c.members_of | c.affiliations | c.owners | c.origins}
    orgs = [(o, name_key(o.text)) for o in c.ctx.by_label.get("ORG", []) if o.start not in told]
    counts: dict[frozenset[str], int] = {}
    for _o, k in orgs:
        counts[k] = counts.get(k, 0) + 1
    for o, k in orgs:
        is_winner = any(k and w and (k <= w or w <= k) for w in winner_keys)
        yield o, F.organizer_features(c.ctx, o, counts[k], is_winner)


# ---------------------------------------------------------------- inference

def _grade_of_other_award(c: Candidates, cat: Span, award: Span | None) -> bool:
    """Whether the category span is a grade inside a known award's name (`Adipura Kencana`: the rules keep `Kencana`
    as Adipura's grade) while the entry's award is another one (`Context.award_group`)."""
    award_of = c.ctx.award_group
    mine = award_of.get(award.start) if award is not None else None
    return any(a.attrs.get("known") and a.start <= cat.start and cat.end <= a.end and award_of[a.start] != mine
               for a in c.ctx.by_label.get("AWARD", []))


def _cut_short(short: str | None, full: str | None) -> bool:
    """Is the category `short` the first words of `full`, cut short (`tingkat provinsi` of `tingkat provinsi diy`)?"""
    if not short or not full:
        return False
    a, b = short.split(), full.split()
    return len(a) < len(b) and b[:len(a)] == a


def _same_tail(a: str | None, b: str | None) -> bool:
    """Is one of two different categories the last words of the other (`pratama`, `stbm pratama`)?"""
    if not a or not b or a == b:
        return False
    x, y = sorted((a.split(), b.split()), key=len)
    return y[-len(x):] == x


def _category_key(text: str, cat: Span | None) -> str | None:
    """What makes two category spans one category: `kategori utama` and `predikat Utama` are `utama`."""
    return span_category(text, cat).casefold() if cat is not None else None


@dataclass
class AwardLinker:
    """Learned decisions over candidates; `link(doc, spans, rec)` gives the record's award entries."""

    models: dict[str, LinearModel]
    thresholds: dict[str, float]
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, folder: str | Path) -> "AwardLinker | None":
        """The linker of a model folder, or None when the folder has no `linker.json`."""
        path = Path(folder) / LINKER_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"{path}: linker version {data.get('version')!r}, this extractor reads {VERSION}")
        missing = [k for k in COMPONENTS if k not in data.get("models", {})]
        if missing:
            raise ValueError(f"{path}: no weights for {missing}")
        try:
            models = {k: LinearModel.from_dict(v) for k, v in data["models"].items()}
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from exc
        return cls(models, dict(data["thresholds"]),
                   data.get("meta", {}))

    def to_dict(self) -> dict:
        return {"version": VERSION, "models": {k: m.to_dict() for k, m in self.models.items()},
                "thresholds": self.thresholds, "meta": self.meta}

    def link(self, doc: Document, spans: list[Span], rec: Record,
             main_award: Callable[[], tuple[Span | None, str | None]], organizer_fallback: Callable[[], str | None]) -> list[Award]:
        c = candidates(doc, spans)
        if not c.mentions:
            return []
        rows = dict(winner_rows(c))
        p = {k: self.models["winner"].prob(f) for k, f in rows.items()}
        if self.models["document"].prob(F.document_features(c.ctx, list(p.values()))) < self.thresholds["document"]:
            return []  # no evidence that the article reports a win: a budget talk, an inauguration
        tw = self.thresholds["winner"]
        whole = whole_peer_groups(c, p, self.thresholds.get("group", 0.0), tw,
                                  {k for k, f in rows.items() if F.NON_WINNER in f})
        p = smooth_over_peers(c, p, self.thresholds.get("peers", 0.0))
        p.update({k: max(p[k], tw) for k in whole})
        p.update({k: 0.0 for k in c.affiliations})  # a listed person's employer wins only where it is named alone
        p.update({k: 0.0 for k in c.origins})  # `Desa X, Kabupaten Y`, `Hari (Kabupaten Y)`: where they are from
        p.update({k: 0.0 for k in c.dated_origins})  # `Bima - Desa X, Kabupaten Bima, meraih`: the same place
        p.update({k: 0.0 for k in c.common_nouns})  # `diraih kontingen Jawa Tengah`: `kontingen` names no one
        p.update({k: 0.0 for k in c.givers})  # `Dinas X mengumumkan juara ...`: who gives or announces
        p.update({k: 0.0 for k in c.outlets})  # `keterangan tertulis yang diterima Dream`: the outlet
        if c.ctx.personal:  # `Gubernur Jambi Al Haris` of a Satyalancana: the honour is the person's, not the region's
            p.update({k: 0.0 for k in c.office_places})
        p.update({k: 0.0 for k in c.history})  # `Sebelumnya, Kota X juga meraih ...`: an earlier win
        p.update({k: 0.0 for k in c.speakers | c.denied | c.excluded})  # `Agus, warga Desa X, mengatakan ...`: who speaks;
        # `Gibran tidak menerima penghargaan`: who did not win
        for k in sorted(c.members_after):  # `Siswa SMKN 2 X, Budi, meraih ...`: Budi won
            p[k + 1], p[k] = max(p[k], p[k + 1]), 0.0
        for k in sorted(c.owners | c.seats | c.members_of):  # `Pabrik X (PT Y)`, `Pabrik X milik PT Y`: what is told of
            # the owner, the unit won; `PDAM X Kabupaten Y`: of the body's seat, the body; `Sri, guru SMPN 5`: the person
            p[k - 1], p[k] = max(p[k - 1], p[k]), 0.0
        p.update({k: 0.0 for k, m in enumerate(c.mentions) if F.after_rival_cue(c.ctx, m)})  # beaten, not won here
        p.update({k: 0.0 for k in c.members_unnamed})  # `Siswa SMAN 1 X Juara II` of `Budi, siswa SMAN 1 X`: Budi won
        best_of: dict[int, int] = {}
        for k, prob in p.items():
            e = c.entity_of[k]
            if e not in best_of or (prob, len(c.mentions[k].text)) > (p[best_of[e]], len(c.mentions[best_of[e]].text)):
                best_of[e] = k
        winners = sorted((k for k in best_of.values() if p[k] >= tw), key=lambda k: c.mentions[k].start)
        if not winners:
            return []
        award_span, _known = main_award()
        glossed = redefined(doc.text)  # `Indonesia Green Awards (IGA)`: its `IGA` is not spelt out as another award
        default_award = award_name(award_span.text, glossed) if award_span is not None else None
        keys = [name_key(c.mentions[k].text) for k in winners]
        award_of = c.ctx.award_group

        def same_as(a: Span, b: Span) -> bool:  # two AWARD spans of one award (a weak main award is in none)
            return award_of.get(a.start) == award_of[b.start]

        org = self._organizer(c, keys) or organizer_fallback()
        out: list[Award] = []
        for k in winners:
            group = [i for i in c.entities[c.entity_of[k]] if p[i] >= tw * 0.5] or [k]
            shown = _with_seat(c, _clearest(c, k, group))
            recipient = clean_person_name(shown.text) if shown.label == "PER" else clean(shown.text)
            rivals = [c.mentions[i] for w in winners if c.entity_of[w] != c.entity_of[k] for i in c.entities[c.entity_of[w]]]
            picks = _spread(c, self._categories(c, group, [i for i in group if p[i] >= tw] or [k]), rivals)
            for cat, members in picks:
                others = [i for i in c.entities[c.entity_of[k]] if i not in members and i not in c.history] \
                    if len(picks) == 1 else []
                rank = self.models["rank"].choose_among(rank_decisions(c, members, others), self.thresholds["rank"])
                award = self.models["award"].choose_among((award_rows(c, c.mentions[i]) for i in members),
                                                          self.thresholds["award"], key=lambda s: award_of[s.start])
                if award is not None and award_span is not None and same_as(award_span, award):
                    award = award_span  # the main award picked: written as the article's main span of it
                name = award_name(award.text, glossed) if award is not None else default_award
                year = year_in(name or "") or (int(rec.event_date[:4]) if rec.event_date else None)
                if cat is not None and _grade_of_other_award(c, cat, award or award_span):
                    cat = None  # `Kencana` of `Adipura Kencana` is no grade of the Nirwasita Tantra a winner got
                category = span_category(doc.text, cat) if cat is not None else None
                if category and name:  # `WTP` of `Wajar Tanpa Pengecualian (WTP)`: the award's short name, no category
                    category, name = own_category(category, name)
                out.append(Award(award=name, category=category,
                                 rank=rank[0] if rank else None, rank_text=rank[1] if rank else None,
                                 recipient=recipient, organizer=org, year=year))
        return out

    def _categories(self, c: Candidates, group: list[int], winning: list[int]) -> list[tuple[Span | None, list[int]]]:
        """(category, the mentions that carry it) for one winner: one entry per distinct category.

        Each winning mention picks its own category; different categories make different entries (a
        university that wins three categories), a further one only when its probability reaches `split`;
        mentions without one join the first entry."""
        model, t = self.models["category"], self.thresholds["category"]
        split = max(t, self.thresholds.get("split", 0.0))  # a further category opens an entry of its own from here
        picks: list[tuple[Span | None, list[int]]] = []
        text = c.ctx.doc.text

        def same(cat: Span | None) -> str | None:  # one category, however many spans write it
            return _category_key(text, cat)

        for i in winning:
            rows = list(category_rows(c, c.mentions[i]))
            # `A meraih kategori Utama, sedangkan B meraih kategori Madya`: B's own, though Utama stands nearer
            cat = model.choose(claimed_first(rows, "cat:"), t, key=same)
            key = same(cat)
            hit = next((e for e in picks if e[0] is not None and same(e[0]) == key), None)
            # `Tingkat Provinsi` of a headline, `tingkat Provinsi DIY` in the text: one category, written in full
            cut = next((k for k, e in enumerate(picks) if e[0] is not None and _cut_short(same(e[0]), key)), None)
            longer = next((e for e in picks if e[0] is not None and _cut_short(key, same(e[0]))), None)
            # `Pratama` and `STBM Pratama`: one grade, written with the award's name or without it (the first stays)
            hit = hit or next((e for e in picks if e[0] is not None and _same_tail(key, same(e[0]))), None)
            if hit is not None:
                hit[1].append(i)
            elif cut is not None:
                picks[cut] = (cat, picks[cut][1] + [i])
            elif longer is not None:
                longer[1].append(i)
            elif cat is not None and (not picks or model.choose(rows, split, key=same) is not None):
                picks.append((cat, [i]))
        if not picks:
            cat = model.choose_among((category_rows(c, c.mentions[i]) for i in group), t, key=same)
            return [(cat, group)]
        rest = [i for i in group if not any(i in members for _, members in picks)]
        picks[0][1].extend(rest)
        return picks

    def _organizer(self, c: Candidates, winner_keys: list[frozenset[str]]) -> str | None:
        o = self.models["organizer"].choose(organizer_rows(c, winner_keys), self.thresholds["organizer"])
        return clean(o.text) if o is not None else None
