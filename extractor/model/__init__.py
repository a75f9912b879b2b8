"""The model layer: a model folder (`folder.py`) run by a backend (`backends/`) into spans (`tagger.py`)."""
from __future__ import annotations

from pathlib import Path

from .folder import ModelFolder


def load_model_tagger(model: str | Path | ModelFolder | None, device: str = "cpu", quantize: bool = False,
                      backend: str = "torch", threads: int | None = None):
    """A tagger for the model folder `model` (None: the shipped default; None back when none is installed)."""
    folder = model if isinstance(model, ModelFolder) else ModelFolder.resolve(model)
    if folder is None:
        return None
    from .tagger import ModelTagger

    return ModelTagger.load(folder, device=device, quantize=quantize, backend=backend, threads=threads)


__all__ = ["ModelFolder", "load_model_tagger"]
