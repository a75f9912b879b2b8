"""The model tagger: a token-classification model folder turned into spans (see issue 3).

Until a default model ships, `load_model_tagger(None)` returns None and the
extractor runs on rules alone.
"""
from __future__ import annotations

from pathlib import Path

from ..core.resources import default_model_dir


def load_model_tagger(model: str | Path | None, device: str = "cpu", quantize: bool = False, backend: str = "torch",
                      threads: int | None = None):
    """A tagger for the model folder `model` (None: the shipped default, if any)."""
    path = Path(model) if model else default_model_dir()
    if path is None:
        return None
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"model folder {path} has no config.json")
    from .tagger import ModelTagger

    return ModelTagger.load(path, device=device, quantize=quantize, backend=backend, threads=threads)
