"""RANK spans from the rank grammar in normalize/ranks.py (which also gives their numbers)."""
from __future__ import annotations

from ..core.spans import Span
from ..normalize.ranks import SOURCE, find_ranks
from . import register


@register
class RankTagger:
    """Rule tagger for RANK spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_ranks(doc.text)
