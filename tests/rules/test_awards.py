"""Rule spans for award names and categories."""
from __future__ import annotations

from extractor.core.spans import Span
from extractor.rules.awards import find_awards
from extractor.rules.weak_awards import weak_awards


def _texts(text: str, label: str) -> list[str]:
    spans = [s for s in find_awards(text) if s.label == label]
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


def _cats(text: str) -> list[str]:
    return _texts(text, "CAT")


def _awards(text: str) -> list[str]:
    return _texts(text, "AWARD")


def test_a_capitalised_category_leaves_the_year_to_the_award():
    assert "Kategori Platinum" in _cats("Kabupaten Agam meraih Anugerah Pandu Negeri Kategori Platinum 2024 di Jakarta.")
    assert "Kategori Sangat Inovatif" in _cats("Pemkab Sleman dengan Kategori Sangat Inovatif Tahun 2021.")


def test_a_grade_counted_with_a_number_keeps_it():
    assert _cats("PDAM Kota Denpasar meraih TOP BUMD Awards 2023 dengan predikat Bintang 5.") == ["predikat Bintang 5"]
    assert "Kategori Level 4" in _cats("Pabrik Tuban meraih Kategori Level 4, naik dari tahun lalu.")
    # a decimal, a year or a fraction is no grade number
    assert _cats("dengan predikat Bintang 4.5 dan predikat Bintang 4/5.") == ["predikat Bintang", "predikat Bintang"]


def test_two_labelled_categories_joined_are_two_categories():
    assert _cats("PT Sumber Makmur meraih Kategori Perubahan Iklim Global dan Kategori Ekosistem "
                 "Darat.") == ["Kategori Perubahan Iklim Global", "Kategori Ekosistem Darat"]
    assert _cats("Kota Batu meraih Kategori Sehat dan Bersih.") == ["Kategori Sehat dan Bersih"]  # one joined class


def test_a_quality_ending_in_a_superlative_belongs_to_the_category():
    assert _cats("Dalam kategori Pemkot dengan zona hijau kualitas tertinggi, Pemkot Maju di peringkat pertama.") == [
        "kategori Pemkot dengan zona hijau kualitas tertinggi"]
    assert _cats("meraih penghargaan dalam kategori pemerintah provinsi dengan tata kelola yang sangat baik menurut tim.") == [
        "kategori pemerintah provinsi dengan tata kelola yang sangat baik"]
    assert _cats("juara kategori sekolah dengan Kinerja Terbaik (Best Performance) dan juara dua") == [
        "kategori sekolah dengan Kinerja Terbaik (Best Performance)"]
    # a score or a grade after `dengan` is no part of it
    assert _cats("juara kategori Brand Pariwisata dengan nilai 77 dan kategori Ekowisata dengan nilai 71.") == [
        "kategori Brand Pariwisata", "kategori Ekowisata"]
    roles = _cats("Universitas Maju meraih penghargaan sebagai PTS dengan pengelolaan beasiswa terbaik.")
    assert roles == ["PTS dengan pengelolaan beasiswa terbaik"]


def test_a_lower_case_category_runs_to_a_stop_word():
    assert _cats("Kota Bima meraih penghargaan untuk kategori kota kecil yang diserahkan Menteri.") == ["kategori kota kecil"]
    assert _cats("Kota Semarang bisa mendapat kategori utama.\nSelanjutnya") == ["kategori utama"]
    assert _cats("Sementara untuk kategori karikatur diraih oleh Budi.") == ["kategori karikatur"]
    assert _cats("Kategori foto jurnalistik dimenangkan Rina Wati.") == ["Kategori foto jurnalistik"]  # any passive verb
    assert _cats("Sementara kategori pemerintah kabupaten dimenangi Kabupaten Sleman.") == ["kategori pemerintah kabupaten"]
    assert _cats("Kategori desa maju dikantongi Desa Sukamaju.") == ["Kategori desa maju"]
    assert _cats("Pada kategori pertama, terdapat 88 rumah sakit.") == []  # a rank word, not a class


def test_award_head_words_before_a_name_are_no_category():
    assert _cats("Tahun lalu Kabupaten Maju hanya mendapat predikat opini Wajar Dengan Pengecualian (WDP).") == []
    assert _cats("Budi menang di kategori opini terbaik.") == ["kategori opini terbaik"]  # a class of articles
    assert _cats("Budi menang di kategori opini. Lalu") == ["kategori opini"]


