"""Shared by the training tests: a tiny random token classifier (hidden 32, 2 layers) that trains in seconds on the CPU."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def _tokenizer_from(shipped: Path, out: Path) -> bool:
    if not (shipped / "tokenizer.json").is_file():
        return False
    for name in TOKENIZER_FILES:
        if (shipped / name).is_file():
            shutil.copy(shipped / name, out / name)
    return True


def _wordpiece(texts: list[str], out: Path) -> None:
    """A small WordPiece tokenizer learnt from `texts`, for installs without a shipped model."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=2000, special_tokens=specials))
    tok.post_processor = processors.TemplateProcessing(single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                            sep_token="[SEP]", mask_token="[MASK]").save_pretrained(out)


def make_tiny_base(out: Path, texts: list[str], seed: int = 0) -> Path:
    """Write a tiny random BertForTokenClassification with the training tags, tokenizer from the shipped model if any."""
    import torch
    import transformers

    from extractor.core.resources import default_model_dir
    from training.model.train import TAGS

    out.mkdir(parents=True, exist_ok=True)
    shipped = default_model_dir()
    if shipped is None or not _tokenizer_from(shipped, out):
        _wordpiece(texts, out)
    tok = transformers.AutoTokenizer.from_pretrained(out)
    cfg = transformers.BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                  intermediate_size=64, max_position_embeddings=512, pad_token_id=tok.pad_token_id,
                                  num_labels=len(TAGS), id2label=dict(enumerate(TAGS)),
                                  label2id={t: i for i, t in enumerate(TAGS)})
    torch.manual_seed(seed)
    transformers.BertForTokenClassification(cfg).save_pretrained(out)
    (out / "meta.json").write_text(json.dumps({"name": out.name, "max_length": 128, "stride": 32}), encoding="utf-8")
    return out


@pytest.fixture
def tiny_base():
    """`tiny_base(folder, texts)` writes a tiny model folder (see make_tiny_base) and returns it."""
    return make_tiny_base
