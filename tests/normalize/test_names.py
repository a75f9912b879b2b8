from __future__ import annotations

import pytest

from extractor.normalize.names import clean_person_name


@pytest.mark.parametrize("raw, clean", [
    ("Dr. H. Arif Santoso, S.H., M.Si.", "Arif Santoso"),
    ("Hj. Siti Aminah, S.E., M.M.", "Siti Aminah"),
    ("Ir. Budi Santoso M.T.", "Budi Santoso"),
    ("Prof. Dr. Rina Wati", "Rina Wati"),
    ("Dr Siti Nurbaya", "Siti Nurbaya"),
    ("dr. Andi Pratama, Sp.PD", "Andi Pratama"),
    ("Drs H Khairul Asmara", "Khairul Asmara"),
    ("Erwin ST MT", "Erwin"),
    ("Bapak Joko Santoso", "Joko Santoso"),
    ("Andi Sudirman", "Andi Sudirman"),
    ("HW Musyafirin", "HW Musyafirin"),
])
def test_clean_person_name(raw, clean):
    assert clean_person_name(raw) == clean
