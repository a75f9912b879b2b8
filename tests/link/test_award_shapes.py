"""Award entries from lists, categories and rankings: the shapes real articles use, on invented articles.

The spans come from a fake tagger (what a good tagger finds), the decisions from
the shipped learned linker (`models/default/linker.json`); each test states the
full entries: winner, category, rank and award.
"""
from __future__ import annotations

import pytest

from extractor import Extractor
from extractor.core.resources import default_model_dir

from ..conftest import FakeTagger


@pytest.fixture(scope="module")
def linker():
    from extractor.link.learned import AwardLinker

    folder = default_model_dir()
    found = AwardLinker.load(folder) if folder else None
    if found is None:
        pytest.skip("no shipped model with a learned linker (linker.json)")
    return found


def entries(linker, text, marks):
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    return [(a.recipient, a.category, a.rank, a.award) for a in rec.awards]


def with_award_rules(linker, text, marks):
    """The award entries when the award rules tag beside the fake tagger (the categories come from the rules)."""
    from extractor.rules.awards import AwardTagger

    return Extractor([FakeTagger(marks), AwardTagger()], "fake", linker).extract(text).awards


def test_categories_as_lead_ins_each_winner_its_own(linker):
    text = ("Jakarta - Kementerian Dalam Negeri mengumumkan pemenang Innovative Government Award 2024. "
            "Kategori Kota Terinovatif diraih Kota Ternate, Kota Bima dan Kota Tidore. "
            "Selanjutnya Kategori Daerah Perbatasan diberikan kepada Kabupaten Mimika dan Kabupaten Nunukan.")
    marks = [("Jakarta", "LOC"), ("Kementerian Dalam Negeri", "ORG"), ("Innovative Government Award 2024", "AWARD"),
             ("Kategori Kota Terinovatif", "CAT"), ("Kota Ternate", "LOC"), ("Kota Bima", "LOC"), ("Kota Tidore", "LOC"),
             ("Kategori Daerah Perbatasan", "CAT"), ("Kabupaten Mimika", "LOC"), ("Kabupaten Nunukan", "LOC")]
    award = "Innovative Government Award (IGA) 2024"  # the long form of a known award keeps its acronym beside it
    assert entries(linker, text, marks) == [
        ("Kota Ternate", "Kota Terinovatif", None, award), ("Kota Bima", "Kota Terinovatif", None, award),
        ("Kota Tidore", "Kota Terinovatif", None, award),
        ("Kabupaten Mimika", "Daerah Perbatasan", None, award),
        ("Kabupaten Nunukan", "Daerah Perbatasan", None, award)]


def test_numbered_list_under_a_ranking_heading(linker):
    text = ("Hasil penilaian Anugerah Desa Wisata 2024 diumumkan Kementerian Pariwisata di Jakarta.\n"
            "Peringkat Kategori Desa Rintisan:\n1. Desa Sukamaju\n2. Desa Sukajadi\n3. Desa Mekarsari\n")
    marks = [("Anugerah Desa Wisata 2024", "AWARD"), ("Kementerian Pariwisata", "ORG"), ("Jakarta", "LOC"),
             ("Kategori Desa Rintisan", "CAT"), ("Desa Sukamaju", "LOC"), ("Desa Sukajadi", "LOC"), ("Desa Mekarsari", "LOC")]
    award = "Anugerah Desa Wisata 2024"
    assert entries(linker, text, marks) == [("Desa Sukamaju", "Desa Rintisan", 1, award),
                                            ("Desa Sukajadi", "Desa Rintisan", 2, award),
                                            ("Desa Mekarsari", "Desa Rintisan", 3, award)]