def test_a_lower_case_category_keeps_an_acronym_inside_it_and_ends_before_melalui():
    assert "kategori kampung KB perkotaan" in _cats("meraih juara satu pada kategori kampung KB perkotaan.")
    assert "kategori desa" in _cats("masuk kategori desa ODF. Lalu")  # an acronym at the end is no part of it
    assert "kategori inovasi pelayanan kesehatan" in _cats("dalam kategori inovasi pelayanan kesehatan melalui program X")


def test_a_lower_case_grade_keeps_its_number():
    assert "predikat bintang 5" in _cats("PT Bank Sukamaju meraih predikat bintang 5, sedangkan")
    assert "predikat bintang" in _cats("meraih predikat bintang 2023 lalu")  # a year is no grade's number


def test_a_grade_with_its_number_is_a_category_without_a_head():
    cats = _cats("Perumda Sukamaju meraih Top BUMD Awards 2023 dengan Bintang 5 (Excellent). Tahun lalu bintang 4.")
    assert "Bintang 5 (Excellent)" in cats and "bintang 4" in cats
    assert not any(c.startswith("Kelas") for c in _cats("siswa Kelas 5 SD Sukamaju meraih juara"))  # a school class


def test_only_category_labels_start_a_lower_case_category():
    assert _cats("Angka tingkat kelahiran di kabupaten itu turun.") == []


def test_the_kind_right_before_a_rank_is_the_category():
    text = ("Predikat Provinsi Terbaik Pertama diraih Jawa Barat. Kabupaten terbaik kedua diraih Sumedang. "
            "Kota Bogor juara umum.")
    cats = _cats(text)
    assert "Predikat Provinsi" in cats and "Kabupaten" in cats
    assert not any(c.startswith("Kota") for c in cats)  # a city's name, no rank after the kind


def test_a_kind_that_ends_a_known_awards_name_is_no_category_before_a_rank():
    text = "Kota Sukamaju Raih Penghargaan Pembangunan Daerah Terbaik III"
    assert "Daerah" not in _cats(text)
    assert "Daerah" in _cats("Sukamaju menjadi Daerah Terbaik III se-Jawa")


def test_a_lower_case_category_stops_before_its_rank():
    assert "predikat provinsi" in _cats("Adapun predikat provinsi terbaik pertama diraih Jawa Barat.")


def _roles(text: str) -> list[str]:
    spans = [s for s in find_awards(text) if s.label == "CAT" and s.source.endswith(".role")]
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


def test_what_a_winner_is_named_as_is_a_category_candidate():
    text = ("Penghargaan tersebut diraih Provinsi Maju sebagai TPID Terbaik 2016, Kabupaten Sentosa sebagai "
            "TPID Berprestasi, dan Kota Damai sebagai “Kota Teladan” tahun ini.")
    assert _roles(text) == ["TPID Terbaik", "TPID Berprestasi", "Kota Teladan"]  # the year stays with the award
    assert _roles("Kota Sukamaju dinobatkan sebagai kota besar paling cerdas se-Indonesia.") == ["kota besar paling cerdas"]
    assert _roles("Lima provinsi dinobatkan sebagai provinsi yang terinovatif pada ajang itu.") == ["provinsi yang terinovatif"]


def test_a_role_needs_an_award_in_its_sentence_and_a_name_worth_a_category():
    assert _roles("Ia hadir sebagai pembicara utama di seminar itu.") == []  # no award told
    assert _roles("Penghargaan ini diberikan sebagai bentuk apresiasi atas kerja keras.") == []  # refused start
    assert _roles("Bupati Sukamaju menerima penghargaan sebagai Bupati Sukamaju periode kedua.") == []  # a title
    assert _roles("Budi memperoleh Award sebagai anak yang rajin.") == []  # one lower-case word says too little
    assert _roles("Sebanyak 25 RS meraih penghargaan sebagai rumah sakit Sayang Ibu.") == []  # a bare kind
    assert _roles("Kabupaten Sukamaju menerima penghargaan sebagai pemerintah daerah dengan nilai tertinggi.") == []
    assert _roles("Kabupaten Sukamaju menerima penghargaan sebagai Pemerintah Daerah terbaik.") == []
    assert _roles("Pemda meraih penghargaan. Acara ini berlangsung sebagai Pesta Rakyat tahunan.") == []  # other sentence


