"""Award spans cut to the award's own name: frames, a headline's giver and verb, a rank or a count that open them."""
from __future__ import annotations

import pytest

from extractor.core.spans import Span
from extractor.link.award_edges import award_edges


def edged(text: str, start: int = 10) -> str | None:
    page = " " * start + text
    s = award_edges(Span.of(page, start, start + len(text), "AWARD", "model"))
    if s is None:
        return None
    assert page[s.start:s.end] == s.text and s.end == start + len(text)  # offsets stay true to the page
    return s.text


@pytest.mark.parametrize("raw, name", [
    ("PERHELATAN Top CSR Awards 2022", "Top CSR Awards 2022"),  # a frame
    ("Daftar Lengkap Penerima Bencoolen Pos Awards 2024", "Bencoolen Pos Awards 2024"),
    ("Kemenkes Anugerahkan STBM Award 2023", "STBM Award 2023"),  # a headline's giver and verb
    ("Kemendagri Umumkan Pemenang Innovative Government Award 2025", "Innovative Government Award 2025"),
    ("Pemprov Papsel Terbaik Kedua TPID Award 2024", "TPID Award 2024"),  # a winner and its rank
    ("Terbaik II Paritrana Award 2023", "Paritrana Award 2023"),
    ("Empat Trofi Top BUMD Awards 2024", "Trofi Top BUMD Awards 2024"),  # a count before a head
    # the award's own name is kept whole
    ("SATU Indonesia Awards 2024", "SATU Indonesia Awards 2024"),
    ("Top 40 Inovasi Pelayanan Publik", "Top 40 Inovasi Pelayanan Publik"),
    ("Lomba Desa Tingkat Nasional", "Lomba Desa Tingkat Nasional"),
    ("Juara Umum", "Juara Umum"), ("Acara", "Acara"),
    ("Raih Penghargaan", "Raih Penghargaan"),  # after the verb only a head: nothing named, kept as written
    # a frame or a clause opener before heads and tails alone names no award
    ("Kemudian Award", None), ("Acara Penghargaan 2024", None),
])
def test_an_award_span_keeps_only_the_award_s_own_name(raw, name):
    assert edged(raw) == name
