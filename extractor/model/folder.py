"""A model folder, read once: config, tag list, model card (meta.json) and, when trained, the award linker.

The folder is where training and inference meet (extractor/ never imports
training/): `config.json` and the weights for the token classifier, the
tokenizer files, `labels.json`, the model card `meta.json` (window size,
stride, `min_score` and its per-label `min_scores`, data and scores) and `linker.json` (the learned award
linker). Everything that reads a folder goes through `ModelFolder`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..core.resources import default_model_dir


@dataclass
class ModelFolder:
    """One model folder; `resolve(None)` finds the shipped default."""

    path: Path
    meta: dict = field(default_factory=dict)

    @classmethod
    def resolve(cls, model: str | Path | None) -> "ModelFolder | None":
        """The folder `model`, or the shipped default when None (None when none is installed)."""
        path = Path(model) if model else default_model_dir()
        if path is None:
            return None
        if not (path / "config.json").is_file():
            raise FileNotFoundError(f"model folder {path} has no config.json")
        meta_path = path / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        return cls(path, meta)

    @cached_property
    def config(self) -> dict:
        return json.loads((self.path / "config.json").read_text(encoding="utf-8"))

    @cached_property
    def tags(self) -> list[str]:
        """The IOB2 tags in the classifier's order, from the config (the one label list a model carries)."""
        id2label = self.config.get("id2label") or {}
        return [id2label[str(i)] for i in range(len(id2label))]

    @property
    def labels(self) -> list[str]:
        """The span labels (PER, ORG, ...) the model knows."""
        return sorted({t.split("-", 1)[1] for t in self.tags if t != "O"})

    @property
    def max_length(self) -> int:
        return int(self.meta.get("max_length", 256))

    @property
    def stride(self) -> int:
        return int(self.meta.get("stride", 64))

    @property
    def min_score(self) -> float:
        return float(self.meta.get("min_score", 0.0))

    @cached_property
    def min_scores(self) -> dict[str, float]:
        """The lowest span score kept, per label: the card's `min_scores` where it names the label, else
        `min_score` (a label the tagger is less sure of, but right about as often, may keep spans lower down)."""
        given = self.meta.get("min_scores") or {}
        unknown = sorted(set(given) - set(self.labels))
        if unknown:
            raise ValueError(f"{self.path / 'meta.json'}: min_scores names labels the model lacks: {unknown}")
        bad = sorted(k for k, v in given.items() if not isinstance(v, (int, float)) or not 0.0 <= v <= 1.0)
        if bad:
            raise ValueError(f"{self.path / 'meta.json'}: min_scores of {bad} must be numbers from 0 to 1")
        return {label: float(given.get(label, self.min_score)) for label in self.labels}

    @property
    def name(self) -> str:
        return self.meta.get("name") or self.path.name

    def linker(self):
        """The learned award linker of this folder (`linker.json`), or None."""
        from ..link.learned import AwardLinker

        return AwardLinker.load(self.path)
