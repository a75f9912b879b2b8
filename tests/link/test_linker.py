"""Linker tests on short articles written for the project."""
from __future__ import annotations

import pytest

from extractor import Extractor
from extractor.core.record import Official
from extractor.pipeline import RULE_TAGGERS

from ..conftest import FakeTagger

STORY = """Pemkab Sleman Raih Anugerah Kabupaten Terinovatif di IGA 2024

Rabu, 11 Desember 2024 - 14:20 WIB

SLEMAN, Warta Kita - Pemerintah Kabupaten Sleman kembali meraih penghargaan Kabupaten Terinovatif Peringkat Ke-2 dalam ajang Innovative Government Award (IGA) 2024 yang digelar Kementerian Dalam Negeri (Kemendagri). Penghargaan diserahkan oleh Wakil Menteri Dalam Negeri Rina Kartika kepada Bupati Sleman Dr. H. Budi Prasetyo, S.H., M.Si. di Ballroom Hotel Sahid Raya, Yogyakarta, Selasa (10/12/2024).

Baca juga: Gubernur Bali Made Wirawan Raih Penghargaan Adipura

Dua inovasi unggulan yang mengantar kemenangan itu adalah:
1. SiPintar (Sistem Pelayanan Terpadu Ramah Anak) dari Dinas Pendidikan; dan
2. Jempol Emas (Jemput Bola Layanan Kesehatan Masyarakat) dari RSUD Sleman.

"Ini kerja bersama seluruh OPD," ujar Budi Prasetyo.
"""

LIST = """Berikut Daftar Pemenang Lomba Desa Sehat 2023

Dinas Kesehatan Provinsi Jawa Tengah mengumumkan pemenang lomba pada Jumat (8/9/2023) di Semarang.

Kategori Desa Mandiri
Juara I : Desa Sukamaju
Juara II : Desa Mekarsari
Juara III : Desa Tanjungsari

Kategori Desa Berkembang
Juara I : Desa Karangrejo
Juara II : Desa Sidomulyo
"""


def test_story_record(rules):
    rec = rules.extract(STORY, doc_id="story").to_dict()
    assert rec["doc_id"] == "story"
    assert rec["published"] == "2024-12-11"
    assert rec["event_date"] == "2024-12-10"
    assert rec["venue"] == "Ballroom Hotel Sahid Raya"
    assert rec["venue_city"] == "Yogyakarta"
    officials = {o["name"]: o["title"] for o in rec["officials"]}
    assert officials == {"Rina Kartika": "Wakil Menteri Dalam Negeri", "Budi Prasetyo": "Bupati Sleman"}
    agencies = {a["name"]: a["aliases"] for a in rec["agencies"]}
    assert "Kemendagri" in agencies["Kementerian Dalam Negeri"]
    assert not any("Bali" in a for a in agencies), "names from 'Baca juga' lines are not agencies"
    (award,) = rec["awards"]
    assert award["rank"] == 2 and award["rank_text"] == "Peringkat Ke-2"
    assert "Innovative Government Award" in award["award"] or "IGA" in award["award"]
    assert award["organizer"].startswith("Kementerian Dalam Negeri")
    assert award["year"] == 2024
    assert "Sleman" in award["recipient"]
    programs = {p["name"]: p for p in rec["programs"]}
    assert programs["SiPintar"]["description"] == "Sistem Pelayanan Terpadu Ramah Anak"
    assert programs["Jempol Emas"]["agency"] == "RSUD Sleman"


def test_list_article_gives_one_entry_per_winner(rules):
    rec = rules.extract(LIST).to_dict()
    got = [(a["recipient"], a["rank"], a["category"]) for a in rec["awards"]]
    assert got == [
        ("Desa Sukamaju", 1, "Desa Mandiri"), ("Desa Mekarsari", 2, "Desa Mandiri"),
        ("Desa Tanjungsari", 3, "Desa Mandiri"), ("Desa Karangrejo", 1, "Desa Berkembang"),
        ("Desa Sidomulyo", 2, "Desa Berkembang")]  # the class itself, without its label, as the learned linker writes
    assert rec["event_date"] == "2023-09-08"


def test_the_rules_write_no_category_that_only_repeats_the_award():
    text = ("Kabupaten Lebak meraih Top 40 Inovasi Pelayanan Publik 2018 "
            "katagori Kompetisi Inovasi Pelayanan Publik (KIPP).")
    fake = FakeTagger([("Kabupaten Lebak", "LOC"), ("Top 40 Inovasi Pelayanan Publik 2018", "AWARD"),
                       ("katagori Kompetisi Inovasi Pelayanan Publik (KIPP)", "CAT")])
    (award,) = Extractor([fake]).extract(text).awards
    assert (award.recipient, award.category) == ("Kabupaten Lebak", None)
    fake = FakeTagger([("Kabupaten Lebak", "LOC"), ("Top 40 Inovasi Pelayanan Publik 2018", "AWARD"),
                       ("katagori Kabupaten Terbaik", "CAT")])
    other = text.replace("Kompetisi Inovasi Pelayanan Publik (KIPP)", "Kabupaten Terbaik")
    (award,) = Extractor([fake]).extract(other).awards
    assert award.category == "Kabupaten Terbaik"


