"""Rule spans for award names and categories."""
from __future__ import annotations

from extractor.rules.awards import find_awards


def _cats(text: str) -> list[str]:
    spans = [s for s in find_awards(text) if s.label == "CAT"]
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


def test_a_capitalised_category_leaves_the_year_to_the_award():
    assert "Kategori Platinum" in _cats("Kabupaten Agam meraih Anugerah Pandu Negeri Kategori Platinum 2024 di Jakarta.")
    assert "Kategori Sangat Inovatif" in _cats("Pemkab Sleman dengan Kategori Sangat Inovatif Tahun 2021.")


def test_a_lower_case_category_runs_to_a_stop_word():
    assert _cats("Kota Bima meraih penghargaan untuk kategori kota kecil yang diserahkan Menteri.") == ["kategori kota kecil"]
    assert _cats("Kota Semarang bisa mendapat kategori utama.\nSelanjutnya") == ["kategori utama"]
    assert _cats("Sementara untuk kategori karikatur diraih oleh Budi.") == ["kategori karikatur"]
    assert _cats("Pada kategori pertama, terdapat 88 rumah sakit.") == []  # a rank word, not a class


def test_only_category_labels_start_a_lower_case_category():
    assert _cats("Angka tingkat kelahiran di kabupaten itu turun.") == []


def test_the_kind_right_before_a_rank_is_the_category():
    text = ("Predikat Provinsi Terbaik Pertama diraih Jawa Barat. Kabupaten terbaik kedua diraih Sumedang. "
            "Kota Bogor juara umum.")
    cats = _cats(text)
    assert "Predikat Provinsi" in cats and "Kabupaten" in cats
    assert not any(c.startswith("Kota") for c in cats)  # a city's name, no rank after the kind


def test_a_lower_case_category_stops_before_its_rank():
    assert "predikat provinsi" in _cats("Adapun predikat provinsi terbaik pertama diraih Jawa Barat.")
