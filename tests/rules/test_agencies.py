from __future__ import annotations

import pytest

from extractor.rules.agencies import find_agencies


def texts(text):
    spans = find_agencies(text)
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


@pytest.mark.parametrize("text, agency", [
    ("digelar oleh Kementerian Dalam Negeri di Jakarta", "Kementerian Dalam Negeri"),
    ("Pemkab Sleman meraih penghargaan", "Pemkab Sleman"),
    ("Pemerintah Kabupaten Aceh Tengah menerima", "Pemerintah Kabupaten Aceh Tengah"),
    ("oleh Dinas Kependudukan dan Pencatatan Sipil Kota Tegal.", "Dinas Kependudukan dan Pencatatan Sipil Kota Tegal"),
    ("penghargaan dari PT Bukit Makmur Tbk pada", "PT Bukit Makmur Tbk"),
    ("kerja sama dengan PT Sinar Abadi (Persero) dan", "PT Sinar Abadi (Persero)"),
    ("program dari RSUDKAB dan", "RSUDKAB"),
    ("menurut BKKBN tahun ini", "BKKBN"),
    ("diserahkan Ketua Dekopin di Jakarta", "Dekopin"),  # national bodies and parties known by their short names
    ("kader Gerindra dan NasDem hadir", "Gerindra"),
    ("Universitas Hasanuddin menggelar", "Universitas Hasanuddin"),
    ("pelayanan RSUP Dr. Sawahan Yogyakarta meraih", "RSUP Dr. Sawahan Yogyakarta"),  # named after a doctor
    ("diraih Rumah Sakit Umum Daerah dr Lembang Abidin (RSUDLA)", "Rumah Sakit Umum Daerah dr Lembang Abidin"),
    ("di antaranya Polrestabes Sukamaju dan", "Polrestabes Sukamaju"),
    ("penghargaan dari Kementrian Sosial kepada", "Kementrian Sosial"),  # as often misspelt
    ("diraih Lapas Kelas IIA Sukamaju", "Lapas Kelas IIA Sukamaju"),
    ("diterima Balai Besar Wilayah Sungai Citarum", "Balai Besar Wilayah Sungai Citarum"),  # a body; `Balai Kota` a hall
    # a region whose own name starts with a type word: `Daerah` is not skipped as one
    ("Pemerintah Provinsi Daerah Istimewa Yogyakarta dinobatkan", "Pemerintah Provinsi Daerah Istimewa Yogyakarta"),
    ("yakni Pabrik Tuban (PT Semen Gresik), Pabrik Pangkep", "Pabrik Tuban"),  # a company's unit, named as one
    # a Title Case headline capitalises its adverbs: they end the name
    ("Universitas Sukamaju Kembali Juara Umum Pimnas\n", "Universitas Sukamaju"),
    ("Bank Sukamaju Kini Punya Predikat Sangat Baik", "Bank Sukamaju"),
])
def test_agency_found(text, agency):
    assert agency in texts(text)


def test_acronym_in_brackets_is_an_alias():
    text = "Kementerian Dalam Negeri (Kemendagri) memberikan"
    spans = find_agencies(text)
    long, short = spans[0], spans[1]
    assert long.text == "Kementerian Dalam Negeri" and short.text == "Kemendagri"
    assert short.attrs["alias_of"] == long.start


@pytest.mark.parametrize("text, agency", [
    ("Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah meraih", "Badan Penanggulangan Bencana Daerah (BPBD) Jawa Tengah"),
    ("Dinas Sosial dan Pemberdayaan Masyarakat (Dinsos PM) Kota Tegal meraih",
     "Dinas Sosial dan Pemberdayaan Masyarakat (Dinsos PM) Kota Tegal"),
    ("Rumah Sakit Umum Daerah (RSUD) dr M Lubis Kota Sukamaju meraih", "Rumah Sakit Umum Daerah (RSUD) dr M Lubis Kota Sukamaju"),
    ("Rumah Sakit Umum Daerah (RSUD) Sawahan Sukamaju meraih", "Rumah Sakit Umum Daerah (RSUD) Sawahan Sukamaju"),
])
def test_a_name_goes_on_after_its_acronym_with_its_region_or_a_hospitals_name(text, agency):
    assert agency in texts(text)


def test_an_acronym_in_brackets_ends_a_name_that_nothing_of_it_follows():
    assert texts("Kementerian Dalam Negeri (Kemendagri) Tito Karnavian")[0] == "Kementerian Dalam Negeri"
    assert texts("Badan Pusat Statistik (BPS) Sukamaju")[0] == "Badan Pusat Statistik"


@pytest.mark.parametrize("text", ["pada acara HUT RI ke-79", "opini WTP dari", "para ASN dan OPD", "KOTA SURABAYA, Media -",
                                  "digelar di Balai Kota Sawahan, Jawa Timur", "di Balai Sidang Senayan, Jakarta",
                                  "di Aula Balai Desa Sukamaju"])
def test_not_agencies(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, school", [
    ("juara pertama diraih SMPN 26, juara kedua", "SMPN 26"),
    ("diraih SD Negeri 10 Sukamaju dan", "SD Negeri 10 Sukamaju"),
    ("juara ketiga direbut TK Melati 12. Untuk tingkat SD", "TK Melati 12"),
    ("siswa SMA Al Hikmah Kota Baru meraih", "SMA Al Hikmah Kota Baru"),
])
def test_a_school_keeps_its_number(text, school):
    assert texts(text) == [school]


