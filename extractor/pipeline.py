"""The inference object: taggers (rules, optionally the model) and the linker, loaded once."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from .dates import DateTagger
from .document import Document
from .linker import link
from .ranks import RankTagger
from .record import Record
from .regions import RegionTagger
from .rules.agencies import AgencyTagger, find_agencies
from .rules.awards import AwardTagger
from .rules.officials import OfficialTagger
from .rules.programs import ProgramTagger
from .rules.venues import VenueTagger
from .spans import Span, check_spans, resolve


class Tagger(Protocol):
    """Anything that turns a document into spans."""

    name: str

    def tag(self, doc: Document) -> list[Span]: ...


class RuleAgencyTagger(AgencyTagger):
    """Agencies stop where an official's name starts, so it needs the officials' spans."""

    def tag_with(self, doc: Document, persons: list[Span]) -> list[Span]:
        return find_agencies(doc.text, {p.start for p in persons})


RULE_TAGGERS: dict[str, type] = {
    DateTagger.name: DateTagger, RankTagger.name: RankTagger, RegionTagger.name: RegionTagger,
    OfficialTagger.name: OfficialTagger, VenueTagger.name: VenueTagger,
    AwardTagger.name: AwardTagger, ProgramTagger.name: ProgramTagger, AgencyTagger.name: RuleAgencyTagger,
}


@dataclass
class Extractor:
    """Extracts award records. Build with `Extractor.load()`, then `.extract()` or `.pipe()`."""

    taggers: list[Tagger]
    model_name: str | None = None

    @classmethod
    def load(cls, model: str | None = None, *, rules_only: bool = False) -> "Extractor":
        """Load the extractor: `model` is a model folder, None for the shipped default, ignored when `rules_only`."""
        taggers: list[Tagger] = [t() for t in RULE_TAGGERS.values()]
        name = "rules"
        if not rules_only:
            from .model import load_model_tagger

            tagger = load_model_tagger(model)
            if tagger is not None:
                taggers.insert(0, tagger)
                name = tagger.name
        return cls(taggers, name)

    def spans(self, doc: Document) -> list[Span]:
        """All spans for `doc`, overlaps resolved per label."""
        found: list[Span] = []
        persons: list[Span] = []
        for t in self.taggers:
            if isinstance(t, RuleAgencyTagger):
                continue
            out = t.tag(doc)
            check_spans(doc.text, out)
            found.extend(out)
            persons.extend(s for s in out if s.label == "PER")
        for t in self.taggers:
            if isinstance(t, RuleAgencyTagger):
                out = t.tag_with(doc, persons)
                check_spans(doc.text, out)
                found.extend(out)
        return resolve(found)

    def extract(self, text: str, *, doc_id: str | None = None, published: str | None = None,
                title: str | None = None) -> Record:
        """The record of one article."""
        doc = Document(text or "", doc_id=doc_id, title=title, published=published)
        if not doc.text.strip():
            return Record(doc_id=doc_id, title=title, published=published, warnings=["empty text"])
        return link(doc, self.spans(doc))

    def pipe(self, texts: Iterable[str | dict], batch_size: int = 16) -> Iterator[Record]:
        """Records for many texts (strings or dicts with `text`, `doc_id`, `published`, `title`), in order."""
        for item in texts:
            if isinstance(item, dict):
                yield self.extract(item.get("text") or "", doc_id=item.get("doc_id"),
                                   published=item.get("published"), title=item.get("title"))
            else:
                yield self.extract(item)


_DEFAULT: Extractor | None = None


def extract(text: str, *, doc_id: str | None = None, published: str | None = None) -> Record:
    """Extract one record with the default extractor (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor.load()
    return _DEFAULT.extract(text, doc_id=doc_id, published=published)
