"""Spans from a fine-tuned token-classification model folder.

Long texts are cut into overlapping token windows; each token takes its tag
from the window where it sits furthest from an edge, so nothing is truncated
and window borders do not split entities. Tags (IOB2) become character spans
with the mean tag probability as score.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .spans import Span

SOURCE = "model"
MAX_MODEL_CHARS = 200_000  # a 20 MB file is not an article: the model reads its beginning only


def token_windows(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Token windows [a, b) of at most `size` tokens, overlapping by `stride`, covering all `n_tokens`.

    Training and inference share it, so the model sees at run time the windows it was trained on.
    """
    if n_tokens <= size:
        return [(0, n_tokens)]
    out, a = [], 0
    while True:
        b = min(a + size, n_tokens)
        out.append((a, b))
        if b == n_tokens:
            return out
        a = b - stride


@dataclass
class ModelTagger:
    """Wraps tokenizer + model; `tag(doc)` returns spans with source `model`."""

    tokenizer: object
    model: object
    tags: list[str]
    max_length: int = 256
    stride: int = 64
    batch_size: int = 16
    name: str = SOURCE

    @classmethod
    def load(cls, path: Path, device: str = "cpu") -> "ModelTagger":
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
        tags = [model.config.id2label[i] for i in range(model.config.num_labels)]
        return cls(tokenizer, model, tags, int(meta.get("max_length", 256)), int(meta.get("stride", 64)))

    def tag(self, doc) -> list[Span]:
        text = doc.text
        if len(text) > MAX_MODEL_CHARS:
            doc.warnings.append(f"model read only the first {MAX_MODEL_CHARS} of {len(text)} characters")
            text = text[:MAX_MODEL_CHARS]
        return self.tag_text(text, full_text=doc.text)

    def tag_text(self, text: str, full_text: str | None = None) -> list[Span]:
        import torch

        full_text = full_text if full_text is not None else text
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        if not ids:
            return []
        wins = token_windows(len(ids), self.max_length - 2, self.stride)
        best_prob = [None] * len(ids)
        best_dist = [-1] * len(ids)
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        with torch.inference_mode():
            for k in range(0, len(wins), self.batch_size):
                chunk = wins[k:k + self.batch_size]
                n = max(b - a for a, b in chunk) + 2
                batch = torch.full((len(chunk), n), pad_id, dtype=torch.long)
                mask = torch.zeros((len(chunk), n), dtype=torch.long)
                for r, (a, b) in enumerate(chunk):
                    row = [cls_id] + ids[a:b] + [sep_id]
                    batch[r, :len(row)] = torch.tensor(row)
                    mask[r, :len(row)] = 1
                probs = self.model(input_ids=batch, attention_mask=mask).logits.softmax(-1)
                for r, (a, b) in enumerate(chunk):
                    for t in range(a, b):
                        dist = min(t - a, b - 1 - t)
                        if dist > best_dist[t]:
                            best_dist[t] = dist
                            best_prob[t] = probs[r, t - a + 1]
        return self._decode(full_text, offsets, best_prob)

    def _decode(self, text: str, offsets, probs) -> list[Span]:
        spans: list[Span] = []
        cur: list = []  # [label, start, end, [scores]]

        def close() -> None:
            if cur:
                label, start, end, scores = cur
                s = Span.of(text, start, end, label, SOURCE, sum(scores) / len(scores))
                if s.end > s.start:
                    spans.append(s)
            cur.clear()

        for (a, b), p in zip(offsets, probs):
            if p is None or b <= a:
                continue
            i = int(p.argmax())
            tag = self.tags[i]
            if tag == "O":
                close()
                continue
            prefix, label = tag.split("-", 1)
            if prefix == "I" and cur and cur[0] == label:
                cur[2] = b
                cur[3].append(float(p[i]))
                continue
            close()
            cur.extend([label, a, b, [float(p[i])]])
        close()
        return [s for s in spans if s.text.strip()]
