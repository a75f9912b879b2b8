"""Backends run a model folder's token classifier: token ids in, tag probabilities out.

A backend is a module in this package with a `load(folder, *, device,
quantize, threads)` function returning an object that has `tokenizer` (called
like a Hugging Face fast tokenizer: ids and character offsets, no special
tokens; with `cls_token_id`, `sep_token_id`, `pad_token_id`) and
`probabilities(input_ids, attention_mask) -> float32 array [batch, tokens,
tags]`. `--backend NAME` finds the module by its name, so a new backend is one
new module here and nothing else.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Protocol


class Backend(Protocol):
    """What the tagger needs from a backend."""

    tokenizer: Any

    def probabilities(self, input_ids, attention_mask): ...


def available() -> list[str]:
    """The backend names this install has (the modules of this package)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def load_backend(name: str, folder, *, device: str = "cpu", quantize: bool = False, threads: int | None = None) -> Backend:
    """The backend `name` for a ModelFolder; a clear error for an unknown name."""
    if name not in available():
        raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(available())}")
    module = importlib.import_module(f"{__name__}.{name}")
    return module.load(folder, device=device, quantize=quantize, threads=threads)
