"""The learned linker's assembly of entries, with hand-set weights: what it does with the decisions, apart from
what the shipped weights decide."""
from __future__ import annotations

from extractor import Extractor
from extractor.link.learned import COMPONENTS, AwardLinker, LinearModel

from ..conftest import FakeTagger


def _linker(**weights: dict[str, float]) -> AwardLinker:
    """A linker whose component `k` is sure (bias 8 against -8) when its features named in `weights[k]` fire."""
    models = {k: LinearModel({f: 16.0 for f in weights.get(k, {})}, -8.0 if weights.get(k) else 8.0)
              for k in COMPONENTS}
    models["rank"] = models["award"] = models["organizer"] = LinearModel({}, -8.0)
    return AwardLinker(models, {k: 0.5 for k in COMPONENTS} | {"split": 0.0, "peers": 0.0})


def test_one_category_written_two_ways_gives_one_entry():
    # each mention of the winner picks the category of its own sentence: `kategori utama`, then `predikat Utama`
    text = ("Kabupaten Sleman meraih Anugerah Parahita Ekapraya kategori utama. "
            "Bupati mengatakan predikat Utama itu diraih Kabupaten Sleman berkat kerja bersama.")
    marks = [("Kabupaten Sleman", "LOC"), ("Anugerah Parahita Ekapraya", "AWARD"), ("kategori utama", "CAT"),
             ("predikat Utama", "CAT"), ("Kabupaten Sleman", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Sleman", "utama")]
