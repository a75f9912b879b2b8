"""The award record (../shared/spec/RECORD.md) as typed dataclasses: the one schema everything derives from.

The linker builds these objects; `Record.to_dict()` is the JSON form written
to files; the flat awards table (`io/tables.py`), the corpus format
(`training/`) and the docs take their field lists from here
(`RECORD_FIELDS`, `AWARD_FIELDS`). A field added to a class below reaches
every output.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .spans import Span


@dataclass
class Award:
    """One (award, recipient) pair the article reports as won."""

    award: str | None = None
    category: str | None = None
    rank: int | None = None
    rank_text: str | None = None
    recipient: str | None = None
    organizer: str | None = None
    year: int | None = None


@dataclass
class Official:
    """A named person with the position written next to the name."""

    name: str
    title: str | None = None


@dataclass
class Agency:
    """An organisation with the other names this article gives it."""

    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Program:
    """A named program or innovation credited by the article."""

    name: str
    description: str | None = None
    agency: str | None = None


ITEM_TYPES: dict[str, type] = {"awards": Award, "programs": Program, "officials": Official, "agencies": Agency}


@dataclass
class Record:
    """One article's record; `to_dict()` gives every RECORD.md field plus `spans` and `warnings`."""

    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    event_date: str | None = None
    venue: str | None = None
    venue_city: str | None = None
    awards: list[Award] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """The JSON form: record fields (items as plain dicts), then `spans` (unless False) and `warnings`."""
        out: dict[str, Any] = {}
        for k in RECORD_FIELDS:
            v = getattr(self, k)
            out[k] = [asdict(x) for x in v] if k in ITEM_TYPES else v
        if spans:
            out["spans"] = [s.to_dict() for s in self.spans]
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """A Record from its JSON form (gold or predicted); unknown keys are ignored, spans are not read."""
        kw: dict[str, Any] = {}
        for k in RECORD_FIELDS:
            if k not in data:
                continue
            v = data[k]
            if k in ITEM_TYPES:
                typ = ITEM_TYPES[k]
                names = {f.name for f in fields(typ)}
                v = [typ(name=x) if isinstance(x, str) else typ(**{a: b for a, b in x.items() if a in names})
                     for x in v or []]
            kw[k] = v
        return cls(**kw, warnings=list(data.get("warnings") or []))


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record) if f.name not in ("spans", "warnings"))
AWARD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Award))