def test_the_rules_name_a_winner_by_its_fullest_mention():
    text = ("Pemkab Muba Raih Penghargaan BMD 2023\n\n"
            "Pemkab Muba meraih Penghargaan BMD 2023. Piala diterima Pemerintah Kabupaten Musi Banyuasin di Palembang.")
    fake = FakeTagger([("Pemkab Muba", "ORG"), ("Penghargaan BMD 2023", "AWARD"), ("Pemkab Muba", "ORG"),
                       ("Penghargaan BMD 2023", "AWARD"), ("Pemerintah Kabupaten Musi Banyuasin", "ORG"),
                       ("Palembang", "LOC")])
    (award,) = Extractor([fake]).extract(text).awards  # no model folder: the rule linker
    assert award.recipient == "Pemerintah Kabupaten Musi Banyuasin"  # `Muba` is the press's short name of it


def test_an_article_without_award_spans_takes_the_name_after_a_lower_case_head_word(rules):
    text = ("Menteri Dalam Negeri memberikan penghargaan Parahita Karya Nugraha kepada Kabupaten Sleman.\n"
            "Kabupaten Sleman meraih penghargaan itu berkat pelayanan publik yang baik.")
    rec = rules.extract(text)
    assert not [s for s in rec.spans if s.label == "AWARD"]
    assert [(a.award, a.recipient) for a in rec.awards] == [("Parahita Karya Nugraha", "Kabupaten Sleman")]
    # a weak name alone, with no winner found, makes no entry (a name the tagger found would)
    assert rules.extract("Menteri memberikan penghargaan Parahita Karya Nugraha pekan lalu.").awards == []


def test_an_article_without_any_award_name_takes_the_lower_case_words_after_a_head_word(rules):
    text = "Kabupaten Sleman meraih penghargaan kabupaten peduli hak asasi manusia dari Menteri Hukum."
    rec = rules.extract(text)
    assert [(a.award, a.recipient) for a in rec.awards] == [
        ("kabupaten peduli hak asasi manusia", "Kabupaten Sleman")]
    # the record says the name is a guess from weak evidence, so a reader checks it
    assert any(w.startswith("award name from weak evidence (phrase): 'kabupaten peduli hak asasi manusia'")
               for w in rec.warnings)
    assert not Extractor([FakeTagger([("Kabupaten Sleman", "LOC"), ("Anugerah Parahita Ekapraya", "AWARD")])]).extract(
        "Kabupaten Sleman meraih Anugerah Parahita Ekapraya dari Menteri.").warnings  # a named award: no warning


def test_a_span_that_starts_inside_a_bracket_keeps_the_short_name_and_a_name_that_follows():
    text = ("Penghargaan diserahkan Kementerian Lingkungan Hidup dan Kehutanan (KLHK) Republik Indonesia bersama "
            "Pusat Inovasi (PIK) Institut Teknologi Bandung.")
    fake = FakeTagger([("Kementerian Lingkungan Hidup dan Kehutanan", "ORG"), ("KLHK) Republik Indonesia", "ORG"),
                       ("Pusat Inovasi", "ORG"), ("PIK) Institut Teknologi Bandung", "ORG")], source="model")
    rec = Extractor([fake]).extract(text)
    names = [[a.name, *a.aliases] for a in rec.agencies]
    assert ["Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"] in names
    assert ["Institut Teknologi Bandung"] in names
    assert not [n for a in names for n in a if ")" in n]
    for s in rec.spans:
        assert text[s.start:s.end] == s.text


def test_fake_tagger_spans_reach_the_record():
    text = "Rektor Universitas Nusantara Ayu Lestari menerima penghargaan."
    fake = FakeTagger([("Rektor Universitas Nusantara", "TITLE"), ("Ayu Lestari", "PER")])
    ex = Extractor([fake])
    rec = ex.extract(text)
    assert rec.officials == [Official("Ayu Lestari", "Rektor Universitas Nusantara")]
    assert all(text[s.start:s.end] == s.text for s in rec.spans)
    assert {s.source for s in rec.spans} == {"fake"}


def test_rule_spans_win_over_overlapping_model_spans():
    text = "Bupati Gowa Andi Rahman menerima penghargaan dari Yayasan Cahaya Nusantara."
    fake = FakeTagger([("Bupati", "TITLE"), ("Gowa Andi Rahman", "PER"), ("Yayasan Cahaya Nusantara", "ORG")], source="model")
    ex = Extractor([fake] + [t() for t in RULE_TAGGERS.values()])
    rec = ex.extract(text)
    assert rec.officials == [Official("Andi Rahman", "Bupati Gowa")]
    # where no rule fires, the model's span stands
    assert any(s.source == "model" and s.text == "Yayasan Cahaya Nusantara" for s in rec.spans) or \
        any(a.name == "Yayasan Cahaya Nusantara" for a in rec.agencies)


