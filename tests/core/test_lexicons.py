from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.core import lexicons


def test_all_lexicons_load_and_validate():
    loaded = lexicons.load_all()
    assert set(loaded) == set(lexicons.SCHEMAS)
    assert loaded["months"]["months"]["desember"] == 12


@pytest.mark.parametrize("broken, message", [
    ({"name": "months", "version": 1, "months": {"jan": "one"}, "weekdays": {}, "year_words": [], "time_words": []}, "must be an integer"),
    ({"name": "months", "version": 1, "months": {}}, "missing key 'weekdays'"),
    ({"name": "ranks", "version": 1}, "'name' must be 'months'"),
    ({"name": "months", "version": "1", "months": {}, "weekdays": {}, "year_words": [], "time_words": []}, "'version' must be an integer"),
    ({"name": "months", "version": 1, "months": {}, "weekdays": {}, "year_words": [], "time_words": [], "seasons": []}, "unknown key.*seasons.*no code reads"),
])
def test_broken_lexicon_is_refused(tmp_path, broken, message):
    (tmp_path / "months.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=message):
        lexicons.load("months", str(tmp_path))


def test_unknown_lexicon():
    with pytest.raises(lexicons.LexiconError, match="unknown lexicon"):
        lexicons.load("colours")


def test_every_lexicon_key_is_read_by_the_code():
    """The lexicons are the only source of rule vocabulary: a schema key that no module reads is a shadow list waiting to drift."""
    import re
    from pathlib import Path

    import extractor

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(extractor.__file__).parent.rglob("*.py"))
    unread = [f"{name}.{key}" for name, keys in lexicons.SCHEMAS.items() for key in keys
              if not re.search(rf"""\[["']{key}["']\]|lexicons\.(?:dotless_)?words\([^)]*["']{key}["']""", source)]
    assert unread == []


def test_region_levels_in_the_lexicon_are_checked(tmp_path):
    data = json.loads((Path(lexicons.data_dir()) / "lexicons" / "regions.json").read_text(encoding="utf-8"))
    data["level_words"]["Kab."] = "county"
    (tmp_path / "regions.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=r"level_words\['Kab.'\] must be one of"):
        lexicons.load("regions", str(tmp_path))


def test_dotless_keys_match_abbreviations_however_dotted():
    from extractor.core import lexicons

    assert lexicons.dotless("S.Pd.") == lexicons.dotless("S.Pd") == lexicons.dotless("s. pd") == "spd"
    assert "hj" in lexicons.dotless_words("degrees", "honorifics")
    assert "spd" in lexicons.dotless_words("degrees", "degrees")


@pytest.mark.parametrize("key", ["titled_heads", "numbered_heads"])
def test_agency_head_subsets_must_be_heads(tmp_path, key):
    data = json.loads((Path(lexicons.data_dir()) / "lexicons" / "agencies.json").read_text(encoding="utf-8"))
    data[key].append("Padepokan")
    (tmp_path / "agencies.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=rf"{key} \['Padepokan'\] are not in heads"):
        lexicons.load("agencies", str(tmp_path))
