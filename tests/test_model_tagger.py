"""The model code path on a tiny random BERT that uses the shipped (real) tokenizer."""
from __future__ import annotations

import json
import shutil

import pytest

from extractor import Extractor
from extractor.resources import default_model_dir

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    shipped = default_model_dir()
    if shipped is None:
        pytest.skip("no shipped model folder to take the tokenizer from")
    out = tmp_path_factory.mktemp("tiny")
    for name in TOKENIZER_FILES:
        if (shipped / name).is_file():
            shutil.copy(shipped / name, out / name)
    tags = json.loads((shipped / "labels.json").read_text(encoding="utf-8"))
    tok = transformers.AutoTokenizer.from_pretrained(out)
    cfg = transformers.BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                  intermediate_size=64, max_position_embeddings=512, pad_token_id=tok.pad_token_id,
                                  num_labels=len(tags), id2label=dict(enumerate(tags)), label2id={t: i for i, t in enumerate(tags)})
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(cfg)
    with torch.no_grad():  # every token says B-ORG: one ORG span per token, all the way to the end
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[tags.index("B-ORG")] = 10.0
    model.save_pretrained(out)
    (out / "meta.json").write_text(json.dumps({"max_length": 64, "stride": 16}), encoding="utf-8")
    return out


def test_model_spans_cover_a_long_text(tiny_model):
    ex = Extractor.load(str(tiny_model))
    words = [f"Kata{i}" for i in range(400)]  # several windows of 62 tokens
    text = " ".join(words)
    rec = ex.extract(text)
    model_spans = [s for s in rec.spans if s.source == "model"]
    assert model_spans, "the model tagger produced no spans"
    for s in rec.spans:
        assert text[s.start:s.end] == s.text
    assert max(s.end for s in model_spans) == len(text), "windows must reach the end of the text"
    covered = {s.start for s in model_spans}
    assert all(text.index(w) in covered for w in words[::37]), "every word starts a span (no gaps at window borders)"


def test_extractor_load_rules_only_has_no_model(tiny_model):
    assert Extractor.load(str(tiny_model), rules_only=True).model_name == "rules"
    assert Extractor.load(str(tiny_model)).model_name == "model"


def test_missing_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="config.json"):
        Extractor.load(str(tmp_path))
