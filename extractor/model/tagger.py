"""Spans from a fine-tuned token-classification model folder.

Long texts are cut into overlapping token windows; each token takes its tag
probabilities from the window where it sits furthest from an edge, so
nothing is truncated and window borders do not split entities. Tags (IOB2)
become character spans, word by word, with the mean tag probability as score.
The backend (torch, onnx, ...) only maps token ids to probabilities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span
from .backends import Backend, load_backend
from .folder import ModelFolder
from .iob import iob_to_spans
from .windows import token_windows

SOURCE = "model"
_WORD = re.compile(r"\w+|[^\w\s]")
_OPEN, _CLOSE, _EDGE = "([{“‘\"", ")]}”’\"", ",;:"
_DASHES = ("-", "–", "—")
MAX_MODEL_CHARS = 200_000  # a 20 MB file is not an article: the model reads its beginning only


@lru_cache(maxsize=1)
def _name_edges() -> frozenset[str]:
    """What no name starts or ends with: a dateline's dash (`PADANG -`) and a list's join (`SMP Negeri 1 Sewon dan`;
    lexicon `awards.list_joins`). A date's or an award's dash may stand at its edge."""
    return frozenset(_DASHES) | frozenset(lexicons.load("awards")["list_joins"])


def _trim(text: str, words: list[tuple[int, int]], a: int, b: int, label: str = "") -> tuple[int, int]:
    """Words [a, b) without the punctuation a span cannot start or end with: a bracket opened at its end
    (`Situs Sejarah (`), one closed at its start, a comma or colon at either edge, and a dash or a join word
    (`dan`) at the edge of a name (`label` ORG, LOC, PER)."""
    def w(k: int) -> str:
        word = text[words[k][0]:words[k][1]]
        return "," if label in ("ORG", "LOC", "PER") and word in _name_edges() else word
    while b > a and (w(b - 1) in _OPEN + _EDGE or (w(b - 1) in _CLOSE and not any(w(k) in _OPEN for k in range(a, b - 1)))):
        b -= 1
    while b > a and (w(a) in _CLOSE + _EDGE):
        a += 1
    return a, b


@dataclass
class ModelTagger:
    """A model folder and its backend; `tag(doc)` returns spans with source `model`, `tag_many(docs)` batches documents."""

    folder: ModelFolder
    backend: Backend
    backend_name: str = "torch"
    batch_size: int = 16  # windows per forward pass
    name: str = SOURCE

    @classmethod
    def load(cls, folder: ModelFolder, device: str = "cpu", quantize: bool = False, backend: str = "torch",
             threads: int | None = None) -> "ModelTagger":
        """Load `folder` with the backend named `backend`; `quantize`: int8 (see the backend)."""
        return cls(folder, load_backend(backend, folder, device=device, quantize=quantize, threads=threads), backend)

    @property
    def tags(self) -> list[str]:
        return self.folder.tags

    @property
    def tokenizer(self):
        return self.backend.tokenizer

    def tag(self, doc) -> list[Span]:
        return self.tag_many([doc])[0]

    def tag_many(self, docs: list) -> list[list[Span]]:
        """Spans for several documents; their windows share forward passes, grouped by length."""
        texts = []
        for doc in docs:
            if len(doc.text) > MAX_MODEL_CHARS:
                doc.warnings.append(f"model read only the first {MAX_MODEL_CHARS} of {len(doc.text)} characters")
            texts.append(doc.text[:MAX_MODEL_CHARS])
        out = []
        for doc, (offsets, probs) in zip(docs, self.token_probabilities(texts)):
            out.append(self._decode(doc.text, offsets, probs))
        return out

    def token_probabilities(self, texts: list[str]) -> list[tuple[list[tuple[int, int]], object]]:
        """Per text: token offsets and a [tokens, tags] probability array, each token from its most central window."""
        import numpy as np

        if not texts:
            return []
        tok = self.tokenizer
        enc = tok(texts, add_special_tokens=False, return_offsets_mapping=True)
        all_ids, all_offsets = enc["input_ids"], enc["offset_mapping"]
        n_tags = len(self.tags)
        jobs = [(d, a, b) for d, ids in enumerate(all_ids) if ids
                for a, b in token_windows(len(ids), self.folder.max_length - 2, self.folder.stride)]
        jobs.sort(key=lambda j: j[2] - j[1])  # similar lengths share a batch: little padding
        probs = [np.zeros((len(ids), n_tags), dtype=np.float32) for ids in all_ids]
        best_dist = [np.full(len(ids), -1, dtype=np.int64) for ids in all_ids]
        pad_id = tok.pad_token_id if tok.pad_token_id is not None else 0
        for k in range(0, len(jobs), self.batch_size):
            chunk = jobs[k:k + self.batch_size]
            n = max(b - a for _, a, b in chunk) + 2
            batch = np.full((len(chunk), n), pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.int64)
            for r, (d, a, b) in enumerate(chunk):
                batch[r, :b - a + 2] = [tok.cls_token_id] + all_ids[d][a:b] + [tok.sep_token_id]
                mask[r, :b - a + 2] = 1
            out = self.backend.probabilities(batch, mask)
            for r, (d, a, b) in enumerate(chunk):
                pos = np.arange(a, b)
                dist = np.minimum(pos - a, b - 1 - pos)
                better = dist > best_dist[d][a:b]
                best_dist[d][a:b][better] = dist[better]
                probs[d][a:b][better] = out[r, 1:b - a + 1][better]
        return [([tuple(o) for o in all_offsets[d]], probs[d]) for d in range(len(texts))]

    def _decode(self, text: str, offsets, probs) -> list[Span]:
        """Word-level IOB2 decoding: each word takes the tag of the token at its start.

        Words are runs of letters/digits or single punctuation marks, so a span never starts or
        ends inside a word (no `tamina` out of `Pertamina`); an entity never runs over a line break.
        """
        tag_ids, scores = probs.argmax(-1).tolist() if len(probs) else [], probs.max(-1).tolist() if len(probs) else []
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        first: dict[int, tuple[int, float]] = {}
        w = 0
        for (a, b), i, p in zip(offsets, tag_ids, scores):
            if b <= a:
                continue
            while a < b and text[a].isspace():
                a += 1
            while w < len(words) and words[w][1] <= a:
                w += 1
            if w < len(words) and words[w][0] <= a < words[w][1] and w not in first:
                first[w] = (i, p)
        read = [k for k in range(len(words)) if k in first]  # words beyond what the model read are left out
        tags = []
        for j, k in enumerate(read):
            tag = self.tags[first[k][0]]
            if tag.startswith("I-") and j and "\n" in text[words[read[j - 1]][1]:words[k][0]]:
                tag = "B-" + tag[2:]
            tags.append(tag)
        spans = []
        read_words = [words[k] for k in read]
        for label, a, b in iob_to_spans(tags):
            a, b = _trim(text, read_words, a, b, label)
            if b <= a:
                continue
            start, end = words[read[a]][0], words[read[b - 1]][1]
            sc = [first[read[j]][1] for j in range(a, b)]
            spans.append(Span.of(text, start, end, label, SOURCE, sum(sc) / len(sc)))
        floor = self.folder.min_scores  # every label of the folder: its own floor or the card's min_score
        return [s for s in spans if s.text.strip() and s.score >= floor[s.label]]
