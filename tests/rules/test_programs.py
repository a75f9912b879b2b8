"""Program rules: names after a keyword, in numbered lists with a gloss, short names glossed in brackets."""
from __future__ import annotations

import pytest

from extractor.rules.programs import find_programs


def names(text):
    return [(s.text, s.source.rsplit(".", 1)[-1]) for s in find_programs(text)]


def test_a_name_after_a_keyword_with_its_gloss():
    spans = find_programs('Inovasi "Jempol Jago" (Jemput Bola Layanan Jaminan Sosial) meraih penghargaan.')
    assert [(s.text, s.attrs["description"]) for s in spans] == [("Jempol Jago", "Jemput Bola Layanan Jaminan Sosial")]


def test_a_listed_name_with_its_gloss():
    assert names("Inovasi unggulan:\n1. SiPintar (Sistem Pelayanan Terpadu Ramah Anak)\n") == [("SiPintar", "list")]


def test_a_name_does_not_end_with_a_connector():
    assert names("melalui program Gerbang Desa dan pelatihan warga") == [("Gerbang Desa", "keyword")]


@pytest.mark.parametrize("text", ["melalui program CSR perusahaan", "lewat program Corporate Social Responsibility",
                                  "program Kerja Sama daerah"])
def test_generic_words_name_no_program(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name, gloss", [
    ("Dua inovasi yakni Tempat Olah Sampah Setempat (TOSS) diapresiasi.", "TOSS", "Tempat Olah Sampah Setempat"),
    ("Inovasi daerah Beli Mahal Jual Murah (Bima Juara) diapresiasi.", "Bima Juara", "Beli Mahal Jual Murah"),
    ("Program ini, Jemput Bola Pelayanan (Jempol), diapresiasi.", "Jempol", "Jemput Bola Pelayanan"),
])
def test_a_short_name_built_from_its_gloss_letters(text, name, gloss):
    found = [(s.text, s.attrs["description"], text[s.attrs["gloss_start"]:s.attrs["gloss_end"]])
             for s in find_programs(text) if s.source.endswith(".gloss")]
    assert found == [(name, gloss, gloss)]


@pytest.mark.parametrize("text", [
    "Inovasi itu dinilai Lembaga Layanan Pendidikan Tinggi (LLDIKTI) pekan lalu.",  # a body
    "Inovasi itu ikut Kompetisi Inovasi Pelayanan Publik (KIPP) tahun ini.",  # a contest
    "Program itu dipuji Menteri Dalam Negeri (Mendagri) kemarin.",  # a title
    "Program itu didukung Badan Amal Desa (Bade) setempat.",  # the letters fit, the gloss is a body
    "Inovasi ini bernama Layanan Antar Jemput (Sijemput) warga.",  # `s` does not open the gloss
])
def test_a_bracketed_short_name_that_is_no_program(text):
    assert [s.text for s in find_programs(text) if s.source.endswith(".gloss")] == []


def test_abbreviates_reads_letters_in_order():
    from extractor.rules.programs import abbreviates
    assert abbreviates("TOSS", "Tempat Olah Sampah Setempat")
    assert abbreviates("Bima Juara", "Beli Mahal Jual Murah")
    assert not abbreviates("SOTS", "Tempat Olah Sampah Setempat")
    assert not abbreviates("P2HIV", "Penanggulangan HIV")  # a digit the gloss lacks


@pytest.mark.parametrize("text", [
    "Pemenang Lomba Inovasi Kenormalan Baru diumumkan.",  # the keyword is a word of the contest's name
    "meraih Anugerah Program Bisnis Terpuji tahun ini",  # and of the award's
    "meningkatkan kualitas program-program CSR-nya.",  # a plural, `programs`, names none
])
def test_a_keyword_that_opens_no_program(text):
    assert names(text) == []


def test_a_keyword_after_an_award_head_in_another_sentence_still_opens_a_program():
    assert names("Ia meraih Anugerah. Inovasi Jempol Jago dari Dinsos dipuji.") == [("Jempol Jago", "keyword")]


def test_the_names_listed_after_a_program_s_are_programs_too():
    text = "Penurunan stunting didukung program Smart Village, K3-1W, Mantra, Baznas Peduli\nStunting, Gaspol dan Ceria.\n"
    assert names(text) == [("Smart Village", "keyword"), ("K3-1W", "enum"), ("Mantra", "enum"),
                           ("Baznas Peduli\nStunting", "enum"), ("Gaspol", "enum"), ("Ceria", "enum")]


@pytest.mark.parametrize("text", [
    "program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga (KKBPK) berjalan",  # one name, glossed
    "buku “Gerakan Literasi Sekolah, Kumpulan Gagasan, Harapan, Rencana, dan Aksi” dibagikan",  # a quoted title
    "Gerakan Literasi Sekolah, Kumpulan Gagasan, Harapan, Rencana, dan Aksi. Kami punya harapan dan rencana.",
    "melalui program Gerbang Desa, Kabupaten Bima dan Kota Bima",  # places
    "program Gerbang Desa, Sumbawa",  # no list: one name after it, no `dan`
])
def test_names_after_a_program_s_that_are_no_list_of_programs(text):
    assert [t for t, src in names(text) if src == "enum"] == []
