"""Annotation import/export: round trips for Label Studio and doccano, and every kind of invalid span."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # repo root, for plain `pytest`
from extractor.cli import main  # noqa: E402
from training.corpus.annotations import (check, from_doccano, from_labelstudio, read_annotations, to_doccano,  # noqa: E402
                                  to_labelstudio)
from training.corpus.data import validate  # noqa: E402
from training.corpus.markup import parse_source  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
TEXT = "Bupati Gowa Adnan Purichta hadir di Makassar, Senin (5/12/2024)."


def _sample_docs() -> list[dict]:
    docs = parse_source((SAMPLES / "src" / "samples.txt").read_text(encoding="utf-8"))
    for d in docs:
        d["meta"]["source"] = "sample"
    return docs


def _core(docs: list[dict]) -> list[tuple]:
    return [(d["id"], d["text"], [(s["start"], s["end"], s["label"], s["text"]) for s in d["spans"]],
             d.get("record")) for d in docs]


def test_labelstudio_round_trip():
    docs = _sample_docs()
    tasks = json.loads(json.dumps(to_labelstudio(docs)))
    back = check(from_labelstudio(tasks))
    assert not back.problems and not back.notes
    assert _core(back.docs) == _core(docs)
    assert all(d["meta"]["style"] and d["meta"]["tool"] == "labelstudio" for d in back.docs)


def test_doccano_round_trip():
    docs = _sample_docs()
    rows = [json.loads(json.dumps(r)) for r in to_doccano(docs)]
    assert rows[0]["label"][0] == [0, 19, "ORG"]
    back = check(from_doccano(rows))
    assert not back.problems and not back.notes
    assert _core(back.docs) == _core(docs)


def test_shipped_samples_match_their_source():
    docs = _sample_docs()
    assert len(docs) == 5 and all(d.get("record") for d in docs)
    for name in ("labelstudio_sample.json", "doccano_sample.jsonl"):
        imp = check(read_annotations(SAMPLES / name))
        assert not imp.problems, imp.problems
        assert _core(imp.docs) == _core(docs), name


def test_cli_export_then_import_gives_the_same_corpus(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    assert main(["import-annotations", str(SAMPLES / "labelstudio_sample.json"), "-o", str(corpus)]) == 0
    for fmt, name in (("labelstudio", "x.json"), ("doccano", "x.jsonl")):
        assert main(["export-annotations", str(corpus), "--format", fmt, "-o", str(tmp_path / name)]) == 0
        assert main(["import-annotations", str(tmp_path / name), "-o", str(tmp_path / f"{fmt}.jsonl")]) == 0
        again = [json.loads(x) for x in (tmp_path / f"{fmt}.jsonl").read_text(encoding="utf-8").splitlines()]
        first = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]
        assert _core(again) == _core(first)
    assert "5 documents, 85 spans" in capsys.readouterr().err


def _ls(spans: list[tuple], text: str = TEXT) -> list[dict]:
    result = [{"type": "labels", "from_name": "label", "to_name": "text",
               "value": {"start": a, "end": b, "text": t if t is not None else text[a:b], "labels": labels}}
              for a, b, labels, t in spans]
    return [{"id": 3, "data": {"text": text, "doc_id": "d1"}, "annotations": [{"id": 1, "result": result}]}]


GOOD = (0, 6, ["TITLE"], None)  # "Bupati"
BAD_LS = {
    "misaligned": ((7, 11, ["LOC"], "Gowx"), "misaligned: span text 'Gowx' != 'Gowa'"),
    "outside": ((60, 99, ["DATE"], "x"), "offsets outside the text"),
    "breaks-start": ((9, 11, ["LOC"], None), "breaks a word"),
    "breaks-end": ((12, 15, ["PER"], None), "breaks a word"),
    "unknown": ((36, 44, ["TOWN"], None), "unknown label"),
    "two-labels": ((36, 44, ["LOC", "ORG"], None), "LOC+ORG 'Makassar': unknown label"),
    "overlap": ((3, 11, ["ORG"], None), "overlaps the span before it (0:6 TITLE 'Bupati')"),
}


@pytest.mark.parametrize("kind", sorted(BAD_LS))
def test_each_invalid_span_stops_the_import_or_is_skipped_with_a_report(kind, tmp_path, capsys):
    bad, message = BAD_LS[kind]
    src = tmp_path / "export.json"
    src.write_text(json.dumps(_ls([GOOD, bad])), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["import-annotations", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert not out.exists(), "nothing is written when a span is invalid"
    assert f"error: d1 {bad[0]}:{bad[1]}" in err and message in err
    assert main(["import-annotations", str(src), "-o", str(out), "--skip-invalid"]) == 0
    err = capsys.readouterr().err
    assert f"skipped: d1 {bad[0]}:{bad[1]}" in err and message in err and "left out" in err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["start"], s["end"]) for s in doc["spans"]] == [(0, 6)], "the good span stays, the bad one goes"


@pytest.mark.parametrize("label, message", [
    ([60, 99, "DATE"], "offsets outside the text"), ([9, 11, "LOC"], "breaks a word"),
    ([36, 44, "TOWN"], "unknown label"), ([3, 11, "ORG"], "overlaps"), ([7, 11], "is not [start, end, LABEL]")])
def test_doccano_invalid_spans(label, message):
    imp = check(from_doccano([{"id": 9, "text": TEXT, "label": [[0, 6, "TITLE"], label]}]))
    assert any(message in p and p.startswith("9") for p in imp.problems), imp.problems
    skipped = check(from_doccano([{"id": 9, "text": TEXT, "label": [[0, 6, "TITLE"], label]}]), skip_invalid=True)
    assert [(s["start"], s["end"]) for s in skipped.docs[0]["spans"]] == [(0, 6)]


def test_doccano_entities_variant_and_missing_text():
    imp = check(from_doccano([{"text": TEXT, "entities": [{"start_offset": 7, "end_offset": 11, "label": "LOC"}]},
                              {"id": "x", "label": []}]), skip_invalid=True)
    assert [d["id"] for d in imp.docs] == ["doccano-1"]
    assert imp.docs[0]["spans"] == [{"start": 7, "end": 11, "label": "LOC", "text": "Gowa"}]
    assert any(p.startswith("x: no text") for p in imp.problems)


def test_fixes_are_reported_not_silent():
    text = "Wali Kota 😀 Tegal Dedy Yon hadir."
    tasks = _ls([(0, 9, ["TITLE"], None), (13, 19, ["LOC"], "Tegal "), (19, 27, ["PER"], "Dedy Yon"), (0, 0, [], None)], text)
    tasks[0]["annotations"][0]["result"][-1] = {"type": "relation", "from_id": "a", "to_id": "b"}
    tasks[0]["annotations"].insert(0, {"id": 0, "was_cancelled": True, "result": []})
    tasks.append({"id": 4, "data": {"text": "Tanpa label."}, "predictions": [{"result": []}]})
    tasks.append({"id": 5, "data": {"text": "Dua kali."}, "annotations": [
        {"id": 7, "updated_at": "2024-01-02", "result": []}, {"id": 6, "updated_at": "2024-01-01", "result": []}]})
    imp = check(from_labelstudio(tasks, name="exp"))
    assert not imp.problems, imp.problems
    notes = "\n".join(imp.notes)
    assert "UTF-16 offsets converted to 18:26" in notes          # the emoji counts twice in JavaScript
    assert "surrounding spaces trimmed to 12:17" in notes       # "Tegal " -> "Tegal" (after the UTF-16 fix)
    assert "'relation' ignored" in notes
    assert "exp-4: only model predictions" in notes
    assert "exp-5: 2 annotations: using the latest (id 7)" in notes
    assert [(text[s["start"]:s["end"]], s["label"]) for s in imp.docs[0]["spans"]] == [
        ("Wali Kota", "TITLE"), ("Tegal", "LOC"), ("Dedy Yon", "PER")]


def test_labelstudio_export_counts_utf16_and_reads_back():
    doc = {"id": "e", "text": "😀 Kota Tegal", "spans": [{"start": 2, "end": 12, "label": "LOC", "text": "Kota Tegal"}]}
    task = to_labelstudio([doc])[0]
    assert task["annotations"][0]["result"][0]["value"]["start"] == 3
    assert check(from_labelstudio([task])).docs[0]["spans"][0]["start"] == 2


def test_duplicates_are_reported():
    rows = [{"id": "a", "text": "Kota Tegal.", "label": []}, {"id": "a", "text": "Kota Tegal.", "label": []},
            {"id": "a", "text": "Kota Bekasi.", "label": []}]
    imp = check(from_doccano(rows), skip_invalid=True)
    assert [d["id"] for d in imp.docs] == ["a", "a-2"]
    assert any("the same document twice" in p for p in imp.problems)
    assert any("renamed a-2" in n for n in imp.notes)


def test_validate_flags_word_breaks_only_inside_words():
    ok = {"id": "w", "text": "(Kemendagri), Pemkot-Bekasi.", "spans": [
        {"start": 1, "end": 11, "label": "ORG"}, {"start": 14, "end": 20, "label": "ORG"}]}
    assert validate(ok) == []
    bad = {"id": "w", "text": "Kemendagri", "spans": [{"start": 0, "end": 4, "label": "ORG"}]}
    assert validate(bad) == ["w 0:4 ORG 'Keme': breaks a word ('[Keme]ndagri')"]
