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
    ("Universitas Hasanuddin menggelar", "Universitas Hasanuddin"),
])
def test_agency_found(text, agency):
    assert agency in texts(text)


def test_acronym_in_brackets_is_an_alias():
    text = "Kementerian Dalam Negeri (Kemendagri) memberikan"
    spans = find_agencies(text)
    long, short = spans[0], spans[1]
    assert long.text == "Kementerian Dalam Negeri" and short.text == "Kemendagri"
    assert short.attrs["alias_of"] == long.start


@pytest.mark.parametrize("text", ["pada acara HUT RI ke-79", "opini WTP dari", "para ASN dan OPD", "KOTA SURABAYA, Media -"])
def test_not_agencies(text):
    assert texts(text) == []


def test_generic_government_is_no_agency():
    assert texts("kepada Pemerintah Kabupaten/Kota se-Indonesia") == []
