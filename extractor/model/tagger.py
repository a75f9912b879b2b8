"""Spans from a fine-tuned token-classification model folder.

Long texts are cut into overlapping token windows; each token takes its tag
from the window where it sits furthest from an edge, so nothing is truncated
and window borders do not split entities. Tags (IOB2) become character spans
with the mean tag probability as score.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.spans import Span
from .windows import token_windows

SOURCE = "model"
_WORD = re.compile(r"\w+|[^\w\s]")
MAX_MODEL_CHARS = 200_000  # a 20 MB file is not an article: the model reads its beginning only


@dataclass
class ModelTagger:
    """Wraps tokenizer + model; `tag(doc)` returns spans with source `model`, `tag_many(docs)` batches documents."""

    tokenizer: object
    model: object
    tags: list[str]
    max_length: int = 256
    stride: int = 64
    batch_size: int = 16  # windows per forward pass
    name: str = SOURCE
    device: str = "cpu"
    min_score: float = 0.0  # spans whose mean tag probability is lower are dropped (meta.json `min_score`)
    backend: str = "torch"  # or "onnx": model.onnx through ONNX Runtime

    @classmethod
    def load(cls, path: Path, device: str = "cpu", quantize: bool = False, backend: str = "torch",
             threads: int | None = None) -> "ModelTagger":
        """Load a model folder; `quantize` applies dynamic int8 quantization to the linear layers (CPU only).

        `backend="onnx"` runs `model.onnx` of the folder through ONNX Runtime (see onnx_backend.py).
        """
        if backend == "onnx":
            return cls._load_onnx(Path(path), device, quantize, threads)
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # our windows handle long texts: no "longer than 512" warnings
        hf_logging.disable_progress_bar()
        path = Path(path)
        meta = {}
        if (path / "meta.json").is_file():
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        tokenizer = AutoTokenizer.from_pretrained(path)
        model = AutoModelForTokenClassification.from_pretrained(path, dtype=torch.float32).to(device).eval()
        if quantize:
            model = _quantize(model, device)
        tags = [model.config.id2label[i] for i in range(model.config.num_labels)]
        return cls(tokenizer, model, tags, int(meta.get("max_length", 256)), int(meta.get("stride", 64)),
                   device=device, min_score=float(meta.get("min_score", 0.0)))

    @classmethod
    def _load_onnx(cls, path: Path, device: str, quantize: bool, threads: int | None) -> "ModelTagger":
        from .backends.onnx import INT8_NAME, ONNX_NAME, FastTokenizer, OrtModel

        if device != "cpu":
            raise ValueError("the onnx backend runs on the CPU")
        name = INT8_NAME if quantize else ONNX_NAME
        if not (path / name).is_file():
            flag = " --int8" if quantize else ""
            raise FileNotFoundError(f"{path / name} not found: export it with `python -m extractor.model.backends.onnx {path}{flag}`")
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").is_file() else {}
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        tags = [config["id2label"][str(i)] for i in range(len(config["id2label"]))]
        return cls(FastTokenizer(path), OrtModel(path / name, threads), tags, int(meta.get("max_length", 256)),
                   int(meta.get("stride", 64)), min_score=float(meta.get("min_score", 0.0)), backend="onnx")

    def tag(self, doc) -> list[Span]:
        return self.tag_many([doc])[0]

    def tag_many(self, docs: list) -> list[list[Span]]:
        """Spans for several documents; their windows share forward passes, grouped by length."""
        texts = []
        for doc in docs:
            if len(doc.text) > MAX_MODEL_CHARS:
                doc.warnings.append(f"model read only the first {MAX_MODEL_CHARS} of {len(doc.text)} characters")
            texts.append(doc.text[:MAX_MODEL_CHARS])
        return self.tag_texts(texts, [doc.text for doc in docs])

    def tag_text(self, text: str, full_text: str | None = None) -> list[Span]:
        return self.tag_texts([text], [full_text if full_text is not None else text])[0]

    def tag_texts(self, texts: list[str], full_texts: list[str] | None = None) -> list[list[Span]]:
        """Spans for each text; `full_texts` (defaults to `texts`) are what the spans point into."""
        import numpy as np

        full_texts = full_texts if full_texts is not None else texts
        if not texts:
            return []
        enc = self.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True)
        all_ids, all_offsets = enc["input_ids"], enc["offset_mapping"]
        jobs = [(d, a, b) for d, ids in enumerate(all_ids) for a, b in token_windows(len(ids), self.max_length - 2, self.stride)
                if ids]
        jobs.sort(key=lambda j: j[2] - j[1])  # similar lengths share a batch: little padding
        best_tag = [np.zeros(len(ids), dtype=np.int64) for ids in all_ids]
        best_score = [np.zeros(len(ids), dtype=np.float32) for ids in all_ids]
        best_dist = [np.full(len(ids), -1, dtype=np.int64) for ids in all_ids]
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        for k in range(0, len(jobs), self.batch_size):
            chunk = jobs[k:k + self.batch_size]
            n = max(b - a for _, a, b in chunk) + 2
            batch = np.full((len(chunk), n), pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.int64)
            for r, (d, a, b) in enumerate(chunk):
                batch[r, :b - a + 2] = [cls_id] + all_ids[d][a:b] + [sep_id]
                mask[r, :b - a + 2] = 1
            score, tag = self._scores(batch, mask)
            for r, (d, a, b) in enumerate(chunk):
                pos = np.arange(a, b)
                dist = np.minimum(pos - a, b - 1 - pos)
                better = dist > best_dist[d][a:b]  # each token from the window where it sits furthest from an edge
                best_dist[d][a:b][better] = dist[better]
                best_tag[d][a:b][better] = tag[r, 1:b - a + 1][better]
                best_score[d][a:b][better] = score[r, 1:b - a + 1][better]
        return [self._decode(full_texts[d], all_offsets[d], best_tag[d].tolist(), best_score[d].tolist(),
                             (best_dist[d] >= 0).tolist()) for d in range(len(texts))]

    def _scores(self, batch, mask):
        """(probability, tag id) of the best tag for every token of a padded batch."""
        import numpy as np

        if self.backend == "onnx":
            logits = self.model(batch, mask).astype(np.float32)
            e = np.exp(logits - logits.max(-1, keepdims=True))
            probs = e / e.sum(-1, keepdims=True)
            return probs.max(-1), probs.argmax(-1)
        import torch

        with torch.inference_mode():
            logits = self.model(input_ids=torch.from_numpy(batch).to(self.device),
                                attention_mask=torch.from_numpy(mask).to(self.device)).logits
            score, tag = logits.float().softmax(-1).max(-1)
        return score.cpu().numpy(), tag.cpu().numpy()

    def _decode(self, text: str, offsets, tags: list[int], scores: list[float], seen: list[bool]) -> list[Span]:
        """Word-level IOB2 decoding: each word takes the tag of the token at its start.

        Words are runs of letters/digits or single punctuation marks, so a span never
        starts or ends inside a word (no `tamina` out of `Pertamina`).
        """
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        first: dict[int, tuple[int, float]] = {}
        w = 0
        for (a, b), i, p, ok in zip(offsets, tags, scores, seen):
            if not ok or b <= a:
                continue
            while a < b and text[a].isspace():
                a += 1
            while w < len(words) and words[w][1] <= a:
                w += 1
            if w < len(words) and words[w][0] <= a < words[w][1] and w not in first:
                first[w] = (i, p)
        spans: list[Span] = []
        cur: list = []  # [label, start, end, [scores]]

        def close() -> None:
            if cur:
                label, start, end, sc = cur
                spans.append(Span.of(text, start, end, label, SOURCE, sum(sc) / len(sc)))
            cur.clear()

        for k, (a, b) in enumerate(words):
            if k not in first:
                continue  # beyond what the model read
            i, p = first[k]
            tag = self.tags[i]
            if tag == "O":
                close()
                continue
            prefix, label = tag.split("-", 1)
            if prefix == "I" and cur and cur[0] == label and "\n" not in text[cur[2]:a]:
                cur[2] = b
                cur[3].append(p)
                continue
            close()
            cur.extend([label, a, b, [p]])
        close()
        return [s for s in spans if s.text.strip() and s.score >= self.min_score]


def _quantize(model, device: str):
    """Dynamic int8 quantization of the linear layers (faster on CPU; may change a few spans)."""
    import warnings

    import torch

    if device != "cpu":
        raise ValueError("--quantize works on the CPU only")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
