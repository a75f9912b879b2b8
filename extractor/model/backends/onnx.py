"""The model through ONNX Runtime: the same logits without importing torch or transformers at run time.

    python -m extractor.model.backends.onnx MODEL_DIR        # once: writes MODEL_DIR/model.onnx (needs torch and onnx)
    anugerah extract ... --model MODEL_DIR --backend onnx
    python -m extractor.model.backends.onnx MODEL_DIR --int8 # also model.int8.onnx, for --backend onnx --quantize

Start-up drops from seconds (torch, transformers) to well under one, and the
fused kernels of ONNX Runtime run the encoder somewhat faster on a CPU. The
graph is exported in float32 from the transformers model, so the spans match
the torch backend (logits agree to about 1e-5).
"""
from __future__ import annotations

import argparse
import json
import logging
import warnings
from pathlib import Path

ONNX_NAME = "model.onnx"
INT8_NAME = "model.int8.onnx"  # dynamic int8 quantization of ONNX_NAME: faster, a few spans change


def export_onnx(model_dir: str | Path, out: str | Path | None = None) -> Path:
    """Export a token-classification folder to ONNX (input_ids, attention_mask -> logits), float32."""
    import torch
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    model_dir = Path(model_dir)
    out = Path(out) if out else model_dir / ONNX_NAME
    model = AutoModelForTokenClassification.from_pretrained(model_dir, dtype=torch.float32).eval()

    class Logits(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask).logits

    ids = torch.full((2, 16), 5, dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 10:] = 0  # trace with padding, so that no all-ones shortcut for the mask is baked into the graph
    axes = {0: "batch", 1: "tokens"}
    tmp = out.with_name(out.name + ".tmp")
    with warnings.catch_warnings():  # tracer notes about transformers' mask code: the graph is checked by tests
        warnings.simplefilter("ignore")
        torch.onnx.export(Logits(model), (ids, mask), str(tmp),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes})
    tmp.replace(out)
    return out


def quantize_onnx(model_dir: str | Path) -> Path:
    """Write MODEL_DIR/model.int8.onnx: the exported graph with int8 weights (ONNX Runtime dynamic quantization)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src, out = Path(model_dir) / ONNX_NAME, Path(model_dir) / INT8_NAME
    tmp = out.with_name(out.name + ".tmp")
    root = logging.getLogger()
    level, root.level = root.level, logging.ERROR  # no advice about pre-processing on the console
    try:
        quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)
    tmp.replace(out)
    return out


class OrtModel:
    """An ONNX Runtime session that maps (input_ids, attention_mask) numpy arrays to logits."""

    def __init__(self, path: Path, threads: int | None = None):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            opts.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def __call__(self, input_ids, attention_mask):
        return self.session.run(["logits"], {"input_ids": input_ids, "attention_mask": attention_mask})[0]


class FastTokenizer:
    """The folder's tokenizer.json through `tokenizers` alone: ids and character offsets, no special tokens."""

    def __init__(self, model_dir: Path):
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        cfg = {}
        if (model_dir / "tokenizer_config.json").is_file():
            cfg = json.loads((model_dir / "tokenizer_config.json").read_text(encoding="utf-8"))
        ids = {k: self.tok.token_to_id(_token(cfg.get(k + "_token"))) for k in ("cls", "sep", "pad")}
        if ids["cls"] is None or ids["sep"] is None:
            raise ValueError(f"{model_dir}: tokenizer_config.json names no cls/sep tokens for the onnx backend")
        self.cls_token_id, self.sep_token_id, self.pad_token_id = ids["cls"], ids["sep"], ids["pad"]

    def __call__(self, texts: list[str], add_special_tokens: bool = False, return_offsets_mapping: bool = True):
        encs = self.tok.encode_batch(texts, add_special_tokens=add_special_tokens)
        return {"input_ids": [e.ids for e in encs], "offset_mapping": [e.offsets for e in encs]}


def _token(value) -> str | None:
    return value.get("content") if isinstance(value, dict) else value


class OnnxBackend:
    """The folder's model.onnx (or model.int8.onnx) with its tokenizer.json, no torch or transformers."""

    def __init__(self, folder, quantize: bool, threads: int | None):
        name = INT8_NAME if quantize else ONNX_NAME
        path = Path(folder.path) / name
        if not path.is_file():
            flag = " --int8" if quantize else ""
            raise FileNotFoundError(f"{path} not found: export it with `python -m extractor.model.backends.onnx {folder.path}{flag}`")
        self.tokenizer = FastTokenizer(Path(folder.path))
        self.model = OrtModel(path, threads)

    def probabilities(self, input_ids, attention_mask):
        import numpy as np

        logits = self.model(input_ids, attention_mask).astype(np.float32)
        e = np.exp(logits - logits.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)


def load(folder, *, device: str = "cpu", quantize: bool = False, threads: int | None = None) -> OnnxBackend:
    if device != "cpu":
        raise ValueError("the onnx backend runs on the CPU")
    return OnnxBackend(folder, quantize, threads)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.model.backends.onnx", description="Export a model folder to ONNX.")
    ap.add_argument("model_dir")
    ap.add_argument("--int8", action="store_true", help=f"also write MODEL_DIR/{INT8_NAME} (for --quantize)")
    args = ap.parse_args(argv)
    print(export_onnx(args.model_dir))
    if args.int8:
        print(quantize_onnx(args.model_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
