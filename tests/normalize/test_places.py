"""Name keys: the words that say which place or body a name means, however it is written."""
from __future__ import annotations

from extractor.normalize.places import name_key


def test_a_government_prefix_and_a_spelling_do_not_change_the_key():
    assert name_key("Pemprov Sumbar") == name_key("Pemerintah Provinsi Sumatra Barat") == name_key("Sumatera Barat")


def test_a_state_schools_short_head_is_written_out():
    assert name_key("SMPN 5 Yogyakarta") == name_key("SMP Negeri 5 Yogyakarta")
    assert name_key("SDN 2 Sukamaju") == name_key("SD Negeri 2 Sukamaju")
    assert name_key("SMP 5 Sukamaju") != name_key("SMP Negeri 5 Sukamaju")  # a school not called state keeps its words
