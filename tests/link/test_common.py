"""Helpers the field linkers share: how an award's name reaches the record."""
from __future__ import annotations

from extractor.evaluation.score import similar
from extractor.link.common import award_name


def test_a_known_awards_bare_acronym_is_spelt_out_and_kept():
    assert award_name("IGA 2024") == "Innovative Government Award (IGA) 2024"
    assert award_name("Penghargaan IGA Award tahun 2025") == "Innovative Government Award (IGA) tahun 2025"
    # either way an annotator names it, the record matches
    for gold in ("Innovative Government Award 2024", "IGA 2024"):
        assert similar(award_name("IGA 2024"), gold)


def test_other_names_stay_as_written():
    assert award_name(" Piala Adipura 2024, ") == "Piala Adipura 2024"
    assert award_name("IGA Kota Bekasi") == "IGA Kota Bekasi"  # more than the acronym: the writer's name for it
    assert award_name("iga") == "iga"  # an acronym is written in capitals
    # a known award named by its acronym is spelt out even where the lexicon's name holds the acronym
    assert award_name("STBM Award") == "Sanitasi Total Berbasis Masyarakat (STBM)"
    for gold in ("STBM Award", "Sanitasi Total Berbasis Masyarakat"):
        assert similar(award_name("STBM Award"), gold)


def test_spans_of_one_award_are_told_apart_from_another_award():
    from extractor.link.common import same_award

    assert same_award("Penghargaan Cakra Wibawa", "Cakra Wibawa")  # heads and years name no award
    assert same_award("Anugerah Lensa Bahari (ALB) 2023", "ALB 2023")  # the short form written in brackets
    assert same_award("Proper Hijau", "Program Penilaian Peringkat Kinerja Perusahaan")  # one known award
    assert not same_award("Parasamya Purnakarya Nugraha", "Satyalancana Karyabhakti Praja Nugraha")
    assert not same_award("Tahun 2024", "Penghargaan 2024")  # no name at all: joined to none
    # two known awards that share a word (`Indonesia`) are two awards, however written
    assert not same_award("Anugerah Pesona Indonesia (API) 2025", "Anugerah Desa Wisata Indonesia (ADWI) 2025")
    assert not same_award("API 2025", "Anugerah Desa Wisata Indonesia")
    assert not same_award("Indonesia Green Awards 2024", "Indonesia CSR Awards 2024")  # one word of two: not enough
    assert same_award("Anugerah Kota Layak Anak", "Penghargaan Kabupaten/Kota Layak Anak")  # all of one's words


def test_a_known_awards_bare_long_form_gets_its_acronym():
    assert award_name("Program Penilaian Peringkat Kinerja Perusahaan") == (
        "Program Penilaian Peringkat Kinerja Perusahaan (PROPER)")
    assert award_name("Penghargaan Wahana Tata Nugraha 2024") == "Penghargaan Wahana Tata Nugraha (WTN) 2024"
    for gold in ("PROPER", "Program Penilaian Peringkat Kinerja Perusahaan"):  # either way an annotator names it
        assert similar(award_name("Program Penilaian Peringkat Kinerja Perusahaan"), gold)
    assert award_name("Penghargaan Adipura") == "Penghargaan Adipura"  # a known award without an acronym


def test_a_name_that_only_writes_known_awards_is_told_from_one_with_a_grade():
    from extractor.link.common import only_known

    assert only_known("Kompetisi Inovasi Pelayanan Publik (KIPP)")
    assert only_known("opini WTP 2023")
    assert not only_known("Proper Emas") and not only_known("Adipura Kencana")  # a grade is more than the award
    assert not only_known("TPID Terbaik")  # no known award at all


def test_pairs_joined_transitively_make_one_group():
    from extractor.link.common import join_pairs

    # 0~2 and 2~3 join 0, 2 and 3 though 0 and 3 were never compared as alike; 1 stays alone
    alike = {(2, 0), (3, 2)}
    group = join_pairs(4, lambda i, j: (i, j) in alike)
    assert group[0] == group[2] == group[3] != group[1]
    assert join_pairs(0, lambda i, j: True) == []


def test_a_category_that_only_repeats_the_award_is_none():
    from extractor.link.common import repeats_award

    assert repeats_award("WTP", "Wajar Tanpa Pengecualian (WTP)")  # its bracketed short form
    assert repeats_award("bidang CSR", "Top CSR Awards 2024")  # a field its name holds
    assert not repeats_award("bidang Kemiskinan", "Top CSR Awards 2024")
    # one known award, named two ways
    assert repeats_award("Kompetisi Inovasi Pelayanan Publik (KIPP)", "Top 40 Inovasi Pelayanan Publik 2018")
    assert not repeats_award("Emas", "Proper 2023") and not repeats_award("Proper Emas", "Proper 2023")  # a grade stays
    assert not repeats_award("Kencana", "Adipura Kencana")  # a grade is no field: it stays the category
    # a grade word of the known award's own name is the name, not a grade: `Manggala Karya Kencana`, not Adipura's
    assert repeats_award("Kencana", "Manggala Karya Kencana (MKK)") and repeats_award("Kencana", "MKK 2018")
    assert not repeats_award("Utama", "Manggala Karya Kencana (MKK)")
    assert not repeats_award("kabupaten/kota", "Penghargaan Kabupaten/Kota Layak Anak (KLA)")  # a kind, no grade
    # the award's own words, whatever joins them, are no category of it; a part of them may be
    assert repeats_award("Sekolah Ramah Lingkungan Hidup", "Sekolah Ramah dan Lingkungan Hidup")
    assert not repeats_award("Sekolah Ramah", "Sekolah Ramah dan Lingkungan Hidup")


