"""Training the award linker: out-of-fold linkers never see their held-out articles, and one set of thresholds is
chosen for all of them."""
from __future__ import annotations

from pathlib import Path

import pytest

from training.corpus.data import read_corpus
from training.corpus.split import ceremony
from training.model import linker as L

SHAPES = Path(__file__).resolve().parents[2] / "data" / "generated" / "shapes.jsonl"


@pytest.fixture(scope="module")
def docs():
    found = [d for d in read_corpus([SHAPES]) if d.get("record")][:12]
    assert len(found) == 12
    return found


def test_each_fold_is_linked_by_a_linker_trained_without_it(docs):
    spans = {d["id"]: L.gold_spans(d) for d in docs}  # gold spans stand in for the extractor's
    held = docs[:10]
    parts = L.out_of_fold(docs, held, spans, 0.5, 3, lambda m: None)
    assert len(parts) == 3
    held_out = [d["id"] for _, part in parts for d in part]
    assert sorted(held_out) == sorted(d["id"] for d in held)  # every held article once, in exactly one fold
    # the reports of one ceremony stay in one fold (two pages of `lomba kampung 2021` are among the held ones)
    fold_of = {ceremony({**d["record"], "doc_id": d["id"]}): f for f, (_, part) in enumerate(parts) for d in part}
    assert all(fold_of[ceremony({**d["record"], "doc_id": d["id"]})] == f for f, (_, part) in enumerate(parts)
               for d in part)
    assert len({ceremony({**d["record"], "doc_id": d["id"]}) for d in held}) < len(held)
    full = L.train(docs, spans, 0.5)
    for linker, part in parts:
        # the fold's linker learnt from fewer rows: its held-out articles were left out
        seen = L.train([d for d in docs if d not in part], spans, 0.5)
        assert linker.meta["rows"] == seen.meta["rows"]
        assert linker.meta["rows"]["winner"][0] < full.meta["rows"]["winner"][0]


def test_tuning_gives_every_part_the_same_thresholds_from_the_grid(docs):
    spans = {d["id"]: L.gold_spans(d) for d in docs}
    parts = [(L.train(docs[4:], spans, 0.5), docs[:4])] + L.out_of_fold(docs, docs[4:], spans, 0.5, 2, lambda m: None)
    chosen = L.tune(parts, spans, lambda m: None)
    assert all(linker.thresholds == chosen for linker, _ in parts)
    assert all(chosen[k] in L.GRID[k] or chosen[k] == L.DEFAULT_THRESHOLDS[k] for k in L.GRID)
    assert chosen["peers"] == L.DEFAULT_THRESHOLDS["peers"]  # set, not tuned
    assert chosen["group"] == L.DEFAULT_THRESHOLDS["group"]
    # the choice is no worse on the pooled articles than the default thresholds it started from
    for linker, _ in parts:
        linker.thresholds = dict(L.DEFAULT_THRESHOLDS)
    start = L.award_score(L.score_parts(parts, spans))
    for linker, _ in parts:
        linker.thresholds = dict(chosen)
    assert L.award_score(L.score_parts(parts, spans)) >= start


def test_only_the_best_mention_of_a_gold_winner_stays_a_positive():
    from extractor.link.learned import LinearModel

    model = LinearModel({"verb": 2.0, "title": -1.0})
    view = [({"title": 1.0}, 1, 0),   # `Gubernur NTB`: names the winner, says nothing of the win
            ({"verb": 1.0}, 1, 0),    # `Provinsi NTB meraih ...`: the telling mention of the same winner
            ({}, 1, 0),
            ({"title": 1.0}, 1, 3),   # another winner's only mention stays a positive however weak
            ({"verb": 1.0}, 0, 1),    # a non-winner keeps every row, negatives all
            ({}, 0, 2)]
    # the kept positive weighs as much as its winner's mentions did
    assert L.best_mentions(view, model) == [({"verb": 1.0}, 1, 3.0), ({"title": 1.0}, 1, 1.0), ({"verb": 1.0}, 0, 1.0),
                                            ({}, 0, 1.0)]


def test_winner_rows_name_their_entity(docs):
    doc = next(d for d in docs if len(d["record"]["awards"]) >= 2)
    winner = L.rows(doc, L.gold_spans(doc))["winner"]
    assert all(len(r) == 3 for r in winner)
    positives = {e for _f, y, e in winner if y}
    assert len(positives) >= 2  # two gold winners, two entities
    assert len(L.best_mentions(winner, L.LinearModel({}))) == sum(1 for _f, y, _e in winner if not y) + len(positives)


def test_a_choice_model_learns_which_candidate_and_when_none():
    # each decision: the candidates of one winner mention; the right one is `near`, and a decision whose candidates
    # are all `far` has no right one (the winner has no category)
    picks = [[({"bias": 1.0, "near": 1.0}, 1), ({"bias": 1.0, "far": 1.0}, 0), ({"bias": 1.0, "far": 1.0}, 0)]] * 20
    nones = [[({"bias": 1.0, "far": 1.0}, 0), ({"bias": 1.0, "far": 1.0}, 0)]] * 20
    model = L.fit_choice(picks + nones, c=1.0)
    assert model.kind == "choice"
    assert model.weights["near"] > model.weights.get("far", 0.0)
    rows = [("far-1", {"bias": 1.0, "far": 1.0}), ("near", {"bias": 1.0, "near": 1.0}), ("far-2", {"bias": 1.0, "far": 1.0})]
    assert model.choose(rows, 0.5) == "near"
    assert model.choose([r for r in rows if r[0] != "near"], 0.5) is None
    # the weights travel as data and keep their kind
    assert L.LinearModel.from_dict(model.to_dict()) == model
