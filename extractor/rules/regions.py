"""LOC spans for region names from the gazetteer in normalize/places.py."""
from __future__ import annotations

from ..core.spans import Span
from ..normalize.places import SOURCE, find_regions
from . import register


@register
class RegionTagger:
    """Rule tagger for LOC spans from the gazetteer."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_regions(doc.text)
