"""DATE spans from the date grammar in normalize/dates.py (which also turns them into ISO dates)."""
from __future__ import annotations

from ..core.spans import Span
from ..normalize.dates import SOURCE, find_dates
from . import register


@register
class DateTagger:
    """Rule tagger for DATE spans."""

    name = SOURCE

    def tag(self, doc) -> list[Span]:
        return find_dates(doc.text)