def test_a_span_that_opens_a_bracket_takes_the_closing_one():
    text = "PT Danareksa (Persero) meraih Penghargaan Keselamatan Kerja (K3) dari Kementerian Ketenagakerjaan."
    fake = FakeTagger([("PT Danareksa (Persero", "ORG"), ("Penghargaan Keselamatan Kerja (K3", "AWARD")], source="model")
    rec = Extractor([fake]).extract(text)
    got = {s.label: s.text for s in rec.spans}
    assert got == {"ORG": "PT Danareksa (Persero)", "AWARD": "Penghargaan Keselamatan Kerja (K3)"}
    assert all(text[s.start:s.end] == s.text for s in rec.spans)
    # a closed bracket, or one closed farther on, stays as found
    fake = FakeTagger([("Kota Bima (NTB)", "LOC"), ("Anugerah (Adipura", "AWARD")], source="model")
    rec = Extractor([fake]).extract("Kota Bima (NTB) meraih Anugerah (Adipura Kencana).")
    assert {s.text for s in rec.spans} == {"Kota Bima (NTB)", "Anugerah (Adipura"}


def test_a_span_that_stops_at_a_hyphen_takes_the_rest_of_the_word():
    text = "Kota Bima meraih peringkat ke-3 pada Anugerah Desa ke-10 tahun ini."
    fake = FakeTagger([("Kota Bima", "LOC"), ("peringkat ke-", "RANK"), ("Anugerah Desa ke-", "AWARD")], source="model")
    rec = Extractor([fake]).extract(text)
    got = {s.label: s for s in rec.spans}
    assert (got["RANK"].text, got["RANK"].attrs.get("rank")) == ("peringkat ke-3", 3)
    assert got["AWARD"].text == "Anugerah Desa ke-10"
    assert all(text[s.start:s.end] == s.text for s in rec.spans)


def test_a_term_of_office_between_a_title_and_its_holder():
    text = ("Adapun kepala daerah tersebut yaitu:\n- Gubernur Jawa Timur 2019-2024, Khofifah Indar Parawansa\n"
            "- Wali Kota Medan 2021-sekarang, Bobby Nasution\n- Bupati Badung periode 2021-2024 I Nyoman Giri Prasta\n")
    fake = FakeTagger([("Khofifah Indar Parawansa", "PER"), ("Bobby Nasution", "PER"), ("I Nyoman Giri Prasta", "PER")],
                      source="model")
    rec = Extractor([fake] + [t() for t in RULE_TAGGERS.values()]).extract(text)
    assert {(o.name, o.title) for o in rec.officials} == {
        ("Khofifah Indar Parawansa", "Gubernur Jawa Timur"), ("Bobby Nasution", "Wali Kota Medan"),
        ("I Nyoman Giri Prasta", "Bupati Badung")}


@pytest.mark.parametrize("title, name", [("Kepala Dinas", "Bappeda"), ("Camat", "OPD"), ("Presiden", "Jenderal TNI"),
                                         ("Bupati", "Sumbar"), ("Gubernur Maluku", "Sehari")])
def test_an_office_a_body_a_place_or_a_common_word_is_no_official(title, name):
    text = f"Sehari sebelumnya, {title} {name} menyerahkan penghargaan. Acara berlangsung sehari penuh."
    fake = FakeTagger([(title, "TITLE"), (name, "PER")], source="model")
    assert Extractor([fake]).extract(text).officials == []


def test_one_word_after_a_title_that_the_article_names_as_a_body_is_no_official():
    text = "Piala diserahkan kepada Rektor Unhas di Jakarta. Tahun ini mahasiswa Unhas kembali menang."
    rule = FakeTagger([("Rektor", "TITLE"), ("Unhas", "PER")], source="rules.officials.v1")
    assert Extractor([rule, FakeTagger([("Unhas", "ORG")], source="model")]).extract(text).officials == []
    person = "Tag: MURI, Triyono.\nManajer MURI Triyono hadir. Triyono mengatakan rekor itu sah."
    rule = FakeTagger([("Manajer MURI", "TITLE"), ("Triyono", "PER")], source="rules.officials.v1")
    model = FakeTagger([("Triyono", "LOC"), ("Triyono", "PER")], source="model")
    assert [o.name for o in Extractor([rule, model]).extract(person).officials] == ["Triyono"], \
        "the model calls it a person elsewhere: a tag of a place was the mistake"


def test_a_rules_one_word_name_that_a_capitalised_word_continues_is_no_official():
    text = "Ketua Panitia Tetap Anugerah Adinegoro memberi sambutan. Ketua Panitia Rita Hastuti menutup acara."
    rule = FakeTagger([("Ketua Panitia", "TITLE"), ("Tetap", "PER"), ("Ketua Panitia", "TITLE"), ("Rita Hastuti", "PER")],
                      source="rules.officials.v1")
    assert [o.name for o in Extractor([rule]).extract(text).officials] == ["Rita Hastuti"]
    alone = "Bupati Kustini Sri Purnomo hadir. Bupati Kustini Menyerahkan piala."  # the model's word stands
    model = FakeTagger([("Bupati", "TITLE"), ("Kustini", "PER")], source="model")
    assert [o.name for o in Extractor([model]).extract(alone).officials] == ["Kustini"]


