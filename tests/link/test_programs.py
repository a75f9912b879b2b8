"""Program records: names as written, once each, never a place or a piece of another name."""
from __future__ import annotations

from extractor import Extractor
from extractor.pipeline import RULE_TAGGERS

from ..conftest import FakeTagger


def programs(text, marks, rules=True):
    ex = Extractor([FakeTagger(marks, source="model")] + ([t() for t in RULE_TAGGERS.values()] if rules else []))
    return [p.name for p in ex.extract(text).programs]


def test_a_model_name_cut_before_its_second_half_loses_the_connector():
    text = "Desa Sukamaju meraih penghargaan berkat Kampung Berseri dan Astra."
    assert programs(text, [("Kampung Berseri dan", "PROG")], rules=False) == ["Kampung Berseri"]


def test_one_program_written_with_and_without_a_blank_is_one():
    text = "Gubernur memperkenalkan program BaliMandara. Program Bali Mandara meraih penghargaan."
    assert programs(text, [("BaliMandara", "PROG"), ("Bali Mandara", "PROG")], rules=False) == ["BaliMandara"]


def test_a_listed_winner_with_its_innovation_in_brackets_is_no_program():
    text = ("Pemenang kategori pelayanan publik:\n1. Kabupaten Simalungun (Transformasi Keterbukaan Informasi Publik)\n"
            "2. Polresta Sidoarjo (Inovasi Layanan Terpadu Kepolisian)\n")
    found = programs(text, [("Polresta Sidoarjo", "ORG")])
    assert "Kabupaten Simalungun" not in found and "Polresta Sidoarjo" not in found


def test_a_programs_acronym_is_no_second_program():
    text = ("Kabupaten Sleman meraih penghargaan berkat program Jaminan Kesehatan Nasional. Cakupan JKN naik; "
            "gerakan Kampung Sehat di Sekolah (KSS) dan Kampung Hijau juga jalan.")
    marks = [("Jaminan Kesehatan Nasional", "PROG"), ("JKN", "PROG"), ("Kampung Sehat di Sekolah", "PROG"),
             ("KSS", "PROG"), ("Kampung Hijau", "PROG")]
    assert programs(text, marks, rules=False) == ["Jaminan Kesehatan Nasional", "Kampung Sehat di Sekolah", "Kampung Hijau"]
    assert programs("Program JKN dan program Kampung Hijau.", [("JKN", "PROG"), ("Kampung Hijau", "PROG")],
                    rules=False) == ["JKN", "Kampung Hijau"], "an acronym alone stays"


def test_a_model_piece_of_a_gloss_is_no_program():
    text = "Klungkung mengirim dua inovasi. Satu di antaranya, Beli Mahal Jual Murah (Bima Juara), meraih penghargaan."
    assert programs(text, [("Beli Mahal", "PROG"), ("Murah", "PROG")]) == ["Bima Juara"]
    assert programs(text, [("Beli Mahal", "PROG"), ("Murah", "PROG")], rules=False) == ["Beli Mahal", "Murah"]


def test_two_names_that_gloss_each_other_are_one_program():
    text = "Kabupaten Bantul meraih penghargaan lewat Gerakan Orang Tua Asuh Cegah Stunting (Genting) tahun ini."
    ex = Extractor.load(rules_only=True)
    assert [(p.name, p.description) for p in ex.extract(text).programs] == [
        ("Gerakan Orang Tua Asuh Cegah Stunting", "Genting")]


def test_a_headline_with_an_award_word_is_no_program():
    text = "Inovasi Klungkung Raih Penghargaan Top Inovasi Pelayanan\n\nKlungkung meraih penghargaan itu."
    assert programs(text, []) == []



def test_a_program_inside_the_models_award_name_is_a_piece_of_that_award():
    from extractor.core.document import Document
    from extractor.core.spans import Span
    from extractor.link.programs import link_programs

    text = "Desa Sukamaju meraih Penghargaan Program Kampung Iklim Lestari 2024 dari KLHK."
    award = Span.of(text, text.index("Penghargaan"), text.index(" dari"), "AWARD", "model")
    prog = Span.of(text, text.index("Kampung"), text.index(" Lestari"), "PROG", "rules.programs.v1.keyword")
    assert [p.name for p in link_programs(Document(text), [award, prog])] == []
    assert [p.name for p in link_programs(Document(text), [prog])] == ["Kampung Iklim"]


def test_a_body_named_by_its_acronym_inside_its_long_name_still_counts_as_the_usual_runner():
    text = ("Dinas Komunikasi dan Informatika (Diskominfo) Kota Tegal mengembangkan program Sapa Warga. "
            "Pemerintah Kota Tegal bangga. Diskominfo menyiapkan aplikasinya.")
    ex = Extractor([FakeTagger([("Sapa Warga", "PROG")], source="model")] + [t() for t in RULE_TAGGERS.values()])
    assert [(p.name, p.agency) for p in ex.extract(text).programs] == [("Sapa Warga", "Diskominfo")]
