"""Venue rules: the building named after `di`/`bertempat di`, with the city written beside or inside it."""
from __future__ import annotations

import pytest

from extractor.rules.venues import find_venues


def venues(text):
    spans = find_venues(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    return [(s.text, s.attrs.get("city")) for s in spans]


@pytest.mark.parametrize("text, found", [
    ("Penghargaan diserahkan di Hotel Santika, Bogor, Jawa Barat, Senin.", ("Hotel Santika", "Bogor")),
    ("Upacara digelar di Gedung Sate, Jawa Barat kemarin.", ("Gedung Sate", "Jawa Barat")),
    # a province after the venue is wider than the regency the venue names (the linker takes that one: a
    # rule's city is one written after the venue)
    ("Upacara digelar di alun-alun Kabupaten Sidoarjo, Jawa Timur, Senin.", ("alun-alun Kabupaten Sidoarjo", None)),
])
def test_venue_and_its_city(text, found):
    assert venues(text) == [found]


@pytest.mark.parametrize("text, found", [
    # the name starts before its head word
    ("Digelar di Bogor Agricultural Convention Center, Bogor.", ("Bogor Agricultural Convention Center", "Bogor")),
    ("Malam puncak berlangsung di Grand Swiss-Belhotel Darmo, Surabaya.", ("Grand Swiss-Belhotel Darmo", "Surabaya")),
    ("Diserahkan di The Sultan Hotel and Residence Jakarta.", ("The Sultan Hotel and Residence Jakarta", None)),
    ("Digelar di Palembang Sport and Convention Center.", ("Palembang Sport and Convention Center", None)),
    # a head that is a name itself, with nothing after it
    ("Puncak acara digelar di Jakarta Convention Center, Senayan.", ("Jakarta Convention Center", None)),
])
def test_a_venue_named_before_or_by_its_head(text, found):
    assert venues(text) == [found]


def test_a_bare_head_or_a_name_across_a_sentence_is_no_venue():
    assert venues("Rapat digelar di gedung itu kemarin.") == []
    assert venues("Ia lahir di Sleman. Hotel itu dibangun pada 1990.") == []


@pytest.mark.parametrize("text, venue, city", [
    ("Penghargaan diberikan di istana negara.\nPara penerima", "istana negara", None),
    ("diserahkan di istana wakil presiden, Jakarta, Rabu (19/12/2018).", "istana wakil presiden", "Jakarta"),
    ("pada acara penerimaan penghargaan di Grahadi Surabaya.", "Grahadi", "Surabaya"),
])
def test_a_known_venue_however_it_is_written(text, venue, city):
    spans = find_venues(text)
    assert [(s.text, s.attrs.get("city")) for s in spans] == [(venue, city)]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_a_known_venue_without_a_place_word_before_it_is_none():
    assert find_venues("Grahadi menjadi saksi sejarah kota.") == []