def test_a_region_written_after_a_venue_is_its_city_before_a_place_in_its_name():
    text = "Penghargaan diserahkan di Bali Room, Kota Bandung, Jumat (1/3/2024)."
    rec = Extractor([FakeTagger([("Bali Room", "VENUE")], source="model")]).extract(text)
    assert (rec.venue, rec.venue_city) == ("Bali Room", "Bandung")
    alone = "Penghargaan diserahkan di Jakarta Convention Center, Jumat (1/3/2024)."
    rec = Extractor([FakeTagger([("Jakarta Convention Center", "VENUE")], source="model")]).extract(alone)
    assert rec.venue_city == "Jakarta"


def test_a_title_in_brackets_after_the_name():
    text = "Penerima antara lain:\n- Fadli Zon (Menteri Kebudayaan),\n- Sugiono (Menteri Luar Negeri), dan\n"
    fake = FakeTagger([("Fadli Zon", "PER"), ("Menteri Kebudayaan", "TITLE"), ("Sugiono", "PER"),
                       ("Menteri Luar Negeri", "TITLE")], source="model")
    assert {(o.name, o.title) for o in Extractor([fake]).extract(text).officials} == {
        ("Fadli Zon", "Menteri Kebudayaan"), ("Sugiono", "Menteri Luar Negeri")}


def test_a_weekday_picks_the_event_year_among_the_years_the_article_names(rules):
    text = ("Kota Tegal Raih Adipura\n\nTEGAL - Kota Tegal pernah meraih Adipura pada 2010. Sejak 2010 kota ini "
            "berbenah, dan pada 2019 kembali menerima Piala Adipura di Jakarta, Jumat (22/11).")
    # 22 November fell on a Friday in 2019, not in 2010 (the year named most) nor in its neighbours
    assert rules.extract(text).to_dict()["event_date"] == "2019-11-22"


def test_a_day_dated_elsewhere_keeps_that_year_whatever_weekday_the_writer_gave(rules):
    text = ("Kota Tegal Raih Adipura\n\nKamis, 30 Desember 2021 - 16:06 WIB\n\nTEGAL - Kota Tegal menerima Piala "
            "Adipura dari Menteri Lingkungan Hidup dan Kehutanan di Gedung Manggala Wanabakti, Jakarta, Rabu (30/12). "
            "Penghargaan itu diterima langsung oleh Wali Kota Tegal.")
    # 30 December 2021 was a Thursday; the weekday alone would say 2020, the article dates the day 2021
    rec = rules.extract(text)
    assert rec.event_date == "2021-12-30"
    assert any("weekday does not match" in w for w in rec.warnings)


def test_a_full_date_that_opens_the_text_is_the_published_date(rules):
    rec = rules.extract("date 2025-10-07 jpnn.com, JAKARTA - Kota Tegal meraih Adipura di Jakarta, Senin (6/10).")
    assert rec.published == "2025-10-07" and rec.event_date == "2025-10-06"


def test_the_members_of_a_panel_take_the_panel_as_their_title():
    text = ("Program itu mampu memukau lima dewan juri masing-masing Agus Dermawan, Atal Depari dan Ninok Leksono. "
            "Dewan juri menilai program Bupati Sergai Darma Wijaya berhasil.")
    fake = FakeTagger([("Agus Dermawan", "PER"), ("Atal Depari", "PER"), ("Ninok Leksono", "PER"),
                       ("Bupati Sergai", "TITLE"), ("Darma Wijaya", "PER")], source="model")
    assert {(o.name, o.title) for o in Extractor([fake]).extract(text).officials} == {
        ("Agus Dermawan", "dewan juri"), ("Atal Depari", "dewan juri"), ("Ninok Leksono", "dewan juri"),
        ("Darma Wijaya", "Bupati Sergai")}  # `Dewan juri menilai`: no list, the next sentence's names are not members


def test_a_nickname_beside_the_full_name_is_one_official():
    text = "Presiden Joko Widodo membuka acara. Dalam sambutannya, Presiden Jokowi memuji para pemenang."
    fake = FakeTagger([("Presiden", "TITLE"), ("Joko Widodo", "PER"), ("Presiden", "TITLE"), ("Jokowi", "PER")],
                      source="model")
    assert [(o.name, o.title) for o in Extractor([fake]).extract(text).officials] == [("Joko Widodo", "Presiden")]
    alone = "Presiden Jokowi memuji para pemenang."
    fake = FakeTagger([("Presiden", "TITLE"), ("Jokowi", "PER")], source="model")
    assert [o.name for o in Extractor([fake]).extract(alone).officials] == ["Jokowi"]  # as written


