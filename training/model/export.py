"""Shrink a fine-tuned (or base) BERT model folder for shipping.

multilingual-e5-small carries XLM-R's 250k-piece vocabulary: at 384 dims its
word embeddings are 96M of the model's 118M parameters, while Indonesian news
uses a few tens of thousands of pieces. ``export`` therefore

* keeps only the first ``layers`` encoder layers (optional; ``keep_layers``),
* drops every vocabulary piece the given texts never produce, except the
  special/added tokens and every single-character piece, so any word can still
  be segmented into known pieces instead of ``<unk>`` (``trim_vocab``),
* stores the weights as fp16.

The result is an ordinary folder that ``AutoTokenizer`` and
``AutoModel[ForTokenClassification].from_pretrained`` load as before. Kept
pieces keep their order and scores, so the special tokens stay at ids 0..3 and
any text made only of kept pieces is segmented exactly as by the original.
Usage: ``python -m training.model.export SRC OUT --texts FILE_OR_DIR... --layers 6``.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

WEIGHTS = "model.safetensors"
REWRITTEN = {"config.json", "tokenizer.json", "tokenizer_config.json", WEIGHTS}
# id-bearing vocabulary files of slow tokenizers would disagree with the trimmed ids
STALE = {"vocab.txt", "vocab.json", "merges.txt", "added_tokens.json",
         "model.safetensors.index.json"}
COPY_SUFFIXES, COPY_MAX_BYTES = {".json", ".md", ".txt"}, 1 << 20
LAYER_KEY = re.compile(r"(?:^|\.)encoder\.layer\.(\d+)\.")
ID_KEYS = ("pad_token_id", "bos_token_id", "eos_token_id", "sep_token_id", "cls_token_id",
           "unk_token_id", "mask_token_id", "decoder_start_token_id")
DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32}
TAG = re.compile(r"</?[A-Z_]+>")  # inline entity tags (yusufsyaifudin-indonesia-ner)


@dataclass
class Folder:
    """A model folder held in memory: config, tensors, tokenizer.json and tokenizer_config."""

    src: Path
    config: dict
    tensors: dict[str, torch.Tensor]
    tokenizer: dict
    tokenizer_config: dict | None


def _read(src: str | Path) -> Folder:
    src = Path(src)
    if not (src / WEIGHTS).is_file():
        raise FileNotFoundError(f"{src / WEIGHTS} not found (only single-file safetensors "
                                "folders are supported)")
    tc = src / "tokenizer_config.json"
    return Folder(src, json.loads((src / "config.json").read_text(encoding="utf-8")),
                  load_file(str(src / WEIGHTS)),
                  json.loads((src / "tokenizer.json").read_text(encoding="utf-8")),
                  json.loads(tc.read_text(encoding="utf-8")) if tc.is_file() else None)


def _dump(obj: dict, path: Path, compact: bool = False) -> None:
    text = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) if compact
            else json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    path.write_text(text, encoding="utf-8")


def _write(f: Folder, out: str | Path, dtype: str | None = None) -> dict[str, int]:
    """Write ``f`` to ``out`` (weights cast to ``dtype`` if given); return file sizes in bytes."""
    out = Path(out)
    if out.resolve() == f.src.resolve():
        raise ValueError("output folder must differ from the source folder")
    out.mkdir(parents=True, exist_ok=True)
    tensors = f.tensors
    if dtype is not None:
        if dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {sorted(DTYPES)}, not {dtype!r}")
        tensors = {k: t.to(DTYPES[dtype]) if t.is_floating_point() else t
                   for k, t in tensors.items()}
        f.config.pop("torch_dtype", None)
        f.config["dtype"] = dtype
    save_file({k: t.contiguous() for k, t in tensors.items()}, str(out / WEIGHTS),
              metadata={"format": "pt"})
    _dump(f.config, out / "config.json")
    _dump(f.tokenizer, out / "tokenizer.json", compact=True)  # the pretty form is ~2.5x larger
    if f.tokenizer_config is not None:
        _dump(f.tokenizer_config, out / "tokenizer_config.json")
    for p in sorted(f.src.iterdir()):  # README, special_tokens_map.json, label files ...
        if (p.is_file() and p.suffix in COPY_SUFFIXES and p.name not in REWRITTEN | STALE
                and p.stat().st_size <= COPY_MAX_BYTES):
            shutil.copyfile(p, out / p.name)
    sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()}
    return {"total_bytes": sum(sizes.values()), "model_bytes": sizes[WEIGHTS],
            "tokenizer_bytes": sizes["tokenizer.json"]}


def _drop_layers(f: Folder, n: int) -> dict[str, int]:
    before = int(f.config["num_hidden_layers"])
    if not 1 <= n <= before:
        raise ValueError(f"layers must be in 1..{before}, not {n}")
    f.tensors = {k: t for k, t in f.tensors.items()
                 if (m := LAYER_KEY.search(k)) is None or int(m.group(1)) < n}
    f.config["num_hidden_layers"] = n
    return {"layers_before": before, "layers_after": n}


def _processor_ids(node: object) -> Iterator[list]:
    """Yield the mutable id holders inside a post-processor: TemplateProcessing ``ids``
    lists and Roberta/BertProcessing ``[token, id]`` pairs (recursing into Sequence)."""
    if isinstance(node, dict):
        for tok in (node.get("special_tokens") or {}).values():
            yield tok["ids"]
        for key in ("sep", "cls"):
            if isinstance(node.get(key), list):
                yield node[key]
        for child in node.get("processors") or []:
            yield from _processor_ids(child)


def _trim(f: Folder, keep_ids: Iterable[int]) -> dict[str, int]:
    """Reduce ``f`` in place to ``keep_ids`` + specials + single characters, in vocab order."""
    model = f.tokenizer["model"]
    if model.get("type") != "Unigram":
        raise ValueError(f"only Unigram tokenizers can be trimmed, not {model.get('type')}")
    keep_ids, vocab, rows = set(keep_ids), model["vocab"], int(f.config["vocab_size"])
    added = f.tokenizer.get("added_tokens") or []
    singles = {i for i, (piece, _) in enumerate(vocab) if len(piece) == 1}
    keep = keep_ids | singles | {a["id"] for a in added}
    keep.update(f.config[k] for k in ID_KEYS if isinstance(f.config.get(k), int))
    if model.get("unk_id") is not None:
        keep.add(model["unk_id"])
    for holder in _processor_ids(f.tokenizer.get("post_processor")):
        keep.update(x for x in holder if isinstance(x, int))
    # the unk lattice score is min(score) - 10: keep the lowest piece so it stays the same
    keep.add(min(range(len(vocab)), key=lambda i: vocab[i][1]))
    kept = sorted(keep)
    if kept[0] < 0 or kept[-1] >= min(len(vocab), rows):
        raise ValueError(f"id {kept[0] if kept[0] < 0 else kept[-1]} outside the vocabulary")
    new = {old: i for i, old in enumerate(kept)}
    model["vocab"] = [vocab[i] for i in kept]
    if model.get("unk_id") is not None:
        model["unk_id"] = new[model["unk_id"]]
    for a in added:
        a["id"] = new[a["id"]]
    for holder in _processor_ids(f.tokenizer.get("post_processor")):
        holder[:] = [new[x] if isinstance(x, int) else x for x in holder]
    if isinstance(f.tokenizer.get("padding"), dict) and "pad_id" in f.tokenizer["padding"]:
        f.tokenizer["padding"]["pad_id"] = new[f.tokenizer["padding"]["pad_id"]]
    tc = f.tokenizer_config or {}
    if isinstance(tc.get("added_tokens_decoder"), dict):  # transformers 4 keys it by id
        tc["added_tokens_decoder"] = {str(new[int(k)]): v
                                      for k, v in tc["added_tokens_decoder"].items()
                                      if int(k) in new}
    idx = torch.tensor(kept)
    sliced = [k for k, t in f.tensors.items() if t.ndim and t.shape[0] == rows]
    if not any(k.endswith("word_embeddings.weight") for k in sliced):
        raise ValueError(f"no word_embeddings.weight with {rows} rows (config vocab_size)")
    for k in sliced:
        f.tensors[k] = f.tensors[k].index_select(0, idx)
    for key in ID_KEYS:
        if isinstance(f.config.get(key), int):
            f.config[key] = new[f.config[key]]
    f.config["vocab_size"] = len(kept)
    return {"vocab_before": rows, "pieces_before": len(vocab), "vocab_after": len(kept),
            "kept_single_chars": len(singles), "kept_from_texts": len(keep_ids)}


def pieces_used(tokenizer_dir: str | Path, texts: Iterable[str], min_count: int = 1) -> set[int]:
    """Ids of the pieces the folder's tokenizer produces on ``texts`` (specials excluded),
    optionally only those produced at least ``min_count`` times (to trade rare pieces,
    which then get split into smaller ones, for size)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(tokenizer_dir) / "tokenizer.json"))
    counts: Counter[int] = Counter()
    batch: list[str] = []
    for text in [*texts, None]:  # None flushes the last batch
        if text is not None:
            batch.append(text)
        if batch and (text is None or len(batch) == 1024):
            for enc in tok.encode_batch(batch, add_special_tokens=False):
                counts.update(enc.ids)
            batch = []
    return {i for i, n in counts.items() if n >= min_count}


