"""The model code path on a tiny random BERT that uses the shipped (real) tokenizer."""
from __future__ import annotations

import pytest

from extractor import Extractor

from ..conftest import tiny_token_classifier

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny")
    model, tags = tiny_token_classifier(out)
    with torch.no_grad():  # every token says B-ORG: one ORG span per token, all the way to the end
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[tags.index("B-ORG")] = 10.0
    model.save_pretrained(out)
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


def test_a_span_does_not_end_in_an_opening_bracket_or_start_with_a_closing_one():
    import re

    from extractor.model.tagger import _trim

    text = "Kategori Situs Sejarah ( Historical Site ) , Kota"
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    show = lambda a, b: text[words[a][0]:words[b - 1][1]] if b > a else ""
    assert show(*_trim(text, words, 0, 4)) == "Kategori Situs Sejarah"
    assert show(*_trim(text, words, 6, 9)) == "Kota"  # `) , Kota`: a closing bracket and a comma at its start
    assert show(*_trim(text, words, 3, 7)) == "( Historical Site )"  # a bracket closed inside the span stays
    assert show(*_trim(text, words, 3, 4)) == ""


def test_a_name_does_not_end_in_a_dateline_dash_or_a_list_join_but_a_date_may_hold_a_dash():
    import re

    from extractor.model.tagger import _trim

    text = "PADANG - Sumbar juara 20 - 21 Maret"
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    show = lambda a, b: text[words[a][0]:words[b - 1][1]] if b > a else ""
    assert show(*_trim(text, words, 0, 2, "LOC")) == "PADANG"
    assert show(*_trim(text, words, 1, 3, "ORG")) == "Sumbar"
    assert show(*_trim(text, words, 4, 8, "DATE")) == "20 - 21 Maret"
    assert show(*_trim(text, words, 0, 2, "DATE")) == "PADANG -"  # only names lose the dash
    text = "yaitu SMP Negeri 1 Sewon dan SD Negeri Jetis"
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    assert show(*_trim(text, words, 1, 6, "ORG")) == "SMP Negeri 1 Sewon"  # a list's join ends no name


def _sure_of(tmp_path, tag: str, p: float, card: dict):
    """A tiny model that gives every token `tag` with probability `p`, and the model card `card`."""
    import json
    import math

    model, tags = tiny_token_classifier(tmp_path)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[tags.index(tag)] = math.log(p / (1 - p) * (len(tags) - 1))
    model.save_pretrained(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"max_length": 64, "stride": 16, **card}), encoding="utf-8")
    return Extractor.load(str(tmp_path))


@pytest.mark.parametrize("tag, card, kept", [
    ("B-CAT", {"min_score": 0.8}, False),
    ("B-CAT", {"min_score": 0.8, "min_scores": {"CAT": 0.6}}, True),
    ("B-ORG", {"min_score": 0.8, "min_scores": {"CAT": 0.6}}, False),  # ORG keeps the card's min_score
    ("B-ORG", {"min_score": 0.6}, True),
])
def test_spans_below_their_label_s_min_score_are_dropped(tmp_path, tag, card, kept):
    ex = _sure_of(tmp_path, tag, 0.7, card)
    spans = [s for s in ex.spans(ex.document("Kota Maju meraih kategori utama.")) if s.source == "model"]
    assert bool(spans) is kept
    assert all(s.label == tag[2:] and 0.65 < s.score < 0.75 for s in spans)


def test_a_card_s_min_scores_must_name_known_labels_with_scores_from_0_to_1(tmp_path):
    from extractor.model import ModelFolder

    _sure_of(tmp_path, "B-CAT", 0.7, {})
    for given, reason in (({"CATEGORY": 0.5}, "lacks"), ({"CAT": 1.5}, "from 0 to 1")):
        folder = ModelFolder(tmp_path, {"min_score": 0.8, "min_scores": given})
        with pytest.raises(ValueError, match=reason) as err:
            folder.min_scores
        assert "meta.json" in str(err.value)
