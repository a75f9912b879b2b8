"""The ONNX Runtime backend gives the torch backend's spans (tiny random BERT, the shipped tokenizer)."""
from __future__ import annotations

import json

import pytest

from extractor import Extractor

from ..conftest import tiny_token_classifier

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

TEXTS = ["Bupati Sleman Kustini Sri Purnomo menerima Adipura di Jakarta, Selasa (10/12/2024).",
         " ".join(f"Kata{i} Pemkab Tegal" for i in range(150)), "", "Kota"]


@pytest.fixture(scope="module")
def tiny_onnx(tmp_path_factory):
    from extractor.model.backends.onnx import export_onnx

    out = tmp_path_factory.mktemp("tiny-onnx")
    model, _ = tiny_token_classifier(out, seed=1)
    with torch.no_grad():  # random, but with confident tags, so that spans come out
        model.classifier.weight.mul_(40)
    model.save_pretrained(out)
    export_onnx(out)
    return out


def test_onnx_spans_match_torch(tiny_onnx):
    a = Extractor.load(str(tiny_onnx))
    b = Extractor.load(str(tiny_onnx), backend="onnx")
    assert b.taggers[0].backend_name == "onnx"
    for text, ra, rb in zip(TEXTS, a.pipe(TEXTS), b.pipe(TEXTS)):
        ma = [(s.start, s.end, s.label) for s in ra.spans if s.source == "model"]
        mb = [(s.start, s.end, s.label) for s in rb.spans if s.source == "model"]
        assert ma == mb
        assert all(text[s.start:s.end] == s.text for s in rb.spans)
    assert any(s.source == "model" for s in b.extract(TEXTS[1]).spans)


def test_cli_backend_onnx(tiny_onnx, tmp_path, capsys):
    from extractor.cli import main

    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--model", str(tiny_onnx), "--backend", "onnx", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["doc_id"] == "a"


def test_int8_graph(tiny_onnx):
    from extractor.model.backends.onnx import quantize_onnx

    quantize_onnx(tiny_onnx)
    ex = Extractor.load(str(tiny_onnx), backend="onnx", quantize=True)
    rec = ex.extract(TEXTS[1])
    assert all(TEXTS[1][s.start:s.end] == s.text for s in rec.spans)


def test_missing_onnx_file_is_a_clear_error(tmp_path):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="extractor.model.backends.onnx"):
        Extractor.load(str(tmp_path), backend="onnx")
