from __future__ import annotations

import pytest

from extractor.rules.officials import find_officials


def pairs(text):
    spans = find_officials(text)
    out = {}
    for s in spans:
        assert text[s.start:s.end] == s.text
        if "pair" in s.attrs:
            out.setdefault(s.attrs["pair"], {})[s.label] = s.text
    return [(p["TITLE"], p["PER"]) for p in out.values()]


@pytest.mark.parametrize("text, title, name", [
    ("diserahkan kepada Pj. Wali Kota Tegal Arif Santoso di Jakarta.", "Pj. Wali Kota Tegal", "Arif Santoso"),
    ("Wakil Menteri Dalam Negeri, Rina Kartika menyampaikan", "Wakil Menteri Dalam Negeri", "Rina Kartika"),
    ("Menurut Kepala Dinas Kesehatan (Dinkes) Konawe Selatan Sari Dewi, capaian", "Kepala Dinas Kesehatan (Dinkes) Konawe Selatan", "Sari Dewi"),
    ("Bupati Sleman Dr. H. Budi Prasetyo, S.H., M.Si. mengatakan", "Bupati Sleman", "Dr. H. Budi Prasetyo, S.H., M.Si."),
    ("Wamendagri Ratna Sari hadir", "Wamendagri", "Ratna Sari"),
    ("Kapolres Kupang Kota AKBP Yohanes Lado menyebut", "Kapolres Kupang Kota", "AKBP Yohanes Lado"),
    ("kata Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK) Arif Wibowo.",
     "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK)", "Arif Wibowo"),
    ("Joko Susilo selaku Sekretaris Daerah Kabupaten Blora", "Sekretaris Daerah Kabupaten Blora", "Joko Susilo"),
    ("Direktur Utama PT Sinar Abadi (Persero) Lina Marlina menerima", "Direktur Utama PT Sinar Abadi (Persero)", "Lina Marlina"),
])
def test_title_and_name(text, title, name):
    assert (title, name) in pairs(text)


def test_title_without_name_is_no_official():
    assert pairs("Bupati mengatakan bahwa penghargaan itu milik warga.") == []


def test_sentence_start_word_is_no_name():
    assert pairs("Penghargaan itu diterima Bupati Luwu. Kembali ke daerah, ia menyapa warga.") == []


def test_noise_lines_are_skipped():
    text = "Baca juga: Gubernur Bali Made Wirawan Raih Penghargaan\nIsi berita."
    lines = [(0, text.index("\n"))]
    spans = find_officials(text, lambda s, e: any(a <= s and e <= b for a, b in lines))
    assert spans == []


def test_bracketed_parts_count_toward_the_title_length():
    """A run of bracketed acronyms cannot make a title longer than MAX_TITLE_TOKENS (they used to count as 0)."""
    from extractor.rules.officials import MAX_TITLE_TOKENS, _extend_title
    from extractor.rules.tokens import tokenize

    head = "Kepala Dinas "
    text = (head + "Pemberdayaan Masyarakat (DPM) dan Desa (PMD) Pengendalian Penduduk (PP) dan Keluarga Berencana (KB) "
            "Kabupaten Sleman Andi Rahman kemarin.")
    toks = tokenize(text)
    start = len(tokenize(head))
    end = _extend_title(text, toks, start)
    assert end - start <= MAX_TITLE_TOKENS  # 22 before the fix: the four brackets counted nothing
    assert toks[end - 1].end < text.index("Kabupaten Sleman")


def test_long_title_with_brackets_keeps_its_name():
    text = "Kepala Badan Perencanaan Pembangunan Riset dan Inovasi Daerah (Bapperida) Provinsi Jawa Tengah Sari Dewi membuka acara."
    assert pairs(text) == [("Kepala Badan Perencanaan Pembangunan Riset dan Inovasi Daerah (Bapperida) Provinsi Jawa Tengah", "Sari Dewi")]


def test_names_each_with_a_dash_and_a_title_keep_their_own_titles():
    text = ("Penerima kategori perorangan yaitu: Joko Widodo – Walikota Solo, Valerina Daniel – Penulis Buku, "
            "Hugua – Bupati Wakatobi, Nugie – Pegiat Sepeda.")
    assert pairs(text) == [("Walikota Solo", "Joko Widodo"), ("Bupati Wakatobi", "Hugua")]


def test_a_dateline_dash_before_a_title_keeps_the_name_after_it():
    assert pairs("Medan | Topsumbar – Bupati Agam, Andri Warman menerima Trofi Abyakta.") == [("Bupati Agam", "Andri Warman")]


@pytest.mark.parametrize("text, title, name", [
    # after `selaku` the words after the title are its portfolio: the holder is the name before
    ("Hadir Alamsyah Pohan selaku Kabid Sistem Manajemen Mutu. Penyerahan berlangsung", "Kabid", "Alamsyah Pohan"),
    # the name starts after a sentence end, a verb or an honorific
    ("mewakili Menaker Hanif Dhakiri. Diterima Heri Nasution selaku Direktur Air Limbah", "Direktur Air",
     "Heri Nasution"),
    ("Kehadiran Bapak Wiryanto selaku Kepala Desa disambut warga.", "Kepala Desa", "Wiryanto"),
])
def test_the_holder_written_before_selaku(text, title, name):
    assert (title, name) in pairs(text)
    assert all(p[1] != "Sistem Manajemen Mutu" for p in pairs(text))


def test_a_headline_verb_ends_the_name():
    assert pairs("Menteri Dalam Negeri Tito Karnavian Serahkan Penghargaan Kepada Daerah") == [
        ("Menteri Dalam Negeri", "Tito Karnavian")]
