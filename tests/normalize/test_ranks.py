from __future__ import annotations

import pytest

from extractor.normalize.ranks import find_ranks

CASES = [
    ("Kota Terinovatif Peringkat Ke-3 Se-Indonesia", 3),
    ("Juara I : Kepulauan Kei", 1),
    ("meraih terbaik kedua", 2),
    ("peringkat pertama kategori kota", 1),
    ("Terbaik II", 2),
    ("berada di posisi pertama", 1),
    ("Juara 2 lomba", 2),
    ("peringkat 2 nasional", 2),
    ("Terbaik Pertama", 1),
    ("Harapan I", None),
    ("untuk ke-5 kalinya", None),
    ("urutan ketiga kalinya", None),
    ("masuk 10 besar", None),
    ("tiga kali berturut-turut", None),
    ("Peringkat 2023", None),
    ("Kota Tidore meraih juara umum II", 2),  # a place among the overall winners
    ("Provinsi Aceh juara umum", 1),
    ("juara umum dua kali berturut-turut", 1),  # a count after the phrase: still the overall winner
    ("juara umumnya dari Jawa Tengah", 1),  # with the possessive suffix
    ("sesuai Undang-Undang Nomor 14 Tahun 2008 tentang", None),  # a document's number
    ("Keputusan Presiden Nomor 26/Tk/2019", None),
    ("menjadi nomor 1 di Indonesia", 1),
    ("meraih juara 1 tahun 2023", 1),  # only a reference head numbers a document
    ("pemenang pertama, Heri Radar Jember", 1),
    ("Fransiska pemenang II untuk kategori Guru TK", 2),
    ("kepada 84 pemda pemenang. Selanjutnya", None),  # winners counted, no place
    ("Daftar pemenang:\n1. Kota Maju\n2. Kota Jaya", None),  # a numbered list under a title
    ("Pemenang: 1. Kota Maju 2. Kota Jaya", None),
    ("Juara: 2 lomba", 2),
]


@pytest.mark.parametrize("text, rank", CASES)
def test_rank(text, rank):
    found = find_ranks(text)
    assert (found[0].attrs["rank"] if found else None) == rank


def test_a_range_of_places_gives_its_first_place():
    found = [(s.text, s.attrs["rank"]) for s in find_ranks("Di rangking 4-10 berturut-turut ditempati Jawa Barat, Banten.")]
    assert found == [("rangking 4-10", 4)]
    assert find_ranks("Juara 3 kali berturut-turut.") == []  # a count, not a rank
