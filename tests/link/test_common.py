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
    assert award_name("STBM Award") == "STBM Award"  # the full name already is the acronym's
