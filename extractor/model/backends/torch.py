"""The torch backend: the folder through transformers' AutoModelForTokenClassification (CPU or CUDA)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class TorchBackend:
    tokenizer: Any
    model: Any
    device: str = "cpu"

    def probabilities(self, input_ids, attention_mask):
        import torch

        with torch.inference_mode():
            logits = self.model(input_ids=torch.from_numpy(input_ids).to(self.device),
                                attention_mask=torch.from_numpy(attention_mask).to(self.device)).logits
            return logits.float().softmax(-1).cpu().numpy()


def load(folder, *, device: str = "cpu", quantize: bool = False, threads: int | None = None) -> TorchBackend:
    """Load the folder in float32 (an fp16 export too: fp16 on a CPU is slow); `quantize`: int8 linear layers (CPU)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"--device {device}: this torch build sees no CUDA GPU (torch {torch.__version__})")
    if device != "cpu" and not device.startswith("cuda"):
        raise ValueError(f"--device {device}: use cpu or cuda (cuda:N)")
    if threads:
        torch.set_num_threads(threads)
    hf_logging.set_verbosity_error()  # our windows handle long texts: no "longer than 512" warnings
    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(folder.path)
    model = AutoModelForTokenClassification.from_pretrained(folder.path, dtype=torch.float32).to(device).eval()
    if quantize:
        model = _quantize(model, device)
    return TorchBackend(tokenizer, model, device)


def _quantize(model, device: str):
    """Dynamic int8 quantization of the linear layers (faster on CPU; may change a few spans)."""
    import warnings

    import torch

    if device != "cpu":
        raise ValueError("--quantize works on the CPU only")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