def test_a_field_is_a_category_candidate_unless_it_belongs_to_a_title_or_a_body():
    assert _cats("Pemenang penghargaan bidang Kemiskinan: PT Sumber Makmur, PT Cahaya.") == ["bidang Kemiskinan"]
    assert _cats("Penghargaan Subroto Award Bidang Efisiensi Energi diraih PLTU Ropa.") == ["Bidang Efisiensi Energi"]
    assert _cats("Kategori Bidang Pelayanan Publik diraih Kota Bima.")[0] == "Kategori Bidang Pelayanan Publik"
    assert _cats("diserahkan Menteri Koordinator Bidang Perekonomian Budi Santoso.") == []
    assert _cats("kata Ketua MUI Bidang Ekonomi Syariah di Jakarta.") == []
    assert _cats("Deputi Bidang Pelayanan Publik hadir.\nWakil Menteri bidang Pendidikan hadir.") == []
    assert _cats("Baca juga.\n\nDi bidang Kesehatan, penghargaan diraih A.") == ["bidang Kesehatan"]
    assert _cats("Selain Bidang Wartawan Energi, ada sembilan kategori.") == ["Bidang Wartawan Energi"]


def test_an_award_name_keeps_its_acronym_in_brackets_and_stops_at_its_category():
    assert "Anugerah Parahita Ekapraya (APE) 2020" in _awards("meraih Anugerah Parahita Ekapraya (APE) 2020 di Jakarta")
    text = "meraih Anugerah Kebudayaan (AK) Kategori Pelestari tahun ini"
    assert "Anugerah Kebudayaan (AK)" in _awards(text) and "Kategori Pelestari" in _cats(text)
    assert not any("Bidang" in a for a in _awards("Penghargaan Subroto Award Bidang Efisiensi Energi (PSBE) diraih"))
    assert "Bidang Efisiensi Energi (PSBE)" in _cats("Penghargaan Subroto Award Bidang Efisiensi Energi (PSBE) diraih")


def test_a_known_award_is_no_category():
    # a lower-case category stops where a known award begins: `predikat` alone names no class
    assert _cats("BPK memberikan predikat opini Wajar Tanpa Pengecualian (WTP) kepada Pemkab Lebak.") == []
    # a class word inside a known award's own name is the name; after an award it names the grade
    assert _cats("Pemkab Sigi menerima Anugerah Kencana dari BKKBN.") == []
    assert _cats("Kota Surabaya meraih Adipura Kencana tahun ini.") == ["Kencana"]


def test_a_class_word_that_ends_a_title_is_no_category():
    assert _cats("kata Direktur Utama PT Sumber Makmur, Budi Santoso.") == []
    assert _cats("Budi Santoso menerima Bintang Jasa Utama.") == ["Utama"]


def test_best_alone_is_no_class():
    # `terbaik` praises nearly every award; as a class word it named no gold category in the real train and dev pages
    assert _cats("Desa Sukamaju meraih penghargaan desa terbaik se-Jawa Barat.") == []
    assert _cats("Kota Bima meraih Predikat Kota Terbaik.") == ["Predikat Kota Terbaik"]


def _lead_ins(text: str) -> list[str]:
    spans = [s for s in find_awards(text) if s.source.endswith(".lead_in")]
    assert all(text[s.start:s.end] == s.text for s in spans)
    return [s.text for s in spans]


def test_a_clause_opened_by_untuk_names_the_class_before_its_winners():
    assert _lead_ins("Sementara untuk kota kecil berurutan, Kota Magelang, Sawahlunto dan Bontang.") == ["kota kecil"]
    assert _lead_ins("Untuk lomba kepala sekolah SMK berprestasi, juara I diraih Budi.") == ["kepala sekolah SMK berprestasi"]
    assert _lead_ins("Sedangkan untuk juara lomba Kepala Sekolah SMA, juara I diraih Ani.") == ["Kepala Sekolah SMA"]
    # a comma after the opener; a capitalised `Tingkat` inside the class is no stop word
    assert _lead_ins("Selanjutnya, untuk Pimpinan DPRD Tingkat Kota, diraih oleh DPRD Kota Bima.") == [
        "Pimpinan DPRD Tingkat Kota"]


