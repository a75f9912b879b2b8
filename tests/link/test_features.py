"""Features of the learned award linker: what they may name, and when the cue features fire."""
from __future__ import annotations

from extractor.core.document import Document
from extractor.core.spans import Span
from extractor.link import features as F
from extractor.link.structure import read_structure


def _context(text: str, marks: list[tuple[str, str, str]]) -> tuple[F.Context, dict[str, Span]]:
    spans, pos = [], 0
    for surface, label, source in marks:
        start = text.index(surface, pos)
        spans.append(Span(start, start + len(surface), surface, label, source, 0.9))
        pos = start + len(surface)
    doc = Document(text)
    return F.Context(doc, spans, read_structure(doc, spans)), {s.text: s for s in spans}


def _marked(ctx: F.Context, spans: dict[str, Span], feature: str) -> set[str]:
    """The mentions whose winner features carry `feature`."""
    return {name for name, m in spans.items() if F.mention_features(ctx, m).get(feature) == 1.0}


def _firsts(feats: dict[str, float]) -> list[str]:
    return [k for k in feats if k.startswith("cat:first=")]


def test_a_category_names_its_first_word_only_when_a_lexicon_lists_it():
    text = "Desa Maju meraih Proklim Lestari dan Kategori Utama, juga kota besar."
    ctx, s = _context(text, [("Desa Maju", "LOC", "model"), ("Proklim Lestari", "CAT", "model"),
                             ("Kategori Utama", "CAT", "rules"), ("kota besar", "CAT", "model")])
    m = s["Desa Maju"]
    assert _firsts(F.category_features(ctx, m, s["Proklim Lestari"])) == ["cat:first=other"]  # a name of the train set
    assert _firsts(F.category_features(ctx, m, s["Kategori Utama"])) == ["cat:first=kategori"]
    assert _firsts(F.category_features(ctx, m, s["kota besar"])) == ["cat:first=kota"]  # a kind


def test_every_grade_gives_the_same_first_word_feature():
    text = "Desa Maju meraih predikat Nindya, Desa Jaya Madya, Desa Sentosa Utama dan Desa Lestari Emas."
    grades = ["Nindya", "Madya", "Utama", "Emas"]
    ctx, s = _context(text, [("Desa Maju", "LOC", "model"), *[(g, "CAT", "rules") for g in grades]])
    for g in grades:  # which grade is written says nothing of whose it is
        assert _firsts(F.category_features(ctx, s["Desa Maju"], s[g])) == ["cat:first=class"], g


def test_a_role_belongs_to_the_name_right_before_it():
    text = "Penghargaan diraih Provinsi Maju sebagai TPID Terbaik dan Kabupaten Sentosa sebagai TPID Teladan."
    role = "rules.awards.v1.role"
    ctx, s = _context(text, [("Provinsi Maju", "LOC", "model"), ("TPID Terbaik", "CAT", role),
                             ("Kabupaten Sentosa", "LOC", "model"), ("TPID Teladan", "CAT", role)])
    first, second = s["Provinsi Maju"], s["Kabupaten Sentosa"]
    assert F.category_features(ctx, first, s["TPID Terbaik"]).get("cat:role_of_mention") == 1.0
    assert "cat:role_of_mention" not in F.category_features(ctx, first, s["TPID Teladan"])  # another name between
    assert "cat:role_of_mention" not in F.category_features(ctx, second, s["TPID Terbaik"])  # before the name
    assert F.category_features(ctx, second, s["TPID Terbaik"]).get("cat:role") == 1.0



def test_names_after_a_jury_or_nominee_word_are_marked_until_a_win_verb():
    text = ("Dewan juri masing-masing Budi Santoso dan Rina Kartika menilai 40 karya. "
            "Dari lima nominasi yakni Polres Maju dan Polres Jaya, predikat terbaik diraih Polres Sentosa. "
            "Kapolres Sentosa Andi Wijaya bersyukur.")
    ctx, s = _context(text, [("Budi Santoso", "PER", "model"), ("Rina Kartika", "PER", "model"),
                             ("Polres Maju", "ORG", "model"), ("Polres Jaya", "ORG", "model"),
                             ("Polres Sentosa", "ORG", "model"), ("Andi Wijaya", "PER", "model")])
    marked = _marked(ctx, s, "cue:non_winner_before")
    # `diraih` stands between the cue and Polres Sentosa; Andi Wijaya's sentence has no cue
    assert marked == {"Budi Santoso", "Rina Kartika", "Polres Maju", "Polres Jaya"}


