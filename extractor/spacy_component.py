"""The spaCy pipeline component `anugerah`: the extractor inside a spaCy pipeline.

    nlp = spacy.blank("id")
    nlp.add_pipe("anugerah")                      # config: model (folder), rules_only, batch_size
    doc = nlp(text)
    doc.spans["anugerah"]                         # every span, label as in the extractor; span._.anugerah_source
    doc.ents                                      # a non-overlapping selection of them
    doc._.award_record                            # the record as a dict (RECORD.md)
    displacy.render(doc, style="span", options={"spans_key": "anugerah"})

The factory is registered through the `spacy_factories` entry point, so
`add_pipe("anugerah")` works without importing this module. spaCy imports
every such module when it builds a pipeline: this one loads the extractor
(and the model) only when the component is first called.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "anugerah"
_USER_DATA = "anugerah.span"  # doc.user_data[(_USER_DATA, start_char, end_char, label)] = (source, score)


def _span_info(span: Span) -> tuple[str, float] | None:
    return span.doc.user_data.get((_USER_DATA, span.start_char, span.end_char, span.label_))


if not Doc.has_extension("award_record"):
    Doc.set_extension("award_record", default=None)
if not Span.has_extension("anugerah_source"):
    Span.set_extension("anugerah_source", getter=lambda s: (_span_info(s) or (None, None))[0])
if not Span.has_extension("anugerah_score"):
    Span.set_extension("anugerah_score", getter=lambda s: (_span_info(s) or (None, None))[1])


class AnugerahComponent:
    """Runs the extractor on each Doc's text and writes spans, entities and the record onto the Doc."""

    def __init__(self, nlp: Language, name: str = "anugerah", model: Optional[str] = None, rules_only: bool = False,
                 batch_size: int = 16):
        self.name, self.model, self.rules_only, self.batch_size = name, model, rules_only, batch_size
        self._extractor = None

    @property
    def extractor(self):
        """The extractor, loaded on first use (the model folder `model`, the shipped one, or rules alone)."""
        if self._extractor is None:
            from .pipeline import Extractor

            self._extractor = Extractor.load(self.model, rules_only=self.rules_only)
        return self._extractor

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        """Docs in batches of `batch_size`: the model reads a batch's texts together."""
        it = iter(stream)
        while batch := list(islice(it, batch_size or self.batch_size)):
            records = self.extractor.extract_docs([self.extractor.document(d.text) for d in batch])
            for doc, rec in zip(batch, records):
                if isinstance(rec, Exception):
                    raise rec
                yield annotate(doc, rec)


def annotate(doc: Doc, rec) -> Doc:
    """Write a record (extractor.Record) onto `doc`: spans under `anugerah`, ents, `doc._.award_record`."""
    spans: list[Span] = []
    rank: dict[int, tuple] = {}
    for s in rec.spans:
        span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
        if span is None:
            continue
        doc.user_data[(_USER_DATA, span.start_char, span.end_char, span.label_)] = (s.source, float(s.score))
        rank[len(spans)] = (s.source != "model", len(span), s.score, -span.start)
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    chosen: list[Span] = []
    taken: set[int] = set()
    for k in sorted(rank, key=rank.get, reverse=True):  # rules before model, then longer, then surer: as spans.resolve
        tokens = set(range(spans[k].start, spans[k].end))
        if not tokens & taken:
            chosen.append(spans[k])
            taken |= tokens
    doc.ents = sorted(chosen, key=lambda sp: sp.start)
    doc._.award_record = rec.to_dict(spans=False)
    return doc


@Language.factory("anugerah", default_config={"model": None, "rules_only": False, "batch_size": 16})
def make_anugerah(nlp: Language, name: str, model: Optional[str], rules_only: bool, batch_size: int) -> AnugerahComponent:
    """The `anugerah` factory (entry point `spacy_factories`)."""
    return AnugerahComponent(nlp, name, model=model, rules_only=rules_only, batch_size=batch_size)
