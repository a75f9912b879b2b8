"""The article as the rules see it: sentences do not end at an honorific, a degree or an initial."""
from __future__ import annotations

from extractor.core.document import Document


def test_honorifics_degrees_and_initials_end_no_sentence():
    text = ("Ketiga kepala daerah itu adalah Bupati Sleman Dra. Hj. Kustini Sri Purnomo, Bupati Bantul H. Abdul Halim "
            "Muslih, S.Pd. dan M. Ridwan Kamil. Ketiganya hadir. Juara I. Kota Bima.")
    doc = Document(text)
    assert [text[a:b] for a, b in doc.sentences()] == [
        "Ketiga kepala daerah itu adalah Bupati Sleman Dra. Hj. Kustini Sri Purnomo, Bupati Bantul H. Abdul Halim "
        "Muslih, S.Pd. dan M. Ridwan Kamil.", "Ketiganya hadir.", "Juara I.", "Kota Bima."]


def test_a_given_name_written_short_ends_no_sentence():
    text = "Mereka didampingi Wali Kota Malang Moch. Anton dan Muh. Ilham. Keduanya hadir."
    doc = Document(text)
    assert [text[a:b] for a, b in doc.sentences()] == [
        "Mereka didampingi Wali Kota Malang Moch. Anton dan Muh. Ilham.", "Keduanya hadir."]


def test_the_bulleted_stories_under_a_related_stories_line_are_noise():
    text = ("Kota Bima meraih Adipura.\nBERITA TERKAIT\n- Kota Lain Kelola Sampah Secara Mandiri\n"
            "- Bupati Resmikan Pasar\nWali Kota Bima mengucapkan terima kasih.\n- Juara I: Kota Bima")
    doc = Document(text)
    noisy = [ln.text for ln in doc.lines if ln.noise]
    assert noisy == ["BERITA TERKAIT", "- Kota Lain Kelola Sampah Secara Mandiri", "- Bupati Resmikan Pasar"]


def test_a_joint_credit_line_is_noise_and_so_are_the_stories_bulleted_under_it():
    text = ("Kota Bima meraih Adipura.\nRedaktur & Reporter : Budi Santoso\n- Polres Maju Bagikan Takjil Gratis\n"
            "- Pemerintah Menegaskan Tata Kelola Limbah")
    noisy = [ln.text for ln in Document(text).lines if ln.noise]
    assert noisy == ["Redaktur & Reporter : Budi Santoso", "- Polres Maju Bagikan Takjil Gratis",
                     "- Pemerintah Menegaskan Tata Kelola Limbah"]


def test_a_byline_of_name_and_outlet_is_noise_and_a_dateline_that_opens_prose_is_not():
    text = ("Djarot Dapat Penghargaan\nBudi Santoso - detikNews\nLaporan Wartawan Tribun, Sri Wahyuni\n"
            "JAKARTA, KOMPAS.com - Kota Bima meraih Adipura.\nAgus - Wali Kota Bima")
    noisy = [ln.text for ln in Document(text).lines if ln.noise]
    assert noisy == ["Budi Santoso - detikNews", "Laporan Wartawan Tribun, Sri Wahyuni"]


def test_the_dateline_that_opens_the_body_ends_at_its_dash():
    body = "Provinsi Jawa Barat, Kabupaten Lebak dan Kota Serang memperoleh predikat A dalam evaluasi tahun ini."
    for head in ("Batam (ANTARA) - ", "JAKARTA, KOMPAS.com – ", "Kupang - "):
        doc = Document(head + body)
        assert doc.dateline is not None and doc.text[doc.dateline[1]:].startswith("Provinsi Jawa Barat")
        assert doc.text[doc.dateline[0]:doc.dateline[1]] == head
    assert Document(body).dateline is None
