"""The record schema: optional region fields are written and read back, and gold records need not carry them."""
from __future__ import annotations

from extractor.core.record import RECORD_FIELDS, AWARD_FIELDS, Agency, Award, Record, Region

SLEMAN = Region(code="34.04", name="Kabupaten Sleman", level="regency", province="DI Yogyakarta")


def test_regions_are_written_as_objects_and_read_back():
    rec = Record(doc_id="x", venue_city="Sleman", venue_region=SLEMAN,
                 awards=[Award(recipient="Pemkab Sleman", recipient_region=SLEMAN), Award(recipient="Ayu")],
                 agencies=[Agency("Pemkab Sleman", region=SLEMAN)])
    d = rec.to_dict()
    assert d["venue_region"] == {"code": "34.04", "name": "Kabupaten Sleman", "level": "regency", "province": "DI Yogyakarta"}
    assert d["awards"][0]["recipient_region"]["code"] == "34.04" and d["awards"][1]["recipient_region"] is None
    assert d["agencies"][0]["region"]["name"] == "Kabupaten Sleman"
    assert list(d).index("venue_region") == list(d).index("venue_city") + 1
    back = Record.from_dict(d)
    assert back.venue_region == SLEMAN and back.awards[0].recipient_region == SLEMAN and back.agencies[0].region == SLEMAN


def test_gold_records_without_regions_still_load_and_need_none():
    back = Record.from_dict({"doc_id": "g", "awards": [{"recipient": "Kota Kediri"}], "agencies": ["Pemkot Kediri"],
                             "venue_region": {"code": "35.71"}})  # a partial region is no region
    assert back.awards[0].recipient_region is None and back.agencies[0].region is None and back.venue_region is None
    assert "venue_region" not in RECORD_FIELDS and "recipient_region" not in AWARD_FIELDS