def test_untuk_before_a_pronoun_a_verb_a_place_a_rank_or_a_category_label_names_no_class():
    assert _lead_ins("Untuk itu, kami berterima kasih kepada juri.") == []
    assert _lead_ins("Untuk diketahui, acara ini diraih lewat penilaian.") == []
    assert _lead_ins("Untuk mewujudkan itu, Pemkab bekerja keras.") == []
    assert _lead_ins("Untuk Pemerintah Provinsi Banten, penghargaan ini diraih kedua kali.") == []
    assert _lead_ins("Untuk pemenang pertama diraih Kota Bima.") == []
    assert _lead_ins("Untuk kelima kalinya, Kota Bima meraih Adipura.") == []
    assert _lead_ins("Untuk kategori Madya diraih Kota Bima.") == []  # the category rule has it
    assert "kategori Madya" in _cats("Untuk kategori Madya diraih Kota Bima.")


def test_nan_and_tiap_end_a_lower_case_category():
    assert _cats("Lima pemenang dalam masing-masing kategori nan meliputi bidang kesehatan.") == []
    assert _cats("Pemkab Serang mengalami peningkatan predikat tiap tahunnya.") == []


def test_a_title_case_headline_ends_the_award_at_a_preposition():
    assert "Trofi Cendana" in _awards("Bupati Lamandau Terima Trofi Cendana Pada Puncak HPN 2024 di Palu")
    assert not any("Pada" in a for a in _awards("Bupati Lamandau Terima Trofi Cendana Pada Puncak HPN 2024 di Palu"))
    # `Sebagai` stays: what follows it is the title conferred, which annotators take as the award's name
    assert _awards("Sekolah Raih Penghargaan Sebagai Sekolah Peduli Lingkungan") == [
        "Penghargaan Sebagai Sekolah Peduli Lingkungan"]
    # a capitalised `Dari` stays: award names hold it (`Wilayah Bebas Dari Korupsi`)
    assert "Penghargaan Wilayah Bebas Dari Korupsi" in _awards("Polres Raih Penghargaan Wilayah Bebas Dari Korupsi.")


def test_an_award_named_by_its_tail_opens_with_no_joiner_or_preposition():
    text = "Bank X meraih penghargaan pada Infobank Awards 2025 dan Top Daerah Awards 2025. Pada Infobank Awards 2025, ia menang."
    assert _awards(text) == ["Infobank Awards 2025", "Top Daerah Awards 2025", "Infobank Awards 2025"]
    assert _awards("Perusahaan meraih The Best Contact Center Awards 2024.") == ["The Best Contact Center Awards 2024"]


def test_every_spelling_of_satyalancana_heads_an_award_name():
    for head in ("Satyalancana", "Satya Lancana", "Satyalencana", "Satya Lencana"):
        assert set(_awards(f"Bupati Tebo menerima {head} Wira Karya dari Presiden.")) == {f"{head} Wira Karya"}


def test_a_category_ends_with_its_sentence():
    text = "Kabupaten Sleman meraih predikat BB. Predikat BB ini yang tertinggi di provinsi itu."
    assert _cats(text) == ["predikat BB", "Predikat BB"]


def test_a_rank_ends_the_award_name():
    text = "Kota Bogor meraih Anugerah Kota Layak Huni Peringkat Ke-2 Tingkat Nasional."
    assert "Anugerah Kota Layak Huni" in _awards(text)
    assert not any("Peringkat" in a for a in _awards(text))
    assert _awards("Kota Bogor meraih Penghargaan Terbaik II Kriteria Kota.") == []  # no name before the rank


def test_an_award_name_before_its_tail_does_not_cross_a_sentence():
    text = "Rumah sakit itu meraih Hospitality Choice Awards. Award berupa plakat diserahkan 30 Oktober 2021. ARSI Award digelar."
    assert _awards(text) == ["Hospitality Choice Awards", "ARSI Award"]


