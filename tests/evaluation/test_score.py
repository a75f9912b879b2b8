"""`anugerah evaluate` must agree with the official scorer."""
from __future__ import annotations

import importlib.util
import json

import pytest

from extractor.evaluation import score as ours
from extractor.cli import main

from ..conftest import SHARED

OFFICIAL = SHARED / "spec" / "score.py"

GOLD = [{"doc_id": "a", "published": None, "event_date": "2024-12-05", "venue": "Hotel Sahid", "venue_city": "Jakarta",
         "awards": [{"award": "Adipura", "category": None, "rank": 1, "rank_text": "Juara I", "recipient": "Kota Tegal",
                     "organizer": None, "year": 2024}],
         "programs": [], "officials": [{"name": "Ayu Lestari", "title": "Bupati Tegal"}],
         "agencies": [{"name": "Pemkab Tegal", "aliases": []}]}]
PRED = [{"doc_id": "a", "published": None, "event_date": "2024-12-06", "venue": "Hotel Sahid Jaya", "venue_city": "Jakarta",
         "awards": [{"award": "Piala Adipura", "category": None, "rank": 2, "recipient": "Pemkot Tegal"}],
         "programs": [{"name": "X"}], "officials": [{"name": "Dr. Ayu Lestari, M.Si.", "title": "Bupati Tegal"}],
         "agencies": ["Pemerintah Kabupaten Tegal", {"name": "BPK", "aliases": []}]}]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.skipif(not OFFICIAL.is_file(), reason="official scorer not beside the checkout")
def test_same_numbers_as_official_scorer(tmp_path):
    spec = importlib.util.spec_from_file_location("official_score", OFFICIAL)
    official = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(official)
    gold, pred = _write(tmp_path / "g.jsonl", GOLD), _write(tmp_path / "p.jsonl", PRED)
    assert ours.score(ours.load(gold), ours.load(pred)) == official.score(official.load(gold), official.load(pred))
    dev = SHARED / "eval" / "dev"
    if dev.is_dir():
        assert ours.score(ours.load(dev), ours.load(pred)) == official.score(official.load(dev), official.load(pred))


def test_evaluate_prints_the_report(tmp_path, capsys):
    gold, pred = _write(tmp_path / "g.jsonl", GOLD), _write(tmp_path / "p.jsonl", PRED)
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "officials        P 1.000  R 1.000  F1 1.000" in out
    assert "event_date       acc 0.000  (n=1)" in out
    assert out.strip().splitlines()[-1].startswith("overall ")