def test_a_two_word_name_of_common_words_stays_an_official():
    text = "Camat Budi Lestari hadir. Warga menjaga budi pekerti dan lingkungan lestari."
    fake = FakeTagger([("Camat", "TITLE"), ("Budi Lestari", "PER")], source="model")
    assert [o.name for o in Extractor([fake]).extract(text).officials] == ["Budi Lestari"]


def test_a_body_before_an_honorific_inside_a_name_goes_to_the_title():
    text = "Rektor Unair Prof. Mohammad Nasih menerima penghargaan. Bupati Prof. Dr. H. Ahmad Fauzi hadir."
    fake = FakeTagger([("Rektor", "TITLE"), ("Unair Prof. Mohammad Nasih", "PER"), ("Bupati", "TITLE"),
                       ("Prof. Dr. H. Ahmad Fauzi", "PER")], source="model")
    assert [(o.name, o.title) for o in Extractor([fake]).extract(text).officials] == [
        ("Mohammad Nasih", "Rektor Unair"), ("Ahmad Fauzi", "Bupati")]  # honorifics alone before the name stay


def test_a_venue_without_a_city_takes_the_place_after_di(rules):
    text = ("Kota Batu Raih Swasti Saba\n\nAnugerah Swasti Saba Wiwerda diserahkan di Gedung Sasana Bhakti kepada "
            "Pemkot Batu. Puncak peringatan Hari Kesehatan Nasional itu berlangsung di Jakarta, Selasa (19/11/2019).")
    rec = rules.extract(text)
    assert rec.venue == "Gedung Sasana Bhakti" and rec.venue_city == "Jakarta"


def test_the_event_city_is_the_place_an_event_cue_leads_not_the_first_place_after_di(rules):
    text = ("Kota Ambon Raih Penghargaan\n\nAMBON - Program itu pertama kali diuji di Jakarta pada 2021. "
            "Penyerahan penghargaan kepada Pemkot Ambon digelar di Kabupaten Maluku Tengah, Kamis (12/12/2024).")
    assert rules.extract(text).venue_city == "Maluku Tengah"
    no_event = "Kota Ambon Raih Penghargaan\n\nAMBON - Program itu pertama kali diuji di Jakarta pada 2021."
    assert rules.extract(no_event).venue_city == "Jakarta"  # no event cue: the first bare place after `di`


@pytest.mark.parametrize("dateline", ["Tangerang Selatan – ", "Semarang, Jurnal Kita.com- ", "BOGOR (Kabar.com) – "])
def test_the_dateline_city_however_the_dateline_is_written(rules, dateline):
    text = dateline + "Kota itu meraih penghargaan Adipura dari Kementerian Lingkungan Hidup, Senin (5/6/2023)."
    assert rules.extract(text).venue_city == dateline.split(",")[0].split("(")[0].strip(" –").title()


def test_the_header_date_with_its_time_is_the_published_date(rules):
    text = ("• Minggu, 2 Oktober 2022\n\nPEMENANG ANUGERAH JURNALISTIK 2021\n\n- Senin, 31 Januari 2022 | 15:15 WIB\n\n"
            "JAKARTA - Panitia mengumumkan para pemenang anugerah jurnalistik tahun ini di Jakarta, Minggu (30/1/2022). "
            "Penghargaan itu diberikan kepada wartawan dari berbagai media nasional dan daerah di seluruh Indonesia.")
    rec = rules.extract(text)
    assert rec.published == "2022-01-31" and rec.event_date == "2022-01-30"


def test_agencies_listed_in_one_span_are_one_agency_each():
    text = "Kategori Kota Besar diraih DPRD Kota Balikpapan, DPRD Kota Surabaya dan DPRD Kota Banjarmasin."
    fake = FakeTagger([("DPRD Kota Balikpapan, DPRD Kota Surabaya dan DPRD Kota Banjarmasin", "ORG")], source="model")
    assert [a.name for a in Extractor([fake]).extract(text).agencies] == [
        "DPRD Kota Balikpapan", "DPRD Kota Surabaya", "DPRD Kota Banjarmasin"]
    one = "Penghargaan diserahkan Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi."
    fake = FakeTagger([("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", "ORG")], source="model")
    assert [a.name for a in Extractor([fake]).extract(one).agencies] == [
        "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"]  # one ministry, named with commas


def test_the_giver_named_right_after_the_award_organises_it_not_a_body_further_on(rules):
    near = rules.extract("Pemkab Sukamaju meraih Anugerah Desa Lestari 2025 dari Kementerian Desa di Jakarta.")
    assert [a.organizer for a in near.awards] == ["Kementerian Desa"]
    far = rules.extract("Budi Santoso meraih juara I Lomba Guru Berprestasi 2025. Budi merupakan guru matematika yang "
                        "mengajar dari SMAN 1 Demak.")
    assert [a.organizer for a in far.awards] == [None]


def test_empty_text_gives_empty_record(rules):
    rec = rules.extract("   ").to_dict()
    assert rec["awards"] == [] and rec["officials"] == [] and rec["warnings"] == ["empty text"]


