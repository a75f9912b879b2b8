"""Helpers the field linkers share."""
from __future__ import annotations

import re


def norm(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.lower()))
