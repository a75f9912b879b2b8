"""Corpus regression tests (after trafilatura's real-world tests): each score.py figure held to a floor.

The rule layer alone and the shipped model run over the annotated corpora (the
team corpus, and the real dev split, whose text is read from ../shared and
checked by hash) and are scored with score.py; every field must stay at or
above its floor in floors.json. Floors rise with `python -m tests.evaluation.floors --raise`.
"""
from __future__ import annotations

import pytest

from ..conftest import SHARED
from . import floors as F

CASES = [(ex, corpus) for ex in F.EXTRACTORS for corpus in F.CORPORA]


@pytest.mark.parametrize("extractor_name, corpus", CASES)
def test_scores_do_not_fall_below_their_floors(extractor_name, corpus):
    if corpus == "real-dev" and not (SHARED / "data" / "award-pages").is_dir():
        pytest.skip("the real pages' text (../shared/data/award-pages) is not beside the checkout")
    if extractor_name == "default":
        from extractor.core.resources import default_model_dir

        if default_model_dir() is None:
            pytest.skip("no shipped model installed")
    floor = F.load().get(extractor_name, {}).get(corpus)
    assert floor, f"no floors for {extractor_name} on {corpus}: run python -m tests.evaluation.floors --raise"
    now = F.measure(extractor_name, corpus)
    fallen = {k: (now.get(k), v) for k, v in floor.items() if now.get(k) is None or now[k] < v}
    assert not fallen, f"{extractor_name} on {corpus} fell below its floors (now, floor): {fallen}"
