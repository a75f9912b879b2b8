"""Corpus tools: the markup converter, the span validator, windows and IOB2 tagging."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # repo root, for plain `pytest`
from extractor.model.windows import token_windows  # noqa: E402
from training.corpus.data import CorpusError, read_corpus, validate  # noqa: E402
from training.corpus.markup import MarkupError, parse_marked, parse_source  # noqa: E402
from extractor.model.iob import spans_to_iob  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def test_markup_gives_aligned_spans():
    text, spans = parse_marked("[[Pemkot Tegal|ORG]] meraih [[Juara I|RANK]] pada [[Kamis (5/12/2024)|DATE]].")
    assert text == "Pemkot Tegal meraih Juara I pada Kamis (5/12/2024)."
    assert [(text[s["start"]:s["end"]], s["label"]) for s in spans] == [
        ("Pemkot Tegal", "ORG"), ("Juara I", "RANK"), ("Kamis (5/12/2024)", "DATE")]


@pytest.mark.parametrize("bad, message", [("[[Tegal|TOWN]]", "unknown label"), ("[[ Tegal|LOC]]", "surrounding spaces"),
                                          ("[[Tegal|LOC] ok", "unbalanced")])
def test_markup_errors(bad, message):
    with pytest.raises(MarkupError, match=message):
        parse_marked(bad, "doc")


def test_source_needs_complete_records():
    with pytest.raises(MarkupError, match="lacks fields"):
        parse_source('=== id: x-1 | style: news\nTeks.\n--- record\n{"title": null}\n')


def test_validator_lists_every_bad_span(tmp_path):
    doc = {"id": "d1", "text": "Bupati Gowa hadir.", "spans": [
        {"start": 0, "end": 6, "label": "TITLE", "text": "Bupati"},
        {"start": 7, "end": 11, "label": "LOC", "text": "Gowx"},
        {"start": 3, "end": 9, "label": "ORG"},
        {"start": 0, "end": 99, "label": "PER"},
        {"start": 13, "end": 18, "label": "THING"}]}
    problems = validate(doc)
    assert any("span text" in p for p in problems)
    assert any("overlaps" in p for p in problems)
    assert any("outside the text" in p for p in problems)
    assert any("unknown label" in p for p in problems)
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="d1"):
        read_corpus([path])


def test_team_corpus_is_valid_and_large_enough():
    docs = read_corpus(sorted((REPO / "data" / "corpus").glob("*.jsonl")))
    assert len(docs) >= 200
    assert all("record" in d for d in docs)
    labels = {s["label"] for d in docs for s in d["spans"]}
    assert labels == {"PER", "TITLE", "ORG", "LOC", "VENUE", "AWARD", "CAT", "RANK", "PROG", "DATE"}


@pytest.mark.parametrize("n, size, stride", [(10, 20, 4), (100, 20, 4), (257, 254, 64), (1000, 254, 64)])
def test_windows_cover_everything(n, size, stride):
    wins = token_windows(n, size, stride)
    assert wins[0][0] == 0 and wins[-1][1] == n
    assert all(b - a <= size for a, b in wins)
    assert all(wins[k + 1][0] < wins[k][1] for k in range(len(wins) - 1)), "windows overlap"


def test_iob2_tags_from_offsets():
    text = "Bupati Gowa hadir"
    offsets = [(0, 0), (0, 6), (6, 11), (11, 17), (0, 0)]  # leading spaces belong to the next token
    spans = [{"start": 0, "end": 11, "label": "TITLE"}]
    assert spans_to_iob(offsets, text, spans) == ["O", "B-TITLE", "I-TITLE", "O", "O"]


def test_iob_decoding_reads_b_i_and_stray_i():
    from extractor.model.iob import iob_to_spans

    tags = ["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-ORG", "I-LOC", "O"]
    assert iob_to_spans(tags) == [("PER", 0, 2), ("ORG", 3, 5), ("ORG", 5, 6), ("LOC", 6, 7)]