def trim_vocab(src_dir: str | Path, out_dir: str | Path, keep_ids: set[int]) -> dict[str, int]:
    """Copy ``src_dir`` to ``out_dir`` keeping only the special tokens, every single-character
    piece and ``keep_ids`` in the tokenizer and the vocabulary-sized weights (dtype kept)."""
    f = _read(src_dir)
    info = _trim(f, keep_ids)
    return {**info, **_write(f, out_dir)}


def keep_layers(src_dir: str | Path, out_dir: str | Path, n: int) -> dict[str, int]:
    """Copy ``src_dir`` to ``out_dir`` with only the first ``n`` encoder layers (dtype kept)."""
    f = _read(src_dir)
    info = _drop_layers(f, n)
    return {**info, **_write(f, out_dir)}


def export(src_dir: str | Path, out_dir: str | Path, texts: Iterable[str], *,
           layers: int | None = None, dtype: str = "float16",
           min_count: int = 1) -> dict[str, int | str]:
    """Drop layers beyond ``layers`` (if given), trim the vocabulary to the pieces ``texts``
    use at least ``min_count`` times (plus specials and single characters) and save the
    weights as ``dtype``."""
    f = _read(src_dir)
    src_bytes = sum(p.stat().st_size for p in f.src.iterdir() if p.is_file())
    info: dict[str, int | str] = {"src_bytes": src_bytes, "dtype": dtype}
    n = int(f.config["num_hidden_layers"])
    info.update(_drop_layers(f, layers if layers is not None else n))
    info.update(_trim(f, pieces_used(f.src, texts, min_count)))
    info.update(_write(f, out_dir, dtype))
    return info


