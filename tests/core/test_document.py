"""The article as the rules see it: sentences do not end at an honorific, a degree or an initial."""
from __future__ import annotations

from extractor.core.document import Document


def test_honorifics_degrees_and_initials_end_no_sentence():
    text = ("Ketiga kepala daerah itu adalah Bupati Sleman Dra. Hj. Kustini Sri Purnomo, Bupati Bantul H. Abdul Halim "
            "Muslih, S.Pd. dan M. Ridwan Kamil. Ketiganya hadir. Juara I. Kota Bima.")
    doc = Document(text)
    assert [text[a:b] for a, b in doc.sentences()] == [
        "Ketiga kepala daerah itu adalah Bupati Sleman Dra. Hj. Kustini Sri Purnomo, Bupati Bantul H. Abdul Halim "
        "Muslih, S.Pd. dan M. Ridwan Kamil.", "Ketiganya hadir.", "Juara I.", "Kota Bima."]