def test_a_name_ends_before_dan_and_the_next_region():
    text = "Riau predikat B dan Kepulauan Riau predikat BB, Jawa Barat predikat A dan Sumsel predikat BB."
    assert _cats(text) == ["predikat B", "predikat BB", "predikat A", "predikat BB"]
    # `dan` between two words of one name stays inside it
    assert _awards("meraih Penghargaan Kota Sehat dan Bersih tahun ini") == ["Penghargaan Kota Sehat dan Bersih"]
    # an award cut before its category keeps no dangling `dan`
    assert "Anugerah Pandu Negeri" in _awards("meraih Anugerah Pandu Negeri dan Kategori Kota Besar")


def test_an_award_named_by_its_tail_starts_after_any_win_verb_of_the_lexicon():
    # headlines use many verbs for a win; each one ends the winner's name and starts the award's
    for verb in ("Raih", "Memborong", "Merebut", "Menjuarai", "Mendulang"):
        assert _awards(f"Kabupaten Sukamaju {verb} Literasi Award 2024 di Jakarta.") == ["Literasi Award 2024"], verb


def test_a_contest_named_in_capitals_is_the_award_a_lower_case_one_is_not():
    assert _awards("SDN 2 Sukamaju juara I Lomba Sekolah Sehat 2016 di Jakarta.") == ["Lomba Sekolah Sehat 2016"]
    assert _awards("juara I Lomba Desa Tingkat Nasional") == ["Lomba Desa"]  # the level is a category's
    assert _awards("Tim kami meraih emas di Olimpiade Matematika Nasional (OMN) 2019.") == [
        "Olimpiade Matematika Nasional (OMN)"]
    assert _awards("Kota Bima ikut lomba inovasi daerah menuju tatanan normal baru.") == []
    assert _awards("Kontingen itu juara umum Pekmas ke-33.") == []  # a bare acronym names no span by itself
    assert _awards("Kontingen itu juara umum Pimnas ke-33.") == ["Pimnas"]  # unless it is a known award's (lexicon)


def test_an_award_name_ends_before_the_agency_that_holds_it():
    assert _awards("Ajang Olimpiade Matematika Nasional Kemendikbudristek digelar di Jakarta.") == [
        "Olimpiade Matematika Nasional"]
    assert _awards("Raih Penghargaan Prestasi Penyelenggaraan Pemda Dari Kemendagri") == [
        "Penghargaan Prestasi Penyelenggaraan Pemda"]
    assert _awards("Pemkab Sigi menerima Penghargaan KLHK tahun ini.") == ["Penghargaan KLHK"]  # the acronym alone is the name


def test_an_acronym_in_brackets_may_stand_inside_a_name_before_its_tail():
    assert _awards("Bank X meraih Indonesia Corporate Social Responsibility (ICSR) Award di Jakarta.") == [
        "Indonesia Corporate Social Responsibility (ICSR) Award"]


def test_the_title_of_national_hero_is_an_award():
    text = "Presiden menganugerahkan gelar Pahlawan Nasional kepada Budi. Ia ditetapkan sebagai Pahlawan Nasional."
    assert _awards(text) == ["gelar Pahlawan Nasional", "Pahlawan Nasional"]


def test_a_name_after_a_lower_case_head_word_is_an_award_candidate_no_body_person_or_grade():
    text = "Menteri memberikan penghargaan Parahita Karya Nugraha kepada Kabupaten Maju."
    found = weak_awards(text, [])
    assert [s.text for s in found] == ["Parahita Karya Nugraha"]
    assert all(text[s.start:s.end] == s.text and s.label == "AWARD" for s in found)
    assert weak_awards("Kota Bima meraih predikat A dari Ombudsman.", []) == []  # a grade, no name
    assert weak_awards("Kabupaten Maju meraih Penghargaan Parahita.", []) == []  # a capital head: the tagger's
    text = "Ia menerima penghargaan Bupati Sukamaju kemarin."
    giver = Span.of(text, text.index("Bupati"), text.index(" kemarin"), "PER", "fake", 1.0)
    assert weak_awards(text, [giver]) == []


def test_a_known_award_written_in_lower_case_is_a_weak_award_candidate():
    text = "Kota Bima kembali menerima piala adipura tahun ini."
    assert [s.text for s in weak_awards(text, [])] == ["piala adipura"]
    assert _awards(text) == []  # the tagger's rules take known awards as written only


