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
    # a province after the venue is wider than the regency the venue names
    ("Upacara digelar di alun-alun Kabupaten Sidoarjo, Jawa Timur, Senin.", ("alun-alun Kabupaten Sidoarjo", "Sidoarjo")),
])
def test_venue_and_its_city(text, found):
    assert venues(text) == [found]