def test_a_hand_over_ends_the_reach_of_a_cue_of_taking_part():
    text = ("Menteri berterima kasih kepada para bupati yang telah hadir dan mengucapkan selamat kepada Kota Maju "
            "dan Kota Jaya. Acara itu dihadiri Bupati Sentosa dan Rina Kartika.")
    ctx, s = _context(text, [("Kota Maju", "LOC", "model"), ("Kota Jaya", "LOC", "model"),
                             ("Bupati Sentosa", "PER", "model"), ("Rina Kartika", "PER", "model")])
    # `kepada` after `hadir` hands the award to the names that follow; guests of a sentence without one stay marked
    assert _marked(ctx, s, F.NON_WINNER) == {"Bupati Sentosa", "Rina Kartika"}


def test_members_of_a_steering_council_are_marked_as_non_winners():
    text = ("Kota Maju meraih Anugerah Tata Kelola. Dalam majelis pengarah institut itu bergabung tokoh-tokoh, antara "
            "lain Budi Santoso dan Rina Kartika. Dewan penasihat institut itu adalah Agus Salim.")
    ctx, s = _context(text, [("Kota Maju", "LOC", "model"), ("Budi Santoso", "PER", "model"),
                             ("Rina Kartika", "PER", "model"), ("Agus Salim", "PER", "model")])
    assert _marked(ctx, s, F.NON_WINNER) == {"Budi Santoso", "Rina Kartika", "Agus Salim"}


def test_those_who_took_part_are_marked_as_non_winners():
    text = ("Perumda Tirta Maju meraih bintang 5. BUMD yang mengikuti Top BUMD Award adalah Bank Maju, BPR Sentosa "
            "dan Pasar Jaya.")
    ctx, s = _context(text, [("Perumda Tirta Maju", "ORG", "model"), ("Bank Maju", "ORG", "model"),
                             ("BPR Sentosa", "ORG", "model"), ("Pasar Jaya", "ORG", "model")])
    assert _marked(ctx, s, F.NON_WINNER) == {"Bank Maju", "BPR Sentosa", "Pasar Jaya"}


def test_a_cue_of_taking_part_that_the_winners_are_picked_from_marks_no_one():
    text = ("Panitia menetapkan tiga nominasi, yakni Desa Maju, Desa Jaya dan Desa Asri. Dari lima nominasi itu, Kalurahan "
            "Jaya ditetapkan sebagai juara pertama. Di antara 120 peserta, Kalurahan Asri meraih juara kedua.")
    ctx, s = _context(text, [("Desa Maju", "LOC", "model"), ("Desa Jaya", "LOC", "model"), ("Desa Asri", "LOC", "model"),
                             ("Kalurahan Jaya", "LOC", "model"), ("Kalurahan Asri", "LOC", "model")])
    assert _marked(ctx, s, F.NON_WINNER) == {"Desa Maju", "Desa Jaya", "Desa Asri"}


def test_a_jury_that_confers_the_award_names_the_winner_after_its_verb():
    text = ("Ketua Dewan Juri Anugerah Maju 2023 mengganjar Perum Sentosa peringkat 2. "
            "Dewan juri menobatkan PT Jaya Abadi sebagai yang terbaik. Dewan juri Budi Santoso menilai 40 karya. "
            "Dewan juri yang diketuai Agus Salim memutuskan PT Bumi Makmur menjadi The Best Overall.")
    ctx, s = _context(text, [("Perum Sentosa", "ORG", "model"), ("PT Jaya Abadi", "ORG", "model"),
                             ("Budi Santoso", "PER", "model"), ("Agus Salim", "PER", "model"),
                             ("PT Bumi Makmur", "ORG", "model")])
    # an active verb of conferring (`mengganjar`, `menobatkan`, `memutuskan`) hands the award over, like `kepada`
    assert _marked(ctx, s, F.NON_WINNER) == {"Budi Santoso", "Agus Salim"}


