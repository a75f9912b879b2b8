"""Venue and its city: the first VENUE span of the body that an event cue leads (else the first), a region near
it, else `di <city>` or the dateline."""
from __future__ import annotations

import re

from ..core import lexicons
from ..core.document import DATELINE, Document
from ..core.spans import Span
from ..normalize.places import canonical, gazetteer, region_pattern


def link_venue(doc: Document, spans: list[Span]) -> tuple[str | None, str | None]:
    venues = [s for s in spans if s.label == "VENUE" and s.start >= min(doc.body_start, len(doc.text))]
    venues = venues or [s for s in spans if s.label == "VENUE"]
    if venues:
        v = next((x for x in venues if _event_cue_before(doc, x.start) and _placed(doc, x.start)), venues[0])
        flat = " ".join(v.text.split()).lower()  # the same venue written in full elsewhere: the full name
        v = max((x for x in venues if flat in " ".join(x.text.split()).lower()), key=lambda x: len(x.text))
        city = v.attrs.get("city")
        inner = list(region_pattern().finditer(doc.text, v.start, v.end))
        if city is None:
            # `Auditorium X, Kementerian Agama RI, Jakarta Pusat`: a region within two comma steps; a province after
            # a venue that names its place is wider than that place (`Alun-alun Kabupaten Sidoarjo, Jawa Timur`)
            m = re.match(r"(?:\s*,\s*[^,.\n]{0,60}?){0,1}\s*,\s*", doc.text[v.end:v.end + 120])
            for pos in sorted(filter(None, {m.end() if m else None, *(x.end() for x in re.finditer(r",\s*", doc.text[v.end:v.end + 120]))})):
                rm = region_pattern().match(doc.text, v.end + pos)
                if rm and not (inner and gazetteer().get(rm.group("name")) == "provinsi"):
                    city = rm.group()
                    break
        if city is None and inner:  # `Jakarta Concert Hall iNews Tower, Jakarta Pusat`: a place after the venue first
            city = inner[-1].group("name")
        city = city or _city_beside(doc, v)
        return " ".join(v.text.split()), _city(city) or _city_after_di(doc) or _dateline_city(doc)
    # no building: `di Jakarta` next to the event, else the dateline city
    return None, _city_after_di(doc) or _dateline_city(doc)


def _city_after_di(doc: Document) -> str | None:
    """The place of the event: the first `di Kota Ambon` of the body that an event cue leads in its sentence
    (`digelar di`, `penyerahan ... di`; lexicon `venues.event_cues`), else the first bare `di Jakarta`."""
    first = None
    for m in lexicons.words("venues", "city_cues", end=r"\s+(?=[A-Z])", ignore_case=False).finditer(doc.text, doc.body_start):
        pos = m.end()
        rm = region_pattern().match(doc.text, pos)
        if not rm or doc.in_noise(pos):
            continue
        if _event_cue_before(doc, m.start()):
            return _city(rm.group())
        if first is None and not rm["type"]:
            first = _city(rm.group())
    return first


def _placed(doc: Document, pos: int) -> bool:
    """`di Balai Kota`, `bertempat di gedung X`: a venue set as the place (lexicon `venues.city_cues`, a kind word
    between), not one an origin names (`tim dari Setda Kota X`)."""
    cue = lexicons.words("venues", "city_cues", end=r"[^\S\n]+(?:\w+[^\S\n]+)?$")
    return cue.search(doc.text, max(0, pos - 40), pos) is not None


def _event_cue_before(doc: Document, pos: int) -> bool:
    """Whether an event cue (`digelar`, `penyerahan`; lexicon `venues.event_cues`) stands before `pos` in its
    sentence, within 120 characters: the place named there is where the award was given."""
    sentence = next((a for a, b in doc.sentences() if a <= pos < b), pos)
    return lexicons.words("venues", "event_cues").search(doc.text, max(sentence, pos - 119), pos) is not None


def _city_beside(doc: Document, v: Span) -> str | None:
    """`Istana Wakil Presiden di Jakarta`, `di Jakarta di Auditorium X`, `Lanud X, Tabing Padang`: a city next to the venue."""
    after = re.match(r"[^\S\n]*(?:,[^\S\n]*)?di[^\S\n]+", doc.text[v.end:v.end + 12])
    if after:
        rm = region_pattern().match(doc.text, v.end + after.end())
        if rm and not rm["type"]:
            return rm.group()
    before = re.search(r"\bdi[^\S\n]+(?P<city>[A-Z][\w -]{2,30}?)[^\S\n]+di[^\S\n]+$", doc.text[max(0, v.start - 45):v.start])
    if before and region_pattern().fullmatch(before["city"]):
        return before["city"]
    chunk = re.match(r"[^\S\n]*,[^\S\n]*(?P<chunk>[^,.\n]{3,40})", doc.text[v.end:v.end + 50])
    if chunk and len(chunk["chunk"].split()) <= 4:
        found = [m for m in region_pattern().finditer(chunk["chunk"]) if not m["type"]]
        if found:
            return found[-1].group()
    return None


def _dateline_city(doc: Document) -> str | None:
    m = DATELINE.search(doc.text, doc.body_start)
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
