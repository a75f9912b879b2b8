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
    assert out.strip().splitlines()[-2].startswith("overall ")
    # the strict entry check: the one predicted entry has the wrong rank (2 for 1), so nothing counts
    assert out.strip().splitlines()[-1].startswith("entries all               articles   1  F1 0.000  tp 0 fp 1 fn 1")


ENTRY_GOLD = [{"doc_id": "L", "awards": [
    {"award": "Anugerah Desa Wisata 2024", "category": "Kategori Rintisan", "rank": 1, "recipient": "Desa Sukamaju"},
    {"award": "Anugerah Desa Wisata 2024", "category": "Kategori Rintisan", "rank": 2, "recipient": "Desa Sukajadi",
     "recipient_aliases": ["Pemdes Sukajadi"]},
    {"award": "Anugerah Desa Wisata 2024", "category": None, "rank": None, "recipient": "Kabupaten Bima"}]}]
ENTRY_PRED = [{"doc_id": "L", "awards": [
    {"award": "Desa Wisata", "category": "Rintisan", "rank": 1, "recipient": "Desa Sukamaju"},       # right
    {"award": "Anugerah Desa Wisata", "category": "Rintisan", "rank": 3, "recipient": "Pemdes Sukajadi"},  # wrong rank
    {"award": "Anugerah Desa Wisata", "category": "Maju", "rank": None, "recipient": "Kabupaten Bima"},  # category where none
    {"award": "Anugerah Desa Wisata", "category": None, "rank": None, "recipient": "Kota Bima"}]}]   # no such winner


def test_strict_entries_count_only_whole_entries(tmp_path):
    from extractor.evaluation.entries import entry_f1

    gold, pred = ours.load(_write(tmp_path / "g.jsonl", ENTRY_GOLD)), ours.load(_write(tmp_path / "p.jsonl", ENTRY_PRED))
    got = entry_f1(gold, pred)
    assert (got.tp, got.fp, got.fn) == (1, 3, 2)
    assert round(got.f1, 4) == round(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3), 4)


@pytest.mark.skipif(not (SHARED / "spec" / "entries.py").is_file(), reason="official entries.py not beside the checkout")
def test_strict_entries_agree_with_the_official_check(tmp_path):
    import sys

    from extractor.evaluation.entries import entry_f1

    sys.path.insert(0, str(SHARED / "spec"))
    try:
        spec = importlib.util.spec_from_file_location("official_entries", SHARED / "spec" / "entries.py")
        official = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(official)
    finally:
        sys.path.remove(str(SHARED / "spec"))
    for g, p in ((ENTRY_GOLD, ENTRY_PRED), (GOLD, PRED)):
        gold, pred = ours.load(_write(tmp_path / "g.jsonl", g)), ours.load(_write(tmp_path / "p.jsonl", p))
        got = entry_f1(gold, pred)
        assert (got.f1, got.tp, got.fp, got.fn) == official.f1(gold, pred, list(gold))
