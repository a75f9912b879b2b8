from __future__ import annotations

import pytest

from extractor.normalize.dates import find_dates, parse_date, resolve_date


@pytest.mark.parametrize("text, year, expected", [
    ("pada Kamis (5/12/2024) lalu", None, "2024-12-05"),
    ("5 Desember 2024", None, "2024-12-05"),
    ("Jumat (23/12)", 2022, "2022-12-23"),
    ("Senin, 3 Juni 2024", None, "2024-06-03"),
    ("tanggal 5-12-2024", None, "2024-12-05"),
    ("5 Des 2024", None, "2024-12-05"),
    ("17 Agt 2023", None, "2023-08-17"),
    ("Selasa (10/9)", 2024, "2024-09-10"),
    ("28 Pebruari 2023", None, "2023-02-28"),
    ("Rabu, 11 Desember 2024 - 14:20 WIB", None, "2024-12-11"),
    ("date 2025-10-07 jpnn.com", None, "2025-10-07"),
    ("di Jakarta (Senin, 20/11). Pendiri", 2017, "2017-11-20"),
])
def test_parse_date(text, year, expected):
    assert parse_date(text, default_year=year) == expected


@pytest.mark.parametrize("text", ["pada hari Kamis lalu", "Desember 2024", "tahun 2024", "nomor 5/12", "pukul 14.20 WIB",
                                  "periode 2019-2024", "nomor 2024-123-45"])
def test_not_a_date(text):
    assert find_dates(text) == [] or parse_date(text) is None


def test_day_month_order_is_never_swapped():
    assert parse_date("(5/12/2024)") == "2024-12-05"
    assert parse_date("(12/5/2024)") == "2024-05-12"


def test_weekday_mismatch_warns():
    span = find_dates("Kamis (6/12/2024)")[0]
    day, warnings = resolve_date(span.attrs["parts"])
    assert day.isoformat() == "2024-12-06"
    assert warnings and "weekday" in warnings[0]


def test_weekday_picks_the_missing_year():
    # 23 December was a Friday in 2022, not in 2023
    span = find_dates("Jumat (23/12)")[0]
    day, warnings = resolve_date(span.attrs["parts"], default_year=2023)
    assert day.isoformat() == "2022-12-23" and not warnings


def test_spans_point_into_text():
    text = "Acara digelar Kamis (5/12/2024) di Surabaya."
    for s in find_dates(text):
        assert text[s.start:s.end] == s.text == "Kamis (5/12/2024)"


def test_weekday_tells_the_year_when_nothing_else_does():
    from extractor.normalize.dates import DateParts, year_of_weekday

    assert year_of_weekday(DateParts(28, 12, None, 1), this=2026) == 2021  # Selasa (28/12): 2021, not 2027
    assert year_of_weekday(DateParts(29, 2, None, 3), this=2026) == 2024    # Kamis (29/2): the last leap year
    assert year_of_weekday(DateParts(31, 2, None, 3), this=2026) is None
    day, warnings = resolve_date(DateParts(28, 12, None, 1))
    assert day is not None and day.weekday() == 1
    assert warnings == [f"year not written: {day.year} is the latest year whose 28/12 falls on that weekday"]
    day, warnings = resolve_date(DateParts(23, 12, None, 4), default_year=2023)
    assert day.isoformat() == "2022-12-23" and warnings == []  # a year from the text: no guess
    day, _ = resolve_date(DateParts(5, 12, None, None))
    assert day is None  # no year, no weekday: no date


@pytest.mark.parametrize("text, day, month, year", [
    ("di Borobudur, Minggu (15/5. Otoritas", 15, 5, None),  # the bracket never closes
    ("penutupan kegiatan, Kamis (27/112025).", 27, 11, 2025),  # the slash before the year is missing
    ("di Jakarta, Ahad (23/12./2018).", 23, 12, 2018),
])
def test_a_mistyped_bracket_date_after_a_weekday_is_read(text, day, month, year):
    spans = find_dates(text)
    assert [(s.attrs["parts"].day, s.attrs["parts"].month, s.attrs["parts"].year) for s in spans] == [(day, month, year)]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_a_bracketed_fraction_without_a_weekday_is_no_date():
    assert find_dates("nilainya naik (1/2 dari target).") == []