def test_ranks_written_as_order(linker):
    text = ("Pada Lomba Kampung Bersih 2023 tingkat provinsi, Juara I diraih Kota Bima, "
            "disusul Kabupaten Dompu dan Kabupaten Sumbawa. Hadiah diserahkan Gubernur Rudi Hartono.")
    marks = [("Lomba Kampung Bersih 2023", "AWARD"), ("Juara I", "RANK"), ("Kota Bima", "LOC"), ("Kabupaten Dompu", "LOC"),
             ("Kabupaten Sumbawa", "LOC"), ("Gubernur", "TITLE"), ("Rudi Hartono", "PER")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kota Bima", 1), ("Kabupaten Dompu", 2), ("Kabupaten Sumbawa", 3)]


def test_a_place_won_with_an_active_verb_is_its_subject_s_not_the_next_name_s(linker):
    # `peringkat pertama` stands right before Kabupaten Bantul, but Kabupaten Sleman `meraih` it
    text = ("Sleman - Tiga daerah menerima Penghargaan Pembangunan Daerah 2024 dari Bappenas. Kabupaten Sleman meraih "
            "peringkat pertama, Kabupaten Bantul meraih peringkat kedua dan Kota Magelang meraih peringkat ketiga.")
    marks = [("Sleman", "LOC"), ("Penghargaan Pembangunan Daerah 2024", "AWARD"), ("Bappenas", "ORG"),
             ("Kabupaten Sleman", "LOC"), ("peringkat pertama", "RANK"), ("Kabupaten Bantul", "LOC"),
             ("peringkat kedua", "RANK"), ("Kota Magelang", "LOC"), ("peringkat ketiga", "RANK")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kabupaten Sleman", 1), ("Kabupaten Bantul", 2), ("Kota Magelang", 3)]


def test_a_place_won_by_a_name_with_its_province_after_it_is_that_name_s(linker):
    text = ("Koperasi Sumbar Raih Penghargaan Koperasi Berprestasi 2023\nPadang - Kementerian Koperasi menyerahkan "
            "Penghargaan Koperasi Berprestasi 2023 di Jakarta. Koperasi Sejahtera Bersama meraih peringkat pertama, "
            "dan KUD Tani Makmur, Riau meraih tempat kedua.")
    marks = [("Penghargaan Koperasi Berprestasi 2023", "AWARD"), ("Padang", "LOC"), ("Kementerian Koperasi", "ORG"),
             ("Penghargaan Koperasi Berprestasi 2023", "AWARD"), ("Jakarta", "LOC"), ("Koperasi Sejahtera Bersama", "ORG"),
             ("peringkat pertama", "RANK"), ("KUD Tani Makmur", "ORG"), ("Riau", "LOC"), ("tempat kedua", "RANK")]
    award = "Penghargaan Koperasi Berprestasi 2023"
    assert entries(linker, text, marks) == [("Koperasi Sejahtera Bersama", None, 1, award), ("KUD Tani Makmur", None, 2, award)]


def test_a_category_won_with_an_active_verb_is_its_subjects_not_the_next_name_s(linker):
    # `kategori Utama` stands right before Kabupaten Jember, but Malang and Surabaya `meraih` it
    text = ("Pemprov Jatim Borong Anugerah Parahita Ekapraya\nSURABAYA - Pemerintah Provinsi Jawa Timur meraih "
            "Anugerah Parahita Ekapraya (APE) 2023 kategori Mentor dari Kementerian PPPA. Sementara itu, Kabupaten "
            "Malang dan Kota Surabaya meraih APE kategori Utama, sedangkan Kabupaten Jember meraih kategori Madya.")
    marks = [("Anugerah Parahita Ekapraya", "AWARD"), ("SURABAYA", "LOC"), ("Pemerintah Provinsi Jawa Timur", "ORG"),
             ("Anugerah Parahita Ekapraya (APE) 2023", "AWARD"), ("kategori Mentor", "CAT"), ("Kementerian PPPA", "ORG"),
             ("Kabupaten Malang", "LOC"), ("Kota Surabaya", "LOC"), ("APE", "AWARD"), ("kategori Utama", "CAT"),
             ("Kabupaten Jember", "LOC"), ("kategori Madya", "CAT")]
    award = "Anugerah Parahita Ekapraya (APE) 2023"
    assert entries(linker, text, marks) == [
        ("Pemerintah Provinsi Jawa Timur", "Mentor", None, award), ("Kabupaten Malang", "Utama", None, award),
        ("Kota Surabaya", "Utama", None, award), ("Kabupaten Jember", "Madya", None, award)]


def test_a_grade_won_inside_the_award_s_name_is_the_subject_s(linker):
    # `meraih Adipura Kencana`: the grade the rules find inside the award's name is what Kota Bandung took
    text = ("Kota Bandung Raih Adipura Kencana\nBANDUNG - Kota Bandung kembali menerima penghargaan dari Kementerian "
            "Lingkungan Hidup di Jakarta. Untuk kategori kota besar, Kota Bandung meraih Adipura Kencana.")
    marks = [("BANDUNG", "LOC"), ("Kota Bandung", "LOC"), ("Kementerian Lingkungan Hidup", "ORG"), ("Jakarta", "LOC"),
             ("Kota Bandung", "LOC")]
    got = [(a.recipient, a.category, a.rank) for a in with_award_rules(linker, text, marks)]
    assert got == [("Kota Bandung", "Kencana", None)]


def test_a_place_won_by_a_doubted_mention_of_a_winner_is_the_winner_s(linker):
    # the winner model doubts `SMAN 1 Kendari` after `Tim Cahaya dari`, but that mention took the first place
    text = ("Siswa SMAN 1 Kendari Juara Olimpiade Sains Nasional\nKENDARI - Tim Cahaya dari SMAN 1 Kendari meraih juara "
            "pertama Olimpiade Sains Nasional (OSN) 2024. Juara kedua diraih SMAN 3 Makassar dan juara ketiga SMA "
            "Negeri 2 Palu.\nKepala SMAN 1 Kendari La Ode Ahmad mengapresiasi prestasi siswanya.")
    marks = [("SMAN 1 Kendari", "ORG"), ("Olimpiade Sains Nasional", "AWARD"), ("KENDARI", "LOC"), ("Tim Cahaya", "ORG"),
             ("SMAN 1 Kendari", "ORG"), ("juara pertama", "RANK"), ("Olimpiade Sains Nasional (OSN) 2024", "AWARD"),
             ("Juara kedua", "RANK"), ("SMAN 3 Makassar", "ORG"), ("juara ketiga", "RANK"), ("SMA Negeri 2 Palu", "ORG"),
             ("SMAN 1 Kendari", "ORG"), ("La Ode Ahmad", "PER")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("SMAN 1 Kendari", 1), ("SMAN 3 Makassar", 2), ("SMA Negeri 2 Palu", 3)]


def test_a_place_written_before_its_name_with_a_copula_is_that_name_s(linker):
    text = ("Dinas Pendidikan menggelar Lomba Sekolah Sehat 2019. Pada jenjang SMP, peraih juara pertama adalah "
            "SMPN 26 Sukamaju, juara kedua SMPN 41 Sukamaju, dan juara ketiga adalah SMP Tunas Bangsa.")
    marks = [("Dinas Pendidikan", "ORG"), ("Lomba Sekolah Sehat 2019", "AWARD"), ("juara pertama", "RANK"),
             ("SMPN 26 Sukamaju", "ORG"), ("juara kedua", "RANK"), ("SMPN 41 Sukamaju", "ORG"), ("juara ketiga", "RANK"),
             ("SMP Tunas Bangsa", "ORG")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    # `juara pertama adalah A`: the first place is A's, not the second written right after A
    assert got == [("SMPN 26 Sukamaju", 1), ("SMPN 41 Sukamaju", 2), ("SMP Tunas Bangsa", 3)]


def test_places_listed_before_masing_masing_go_to_their_names_not_to_a_place_claimed_after(linker):
    text = ("Kementerian Pariwisata mengumumkan pemenang Anugerah Desa Wisata 2023. Peringkat kedua dan ketiga "
            "masing-masing ditempati Kabupaten Sukamaju dan Kabupaten Jaya, sedangkan peringkat pertama diraih "
            "Kabupaten Lestari.")
    marks = [("Kementerian Pariwisata", "ORG"), ("Anugerah Desa Wisata 2023", "AWARD"), ("Peringkat kedua", "RANK"),
             ("Kabupaten Sukamaju", "LOC"), ("Kabupaten Jaya", "LOC"), ("peringkat pertama", "RANK"),
             ("Kabupaten Lestari", "LOC")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    # `peringkat pertama diraih C` is C's: the enumeration takes the places written before it, in turn
    assert got == [("Kabupaten Sukamaju", 2), ("Kabupaten Jaya", 3), ("Kabupaten Lestari", 1)]


def test_a_region_written_after_a_village_is_where_it_lies_not_a_winner(linker):
    text = ("Kementerian Pariwisata mengumumkan Anugerah Desa Wisata 2023. Juara pertama diraih Desa Wisata Sukamaju, "
            "Kabupaten Bima, dan juara kedua diraih Desa Wisata Mekar, Kabupaten Sumbawa, dan juara ketiga diraih "
            "Desa Wisata Tanjung, Kabupaten Lombok Utara.")
    marks = [("Kementerian Pariwisata", "ORG"), ("Anugerah Desa Wisata 2023", "AWARD"), ("Juara pertama", "RANK"),
             ("Desa Wisata Sukamaju", "LOC"), ("Kabupaten Bima", "LOC"), ("juara kedua", "RANK"),
             ("Desa Wisata Mekar", "LOC"), ("Kabupaten Sumbawa", "LOC"), ("juara ketiga", "RANK"),
             ("Desa Wisata Tanjung", "LOC"), ("Kabupaten Lombok Utara", "LOC")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Desa Wisata Sukamaju", 1), ("Desa Wisata Mekar", 2), ("Desa Wisata Tanjung", 3)]


def test_a_region_in_brackets_after_a_person_is_where_they_are_from(linker):
    text = ("Kementerian Lingkungan Hidup menyerahkan Penghargaan Kalpataru 2023. Kategori perintis lingkungan "
            "diraih Hari Wibowo (Kabupaten Dompu). Kategori pengabdi lingkungan diraih Siti Aminah (Kota Bima), "
            "sedangkan kategori penyelamat lingkungan diraih Kelompok Tani Lestari (Kabupaten Lombok Timur).")
    marks = [("Kementerian Lingkungan Hidup", "ORG"), ("Penghargaan Kalpataru 2023", "AWARD"),
             ("Kategori perintis lingkungan", "CAT"), ("Hari Wibowo", "PER"), ("Kabupaten Dompu", "LOC"),
             ("Kategori pengabdi lingkungan", "CAT"), ("Siti Aminah", "PER"), ("Kota Bima", "LOC"),
             ("kategori penyelamat lingkungan", "CAT"), ("Kelompok Tani Lestari", "ORG"), ("Kabupaten Lombok Timur", "LOC")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Hari Wibowo", "perintis lingkungan"), ("Siti Aminah", "pengabdi lingkungan"),
                   ("Kelompok Tani Lestari", "penyelamat lingkungan")]


def test_a_unit_wins_not_the_company_named_as_its_owner(linker):
    text = ("Kementerian Perindustrian memberikan Penghargaan Industri Hijau 2023. Salah satu penerima adalah Pabrik "
            "Cikampek milik PT Sumber Makmur Tbk yang meraih Level 5. Penghargaan juga diraih Pabrik Tuban "
            "(PT Semen Jaya) dan Pabrik Rembang (PT Semen Maju).")
    marks = [("Kementerian Perindustrian", "ORG"), ("Penghargaan Industri Hijau 2023", "AWARD"),
             ("Pabrik Cikampek", "ORG"), ("PT Sumber Makmur Tbk", "ORG"), ("Pabrik Tuban", "ORG"),
             ("PT Semen Jaya", "ORG"), ("Pabrik Rembang", "ORG"), ("PT Semen Maju", "ORG")]
    got = [r for r, _c, _rank, _a in entries(linker, text, marks)]
    assert got == ["Pabrik Cikampek", "Pabrik Tuban", "Pabrik Rembang"]


def test_the_grade_a_unit_s_owner_takes_is_the_unit_s(linker):
    text = ("Kementerian Perindustrian memberikan Penghargaan Industri Hijau 2025. Dari Jawa Tengah, Pabrik Cilacap "
            "milik PT Solusi Bangun meraih level 5, sementara Pabrik Rembang milik PT Semen Gresik meraih level 4.")
    marks = [("Kementerian Perindustrian", "ORG"), ("Penghargaan Industri Hijau 2025", "AWARD"), ("Jawa Tengah", "LOC"),
             ("Pabrik Cilacap", "ORG"), ("PT Solusi Bangun", "ORG"), ("level 5", "CAT"), ("Pabrik Rembang", "ORG"),
             ("PT Semen Gresik", "ORG"), ("level 4", "CAT")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Pabrik Cilacap", "level 5"), ("Pabrik Rembang", "level 4")]


def test_a_lower_case_word_the_tagger_took_for_a_name_neither_wins_nor_hides_the_name_after_it(linker):
    text = ("Pekan Olahraga Pelajar Nasional 2023 resmi ditutup Menteri Pemuda dan Olahraga di Jakarta. Juara umum "
            "diraih kontingen Jawa Tengah, juara dua DKI Jakarta dan juara tiga Jawa Timur.")
    marks = [("Pekan Olahraga Pelajar Nasional 2023", "AWARD"), ("Jakarta", "LOC"), ("Juara umum", "RANK"),
             ("kontingen", "ORG"), ("Jawa Tengah", "LOC"), ("juara dua", "RANK"), ("DKI Jakarta", "LOC"),
             ("juara tiga", "RANK"), ("Jawa Timur", "LOC")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    # `diraih kontingen Jawa Tengah`: the overall title is Jawa Tengah's, not the second place written after it
    assert got == [("Jawa Tengah", 1), ("DKI Jakarta", 2), ("Jawa Timur", 3)]


def test_a_plain_numbered_list_under_a_title_has_no_ranks(linker):
    text = ("Sejumlah pimpinan perusahaan menerima penghargaan Green Leadership 2023 dari Kementerian Lingkungan Hidup.\n"
            "Juara Green Leadership Utama diterima oleh:\n1. Budi Santoso, Direktur Utama PT Sinar Abadi\n"
            "2. Rina Kartika, Direktur Utama PT Maju Jaya\n")
    marks = [("Green Leadership 2023", "AWARD"), ("Kementerian Lingkungan Hidup", "ORG"), ("Utama", "CAT"),
             ("Budi Santoso", "PER"), ("Direktur Utama", "TITLE"), ("PT Sinar Abadi", "ORG"), ("Rina Kartika", "PER"),
             ("Direktur Utama", "TITLE"), ("PT Maju Jaya", "ORG")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Budi Santoso", None), ("Rina Kartika", None)]


def test_each_takes_its_rank_from_masing_masing(linker):
    text = ("Dalam Festival Inovasi Daerah 2024, Kabupaten Sleman, Kota Magelang dan Kabupaten Klaten "
            "masing-masing meraih juara I, II dan III.")
    marks = [("Festival Inovasi Daerah 2024", "AWARD"), ("Kabupaten Sleman", "LOC"), ("Kota Magelang", "LOC"),
             ("Kabupaten Klaten", "LOC"), ("juara I", "RANK")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kabupaten Sleman", 1), ("Kota Magelang", 2), ("Kabupaten Klaten", 3)]


def test_predicates_shared_by_a_group(linker):
    text = ("Kementerian Kesehatan menyerahkan penghargaan Swasti Saba 2023. Predikat Wistara diraih Kota Madiun dan "
            "Kota Blitar, sedangkan predikat Wiwerda diraih Kabupaten Ngawi.")
    marks = [("Kementerian Kesehatan", "ORG"), ("Swasti Saba 2023", "AWARD"), ("Predikat Wistara", "CAT"),
             ("Kota Madiun", "LOC"), ("Kota Blitar", "LOC"), ("predikat Wiwerda", "CAT"), ("Kabupaten Ngawi", "LOC")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Kota Madiun", "Wistara"), ("Kota Blitar", "Wistara"),
                   ("Kabupaten Ngawi", "Wiwerda")]


def test_persons_and_units_win_too(linker):
    text = ("Penghargaan Kalpataru 2022 kategori Perintis Lingkungan diberikan kepada Hari Wibowo dari Kabupaten Dompu. "
            "Kategori Penyelamat Lingkungan diraih Kelompok Tani Maju Jaya.")
    marks = [("Penghargaan Kalpataru 2022", "AWARD"), ("kategori Perintis Lingkungan", "CAT"), ("Hari Wibowo", "PER"),
             ("Kabupaten Dompu", "LOC"), ("Kategori Penyelamat Lingkungan", "CAT"), ("Kelompok Tani Maju Jaya", "ORG")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Hari Wibowo", "Perintis Lingkungan"), ("Kelompok Tani Maju Jaya", "Penyelamat Lingkungan")]


def test_an_article_without_a_win_has_no_entries(linker):
    text = ("Bupati Sleman Rina Kartika meresmikan gedung baru Dinas Kesehatan Kabupaten Sleman, Senin (3/6/2024). "
            "Pembangunan gedung menghabiskan anggaran Rp 12 miliar dari APBD.")
    marks = [("Bupati Sleman", "TITLE"), ("Rina Kartika", "PER"), ("Dinas Kesehatan Kabupaten Sleman", "ORG"),
             ("Senin (3/6/2024)", "DATE")]
    assert entries(linker, text, marks) == []


def test_a_further_category_opens_an_entry_only_as_sure_as_split(linker):
    import copy

    text = ("Universitas Nusantara meraih penghargaan Anugerah Kampus Unggul 2024 kategori Kampus Hijau. "
            "Dalam ajang yang sama, Universitas Nusantara juga meraih kategori Kampus Digital.")
    marks = [("Universitas Nusantara", "ORG"), ("Anugerah Kampus Unggul 2024", "AWARD"), ("kategori Kampus Hijau", "CAT"),
             ("Universitas Nusantara", "ORG"), ("kategori Kampus Digital", "CAT")]
    award = "Anugerah Kampus Unggul 2024"
    sure = copy.deepcopy(linker)
    sure.thresholds["split"] = 0.0  # as sure as the category threshold: each category its own entry
    assert entries(sure, text, marks) == [("Universitas Nusantara", "Kampus Hijau", None, award),
                                          ("Universitas Nusantara", "Kampus Digital", None, award)]
    unsure = copy.deepcopy(linker)
    unsure.thresholds["split"] = 1.0  # no category is that sure: the winner keeps one entry, its first category
    assert entries(unsure, text, marks) == [("Universitas Nusantara", "Kampus Hijau", None, award)]


def test_the_short_name_of_the_award_is_no_category(linker):
    text = ("Kabupaten Lebak kembali meraih predikat Wajar Tanpa Pengecualian (WTP) dari BPK. "
            "Opini WTP itu diserahkan Kepala BPK Perwakilan Banten di Serang.")
    marks = [("Kabupaten Lebak", "LOC"), ("Wajar Tanpa Pengecualian (WTP)", "AWARD"), ("BPK", "ORG"), ("WTP", "CAT"),
             ("BPK Perwakilan Banten", "ORG"), ("Serang", "LOC")]
    got = entries(linker, text, marks)
    assert [(r, c) for r, c, _rank, _award in got] == [("Kabupaten Lebak", None)]


def test_a_field_the_award_name_holds_is_no_category(linker):
    text = ("PT Sumber Makmur meraih Top CSR Awards 2024 di Jakarta. Top CSR Awards adalah penghargaan bidang CSR "
            "bagi perusahaan. Tahun lalu PT Sumber Makmur juga meraih penghargaan bidang Kemiskinan.")
    marks = [("PT Sumber Makmur", "ORG"), ("Top CSR Awards 2024", "AWARD"), ("Jakarta", "LOC"), ("Top CSR Awards", "AWARD"),
             ("bidang CSR", "CAT"), ("PT Sumber Makmur", "ORG"), ("bidang Kemiskinan", "CAT")]
    got = entries(linker, text, marks)
    assert got and all(c != "bidang CSR" for _r, c, _rank, _award in got)


def _role_entries(linker, text, marks, roles):
    """Entries when the rule's role spans (`sebagai X`) come beside the tagger's spans."""
    taggers = [FakeTagger(marks), FakeTagger([(r, "CAT") for r in roles], source="rules.awards.v1.role")]
    rec = Extractor(taggers, "fake", linker).extract(text)
    return [(a.recipient, a.category, a.rank, a.award) for a in rec.awards]


def test_each_winner_named_as_its_own_category(linker):
    text = ("Penghargaan Anugerah Inflasi 2024 diraih Provinsi Maju sebagai TPID Terbaik. Sementara itu Kabupaten "
            "Sentosa meraih penghargaan sebagai TPID Berprestasi.")
    marks = [("Anugerah Inflasi 2024", "AWARD"), ("Provinsi Maju", "LOC"), ("Kabupaten Sentosa", "LOC")]
    award = "Anugerah Inflasi 2024"
    assert _role_entries(linker, text, marks, ["TPID Terbaik", "TPID Berprestasi"]) == [
        ("Provinsi Maju", "TPID Terbaik", None, award), ("Kabupaten Sentosa", "TPID Berprestasi", None, award)]


def test_a_heading_leads_what_follows_it_not_what_came_before(linker):
    text = ("Penganugerahan Kota Layak Anak 2023 diberikan kepada:\n"
            "Kabupaten Sukamaju, Kota Sukajadi, Kabupaten Mekarsari.\n"
            "2. Kategori Madya\n"
            "Penganugerahan Kota Layak Anak 2023 kategori Madya diberikan kepada:\n"
            "Kota Damai, Kabupaten Sentosa, Kota Lestari.\n")
    marks = [("Kota Layak Anak 2023", "AWARD"), ("Kabupaten Sukamaju", "LOC"), ("Kota Sukajadi", "LOC"),
             ("Kabupaten Mekarsari", "LOC"), ("Kategori Madya", "CAT"), ("Kota Layak Anak 2023", "AWARD"),
             ("kategori Madya", "CAT"), ("Kota Damai", "LOC"), ("Kabupaten Sentosa", "LOC"), ("Kota Lestari", "LOC")]
    got = {(r, c) for r, c, _, _ in entries(linker, text, marks)}
    assert got == {("Kabupaten Sukamaju", None), ("Kota Sukajadi", None), ("Kabupaten Mekarsari", None),
                   ("Kota Damai", "Madya"), ("Kabupaten Sentosa", "Madya"), ("Kota Lestari", "Madya")}


def test_a_class_led_in_by_untuk_goes_to_the_winners_after_it(linker):
    text = ("Jakarta - Asosiasi Kota Cerdas mengumumkan Rating Kota Cerdas 2024. Kota Sukamaju dinobatkan sebagai "
            "kota besar paling cerdas. Sementara untuk kota kecil berurutan, Kota Bima, Kota Tual dan Kota Bontang.")
    marks = [("Jakarta", "LOC"), ("Asosiasi Kota Cerdas", "ORG"), ("Rating Kota Cerdas 2024", "AWARD"),
             ("Kota Sukamaju", "LOC"), ("Kota Bima", "LOC"), ("Kota Tual", "LOC"), ("Kota Bontang", "LOC")]
    got = {a.recipient: a.category for a in with_award_rules(linker, text, marks)}
    assert {k: got.get(k) for k in ("Kota Bima", "Kota Tual", "Kota Bontang")} == {
        "Kota Bima": "kota kecil", "Kota Tual": "kota kecil", "Kota Bontang": "kota kecil"}


def test_one_winner_of_several_listed_categories_gets_an_entry_for_each(linker):
    text = ("Yogyakarta - Kementerian Komunikasi dan Digital menyerahkan Smart City Award 2025 di Yogyakarta. "
            "Provinsi Jawa Barat berhasil memborong tiga kategori sekaligus, yaitu Smart Governance, Smart Economy, "
            "dan Smart Society. Sementara itu, Kota Bogor meraih kategori Smart Living.")
    marks = [("Kementerian Komunikasi dan Digital", "ORG"), ("Smart City Award 2025", "AWARD"), ("Yogyakarta", "LOC"),
             ("Provinsi Jawa Barat", "LOC"), ("Smart Governance", "CAT"), ("Smart Economy", "CAT"),
             ("Smart Society", "CAT"), ("Kota Bogor", "LOC"), ("kategori Smart Living", "CAT")]
    award = "Smart City Award 2025"
    assert entries(linker, text, marks) == [
        ("Provinsi Jawa Barat", "Smart Governance", None, award), ("Provinsi Jawa Barat", "Smart Economy", None, award),
        ("Provinsi Jawa Barat", "Smart Society", None, award), ("Kota Bogor", "Smart Living", None, award)]


def test_who_announces_the_winners_is_none_of_them(linker):
    text = ("Juara Lomba Kampung Iklim Jateng Diumumkan\nSEMARANG - Dinas Lingkungan Hidup Jawa Tengah mengumumkan juara "
            "Lomba Kampung Iklim 2023. Juara I sampai III berturut-turut adalah Kampung Gedongsari, Kampung Sumberejo "
            "dan Kampung Karangjati.")
    marks = [("SEMARANG", "LOC"), ("Dinas Lingkungan Hidup Jawa Tengah", "ORG"), ("Lomba Kampung Iklim 2023", "AWARD"),
             ("Juara I sampai III", "RANK"), ("Kampung Gedongsari", "LOC"), ("Kampung Sumberejo", "LOC"),
             ("Kampung Karangjati", "LOC")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kampung Gedongsari", 1), ("Kampung Sumberejo", 2), ("Kampung Karangjati", 3)]


def test_who_hands_the_award_over_after_a_passive_verb_is_none_of_the_winners(linker):
    text = ("Anugerah Tokoh Pangan 2025\nKUPANG - Dinas Pangan NTT memberikan Anugerah Tokoh Pangan 2025. Kategori "
            "pelopor: Yohanes Bria. Kategori penyuluh: Maria Goreti.\nPenghargaan diserahkan langsung oleh Gubernur NTT "
            "Melki Lena di Kupang.")
    marks = [("Anugerah Tokoh Pangan 2025", "AWARD"), ("KUPANG", "LOC"), ("Dinas Pangan NTT", "ORG"),
             ("Anugerah Tokoh Pangan 2025", "AWARD"), ("Kategori pelopor", "CAT"), ("Yohanes Bria", "PER"),
             ("Kategori penyuluh", "CAT"), ("Maria Goreti", "PER"), ("Gubernur NTT", "TITLE"), ("Melki Lena", "PER"),
             ("Kupang", "LOC")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Yohanes Bria", "pelopor"), ("Maria Goreti", "penyuluh")]


def test_a_sub_category_heading_the_tagger_took_for_a_body_is_no_winner(linker):
    text = ("Berikut para peraih Halal Award 2022:\n1. Best Implementation\n- Subcategory Manufacturer : PT Sinar "
            "Jaya\n- Subcategory Restaurant : PT Rasa Nusantara\n")
    marks = [("Halal Award 2022", "AWARD"), ("Best Implementation", "CAT"), ("Subcategory Manufacturer", "ORG"),
             ("PT Sinar Jaya", "ORG"), ("Subcategory Restaurant", "ORG"), ("PT Rasa Nusantara", "ORG")]
    got = [r for r, _c, _rank, _a in entries(linker, text, marks)]
    assert got == ["PT Sinar Jaya", "PT Rasa Nusantara"]


def test_a_place_occupied_is_claimed_like_one_won(linker):
    # `ditempati`, `diduduki` give the place to the name after them, as `diraih` does
    text = ("Bank Jateng Juara Umum Anugerah BUMD 2024\nSEMARANG - Bank Jateng keluar sebagai juara umum Anugerah BUMD "
            "2024. Posisi kedua ditempati Bank DKI, sedangkan posisi ketiga diduduki Bank Jatim.\nDirektur Utama Bank "
            "Jateng Irianto Saputro menerima trofi dari Menteri Dalam Negeri Tito Karnavian.")
    marks = [("Bank Jateng", "ORG"), ("Anugerah BUMD 2024", "AWARD"), ("SEMARANG", "LOC"), ("Bank Jateng", "ORG"),
             ("juara umum", "RANK"), ("Anugerah BUMD 2024", "AWARD"), ("Posisi kedua", "RANK"), ("Bank DKI", "ORG"),
             ("posisi ketiga", "RANK"), ("Bank Jatim", "ORG"), ("Direktur Utama", "TITLE"), ("Bank Jateng", "ORG"),
             ("Irianto Saputro", "PER"), ("Menteri Dalam Negeri", "TITLE"), ("Tito Karnavian", "PER")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Bank Jateng", 1), ("Bank DKI", 2), ("Bank Jatim", 3)]
    # a range of places claimed by the members of a list after the verb goes to each in turn
    text = ("Sumbar Juara Umum MTQ Nasional\nPADANG - Sumbar menjadi yang terbaik pada MTQ Nasional 2024.\n\n"
            "Di rangking 4-7 berturut-turut ditempati kontingen Jawa Barat, Kepulauan Riau, Sumatera Utara dan Banten.")
    marks = [("Sumbar", "LOC"), ("MTQ Nasional", "AWARD"), ("PADANG", "LOC"), ("Sumbar", "LOC"),
             ("MTQ Nasional 2024", "AWARD"), ("rangking 4-7", "RANK"), ("Jawa Barat", "LOC"), ("Kepulauan Riau", "LOC"),
             ("Sumatera Utara", "LOC"), ("Banten", "LOC")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got[-4:] == [("Jawa Barat", 4), ("Kepulauan Riau", 5), ("Sumatera Utara", 6), ("Banten", 7)]


def test_a_bulleted_line_led_by_its_category_keeps_it_to_its_own_winners(linker):
    text = ("Berikut Daftar Lengkap Pemenang Anugerah Media Humas 2024\nJAKARTA - Kementerian Komunikasi dan Informatika "
            "mengumumkan pemenang Anugerah Media Humas 2024.\n"
            "• Kategori Website: Juara 1 Pemprov Jawa Barat, Juara 2 Pemprov Jawa Tengah, Juara 3 Pemprov DKI Jakarta.\n"
            "• Kategori Media Sosial: Juara 1 Pemkab Banyuwangi, Juara 2 Pemkot Surabaya, Juara 3 Pemkab Sleman.\n")
    marks = [("Anugerah Media Humas 2024", "AWARD"), ("JAKARTA", "LOC"), ("Kementerian Komunikasi dan Informatika", "ORG"),
             ("Anugerah Media Humas 2024", "AWARD"), ("Kategori Website", "CAT"), ("Juara 1", "RANK"),
             ("Pemprov Jawa Barat", "ORG"), ("Juara 2", "RANK"), ("Pemprov Jawa Tengah", "ORG"), ("Juara 3", "RANK"),
             ("Pemprov DKI Jakarta", "ORG"), ("Kategori Media Sosial", "CAT"), ("Juara 1", "RANK"),
             ("Pemkab Banyuwangi", "ORG"), ("Juara 2", "RANK"), ("Pemkot Surabaya", "ORG"), ("Juara 3", "RANK"),
             ("Pemkab Sleman", "ORG")]
    got = [(r, c, rank) for r, c, rank, _a in entries(linker, text, marks)]
    assert got == [("Pemprov Jawa Barat", "Website", 1), ("Pemprov Jawa Tengah", "Website", 2),
                   ("Pemprov DKI Jakarta", "Website", 3), ("Pemkab Banyuwangi", "Media Sosial", 1),
                   ("Pemkot Surabaya", "Media Sosial", 2), ("Pemkab Sleman", "Media Sosial", 3)]


def test_a_region_written_right_after_a_body_is_its_seat_not_the_winner(linker):
    # the tagger cut the company's name before its region: the company won, named with its seat
    text = ("PDAM Gresik Raih TOP BUMD Awards 2024\nGRESIK - Perusahaan Daerah Air Minum (PDAM) Giri Tirta Kabupaten "
            "Gresik meraih penghargaan TOP BUMD Awards 2024 kategori Bintang 4 di Jakarta.")
    marks = [("TOP BUMD Awards 2024", "AWARD"), ("GRESIK", "LOC"), ("Perusahaan Daerah Air Minum (PDAM) Giri Tirta", "ORG"),
             ("Kabupaten Gresik", "LOC"), ("TOP BUMD Awards 2024", "AWARD"), ("kategori Bintang 4", "CAT"),
             ("Jakarta", "LOC")]
    assert [(r, c) for r, c, _rank, _a in entries(linker, text, marks)] == [
        ("Perusahaan Daerah Air Minum (PDAM) Giri Tirta Kabupaten Gresik", "Bintang 4")]


def test_a_sentence_naming_no_one_lists_what_the_winner_before_it_took(linker):
    text = ("Pemkot Semarang Sabet Tiga Penghargaan Sekaligus\nSEMARANG - Pemerintah Kota Semarang menyabet tiga "
            "penghargaan sekaligus pada malam Anugerah Pandu Negeri 2023 di Jakarta. Ketiganya yaitu kategori Tata "
            "Kelola Terbaik, kategori Pelayanan Publik dan kategori Inovasi Daerah.\nWali Kota Semarang Hevearita "
            "Rahayu menerima langsung penghargaan tersebut.")
    marks = [("Pemkot Semarang", "ORG"), ("SEMARANG", "LOC"), ("Pemerintah Kota Semarang", "ORG"),
             ("Anugerah Pandu Negeri 2023", "AWARD"), ("Jakarta", "LOC"), ("kategori Tata Kelola Terbaik", "CAT"),
             ("kategori Pelayanan Publik", "CAT"), ("kategori Inovasi Daerah", "CAT"), ("Wali Kota Semarang", "TITLE"),
             ("Hevearita Rahayu", "PER")]
    award = "Anugerah Pandu Negeri 2023"
    assert entries(linker, text, marks) == [
        ("Pemerintah Kota Semarang", "Tata Kelola Terbaik", None, award),
        ("Pemerintah Kota Semarang", "Pelayanan Publik", None, award),
        ("Pemerintah Kota Semarang", "Inovasi Daerah", None, award)]
    # a sentence that lists the award's classes without counting back names no one's wins
    text = text.replace("menyabet tiga penghargaan sekaligus", "meraih penghargaan").replace(
        "Ketiganya yaitu", "Penghargaan itu terdiri dari")
    assert len(entries(linker, text, marks)) == 1


def test_the_rules_find_the_categories_a_label_lists_for_the_winner_to_take(linker):
    text = ("Yogyakarta - Kementerian Komunikasi dan Digital menyerahkan Smart City Award 2025 di Yogyakarta. "
            "Provinsi Jawa Barat berhasil memborong tiga kategori sekaligus, yaitu Smart Governance, Smart Economy, "
            "dan Smart Society.")
    # the tagger marks no category: the rule reads them from the list after `kategori sekaligus, yaitu`
    marks = [("Kementerian Komunikasi dan Digital", "ORG"), ("Smart City Award 2025", "AWARD"), ("Yogyakarta", "LOC"),
             ("Provinsi Jawa Barat", "LOC")]
    assert [(a.recipient, a.category) for a in with_award_rules(linker, text, marks)] == [
        ("Provinsi Jawa Barat", "Smart Governance"), ("Provinsi Jawa Barat", "Smart Economy"),
        ("Provinsi Jawa Barat", "Smart Society")]


def test_a_category_that_leads_a_later_list_is_not_the_earlier_lists(linker):
    text = ("Jakarta - Kementerian Lingkungan Hidup menyerahkan Nirwasita Tantra 2022. "
            "Untuk Pimpinan DPRD Tingkat Provinsi diraih oleh: (1) DPRD Provinsi Maju; (2) DPRD Provinsi Jaya; "
            "dan (3) DPRD Provinsi Sentosa.\n"
            "Selanjutnya, untuk Pimpinan DPRD Tingkat Kota, diraih oleh: (1) DPRD Kota Lestari; (2) DPRD Kota Asri; "
            "dan (3) DPRD Kota Damai.\n")
    # the tagger took only the end of the first category (`Tingkat Provinsi`), a weak one by itself
    marks = [("Jakarta", "LOC"), ("Kementerian Lingkungan Hidup", "ORG"), ("Nirwasita Tantra 2022", "AWARD"),
             ("Tingkat Provinsi", "CAT"), ("DPRD Provinsi Maju", "ORG"), ("DPRD Provinsi Jaya", "ORG"),
             ("DPRD Provinsi Sentosa", "ORG"), ("Pimpinan DPRD Tingkat Kota", "CAT"), ("DPRD Kota Lestari", "ORG"),
             ("DPRD Kota Asri", "ORG"), ("DPRD Kota Damai", "ORG")]
    award = "Nirwasita Tantra 2022"
    # each list keeps its own category: the city councils' leads the next list, the last province is none of it
    assert entries(linker, text, marks) == [
        ("DPRD Provinsi Maju", "Tingkat Provinsi", None, award), ("DPRD Provinsi Jaya", "Tingkat Provinsi", None, award),
        ("DPRD Provinsi Sentosa", "Tingkat Provinsi", None, award),
        ("DPRD Kota Lestari", "Pimpinan DPRD Tingkat Kota", None, award),
        ("DPRD Kota Asri", "Pimpinan DPRD Tingkat Kota", None, award),
        ("DPRD Kota Damai", "Pimpinan DPRD Tingkat Kota", None, award)]


def test_a_winner_is_named_by_its_fullest_name(linker):
    text = ("Kudus Raih Adipura 2024\n\n"
            "Kudus - Pemkab Kudus meraih Adipura 2024 dari Kementerian Lingkungan Hidup. "
            "Piala diterima Pemerintah Kabupaten (Pemkab) Kudus di Jakarta, Selasa (5/3/2024). "
            "Penghargaan Kalpataru 2024 diraih Yosina dari Kabupaten Kudus. Yosina Wamafma berterima kasih.")
    marks = [("Kudus", "LOC"), ("Adipura 2024", "AWARD"), ("Kudus", "LOC"), ("Pemkab Kudus", "ORG"),
             ("Adipura 2024", "AWARD"), ("Kementerian Lingkungan Hidup", "ORG"),
             ("Pemerintah Kabupaten (Pemkab) Kudus", "ORG"), ("Jakarta", "LOC"), ("Kalpataru 2024", "AWARD"),
             ("Yosina", "PER"), ("Kabupaten Kudus", "LOC"), ("Yosina Wamafma", "PER")]
    names = [w for w, _cat, _rank, _award in entries(linker, text, marks)]
    # `Pemkab Kudus` stays a government (not the bare `Kabupaten Kudus`), in its fullest form; a person by full name
    assert names == ["Pemerintah Kabupaten (Pemkab) Kudus", "Yosina Wamafma"]


def test_a_category_after_a_winner_in_its_own_sentence_stays_its_own(linker):
    text = ("Jakarta - Kementerian Kesehatan menyerahkan STBM Award 2023. "
            "Kabupaten Maju meraih kategori Utama, Kota Jaya dan Kabupaten Sentosa meraih kategori Madya.")
    marks = [("Jakarta", "LOC"), ("Kementerian Kesehatan", "ORG"), ("STBM Award 2023", "AWARD"),
             ("Kabupaten Maju", "LOC"), ("kategori Utama", "CAT"), ("Kota Jaya", "LOC"), ("Kabupaten Sentosa", "LOC"),
             ("kategori Madya", "CAT")]
    got = dict((w, cat) for w, cat, _rank, _award in entries(linker, text, marks))
    # `kategori Utama` stands before the next pair of names, but in the sentence that gives it to Kabupaten Maju
    assert got["Kabupaten Maju"] == "Utama"


def test_a_body_is_named_where_it_is_spelt_out_before_its_short_name(linker):
    text = ("BPBD Jateng Juara Umum Lomba Tangguh Bencana\n\n"
            "SEMARANG - Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah keluar sebagai juara umum "
            "Lomba Tangguh Bencana 2025 yang diselenggarakan BNPB.")
    marks = [("BPBD Jateng", "ORG"), ("Lomba Tangguh Bencana", "AWARD"), ("SEMARANG", "LOC"),
             ("Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah", "ORG"), ("Lomba Tangguh Bencana 2025", "AWARD"),
             ("BNPB", "ORG")]
    names = [w for w, _cat, _rank, _award in entries(linker, text, marks)]
    # the headline's short form is the same body (its acronym in brackets); the record names it in full
    assert names == ["Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah"]


def test_an_earlier_win_told_as_history_gives_nothing(linker):
    text = ("Jakarta - Kota Sukamaju meraih Penghargaan Pembangunan Daerah 2025 sebagai terbaik ketiga kategori kota. "
            "Penghargaan diserahkan Menteri PPN di Jakarta. "
            "Sebelumnya, Kota Sukamaju juga meraih predikat terbaik pertama tingkat provinsi. "
            "Tahun lalu, Kota Sukajadi meraih terbaik pertama kategori kota.")
    marks = [("Jakarta", "LOC"), ("Kota Sukamaju", "LOC"), ("Penghargaan Pembangunan Daerah 2025", "AWARD"),
             ("terbaik ketiga", "RANK"), ("kategori kota", "CAT"), ("Jakarta", "LOC"), ("Kota Sukamaju", "LOC"),
             ("terbaik pertama", "RANK"), ("tingkat provinsi", "CAT"), ("Kota Sukajadi", "LOC"), ("terbaik pertama", "RANK"),
             ("kategori kota", "CAT")]
    # `Sebelumnya`, `Tahun lalu`: earlier wins; Sukamaju's first place there is not its place here, Sukajadi won nothing here
    assert entries(linker, text, marks) == [("Kota Sukamaju", "kota", 3, "Penghargaan Pembangunan Daerah (PPD) 2025")]



def test_each_name_keeps_the_category_after_its_own_place(linker):
    text = ("Jawa Tengah memborong tiga penghargaan dalam Anugerah Wisata Nusantara 2025. "
            "Desa Wisata Sawahan meraih juara 1 kategori destinasi wisata air, Dawet Sukamaju juara 2 kategori "
            "minuman tradisional, dan Festival Gunung Sukajadi juara 3 kategori festival budaya.")
    marks = [("Jawa Tengah", "LOC"), ("Anugerah Wisata Nusantara 2025", "AWARD"),
             ("Desa Wisata Sawahan", "LOC"), ("juara 1", "RANK"), ("kategori destinasi wisata air", "CAT"),
             ("Dawet Sukamaju", "ORG"), ("juara 2", "RANK"), ("kategori minuman tradisional", "CAT"),
             ("Festival Gunung Sukajadi", "ORG"), ("juara 3", "RANK"), ("kategori festival budaya", "CAT")]
    award = "Anugerah Wisata Nusantara 2025"
    # `B juara 2 kategori Y`: the category after a name's place is the name's, not the next one's before it
    assert entries(linker, text, marks) == [
        ("Desa Wisata Sawahan", "destinasi wisata air", 1, award), ("Dawet Sukamaju", "minuman tradisional", 2, award),
        ("Festival Gunung Sukajadi", "festival budaya", 3, award)]


def test_a_person_named_with_the_body_they_belong_to_is_the_winner(linker):
    text = ("Siswa SMAN 1 Sukamaju Juara II Olimpiade Sains\n\n"
            "Sukamaju - Ahmad Fauzi, siswa kelas XI SMAN 1 Sukamaju, meraih juara II Olimpiade Sains Nasional "
            "bidang Fisika tingkat provinsi 2025. Kepala SMAN 1 Sukamaju mengapresiasi capaian siswanya.")
    marks = [("SMAN 1 Sukamaju", "ORG"), ("Juara II", "RANK"), ("Olimpiade Sains", "AWARD"), ("Sukamaju", "LOC"),
             ("Ahmad Fauzi", "PER"), ("SMAN 1 Sukamaju", "ORG"), ("juara II", "RANK"),
             ("Olimpiade Sains Nasional", "AWARD"), ("bidang Fisika", "CAT"), ("SMAN 1 Sukamaju", "ORG")]
    # `Ahmad Fauzi, siswa ... SMAN 1 Sukamaju, meraih`: the school is where he studies; the headline's `Siswa SMAN 1
    # Sukamaju` tells of him too
    assert [(w, rank) for w, _cat, rank, _award in entries(linker, text, marks)] == [("Ahmad Fauzi", 2)]


def test_a_grade_in_one_lists_heading_stays_with_that_list(linker):
    text = ("Sukamaju - Enam daerah meraih Adipura 2025 dari Kementerian Lingkungan Hidup. Berikut daftarnya:\n"
            "Adipura Kencana:\n- Kota Sukamaju\n- Kota Sukajadi\nAdipura:\n- Kabupaten Mekarsari\n- Kota Sawahan\n")
    marks = [("Sukamaju", "LOC"), ("Adipura 2025", "AWARD"), ("Kementerian Lingkungan Hidup", "ORG"), ("Kencana", "CAT"),
             ("Kota Sukamaju", "LOC"), ("Kota Sukajadi", "LOC"), ("Kabupaten Mekarsari", "LOC"), ("Kota Sawahan", "LOC")]
    got = [(w, cat) for w, cat, _rank, _award in entries(linker, text, marks)]
    # the second list has a heading of its own: `Kencana` of the first does not reach it
    assert got == [("Kota Sukamaju", "Kencana"), ("Kota Sukajadi", "Kencana"), ("Kabupaten Mekarsari", None),
                   ("Kota Sawahan", None)]


def test_a_heading_wrapped_over_two_lines_keeps_its_category_for_the_list(linker):
    text = ("Sukamaju - Kementerian Lingkungan Hidup menyerahkan Adipura 2011. Berikut daftarnya:\n"
            "Kategori Kota Besar Penerima\nAdipura 2011:\n- Kota Sukamaju;\n- Kota Sukajadi;\n")
    marks = [("Sukamaju", "LOC"), ("Kementerian Lingkungan Hidup", "ORG"), ("Adipura 2011", "AWARD"),
             ("Kategori Kota Besar", "CAT"), ("Adipura 2011", "AWARD"), ("Kota Sukamaju", "LOC"), ("Kota Sukajadi", "LOC")]
    got = [(w, cat) for w, cat, _rank, _award in entries(linker, text, marks)]
    assert got == [("Kota Sukamaju", "Kota Besar"), ("Kota Sukajadi", "Kota Besar")]




def test_a_failing_grade_of_an_evaluation_makes_no_entry(linker):
    text = ("Jakarta - Kementerian PANRB mengumumkan hasil evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah "
            "(SAKIP) 2024. Kabupaten Sukamaju meraih predikat BB, sedangkan Kabupaten Sukajadi mendapat predikat C.")
    marks = [("Jakarta", "LOC"), ("Kementerian PANRB", "ORG"),
             ("Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) 2024", "AWARD"),
             ("Kabupaten Sukamaju", "LOC"), ("predikat BB", "CAT"), ("Kabupaten Sukajadi", "LOC"), ("predikat C", "CAT")]
    assert entries(linker, text, marks) == [
        ("Kabupaten Sukamaju", "BB", None, "Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) 2024")]


def test_a_schools_places_after_it_in_commas_win_nothing(linker):
    text = ("LAMPUNG - Tahun ini, nama Lampung kembali harum di tingkat nasional. Tahun ini, SDN Sukamaju, Natar, "
            "Lampung Selatan dan SMPN 7 Kotabumi, Lampung Utara, meraih juara pertama dalam Lomba Sekolah Sehat, untuk "
            "kategori SD dan SMP se-Indonesia.")
    marks = [("LAMPUNG", "LOC"), ("Lampung", "LOC"), ("SDN Sukamaju", "ORG"), ("Natar", "LOC"), ("Lampung Selatan", "LOC"),
             ("SMPN 7 Kotabumi", "ORG"), ("Lampung Utara", "LOC"), ("juara pertama", "RANK"),
             ("Lomba Sekolah Sehat", "AWARD"), ("kategori SD dan SMP", "CAT")]
    award = "Lomba Sekolah Sehat"
    assert entries(linker, text, marks) == [("SDN Sukamaju", "SD dan SMP", 1, award),
                                            ("SMPN 7 Kotabumi", "SD dan SMP", 1, award)]


def test_a_persons_degrees_cut_off_the_name_are_no_winner(linker):
    text = ("Penghargaan Manggala Karya Kencana (MKK) 2023 diraih Kriswanto, M.Sc, Tri Woro Setyaningsih, M.Pd., "
            "dan Mujiburrokhman, S.Ag.")
    marks = [("Penghargaan Manggala Karya Kencana (MKK) 2023", "AWARD"), ("Kriswanto, M.Sc", "PER"),
             ("Tri Woro Setyaningsih", "PER"), ("M.Pd.", "PER"), ("Mujiburrokhman, S.Ag.", "PER")]
    got = [e[0] for e in entries(linker, text, marks)]
    assert "" not in got and got[:2] == ["Kriswanto", "Tri Woro Setyaningsih"]


def test_a_name_in_brackets_after_a_person_is_where_they_work_or_their_other_name(linker):
    text = ("JAKARTA - Dewan juri Anugerah Jurnalistik Adinegoro 2024 menetapkan para pemenang. Untuk kategori liputan "
            "mendalam, juara pertama diraih Budi Santoso (Harian Kompas), juara kedua Siti Aminah (Tempo), dan juara "
            "ketiga Agus Salim (Republika).")
    marks = [("JAKARTA", "LOC"), ("Anugerah Jurnalistik Adinegoro 2024", "AWARD"), ("kategori liputan mendalam", "CAT"),
             ("juara pertama", "RANK"), ("Budi Santoso", "PER"), ("Harian Kompas", "ORG"), ("juara kedua", "RANK"),
             ("Siti Aminah", "PER"), ("Tempo", "PER"), ("juara ketiga", "RANK"), ("Agus Salim", "PER"),
             ("Republika", "ORG")]
    award = "Anugerah Jurnalistik Adinegoro 2024"
    assert entries(linker, text, marks) == [("Budi Santoso", "liputan mendalam", 1, award),
                                            ("Siti Aminah", "liputan mendalam", 2, award),
                                            ("Agus Salim", "liputan mendalam", 3, award)]


def test_as_many_places_after_the_names_as_names_go_to_them_in_turn(linker):
    text = ("SEMARANG - Pemerintah Provinsi Jawa Tengah menetapkan Desa Sukamaju, Desa Mekarsari dan Desa Karangrejo "
            "sebagai juara I, II dan III Lomba Desa Tingkat Provinsi Jawa Tengah 2024.")
    marks = [("SEMARANG", "LOC"), ("Pemerintah Provinsi Jawa Tengah", "ORG"), ("Desa Sukamaju", "LOC"),
             ("Desa Mekarsari", "LOC"), ("Desa Karangrejo", "LOC"), ("juara I, II dan III", "RANK"),
             ("Lomba Desa Tingkat Provinsi Jawa Tengah 2024", "AWARD")]
    award = "Lomba Desa Tingkat Provinsi Jawa Tengah 2024"
    assert entries(linker, text, marks) == [("Desa Sukamaju", None, 1, award), ("Desa Mekarsari", None, 2, award),
                                            ("Desa Karangrejo", None, 3, award)]


def test_a_name_before_a_denied_win_wins_nothing(linker):
    text = ("SURABAYA - Bupati Sukamaju Budi Santoso meraih Satyalancana Karya Bhakti Praja Nugraha dari Menteri Dalam "
            "Negeri di Surabaya. Bupati Sukajadi Agus Salim tidak meraih penghargaan Satyalancana Karya Bhakti Praja "
            "Nugraha tahun ini.")
    marks = [("SURABAYA", "LOC"), ("Bupati Sukamaju", "TITLE"), ("Budi Santoso", "PER"),
             ("Satyalancana Karya Bhakti Praja Nugraha", "AWARD"), ("Menteri Dalam Negeri", "ORG"), ("Surabaya", "LOC"),
             ("Bupati Sukajadi", "TITLE"), ("Agus Salim", "PER"), ("Satyalancana Karya Bhakti Praja Nugraha", "AWARD")]
    assert entries(linker, text, marks) == [("Budi Santoso", None, None, "Satyalancana Karya Bhakti Praja Nugraha")]


def test_nominees_after_a_denied_win_are_still_nominees(linker):
    text = ("JAKARTA - Kementerian Lingkungan Hidup mengumumkan hasil PROPER 2024. Predikat Emas diraih PT Sumber Makmur "
            "dan PT Cahaya Abadi. Sebanyak 12 perusahaan lain masuk nominasi namun belum berhasil meraih predikat Emas, "
            "di antaranya PT Bumi Hijau dan PT Laut Biru.")
    marks = [("JAKARTA", "LOC"), ("Kementerian Lingkungan Hidup", "ORG"), ("PROPER 2024", "AWARD"),
             ("Predikat Emas", "CAT"), ("PT Sumber Makmur", "ORG"), ("PT Cahaya Abadi", "ORG"), ("predikat Emas", "CAT"),
             ("PT Bumi Hijau", "ORG"), ("PT Laut Biru", "ORG")]
    award = "Program Penilaian Peringkat Kinerja Perusahaan (PROPER) 2024"
    assert entries(linker, text, marks) == [("PT Sumber Makmur", "Emas", None, award),
                                            ("PT Cahaya Abadi", "Emas", None, award)]


def test_a_list_item_the_tagger_missed_is_a_body_like_its_tagged_siblings_and_its_place_is_no_winner(linker):
    text = ("SLEMAN - Dinas Kesehatan Sleman mengumumkan pemenang Lomba Posyandu Tingkat Kabupaten Sleman 2024. Berikut "
            "daftar pemenangnya.\n\nKategori Posyandu Madya:\n1. Posyandu Mawar, Desa Sariharjo\n2. Posyandu Melati, "
            "Desa Sinduadi\n3. Posyandu Anggrek, Desa Caturtunggal\n")
    marks = [("SLEMAN", "LOC"), ("Dinas Kesehatan Sleman", "ORG"), ("Lomba Posyandu Tingkat Kabupaten Sleman 2024", "AWARD"),
             ("Kategori Posyandu Madya", "CAT"), ("Desa Sariharjo", "LOC"), ("Posyandu Melati", "ORG"),
             ("Desa Sinduadi", "LOC"), ("Posyandu Anggrek", "ORG"), ("Desa Caturtunggal", "LOC")]
    award = "Lomba Posyandu Tingkat Kabupaten Sleman 2024"
    assert entries(linker, text, marks) == [("Posyandu Mawar", "Posyandu Madya", None, award),
                                            ("Posyandu Melati", "Posyandu Madya", None, award),
                                            ("Posyandu Anggrek", "Posyandu Madya", None, award)]


def test_a_model_category_made_of_a_known_awards_words_is_no_category(linker):
    from extractor.rules.awards import AwardTagger

    text = ("SEMARANG - Pemerintah Kota Semarang menyabet tiga penghargaan sekaligus dalam ajang Anugerah Parahita "
            "Ekapraya (APE) 2024, yakni kategori Mentor, kategori Utama untuk Kota Layak Anak, dan penghargaan Inovasi "
            "Daerah.")
    marks = [("SEMARANG", "LOC"), ("Pemerintah Kota Semarang", "ORG"), ("Anugerah Parahita Ekapraya (APE) 2024", "AWARD"),
             ("kategori Mentor", "CAT"), ("kategori Utama", "CAT"), ("Kota", "CAT"), ("Anak", "CAT")]
    found = Extractor([FakeTagger(marks, source="model"), AwardTagger()], "fake", linker).extract(text).awards
    award = "Anugerah Parahita Ekapraya (APE) 2024"
    assert [(a.recipient, a.category, a.rank, a.award) for a in found] == [
        ("Pemerintah Kota Semarang", "Mentor", None, award), ("Pemerintah Kota Semarang", "Utama", None, award)]


def test_a_region_in_an_offices_title_before_its_holder_wins_no_personal_honour(linker):
    text = ("JAKARTA - Presiden menganugerahkan tanda kehormatan Satyalencana Wira Karya kepada sejumlah kepala daerah. "
            "Gubernur yang meraih penghargaan itu adalah Gubernur Jambi Al Haris, Gubernur Jawa Barat Ridwan Kamil dan "
            "Gubernur Sumatera Utara Edy Rahmayadi.")
    titles = [("Presiden", "TITLE"), ("Gubernur Jambi", "TITLE"), ("Gubernur Jawa Barat", "TITLE"),
              ("Gubernur Sumatera Utara", "TITLE")]
    names = [("JAKARTA", "LOC"), ("Satyalencana Wira Karya", "AWARD"), ("Jambi", "LOC"), ("Al Haris", "PER"),
             ("Jawa Barat", "LOC"), ("Ridwan Kamil", "PER"), ("Sumatera Utara", "LOC"), ("Edy Rahmayadi", "PER")]
    found = Extractor([FakeTagger(titles), FakeTagger(names)], "fake", linker).extract(text).awards
    award = "Satyalencana Wira Karya (SLWK)"
    assert [(a.recipient, a.category, a.rank, a.award) for a in found] == [
        ("Al Haris", None, None, award), ("Ridwan Kamil", None, None, award), ("Edy Rahmayadi", None, None, award)]


def test_a_region_in_a_headline_s_office_whose_holder_the_body_names_wins_no_personal_honour(linker):
    text = ("Bupati Purworejo Sabet Penghargaan dari Presiden\n"
            "Purworejo - Bupati Purworejo, Agus Bastian, menyabet tanda penghargaan Manggala Karya Kencana dari "
            "Presiden.")
    titles = [("Bupati Purworejo", "TITLE"), ("Bupati Purworejo", "TITLE")]
    names = [("Purworejo", "LOC"), ("Purworejo", "LOC"), ("Purworejo", "LOC"), ("Agus Bastian", "PER"),
             ("Manggala Karya Kencana", "AWARD")]
    linker_only = Extractor([FakeTagger(titles), FakeTagger(names)], "fake", linker)
    assert [a.recipient for a in linker_only.extract(text).awards] == ["Agus Bastian"]


def test_a_model_name_that_cuts_a_rules_name_gives_way_to_it(linker):
    text = ("SEMARANG - Kontingen Kota Semarang menjadi juara umum Pekan Olahraga Provinsi Jawa Tengah 2023 dengan "
            "120 medali emas.")
    model = [("SEMARANG", "LOC"), ("Kontingen Kota", "ORG"), ("Pekan Olahraga Provinsi Jawa Tengah 2023", "AWARD")]
    rules = [("Kota Semarang", "LOC"), ("juara umum", "RANK")]
    found = Extractor([FakeTagger(model, source="model"), FakeTagger(rules)], "fake", linker).extract(text).awards
    assert [(a.recipient, a.category, a.rank, a.award) for a in found] == [
        ("Kota Semarang", None, 1, "Pekan Olahraga Provinsi Jawa Tengah 2023")]


def test_a_category_the_tagger_left_inside_the_award_s_name_is_taken_out_of_it(linker):
    text = ("Provinsi Maluku meraih penghargaan Penggerak Daerah Terpencil Mandaya Award 2025 dari Kementerian Desa. "
            "Kategori Penggerak Daerah Terpencil dinilai dari pembangunan desa di pulau-pulau kecil.")
    marks = [("Provinsi Maluku", "LOC"), ("Penggerak Daerah Terpencil Mandaya Award 2025", "AWARD"),
             ("Kementerian Desa", "ORG"), ("Kategori Penggerak Daerah Terpencil", "CAT")]
    assert entries(linker, text, marks) == [("Provinsi Maluku", "Penggerak Daerah Terpencil", None, "Mandaya Award 2025")]


def test_a_headline_s_giver_and_verb_are_no_part_of_the_award_s_name(linker):
    text = ("Kemenkes Anugerahkan STBM Award 2023\n"
            "Jakarta - Kabupaten Sleman meraih penghargaan tersebut dari Kementerian Kesehatan.")
    marks = [("Kemenkes Anugerahkan STBM Award 2023", "AWARD"), ("Jakarta", "LOC"), ("Kabupaten Sleman", "LOC"),
             ("Kementerian Kesehatan", "ORG")]
    # the known award's acronym is spelt out, as everywhere
    assert entries(linker, text, marks) == [("Kabupaten Sleman", None, None, "Sanitasi Total Berbasis Masyarakat (STBM) 2023")]


def test_an_acronym_the_article_glosses_as_another_name_is_not_spelt_out_as_a_known_award(linker):
    text = ("PT Semen Maju meraih IGA Awards 2019. Indonesia Green Awards (IGA) diberikan oleh majalah lingkungan "
            "kepada perusahaan yang menjaga lingkungan.")
    marks = [("PT Semen Maju", "ORG"), ("IGA Awards 2019", "AWARD")]
    assert entries(linker, text, marks) == [("PT Semen Maju", None, None, "IGA Awards 2019")]


def test_a_sub_category_gives_way_to_the_category_it_lies_under(linker):
    text = ("Hasil LPPOM MUI Halal Award 2022 diumumkan di Jakarta. Untuk kategori Favorite Halal Brand, "
            "subkategori Restoran diraih PT Boga Rasa, sedangkan subkategori Kosmetik diraih PT Ayu Cantik.")
    marks = [("LPPOM MUI Halal Award 2022", "AWARD"), ("Jakarta", "LOC"), ("kategori Favorite Halal Brand", "CAT"),
             ("subkategori Restoran", "CAT"), ("PT Boga Rasa", "ORG"), ("subkategori Kosmetik", "CAT"),
             ("PT Ayu Cantik", "ORG")]
    award = "LPPOM MUI Halal Award 2022"
    assert entries(linker, text, marks) == [("PT Boga Rasa", "Favorite Halal Brand", None, award),
                                            ("PT Ayu Cantik", "Favorite Halal Brand", None, award)]


def test_a_word_that_only_ends_a_category_is_none(linker):
    text = ("Kota Tomohon meraih Penghargaan Kearsipan 2023 dengan predikat Memuaskan. Penghargaan serupa "
            "juga diraih Kota Bitung.")
    marks = [("Kota Tomohon", "LOC"), ("Penghargaan Kearsipan 2023", "AWARD"), ("predikat Memuaskan", "CAT"),
             ("serupa", "CAT"), ("Kota Bitung", "LOC")]
    found = entries(linker, text, marks)
    assert found and all(cat != "serupa" for _name, cat, _rank, _award in found)
    assert ("Kota Tomohon", "Memuaskan", None, "Penghargaan Kearsipan 2023") in found



def test_the_name_right_after_a_verb_that_gives_to_it_is_the_winner(linker):
    text = ("Tanri mengatakan kemampuan memimpin menjadi penilaian terhadap BUMN. Ia yang merupakan Ketua Dewan Juri "
            "Anugerah BUMN 2023 mengganjar Perum Jasa Tirta peringkat 2 Transformasi Perusahaan Terbaik. Perusahaan itu "
            "dinilai mampu beradaptasi.")
    marks = [("Tanri", "PER"), ("BUMN", "ORG"), ("Anugerah BUMN 2023", "AWARD"), ("Perum Jasa Tirta", "ORG"),
             ("peringkat 2", "RANK"), ("Transformasi Perusahaan Terbaik", "CAT")]
    assert entries(linker, text, marks) == [
        ("Perum Jasa Tirta", "Transformasi Perusahaan Terbaik", 2, "Anugerah BUMN 2023")]


def test_a_list_under_a_heading_of_earlier_wins_names_no_winner_of_this_edition(linker):
    text = ("Makassar - Universitas Hasanuddin meraih juara umum PIMNAS ke-38.\n"
            "Perguruan tinggi yang pernah meraih juara umum PIMNAS adalah:\n"
            "- Universitas Gadjah Mada: 10 kali\n- Universitas Brawijaya: 6 kali\n- Institut Pertanian Bogor: 3 kali\n")
    marks = [("Makassar", "LOC"), ("Universitas Hasanuddin", "ORG"), ("juara umum", "RANK"), ("PIMNAS ke-38", "AWARD"),
             ("Universitas Gadjah Mada", "ORG"), ("Universitas Brawijaya", "ORG"), ("Institut Pertanian Bogor", "ORG")]
    assert [e[0] for e in entries(linker, text, marks)] == ["Universitas Hasanuddin"]


def test_the_names_listed_with_the_only_winner_did_not_win(linker):
    text = ("Pemkab Pakpak Bharat meraih predikat Kepatuhan Tinggi dari Ombudsman RI. Di Sumut ada lima kabupaten yang "
            "disurvei. Kelima kabupaten itu adalah Pemkab Pakpak Bharat, Pemkab Karo, Pemkab Dairi, Pemkab Asahan dan "
            "Pemkab Langkat. Namun, dari lima kabupaten itu, hanya Pakpak Bharat yang meraih predikat kepatuhan tinggi.")
    marks = [("Pemkab Pakpak Bharat", "ORG"), ("predikat Kepatuhan Tinggi", "CAT"), ("Ombudsman RI", "ORG"),
             ("Sumut", "LOC"), ("Pemkab Pakpak Bharat", "ORG"), ("Pemkab Karo", "ORG"), ("Pemkab Dairi", "ORG"),
             ("Pemkab Asahan", "ORG"), ("Pemkab Langkat", "ORG"), ("Pakpak Bharat", "LOC")]
    assert [e[0] for e in entries(linker, text, marks)] == ["Pemkab Pakpak Bharat"]


def test_who_hands_the_award_over_right_after_a_passive_verb_without_oleh_is_no_winner(linker):
    text = ("Pemenang Anugerah Guru Inspiratif 2025\n\nSEMARANG - Pemerintah Provinsi Jawa Tengah memberikan Anugerah Guru "
            "Inspiratif 2025 kepada para guru terbaik. Berikut daftar pemenangnya.\n\nKategori Guru SD:\n"
            "1. Siti Aminah (SDN 2 Kudus)\n2. Budi Santoso (SDN 1 Pati)\n\nKategori Guru SMP:\n1. Agus Salim (SMPN 3 Demak)\n"
            "2. Dewi Lestari (SMPN 1 Jepara)\n\nPenghargaan diserahkan Gubernur Jawa Tengah Ahmad Luthfi di Gedung "
            "Gradhika Bhakti Praja.")
    marks = [("Anugerah Guru Inspiratif 2025", "AWARD"), ("SEMARANG", "LOC"), ("Pemerintah Provinsi Jawa Tengah", "ORG"),
             ("Anugerah Guru Inspiratif 2025", "AWARD"), ("Kategori Guru SD", "CAT"), ("Siti Aminah", "PER"),
             ("SDN 2 Kudus", "ORG"), ("Budi Santoso", "PER"), ("SDN 1 Pati", "ORG"), ("Kategori Guru SMP", "CAT"),
             ("Agus Salim", "PER"), ("SMPN 3 Demak", "ORG"), ("Dewi Lestari", "PER"), ("SMPN 1 Jepara", "ORG"),
             ("Gubernur Jawa Tengah", "TITLE"), ("Ahmad Luthfi", "PER"), ("Gedung Gradhika Bhakti Praja", "VENUE")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Siti Aminah", "Guru SD"), ("Budi Santoso", "Guru SD"), ("Agus Salim", "Guru SMP"),
                   ("Dewi Lestari", "Guru SMP")]


def test_a_lower_case_field_before_a_passive_win_verb_is_each_clauses_category(linker):
    text = ("JAKARTA - Kemenpora memberikan Anugerah Pemuda Pelopor 2024. Bidang kesehatan diterima oleh Nanda Putri "
            "asal Aceh; bidang pendidikan diterima oleh Rahmat Hidayat asal Jambi; bidang lingkungan diterima oleh "
            "Yosef Lado asal Kupang. Di bidang kesehatan pula Kemenpora membina pemuda.")
    marks = [("JAKARTA", "LOC"), ("Kemenpora", "ORG"), ("Anugerah Pemuda Pelopor 2024", "AWARD"),
             ("Nanda Putri", "PER"), ("Aceh", "LOC"), ("Rahmat Hidayat", "PER"), ("Jambi", "LOC"),
             ("Yosef Lado", "PER"), ("Kupang", "LOC"), ("Kemenpora", "ORG")]
    got = [(a.recipient, a.category) for a in with_award_rules(linker, text, marks)]
    assert got == [("Nanda Putri", "Bidang kesehatan"), ("Rahmat Hidayat", "bidang pendidikan"),
                   ("Yosef Lado", "bidang lingkungan")]


def test_a_region_in_brackets_after_a_village_is_where_it_lies_not_a_winner(linker):
    text = ("PALEMBANG - BKKBN Sumatera Selatan mengumumkan hasil Lomba Kampung KB 2024. Untuk kategori perkotaan, juara I "
            "Kampung KB Sukamaju (Kota Palembang), juara II Kampung KB Talang Jaya (Kota Lubuklinggau) dan juara III "
            "Kampung KB Mekar Sari (Kota Prabumulih).")
    marks = [("PALEMBANG", "LOC"), ("BKKBN", "ORG"), ("Sumatera Selatan", "LOC"), ("Lomba Kampung KB 2024", "AWARD"),
             ("kategori perkotaan", "CAT"), ("juara I", "RANK"), ("Kampung KB Sukamaju", "LOC"), ("Kota Palembang", "LOC"),
             ("juara II", "RANK"), ("Kampung KB Talang Jaya", "LOC"), ("Kota Lubuklinggau", "LOC"), ("juara III", "RANK"),
             ("Kampung KB Mekar Sari", "LOC"), ("Kota Prabumulih", "LOC")]
    got = [(r, c, rank) for r, c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kampung KB Sukamaju", "perkotaan", 1), ("Kampung KB Talang Jaya", "perkotaan", 2),
                   ("Kampung KB Mekar Sari", "perkotaan", 3)]


def test_a_category_in_brackets_right_after_a_name_is_that_names_only(linker):
    text = ("JAKARTA - Provinsi Jawa Timur keluar sebagai juara umum Olimpiade Sains Nasional 2024, disusul Provinsi DKI "
            "Jakarta.\nDi ajang itu siswa SMA Cahaya Bogor meraih dua medali. Budi Santoso kelas 12 (medali perak Kimia) "
            "dan Ani Lestari kelas 11 (medali perunggu Biologi).")
    marks = [("JAKARTA", "LOC"), ("Provinsi Jawa Timur", "LOC"), ("juara umum", "RANK"),
             ("Olimpiade Sains Nasional 2024", "AWARD"), ("Provinsi DKI Jakarta", "LOC"), ("SMA Cahaya Bogor", "ORG"),
             ("Budi Santoso", "PER"), ("medali perak Kimia", "CAT"), ("Ani Lestari", "PER"),
             ("medali perunggu Biologi", "CAT")]
    got = {r: c for r, c, _rank, _a in entries(linker, text, marks)}
    assert got["Provinsi Jawa Timur"] is None and got["Budi Santoso"] == "medali perak Kimia"


def test_what_a_body_named_with_its_seat_takes_with_an_active_verb_is_the_bodys(linker):
    text = ("SEMARANG - Tiga BUMD meraih TOP BUMD Awards 2025 di Jakarta. Bank Jateng meraih predikat Bintang 5, PDAM "
            "Tirta Moedal Kota Semarang meraih Bintang 4, dan Perumda BPR Karanganyar meraih Bintang 3.")
    marks = [("SEMARANG", "LOC"), ("TOP BUMD Awards 2025", "AWARD"), ("Jakarta", "LOC"), ("Bank Jateng", "ORG"),
             ("predikat Bintang 5", "CAT"), ("PDAM Tirta Moedal", "ORG"), ("Kota Semarang", "LOC"),
             ("Bintang 4", "CAT"), ("Perumda BPR Karanganyar", "ORG"), ("Bintang 3", "CAT")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("Bank Jateng", "Bintang 5"), ("PDAM Tirta Moedal Kota Semarang", "Bintang 4"),
                   ("Perumda BPR Karanganyar", "Bintang 3")]


def test_short_sibling_headings_with_a_colon_name_the_category_of_the_lines_under_each(linker):
    text = ("BANDUNG - Dinas Ketahanan Pangan Jawa Barat mengumumkan pemenang Lomba Cipta Menu 2024.\n\nKelompok Umum:\n"
            "Juara 1: Tim PKK Kota Bandung\nJuara 2: Tim PKK Kabupaten Garut\n\nKelompok Pelajar:\nJuara 1: SMAN 3 Bandung\n"
            "Juara 2: SMKN 1 Garut\n")
    marks = [("BANDUNG", "LOC"), ("Dinas Ketahanan Pangan Jawa Barat", "ORG"), ("Lomba Cipta Menu 2024", "AWARD"),
             ("Juara 1", "RANK"), ("Tim PKK Kota Bandung", "ORG"), ("Juara 2", "RANK"), ("Tim PKK Kabupaten Garut", "ORG"),
             ("Juara 1", "RANK"), ("SMAN 3 Bandung", "ORG"), ("Juara 2", "RANK"), ("SMKN 1 Garut", "ORG")]
    got = [(r, c, rank) for r, c, rank, _a in entries(linker, text, marks)]
    assert got == [("Tim PKK Kota Bandung", "Kelompok Umum", 1), ("Tim PKK Kabupaten Garut", "Kelompok Umum", 2),
                   ("SMAN 3 Bandung", "Kelompok Pelajar", 1), ("SMKN 1 Garut", "Kelompok Pelajar", 2)]


def test_the_outlet_that_received_a_written_statement_is_no_winner(linker):
    text = ("JAKARTA - Pemerintah Kota Bogor meraih predikat AA dalam evaluasi SAKIP 2024, kata Deputi Kemenpan RB Agus "
            "dalam keterangan tertulis yang diterima Warta Kota, Selasa (19/2/2024). Siaran pers diterima oleh Radar "
            "Bogor pada hari yang sama.")
    marks = [("JAKARTA", "LOC"), ("Pemerintah Kota Bogor", "ORG"), ("predikat AA", "CAT"), ("SAKIP 2024", "AWARD"),
             ("Kemenpan RB", "ORG"), ("Agus", "PER"), ("Warta Kota", "ORG"), ("Radar Bogor", "ORG")]
    got = [r for r, _c, _rank, _a in entries(linker, text, marks)]
    assert got == ["Pemerintah Kota Bogor"]


def test_a_headline_word_the_tagger_left_at_the_end_of_a_persons_name_is_cut_off(linker):
    text = ("Andi Batal, Budi Dapat Satyalancana Karya Bhakti Praja Nugraha\nJAKARTA - Presiden menganugerahkan "
            "Satyalancana Karya Bhakti Praja Nugraha kepada Wali Kota Medan Budi Santoso.")
    marks = [("Andi Batal", "PER"), ("Budi", "PER"), ("Satyalancana Karya Bhakti Praja Nugraha", "AWARD"),
             ("JAKARTA", "LOC"), ("Satyalancana Karya Bhakti Praja Nugraha", "AWARD"), ("Wali Kota Medan", "TITLE"),
             ("Budi Santoso", "PER")]
    got = [r for r, _c, _rank, _a in entries(linker, text, marks)]
    assert got == ["Budi Santoso"]


def test_the_name_a_ranked_list_follows_wins_with_it(linker):
    text = ("KUPANG - Gubernur NTT menyerahkan penghargaan Kabupaten/Kota Sehat 2024. Dari hasil penilaian, Kabupaten Ende "
            "berada di urutan pertama, disusul Kota Kupang dan Kabupaten Sikka. Ketiganya meraih predikat Padapa.")
    marks = [("KUPANG", "LOC"), ("Gubernur NTT", "TITLE"), ("Kabupaten/Kota Sehat 2024", "AWARD"),
             ("Kabupaten Ende", "LOC"), ("urutan pertama", "RANK"), ("Kota Kupang", "LOC"), ("Kabupaten Sikka", "LOC"),
             ("predikat Padapa", "CAT")]
    got = [(r, rank) for r, _c, rank, _a in entries(linker, text, marks)]
    assert got == [("Kabupaten Ende", 1), ("Kota Kupang", 2), ("Kabupaten Sikka", 3)]


def test_a_category_a_headline_cuts_short_is_one_with_the_one_written_in_full(linker):
    text = ("SMAN 1 Yogyakarta Juara Umum OSN Tingkat Provinsi\nYOGYAKARTA - SMAN 1 Yogyakarta keluar sebagai juara umum "
            "Olimpiade Sains Nasional (OSN) tingkat Provinsi DIY 2024 dengan raihan 5 medali emas.")
    marks = [("SMAN 1 Yogyakarta", "ORG"), ("Juara Umum", "RANK"), ("OSN", "AWARD"), ("Tingkat Provinsi", "CAT"),
             ("YOGYAKARTA", "LOC"), ("SMAN 1 Yogyakarta", "ORG"), ("juara umum", "RANK"),
             ("Olimpiade Sains Nasional (OSN)", "AWARD"), ("tingkat Provinsi DIY", "CAT")]
    got = [(r, c) for r, c, _rank, _a in entries(linker, text, marks)]
    assert got == [("SMAN 1 Yogyakarta", "tingkat Provinsi DIY")]

