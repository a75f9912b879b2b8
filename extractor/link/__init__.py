"""Turn spans into the record: officials, agencies with aliases, programs, dates, venue.

Awards have their own module (`awards.py`); this one handles everything else
and calls it. Spans in noise lines (menus, "Baca juga", bylines) are ignored.
"""
from __future__ import annotations

import re
from collections import Counter

from . import awards
from ..core import lexicons
from ..normalize.dates import find_dates, parse_iso, resolve_date
from ..core.document import Document
from ..normalize.names import clean_person_name
from ..normalize.ranks import rank_value
from ..core.record import Record
from ..normalize.places import canonical, region_pattern
from ..rules.tokens import common_words
from ..core.spans import Span


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.lower()))


def _normalise(text: str, spans: list[Span]) -> list[Span]:
    """Give model spans the values rule spans carry: date parts, rank numbers, acronym aliases."""
    out: list[Span] = []
    for s in spans:
        if s.label == "DATE" and "parts" not in s.attrs:
            found = find_dates(s.text)
            if not found:
                continue  # `Kamis` alone, or `Desember 2024`: no day, no date
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "parts": found[0].attrs["parts"]})
        elif s.label == "RANK" and "rank" not in s.attrs:
            value = rank_value(s.text)
            if value is None:
                continue
            s = Span(s.start, s.end, s.text, s.label, s.source, s.score, {**s.attrs, "rank": value})
        out.append(s)
    orgs = [s for s in out if s.label == "ORG"]
    for k in range(1, len(orgs)):
        prev, cur = orgs[k - 1], orgs[k]
        if "alias_of" not in cur.attrs and re.fullmatch(r"\s*\(\s*", text[prev.end:cur.start]) and text[cur.end:cur.end + 1] == ")":
            cur.attrs["alias_of"] = prev.start
    return out


def link(doc: Document, spans: list[Span]) -> Record:
    """Build the record of `doc` from its spans."""
    spans = _normalise(doc.text, spans)
    live = [s for s in spans if not doc.in_noise(s.start, s.end)]
    rec = Record(doc_id=doc.doc_id, title=doc.title or _headline(doc), spans=list(spans), warnings=list(doc.warnings))
    rec.published, rec.event_date = _dates(doc, spans, rec.warnings)
    rec.officials = _officials(doc, live)
    rec.agencies = _agencies(doc, live)
    rec.venue, rec.venue_city = _venue(doc, live)
    rec.programs = _programs(doc, live)
    rec.awards = awards.link_awards(doc, live, rec)
    return rec


def _headline(doc: Document) -> str | None:
    for ln in doc.lines:
        t = ln.text.strip()
        if t and not ln.noise:
            return t if len(t) <= 250 else None
    return None


# ---------------------------------------------------------------- dates

