"""Training-side code for Anugerah: corpora (`corpus`), the model (`model`), the annotation loop (`loop`).

Nothing in `extractor/` imports from here; the two meet through a model folder.
"""
from __future__ import annotations

from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "configs"
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"  # ../shared/data beside the checkout