def test_record_has_every_field(rules):
    rec = rules.extract("Kota Tegal meraih Adipura.").to_dict()
    for key in ("doc_id", "title", "published", "event_date", "venue", "venue_city", "awards", "programs",
                "officials", "agencies", "spans", "warnings"):
        assert key in rec


INLINE = """Bappenas Umumkan Penerima Penghargaan Daerah 2023

JAKARTA - Kementerian PPN/Bappenas menyerahkan penghargaan di Jakarta, Senin (8/5/2023). Predikat Provinsi Terbaik Pertama diraih Provinsi Gorontalo, Provinsi Terbaik Kedua diraih Provinsi Jambi, dan Provinsi Terbaik Ketiga diraih oleh Provinsi Papua Barat.
Selain itu, sejumlah daerah juga mendapat penghargaan serupa yakni Kabupaten Sikka, Kota Tidore Kepulauan, Kabupaten Sintang, dan Kota Pariaman.
"""


def test_winners_inside_sentences(rules):
    rec = rules.extract(INLINE).to_dict()
    got = {a["recipient"]: (a["rank"], a["category"]) for a in rec["awards"]}
    assert got["Provinsi Gorontalo"][0] == 1 and got["Provinsi Jambi"][0] == 2 and got["Provinsi Papua Barat"][0] == 3
    assert "Provinsi" in got["Provinsi Gorontalo"][1]
    for region in ("Kabupaten Sikka", "Kota Tidore Kepulauan", "Kabupaten Sintang", "Kota Pariaman"):
        assert region in got


def test_a_confident_model_span_vetoes_the_rule_span_it_contradicts():
    """A rule PER inside a model TITLE does not reach the record; a region inside a title may."""
    from extractor.core.spans import MergePolicy, Span, resolve

    text = "Dirjen Otonomi Daerah Kementerian Dalam Negeri Sumarsono hadir."
    title = Span.of(text, 0, 46, "TITLE", "model", 0.97)
    per_model = Span.of(text, 47, 56, "PER", "model", 0.96)
    per_rule = Span.of(text, 7, 14, "PER", "rules.officials.v1")   # `Otonomi`: the rule's title stopped early
    short_title = Span.of(text, 0, 6, "TITLE", "rules.officials.v1")
    loc_rule = Span.of(text, 22, 46, "ORG", "rules.agencies.v1")   # an agency inside the title: nests
    spans = [title, per_model, per_rule, short_title, loc_rule]
    off = resolve(spans)
    assert per_rule in off and short_title in off and title not in off  # default: rules win, no veto
    on = resolve(spans, MergePolicy(veto=0.9, model_longer=0.9))
    assert per_rule not in on and short_title not in on
    assert {title, per_model, loc_rule} <= set(on)
    weak = resolve([Span.of(text, 0, 46, "TITLE", "model", 0.6), per_rule], MergePolicy(veto=0.9, model_longer=0.9))
    assert per_rule in weak  # an unsure model vetoes nothing


def test_a_model_title_drops_a_rule_name_inside_it_where_the_model_reads_no_name():
    from extractor.core.spans import MergePolicy, Span, resolve

    text = "Menteri Pertambangan dan Energi hadir."
    title = Span.of(text, 0, 31, "TITLE", "model", 0.85)  # sure enough for a title, not for the veto (0.9)
    per_rule = Span.of(text, 8, 20, "PER", "rules.officials.v1")  # `Pertambangan`: the title's portfolio
    policy = MergePolicy(veto=0.9, model_longer=0.9, title_veto=0.8)
    assert per_rule not in resolve([title, per_rule], policy)
    assert per_rule in resolve([title, per_rule], MergePolicy(veto=0.9, model_longer=0.9))  # off by default
    named = Span.of(text, 8, 20, "PER", "model", 0.7)  # the model reads a name there too: the rule's stands
    assert per_rule in resolve([title, per_rule, named], policy)
    assert MergePolicy.from_card({"merge": {"title_veto": 0.8}}).title_veto == 0.8


def test_a_body_between_a_title_and_the_models_name_is_part_of_the_title():
    from extractor.core.spans import MergePolicy, Span, resolve

    text = "Manajer Muri, Sri Widayanti mengatakan rekor itu tercatat."
    spans = [Span.of(text, 0, 7, "TITLE", "rules.officials.v1", pair=1),
             Span.of(text, 8, 12, "PER", "rules.officials.v1", pair=1),  # `Muri`: the body, no name
             Span.of(text, 14, 27, "PER", "model", 0.95)]
    kept = resolve(spans, MergePolicy(veto=0.9, model_longer=0.9, title_veto=0.8))
    assert [s.text for s in kept if s.label == "PER"] == ["Sri Widayanti"]
    ex = Extractor([FakeTagger([(s.text, s.label) for s in kept], source="model")])
    assert [(o.name, o.title) for o in ex.extract(text).officials] == [("Sri Widayanti", "Manajer Muri")]