def _dates(doc: Document, spans: list[Span], warnings: list[str]) -> tuple[str | None, str | None]:
    dates = [s for s in spans if s.label == "DATE" and "parts" in s.attrs]
    years = [s.attrs["parts"].year for s in dates if s.attrs["parts"].year]
    ref = parse_iso(doc.published)
    if not years:  # `Jumat (8/8)` in an article that names its year only in passing: `KLA 2025`
        years = [int(y) for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", doc.text)]
    default_year = Counter(years).most_common(1)[0][0] if years else (ref.year if ref else None)
    published = doc.published
    header_end = doc.body_start
    if not published:
        for s in dates:
            if s.start < header_end and s.attrs["parts"].year:
                day, _ = resolve_date(s.attrs["parts"])
                if day:
                    published = day.isoformat()
                    ref = day
                    break
    body = [s for s in dates if s.start >= header_end and not doc.in_noise(s.start, s.end)]
    # the ceremony date: a date with a weekday first, then a full date, then any
    body.sort(key=lambda s: (s.attrs["parts"].weekday is None, s.attrs["parts"].year is None, s.start))
    for s in body:
        day, warns = resolve_date(s.attrs["parts"], default_year=s.attrs["parts"].year or default_year, reference=ref)
        if day:
            warnings.extend(f"{w} ({s.text!r} at {s.start})" for w in warns)
            return published, day.isoformat()
    return published, None


# ---------------------------------------------------------------- officials

def _officials(doc: Document, spans: list[Span]) -> list[dict]:
    pairs: list[tuple[Span, Span]] = []
    by_pair: dict[int, dict[str, Span]] = {}
    for s in spans:
        if s.label in ("TITLE", "PER") and "pair" in s.attrs:
            by_pair.setdefault(s.attrs["pair"], {})[s.label] = s
    for p in by_pair.values():
        if "TITLE" in p and "PER" in p:
            pairs.append((p["PER"], p["TITLE"]))
    # spans without a rule pair (model spans, or a rule partner that lost to a model span):
    # a TITLE right before the PER (`Bupati Gowa Andi Rahman`), or after it (`Andi Rahman, Bupati Gowa`)
    paired = {id(p[0]) for p in pairs}
    titles = [s for s in spans if s.label == "TITLE"]
    for per in (s for s in spans if s.label == "PER" and id(s) not in paired):
        before = [t for t in titles if 0 <= per.start - t.end <= 3 and re.fullmatch(r"[\s,]*", doc.text[t.end:per.start])]
        after = [t for t in titles if t.start >= per.end
                 and re.fullmatch(r"\s*(?:,|selaku|sebagai)\s*", doc.text[per.end:t.start])]
        if before or after:
            pairs.append((per, max(before, key=lambda t: t.end) if before else min(after, key=lambda t: t.start)))
    pairs.sort(key=lambda p: p[0].start)
    out: list[dict] = []
    for per, title in pairs:
        name = clean_person_name(per.text)
        if len(name) < 3 or not re.search(r"[A-Za-z]{2}", name):
            continue
        key = set(_norm(name).split())
        dup = next((o for o in out if key <= set(_norm(o["name"]).split()) or set(_norm(o["name"]).split()) <= key), None)
        if dup:
            if len(name) > len(dup["name"]) and key >= set(_norm(dup["name"]).split()):
                dup["name"] = name
            continue
        out.append({"name": name, "title": " ".join(title.text.split())})
    return out


# ---------------------------------------------------------------- agencies

def _agencies(doc: Document, spans: list[Span]) -> list[dict]:
    acronyms = lexicons.load("agencies")["acronyms"]
    titles = [s for s in spans if s.label == "TITLE"]
    pers = [s for s in spans if s.label == "PER"]
    lex = lexicons.load("agencies")
    refused = set(lex["not_agencies"]) | set(lex["generic_acronyms"])
    kinds = set(lex["kind_words"])
    orgs = []
    for s in spans:
        if s.label != "ORG":
            continue
        words = re.findall(r"[\w/]+", s.text)
        if s.text.strip(" .,)(") in refused or not words or all(w in kinds or w.isdigit() for w in words):
            continue  # `ASN`, `Pemerintah Kota`, `Tengah`: a kind or a fragment, not an organisation
        if len(words) == 1 and s.text.islower():
            continue
        if s.source.endswith(".caps") and any(t.contains(s) for t in titles):
            continue
        if any(p.overlaps(s) for p in pers):
            continue
        orgs.append(s)
    groups: list[dict] = []
    index: dict[str, dict] = {}
    by_start = {s.start: s for s in orgs}

    def key(text: str) -> str:
        k = _norm(text)
        k = re.sub(r"^pemerintah (kabupaten|kota|provinsi) ", lambda m: {"kabupaten": "pemkab ", "kota": "pemkot ", "provinsi": "pemprov "}[m.group(1)], k)
        return re.sub(r"\b(ri|republik indonesia)$", "", k).strip()

    for s in orgs:
        name = " ".join(s.text.split()).rstrip(".,")
        k = key(name)
        if not k:
            continue
        target = index.get(k)
        long_of = by_start.get(s.attrs.get("alias_of", -1))
        if target is None and long_of is not None:
            target = index.get(key(long_of.text))
        bare = re.sub(r"\s+(?:RI|Pusat)$", "", name)
        if target is None and bare in acronyms:
            target = index.get(key(acronyms[bare]))
            if target is None:
                target = next((g for g in groups if key(g["name"]).startswith(key(acronyms[bare]))), None)
        if target is None:
            # a later long form of an earlier acronym
            for acr, long in acronyms.items():
                if key(long) == k and acr in index:
                    target = index[acr]
                    break
        if target is None:
            g = {"name": name, "aliases": []}
            groups.append(g)
            index[k] = g
            if name in acronyms:
                index[key(acronyms[name])] = g
            continue
        index.setdefault(k, target)
        if name.lower() != target["name"].lower() and name not in target["aliases"]:
            if name in acronyms or len(name) < len(target["name"]) or target["name"] not in acronyms:
                target["aliases"].append(name)
            else:  # the long form arrived after the acronym: it becomes the name
                target["aliases"].append(target["name"])
                target["name"] = name
    return groups


# ---------------------------------------------------------------- venue

_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*(?:,|\()\s*[^\n]{0,40}?(?:\)|\s)[-–—]", re.M)


def _venue(doc: Document, spans: list[Span]) -> tuple[str | None, str | None]:
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


# ---------------------------------------------------------------- programs

def _programs(doc: Document, spans: list[Span]) -> list[dict]:
    orgs = [s for s in spans if s.label == "ORG"]
    out: list[dict] = []
    seen: set[str] = set()
    blockers = [s for s in spans if s.label in ("ORG", "TITLE", "AWARD", "CAT", "PER")]
    # a rule PROG that lies inside an agency, title, award or name is a piece of that, not a program
    progs = sorted((s for s in spans if s.label == "PROG" and not any(b.contains(s) and b.source != "model" for b in blockers)),
                   key=lambda s: s.start)
    glossed = [(s.end, s.end + len(s.attrs.get("description") or "") + 3) for s in progs if s.attrs.get("description")]
    common = common_words(doc.text)
    for s in progs:
        name = " ".join(s.text.split()).strip("\"“”'")
        k = _norm(name)
        if not k or k in seen or any(a <= s.start < b for a, b in glossed):
            continue
        if len(name.split()) == 1 and name.lower() in common:
            continue
        seen.add(k)
        line = doc.line_at(s.start)
        agency = None
        after = doc.text[s.end:line.end]
        m = re.search(r"\b(?:dari|oleh|milik|inovasi|besutan)\s+", after)
        if m:
            pos = s.end + m.end()
            hit = next((o for o in orgs if o.start == pos), None)
            agency = hit.text if hit else None
        out.append({"name": name, "description": s.attrs.get("description"), "agency": agency})
    return out