def test_lower_case_words_after_a_head_are_the_last_weak_candidate_where_a_win_is_told():
    text = "Sebanyak 12 puskesmas meraih penghargaan sebagai puskesmas ramah anak terbaik 2019. Penghargaan itu diberikan"
    found = weak_awards(text, [])
    assert [(s.text, s.source.rsplit(".", 1)[1]) for s in found] == [("puskesmas ramah anak terbaik 2019", "phrase")]
    assert all(text[s.start:s.end] == s.text for s in found)
    # `dan` between two words stays inside; a stop word ends the name
    assert [s.text for s in weak_awards("Sekolah itu meraih anugerah guru dan tenaga kependidikan teladan dari Dinas.",
                                        [])] == ["guru dan tenaga kependidikan teladan"]
    assert weak_awards("Panitia menyiapkan lomba tahun depan agar bisa lebih meriah.", []) == []  # no win told
    # a win told, but of something else: the head is what one takes part in
    assert weak_awards("Yang belum meraih juara diminta mengikuti lomba tahun depan agar bisa menang.", []) == []
    assert weak_awards("Ia meraih sertifikat spesialis laporan keberlanjutan.", []) == []  # a document, no award
    # no name begins with a word of comparison or purpose, nor with a verb or adjective
    assert weak_awards("Kota itu ingin meraih penghargaan lebih tinggi lagi tahun depan.", []) == []
    assert weak_awards("Ia menerima medali sebagai wujud apresiasi panitia.", []) == []
    assert weak_awards("Kota itu meraih penghargaan bergengsi tingkat nasional.", []) == []
    # a capitalised name after a head comes first: the lower-case words are asked for only without one
    text = "Menteri memberikan penghargaan Parahita Karya Nugraha kepada Kabupaten Maju yang meraih lomba desa sehat."
    assert [s.text for s in weak_awards(text, [])] == ["Parahita Karya Nugraha"]


def test_the_common_misspelling_katagori_labels_a_category_as_kategori_does():
    assert _cats("Kota Bima meraih penghargaan untuk katagori kota kecil yang diserahkan Menteri.") == [
        "katagori kota kecil"]
    assert "Katagori Sangat Inovatif" in _cats("Pemkab Sleman dengan Katagori Sangat Inovatif Tahun 2021.")


def test_the_names_a_category_label_lists_are_categories_unless_they_name_winners():
    text = ("Provinsi Maju memborong tiga kategori sekaligus, yaitu Smart Governance, Smart Economy, dan Smart Society. "
            "Kota Jaya unggul di dua kategori lainnya: Smart Living dan Smart Environment.")
    assert [c for c in _cats(text) if c.startswith("Smart")] == [
        "Smart Governance", "Smart Economy", "Smart Society", "Smart Living", "Smart Environment"]
    # regions, governments and bodies after the label are the winners listed, no categories
    assert _cats("Unit kerja yang mendapat predikat antara lain Polri (59 penghargaan), Kejaksaan RI, Mahkamah Agung.") == []
    assert _cats("Untuk kategori itu, yakni Kota Bima, Kabupaten Sleman dan Pemkab Bantul.") == []
    assert "Smart Living" not in _cats("Kategori Madya yaitu Smart Living, Smart Economy.")  # a category names it first


def test_a_title_case_headlines_adverb_ends_an_award_name():
    assert _awards("Pemkot Semarang Sabet Tiga Penghargaan Sekaligus\nSEMARANG - Pemkot Semarang meraih APE.") == ["APE"]


def test_a_known_awards_acronym_glossed_as_another_name_names_no_known_award():
    text = "PT Semen Nusantara meraih Indonesia Green Awards (IGA) 2017. Pemenang The Best IGA 2017 lainnya adalah PT X."
    assert all(s.attrs.get("known") is None for s in find_awards(text) if s.label == "AWARD")
    assert "IGA 2017" not in _awards(text) and "Indonesia Green Awards (IGA) 2017" in _awards(text)
    # the known award's own long form, however misspelt, keeps its acronym known
    same = "Kabupaten Sleman meraih Innovative Goverment Award (IGA) 2024. IGA 2024 digelar Kemendagri."
    assert any(s.attrs.get("known") == "Innovative Government Award" and s.text == "IGA 2024" for s in find_awards(same))