def test_a_province_after_a_place_it_holds_or_a_school_is_marked_as_where_it_lies():
    text = ("Penghargaan diraih Kota Kendari, Sulawesi Tenggara dan SMAN 1 Gadingrejo, Lampung. "
            "Juga diraih Kabupaten Banyuwangi, Jawa Barat dan Bali.")
    ctx, s = _context(text, [("Kota Kendari", "LOC", "model"), ("Sulawesi Tenggara", "LOC", "model"),
                             ("SMAN 1 Gadingrejo", "ORG", "model"), ("Lampung", "LOC", "model"),
                             ("Kabupaten Banyuwangi", "LOC", "model"), ("Jawa Barat", "LOC", "model"),
                             ("Bali", "LOC", "model")])
    marked = _marked(ctx, s, "place:province_of_name")
    assert marked == {"Sulawesi Tenggara", "Lampung"}  # Jawa Barat does not hold Banyuwangi: two winners


def test_a_province_after_a_name_glossed_in_brackets_is_where_it_lies():
    text = ("Pemerintah Kabupaten Barito Kuala (Pemkab Batola) Kalimantan Selatan meraih Piala Adipura. "
            "Kota Bogor (Pemkot Bogor) Jawa Timur juga meraih Piala Adipura.")
    ctx, s = _context(text, [("Pemerintah Kabupaten Barito Kuala", "ORG", "model"), ("Pemkab Batola", "ORG", "model"),
                             ("Kalimantan Selatan", "LOC", "model"), ("Kota Bogor", "LOC", "model"),
                             ("Pemkot Bogor", "ORG", "model"), ("Jawa Timur", "LOC", "model")])
    assert _marked(ctx, s, "place:province_of_name") == {"Kalimantan Selatan"}  # Jawa Timur holds no Bogor


def test_partners_sponsors_beaten_rivals_and_company_are_marked_as_non_winners():
    text = ("Penghargaan digelar Majalah Maju bekerja sama dengan Yayasan Sentosa dan Lembaga Jaya. "
            "Di kategori utilitas, PT Listrik Maju mengungguli Tenaga Sejahtera Berhad dan SP Sentosa. "
            "Bupati Budi Santoso didampingi Rina Kartika menerima penghargaan itu.")
    ctx, s = _context(text, [("Majalah Maju", "ORG", "model"), ("Yayasan Sentosa", "ORG", "model"),
                             ("Lembaga Jaya", "ORG", "model"), ("PT Listrik Maju", "ORG", "model"),
                             ("Tenaga Sejahtera Berhad", "ORG", "model"), ("SP Sentosa", "ORG", "model"),
                             ("Budi Santoso", "PER", "model"), ("Rina Kartika", "PER", "model")])
    marked = _marked(ctx, s, "cue:non_winner_before")
    assert marked == {"Yayasan Sentosa", "Lembaga Jaya", "Tenaga Sejahtera Berhad", "SP Sentosa", "Rina Kartika"}


def test_a_place_after_a_name_and_a_comma_or_a_dash_is_marked_as_where_it_lies():
    text = ("Juara I : Pantai Sawahan – Kabupaten Bima, Provinsi NTB\nJuara II : Desa Wisata Maju, Kabupaten Dompu\n"
            "Juara III : Kota Ternate dan Kabupaten Sleman")
    ctx, s = _context(text, [("Pantai Sawahan", "LOC", "model"), ("Kabupaten Bima", "LOC", "model"),
                             ("Desa Wisata Maju", "LOC", "model"), ("Kabupaten Dompu", "LOC", "model"),
                             ("Kota Ternate", "LOC", "model"), ("Kabupaten Sleman", "LOC", "model")])
    assert _marked(ctx, s, "place:after_name_comma") == {"Kabupaten Bima", "Kabupaten Dompu"}


