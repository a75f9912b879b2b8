"""Known awards: which of the lexicon's awards a text writes."""
from __future__ import annotations

from extractor.normalize.awards import first_known, known_in
from extractor.rules.awards import find_awards


def test_a_known_award_is_found_by_name_or_alias_as_whole_words():
    assert known_in("Proper Hijau") == known_in("Program Penilaian Peringkat Kinerja Perusahaan") != frozenset()
    assert known_in("piala adipura") == known_in("Adipura Kencana")  # any case
    assert known_in("Adipuraku") == frozenset()  # part of a word is no award
    assert known_in("Anugerah Kampus Hijau") == frozenset()


def test_the_rule_tagger_and_the_linker_name_a_known_award_alike():
    text = "Kota Madiun meraih Piala Adipura 2023 dan Kabupaten Gresik meraih Proper Emas."
    spans = [s for s in find_awards(text) if s.label == "AWARD" and s.attrs.get("known")]
    assert len(spans) == 2 and [s.attrs["known"] for s in spans] == [first_known(s.text) for s in spans]
    assert {s.attrs["known"] for s in spans} == known_in(text)


def test_a_predicate_written_as_its_acronym_is_spelt_out():
    from extractor.link.common import award_name

    # the Zona Integritas predicates, named as awards on the real pages
    assert award_name("predikat WBK") == "Wilayah Bebas dari Korupsi (WBK)"
    assert known_in("meraih predikat WBBM") == {"Wilayah Birokrasi Bersih dan Melayani"}