@pytest.mark.parametrize("text", ["untuk tingkat SD/MI dan", "jenjang SMP/MTs se-Kabupaten", "yaitu SMP N",
                                  "Sekolah Menengah Kejuruan/Madrasah Aliyah Kejuruan dari 31 provinsi"])
def test_a_school_level_is_no_school(text):
    assert texts(text) == []


def test_generic_government_is_no_agency():
    assert texts("kepada Pemerintah Kabupaten/Kota se-Indonesia") == []


def test_an_agency_name_ends_where_its_sentence_ends():
    found = texts("diserahkan Menteri Koperasi dan UKM RI. Pada tahun ini Koperasi Setia Bhakti meraih")
    assert "Koperasi dan UKM RI" in found and not any("Pada" in a for a in found)
    assert texts("oleh Dinas Kesehatan Kab. Bogor kemarin") == ["Dinas Kesehatan Kab. Bogor"]  # `Kab.` goes on


@pytest.mark.parametrize("text", ["melalui strategi pengarusutamaan gender (PUG). Di mana",
                                  "hasil laporan penyelenggaraan pemerintahan daerah (LPPD) tahun lalu"])
def test_an_acronym_of_a_lower_case_phrase_is_no_agency(text):
    assert texts(text) == []


def test_an_unknown_acronym_of_a_name_in_brackets_stays():
    assert "RSUDKAB" in texts("Rumah Sakit Umum Daerah Kabupaten (RSUDKAB) meraih penghargaan")


@pytest.mark.parametrize("text", ["data dari LPPD kabupaten", "bantuan dari TJSL perusahaan", "dipasang oleh APAR baru"])
def test_acronyms_of_reports_and_programs_are_no_agencies(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, agencies", [
    ("diraih DPRD Kota Sawahan, DPRD Kota Lembang dan DPRD Kota Cempaka.",
     ["DPRD Kota Sawahan", "DPRD Kota Lembang", "DPRD Kota Cempaka"]),
    ("oleh Dinas Kesehatan dan Dinas Sosial Kabupaten Lembang", ["Dinas Kesehatan", "Dinas Sosial Kabupaten Lembang"]),
    ("oleh Dinas Pemuda, Olahraga dan Pariwisata Kota Lembang", ["Dinas Pemuda, Olahraga dan Pariwisata Kota Lembang"]),
])
def test_a_head_written_again_opens_the_next_agency_of_a_list(text, agencies):
    assert texts(text) == agencies


def test_another_head_after_dan_opens_another_agency():
    assert texts("oleh Kementerian Dalam Negeri dan Lembaga Administrasi Negara") == [
        "Kementerian Dalam Negeri", "Lembaga Administrasi Negara"]


def test_a_doctors_title_belongs_only_to_a_hospitals_name():
    assert texts("kata Kepala Dinas dr. Lembang Abidin") == []
    assert texts("RSUD Kota Sawahan dr. Lembang menyebut") == ["RSUD Kota Sawahan"]  # only right after the head


def test_a_short_name_takes_no_region_of_the_next_sentence_or_clause():
    assert texts("Penghargaan diserahkan Bappenas. Kabupaten Sleman meraih peringkat pertama.") == ["Bappenas"]
    assert texts("diserahkan oleh Kemendagri, Kota Bogor meraih peringkat kedua") == ["Kemendagri"]
    assert texts("laporan Bappeda Konawe dan BPK RI Perwakilan Aceh") == ["Bappeda Konawe", "BPK RI Perwakilan Aceh"]


def test_a_hospital_named_after_a_doctor_keeps_the_name_a_tagger_read_as_a_person():
    text = "SEBUAH penghargaan diraih oleh Rumah Sakit Umum Daerah dr Lembang Abidin (RSUDLA). Kepala Dinas Budi Santoso"
    people = {text.index("dr Lembang"), text.index("Abidin"), text.index("Budi")}
    found = find_agencies(text, people)
    assert [s.text for s in found][:2] == ["Rumah Sakit Umum Daerah dr Lembang Abidin", "RSUDLA"]
    assert found[0].attrs.get("named_after") and "Kepala Dinas Budi Santoso" not in [s.text for s in found]


def test_a_body_s_name_ends_before_and_the_next_body_or_region_with_its_kind():
    names = [s.text for s in find_agencies("Predikat itu diraih RSUD Kardinah Tegal dan Bappeda Kota Semarang, serta "
                                           "Dinas Pendidikan Jateng dan Kabupaten Blora.")]
    assert "RSUD Kardinah Tegal" in names and "Dinas Pendidikan Jateng" in names
    assert not any(" dan " in n for n in names)
    # a region without its kind may end a body's own name
    assert [s.text for s in find_agencies("Kredit dari Bank Pembangunan Daerah Jawa Barat dan Banten tumbuh.")] == [
        "Bank Pembangunan Daerah Jawa Barat dan Banten"]
    assert [s.text for s in find_agencies("Dinas Kependudukan dan Pencatatan Sipil Kota Bogor meraih juara.")] == [
        "Dinas Kependudukan dan Pencatatan Sipil Kota Bogor"]
    # a slash joins two names of one body
    assert [s.text for s in find_agencies("Penghargaan digelar Kementerian PPN/Bappenas di Jakarta.")] == [
        "Kementerian PPN/Bappenas"]
