"""Agencies: names of one body grouped, on invented sentences with ORG spans placed by hand."""
from __future__ import annotations

import re

import pytest

from extractor.core.spans import Span
from extractor.link.agencies import defined_acronyms, link_agencies
from extractor.pipeline import Extractor


def grouped(text: str, *names: str) -> list[list[str]]:
    """Each agency as [name, *aliases], from ORG spans on every occurrence of `names`."""
    doc = Extractor.document(text)
    spans: list[Span] = []
    for n in sorted(names, key=len, reverse=True):  # the longest name where two overlap
        for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text):
            s = Span.of(text, m.start(), m.end(), "ORG", "model")
            if not any(s.overlaps(o) for o in spans):
                spans.append(s)
    spans.sort(key=lambda s: s.start)
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [[a.name, *a.aliases] for a in link_agencies(doc, spans)]


@pytest.mark.parametrize("text,expected", [
    ("Rapat Dewan Perwakilan Rakyat Daerah (DPRD) Lombok Tengah.", {"DPRD": "Dewan Perwakilan Rakyat Daerah"}),
    ("Ia dari Kementerian Lingkungan Hidup dan Kehutanan (KLHK).", {"KLHK": "Kementerian Lingkungan Hidup dan Kehutanan"}),
    ("Kata Pemerintah Kabupaten (Pemkab) Serang.", {"Pemkab": "Pemerintah Kabupaten"}),
    ("Badan Perencanaan Pembangunan Daerah (Bappeda) menilai.", {"Bappeda": "Badan Perencanaan Pembangunan Daerah"}),
    ("Pemenangnya PT PLN (Persero) dan Desa Maju (DM2).", {}),  # no words spell them
    ("hasilnya baik (sekali) kata dia.", {}),
])
def test_acronyms_the_article_defines(text, expected):
    assert defined_acronyms(text) == expected


def test_a_defined_acronym_groups_the_names_it_shortens():
    text = ("Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Lombok Tengah menggelar rapat. "
            "Ketua DPRD Kabupaten Lombok Tengah membukanya.")
    assert grouped(text, "Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Lombok Tengah",
                   "DPRD Kabupaten Lombok Tengah") == [
        ["Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Lombok Tengah", "DPRD Kabupaten Lombok Tengah"]]


def test_a_bracketed_short_form_inside_a_name_is_the_same_government():
    text = "Pemerintah Kabupaten (Pemkab) Serang menerima piala. Pemkab Serang berterima kasih."
    assert grouped(text, "Pemerintah Kabupaten (Pemkab) Serang", "Pemkab Serang") == [
        ["Pemerintah Kabupaten (Pemkab) Serang", "Pemkab Serang"]]


def test_governments_of_one_region_are_one_agency():
    text = "Pemerintah Daerah (Pemda) Banten hadir. Pemerintah Provinsi Banten lalu menggelar syukuran."
    assert grouped(text, "Pemerintah Daerah (Pemda) Banten", "Pemerintah Provinsi Banten") == [
        ["Pemerintah Daerah (Pemda) Banten", "Pemerintah Provinsi Banten"]]
    bare = "Balikpapan bersih. Pemerintah Kota Balikpapan meraih Adipura."
    assert grouped(bare, "Balikpapan", "Pemerintah Kota Balikpapan") == [["Pemerintah Kota Balikpapan", "Balikpapan"]]
    other = "Pemkab Bekasi dan Pemkot Bekasi sama-sama meraih penghargaan."
    assert grouped(other, "Pemkab Bekasi", "Pemkot Bekasi") == [["Pemkab Bekasi"], ["Pemkot Bekasi"]]


def test_a_known_acronym_after_a_head_word_and_in_any_case():
    text = ("Kementerian Lingkungan Hidup dan Kehutanan memberi penghargaan. Kementerian KLHK menilai. "
            "Tim UNHAS dan Unhas juga hadir.")
    assert grouped(text, "Kementerian Lingkungan Hidup dan Kehutanan", "Kementerian KLHK", "UNHAS", "Unhas") == [
        ["Kementerian Lingkungan Hidup dan Kehutanan", "Kementerian KLHK"], ["UNHAS"]]  # a case alone is no alias


def test_two_names_with_a_slash_are_one_body_only_when_a_side_is_a_known_acronym():
    text = "Bappenas mengumumkan. Kementerian PPN/Bappenas menilai. Bank Jateng/Suara Merdeka dan Bank Jateng hadir."
    assert grouped(text, "Bappenas", "Kementerian PPN/Bappenas", "Bank Jateng/Suara Merdeka", "Bank Jateng") == [
        ["Kementerian PPN/Bappenas", "Bappenas"], ["Bank Jateng/Suara Merdeka"], ["Bank Jateng"]]


