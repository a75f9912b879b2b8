"""Indonesian dates: find date expressions and turn them into ISO dates.

Handles `Kamis (5/12/2024)`, `5 Desember 2024`, `Jumat (23/12)` (the year
comes from the text or the published date), `5-12-2024`, `2025-10-07`, `Des`/`Agt`
abbreviations. Numeric dates are always day-month-year. A bare weekday is not
a date; a weekday that contradicts the date yields a warning.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicons
from ..core.spans import Span

SOURCE = "rules.dates.v1"


@dataclass(frozen=True)
class DateParts:
    day: int
    month: int
    year: int | None
    weekday: int | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicons.load("months")
    wd = lexicons.alternation(list(lex["weekdays"]))
    mon = lexicons.alternation(list(lex["months"]))
    weekday = rf"(?P<wd>{wd})"
    # Kamis (5/12/2024), Jumat (23/12), Senin, (3/6), (5/12/2024), Jakarta (Senin, 20/11)
    inside = rf"(?P<wd2>{wd})\s*,?\s*"
    paren = re.compile(
        rf"(?:\b{weekday}\s*,?\s*)?\(\s*(?:{inside})?(?P<d>\d{{1,2}})\s*[/\-.]\s*(?P<m>\d{{1,2}})(?:\s*[/\-.]\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
        re.I)
    # Senin, 3 Juni 2024 / 5 Des 2024 / 3 Juni / Selasa 10 September
    textual = re.compile(
        rf"(?:\b{weekday}\s*,?\s*(?:tanggal\s+|tgl\.?\s+)?)?\b(?P<d>\d{{1,2}})\s*(?P<mon>{mon})\.?(?![a-z])(?:\s*,?\s*(?P<y>(?:19|20)\d{{2}}))?",
        re.I)
    # 5-12-2024, 5/12/2024, 05.12.2024 (weekday optional)
    numeric = re.compile(
        rf"(?:\b{weekday}\s*,?\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})(?P<sep>[/\-.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>(?:19|20)\d{{2}})(?![\d/.-])",
        re.I)
    # 2025-10-07: an ISO date (page metadata, a dated byline)
    iso = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/.-])")
    # a weekday and a bracket the writer mistyped: `Minggu (15/5.`, `Kamis (27/112025)`, `Ahad (23/12./2018)`
    sloppy = re.compile(
        rf"\b{weekday}\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*[/\-.]\s*(?P<m>\d{{1,2}})(?:[\s/.\-]*(?P<y>(?:19|20)\d{{2}}))?(?!\d)",
        re.I)
    return paren, textual, numeric, iso, sloppy


@lru_cache(maxsize=1)
def year_tail() -> re.Pattern:
    """A year closing a name, with its word or alone (`Kategori Platinum 2024`, `... Tahun 2021`, `... Tahun` cut
    before `2021.`): an award's edition, which categories and the like leave behind."""
    words = lexicons.alternation(lexicons.load("months")["year_words"])
    return re.compile(rf"(?i)[^\S\n]*,?[^\S\n]+(?:{words}\.?(?:[^\S\n]*(?:19|20)\d\d)?|(?:19|20)\d\d)$")


def _weekday(name: str | None) -> int | None:
    if not name:
        return None
    return lexicons.load("months")["weekdays"].get(name.lower().replace("’", "'"))


def find_dates(text: str) -> list[Span]:
    """All date expressions in `text`, as DATE spans with their parts in `attrs`."""
    months = lexicons.load("months")["months"]
    paren, textual, numeric, iso, sloppy = _patterns()
    found: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, day: int, month: int, year: int | None, kind: str) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return
        if year is not None and year < 100:
            year += 2000
        parts = DateParts(day, month, year, _weekday(m.groupdict().get("wd") or m.groupdict().get("wd2")))
        taken.append((m.start(), m.end()))
        found.append(Span.of(text, m.start(), m.end(), "DATE", SOURCE, 1.0, parts=parts, kind=kind))

    for m in iso.finditer(text):
        add(m, int(m["d"]), int(m["m"]), int(m["y"]), "iso")
    for m in paren.finditer(text):
        add(m, int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None, "paren")
    for m in numeric.finditer(text):
        add(m, int(m["d"]), int(m["m"]), int(m["y"]), "numeric")
    for m in textual.finditer(text):
        mon = months.get(m["mon"].lower())
        if mon:
            add(m, int(m["d"]), mon, int(m["y"]) if m["y"] else None, "textual")
    for m in sloppy.finditer(text):
        add(m, int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None, "paren")
    return sorted(found, key=lambda s: s.start)


def resolve_date(parts: DateParts, *, default_year: int | None = None,
                 reference: dt.date | None = None) -> tuple[dt.date | None, list[str]]:
    """Turn date parts into a date; the year falls back to `default_year`, then `reference`.

    Returns the date (None when impossible) and warnings (weekday mismatch).
    A date without a year that would fall after `reference` is put in the year before.
    """
    warnings: list[str] = []
    year = parts.year or default_year
    if year is None and reference is not None:
        year = reference.year
        try:
            if dt.date(year, parts.month, parts.day) > reference:
                year -= 1
        except ValueError:
            pass
    if year is None and parts.weekday is not None:
        year = year_of_weekday(parts)  # `Selasa (28/12)` with no year anywhere: the weekday tells it
        if year is not None:  # a guess (the weekday fits every few years), which a reader should check
            warnings.append(f"year not written: {year} is the latest year whose {parts.day}/{parts.month} "
                            "falls on that weekday")
    if year is None:
        return None, warnings
    try:
        day = dt.date(year, parts.month, parts.day)
    except ValueError:
        return None, [f"impossible date {parts.day}/{parts.month}/{year}"]
    if parts.weekday is not None and day.weekday() != parts.weekday:
        if parts.year is None:
            # the weekday may tell the missing year: try the neighbours
            for cand in (year - 1, year + 1):
                try:
                    alt = dt.date(cand, parts.month, parts.day)
                except ValueError:
                    continue
                if alt.weekday() == parts.weekday:
                    return alt, warnings
        warnings.append(f"weekday does not match date {day.isoformat()}")
    return day, warnings


def year_of_weekday(parts: DateParts, this: int | None = None, back: int = 12) -> int | None:
    """The latest year up to `this` (default: the current year), at most `back` years back, whose day/month
    falls on the stated weekday."""
    this = this or dt.date.today().year
    for year in range(this, this - back, -1):
        try:
            if dt.date(year, parts.month, parts.day).weekday() == parts.weekday:
                return year
        except ValueError:
            continue  # 29 February in a common year
    return None


def parse_date(text: str, *, default_year: int | None = None) -> str | None:
    """Parse one date expression (the first found in `text`) to ISO `YYYY-MM-DD`."""
    spans = find_dates(text)
    if not spans:
        return None
    day, _ = resolve_date(spans[0].attrs["parts"], default_year=default_year)
    return day.isoformat() if day else None


def parse_iso(value: str | None) -> dt.date | None:
    """Read an ISO date (or datetime) string; None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
