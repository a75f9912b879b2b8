"""Find the data that inference needs (lexicons, the default model) wherever the package runs.

A wheel carries them inside the package (`extractor/_data/`); a source checkout
keeps them at the repository root (`data/`, `models/`). Both are tried, so
`pip install .` and an editable checkout behave the same from any directory.
"""
from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent  # the extractor package (this module sits in extractor/core)
_REPO = _PKG.parent


def data_dir() -> Path:
    """The folder holding `lexicons/` (ANUGERAH_DATA_DIR overrides)."""
    env = os.environ.get("ANUGERAH_DATA_DIR")
    if env:
        return Path(env)
    for cand in (_PKG / "_data", _REPO / "data"):
        if (cand / "lexicons").is_dir():
            return cand
    raise FileNotFoundError(f"no lexicons found under {_PKG / '_data'} or {_REPO / 'data'}")


def default_model_dir() -> Path | None:
    """The shipped default model folder, or None when this install has none."""
    env = os.environ.get("ANUGERAH_MODEL")
    if env:
        return Path(env)
    for cand in (_PKG / "_data" / "models" / "default", _REPO / "models" / "default"):
        if (cand / "config.json").is_file():
            return cand
    return None
