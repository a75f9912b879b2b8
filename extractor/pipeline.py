"""The inference object: taggers (rules, optionally the model) and the linker, loaded once."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from .core.document import Document
from .link import link
from .core.record import Record
from .core.spans import MergePolicy, Span, check_spans, resolve
from .rules import REGISTRY as RULE_TAGGERS


MAX_TEXT_CHARS = 100_000  # ~50 articles: beyond this the rules slow down a lot, and it is no longer one article
_ID_WORDS = frozenset("yang dan di dengan untuk dari ini itu pada dalam ke oleh akan tidak juga sebagai kepada telah".split())
_EN_WORDS = frozenset("the and of to in is for with that was on by as at from this are has have been were".split())


def input_warnings(text: str) -> list[str]:
    """Warnings about the input itself: too long to read whole, or not Indonesian."""
    out = []
    if len(text) > MAX_TEXT_CHARS:
        out.append(f"text is {len(text)} characters: only the first {MAX_TEXT_CHARS} were read")
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) >= 40:
        en, idn = sum(w in _EN_WORDS for w in words), sum(w in _ID_WORDS for w in words)
        if en >= 0.1 * len(words) and en > 3 * idn:
            out.append("text looks English, not Indonesian: the extractor reads Indonesian, expect few findings")
    return out


class Tagger(Protocol):
    """Anything that turns a document into spans."""

    name: str

    def tag(self, doc: Document) -> list[Span]: ...


@dataclass
class Extractor:
    """Extracts award records. Build with `Extractor.load()`, then `.extract()` or `.pipe()`."""

    taggers: list[Tagger]
    model_name: str | None = None
    linker: object | None = None  # the learned award linker of the model folder (link.learned.AwardLinker)
    merge: MergePolicy = MergePolicy()  # how rule and model spans meet (the model card's `merge`)

    @classmethod
    def load(cls, model: str | None = None, *, rules_only: bool = False, device: str = "cpu",
             quantize: bool = False, threads: int | None = None, backend: str = "torch") -> "Extractor":
        """Load the extractor: `model` is a model folder, None for the shipped default, ignored when `rules_only`.

        `device` (cpu, cuda) runs the model; `quantize` makes its linear layers int8 (CPU);
        `threads` sets the backend's intra-op threads (default: one per core);
        `backend` names a module of extractor/model/backends (`torch`, `onnx`: the folder's model.onnx, no torch).
        The folder's learned award linker (linker.json) decides the award entries; rules alone use the rule linker.
        """
        from .model.backends import available

        if backend not in available():
            raise ValueError(f"backend={backend!r}: choose one of {', '.join(available())}")
        taggers: list[Tagger] = [t() for t in RULE_TAGGERS.values()]
        name, linker, merge = "rules", None, MergePolicy()
        if not rules_only:
            from .model import ModelFolder, load_model_tagger

            folder = ModelFolder.resolve(model)
            if folder is not None:
                tagger = load_model_tagger(folder, device=device, quantize=quantize, backend=backend, threads=threads)
                taggers.insert(0, tagger)
                name, linker, merge = tagger.name, folder.linker(), MergePolicy.from_card(folder.meta)
        return cls(taggers, name, linker, merge)

    def spans(self, doc: Document, pre: dict[str, list[Span]] | None = None) -> list[Span]:
        """All spans for `doc`, overlaps resolved per label; `pre` holds spans already made by name of tagger."""
        return resolve(self.raw_spans(doc, pre), self.merge)

    def raw_spans(self, doc: Document, pre: dict[str, list[Span]] | None = None) -> list[Span]:
        """Every tagger's spans for `doc`, before the merge (rules and model may overlap)."""
        found: list[Span] = []
        for t in self.taggers:
            if hasattr(t, "tag_with"):
                continue
            out = pre[t.name] if pre and t.name in pre else t.tag(doc)
            check_spans(doc.text, out)
            found.extend(out)
        for t in self.taggers:  # second stage: taggers that read the spans of the first
            if hasattr(t, "tag_with"):
                out = t.tag_with(doc, found)
                check_spans(doc.text, out)
                found.extend(out)
        return found

    @staticmethod
    def document(text: str, *, doc_id: str | None = None, published: str | None = None,
                 title: str | None = None) -> Document:
        """The Document the taggers read: text beyond MAX_TEXT_CHARS is cut, with a warning (offsets stay valid).

        A `text` that is not a str (None, bytes, a number) is a TypeError naming it, as are the other fields.
        """
        if not isinstance(text, str):
            hint = ": decode the bytes first" if isinstance(text, (bytes, bytearray)) else ""
            raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
        for name, value in (("doc_id", doc_id), ("published", published), ("title", title)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
        return Document(text[:MAX_TEXT_CHARS], doc_id=doc_id, title=title, published=published,
                        warnings=input_warnings(text))

    def extract(self, text: str, *, doc_id: str | None = None, published: str | None = None,
                title: str | None = None) -> Record:
        """The record of one article."""
        out = self.extract_docs([self.document(text, doc_id=doc_id, published=published, title=title)])[0]
        if isinstance(out, Exception):
            raise out
        return out

    def extract_docs(self, docs: list[Document]) -> list[Record | Exception]:
        """Records for several documents, model passes shared; a failing document gives its exception."""
        live = [d for d in docs if d.text.strip()]
        batched = [t for t in self.taggers if hasattr(t, "tag_many")]
        pre: dict[int, dict[str, list[Span]]] = {id(d): {} for d in live}
        for t in batched:
            try:
                for d, spans in zip(live, t.tag_many(live)):
                    pre[id(d)][t.name] = spans
            except Exception:  # noqa: BLE001 - one bad document must not sink its batch: go one by one
                pass
        out: list[Record | Exception] = []
        for d in docs:
            if not d.text.strip():
                out.append(Record(doc_id=d.doc_id, title=d.title, published=d.published,
                                  warnings=d.warnings + ["empty text"]))
                continue
            try:
                out.append(link(d, self.spans(d, pre.get(id(d))), self.linker))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out

    def pipe(self, texts: Iterable[str | dict], batch_size: int = 16) -> Iterator[Record]:
        """Records for many texts (strings or dicts with `text`, `doc_id`, `published`, `title`), in order.

        Texts are taken `batch_size` at a time, so the model reads several per forward pass. What the
        CLI's reader refuses is refused here: one str (not a list of them), a dict without a `text`
        string (ValueError), an item that is neither (TypeError); the item's position is named.
        """
        if isinstance(texts, (str, bytes, dict)):
            raise TypeError(f"texts must be an iterable of texts or dicts, not one {type(texts).__name__}: "
                            "wrap it in a list (or call extract() for one text)")
        if not isinstance(texts, Iterable):
            raise TypeError(f"texts must be an iterable of texts or dicts, not {type(texts).__name__}")
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise ValueError(f"batch_size must be a whole number of 1 or more, not {batch_size!r}")
        return self._pipe(iter(texts), batch_size)

    def _pipe(self, it: Iterator[str | dict], batch_size: int) -> Iterator[Record]:
        n = 0
        while chunk := list(islice(it, batch_size)):
            docs = []
            for c in chunk:
                docs.append(self._item(c, n))
                n += 1
            for rec in self.extract_docs(docs):
                if isinstance(rec, Exception):
                    raise rec
                yield rec

    def _item(self, item: str | dict, n: int) -> Document:
        """The Document of pipe()'s item number `n`, or an error naming it."""
        if isinstance(item, str):
            return self.document(item)
        if not isinstance(item, dict):
            raise TypeError(f"texts[{n}] is a {type(item).__name__}, not a str or a dict with a 'text' string")
        if not isinstance(item.get("text"), str):
            raise ValueError(f"texts[{n}] has no 'text' string (keys: {', '.join(map(str, item)) or 'none'})")
        try:
            return self.document(item["text"], doc_id=item.get("doc_id"), published=item.get("published"),
                                 title=item.get("title"))
        except TypeError as exc:
            raise TypeError(f"texts[{n}]: {exc}") from None


_DEFAULT: Extractor | None = None


def extract(text: str, *, doc_id: str | None = None, published: str | None = None,
            title: str | None = None) -> Record:
    """Extract one record with the default extractor (loaded on first use); the keywords of Extractor.extract."""
    global _DEFAULT
    if not isinstance(text, str):  # before loading a model for nothing
        Extractor.document(text)
    if _DEFAULT is None:
        _DEFAULT = Extractor.load()
    return _DEFAULT.extract(text, doc_id=doc_id, published=published, title=title)
