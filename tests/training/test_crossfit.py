"""Cross-fitted tagger spans: every article is tagged by a tagger that did not learn from it, the pages of one
ceremony stay in one part, and the linker takes the given spans in place of its spans model's."""
from __future__ import annotations

import json
from pathlib import Path

import torch

from extractor.core.spans import Span
from training.corpus.data import read_corpus
from training.corpus.split import ceremony
from training.corpus.standoff import sha256
from training.model import crossfit
from training.model.linker import extractor_spans

SHAPES = Path(__file__).resolve().parents[2] / "data" / "generated" / "shapes.jsonl"


def _doc(i: int, award: str | None, year: str = "2024") -> dict:
    awards = [{"winner": f"Kota {i}", "award": award, "year": year}] if award else []
    return {"id": f"d{i}", "text": "", "record": {"awards": awards}}


def test_parts_keep_a_ceremony_together_and_are_balanced():
    docs = [_doc(i, "Anugerah Parahita Ekapraya") for i in range(5)]          # one ceremony, five pages
    docs += [_doc(10 + i, f"Penghargaan Nomor {i} Istimewa") for i in range(9)]  # nine ceremonies, a page each
    docs += [_doc(30 + i, None) for i in range(4)]                            # pages without entries: each its own
    part = crossfit.ceremony_parts(docs, 2)
    by_ceremony: dict[str, set[int]] = {}
    for d, k in zip(docs, part):
        by_ceremony.setdefault(ceremony({**d["record"], "doc_id": d["id"]}), set()).add(k)
    assert all(len(ks) == 1 for ks in by_ceremony.values())
    assert sorted([part.count(0), part.count(1)]) == [9, 9]
    assert crossfit.ceremony_parts(docs, 2) == part  # the same seed gives the same parts
    assert crossfit.ceremony_parts(docs, 3, seed=1).count(2) > 0


def test_each_part_is_tagged_by_a_tagger_that_did_not_learn_from_it(tmp_path, tiny_base):
    torch.set_num_threads(min(4, torch.get_num_threads()))
    lines = SHAPES.read_text(encoding="utf-8").splitlines()[:6]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read_corpus([data])
    base = tiny_base(tmp_path / "base", [d["text"] for d in docs])
    out = tmp_path / "xfit"
    assert crossfit.main(["--data", str(data), "--dev-data", str(data), "--out", str(out), "--base", str(base),
                          "--epochs", "1", "--max-length", "128", "--no-public"]) == 0
    part = crossfit.ceremony_parts(docs, 2)
    for k in (0, 1):
        ids = {json.loads(x)["id"] for x in (out / f"part-{k}.jsonl").read_text(encoding="utf-8").splitlines()}
        assert ids == {d["id"] for d, p in zip(docs, part) if p == k}
        learned = {Path(f["path"]).name for f in json.loads((out / f"tagger-{k}" / "meta.json").read_text())["data"]}
        assert f"part-{1 - k}.jsonl" in learned and f"part-{k}.jsonl" not in learned
    stored = json.loads((out / crossfit.SPANS_FILE).read_text(encoding="utf-8"))
    assert set(stored) == {sha256(d["text"]) for d in docs}
    for d in docs:
        for a, b, _label, _source, _score, _attrs in stored[sha256(d["text"])]:
            assert 0 <= a < b <= len(d["text"])
    assert json.loads((out / "meta.json").read_text())["part_sizes"] == [part.count(0), part.count(1)]


def test_the_linker_takes_the_given_spans_in_place_of_the_models():
    docs = [d for d in read_corpus([SHAPES]) if d.get("record")][:2]
    given = {sha256(docs[0]["text"]): [[0, 7, "LOC", "model", 0.99, {}]]}
    spans = extractor_spans(docs, "rules", None, lambda _m: None, given=given)
    assert spans[docs[0]["id"]] == [Span(0, 7, docs[0]["text"][:7], "LOC", "model", 0.99)]
    plain = extractor_spans(docs[1:], "rules", None, lambda _m: None)
    assert [(s.start, s.end, s.label) for s in spans[docs[1]["id"]]] == \
        [(s.start, s.end, s.label) for s in plain[docs[1]["id"]]]
    assert any(s.source != "model" for s in spans[docs[1]["id"]])