def test_a_name_or_a_title_inside_a_rule_venue_does_not_veto_it():
    from extractor.core.spans import MergePolicy, Span, resolve

    text = "Penghargaan diserahkan di Auditorium Dr. Ir. Soejarwo, Gedung Manggala Wana Bakti, Jakarta."
    venue = Span.of(text, 26, 81, "VENUE", "rules.venues.v1")
    assert venue.text == "Auditorium Dr. Ir. Soejarwo, Gedung Manggala Wana Bakti"
    spans = [venue, Span.of(text, 37, 44, "PER", "model", 0.95), Span.of(text, 26, 36, "TITLE", "model", 0.95)]
    assert venue in resolve(spans, MergePolicy(veto=0.9, model_longer=0.9))
    assert venue not in resolve([venue, Span.of(text, 20, 36, "ORG", "model", 0.95)], MergePolicy(veto=0.9))


@pytest.mark.parametrize("text, venue, city", [
    ("Penghargaan diserahkan di Istana Wakil Presiden di Jakarta, Selasa (28/12/2021).", "Istana Wakil Presiden", "Jakarta"),
    ("Acara dilaksanakan di Jakarta di Auditorium Gedung Manggala, Senin (3/6/2024).", "Auditorium Gedung Manggala", "Jakarta"),
    ("Upacara berlangsung di Lanud Sutan Sjahrir, Tabing Padang, Sabtu (10/6/2023).", "Lanud Sutan Sjahrir", "Padang"),
])
def test_the_city_beside_a_venue(rules, text, venue, city):
    rec = rules.extract(text)
    assert (rec.venue, rec.venue_city) == (venue, city)


def test_a_one_word_section_name_is_no_headline(rules):
    text = "Humaniora\nPemkab Sleman Raih Penghargaan Adipura 2024\nSLEMAN - Pemerintah Kabupaten Sleman meraih Adipura."
    assert rules.extract(text).title == "Pemkab Sleman Raih Penghargaan Adipura 2024"


def test_a_person_named_twice_takes_the_title_written_out_in_full():
    text = ("Menhub Budi Karya Sumadi menyerahkan penghargaan itu. Menurut Menteri Perhubungan Budi Karya Sumadi, "
            "kota itu layak menang.")
    fake = FakeTagger([("Menhub", "TITLE"), ("Budi Karya Sumadi", "PER"), ("Menteri Perhubungan", "TITLE"),
                       ("Budi Karya Sumadi", "PER")], source="model")
    assert Extractor([fake]).extract(text).officials == [Official("Budi Karya Sumadi", "Menteri Perhubungan")]


def test_a_title_after_a_name_and_a_dash_is_that_name_s_not_the_next_one_s():
    text = ("Penerima kategori perorangan yaitu: Joko Widodo – Walikota Solo, Valerina Daniel – Penulis Buku, "
            "Tony Sumampau – Pendiri Taman Safari Indonesia.")
    fake = FakeTagger([("Joko Widodo", "PER"), ("Valerina Daniel", "PER"), ("Tony Sumampau", "PER"),
                       ("Pendiri Taman Safari Indonesia", "TITLE")], source="model")
    rec = Extractor([fake] + [t() for t in RULE_TAGGERS.values()]).extract(text)
    assert {(o.name, o.title) for o in rec.officials} == {
        ("Joko Widodo", "Walikota Solo"), ("Tony Sumampau", "Pendiri Taman Safari Indonesia")}


def test_an_event_year_the_article_never_writes_is_flagged(rules):
    text = "Kota Bima Raih Adipura\n\nPemkot Bima meraih Piala Adipura di Jakarta, Kamis (28/8)."
    rec = rules.extract(text)
    assert rec.event_date is not None and rec.event_date.endswith("-08-28")
    assert [w for w in rec.warnings if w.startswith("year not written")] == [
        f"year not written: {rec.event_date[:4]} is the latest year whose 28/8 falls on that weekday "
        f"('Kamis (28/8)' at {text.index('Kamis')})"]
    dated = rules.extract("Kota Bima Raih Adipura 2014\n\nPemkot Bima meraih Piala Adipura, Kamis (28/8).")
    assert dated.event_date == "2014-08-28" and not any(w.startswith("year not written") for w in dated.warnings)


def test_the_venue_an_event_cue_leads_wins_over_one_named_before_it():
    text = ("Kota Surabaya kembali ke Istana Negara tahun lalu untuk menerima Adipura. Tahun ini acara Hari Otda "
            "digelar di Balai Kota Surabaya, Kamis (25/4/2024). Wali kota menerima penghargaan di Balai Kota.")
    fake = FakeTagger([("Istana Negara", "VENUE"), ("Balai Kota Surabaya", "VENUE"), ("Balai Kota", "VENUE")],
                      source="model")
    rec = Extractor([fake]).extract(text)
    assert (rec.venue, rec.venue_city) == ("Balai Kota Surabaya", "Surabaya")
    origin = ("Para juara menerima piala di Ruang Sipakatau Balai Kota Makassar. Trofi diserahkan Wali Kota, lomba "
              "dinilai tim dari Setda Kota Makassar.")
    fake = FakeTagger([("Ruang Sipakatau Balai Kota Makassar", "VENUE"), ("Setda Kota Makassar", "VENUE")], source="model")
    assert Extractor([fake]).extract(origin).venue == "Ruang Sipakatau Balai Kota Makassar"  # `dari`: an origin
    short_first = ("Penghargaan diserahkan di Auditorium Widya Sabha. Auditorium Widya Sabha Universitas Warmadewa "
                   "menjadi tuan rumah.")
    fake = FakeTagger([("Auditorium Widya Sabha", "VENUE"), ("Auditorium Widya Sabha Universitas Warmadewa", "VENUE")],
                      source="model")
    assert Extractor([fake]).extract(short_first).venue == "Auditorium Widya Sabha Universitas Warmadewa"