def test_a_category_that_opens_the_award_s_name_is_cut_off_it_or_is_none():
    from extractor.link.common import head_category

    # the name took the category in: the rest, with an award's tail, is the award
    assert head_category("Penggerak Daerah Terpencil", "Penggerak Daerah Terpencil Mandaya Award 2025") == (
        "Penggerak Daerah Terpencil", "Mandaya Award 2025")
    assert head_category("The Best", "The Best Indonesia Green Awards 2017") == ("The Best", "Indonesia Green Awards 2017")
    # a piece of the name without a head or tail after it: no category, the award as written
    assert head_category("Top 99", "Top 99 Inovasi Pelayanan Publik Tahun 2019") == (
        None, "Top 99 Inovasi Pelayanan Publik Tahun 2019")
    # a category elsewhere in the name, the whole name, or not in it at all: unchanged
    assert head_category("Kencana", "Adipura Kencana") == ("Kencana", "Adipura Kencana")
    assert head_category("Kota Terinovatif", "Kota Terinovatif") == ("Kota Terinovatif", "Kota Terinovatif")
    assert head_category("Madya", "Anugerah Keterbukaan Informasi Publik") == ("Madya", "Anugerah Keterbukaan Informasi Publik")
    assert head_category("Top", "Topografi Award") == ("Top", "Topografi Award")  # whole words only


def test_an_acronym_the_article_glosses_as_another_award_is_not_spelt_out():
    from extractor.link.common import award_name
    from extractor.rules.awards import redefined

    text = "PT X meraih Indonesia Green Awards (IGA) 2019. IGA Awards 2019 diberikan kepada perusahaan hijau."
    assert redefined(text) == {"IGA"}
    assert award_name("IGA Awards 2019", redefined(text)) == "IGA Awards 2019"
    assert award_name("IGA Awards 2019") == "Innovative Government Award (IGA) 2019"


def test_clean_takes_off_a_pair_of_single_quotes_but_not_one_that_opens_a_name():
    from extractor.link.common import clean

    assert clean(" 'Feature' ,") == "Feature"
    assert clean("‘Desa Digital’") == "Desa Digital"
    assert clean("'Aisyiyah") == "'Aisyiyah"
    assert clean("“Jempol Jago”.") == "Jempol Jago"
    assert clean("Kodim 0115/") == "Kodim 0115" and clean("Kab/Kota") == "Kab/Kota"  # a cut edge; an inner slash stays


def test_clean_takes_off_a_list_join_cut_with_the_value_but_not_one_inside_it():
    from extractor.link.common import clean

    assert clean("PT Sinar Abadi dan") == "PT Sinar Abadi" and clean("Brand Inovatif dan") == "Brand Inovatif"
    assert clean("dan Kota Batu") == "Kota Batu" and clean("Kota Batu serta ") == "Kota Batu"
    assert clean("Kesehatan dan Lingkungan") == "Kesehatan dan Lingkungan"  # inside a value: its own words
    assert clean("Abdan") == "Abdan" and clean("Dandi Wijaya") == "Dandi Wijaya"  # whole words only


def test_a_quoted_category_after_its_label_loses_the_quotes():
    from extractor.link.common import category_value

    assert category_value("kategori 'Feature'") == "Feature"
    assert category_value("Kategori “Kota Sedang”") == "Kota Sedang"


def test_a_failing_grade_is_known_with_its_label_and_its_awards_words():
    from extractor.link.common import failing_grade

    assert failing_grade("C", "SAKIP 2024") and failing_grade("predikat CC", "SAKIP")
    assert failing_grade("PROPER Hitam", "Program Penilaian Peringkat Kinerja Perusahaan (PROPER)")
    assert not failing_grade("BB", "SAKIP") and not failing_grade("Kota C", "Adipura") and not failing_grade(None, "X")
    assert not failing_grade("Merah Putih", "Rekor MURI")


def test_a_contest_and_an_award_that_share_a_word_are_two():
    from extractor.link.common import same_award

    assert not same_award("Penghargaan K3", "Lomba Inovasi K3 2024")
    assert same_award("Lomba Inovasi K3", "Lomba Inovasi K3 2024")
    assert same_award("Musabaqah Tilawatil Quran (MTQ)", "MTQ ke-40")  # the short form still joins them
