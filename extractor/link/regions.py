"""Place the record on Indonesia's map: the region of each winner, regional-government agency and the venue city.

Runs last in `link()`, once awards, agencies and venue are built, and only
adds the optional fields (`awards[].recipient_region`, `agencies[].region`,
`venue_region`); a name that is not a region, or is ambiguous in this
article, keeps None. Resolution itself is in normalize/regions.py.
"""
from __future__ import annotations

from ..core.document import Document
from ..core.record import Agency, Record, Region
from ..normalize.regions import Context, resolve


def article_context(doc: Document) -> Context:
    """What `doc` says about regions, its noise lines left out: one per article, for every linker that resolves."""
    return Context(doc.text, skip=doc.in_noise)


def attach_regions(doc: Document, rec: Record, ctx: Context | None = None) -> None:
    """Set the region fields of `rec` from its names, with `doc`'s own mentions as context (`ctx`, if built)."""
    ctx = ctx or article_context(doc)
    for award in rec.awards:
        award.recipient_region = resolve(award.recipient, ctx)
    for agency in rec.agencies:
        agency.region = agency_region(agency, ctx)
    rec.venue_region = resolve(rec.venue_city, ctx, city=True)


def agency_region(agency: Agency, ctx: Context) -> Region | None:
    """The region an agency is the government of (`Pemkab Sleman`): its name and aliases must agree on one."""
    found = {r for r in (resolve(n, ctx) for n in [agency.name, *agency.aliases]) if r is not None}
    return found.pop() if len(found) == 1 else None