def test_a_bare_acronym_stays_apart_from_its_regional_offices():
    text = "BPS Kota Madiun dan BPS Kabupaten Gianyar dinilai oleh BPS."
    assert grouped(text, "BPS Kota Madiun", "BPS Kabupaten Gianyar", "BPS") == [
        ["BPS Kota Madiun"], ["BPS Kabupaten Gianyar"], ["BPS"]]


def test_an_acronym_the_article_defines_as_a_day_or_a_system_is_no_agency():
    text = ("Peringatan Hari Peduli Sampah Nasional (HPSN) digelar Kementerian Lingkungan Hidup dan Kehutanan (KLHK). "
            "Data masuk lewat Sistem Informasi Pengelolaan Sampah Nasional (SIPSN). Acara HPSN dihadiri KLHK.")
    assert grouped(text, "HPSN", "SIPSN", "Kementerian Lingkungan Hidup dan Kehutanan", "KLHK") == [
        ["Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"]]


@pytest.mark.parametrize("cue", ["dikutip dari", "dilansir", "dalam rilis yang diterima", "siaran pers, yang diterima"])
def test_an_outlet_that_only_carries_the_story_is_no_agency(cue):
    text = f"Pemkab Sleman meraih Adipura, {cue} Warta Kita, Senin (1/1)."
    assert grouped(text, "Pemkab Sleman", "Warta Kita") == [["Pemkab Sleman"]]
    assert grouped("Warta Kita memberi penghargaan kepada Pemkab Sleman.", "Pemkab Sleman", "Warta Kita") == [
        ["Warta Kita"], ["Pemkab Sleman"]], "an outlet that gives the award is an agency"


@pytest.mark.parametrize("name", ["Dewan Hakim", "Dewan Juri", "Tim Penilai", "Badan Usaha", "Balai Kota Sawahan",
                                  "Lembaga Negara", "Lembaga Pemerintah Non Kementerian"])
def test_a_jury_a_kind_or_a_hall_the_model_tags_is_no_agency(name):
    text = f"Menurut {name}, Dinas Pendidikan Kota Malang unggul."
    assert grouped(text, name, "Dinas Pendidikan Kota Malang") == [["Dinas Pendidikan Kota Malang"]]


@pytest.mark.parametrize("name", ["pemkab/pemkot", "Pemkab/Pemkot", "pemerintah kabupaten/kota"])
def test_kinds_joined_by_a_slash_or_written_in_lower_case_are_no_agency(name):
    text = f"Penghargaan diberikan kepada {name} dan Dinas Pendidikan Kota Malang."
    assert grouped(text, name, "Dinas Pendidikan Kota Malang") == [["Dinas Pendidikan Kota Malang"]]


@pytest.mark.parametrize("name", ["Partai Politik", "Perguruan Tinggi Negeri", "Bank Pembangunan Daerah", "Pemerintah Desa"])
def test_a_kind_of_body_named_alone_is_no_agency_but_one_it_opens_is(name):
    text = f"Penghargaan diberikan kepada {name} dan Dinas Pendidikan Kota Malang."
    assert grouped(text, name, "Dinas Pendidikan Kota Malang") == [["Dinas Pendidikan Kota Malang"]]
    full = f"{name} Sukamaju"
    assert grouped(f"Penghargaan diberikan kepada {full}.", full) == [[full]]


def test_an_agency_cut_at_a_slash_or_a_dash_loses_the_mark():
    text = "Data dari Kementerian PPN/Bappenas dan Harian Jogja - yang terbit kemarin."
    spans = [Span.of(text, 10, 26, "ORG", "model"), Span.of(text, 39, 53, "ORG", "model")]
    assert [s.text for s in spans] == ["Kementerian PPN/", "Harian Jogja -"]  # a tagger's cut spans
    doc = Extractor.document(text)
    assert [a.name for a in link_agencies(doc, spans)] == ["Kementerian PPN", "Harian Jogja"]


def test_a_name_that_goes_on_after_its_acronym_groups_with_the_acronym_written_later():
    from extractor.rules.agencies import find_agencies

    text = ("Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian (Diskominfo) Kota Tegal hadir. "
            "Layanan itu dikelola Diskominfo.")
    spans = find_agencies(text)
    assert spans[0].attrs["acronym"] == "Diskominfo"
    got = [[a.name, *a.aliases] for a in link_agencies(Extractor.document(text), spans)]
    assert got == [["Dinas Komunikasi, Informatika, Statistik dan Persandian (Diskominfo) Kota Tegal", "Diskominfo"]]
