"""Smoke test: the shipped default model loads offline and extracts a record."""
from __future__ import annotations

import json

import pytest

from extractor import Document, Extractor, extract
from extractor.core.resources import default_model_dir

TEXT = ("Bupati Sleman Budi Prasetyo menerima penghargaan Innovative Government Award (IGA) 2024 dari "
        "Kementerian Dalam Negeri di Jakarta, Selasa (10/12/2024).")


@pytest.fixture(scope="module")
def shipped():
    path = default_model_dir()
    if path is None:
        pytest.fail("models/default is missing: the default model must ship with the project")
    return path


def test_model_card_describes_the_model(shipped):
    card = json.loads((shipped / "meta.json").read_text(encoding="utf-8"))
    for key in ("base", "labels", "data", "hyperparameters", "dev_scores", "commit"):
        assert key in card
    size = sum(p.stat().st_size for p in shipped.iterdir() if p.is_file())
    assert size <= 50_000_000, f"shipped model is {size} bytes"


def test_default_extract_uses_the_model(shipped):
    ex = Extractor.load()
    assert ex.model_name == "model"
    model_spans = ex.taggers[0].tag(Document(TEXT))
    assert model_spans and all(s.source == "model" and TEXT[s.start:s.end] == s.text for s in model_spans)
    assert {"PER", "ORG"} <= {s.label for s in model_spans}
    rec = extract(TEXT, doc_id="smoke").to_dict()
    assert rec["event_date"] == "2024-12-10"
    assert any(o["name"] == "Budi Prasetyo" for o in rec["officials"])