def _lines(path: Path) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.strip():
            yield line.strip()


def read_texts(paths: Iterable[str | Path]) -> list[str]:
    """Texts from .txt files (one per line), .jsonl files (the "text" field) or folders of
    those (recursive), de-duplicated in order."""
    out: dict[str, None] = {}
    for path in map(Path, paths):
        files = (sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl"))
                 if path.is_dir() else [path])
        for p in files:
            if p.suffix == ".jsonl":
                for line in _lines(p):
                    text = json.loads(line).get("text")
                    if isinstance(text, str) and text.strip():
                        out[text] = None
            else:
                out.update(dict.fromkeys(_lines(p)))
    return list(out)


def _column_sentences(path: Path) -> Iterator[str]:
    """CoNLL-style files (token first, blank line between sentences) as space-joined tokens.
    A tab, if present, ends the token (some tokens contain spaces); else the first field."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines() + [""]:
        token = line.split("\t")[0].strip() if "\t" in line else (line.split() or [""])[0]
        if token:
            words.append(token)
        elif words:
            yield " ".join(words)
            words = []


def _is_columns(path: Path) -> bool:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    fields = [len(ln.split("\t") if "\t" in ln else ln.split()) for ln in lines[:500] if ln.strip()]
    return any(not ln.strip() for ln in lines) and bool(fields) and statistics.median(fields) <= 4


def shared_texts(root: str | Path) -> list[str]:
    """Raw Indonesian text under the shared data folder: UD ``sentences.txt``, NTREX's
    ``*.ind.txt``, the token column of the NER files and the inline-tagged NER sentences."""
    out: dict[str, None] = {}
    for p in sorted(Path(root).rglob("*")):
        if (not p.is_file() or p.suffix not in (".txt", ".tsv") or ".eng." in p.name
                or p.name.upper().startswith(("README", "LICENSE"))):
            continue
        if p.name == "sentences.txt" or p.name.endswith(".ind.txt"):
            out.update(dict.fromkeys(_lines(p)))
        elif _is_columns(p):
            out.update(dict.fromkeys(_column_sentences(p)))
        else:
            out.update(dict.fromkeys(" ".join(TAG.sub("", s).split()) for s in _lines(p)))
    return [t for t in out if t]


def main(argv: list[str] | None = None) -> dict:
    """CLI entry point; prints and returns the size report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", type=Path, help="model folder (config.json, model.safetensors, "
                    "tokenizer.json)")
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--texts", nargs="*", default=[], type=Path,
                    help=".txt / .jsonl files or folders whose pieces are kept")
    ap.add_argument("--shared-data", type=Path, default=None,
                    help="also keep the pieces of the Indonesian text in this folder "
                    "(e.g. /work/shared/data)")
    ap.add_argument("--layers", type=int, default=None, help="keep the first N encoder layers")
    ap.add_argument("--dtype", choices=sorted(DTYPES), default="float16")
    ap.add_argument("--min-count", type=int, default=1,
                    help="keep only text pieces seen at least this often (smaller model)")
    args = ap.parse_args(argv)
    texts = read_texts(args.texts)
    if args.shared_data is not None:
        texts += shared_texts(args.shared_data)
    if not texts:
        ap.error("no texts: give --texts and/or --shared-data")
    info = export(args.src, args.out, texts, layers=args.layers, dtype=args.dtype,
                  min_count=args.min_count)
    info["texts"] = len(texts)
    info.update(layers=args.layers, dtype=args.dtype, min_count=args.min_count, source=str(args.src))
    card_path = args.out / "meta.json"
    if card_path.is_file():  # the model card says how the shipped folder was made from the trained one
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["export"] = info
        card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(info, indent=2))
    return info


if __name__ == "__main__":
    main()
