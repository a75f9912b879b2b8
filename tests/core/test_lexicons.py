from __future__ import annotations

import json

import pytest

from extractor.core import lexicons


def test_all_lexicons_load_and_validate():
    loaded = lexicons.load_all()
    assert set(loaded) == set(lexicons.SCHEMAS)
    assert loaded["months"]["months"]["desember"] == 12


@pytest.mark.parametrize("broken, message", [
    ({"name": "months", "version": 1, "months": {"jan": "one"}, "weekdays": {}}, "must be an integer"),
    ({"name": "months", "version": 1, "months": {}}, "missing key 'weekdays'"),
    ({"name": "ranks", "version": 1}, "'name' must be 'months'"),
    ({"name": "months", "version": "1", "months": {}, "weekdays": {}}, "'version' must be an integer"),
])
def test_broken_lexicon_is_refused(tmp_path, broken, message):
    (tmp_path / "months.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=message):
        lexicons.load("months", str(tmp_path))


def test_unknown_lexicon():
    with pytest.raises(lexicons.LexiconError, match="unknown lexicon"):
        lexicons.load("colours")