def test_a_title_right_after_a_name_with_no_name_of_its_own_is_that_name_s():
    text = "Hadir antara lain Heru Kristiyana Kepala Eksekutif Pengawas Perbankan OJK dan para direksi."
    fake = FakeTagger([("Heru Kristiyana", "PER"), ("Kepala Eksekutif Pengawas Perbankan OJK", "TITLE")], source="model")
    assert [(o.name, o.title) for o in Extractor([fake]).extract(text).officials] == [
        ("Heru Kristiyana", "Kepala Eksekutif Pengawas Perbankan OJK")]
    text = "Hadir Budi Santoso Gubernur Jawa Tengah Ganjar Pranowo di acara itu."
    fake = FakeTagger([("Budi Santoso", "PER"), ("Gubernur Jawa Tengah", "TITLE"), ("Ganjar Pranowo", "PER")],
                      source="model")
    assert [(o.name, o.title) for o in Extractor([fake]).extract(text).officials] == [
        ("Ganjar Pranowo", "Gubernur Jawa Tengah")]


@pytest.mark.parametrize("text, venue, city", [
    ("Digelar di Palembang Sport and Convention Center.", "Palembang Sport and Convention Center", "Palembang"),
    ("Upacara digelar di alun-alun Kabupaten Sidoarjo, Jawa Timur, Senin.", "alun-alun Kabupaten Sidoarjo", "Sidoarjo"),
    # a place written after the venue comes before the one inside its name
    ("Malam puncak digelar di Jakarta Concert Hall iNews Tower, Jakarta Pusat, Kamis.", "Jakarta Concert Hall",
     "Jakarta Pusat"),
])
def test_the_venue_city_written_after_the_venue_then_the_one_in_its_name(rules, text, venue, city):
    rec = rules.extract(text)
    assert (rec.venue, rec.venue_city) == (venue, city)


def test_a_date_before_the_body_is_the_event_date_where_the_body_dates_none(rules):
    body = ("JAKARTA - PT Sinar Abadi meraih penghargaan kecelakaan nihil dari Kementerian Ketenagakerjaan atas "
            "keberhasilan perusahaan menjaga keselamatan kerja seluruh karyawan selama tiga tahun berturut-turut.")
    caption = "Penyerahan Penghargaan K3 Tahun 2022 di Jakarta, Selasa (24/5/2022).\n\n"
    rec = rules.extract("Perusahaan Raih Penghargaan K3\n\n" + caption + body)
    assert rec.event_date == "2022-05-24"  # a caption before the first line of prose
    stamped = "Perusahaan Raih Penghargaan K3\n\n- 6 Maret 2024, 23:12 WIB\n\n" + body
    assert rules.extract(stamped).event_date is None  # the page's own time stamp dates no ceremony


def test_a_title_cut_at_a_slash_loses_the_slash():
    text = "Penerima antara lain Zulkifli Hasan (Menko Pangan/Ketum PAN) dan lainnya."
    fake = FakeTagger([("Zulkifli Hasan", "PER"), ("Menko Pangan/", "TITLE")], source="model")
    assert [(o.name, o.title) for o in Extractor([fake]).extract(text).officials] == [("Zulkifli Hasan", "Menko Pangan")]


def test_an_award_or_category_span_without_a_word_names_none():
    from extractor.core.spans import Span
    from extractor.link import _normalise

    text = "meraih Adiwiyata Mandiri 2024"
    year = Span.of(text, 25, 29, "AWARD", "model", 0.98)
    name = Span.of(text, 7, 16, "AWARD", "model", 0.98)
    assert _normalise(text, [name, year]) == [name]
    grade = Span.of(text, 17, 24, "CAT", "model", 0.9)
    assert _normalise(text, [grade, Span.of(text, 25, 29, "CAT", "model", 0.9)]) == [grade]


def test_a_category_label_alone_names_no_category():
    from extractor.core.spans import Span
    from extractor.link import _normalise

    text = "untuk kategori Leadership and Management"
    bare = Span.of(text, 6, 14, "CAT", "model", 0.9)
    whole = Span.of(text, 6, 40, "CAT", "model", 0.9)
    assert _normalise(text, [bare, whole]) == [whole]
