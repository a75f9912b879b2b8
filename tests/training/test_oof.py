"""Out of fold: each training article linked by a fold linker that did not learn from it, its tagger spans given;
the fold linkers are kept and read back, so two versions of the code meet the same ones."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.corpus.data import read_corpus
from training.corpus.split import ceremony
from training.corpus.standoff import sha256
from training.model import oof
from training.model.linker import ceremony_folds

SHAPES = Path(__file__).resolve().parents[2] / "data" / "generated" / "shapes.jsonl"


def _data(tmp_path: Path, n: int = 12) -> tuple[Path, list[dict]]:
    lines = [x for x in SHAPES.read_text(encoding="utf-8").splitlines() if '"record"' in x][:n]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data, read_corpus([data])


def test_folds_keep_a_ceremony_together_and_are_the_same_each_time(tmp_path):
    _data_path, docs = _data(tmp_path)
    folds = ceremony_folds(docs, 3)
    assert set(folds) == {d["id"] for d in docs} and set(folds.values()) <= {0, 1, 2}
    by_ceremony: dict[str, set[int]] = {}
    for d in docs:
        by_ceremony.setdefault(ceremony({**d["record"], "doc_id": d["id"]}), set()).add(folds[d["id"]])
    assert all(len(f) == 1 for f in by_ceremony.values())
    assert ceremony_folds(docs, 3) == folds


def test_records_of_every_article_and_fold_linkers_kept_for_the_next_run(tmp_path, capsys):
    data, docs = _data(tmp_path)
    spans = tmp_path / "spans.json"
    spans.write_text(json.dumps({sha256(d["text"]): [] for d in docs}), encoding="utf-8")
    linkers, out = tmp_path / "linkers", tmp_path / "out"
    args = ["--data", str(data), "--spans", str(spans), "--linkers", str(linkers), "--model", "rules",
            "--cache", str(tmp_path / "cache.json"), "--folds", "2", "--out", str(out)]
    assert oof.main(args) == 0
    first = capsys.readouterr()
    assert "linker trained" in first.err and "overall" in first.out and "out of fold" in first.out
    assert sorted(p.name for p in linkers.iterdir()) == ["fold-0", "fold-1"]
    pred = [json.loads(x) for x in (out / "pred.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(x) for x in (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in pred] == [r["doc_id"] for r in gold] == [d["id"] for d in docs]
    assert oof.main(args) == 0  # the second run reads the fold linkers back and gives the same records
    assert "linker trained" not in capsys.readouterr().err
    assert [json.loads(x) for x in (out / "pred.jsonl").read_text(encoding="utf-8").splitlines()] == pred


def test_articles_without_given_spans_are_refused_naming_the_spans_file(tmp_path, capsys):
    data, docs = _data(tmp_path, 3)
    spans = tmp_path / "spans.json"
    spans.write_text(json.dumps({sha256(docs[0]["text"]): []}), encoding="utf-8")
    with pytest.raises(SystemExit):
        oof.main(["--data", str(data), "--spans", str(spans), "--linkers", str(tmp_path / "l"), "--model", "rules"])
    err = capsys.readouterr().err
    assert "spans.json" in err and "2 articles" in err