def test_a_region_after_a_datelines_place_and_its_dash_is_a_name():
    text = "Kota Magelang Raih Adipura\n\nMAGELANG - Kota Magelang meraih Adipura 2025 di Jakarta."
    ctx, s = _context(text, [("Kota Magelang", "LOC", "model"), ("MAGELANG", "LOC", "model"),
                             ("Kota Magelang", "LOC", "model"), ("Jakarta", "LOC", "model")])
    body = ctx.spans[2]
    feats = F.mention_features(ctx, body)
    assert "place:after_name_comma" not in feats and "pos:dateline" not in feats
    assert "pos:dateline" in F.mention_features(ctx, ctx.spans[1])


def test_the_agent_of_a_passive_win_verb_is_no_giver():
    text = ("Kategori kota sedang diraih oleh Kota Maju dan Kota Jaya. "
            "Lomba itu diselenggarakan oleh Kementerian Sentosa. Piagam diberikan oleh Bupati Lestari.")
    ctx, s = _context(text, [("Kota Maju", "LOC", "model"), ("Kota Jaya", "LOC", "model"),
                             ("Kementerian Sentosa", "ORG", "model"), ("Bupati Lestari", "PER", "model")])
    # `diraih oleh`: won by; `diselenggarakan oleh`, a bare `oleh`: given or held by
    assert _marked(ctx, s, "cue:giver_before") == {"Kementerian Sentosa", "Bupati Lestari"}


def test_a_rival_that_still_placed_is_no_loser():
    text = ("Kota Maju Kalahkan Kota Jaya dan Kota Sentosa. "
            "Karya Budi Santoso menyisihkan Rina Kartika dari Warta.com yang menyabet peringkat kedua. "
            "Karya Dedi Kurnia menyisihkan Andi Wijaya dari Kabar.id.")
    ctx, s = _context(text, [("Kota Maju", "LOC", "model"), ("Kota Jaya", "LOC", "model"),
                             ("Kota Sentosa", "LOC", "model"), ("Budi Santoso", "PER", "model"),
                             ("Rina Kartika", "PER", "model"), ("Dedi Kurnia", "PER", "model"),
                             ("Andi Wijaya", "PER", "model")])
    beaten = {name for name, m in s.items() if F.after_rival_cue(ctx, m)}
    # a headline's bare verb is a rival cue; a relative clause telling the name's own win undoes it
    assert beaten == {"Kota Jaya", "Kota Sentosa", "Andi Wijaya"}
    assert _marked(ctx, s, F.NON_WINNER) == beaten
    text = "Unhas mengungguli Universitas Gadjah Mada yang berada di posisi kedua. Unhas mengungguli IPB Bogor."
    ctx, s = _context(text, [("Unhas", "ORG", "model"), ("Universitas Gadjah Mada", "ORG", "model"),
                             ("Unhas", "ORG", "model"), ("IPB Bogor", "ORG", "model")])
    # a place of its own told in the relative clause (no win verb there) undoes it too
    assert {name for name, m in s.items() if F.after_rival_cue(ctx, m)} == {"IPB Bogor"}


def test_the_province_a_winner_lies_in_stands_between_nothing():
    text = "Kostrat Aceh meraih peringkat pertama, dan KUD Karya Pelalawan, Riau meraih tempat kedua."
    ctx, s = _context(text, [("Kostrat Aceh", "ORG", "model"), ("peringkat pertama", "RANK", "rules"),
                             ("KUD Karya Pelalawan", "ORG", "model"), ("Riau", "LOC", "rules"),
                             ("tempat kedua", "RANK", "rules")])
    m = s["KUD Karya Pelalawan"]
    after = F.rank_features(ctx, m, s["tempat kedua"], "span")
    assert after.get("rank:adjacent") == 1.0 and after.get("rank:entities_between=<=0") == 1.0
    # another winner between a name and a value still counts
    before = F.rank_features(ctx, s["Kostrat Aceh"], s["tempat kedua"], "span")
    assert "rank:adjacent" not in before and before.get("rank:entities_between=<=3") == 1.0  # KUD and Riau


