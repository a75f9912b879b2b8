"""The award record (../shared/spec/RECORD.md) as a dataclass."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .spans import Span

FIELDS = ("doc_id", "title", "published", "event_date", "venue", "venue_city",
          "awards", "programs", "officials", "agencies")


@dataclass
class Record:
    """One article's record; `to_dict()` gives every RECORD.md field plus `spans` and `warnings`."""

    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    event_date: str | None = None
    venue: str | None = None
    venue_city: str | None = None
    awards: list[dict[str, Any]] = field(default_factory=list)
    programs: list[dict[str, Any]] = field(default_factory=list)
    officials: list[dict[str, Any]] = field(default_factory=list)
    agencies: list[dict[str, Any]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in FIELDS}
        if spans:
            out["spans"] = [s.to_dict() for s in self.spans]
        out["warnings"] = list(self.warnings)
        return out
