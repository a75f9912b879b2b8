"""Property test: extract() never raises and every span points into the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Bupati", "Sleman", "Dr.", "H.", "S.H.,", "Kamis", "(5/12/2024)", "Juara", "I", ":", "Kota", "Pemkab", "Tegal",
         "Kementerian", "Dalam", "Negeri", "(Kemendagri)", "di", "Hotel", "Sahid", "\n", "Baca juga:", "meraih", "Adipura",
         "inovasi", "\"SiPintar\"", "(", ")", ",", ".", "Peringkat", "Ke-3", "1.", "Award", "2024", "Wali", "Kota"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)))
def test_extract_never_raises(rules, text):
    rec = rules.extract(text)
    for s in rec.spans:
        assert text[s.start:s.end] == s.text
    rec.to_dict()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)),
                min_size=1, max_size=5))
def test_pipe_batches_like_extract(rules, texts):
    """Batched extraction (what `anugerah extract` runs) gives the records one by one extraction gives."""
    for text, rec in zip(texts, rules.pipe(texts, batch_size=3)):
        assert rec.to_dict() == rules.extract(text).to_dict()
        assert all(text[s.start:s.end] == s.text for s in rec.spans)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(lambda b: b"\xff\xfe" + b),
                 st.text(max_size=200).map(lambda t: t.encode("utf-16-le")[:-1])),
       st.sampled_from([".txt", ".json", ".jsonl", ".md", ".html", "", ".csv", ".xml", ".log"]))
def test_readers_never_raise_anything_but_read_error(data, suffix):
    from extractor.io.readers import InputDoc, ReadError, read_text_input

    try:
        items = list(read_text_input(data, "x" + suffix, "x", suffix))
    except ReadError as exc:
        assert exc.path and exc.reason
        return
    assert all(isinstance(i, (InputDoc, ReadError)) for i in items)


def test_text_beyond_the_cap_keeps_offsets(rules):
    from extractor.pipeline import MAX_TEXT_CHARS

    text = ("Bupati Sleman Dr. H. Kustini, S.H., meraih Adipura di Hotel Sahid, Kamis (5/12/2024).\n" * 1300)
    assert len(text) > MAX_TEXT_CHARS
    rec = rules.extract(text)
    assert any("only the first" in w for w in rec.warnings)
    assert rec.spans and all(text[s.start:s.end] == s.text and s.end <= MAX_TEXT_CHARS for s in rec.spans)
