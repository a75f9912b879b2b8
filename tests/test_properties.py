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
