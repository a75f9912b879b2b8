"""The flat awards table: the winner's region as `province` and `region_code` columns, read back intact."""
from __future__ import annotations

import csv
import io

import pytest

from extractor.core.record import AWARD_FIELDS, Award, Record, Region
from extractor.io import tables

KLATEN = Region(code="33.10", name="Kabupaten Klaten", level="regency", province="Jawa Tengah")


def record() -> dict:
    rec = Record(doc_id="a1", title="Klaten juara", awards=[
        Award(award="Adipura", recipient="Pemkab Klaten", recipient_region=KLATEN),
        Award(award="Adipura", recipient="Kediri")])
    return rec.to_dict(spans=False) | {"source": "in/a1.txt"}


def test_region_columns_come_from_the_schema_after_the_award_fields():
    assert tables.AWARD_COLUMNS == AWARD_FIELDS + ("province", "region_code")
    assert "venue_region" not in tables.COLUMNS and "recipient_region" not in tables.COLUMNS


def test_csv_rows_carry_province_and_code():
    rows = list(csv.DictReader(io.StringIO(tables.csv_lines(record(), header=True))))
    assert [(r["recipient"], r["province"], r["region_code"]) for r in rows] == [
        ("Pemkab Klaten", "Jawa Tengah", "33.10"), ("Kediri", "", "")]


def test_parquet_round_trip_keeps_the_region_columns(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "awards.parquet"
    tables.write_parquet([record()], path)
    back = list(tables.parquet_records(path))
    assert back[0]["awards"][0]["recipient_region"] == {"code": "33.10", "province": "Jawa Tengah"}
    assert "recipient_region" not in back[0]["awards"][1]
    # written again (what --resume does with a finished Parquet file), the rows are the same
    assert [tables.award_rows(r) for r in back] == [tables.award_rows(record())]
