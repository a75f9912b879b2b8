"""Venue and its city: the first VENUE span of the body, a region near it, else `di <city>` or the dateline."""
from __future__ import annotations

import re

from ..core import lexicons
from ..core.document import Document
from ..core.spans import Span
from ..normalize.places import canonical, region_pattern


_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*(?:,|\()\s*[^\n]{0,40}?(?:\)|\s)[-–—]", re.M)


def link_venue(doc: Document, spans: list[Span]) -> tuple[str | None, str | None]:
    venues = [s for s in spans if s.label == "VENUE" and s.start >= min(doc.body_start, len(doc.text))]
    venues = venues or [s for s in spans if s.label == "VENUE"]
    if venues:
        v = venues[0]
        city = v.attrs.get("city")
        if city is None and v.source == "model":
            inner = list(region_pattern().finditer(doc.text, v.start, v.end))
            city = inner[-1].group("name") if inner else None
        if city is None:
            # `Auditorium X, Kementerian Agama RI, Jakarta Pusat`: a region within two comma steps
            m = re.match(r"(?:\s*,\s*[^,.\n]{0,60}?){0,1}\s*,\s*", doc.text[v.end:v.end + 120])
            for pos in filter(None, {m.end() if m else None, *(x.end() for x in re.finditer(r",\s*", doc.text[v.end:v.end + 120]))}):
                rm = region_pattern().match(doc.text, v.end + pos)
                if rm:
                    city = rm.group()
                    break
        return " ".join(v.text.split()), _city(city) or _dateline_city(doc)
    # no building: `di Jakarta` next to the event, else the dateline city
    for m in re.finditer(r"\b(?:di|bertempat di)\s+(?=[A-Z])", doc.text[doc.body_start:]):
        pos = doc.body_start + m.end()
        rm = region_pattern().match(doc.text, pos)
        if rm and not doc.in_noise(pos) and not rm["type"]:
            return None, _city(rm.group())
    return None, _dateline_city(doc)


def _dateline_city(doc: Document) -> str | None:
    m = _DATELINE.search(doc.text, doc.body_start)
    if m and region_pattern().fullmatch(m["city"].title()):
        return _city(m["city"].title())
    return None


def _city(city: str | None) -> str | None:
    """A city name for `venue_city`: type words off, short names expanded, a province gives its capital."""
    if not city:
        return None
    city = re.sub(r"^(?:Kota|Kabupaten|Kab\.|Provinsi|Prov\.)\s+", "", city.strip())
    lex = lexicons.load("regions")
    full = canonical(city)
    return lex["capitals"].get(full) or lex["capitals"].get(city) or (full if len(city) <= 4 else city)
