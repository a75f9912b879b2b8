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
    ("Alm. Alta Zaini", "Alta Zaini"),  # the late
    ("TGKH Muhammad Zainuddin Abdul Madjid", "Muhammad Zainuddin Abdul Madjid"),
])
def test_clean_person_name(raw, clean):
    assert clean_person_name(raw) == clean


def test_the_letter_of_a_list_item_is_no_part_of_a_name():
    from extractor.link.common import clean
    from extractor.normalize.names import clean_person_name

    assert clean_person_name("c. Martha Tilaar") == "Martha Tilaar"
    assert clean("b. Kota Bima") == "Kota Bima"
    assert clean_person_name("A. Rahman") == "A. Rahman"  # an initial stays


@pytest.mark.parametrize("raw, clean", [
    ("AKBP Toni Kasmiri", "Toni Kasmiri"),
    ("Letkol Arh Syarifudin Banjar", "Syarifudin Banjar"),  # a corps after the rank
    ("Jenderal TNI (Purn.) Sarwo Edhie Wibowo", "Sarwo Edhie Wibowo"),  # retired
    ("Mayor Jenderal TNI Suharyanto", "Suharyanto"),
    ("Komjen Pol. Ari Dono Sukmanto", "Ari Dono Sukmanto"),
    ("Jenderal Besar TNI Soeharto", "Soeharto"), ("Aipda Yohanis Mandacan", "Yohanis Mandacan"),
    ("Jenderal TNI (Purn.)", ""), ("Kolonel", ""),  # a rank alone names no one
    ("Polim Sitompul", "Polim Sitompul"),  # a name that begins like a rank's tail
])
def test_a_police_or_military_rank_is_no_part_of_a_name(raw, clean):
    assert clean_person_name(raw) == clean
