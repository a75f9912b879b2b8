"""Helpers the field linkers share."""
from __future__ import annotations

import re


def norm(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.lower()))


def clean(text: str) -> str:
    """A surface form for the record: spaces collapsed, edge punctuation and quotes off."""
    return " ".join(text.split()).strip(" ,.;:-–—\"“”")


def year_in(text: str) -> int | None:
    """The first plausible year written in `text` (an award's edition)."""
    m = re.search(r"\b(19[89]\d|20[0-4]\d)\b", text)
    return int(m.group(1)) if m else None
