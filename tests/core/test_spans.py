"""Merging rule and model spans (`resolve`)."""
from __future__ import annotations

from extractor.core.spans import MergePolicy, Span, resolve


def test_a_model_rank_that_only_numbers_a_rule_name_is_dropped_and_vetoes_nothing():
    text = "Juara II : Puskesmas Depok II\nJuara III : Kelurahan Maju"
    name = Span.of(text, text.index("Puskesmas"), text.index("Puskesmas") + len("Puskesmas Depok II"), "ORG", "rules", 0.85)
    number = Span.of(text, name.end - 2, name.end, "RANK", "model", 0.93)
    place = Span.of(text, 0, 8, "RANK", "model", 0.97)
    kept = resolve([name, number, place], MergePolicy(veto=0.9, model_longer=0.9))
    assert [(s.text, s.label) for s in kept] == [("Juara II", "RANK"), ("Puskesmas Depok II", "ORG")]
    for s in kept:
        assert text[s.start:s.end] == s.text


def test_a_model_person_inside_a_rule_body_named_after_a_doctor_vetoes_it_not():
    text = "diraih RSUD dr Lembang Abidin dan Dinas Budi Santoso"
    hospital = Span.of(text, 7, 29, "ORG", "rules", 0.85, named_after=True)
    body = Span.of(text, 34, 52, "ORG", "rules", 0.85)  # a body that ran into a person's name
    doctor = Span.of(text, 12, 29, "PER", "model", 0.95)
    person = Span.of(text, 40, 52, "PER", "model", 0.95)
    kept = resolve([hospital, body, doctor, person], MergePolicy(veto=0.9, model_longer=0.9))
    assert hospital in kept and body not in kept
