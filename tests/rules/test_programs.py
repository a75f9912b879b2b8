"""Program rules: names after a keyword, in numbered lists with a gloss, short names glossed in brackets."""
from __future__ import annotations

import pytest

from extractor.rules.programs import find_programs


def names(text):
    return [(s.text, s.source.rsplit(".", 1)[-1]) for s in find_programs(text)]


def test_a_name_after_a_keyword_with_its_gloss():
    spans = find_programs('Inovasi "Jempol Jago" (Jemput Bola Layanan Jaminan Sosial) meraih penghargaan.')
    assert [(s.text, s.attrs["description"]) for s in spans] == [("Jempol Jago", "Jemput Bola Layanan Jaminan Sosial")]


def test_a_listed_name_with_its_gloss():
    assert names("Inovasi unggulan:\n1. SiPintar (Sistem Pelayanan Terpadu Ramah Anak)\n") == [("SiPintar", "list")]


def test_a_name_does_not_end_with_a_connector():
    assert names("melalui program Gerbang Desa dan pelatihan warga") == [("Gerbang Desa", "keyword")]


@pytest.mark.parametrize("text", ["melalui program CSR perusahaan", "lewat program Corporate Social Responsibility",
                                  "program Kerja Sama daerah"])
def test_generic_words_name_no_program(text):
    assert names(text) == []
