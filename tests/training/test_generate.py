"""Generated list articles: spans that fit the text, and records that follow each shape."""
from __future__ import annotations

import random

import pytest

pytest.importorskip("lokal")

from training.corpus.data import validate  # noqa: E402
from training.corpus.generate import SHAPES, article  # noqa: E402


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_gives_aligned_spans_and_its_entries(shape):
    doc = article(random.Random(3), shape, 0)
    assert validate(doc) == []
    entries = doc["record"]["awards"]
    winners = {s["text"] for s in doc["spans"] if s["label"] in ("LOC", "ORG", "PER")}
    assert all(e["recipient"] in winners for e in entries)
    if shape == "none":
        assert entries == []
    if shape in ("ranked_list", "order", "each"):
        assert [e["rank"] for e in entries][:3] == [1, 2, 3]
    if shape == "plain_list":
        assert {e["rank"] for e in entries} == {None}
    if shape == "harapan":
        assert [(e["rank"], e["category"]) for e in entries] == [(1, None), (None, "Harapan I")]
