"""The learned linker's assembly of entries, with hand-set weights: what it does with the decisions, apart from
what the shipped weights decide."""
from __future__ import annotations

from extractor import Extractor
from extractor.core.document import Document
from extractor.core.spans import Span
from extractor.link.candidates import candidates
from extractor.link.learned import COMPONENTS, AwardLinker, LinearModel
from extractor.pipeline import RULE_TAGGERS

from ..conftest import FakeTagger


def _linker(**weights: dict[str, float]) -> AwardLinker:
    """A linker whose component `k` is sure (bias 8 against -8) when its features named in `weights[k]` fire."""
    models = {k: LinearModel({f: 16.0 for f in weights.get(k, {})}, -8.0 if weights.get(k) else 8.0)
              for k in COMPONENTS}
    models["rank"] = models["award"] = models["organizer"] = LinearModel({}, -8.0)
    return AwardLinker(models, {k: 0.5 for k in COMPONENTS} | {"split": 0.0, "peers": 0.0})


def test_one_category_written_two_ways_gives_one_entry():
    # each mention of the winner picks the category of its own sentence: `kategori utama`, then `predikat Utama`
    text = ("Kabupaten Sleman meraih Anugerah Parahita Ekapraya kategori utama. "
            "Bupati mengatakan predikat Utama itu diraih Kabupaten Sleman berkat kerja bersama.")
    marks = [("Kabupaten Sleman", "LOC"), ("Anugerah Parahita Ekapraya", "AWARD"), ("kategori utama", "CAT"),
             ("predikat Utama", "CAT"), ("Kabupaten Sleman", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Sleman", "utama")]


def test_a_winner_named_alone_beside_listed_categories_takes_each_of_them():
    text = ("Provinsi Jawa Barat memborong tiga kategori sekaligus, yaitu Smart Governance, Smart Economy dan "
            "Smart Society. Kota Bogor dan Kota Depok meraih kategori Smart Living dan Smart Branding.")
    marks = [("Provinsi Jawa Barat", "LOC"), ("Smart Governance", "CAT"), ("Smart Economy", "CAT"), ("Smart Society", "CAT"),
             ("Kota Bogor", "LOC"), ("Kota Depok", "LOC"), ("kategori Smart Living", "CAT"), ("Smart Branding", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    got = [(a.recipient, a.category) for a in rec.awards]
    assert got[:3] == [("Provinsi Jawa Barat", "Smart Governance"), ("Provinsi Jawa Barat", "Smart Economy"),
                       ("Provinsi Jawa Barat", "Smart Society")]
    # two winners beside two categories, with nothing that says how they share them: each keeps its one pick
    assert [r for r, _ in got[3:]] == ["Kota Bogor", "Kota Depok"]


def test_masing_masing_shares_listed_categories_out_in_turn():
    text = ("Kabupaten Sleman dan Kota Magelang masing-masing meraih kategori Kabupaten Terinovatif dan "
            "Kota Terinovatif.")
    marks = [("Kabupaten Sleman", "LOC"), ("Kota Magelang", "LOC"), ("kategori Kabupaten Terinovatif", "CAT"),
             ("Kota Terinovatif", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Sleman", "Kabupaten Terinovatif"),
                                                               ("Kota Magelang", "Kota Terinovatif")]


def test_a_choice_model_weighs_candidates_against_each_other_and_none():
    from math import exp

    model = LinearModel({"a": 2.0, "b": 1.0}, 0.0, "choice")
    rows = [("A", {"a": 1.0}), ("B", {"b": 1.0})]
    share = exp(2) / (1 + exp(2) + exp(1))  # A's softmax share beside B and choosing none (score 0)
    assert model.choose(rows, share - 0.01) == "A"
    assert model.choose(rows, share + 0.01) is None
    assert model.choose([], 0.0) is None
    # a binary model judges each row alone: the most probable row that reaches the threshold
    binary = LinearModel({"a": 2.0, "b": 1.0})
    assert binary.choose(rows, 0.8) == "A" and binary.choose([("B", {"b": 1.0})], 0.8) is None


def test_rows_that_name_one_thing_share_their_mass_in_a_choice():
    from math import exp

    model = LinearModel({"a": 2.0, "b": 1.5}, 0.0, "choice")
    # one category written twice (`b1`, `b2`) beside another written once: alone each `b` row loses to `a`,
    # together they win, given as the better-scored of their rows
    rows = [("a", {"a": 1.0}), ("b1", {"b": 1.0}), ("b2", {"b": 1.0, "a": 0.1})]
    total = 1 + exp(2) + exp(1.5) + exp(1.7)
    assert model.choose(rows, 0.0) == "a"
    assert model.choose(rows, 0.0, key=lambda v: v[0]) == "b2"
    assert model.choose(rows, (exp(1.5) + exp(1.7)) / total + 0.01, key=lambda v: v[0]) is None
    # several decisions (a winner's mentions): the largest share in any one of them, not their pooled softmax
    weak, sure = [("a", {"b": 1.0})], [("c", {"a": 1.0})]
    assert model.choose_among([weak, sure], exp(2) / (1 + exp(2)) - 0.01) == "c"
    assert model.choose_among([weak, sure], exp(2) / (1 + exp(2)) + 0.01) is None
    assert model.choose_among([[], []], 0.0) is None


def test_a_linker_file_with_an_unknown_model_kind_is_refused_naming_the_file(tmp_path):
    import json

    import pytest

    linker = _linker()
    data = linker.to_dict()
    data["models"]["category"]["kind"] = "ranking"
    (tmp_path / "linker.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=r"linker\.json: model kind 'ranking'"):
        AwardLinker.load(tmp_path)
    # what it writes, it reads back
    (tmp_path / "linker.json").write_text(json.dumps(linker.to_dict()), encoding="utf-8")
    assert AwardLinker.load(tmp_path).models == linker.models


def test_a_category_written_twice_beside_the_winner_is_one_candidate_of_the_category_choice():
    # three category spans in the winner's sentence, two of them one category: alone each holds a fifth of the
    # softmax, together two fifths, which reaches the threshold
    text = "Dalam kategori Madya, Kota Bima meraih predikat Madya, sedangkan kategori Utama belum diumumkan."
    marks = [("kategori Madya", "CAT"), ("Kota Bima", "LOC"), ("predikat Madya", "CAT"), ("kategori Utama", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0})
    linker.models["category"] = LinearModel({"cat:same_sentence": 1.0}, 0.0, "choice")
    linker.thresholds["category"] = 0.3
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kota Bima", "Madya")]


def test_a_count_of_medals_is_no_category_but_a_year_or_a_rank_before_one_is():
    # `22 medali perak` says how many medals a winner won: no category candidate for anyone
    text = "Provinsi Jawa Timur meraih 13 emas, 22 medali perak dan 21 medali perunggu."
    marks = [("Provinsi Jawa Timur", "LOC"), ("medali perak", "CAT"), ("medali perunggu", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Provinsi Jawa Timur", None)]
    for text, cat in (("Kota Bima meraih APE 2023 medali perak.", "medali perak"),
                      ("Kota Bima meraih peringkat 2 medali perak.", "medali perak")):
        rec = Extractor([FakeTagger([("Kota Bima", "LOC"), (cat, "CAT")])], "fake", linker).extract(text)
        assert [(a.recipient, a.category) for a in rec.awards] == [("Kota Bima", cat)]


def test_an_order_word_alone_is_no_category():
    # a tagger that marks the place word as a category: the place is the rank's, no one's category
    text = "Urutan kesembilan adalah Kabupaten Pulang Pisau dengan 19 medali emas."
    marks = [("kesembilan", "CAT"), ("Kabupaten Pulang Pisau", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Pulang Pisau", None)]
    rec = Extractor([FakeTagger([("Kategori II", "CAT"), ("Kabupaten Pulang Pisau", "LOC")])], "fake", linker).extract(
        "Untuk Kategori II, Kabupaten Pulang Pisau meraih penghargaan.")
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Pulang Pisau", "II")]


def test_a_body_of_a_place_and_the_place_are_two_winners():
    text = ("Penghargaan diraih DPRD Kota Sawahan dan Kota Sawahan. Pemkot Sawahan bersyukur, "
            "Dinas Kesehatan Kota Lembang juga meraih penghargaan.")
    marks = [("DPRD Kota Sawahan", "ORG"), ("Kota Sawahan", "LOC"), ("Pemkot Sawahan", "ORG"),
             ("Dinas Kesehatan Kota Lembang", "ORG")]
    linker = _linker(winner={"label=ORG": 1.0, "label=LOC": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    # `Pemkot Sawahan` is the city itself: it joins `Kota Sawahan` (and names it, the longer name), not the council
    assert sorted(a.recipient for a in rec.awards) == ["DPRD Kota Sawahan", "Dinas Kesehatan Kota Lembang", "Pemkot Sawahan"]


def test_two_regions_whose_names_hold_one_another_are_two_winners():
    # the words of `Aceh Barat` sit inside `Aceh Barat Daya`, and those of `Riau` inside `Kepulauan Riau`: the map
    # knows them as different regions, so neither joins the other
    text = ("Penghargaan diraih Kabupaten Aceh Barat Daya dan Kabupaten Aceh Barat. "
            "Provinsi Riau dan Kepulauan Riau juga meraih penghargaan itu. Aceh Barat Daya bersyukur.")
    marks = [("Kabupaten Aceh Barat Daya", "LOC"), ("Kabupaten Aceh Barat", "LOC"), ("Provinsi Riau", "LOC"),
             ("Kepulauan Riau", "LOC"), ("Aceh Barat Daya", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert sorted(a.recipient for a in rec.awards) == ["Kabupaten Aceh Barat", "Kabupaten Aceh Barat Daya",
                                                       "Kepulauan Riau", "Provinsi Riau"]


def test_a_category_that_names_a_level_goes_to_winners_of_that_level_where_a_province_is_one_side():
    text = "Provinsi Jambi dan Kota Padang meraih penghargaan kategori Kota Besar. Kabupaten Jepara meraih kategori Kota Sedang."
    marks = [("Provinsi Jambi", "LOC"), ("Kota Padang", "LOC"), ("kategori Kota Besar", "CAT"),
             ("Kabupaten Jepara", "LOC"), ("kategori Kota Sedang", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    # a province is in no class of cities; a regency may be (an Adipura `Kota Sedang` is a regency's town)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Provinsi Jambi", None), ("Kota Padang", "Kota Besar"),
                                                               ("Kabupaten Jepara", "Kota Sedang")]


def test_a_body_of_a_province_is_in_no_class_of_cities_either():
    text = "DPRD Provinsi Jambi dan DPRD Kota Padang meraih penghargaan kategori Kota Besar."
    marks = [("DPRD Provinsi Jambi", "ORG"), ("DPRD Kota Padang", "ORG"), ("kategori Kota Besar", "CAT")]
    linker = _linker(winner={"label=ORG": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("DPRD Provinsi Jambi", None),
                                                               ("DPRD Kota Padang", "Kota Besar")]


def test_rivals_a_winner_beat_are_no_winners_unless_another_mention_wins():
    text = ("Kota Sawahan meraih penghargaan itu, mengalahkan Kota Lembang dan Kota Cibodas. "
            "Kota Cibodas meraih penghargaan kategori lain.")
    marks = [("Kota Sawahan", "LOC"), ("Kota Lembang", "LOC"), ("Kota Cibodas", "LOC"), ("Kota Cibodas", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [a.recipient for a in rec.awards] == ["Kota Sawahan", "Kota Cibodas"]
    # a win verb after the cue starts a new clause that names a winner again
    text = "Kota Sawahan mengalahkan 30 kota lain, dan penghargaan kedua diraih Kota Lembang."
    rec = Extractor([FakeTagger(marks[:2])], "fake", linker).extract(text)
    assert [a.recipient for a in rec.awards] == ["Kota Sawahan", "Kota Lembang"]


def test_names_each_followed_by_its_category_take_their_own():
    text = "Kota Sawahan meraih predikat A tahun ini. Sementara itu, Kota Lembang predikat B, Kota Cibodas predikat BB dan Kota Bima predikat B."
    marks = [("Kota Sawahan", "LOC"), ("predikat A", "CAT"), ("Kota Lembang", "LOC"), ("predikat B", "CAT"),
             ("Kota Cibodas", "LOC"), ("predikat BB", "CAT"), ("Kota Bima", "LOC"), ("predikat B", "CAT")]
    # a category model that prefers the category before a name (`kategori X diraih A`) would give each its neighbour's
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:before": 1.0, "cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kota Sawahan", "A"), ("Kota Lembang", "B"),
                                                               ("Kota Cibodas", "BB"), ("Kota Bima", "B")]


def test_a_list_with_one_sure_winner_wins_whole_but_a_list_of_guests_does_not():
    text = ("Pemenang lomba desa:\n1. Desa Sukamaju juara umum\n2. Desa Sukajadi\n3. Desa Mekarsari\n"
            "Hadir Kota Bima dan Kota Ternate.")
    marks = [("Desa Sukamaju", "LOC"), ("Desa Sukajadi", "LOC"), ("Desa Mekarsari", "LOC"), ("Kota Bima", "LOC"),
             ("Kota Ternate", "LOC")]
    linker = _linker()
    # a verb makes the first village sure (0.95), the other two fair (0.5); the first guest sure, the second fair
    linker.models["winner"] = LinearModel({"label=LOC": 1.0, "sent:win": 3.0, "enum:first": 3.0}, -1.0)
    linker.thresholds["winner"] = 0.7

    def winners(group: float) -> list[str]:
        linker.thresholds["group"] = group
        return [a.recipient for a in Extractor([FakeTagger(marks)], "fake", linker).extract(text).awards]

    assert winners(0.0) == ["Desa Sukamaju", "Kota Bima"]
    assert winners(0.4) == ["Desa Sukamaju", "Desa Sukajadi", "Desa Mekarsari", "Kota Bima"]


def test_a_list_wins_whole_when_one_of_its_names_is_a_sure_winner_elsewhere_in_the_article():
    text = "Daftar desa terbaik:\n1. Desa Sukamaju\n2. Desa Sukajadi\n3. Desa Mekarsari\nDesa Sukamaju meraih penghargaan itu."
    marks = [("Desa Sukamaju", "LOC"), ("Desa Sukajadi", "LOC"), ("Desa Mekarsari", "LOC"), ("Desa Sukamaju", "LOC")]
    linker = _linker()
    # each listed village is fair (0.5); the village the last sentence names is sure (0.95) there
    linker.models["winner"] = LinearModel({"label=LOC": 1.0, "sent:win": 3.0}, -1.0)
    linker.thresholds |= {"winner": 0.7, "group": 0.4}
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert sorted(a.recipient for a in rec.awards) == ["Desa Mekarsari", "Desa Sukajadi", "Desa Sukamaju"]
    other = text.replace("Desa Sukamaju meraih", "Kota Bima meraih")  # the sure winner is none of the list
    marks[-1] = ("Kota Bima", "LOC")
    assert [a.recipient for a in Extractor([FakeTagger(marks)], "fake", linker).extract(other).awards] == ["Kota Bima"]


def test_a_listed_persons_employer_wins_only_where_it_is_named_alone():
    text = ("Penerima penghargaan tokoh lingkungan:\n1. Budi Santoso, Direktur Utama PT Sumber Makmur\n"
            "2. Ani Lestari, Direktur PT Cahaya Abadi\nSelain itu PT Cahaya Abadi meraih predikat Emas.")
    marks = [("Budi Santoso", "PER"), ("Direktur Utama", "TITLE"), ("PT Sumber Makmur", "ORG"), ("Ani Lestari", "PER"),
             ("Direktur", "TITLE"), ("PT Cahaya Abadi", "ORG"), ("PT Cahaya Abadi", "ORG")]
    linker = _linker(winner={"label=PER": 1.0, "label=ORG": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    # the companies after each person's title are where they work; the second wins on its own sentence
    assert [a.recipient for a in rec.awards] == ["Budi Santoso", "Ani Lestari", "PT Cahaya Abadi"]


def test_a_title_that_holds_the_body_marks_the_body_as_the_persons_employer():
    text = "Pemenang:\n1. Budi Santoso, Direktur Utama PT Sumber Makmur\n2. PT Cahaya Abadi, Jakarta\n"
    spans = [Span.of(text, text.index(w), text.index(w) + len(w), label, "fake", 1.0) for w, label in
             [("Budi Santoso", "PER"), ("Direktur Utama PT Sumber Makmur", "TITLE"), ("PT Sumber Makmur", "ORG"),
              ("PT Cahaya Abadi", "ORG"), ("Jakarta", "LOC")]]
    c = candidates(Document(text), spans)
    assert [c.mentions[k].text for k in c.affiliations] == ["PT Sumber Makmur"]  # not a body that opens its item


def test_a_body_after_a_listed_person_with_no_title_between_is_their_employer_too():
    text = "Pemenang:\n1. Budi Santoso, PT Sumber Makmur\n2. Ani Lestari, Presiden Direktur PT Cahaya Abadi Tbk\n"
    spans = [Span.of(text, text.index(w), text.index(w) + len(w), label, "fake", 1.0) for w, label in
             [("Budi Santoso", "PER"), ("PT Sumber Makmur", "ORG"), ("Ani Lestari", "PER"), ("Presiden", "TITLE"),
              ("PT Cahaya Abadi", "ORG")]]  # the tagger cut the title short: the body stands after it
    c = candidates(Document(text), spans)
    assert [c.mentions[k].text for k in sorted(c.affiliations)] == ["PT Sumber Makmur", "PT Cahaya Abadi"]


def test_each_list_takes_the_award_named_before_it_however_often_the_other_is_written():
    text = ("Menteri menyerahkan Penghargaan Cakra Wibawa dan Penghargaan Lensa Bahari. Cakra Wibawa diberikan "
            "untuk kinerja tiga tahun berturut-turut.\n"
            "Peraih Penghargaan Cakra Wibawa tahun ini adalah:\n- Kabupaten Sleman\n- Kota Bima\n"
            "Sedangkan peraih Lensa Bahari antara lain:\n- Kabupaten Dompu\n- Kota Ternate")
    marks = [("Penghargaan Cakra Wibawa", "AWARD"), ("Penghargaan Lensa Bahari", "AWARD"), ("Cakra Wibawa", "AWARD"),
             ("Penghargaan Cakra Wibawa", "AWARD"), ("Kabupaten Sleman", "LOC"), ("Kota Bima", "LOC"),
             ("Lensa Bahari", "AWARD"), ("Kabupaten Dompu", "LOC"), ("Kota Ternate", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0})
    # the award last written before a winner, by any of its spans; the three spans of Cakra Wibawa are one
    # candidate, but each of them alone is no nearer to the second list than the one span it shares with
    linker.models["award"] = LinearModel({"award:award_nearest_before": 3.0}, 0.0, "choice")
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.award) for a in rec.awards] == [
        ("Kabupaten Sleman", "Penghargaan Cakra Wibawa"), ("Kota Bima", "Penghargaan Cakra Wibawa"),
        ("Kabupaten Dompu", "Penghargaan Lensa Bahari"), ("Kota Ternate", "Penghargaan Lensa Bahari")]



class _KnownAward:
    """A tagger giving `Adipura Kencana` as the rules do: a known award with its grade `Kencana` inside."""

    name = "known"

    def tag(self, doc):
        start = doc.text.index("Adipura Kencana")
        return [Span(start, start + 15, "Adipura Kencana", "AWARD", "rules.awards.v1.known", 0.9, {"known": "Adipura"}),
                Span(start + 8, start + 15, "Kencana", "CAT", "rules.awards.v1.class", 0.7)]


def test_a_grade_inside_a_known_awards_name_is_no_category_of_another_award():
    text = "Kota Bima meraih Penghargaan Cakra Wibawa. Selain itu, Kabupaten Dompu meraih Adipura Kencana."
    marks = [("Kota Bima", "LOC"), ("Penghargaan Cakra Wibawa", "AWARD"), ("Kabupaten Dompu", "LOC")]
    linker = _linker(winner={"label=LOC": 1.0})
    linker.models["award"] = LinearModel({"award:same_sentence": 3.0}, 0.0, "choice")
    linker.models["category"] = LinearModel({"bias": 3.0}, 0.0, "choice")  # every winner would take `Kencana`
    rec = Extractor([FakeTagger(marks), _KnownAward()], "fake", linker).extract(text)
    assert [(a.recipient, a.award, a.category) for a in rec.awards] == [
        ("Kota Bima", "Penghargaan Cakra Wibawa", None), ("Kabupaten Dompu", "Adipura Kencana", "Kencana")]


def test_a_category_that_only_names_the_entrys_own_known_award_is_none():
    text = ("Kabupaten Klungkung masuk Top 40 Inovasi Pelayanan Publik, katagori Kompetisi Inovasi Pelayanan "
            "Publik (KIPP).")
    marks = [("Kabupaten Klungkung", "LOC"), ("Top 40 Inovasi Pelayanan Publik", "AWARD"),
             ("katagori Kompetisi Inovasi Pelayanan Publik (KIPP)", "CAT")]
    linker = _linker(winner={"label=LOC": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("Kabupaten Klungkung", None)]
    # a grade beside the known award is the category
    text = "PT Maju Jaya meraih Proper, predikat Proper Emas."
    marks = [("PT Maju Jaya", "ORG"), ("Proper", "AWARD"), ("predikat Proper Emas", "CAT")]
    linker = _linker(winner={"label=ORG": 1.0}, category={"cat:same_sentence": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.category) for a in rec.awards] == [("PT Maju Jaya", "Proper Emas")]


def test_a_rank_a_passive_verb_gives_to_the_winner_beats_the_next_winners_rank():
    # `juara pertama ... diraih A, juara dua direbut B`: `juara dua` stands right after A, but its verb gives it to B
    text = "Juara pertama jenjang TK diraih TK Al Huda, juara dua direbut TK Aisyiyah, juara ketiga direbut TK Harapan."
    marks = [("jenjang TK", "CAT"), ("TK Al Huda", "ORG"), ("TK Aisyiyah", "ORG"), ("TK Harapan", "ORG")]
    linker = _linker(winner={"label=ORG": 1.0})
    # a rank model that likes the rank after a name more than the one claimed for it, as the shipped one may
    linker.models["rank"] = LinearModel({"rank:after": 16.0, "rank:claims_this": 12.0}, -8.0)
    ranks = RULE_TAGGERS["rules.ranks.v1"]()  # the rank values
    rec = Extractor([FakeTagger(marks), ranks], "fake", linker).extract(text)
    assert [(a.recipient, a.rank) for a in rec.awards] == [("TK Al Huda", 1), ("TK Aisyiyah", 2), ("TK Harapan", 3)]


def test_a_person_who_speaks_of_a_win_wins_nothing_there():
    text = ("Agus Salim, warga Desa Sukamaju, mengatakan Desa Sukamaju meraih juara pertama. "
            "Rina Wati juga mengatakan hal itu. Budi Santoso meraih juara kedua.")
    marks = [("Agus Salim", "PER"), ("Desa Sukamaju", "LOC"), ("Desa Sukamaju", "LOC"), ("Rina Wati", "PER"),
             ("Budi Santoso", "PER")]
    linker = _linker(winner={"label=PER": 1.0, "label=LOC": 1.0})
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [a.recipient for a in rec.awards] == ["Desa Sukamaju", "Budi Santoso"]


def test_a_body_after_a_person_and_a_member_noun_hands_its_win_to_the_person():
    text = "Ahmad Fauzi, siswa kelas XI SMAN 1 Sukamaju, meraih juara II. Kepala SMAN 1 Sukamaju bangga."
    marks = [("Ahmad Fauzi", "PER"), ("SMAN 1 Sukamaju", "ORG"), ("SMAN 1 Sukamaju", "ORG")]
    linker = _linker(winner={"label=ORG": 1.0})  # only bodies look like winners to this linker
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [a.recipient for a in rec.awards] == ["Ahmad Fauzi", "SMAN 1 Sukamaju"]  # the second names the school alone


def test_a_body_a_person_comes_from_hands_its_win_to_the_person_and_gives_no_award():
    text = ("Dinas Pendidikan Sukamaju mengumumkan Lomba Guru Berprestasi 2025. Juara I diraih Eko Prasetyo dari "
            "SMAN 1 Demak.")
    marks = [("Dinas Pendidikan Sukamaju", "ORG"), ("Lomba Guru Berprestasi 2025", "AWARD"), ("Eko Prasetyo", "PER"),
             ("SMAN 1 Demak", "ORG")]
    linker = _linker(winner={"label=ORG": 1.0})  # only bodies look like winners to this linker
    linker.models["organizer"] = LinearModel({"org:giver_before": 16.0}, -8.0)  # `dari X` reads as a giver's cue
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [(a.recipient, a.organizer) for a in rec.awards] == [("Eko Prasetyo", None)]


def test_a_body_after_a_member_noun_hands_its_win_to_the_person_named_after_it():
    text = "Kategori Karikatur diraih pewarta Harian Sukamaju, Didi Santoso, dengan karya Kartini."
    marks = [("Harian Sukamaju", "ORG"), ("Didi Santoso", "PER")]
    linker = _linker(winner={"label=ORG": 1.0})  # only bodies look like winners to this linker
    rec = Extractor([FakeTagger(marks)], "fake", linker).extract(text)
    assert [a.recipient for a in rec.awards] == ["Didi Santoso"]


def test_an_article_that_names_no_award_and_no_word_of_one_has_no_entries():
    marks = [("PT Sumber Makmur", "ORG"), ("PT Cahaya Abadi", "ORG")]
    linker = _linker(winner={"label=ORG": 1.0})
    csr = "PT Sumber Makmur dan PT Cahaya Abadi membagikan 2.000 paket sembako kepada warga desa."
    assert Extractor([FakeTagger(marks)], "fake", linker).extract(csr).awards == []
    won = "PT Sumber Makmur dan PT Cahaya Abadi meraih penghargaan dari pemerintah provinsi."
    assert [a.recipient for a in Extractor([FakeTagger(marks)], "fake", linker).extract(won).awards] == [
        "PT Sumber Makmur", "PT Cahaya Abadi"]


def test_categories_cut_short_or_written_with_the_awards_name_are_one():
    from extractor.link.learned import _cut_short, _same_tail

    assert _cut_short("tingkat provinsi", "tingkat provinsi diy")
    assert not _cut_short("tingkat provinsi diy", "tingkat provinsi") and not _cut_short("provinsi", "tingkat provinsi")
    assert _same_tail("pratama", "stbm pratama") and _same_tail("swasti saba wistara", "wistara")
    assert not _same_tail("madya", "utama") and not _same_tail("wistara", "wistara") and not _same_tail(None, "utama")
