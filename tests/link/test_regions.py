"""Regions on the record: winners, regional-government agencies and the venue city, on invented articles."""
from __future__ import annotations

from extractor.core.record import Agency, Award, Record
from extractor.link.regions import attach_regions
from extractor.pipeline import Extractor

STORY = """Pemkot Kediri Raih Penghargaan Kota Sehat 2024

Kamis, 14 November 2024 - 10:05 WIB

KEDIRI, Kabar Timur - Pemerintah Kota Kediri meraih penghargaan Swasti Saba Wistara dalam ajang Kota Sehat 2024 yang digelar Kementerian Kesehatan. Penghargaan diserahkan Menteri Kesehatan Arif Wibisono kepada Wali Kota Kediri Dewi Anggraini di Hotel Bumi Sentosa, Surabaya, Rabu (13/11/2024).

"Ini hasil kerja bersama warga," kata Dewi.
"""


def test_story_places_winner_agency_and_venue(rules):
    rec = rules.extract(STORY).to_dict()
    (award,) = rec["awards"]
    assert award["recipient"] == "Pemerintah Kota Kediri"  # its fullest mention (the headline writes `Pemkot Kediri`)
    assert award["recipient_region"] == {"code": "35.71", "name": "Kota Kediri", "level": "city", "province": "Jawa Timur"}
    regions = {a["name"]: a["region"] for a in rec["agencies"]}
    assert regions["Pemkot Kediri"]["code"] == "35.71"
    assert regions["Kementerian Kesehatan"] is None
    assert rec["venue_city"] == "Surabaya" and rec["venue_region"]["code"] == "35.78"


def _placed(text: str, recipients: list[str], agencies: list[str] = (), venue_city: str | None = None) -> Record:
    doc = Extractor.document(text)
    rec = Record(awards=[Award(recipient=r) for r in recipients], agencies=[Agency(a) for a in agencies],
                 venue_city=venue_city)
    attach_regions(doc, rec)
    return rec


def test_bare_ambiguous_winner_takes_the_level_the_article_gives_it():
    text = ("Kediri kembali meraih Adipura.\n\nPiala diterima Bupati Kediri Hana Wijaya di Jakarta, Senin (2/12/2024).\n")
    rec = _placed(text, ["Kediri"], venue_city="Jakarta")
    assert rec.awards[0].recipient_region.code == "35.06"
    assert rec.venue_region.code == "31" and rec.venue_region.province == "DKI Jakarta"


def test_ambiguous_winner_without_context_is_left_unresolved():
    rec = _placed("Kediri kembali meraih Adipura tahun ini.\n", ["Kediri", "Ayu Lestari"], venue_city="Kediri")
    assert [a.recipient_region for a in rec.awards] == [None, None]
    assert rec.venue_region is None


def test_mentions_in_noise_lines_are_no_context():
    text = ("Kediri kembali meraih Adipura tahun ini.\n\nBaca juga: Bupati Kediri Resmikan Pasar Baru\n\n"
            "Penghargaan diserahkan di Jakarta.\n")
    assert _placed(text, ["Kediri"]).awards[0].recipient_region is None
    assert _placed(text.replace("Baca juga: ", ""), ["Kediri"]).awards[0].recipient_region.code == "35.06"


def test_agency_region_needs_name_and_aliases_to_agree():
    rec = _placed("x\n", [], agencies=["Pemkab Klaten", "Dinas Kesehatan Kabupaten Klaten"])
    assert rec.agencies[0].region.code == "33.10" and rec.agencies[1].region is None
    rec = Record(agencies=[Agency("Pemkab Klaten", ["Pemerintah Kabupaten Klaten"]), Agency("Pemkot Kediri", ["Pemkab Kediri"])])
    attach_regions(Extractor.document("x\n"), rec)
    assert rec.agencies[0].region.code == "33.10" and rec.agencies[1].region is None


def test_list_article_winners_are_villages_placed_by_the_district_named(rules):
    text = """Pemenang Lomba Desa Sehat Kabupaten Klaten 2024

Dinas Kesehatan Kabupaten Klaten mengumumkan pemenang lomba pada Jumat (6/9/2024) di Kecamatan Kalikotes.

Kategori Desa Mandiri
Juara I : Desa Jimbung
Juara II : Desa Kemudo
Juara III : Desa Sukamaju
"""
    rec = rules.extract(text).to_dict()
    got = {a["recipient"]: a["recipient_region"] and a["recipient_region"]["code"] for a in rec["awards"]}
    assert got == {"Desa Jimbung": "33.10.23.2001", "Desa Kemudo": "33.10.01.2010", "Desa Sukamaju": None}
