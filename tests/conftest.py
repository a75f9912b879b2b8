from __future__ import annotations

from pathlib import Path

import pytest

from extractor import Extractor
from extractor.core.spans import Span

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


class FakeTagger:
    """Returns spans given as (surface, label) pairs: lets linker tests run without weights."""

    name = "fake"

    def __init__(self, marks: list[tuple[str, str]], source: str = "fake"):
        self.marks = marks
        self.source = source

    def tag(self, doc):
        out, pos = [], 0
        for surface, label in self.marks:
            start = doc.text.index(surface, pos)
            out.append(Span(start, start + len(surface), surface, label, self.source, 0.99))
            pos = start + len(surface)
        return out


@pytest.fixture(scope="session")
def rules() -> Extractor:
    return Extractor.load(rules_only=True)


def tiny_token_classifier(out: Path, seed: int = 0):
    """A tiny random BERT token classifier in `out` with the shipped (real) tokenizer; returns (model, tags).

    The caller may adjust the classifier, then calls `model.save_pretrained(out)`. Skips without a shipped model.
    """
    import json
    import shutil

    import torch
    import transformers

    from extractor.core.resources import default_model_dir

    shipped = default_model_dir()
    if shipped is None:
        pytest.skip("no shipped model folder to take the tokenizer from")
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (shipped / name).is_file():
            shutil.copy(shipped / name, out / name)
    tags = json.loads((shipped / "labels.json").read_text(encoding="utf-8"))
    tok = transformers.AutoTokenizer.from_pretrained(out)
    cfg = transformers.BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                  intermediate_size=64, max_position_embeddings=512, pad_token_id=tok.pad_token_id,
                                  num_labels=len(tags), id2label=dict(enumerate(tags)),
                                  label2id={t: i for i, t in enumerate(tags)})
    torch.manual_seed(seed)
    (out / "meta.json").write_text(json.dumps({"max_length": 64, "stride": 16}), encoding="utf-8")
    return transformers.BertForTokenClassification(cfg), tags
