"""The record's dates: `published` from the page header, `event_date` from the body."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..core import lexicons
from ..core.document import Document
from ..core.spans import Span
from ..normalize.dates import DateParts, parse_iso, resolve_date


def link_dates(doc: Document, spans: list[Span], warnings: list[str]) -> tuple[str | None, str | None]:
    dates = [s for s in spans if s.label == "DATE" and "parts" in s.attrs]
    years = [s.attrs["parts"].year for s in dates if s.attrs["parts"].year]
    ref = parse_iso(doc.published)
    if not years:  # `Jumat (8/8)` in an article that names its year only in passing: `KLA 2025`
        years = [int(y) for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", doc.text)]
    ranked = [y for y, _ in Counter(years).most_common()]
    default_year = ranked[0] if ranked else (ref.year if ref else None)
    published = doc.published
    header_end = doc.body_start
    if not published:
        # a dated header, or a full date that opens the text (`date 2025-10-07 jpnn.com, JAKARTA - ...`); a header
        # date with its time (`Senin, 31 Januari 2022 | 15:15 WIB`) is the article's, before the site's date of today
        header = [s for s in dates if s.attrs["parts"].year and (
            s.start < header_end or re.fullmatch(r"\s*(?:\w+:?\s+)?", doc.text[:s.start]) is not None)]
        header.sort(key=lambda s: _clock().match(doc.text, s.end) is None)
        for s in header:
            day, _ = resolve_date(s.attrs["parts"])
            if day:
                published = day.isoformat()
                ref = day
                break
    body = [s for s in dates if s.start >= header_end and not doc.in_noise(s.start, s.end)]
    # the ceremony date: a date with a weekday first, then a full date, then any; where the body dates none, one
    # before it (a caption, a lede that the header reader took for the header: `Jakarta, 24 Oktober 2025 – ...`)
    def first(s: Span) -> tuple:
        return s.attrs["parts"].weekday is None, s.attrs["parts"].year is None, s.start

    body.sort(key=first)
    early = sorted((s for s in dates if s.start < header_end and not doc.in_noise(s.start, s.end)
                    and s.attrs.get("kind") != "iso" and _clock().match(doc.text, s.end) is None), key=first)  # no page stamp
    for s in body + early:
        parts = s.attrs["parts"]
        written = _year_written(parts, dates)
        if written:  # the day dated elsewhere: its year, whatever weekday the writer gave (a warning says so)
            parts = replace(parts, year=written)
        year = parts.year or _weekday_year(parts, ranked) or default_year
        day, warns = resolve_date(parts, default_year=year, reference=ref)
        if day:
            warnings.extend(f"{w} ({s.text!r} at {s.start})" for w in warns)
            return published, day.isoformat()
    return published, None


@lru_cache(maxsize=1)
def _clock() -> re.Pattern:
    """A clock time right after a date (`| 15:15 WIB`, `, pukul 09.00`)."""
    words = lexicons.alternation(lexicons.load("months")["time_words"])
    return re.compile(rf"[^\S\n]*[|,\-–]?[^\S\n]*(?:{words}[^\S\n]+)?\d{{1,2}}[:.]\d{{2}}\b", re.I)


def _year_written(parts: DateParts, dates: list[Span]) -> int | None:
    """`Rabu (30/12)` in an article that writes `Kamis, 30 Desember 2021`: the year written with the same day
    elsewhere, whatever weekday the writer gave (the one year the article dates that day with)."""
    if parts.year is not None:
        return None
    years = {s.attrs["parts"].year for s in dates if s.attrs["parts"].year
             and (s.attrs["parts"].day, s.attrs["parts"].month) == (parts.day, parts.month)}
    return years.pop() if len(years) == 1 else None


def _weekday_year(parts: DateParts, years: list[int]) -> int | None:
    """`Jumat (19/11)` in an article that names 2010 and 2019: the first year it names, most named first, on
    whose 19 November the weekday falls (a year's neighbours come after the years named)."""
    if parts.weekday is None or parts.year is not None:
        return None
    for y in years + [n for y in years for n in (y - 1, y + 1)]:
        try:
            if dt.date(y, parts.month, parts.day).weekday() == parts.weekday:
                return y
        except ValueError:
            continue
    return None