def test_a_delegation_from_a_place_is_no_giver():
    text = "Juara dua diraih kafilah dari DKI Jakarta, sedangkan piala diserahkan dari Kementerian Agama."
    ctx, s = _context(text, [("DKI Jakarta", "LOC", "model"), ("Kementerian Agama", "ORG", "model")])
    assert _marked(ctx, s, "cue:giver_before") == {"Kementerian Agama"}


def test_a_place_is_taken_by_a_name_and_its_short_name_in_brackets():
    text = ("Universitas Sukamaju (Unsuka) menempati peringkat ketiga. Peringkat pertama ditempati Universitas Sawahan "
            "dan peringkat kedua Universitas Sukajadi.")
    ctx, s = _context(text, [("Universitas Sukamaju", "ORG", "model"), ("Unsuka", "ORG", "rules"),
                             ("peringkat ketiga", "RANK", "rules"), ("Universitas Sawahan", "ORG", "model"),
                             ("peringkat kedua", "RANK", "rules"), ("Universitas Sukajadi", "ORG", "model")])
    assert ctx.taken(s["peringkat ketiga"]) == (s["Universitas Sukamaju"].start, s["Unsuka"].start)
    assert ctx.taken(s["peringkat kedua"]) is None


def test_a_labelled_category_right_after_a_name_is_taken_by_it_but_not_across_a_join():
    text = ("Kabupaten Maju naik ke kategori Madya, dan Kota Jaya tetap di kategori Pratama. "
            "Kategori Nindya diraih Kota Sentosa dan kategori Utama diraih Kabupaten Damai.")
    ctx, s = _context(text, [("Kabupaten Maju", "LOC", "model"), ("kategori Madya", "CAT", "rules"),
                             ("Kota Jaya", "LOC", "model"), ("kategori Pratama", "CAT", "rules"),
                             ("Kategori Nindya", "CAT", "rules"), ("Kota Sentosa", "LOC", "model"),
                             ("kategori Utama", "CAT", "rules"), ("Kabupaten Damai", "LOC", "model")])
    assert ctx.taken(s["kategori Madya"]) == (s["Kabupaten Maju"].start,) * 2
    assert ctx.taken(s["kategori Pratama"]) == (s["Kota Jaya"].start,) * 2
    assert ctx.taken(s["kategori Utama"]) is None  # `Kota Sentosa dan kategori Utama`: the next clause's


def test_a_passive_verb_of_the_next_sentence_claims_no_category():
    text = "Kampung Maju meraih juara satu pada kategori kampung perkotaan. Penghargaan diterima Wali Kota Jaya."
    ctx, s = _context(text, [("Kampung Maju", "LOC", "model"), ("kategori kampung perkotaan", "CAT", "rules"),
                             ("Kota Jaya", "LOC", "model")])
    assert ctx.claimed(s["kategori kampung perkotaan"]) is None
    text = "Kategori kampung perkotaan diterima Kampung Maju."
    ctx, s = _context(text, [("Kategori kampung perkotaan", "CAT", "rules"), ("Kampung Maju", "LOC", "model")])
    assert ctx.claimed(s["Kategori kampung perkotaan"]) is not None


def test_a_place_taken_after_a_person_and_where_she_comes_from_is_hers():
    text = ("Dwi Apriani dari Harian Sumsel meraih juara ketiga Anugerah Jurnalistik 2024. Tim Cahaya dari SMAN 1 Kendari "
            "meraih juara pertama lomba debat.")
    ctx, s = _context(text, [("Dwi Apriani", "PER", "model"), ("Harian Sumsel", "ORG", "model"),
                             ("juara ketiga", "RANK", "rules"), ("Anugerah Jurnalistik 2024", "AWARD", "model"),
                             ("Tim Cahaya", "ORG", "model"), ("SMAN 1 Kendari", "ORG", "model"),
                             ("juara pertama", "RANK", "rules")])
    assert ctx.taken(s["juara ketiga"]) == (s["Dwi Apriani"].start, s["Dwi Apriani"].start)
    assert ctx.taken(s["juara pertama"]) == (s["SMAN 1 Kendari"].start, s["SMAN 1 Kendari"].start)  # a team's school
