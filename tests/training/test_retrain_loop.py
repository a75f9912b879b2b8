"""The whole annotation loop on a tiny model on the CPU: import -> pre-annotate -> rank -> train -> compare -> use."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # repo root, for plain `pytest`
torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("seqeval")
pytest.importorskip("sklearn")

from extractor import Document, Extractor, Span  # noqa: E402
from extractor.cli import main  # noqa: E402
from training.loop.active import uncertainty  # noqa: E402
from training.loop.preannotate import flatten  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"


def test_flatten_keeps_flat_whole_word_spans_outside_noise():
    text = "Kepala Dinas Kesehatan Bekasi hadir.\nBaca juga: Bupati Gowa raih Adipura"
    doc = Document(text)
    spans = [Span.of(text, 0, 29, "TITLE", "rules.officials.v1", 0.9),
             Span.of(text, 7, 29, "ORG", "model", 0.8),             # inside the title: the model span wins
             Span.of(text, 31, 34, "LOC", "model", 0.7),             # "adi" of "hadir": widened to the word
             Span.of(text, 48, 59, "TITLE", "rules.officials.v1", 0.9)]  # in a "Baca juga" line: left out
    out = flatten(doc, spans)
    assert [(text[s["start"]:s["end"]], s["label"]) for s in out] == [("Dinas Kesehatan Bekasi", "ORG"), ("hadir", "LOC")]


def test_uncertainty_prefers_coin_tosses():
    tags = ["O", "B-PER", "I-PER"]
    text = "Ali Baba"
    sure = uncertainty(text, [(0, 3), (4, 8)], [torch.tensor([0.02, 0.97, 0.01]), torch.tensor([0.02, 0.01, 0.97])], tags)
    toss = uncertainty(text, [(0, 3), (4, 8)], [torch.tensor([0.45, 0.5, 0.05]), torch.tensor([0.02, 0.01, 0.97])], tags)
    assert toss["score"] > sure["score"]
    assert toss["unsure"] == 1 and "'Ali' B-PER 0.50 vs O 0.45" in toss["reason"]


def test_complete_loop_on_a_tiny_model(tmp_path, capsys, tiny_base):
    t0 = time.time()
    torch.set_num_threads(min(4, torch.get_num_threads()))
    # 1. import the annotated sample (Label Studio export) into the corpus format
    corpus = tmp_path / "annotated" / "sample.jsonl"
    assert main(["import-annotations", str(SAMPLES / "labelstudio_sample.json"), "-o", str(corpus)]) == 0
    docs = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]
    raw = tmp_path / "raw"
    raw.mkdir()
    for d in docs:
        (raw / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    base = tiny_base(tmp_path / "models" / "A", [d["text"] for d in docs])

    # 2. pre-annotate raw articles and pick what to label next
    tasks = tmp_path / "tasks.json"
    assert main(["annotate", str(raw), "-o", str(tasks), "--model", str(base)]) == 0
    loaded = json.loads(tasks.read_text(encoding="utf-8"))
    assert len(loaded) == 5 and all("predictions" in t and t["data"]["text"] for t in loaded)
    capsys.readouterr()
    assert main(["rank", str(raw), "-n", "3", "--model", str(base), "--json"]) == 0
    ranked = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["rank"] for r in ranked] == [1, 2, 3] and all(r["reason"] for r in ranked)
    assert ranked[0]["score"] >= ranked[-1]["score"]

    # 3. retrain (1 epoch, no public sets) into a new model folder with its card
    new = tmp_path / "models" / "B"
    assert main(["train", "--data", str(corpus), "--base", str(base), "--out", str(new), "--no-public",
                 "--epochs", "1", "--max-length", "128"]) == 0
    card = json.loads((new / "meta.json").read_text(encoding="utf-8"))
    assert card["base"] == str(base) and card["data"][0]["path"] == str(corpus) and card["train_documents"] >= 4

    # 4. compare the two models on the annotated set: per-label span F1, record scores, a verdict
    capsys.readouterr()
    assert main(["compare", "--model", str(base), "--model", str(new), "--gold", str(corpus)]) == 0
    report = capsys.readouterr().out
    for row in ("span F1 (strict)", "PER ", "micro avg", "record score", "awards F1", "overall"):
        assert row in report, row
    assert f"{new} was trained on {corpus}" in report
    assert report.strip().splitlines()[-1].startswith(("better: ", "tie: "))

    # 5. the retrained folder works everywhere a model is taken
    ex = Extractor.load(model=str(new))
    assert ex.model_name == "model"
    rec = ex.extract(docs[0]["text"], doc_id=docs[0]["id"])
    assert rec.doc_id == docs[0]["id"]
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(raw), "-o", str(out), "--model", str(new), "-q"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    print(f"loop took {time.time() - t0:.1f}s", file=sys.stderr)


def test_compare_reads_a_folder_of_gold_json(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    for line in (SAMPLES / "doccano_sample.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        (gold / f"{row['id']}.json").write_text(json.dumps({"doc_id": row["id"], "text": row["text"], "gold": row["record"]}),
                                               encoding="utf-8")
    assert main(["compare", "--model", "rules", "--model", "rules", "--gold", str(gold), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["documents"] == res["records"] == 5 and res["spans"] == 0
    assert all("spans" not in m and 0 < m["records"]["overall"] <= 1 for m in res["models"])
    assert res["verdict"].startswith("tie: record overall")
