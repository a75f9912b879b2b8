"""Load and validate the rule lexicons (data files under data/lexicons/).

Lexicons are data, not code: each JSON file names itself, carries a version
and is checked against a small schema when it is loaded, so a broken edit
fails loudly with the file and the key at fault.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .resources import data_dir


class LexiconError(ValueError):
    """A lexicon file is missing, malformed or fails its schema."""


# Expected top-level keys and their types, per lexicon.
SCHEMAS: dict[str, dict[str, type]] = {
    "months": {"months": dict, "weekdays": dict, "year_words": list, "time_words": list},
    "ranks": {"heads": list, "ranking_words": list, "non_rank_heads": list, "mention_heads": list, "ordinals": dict, "roman": dict, "count_context": list,
              "range_words": list, "reference_heads": list, "reference_tails": list,
              "phrases": dict},
    "titles": {"prefixes": list, "heads": list, "abbreviations": list, "ranks": list, "complement_words": list,
               "term_words": list, "panel_words": list, "panel_pointers": list,
               "panel_cues": list, "company_heads": list, "apposition_cues": list, "member_nouns": list,
               "origin_cues": list,
               "rank_tails": list},
    "degrees": {"honorifics": list, "degrees": list, "name_particles_kept": list, "name_abbreviations": list},
    "agencies": {"heads": list, "tails": list, "acronyms": dict, "not_agencies": list,
                 "generic_acronyms": list, "not_agency_phrases": list, "kind_words": list,
                 "connectors": list, "company_tails": list, "acronym_lead_words": list,
                 "titled_heads": list, "name_titles": list, "numbered_heads": list, "unit_heads": list,
                 "owner_cues": list, "school_kinds": list,
                 "not_body_starts": list, "carrier_cues": list, "acronym_skip_words": list},
    "awards": {"heads": list, "grade_heads": list, "tails": list, "contest_heads": list, "category_heads": list,
               "category_words": list, "numbered_grades": list, "win_verbs": list, "giver_cues": list, "giving_verbs": list,
               "handing_verbs": list,
               "delegation_words": list, "known": list, "order_words": list, "distribution_words": list,
               "count_anaphors": list, "list_cues": list, "receive_cues": list, "evidence_words": list,
               "follow_words": list, "next_words": list, "category_labels": list, "category_kinds": list,
               "category_stops": list, "quality_cues": list, "superlatives": list, "passive_verbs": list,
               "claim_copulas": list, "personal_awards": list, "giver_heads": list,
               "role_cues": list, "role_not_starts": list, "list_joins": list, "agent_words": list,
               "recipient_cues": list, "non_winner_cues": list, "rival_cues": list, "cue_breaks": list,
               "category_list_cues": list, "field_heads": list, "lead_in_cues": list, "lead_in_openers": list,
               "lead_in_skips": list, "lead_in_verb_prefixes": list, "name_stops": list,
               "history_openers": list, "speech_verbs": list, "bare_grades": list, "failing_grades": list,
               "negations": list, "frame_words": list, "headline_verbs": list, "sub_labels": list,
               "history_markers": list, "exclusive_words": list, "selection_cues": list,
               "press_statements": list},
    "venues": {"heads": list, "known": list, "context_words": list, "kind_words": list, "connectors": list, "city_cues": list,
               "event_cues": list},
    "noise": {"line_starts": list, "line_contains": list},
    "stopwords": {"words": list},
    "people": {"nicknames": dict, "not_name_suffixes": list},
    "programs": {"keywords": list, "name_heads": list, "fillers": list, "context_words": list,
                 "not_name_starts": list, "not_name_ends": list, "generic_words": list, "owner_cues": list},
    "regions": {"aliases": dict, "cities_extra": list, "government_words": dict, "region_types": list, "capitals": dict,
                "spellings": dict, "level_words": dict, "leader_titles": dict, "province_names": dict, "areas": list},
}


def _validate(name: str, data: Any, path: Path) -> dict:
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: top level must be an object")
    if data.get("name") != name:
        raise LexiconError(f"{path}: 'name' must be {name!r}, found {data.get('name')!r}")
    if not isinstance(data.get("version"), int):
        raise LexiconError(f"{path}: 'version' must be an integer")
    unknown = sorted(set(data) - set(SCHEMAS[name]) - {"name", "version", "description"})
    if unknown:
        raise LexiconError(f"{path}: unknown key(s) {unknown}: no code reads them (known: {sorted(SCHEMAS[name])})")
    for key, typ in SCHEMAS[name].items():
        if key not in data:
            raise LexiconError(f"{path}: missing key {key!r}")
        value = data[key]
        if not isinstance(value, typ):
            raise LexiconError(f"{path}: {key!r} must be a {typ.__name__}")
        if typ is list:
            for i, item in enumerate(value):
                if isinstance(item, str) and not item.strip():
                    raise LexiconError(f"{path}: {key}[{i}] is empty")
        if typ is dict:
            for k in value:
                if not str(k).strip():
                    raise LexiconError(f"{path}: {key} has an empty key")
    if name == "noise":
        for key in ("line_starts", "line_contains"):
            for pat in data[key]:
                try:
                    re.compile(pat)
                except re.error as exc:
                    raise LexiconError(f"{path}: {key} pattern {pat!r} does not compile: {exc}") from exc
    if name == "awards":
        for i, entry in enumerate(data["known"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(entry.get("aliases"), list):
                raise LexiconError(f"{path}: known[{i}] needs 'name' (string) and 'aliases' (list)")
    if name == "agencies":
        for key in ("titled_heads", "numbered_heads", "unit_heads"):
            stray = sorted(set(data[key]) - set(data["heads"]))
            if stray:
                raise LexiconError(f"{path}: {key} {stray} are not in heads")
    if name == "regions":
        levels = {"province", "regency", "city", "district", "village"}
        for key in ("level_words", "leader_titles"):
            for k, v in data[key].items():
                if v not in levels:
                    raise LexiconError(f"{path}: {key}[{k!r}] must be one of {sorted(levels)}")
    if name in ("months", "ranks"):
        for key in ("months", "weekdays", "ordinals", "roman", "phrases"):
            for k, v in data.get(key, {}).items():
                if not isinstance(v, int):
                    raise LexiconError(f"{path}: {key}[{k!r}] must be an integer")
    return data


@lru_cache(maxsize=None)
def load(name: str, directory: str | None = None) -> dict:
    """Return the validated lexicon `name` (cached); `directory` overrides the default location."""
    if name not in SCHEMAS:
        raise LexiconError(f"unknown lexicon {name!r}; known: {sorted(SCHEMAS)}")
    base = Path(directory) if directory else data_dir() / "lexicons"
    path = base / f"{name}.json"
    if not path.is_file():
        raise LexiconError(f"lexicon file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: not valid JSON: {exc}") from exc
    return _validate(name, data, path)


def load_all(directory: str | None = None) -> dict[str, dict]:
    """Load every lexicon (tests use it to fail early on a broken edit)."""
    return {name: load(name, directory) for name in SCHEMAS}


@lru_cache(maxsize=None)
def words(name: str, *keys: str, end: str = r"\b", ignore_case: bool = True) -> re.Pattern:
    """A pattern for the words listed under `keys` of lexicon `name`: `\b(?:w1|w2...)` + `end`, case-insensitive
    unless `ignore_case` is False (`di` before a capitalised place, where `end` reads the case).

    The one way rule code turns a word list into a pattern, so every list is matched alike."""
    lex = load(name)
    listed = [w for k in keys for w in lex[k]]
    return re.compile(rf"\b{alternation(listed)}{end}", re.I if ignore_case else 0)


def dotless(token: str) -> str:
    """A word keyed for matching abbreviations however dotted: no dots or blanks, lower case (`S.Pd.` -> `spd`)."""
    return re.sub(r"[.\s]", "", token).lower()


@lru_cache(maxsize=None)
def dotless_words(name: str, key: str) -> frozenset[str]:
    """The words listed under `key` of lexicon `name`, keyed by `dotless` (honorifics, degrees)."""
    return frozenset(dotless(w) for w in load(name)[key]) - {""}


def alternation(words: list[str] | set[str], *, flags_word: bool = True) -> str:
    """A regex alternation of literal words, longest first, so `Wakil Menteri` wins over `Menteri`."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in parts)
    return f"(?:{body})"
